//! Counts, durations and long text as a person reads them aloud: "1 day", "3 days", "due
//! tomorrow", "in 6 days" (never "6 days 0 hours"), an answer in short paragraphs.

use super::clock::{Clock, DAY_MS, HOUR_MS, MINUTE_MS};

/// "1 card", "0 cards", "12 cards".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// When a card is due, in one format everywhere: "due now", "due in 10 minutes", "due later
/// today", "due tomorrow", "due in 3 days", "due in 2 months", "due in 1 year". Days are study
/// days (a new one starts at 04:00), so "tomorrow" is the next session, as a person means it.
pub fn due(due_ms: i64, clock: Clock) -> String {
    let wait = due_ms - clock.now_ms;
    if wait <= 0 {
        return "due now".into();
    }
    if wait < HOUR_MS {
        return format!("due in {}", count(((wait + MINUTE_MS - 1) / MINUTE_MS) as usize, "minute", "minutes"));
    }
    match clock.day_of(due_ms) - clock.today() {
        ..=0 => "due later today".into(),
        1 => "due tomorrow".into(),
        days => format!("due in {}", days_span(days)),
    }
}

/// A number of days in the unit a person would say, whole: "8 days", "3 weeks", "3 months", "2 years".
pub fn days_span(days: i64) -> String {
    let (n, one, many) = match days {
        ..=13 => (days, "day", "days"),
        14..=59 => ((days + 3) / 7, "week", "weeks"),
        60..=364 => ((days + 15) / 30, "month", "months"),
        _ => ((days + 182) / 365, "year", "years"),
    };
    count(n.max(1) as usize, one, many)
}

/// An interval, as on the grade buttons: "1 min", "10 min", "3 hours", "1 day", "8 days",
/// "3 weeks", "3 months" (whole units, read aloud as words).
pub fn span(ms: i64) -> String {
    let minutes = (ms.max(0) + MINUTE_MS / 2) / MINUTE_MS;
    match minutes {
        ..=59 => format!("{} min", minutes.max(1)),
        60..=1409 => count(((minutes + 30) / 60) as usize, "hour", "hours"),
        _ => days_span((ms + DAY_MS / 2) / DAY_MS),
    }
}

/// Time spent studying: "0 min" when none, "under a minute", "45 min", "2 h 5 min".
pub fn spent(ms: u64) -> String {
    match ms {
        1..=29_999 => "under a minute".into(),
        _ => minutes((ms + 30_000) / 60_000),
    }
}

/// How well a card is known, from its memory stability (the days until recall falls to 90 %):
/// "weak" under a week, "steady" under a month, "strong" from a month.
pub fn strength(stability_days: f32) -> &'static str {
    if stability_days < 7.0 {
        "weak"
    } else if stability_days < 30.0 {
        "steady"
    } else {
        "strong"
    }
}

/// A time left, the largest two units that are not zero: "6 days", "6 days 4 hours", "2 hours",
/// "5 hours 20 minutes", "12 minutes".
pub fn time_left(ms: i64) -> String {
    let (d, h, m) = (ms / DAY_MS, (ms % DAY_MS) / HOUR_MS, (ms % HOUR_MS) / MINUTE_MS);
    let unit = |n: i64, one: &str, many: &str| count(n as usize, one, many);
    if d > 0 {
        if h > 0 {
            format!("{} {}", unit(d, "day", "days"), unit(h, "hour", "hours"))
        } else {
            unit(d, "day", "days")
        }
    } else if h > 0 {
        if m > 0 {
            format!("{} {}", unit(h, "hour", "hours"), unit(m, "minute", "minutes"))
        } else {
            unit(h, "hour", "hours")
        }
    } else {
        unit(m.max(1), "minute", "minutes")
    }
}

/// A minute count as "0 min", "45 min", "1 h", "2 h 5 min".
pub fn minutes(total: u64) -> String {
    match (total / 60, total % 60) {
        (0, m) => format!("{m} min"),
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m} min"),
    }
}

/// A long answer as short paragraphs, for reading on a phone: the text's own line breaks where it
/// has them; otherwise sentences gathered into paragraphs of about `words` words (never splitting
/// a sentence, and a short answer stays one paragraph).
pub fn paragraphs(text: &str, words: usize) -> Vec<String> {
    let text = text.trim();
    if text.contains('\n') {
        return text.split('\n').map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    }
    let total = text.split_whitespace().count();
    if total <= words * 3 / 2 {
        return vec![text.to_string()];
    }
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut in_current = 0;
    for sentence in sentences(text) {
        let n = sentence.split_whitespace().count();
        if in_current > 0 && in_current + n > words {
            out.push(std::mem::take(&mut current));
            in_current = 0;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(sentence);
        in_current += n;
    }
    if !current.is_empty() {
        // A last scrap of a sentence joins the paragraph before it.
        match out.last_mut() {
            Some(last) if in_current * 3 < words => {
                last.push(' ');
                last.push_str(&current);
            }
            _ => out.push(current),
        }
    }
    out
}

/// Sentences: text up to a full stop, question or exclamation mark followed by a space and a
/// capital letter, a digit or an opening quote (so "e.g. this" and "3.5" stay whole).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for w in chars.windows(3) {
        let ((_, a), (i, b), (_, c)) = (w[0], w[1], w[2]);
        if matches!(a, '.' | '?' | '!' | '"' | '\u{201d}')
            && b == ' '
            && (c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\u{201c}'))
        {
            out.push(text[start..i].trim());
            start = i + 1;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const NINE: i64 = 1_795_564_800_000 + 9 * HOUR_MS; // 2026-11-25 09:00 UTC

    #[test]
    fn counts_read_aloud() {
        assert_eq!(count(1, "day", "days"), "1 day");
        assert_eq!(count(0, "day", "days"), "0 days");
        assert_eq!(count(33, "review", "reviews"), "33 reviews");
    }

    #[test]
    fn one_format_for_due_times() {
        let c = Clock::new(NINE, 0);
        assert_eq!(due(NINE - 1, c), "due now");
        assert_eq!(due(NINE + 10 * MINUTE_MS, c), "due in 10 minutes");
        assert_eq!(due(NINE + 30_000, c), "due in 1 minute");
        assert_eq!(due(NINE + 5 * HOUR_MS, c), "due later today");
        // The study day ends at 04:00: 03:00 tomorrow is still today's session.
        assert_eq!(due(NINE + 18 * HOUR_MS, c), "due later today");
        assert_eq!(due(NINE + 20 * HOUR_MS, c), "due tomorrow");
        assert_eq!(due(NINE + 24 * HOUR_MS, c), "due tomorrow");
        assert_eq!(due(NINE + 2 * DAY_MS, c), "due in 2 days");
        assert_eq!(due(NINE + 13 * DAY_MS, c), "due in 13 days");
        assert_eq!(due(NINE + 44 * DAY_MS, c), "due in 6 weeks");
        assert_eq!(due(NINE + 60 * DAY_MS, c), "due in 2 months");
        assert_eq!(due(NINE + 400 * DAY_MS, c), "due in 1 year");
        assert_eq!(due(NINE + 800 * DAY_MS, c), "due in 2 years");
    }

    #[test]
    fn spans_in_whole_units() {
        assert_eq!(span(0), "1 min");
        assert_eq!(span(MINUTE_MS), "1 min");
        assert_eq!(span(5 * MINUTE_MS + 30_000), "6 min");
        assert_eq!(span(59 * MINUTE_MS), "59 min");
        assert_eq!(span(59 * MINUTE_MS + 40_000), "1 hour");
        assert_eq!(span(3 * HOUR_MS), "3 hours");
        assert_eq!(span(23 * HOUR_MS + 30 * MINUTE_MS), "1 day");
        assert_eq!(span(DAY_MS), "1 day");
        assert_eq!(span(8 * DAY_MS), "8 days");
        assert_eq!(span(13 * DAY_MS), "13 days");
        assert_eq!(span(14 * DAY_MS), "2 weeks");
        assert_eq!(span(24 * DAY_MS), "3 weeks");
        assert_eq!(span(59 * DAY_MS), "8 weeks");
        assert_eq!(span(60 * DAY_MS), "2 months");
        assert_eq!(span(81 * DAY_MS), "3 months");
        assert_eq!(span(364 * DAY_MS), "12 months");
        assert_eq!(span(365 * DAY_MS), "1 year");
        assert_eq!(span(800 * DAY_MS), "2 years");
    }

    #[test]
    fn time_spent_never_reads_zero_after_reviews() {
        assert_eq!(spent(0), "0 min");
        assert_eq!(spent(1), "under a minute");
        assert_eq!(spent(29_999), "under a minute");
        assert_eq!(spent(30_000), "1 min");
        assert_eq!(spent(125 * 60_000), "2 h 5 min");
    }

    #[test]
    fn strength_in_words() {
        assert_eq!(strength(0.4), "weak");
        assert_eq!(strength(8.0), "steady");
        assert_eq!(strength(45.0), "strong");
    }

    #[test]
    fn time_left_drops_zero_units() {
        assert_eq!(time_left(6 * DAY_MS), "6 days");
        assert_eq!(time_left(6 * DAY_MS + 59 * MINUTE_MS), "6 days");
        assert_eq!(time_left(DAY_MS + HOUR_MS), "1 day 1 hour");
        assert_eq!(time_left(3 * DAY_MS + 4 * HOUR_MS + 5), "3 days 4 hours");
        assert_eq!(time_left(2 * HOUR_MS), "2 hours");
        assert_eq!(time_left(5 * HOUR_MS + 20 * MINUTE_MS), "5 hours 20 minutes");
        assert_eq!(time_left(HOUR_MS + MINUTE_MS), "1 hour 1 minute");
        assert_eq!(time_left(30_000), "1 minute");
    }

    #[test]
    fn minutes_read_as_hours_and_minutes() {
        assert_eq!(minutes(0), "0 min");
        assert_eq!(minutes(45), "45 min");
        assert_eq!(minutes(60), "1 h");
        assert_eq!(minutes(125), "2 h 5 min");
    }

    #[test]
    fn a_story_in_short_paragraphs() {
        let story = "In my last job our depot lost orders. I was asked to fix it within a quarter. \
            I mapped every step with the drivers, e.g. the hand-over at 6.30 in the morning. Then I changed the hand-over. \
            Errors fell from 1 in 20 to 1 in 100. \"That changed the whole site,\" my manager said. So I would bring that here.";
        let p = paragraphs(story, 20);
        assert!(p.len() >= 3, "{p:?}");
        assert_eq!(p.join(" "), story, "nothing lost or reordered");
        for para in &p {
            assert!(para.ends_with('.') || para.ends_with('"'), "whole sentences only: {para}");
        }
        assert!(p.iter().any(|x| x.contains("e.g. the hand-over at 6.30")), "abbreviations and decimals stay inside a sentence");
        // A short answer stays whole; the text's own lines are kept.
        assert_eq!(paragraphs("Yes. I can start in May.", 20), vec!["Yes. I can start in May."]);
        assert_eq!(paragraphs("One.\n\nTwo.\n", 20), vec!["One.", "Two."]);
    }
}
