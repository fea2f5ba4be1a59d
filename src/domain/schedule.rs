//! FSRS-6 scheduling through the `fsrs` crate, with Anki-style learning steps.
//!
//! The state machine mirrors the reference scheduler of the Python `fsrs` package (6.x) with fuzzing
//! off: learning steps 1m and 10m, one relearning step of 10m, review intervals rounded to whole days,
//! at least one day and never past the maximum interval. Memory states (stability, difficulty) come
//! from `fsrs::FSRS::next_states`, which uses the short-term formula for same-day reviews.

use super::card::{Phase, Progress, Rating};
use super::clock::{DAY_MS, MINUTE_MS};
use fsrs::{MemoryState, FSRS};

pub const LEARNING_STEPS_MS: [i64; 2] = [MINUTE_MS, 10 * MINUTE_MS];
pub const RELEARNING_STEPS_MS: [i64; 1] = [10 * MINUTE_MS];

/// FSRS-6 with its default parameters, built through the crate's own API (`FSRS::default()` is
/// `FSRS::new(&[])`, which fills in and checks the default parameters). The crate is pinned to an
/// exact version in Cargo.toml: tests/fsrs_reference.rs holds intervals it must reproduce.
fn default_model() -> FSRS {
    FSRS::default()
}

#[derive(Debug, Clone)]
pub struct Scheduler {
    fsrs: FSRS,
    pub desired_retention: f32,
    pub max_interval_days: u32,
}

impl Scheduler {
    pub fn new(desired_retention: f32, max_interval_days: u32) -> Self {
        Scheduler {
            fsrs: default_model(),
            desired_retention: super::settings::limits::fraction(desired_retention, &super::settings::limits::RETENTION_PERCENT, 0.9),
            max_interval_days: super::settings::limits::whole(max_interval_days, &super::settings::limits::MAX_INTERVAL_DAYS),
        }
    }

    /// Whole days from the last review to `now_ms`, as the reference scheduler counts them.
    fn elapsed_days(progress: &Progress, now_ms: i64) -> u32 {
        match progress.last_review_ms {
            Some(last) if now_ms > last => ((now_ms - last) / DAY_MS) as u32,
            _ => 0,
        }
    }

    /// Whole-day interval for a stability, as in the reference scheduler.
    pub fn interval_days(&self, interval: f32) -> i64 {
        let days = if interval.is_finite() { interval.round() as i64 } else { 1 };
        days.clamp(1, self.max_interval_days as i64)
    }

    fn memory_after(&self, progress: &Progress, rating: Rating, now_ms: i64) -> (MemoryState, f32) {
        let current = if progress.is_new() || progress.stability <= 0.0 {
            None
        } else {
            Some(MemoryState { stability: progress.stability, difficulty: progress.difficulty })
        };
        let days = Self::elapsed_days(progress, now_ms);
        let retention = self.desired_retention;
        // A corrupt memory state is the only way next_states fails: then the card's memory starts afresh.
        let next = self.fsrs.next_states(current, retention, days).or_else(|_| self.fsrs.next_states(None, retention, 0));
        match next {
            Ok(next) => {
                let item = match rating {
                    Rating::Again => next.again,
                    Rating::Hard => next.hard,
                    Rating::Good => next.good,
                    Rating::Easy => next.easy,
                };
                (item.memory, item.interval)
            }
            Err(_) => (MemoryState { stability: 1.0, difficulty: 5.0 }, 1.0),
        }
    }

    /// The card's schedule after grading it `rating` at `now_ms`.
    pub fn grade(&self, progress: &Progress, rating: Rating, now_ms: i64) -> Progress {
        let (memory, interval) = self.memory_after(progress, rating, now_ms);
        let mut next = Progress {
            stability: memory.stability,
            difficulty: memory.difficulty,
            last_review_ms: Some(now_ms),
            reps: progress.reps + 1,
            ..*progress
        };
        let graduate = |next: &mut Progress| {
            next.phase = Phase::Review;
            next.step = 0;
            self.interval_days(interval) * DAY_MS
        };
        let wait_ms = match progress.phase {
            Phase::New | Phase::Learning => {
                next.phase = Phase::Learning;
                let step = if progress.is_new() { 0 } else { progress.step as usize };
                steps_outcome(&LEARNING_STEPS_MS, step, rating, &mut next).unwrap_or_else(|| graduate(&mut next))
            }
            Phase::Review => match rating {
                Rating::Again => {
                    next.lapses += 1;
                    next.phase = Phase::Relearning;
                    next.step = 0;
                    RELEARNING_STEPS_MS[0]
                }
                _ => graduate(&mut next),
            },
            Phase::Relearning => {
                let step = progress.step as usize;
                steps_outcome(&RELEARNING_STEPS_MS, step, rating, &mut next).unwrap_or_else(|| graduate(&mut next))
            }
        };
        next.due_ms = now_ms + wait_ms;
        next
    }

    /// How long each grade would put the card away for, in milliseconds (for the button labels).
    pub fn preview(&self, progress: &Progress, now_ms: i64) -> [i64; 4] {
        Rating::ALL.map(|r| self.grade(progress, r, now_ms).due_ms - now_ms)
    }
}

/// The wait inside a list of (re)learning steps, or `None` when the card graduates to review.
fn steps_outcome(steps: &[i64], step: usize, rating: Rating, next: &mut Progress) -> Option<i64> {
    if step >= steps.len() && rating != Rating::Again {
        return None;
    }
    match rating {
        Rating::Again => {
            next.step = 0;
            Some(steps[0])
        }
        Rating::Hard => Some(match (step, steps.len()) {
            (0, 1) => steps[0] * 3 / 2,
            (0, _) => (steps[0] + steps[1]) / 2,
            _ => steps[step],
        }),
        Rating::Good if step + 1 < steps.len() => {
            next.step = (step + 1) as u8;
            Some(steps[step + 1])
        }
        Rating::Good | Rating::Easy => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_795_564_800_000;

    #[test]
    fn default_model_has_the_default_parameters() {
        assert_eq!(format!("{:?}", default_model()), format!("{:?}", FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap()));
        let (a, b) = (default_model(), FSRS::new(&fsrs::DEFAULT_PARAMETERS).unwrap());
        let state = Some(fsrs::MemoryState { stability: 3.1, difficulty: 6.2 });
        assert_eq!(a.next_states(state, 0.9, 4).unwrap(), b.next_states(state, 0.9, 4).unwrap());
        assert_eq!(a.next_states(None, 0.85, 0).unwrap(), b.next_states(None, 0.85, 0).unwrap());
    }

    #[test]
    fn new_card_buttons_read_like_anki() {
        let s = Scheduler::new(0.9, 36500);
        let p = s.preview(&Progress::default(), T0);
        assert_eq!(p[0], MINUTE_MS);
        assert_eq!(p[1], 5 * MINUTE_MS + 30_000);
        assert_eq!(p[2], 10 * MINUTE_MS);
        assert_eq!(p[3] % DAY_MS, 0);
        assert!(p[3] >= 8 * DAY_MS);
    }

    #[test]
    fn learning_graduates_after_last_step() {
        let s = Scheduler::new(0.9, 36500);
        let a = s.grade(&Progress::default(), Rating::Good, T0);
        assert_eq!((a.phase, a.step), (Phase::Learning, 1));
        let b = s.grade(&a, Rating::Good, a.due_ms);
        assert_eq!(b.phase, Phase::Review);
        assert!(b.due_ms - a.due_ms >= DAY_MS);
        assert_eq!(b.reps, 2);
    }

    #[test]
    fn lapse_goes_to_relearning_for_ten_minutes() {
        let s = Scheduler::new(0.9, 36500);
        let mut p = s.grade(&Progress::default(), Rating::Easy, T0);
        assert_eq!(p.phase, Phase::Review);
        let at = p.due_ms;
        p = s.grade(&p, Rating::Again, at);
        assert_eq!((p.phase, p.lapses), (Phase::Relearning, 1));
        assert_eq!(p.due_ms - at, 10 * MINUTE_MS);
        let q = s.grade(&p, Rating::Good, p.due_ms);
        assert_eq!(q.phase, Phase::Review);
    }

    #[test]
    fn intervals_never_pass_the_maximum() {
        let s = Scheduler::new(0.97, 30);
        let mut p = Progress::default();
        let mut now = T0;
        for _ in 0..20 {
            p = s.grade(&p, Rating::Easy, now);
            assert!(p.due_ms - now <= 30 * DAY_MS);
            now = p.due_ms;
        }
        // After many Easy grades the interval sits exactly at the cap.
        assert_eq!(s.grade(&p, Rating::Easy, now).due_ms - now, 30 * DAY_MS);
    }

    #[test]
    fn corrupt_memory_state_does_not_panic() {
        let s = Scheduler::new(0.9, 36500);
        let p = Progress { phase: Phase::Review, stability: f32::NAN, difficulty: 99.0, last_review_ms: Some(T0), ..Progress::default() };
        let q = s.grade(&p, Rating::Good, T0 + DAY_MS);
        assert!(q.stability.is_finite() && q.due_ms > T0 + DAY_MS);
    }
}
