//! Calendar dates without the browser: days since the epoch to year, month and day and back, the
//! weekday, "Fri 11 Dec", and the date a sentence like "we'll decide by Friday week" names,
//! read relative to a given day (the interview's).

use crate::domain::clock::{DAY_MS, MINUTE_MS};

pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
pub const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES: [&str; 12] =
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAY_NAMES: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// A day of the calendar (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    /// 1–12.
    pub month: u32,
    /// 1–31.
    pub day: u32,
}

impl Date {
    /// The date, if it exists ("31 February" does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        ((1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let y = self.year as i64 - (self.month <= 2) as i64;
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        Date { year: (yoe + era * 400 + (month <= 2) as i64) as i32, month, day }
    }

    /// The local date of a moment, seen `utc_offset_min` minutes ahead of UTC.
    pub fn of_ms(ms: i64, utc_offset_min: i32) -> Date {
        Date::from_days((ms + utc_offset_min as i64 * MINUTE_MS).div_euclid(DAY_MS))
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn weekday(self) -> usize {
        (self.days() + 3).rem_euclid(7) as usize
    }

    pub fn plus(self, days: i64) -> Date {
        Date::from_days(self.days() + days)
    }

    /// "Fri 11 Dec".
    pub fn label(self) -> String {
        format!("{} {} {}", WEEKDAYS[self.weekday()], self.day, MONTHS[self.month as usize - 1])
    }

    fn last_of_month(self) -> Date {
        Date { day: days_in_month(self.year, self.month), ..self }
    }

    fn next_month(self) -> Date {
        if self.month == 12 {
            Date { year: self.year + 1, month: 1, day: 1 }
        } else {
            Date { month: self.month + 1, day: 1, ..self }
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// "10:30" from a moment, local.
pub fn time_label(ms: i64, utc_offset_min: i32) -> String {
    let minutes = (ms + utc_offset_min as i64 * MINUTE_MS).div_euclid(MINUTE_MS).rem_euclid(24 * 60);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn month_of(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let word = if word == "sept" { "sep" } else { word };
    MONTH_NAMES.iter().position(|m| *m == word || (word.len() == 3 && m.starts_with(word))).map(|i| i as u32 + 1)
}

fn weekday_of(word: &str) -> Option<usize> {
    let short = ["mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri"];
    let at = WEEKDAY_NAMES.iter().position(|d| *d == word);
    at.or_else(|| short.contains(&word).then(|| WEEKDAY_NAMES.iter().position(|d| d.starts_with(&word[..3])).unwrap_or(0)))
}

fn number_of(word: &str) -> Option<i64> {
    const WORDS: [&str; 13] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    match word {
        "a" | "an" => Some(1),
        "couple" => Some(2),
        "few" => Some(3),
        _ => WORDS.iter().position(|w| *w == word).map(|n| n as i64).or_else(|| word.parse().ok().filter(|n| (0..=366).contains(n))),
    }
}

/// A day of the month as written: "11", "11th", "1st", "22nd", "3rd".
fn day_of(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    if !(suffix.is_empty() || ["st", "nd", "rd", "th"].contains(&suffix)) || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_of(word: Option<&&str>) -> Option<i32> {
    word.filter(|w| w.len() == 4).and_then(|w| w.parse().ok()).filter(|y| (1970..=2200).contains(y))
}

/// The first of `day`/`month` on or after `from` (this year's, or next year's when it is past).
fn next_occurrence(from: Date, month: u32, day: u32) -> Option<Date> {
    match Date::new(from.year, month, day) {
        Some(d) if d >= from => Some(d),
        _ => Date::new(from.year + 1, month, day),
    }
}

/// The date a sentence names for a decision, read relative to `from` (the day it was said): "by
/// Friday", "next Tuesday", "end of the week", "next week" (its Friday), "end of the month", "in
/// two weeks", "within 10 working days", "a fortnight", "tomorrow", "11 December", "Dec 11th",
/// "the 15th", "2026-12-11". The first such phrase counts; `None` when there is none, or when it
/// would fall before `from`. Dates such as 11/12 are not read: day or month first is a guess.
pub fn decision_date(text: &str, from: Date) -> Option<Date> {
    let lower = crate::domain::fold(text);
    // Words with where each starts; an ISO date is read whole.
    let mut at: Vec<usize> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    let mut iso: Option<(usize, Date)> = None;
    let mut start = None;
    for (i, c) in lower.char_indices().chain(std::iter::once((lower.len(), ' '))) {
        match (c.is_ascii_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                at.push(s);
                words.push(&lower[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    for (k, w) in words.iter().enumerate() {
        let joined = |n: usize| lower.get(at[k + n] - 1..at[k + n]) == Some("-");
        if iso.is_none() && w.len() == 4 && k + 2 < words.len() && joined(1) && joined(2) {
            if let (Ok(y), Ok(m), Ok(d)) = (w.parse(), words[k + 1].parse(), words[k + 2].parse()) {
                iso = Date::new(y, m, d).map(|date| (at[k], date));
            }
        }
    }
    let found = (0..words.len()).find_map(|i| phrase_at(&words, i, from)).map(|(i, d)| (at[i], d));
    let date = match (found, iso) {
        (Some(a), Some(b)) => {
            if b.0 < a.0 {
                b.1
            } else {
                a.1
            }
        }
        (Some(a), None) | (None, Some(a)) => a.1,
        (None, None) => return None,
    };
    (date >= from).then_some(date)
}

/// A date phrase starting at word `i`: the word where it starts and the date.
fn phrase_at(w: &[&str], i: usize, from: Date) -> Option<(usize, Date)> {
    let at = At { w, i };
    relative(&at, from).or_else(|| on_weekday(&at, from)).or_else(|| on_calendar(&at, from)).or_else(|| after_span(&at, from))
}

/// Word `i` of the answer's words, with its neighbours.
struct At<'a> {
    w: &'a [&'a str],
    i: usize,
}

impl At<'_> {
    fn word(&self) -> &str {
        self.w[self.i]
    }
    /// The word `k` places on ("" past the end).
    fn next(&self, k: usize) -> &str {
        self.w.get(self.i + k).copied().unwrap_or("")
    }
    fn prev(&self) -> &str {
        if self.i > 0 {
            self.w[self.i - 1]
        } else {
            ""
        }
    }
}

fn monday_of(d: Date) -> Date {
    d.plus(-(d.weekday() as i64))
}

fn friday_of(week_start: Date) -> Date {
    week_start.plus(4)
}

/// "today", "tomorrow", "end of the week", "end of next month", "next week", "a fortnight".
fn relative(at: &At, from: Date) -> Option<(usize, Date)> {
    let (i, word) = (at.i, at.word());
    let monday = monday_of(from);
    let date = match word {
        "today" => from,
        "tomorrow" => from.plus(1),
        "end" if at.next(1) == "of" => {
            let (which, unit) = match (at.next(2), at.next(3)) {
                ("the", u) | ("this", u) => ("this", u),
                ("next", u) => ("next", u),
                (u, _) => ("this", u),
            };
            match unit {
                "week" if which == "next" => friday_of(monday.plus(7)),
                "week" if from.weekday() > 4 => friday_of(monday.plus(7)),
                "week" => friday_of(monday),
                "month" if which == "next" => from.last_of_month().plus(1).last_of_month(),
                "month" => from.last_of_month(),
                _ => return None,
            }
        }
        "next" | "this" if at.next(1) == "week" && at.prev() != "of" => friday_of(if word == "next" { monday.plus(7) } else { monday }),
        "next" if at.next(1) == "month" && at.prev() != "of" => from.next_month().last_of_month(),
        "fortnight" => from.plus(14),
        _ => return None,
    };
    Some((i, date))
}

/// "Friday", "next Friday", "Friday week" (a week after that Friday).
fn on_weekday(at: &At, from: Date) -> Option<(usize, Date)> {
    let wd = weekday_of(at.word())?;
    let this_week = monday_of(from).plus(wd as i64);
    let after_next = at.prev() == "next";
    let date = if after_next || this_week <= from { this_week.plus(7) } else { this_week };
    let date = if at.next(1) == "week" { date.plus(7) } else { date };
    Some((at.i - after_next as usize, date))
}

/// "December 11th", "Dec 11 2026", "11 December", "11th of December 2026", "the 15th".
fn on_calendar(at: &At, from: Date) -> Option<(usize, Date)> {
    let (i, word) = (at.i, at.word());
    let in_year = |year: Option<&&str>, month: u32, day: u32| match year_of(year) {
        Some(y) => Date::new(y, month, day),
        None => next_occurrence(from, month, day),
    };
    if let Some(month) = month_of(word) {
        let day = day_of(at.next(1))?;
        return in_year(at.w.get(i + 2), month, day).map(|d| (i, d));
    }
    let day = day_of(word)?;
    let (m_at, month) = if at.next(1) == "of" { (2, month_of(at.next(2))) } else { (1, month_of(at.next(1))) };
    if let Some(month) = month {
        return in_year(at.w.get(i + m_at + 1), month, day).map(|d| (i, d));
    }
    if at.prev() == "the" && word.len() > 2 && !word.chars().all(|c| c.is_ascii_digit()) {
        let this_month = Date::new(from.year, from.month, day).filter(|d| *d >= from);
        let n = from.next_month();
        return this_month.or_else(|| Date::new(n.year, n.month, day)).map(|d| (i - 1, d));
    }
    None
}

/// "in two weeks", "within 10 working days", "a couple of weeks", "a few days", "3 months".
fn after_span(at: &At, from: Date) -> Option<(usize, Date)> {
    let n = number_of(at.word())?;
    let k = if at.next(1) == "of" { 2 } else { 1 };
    let (working, unit) = match (at.next(k), at.next(k + 1)) {
        ("working" | "business", u) => (true, u),
        (u, _) => (false, u),
    };
    let date = match unit {
        "day" | "days" if working => working_days(from, n),
        "day" | "days" => from.plus(n),
        "week" | "weeks" => from.plus(n * 7),
        "fortnight" | "fortnights" => from.plus(n * 14),
        "month" | "months" => add_months(from, n),
        _ => return None,
    };
    Some((at.i, date))
}

fn working_days(from: Date, n: i64) -> Date {
    let mut d = from;
    let mut left = n;
    while left > 0 {
        d = d.plus(1);
        if d.weekday() < 5 {
            left -= 1;
        }
    }
    d
}

fn add_months(from: Date, n: i64) -> Date {
    let total = from.year as i64 * 12 + from.month as i64 - 1 + n;
    let (year, month) = (total.div_euclid(12) as i32, total.rem_euclid(12) as u32 + 1);
    Date { year, month, day: from.day.min(days_in_month(year, month)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn dates_round_trip_and_know_their_weekday() {
        for days in -800_000..800_000 {
            if days % 997 == 0 {
                assert_eq!(Date::from_days(days).days(), days);
            }
        }
        assert_eq!(Date::from_days(0), d(1970, 1, 1));
        assert_eq!(d(1970, 1, 1).weekday(), 3, "a Thursday");
        assert_eq!(d(2026, 12, 11).label(), "Fri 11 Dec");
        assert_eq!(d(2024, 2, 28).plus(1), d(2024, 2, 29));
        assert_eq!(Date::new(2026, 2, 29), None);
        assert_eq!(Date::of_ms(1_796_083_200_000, 0), d(2026, 12, 1));
        assert_eq!(Date::of_ms(1_796_083_200_000 - 1, 0), d(2026, 11, 30));
        assert_eq!(Date::of_ms(1_796_083_200_000 - 1, 60), d(2026, 12, 1), "local time ahead of UTC");
        assert_eq!(time_label(1_796_083_200_000 + 10 * 3_600_000 + 30 * 60_000, 60), "11:30");
    }

    #[test]
    fn decision_dates_are_read_relative_to_the_day_they_were_said() {
        // Tuesday 8 December 2026.
        let tue = d(2026, 12, 8);
        assert_eq!(tue.weekday(), 1);
        let cases: [(&str, Option<Date>); 28] = [
            ("They'll decide by Friday.", Some(d(2026, 12, 11))),
            ("We hope to let everyone know by friday", Some(d(2026, 12, 11))),
            ("Next Tuesday at the latest", Some(d(2026, 12, 15))),
            ("Probably Monday", Some(d(2026, 12, 14))),
            ("By Tuesday", Some(d(2026, 12, 15))),
            ("Friday week", Some(d(2026, 12, 18))),
            ("By the end of the week", Some(d(2026, 12, 11))),
            ("end of next week", Some(d(2026, 12, 18))),
            ("Some time next week.", Some(d(2026, 12, 18))),
            ("By the end of the month", Some(d(2026, 12, 31))),
            ("end of next month", Some(d(2027, 1, 31))),
            ("In two weeks", Some(d(2026, 12, 22))),
            ("within 10 working days", Some(d(2026, 12, 22))),
            ("a couple of weeks", Some(d(2026, 12, 22))),
            ("in a few days", Some(d(2026, 12, 11))),
            ("a fortnight from now", Some(d(2026, 12, 22))),
            ("in 3 days", Some(d(2026, 12, 11))),
            ("Tomorrow afternoon", Some(d(2026, 12, 9))),
            ("They decide on 11 December.", Some(d(2026, 12, 11))),
            ("By the 15th of December", Some(d(2026, 12, 15))),
            ("December 11th", Some(d(2026, 12, 11))),
            ("by Jan 4", Some(d(2027, 1, 4))),
            ("by the 15th", Some(d(2026, 12, 15))),
            ("by the 3rd", Some(d(2027, 1, 3))),
            ("Decision on 2026-12-18, offers the week after", Some(d(2026, 12, 18))),
            ("in a month", Some(d(2027, 1, 8))),
            ("They didn't say; the panel meets again soon.", None),
            ("They had 3 candidates and 2 roles.", None),
        ];
        for (text, want) in cases {
            assert_eq!(decision_date(text, tue), want, "{text}");
        }
        assert_eq!(decision_date("on 1 December", tue), Some(d(2027, 12, 1)), "a date past this year is next year's");
        assert_eq!(decision_date("They decided on 2026-12-01", tue), None, "before the day it was said");
        assert_eq!(decision_date("Friday or Monday", tue), Some(d(2026, 12, 11)), "the first phrase");
        assert_eq!(decision_date("Friday", d(2026, 12, 11)), Some(d(2026, 12, 18)), "said on a Friday: the next one");
        assert_eq!(decision_date("end of the week", d(2026, 12, 12)), Some(d(2026, 12, 18)), "said on a Saturday");
        assert_eq!(decision_date("31 February", tue), None);
        assert_eq!(decision_date("The interview was on Monday 14th; decision 2026-12-20", tue), Some(d(2026, 12, 14)));
    }
}
