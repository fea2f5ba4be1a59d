//! The settings form: its starting values and what it says, checked.

use super::Draft;
use crate::domain::{Settings, Track};

/// The form's starting values: the saved settings.
pub fn draft(s: &Settings) -> Draft {
    let pct = |x: f32| ((x * 100.0).round() as u32).to_string();
    let mut d = Draft::default()
        .with("retention", pct(s.desired_retention))
        .with("new-per-day", s.new_per_day.to_string())
        .with("max-reviews", s.max_reviews_per_day.to_string())
        .with("max-interval", s.max_interval_days.to_string())
        .with("target", pct(s.readiness_target))
        .with("answer-seconds", s.answer_seconds.to_string())
        .with("track", s.track().key());
    d.tick("rehearse", s.rehearse);
    d.tick("speech", s.speech);
    d
}

/// Reads and checks the form; every problem is named for the person filling it in.
pub fn parse(form: &Draft) -> Result<Settings, Vec<String>> {
    let read = |id: &str| form.get(id).trim();
    let mut errors = Vec::new();
    let retention_pct: Option<u32> = read("retention").parse().ok();
    let retention = match retention_pct {
        Some(p) if (70..=97).contains(&p) => p as f32 / 100.0,
        _ => {
            errors.push("Desired retention must be a number from 70 to 97 (%).".to_string());
            0.9
        }
    };
    let mut whole = |id: &str, name: &str, max: u32| -> u32 {
        match read(id).parse::<u32>() {
            Ok(n) if n <= max => n,
            _ => {
                errors.push(format!("{name} must be a whole number from 0 to {max}."));
                0
            }
        }
    };
    let new_per_day = whole("new-per-day", "New cards per day", 9999);
    let max_reviews = whole("max-reviews", "Maximum reviews per day", 99_999);
    let max_interval = whole("max-interval", "Maximum interval", 36_500).max(1);
    let target = match read("target").parse::<u32>() {
        Ok(p) if (50..=99).contains(&p) => p as f32 / 100.0,
        _ => {
            errors.push("Readiness target must be a whole number from 50 to 99 (%).".to_string());
            0.9
        }
    };
    let answer_seconds = match read("answer-seconds").parse::<u32>() {
        Ok(n) if (15..=900).contains(&n) => n,
        _ => {
            errors.push("Answer time must be a whole number of seconds from 15 to 900.".to_string());
            120
        }
    };
    if errors.is_empty() {
        Ok(Settings {
            desired_retention: retention,
            new_per_day,
            max_reviews_per_day: max_reviews,
            max_interval_days: max_interval,
            readiness_target: target,
            rehearse: form.on("rehearse"),
            answer_seconds,
            speech: form.on("speech"),
            track: Track::from_key(form.get("track")),
        })
    } else {
        Err(errors)
    }
}
