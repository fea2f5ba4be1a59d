//! Readers of the encodings schema versions 1 and 2 wrote (read-only: version 3 writes none of
//! them). A version 3 app moves them into its records at start-up (`schema::migration`), and reads
//! whatever is still left of them until that is done.
//!
//! | key              | schema 1 and 2                                                        |
//! |------------------|-----------------------------------------------------------------------|
//! | `card/<id>`      | `r,0,4145c28f,40a33333,1795564800000,1794355200000,4,0`: phase (`n`, `l`, `r`, `rl`), step, the bits of stability and difficulty in hex, due, last review (empty if none), reviews, lapses |
//! | `log/<n>`        | up to 32 lines `id<TAB>at<TAB>rating<TAB>phase<TAB>duration`           |
//! | `settings`       | `retention=90;new=15;reviews=200;interval=36500;target=90;rehearse=0;answer=120;speech=0` |
//! | `interviews`     | one line per interview: `at<TAB>active<TAB>company<TAB>role<TAB>theme,theme` |
//! | `suspended`      | one id per line                                                       |
//!
//! (`own/<id>` records were already JSON, and read as `records::CardText`.)

use crate::domain::card::{Phase, Progress, Rating, Theme};
use crate::domain::collection::{LogEntry, Settings};
use crate::domain::interview::Interview;

/// The most a schema-1 or -2 log chunk holds.
pub const CHUNK_MAX: usize = 32;

pub fn progress(text: &str) -> Result<Progress, String> {
    let fields: Vec<&str> = text.trim().split(',').collect();
    let [phase, step, stability, difficulty, due, last, reps, lapses] = fields[..] else {
        return Err(format!("expected 8 fields, found {}", fields.len()));
    };
    let num = |name: &str, v: &str| -> Result<f32, String> {
        u32::from_str_radix(v, 16)
            .ok()
            .filter(|_| v.len() <= 8)
            .map(f32::from_bits)
            .filter(|x| x.is_finite() && *x >= 0.0)
            .ok_or(format!("{name} is not a number"))
    };
    let int = |name: &str, v: &str| -> Result<i64, String> { v.parse::<i64>().map_err(|_| format!("{name} is not a whole number")) };
    let small = |name: &str, v: &str| -> Result<u32, String> { v.parse::<u32>().map_err(|_| format!("{name} is not a count")) };
    Ok(Progress {
        phase: Phase::from_code(phase).ok_or("unknown phase")?,
        step: step.parse().map_err(|_| "step is not a small number".to_string())?,
        stability: num("stability", stability)?,
        difficulty: num("difficulty", difficulty)?,
        due_ms: int("due", due)?,
        last_review_ms: if last.is_empty() { None } else { Some(int("last review", last)?) },
        reps: small("reviews", reps)?,
        lapses: small("lapses", lapses)?,
    })
}

/// One review-log line.
pub fn review(line: &str) -> Option<LogEntry> {
    let mut parts = line.split('\t');
    let card_id = parts.next().filter(|s| !s.is_empty())?.to_string();
    let at_ms = parts.next()?.parse().ok()?;
    let rating = Rating::from_u8(parts.next()?.parse().ok()?)?;
    let phase_before = Phase::from_code(parts.next()?)?;
    let duration_ms = parts.next()?.parse::<u32>().ok()?.min(LogEntry::MAX_DURATION_MS);
    if parts.next().is_some() {
        return None;
    }
    Some(LogEntry { card_id, at_ms, rating, phase_before, duration_ms })
}

/// A log chunk: every line must read.
pub fn chunk(text: &str) -> Result<Vec<LogEntry>, String> {
    let entries: Option<Vec<LogEntry>> = text.lines().map(review).collect();
    match entries {
        Some(entries) if entries.len() <= CHUNK_MAX => Ok(entries),
        Some(_) => Err(format!("holds more than {CHUNK_MAX} entries")),
        None => Err("a review log line is damaged".into()),
    }
}

/// Unknown names are ignored and missing ones keep their defaults.
pub fn settings(text: &str) -> Result<Settings, String> {
    let mut s = Settings::default();
    for pair in text.trim().split(';').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').ok_or(format!("\"{pair}\" is not name=value"))?;
        let bad = || format!("{name} has a bad value");
        match name {
            "retention" => s.desired_retention = value.parse::<u32>().map_err(|_| bad())? as f32 / 100.0,
            "new" => s.new_per_day = value.parse().map_err(|_| bad())?,
            "reviews" => s.max_reviews_per_day = value.parse().map_err(|_| bad())?,
            "interval" => s.max_interval_days = value.parse().map_err(|_| bad())?,
            "target" => s.readiness_target = value.parse::<u32>().map_err(|_| bad())? as f32 / 100.0,
            "rehearse" | "speech" => {
                let on = match value {
                    "0" => false,
                    "1" => true,
                    _ => return Err(bad()),
                };
                if name == "rehearse" {
                    s.rehearse = on
                } else {
                    s.speech = on
                }
            }
            "answer" => s.answer_seconds = value.parse().map_err(|_| bad())?,
            // A track a later version added reads as not chosen yet.
            "track" => s.track = crate::domain::card::Track::from_key(value),
            _ => {}
        }
    }
    Ok(s.sanitised())
}

pub fn interviews(text: &str) -> Result<Vec<Interview>, String> {
    text.lines()
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(n, line)| {
            let mut parts = line.split('\t');
            let bad = || format!("interview {} is damaged", n + 1);
            let at_ms = parts.next().and_then(|v| v.parse().ok()).ok_or_else(bad)?;
            let active = match parts.next() {
                Some("1") => true,
                Some("0") => false,
                _ => return Err(bad()),
            };
            let company = parts.next().ok_or_else(bad)?.to_string();
            let role = parts.next().ok_or_else(bad)?.to_string();
            let themes = parts
                .next()
                .ok_or_else(bad)?
                .split(',')
                .filter(|k| !k.is_empty())
                .map(|k| Theme::from_key(k).ok_or_else(bad))
                .collect::<Result<Vec<_>, _>>()?;
            if parts.next().is_some() {
                return Err(bad());
            }
            Ok(Interview { at_ms, company, role, active, themes })
        })
        .collect()
}

pub fn suspended(text: &str) -> Vec<String> {
    text.lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_2_values_read() {
        let p = progress("r,0,4145c28f,40a33333,1795564800000,1794355200000,4,0").unwrap();
        assert_eq!((p.phase, p.stability.to_bits(), p.last_review_ms, p.reps), (Phase::Review, 0x4145c28f, Some(1_794_355_200_000), 4));
        // bf800000 is -1.0, 7f800000 infinity, 7fc00000 NaN.
        for bad in [
            "",
            "r,0,1,1,1,,1",
            "x,0,1,1,1,,1,0",
            "r,0,bf800000,1,1,,1,0",
            "r,0,7f800000,1,1,,1,0",
            "r,0,7fc00000,1,1,,1,0",
            "r,0,1,1,1,,1,0,9",
            "r,300,1,1,1,,1,0",
            "r,0,1,1,1.5,,1,0",
            "r,0,123456789,1,1,,1,0",
        ] {
            assert!(progress(bad).is_err(), "{bad}");
        }
        assert_eq!(review("plan-01\t5\t3\tn\t9000").map(|e| (e.at_ms, e.rating)), Some((5, Rating::Good)));
        assert!(review("plan-01\t5\t7\tn\t9000").is_none());
        assert!(chunk("plan-01\t5\t3\tn\t9000\ngarbage").is_err());
        assert_eq!(settings("retention=90;new=15;rehearse=1;future=yes").map(|s| (s.new_per_day, s.rehearse)), Ok((15, true)));
        assert!(settings("rehearse=yes").is_err() && settings("garbage").is_err());
        assert_eq!(settings("new=3;track=frontline").map(|s| s.track), Ok(Some(crate::domain::card::Track::Frontline)));
        assert_eq!(settings("track=astronaut").map(|s| s.track), Ok(None), "a later version's track reads as not chosen");
        let list = interviews("1796169600000\t1\tNorthwind\tAnalyst\tsell,tricky\n1798156800000\t0\tContoso\t\t").unwrap();
        assert_eq!((list[0].company.as_str(), list[0].themes.len(), list[1].active), ("Northwind", 2, false));
        for bad in ["x\t1\ta\tb\t", "1\t2\ta\tb\t", "1\t1\ta", "1\t1\ta\tb\tnowhere", "1\t1\ta\tb\t\tc"] {
            assert!(interviews(bad).is_err(), "{bad}");
        }
        assert_eq!(suspended("b\na\n"), vec!["b", "a"]);
    }
}
