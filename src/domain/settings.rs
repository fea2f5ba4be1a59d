//! The person's settings, their defaults and the one place their limits are said.

use super::card::Track;
use super::schedule::Scheduler;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// Probability of recall FSRS aims for when it picks an interval (0.70–0.97).
    pub desired_retention: f32,
    /// New cards introduced per study day.
    pub new_per_day: u32,
    /// Review-card grades allowed per study day.
    pub max_reviews_per_day: u32,
    /// No interval is longer than this many days.
    pub max_interval_days: u32,
    /// Readiness to aim for on the interview date (0.50–0.99).
    pub readiness_target: f32,
    /// Rehearse mode by default: answer against a countdown, typed or recorded, before the reveal.
    pub rehearse: bool,
    /// The countdown of rehearse mode, in seconds (15–900).
    pub answer_seconds: u32,
    /// Use the browser's speech recognition while recording (only where it exists).
    pub speech: bool,
    /// The role track whose model answers the person drills; `None` until they choose one (or
    /// skip the choice, which picks General/office), so the app asks once.
    pub track: Option<Track>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            desired_retention: 0.90,
            new_per_day: 15,
            max_reviews_per_day: 200,
            max_interval_days: 36500,
            readiness_target: 0.90,
            rehearse: false,
            answer_seconds: 120,
            speech: false,
            track: None,
        }
    }
}

/// The range each setting may take, said once: the settings form checks what is typed against
/// it (and its fields show it), `Settings::sanitised` brings any value inside it (for what storage,
/// a backup or another tab holds), and the scheduler clamps the retention it is given to it.
pub mod limits {
    use std::ops::RangeInclusive;

    /// Desired retention, in percent.
    pub const RETENTION_PERCENT: RangeInclusive<u32> = 70..=97;
    pub const NEW_PER_DAY: RangeInclusive<u32> = 0..=9999;
    pub const MAX_REVIEWS_PER_DAY: RangeInclusive<u32> = 0..=99_999;
    pub const MAX_INTERVAL_DAYS: RangeInclusive<u32> = 1..=36_500;
    /// Readiness target, in percent.
    pub const TARGET_PERCENT: RangeInclusive<u32> = 50..=99;
    pub const ANSWER_SECONDS: RangeInclusive<u32> = 15..=900;

    /// A share's range (a percentage range as a fraction).
    pub fn share(percent: &RangeInclusive<u32>) -> (f32, f32) {
        (*percent.start() as f32 / 100.0, *percent.end() as f32 / 100.0)
    }

    /// A whole number brought inside its range.
    pub fn whole(n: u32, range: &RangeInclusive<u32>) -> u32 {
        n.clamp(*range.start(), *range.end())
    }

    /// A share brought inside its range (`fallback` when it is not a number).
    pub fn fraction(x: f32, percent: &RangeInclusive<u32>, fallback: f32) -> f32 {
        let (min, max) = share(percent);
        if x.is_finite() {
            x.clamp(min, max)
        } else {
            fallback
        }
    }
}

impl Settings {
    /// The same settings with every value brought inside its allowed range (`limits`).
    pub fn sanitised(self) -> Settings {
        Settings {
            desired_retention: limits::fraction(self.desired_retention, &limits::RETENTION_PERCENT, 0.9),
            new_per_day: limits::whole(self.new_per_day, &limits::NEW_PER_DAY),
            max_reviews_per_day: limits::whole(self.max_reviews_per_day, &limits::MAX_REVIEWS_PER_DAY),
            max_interval_days: limits::whole(self.max_interval_days, &limits::MAX_INTERVAL_DAYS),
            readiness_target: limits::fraction(self.readiness_target, &limits::TARGET_PERCENT, 0.9),
            answer_seconds: limits::whole(self.answer_seconds, &limits::ANSWER_SECONDS),
            ..self
        }
    }

    /// The track in use: General/office until one is chosen.
    pub fn track(&self) -> Track {
        self.track.unwrap_or_default()
    }

    pub fn scheduler(&self) -> Scheduler {
        Scheduler::new(self.desired_retention, self.max_interval_days)
    }
}
