//! The settings form: its starting values and what it says, checked.

use super::Draft;
use crate::domain::settings::limits;
use crate::domain::{Settings, Track};
use std::ops::RangeInclusive;

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

/// Reads and checks the form against the settings' limits; every problem is named for the person
/// filling it in.
pub fn parse(form: &Draft) -> Result<Settings, Vec<String>> {
    let read = |id: &str| form.get(id).trim();
    let mut errors = Vec::new();
    let mut percent = |id: &str, range: &RangeInclusive<u32>, problem: String| match read(id).parse::<u32>() {
        Ok(p) if range.contains(&p) => p as f32 / 100.0,
        _ => {
            errors.push(problem);
            0.9
        }
    };
    let (r, t) = (&limits::RETENTION_PERCENT, &limits::TARGET_PERCENT);
    let retention =
        percent("retention", r, format!("How sure to be of each answer must be a number from {} to {} (%).", r.start(), r.end()));
    let target = percent("target", t, format!("Readiness target must be a whole number from {} to {} (%).", t.start(), t.end()));
    let mut whole = |id: &str, name: &str, max: u32| -> u32 {
        match read(id).parse::<u32>() {
            Ok(n) if n <= max => n,
            _ => {
                errors.push(format!("{name} must be a whole number from 0 to {max}."));
                0
            }
        }
    };
    let new_per_day = whole("new-per-day", "New cards per day", *limits::NEW_PER_DAY.end());
    let max_reviews = whole("max-reviews", "Maximum reviews per day", *limits::MAX_REVIEWS_PER_DAY.end());
    let max_interval =
        limits::whole(whole("max-interval", "Longest gap between reviews", *limits::MAX_INTERVAL_DAYS.end()), &limits::MAX_INTERVAL_DAYS);
    let a = &limits::ANSWER_SECONDS;
    let answer_seconds = match read("answer-seconds").parse::<u32>() {
        Ok(n) if a.contains(&n) => n,
        _ => {
            errors.push(format!("Answer time must be a whole number of seconds from {} to {}.", a.start(), a.end()));
            120
        }
    };
    if !errors.is_empty() {
        return Err(errors);
    }
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
}
