//! Days as a person lives them: a new study day starts at 04:00 local time, as in Anki,
//! so a late-night session still counts for the evening it began in.

pub const MINUTE_MS: i64 = 60_000;
pub const HOUR_MS: i64 = 60 * MINUTE_MS;
pub const DAY_MS: i64 = 24 * HOUR_MS;
/// The hour at which a new study day begins.
pub const ROLLOVER_HOUR: i64 = 4;

/// A moment plus the local time zone it is seen from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clock {
    pub now_ms: i64,
    /// Minutes to add to UTC to get local time (UTC+2 → 120).
    pub utc_offset_min: i32,
}

impl Clock {
    pub fn new(now_ms: i64, utc_offset_min: i32) -> Self {
        Clock { now_ms, utc_offset_min }
    }

    fn shift_ms(&self) -> i64 {
        self.utc_offset_min as i64 * MINUTE_MS - ROLLOVER_HOUR * HOUR_MS
    }

    /// The study day a moment falls in (days since the epoch, local, rolled over at 04:00).
    pub fn day_of(&self, ms: i64) -> i64 {
        (ms + self.shift_ms()).div_euclid(DAY_MS)
    }

    pub fn today(&self) -> i64 {
        self.day_of(self.now_ms)
    }

    /// The first millisecond of a study day.
    pub fn day_start_ms(&self, day: i64) -> i64 {
        day * DAY_MS - self.shift_ms()
    }

    /// The moment today's study day ends (exclusive).
    pub fn end_of_today_ms(&self) -> i64 {
        self.day_start_ms(self.today() + 1)
    }

    pub fn later(&self, ms: i64) -> Clock {
        Clock { now_ms: self.now_ms + ms, ..*self }
    }
}

/// A countdown's figure: whole seconds as m:ss (the sign is the caller's to show).
pub fn minutes_seconds(seconds: i64) -> String {
    let s = seconds.unsigned_abs();
    format!("{}:{:02}", s / 60, s % 60)
}

#[cfg(test)]
mod tests {

    #[test]
    fn countdown_figures() {
        assert_eq!(minutes_seconds(120), "2:00");
        assert_eq!(minutes_seconds(75), "1:15");
        assert_eq!(minutes_seconds(9), "0:09");
        assert_eq!(minutes_seconds(-5), "0:05");
        assert_eq!(minutes_seconds(3600), "60:00");
    }

    use super::*;

    #[test]
    fn rollover_at_four_local() {
        // 2026-11-25 03:59 UTC and 04:00 UTC, clock at UTC.
        let base = 1_795_564_800_000; // 2026-11-25T00:00:00Z
        let c = Clock::new(base, 0);
        assert_eq!(c.day_of(base + 3 * HOUR_MS + 59 * MINUTE_MS) + 1, c.day_of(base + 4 * HOUR_MS));
        // In UTC+2, 02:00 UTC is 04:00 local: a new day starts there.
        let c2 = Clock::new(base, 120);
        assert_eq!(c2.day_of(base + 2 * HOUR_MS - 1) + 1, c2.day_of(base + 2 * HOUR_MS));
        assert_eq!(c2.day_start_ms(c2.day_of(base + 2 * HOUR_MS)), base + 2 * HOUR_MS);
    }
}

/// When something happens, in words relative to now: "in 10 minutes", "today at 14:20",
/// "tomorrow at 04:00", "in 3 days". Calendar days are local midnight to midnight here.
pub fn describe_moment(ms: i64, clock: Clock) -> String {
    let wait = ms - clock.now_ms;
    if wait <= 0 {
        return "now".to_string();
    }
    if wait < HOUR_MS {
        let m = ((wait + MINUTE_MS - 1) / MINUTE_MS).max(1);
        return if m == 1 { "in 1 minute".to_string() } else { format!("in {m} minutes") };
    }
    let offset = clock.utc_offset_min as i64 * MINUTE_MS;
    let local = ms + offset;
    let days = local.div_euclid(DAY_MS) - (clock.now_ms + offset).div_euclid(DAY_MS);
    let minute_of_day = local.rem_euclid(DAY_MS) / MINUTE_MS;
    let at = format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60);
    match days {
        0 => format!("today at {at}"),
        1 => format!("tomorrow at {at}"),
        n => format!("in {n} days"),
    }
}

#[cfg(test)]
mod moment_tests {
    use super::*;

    #[test]
    fn moments_read_naturally() {
        let nine = 1_795_564_800_000 + 9 * HOUR_MS; // 09:00 UTC
        let c = Clock::new(nine, 60); // 10:00 local
        assert_eq!(describe_moment(nine + 10 * MINUTE_MS, c), "in 10 minutes");
        assert_eq!(describe_moment(nine + 30_000, c), "in 1 minute");
        assert_eq!(describe_moment(nine + 3 * HOUR_MS, c), "today at 13:00");
        assert_eq!(describe_moment(nine + 18 * HOUR_MS, c), "tomorrow at 04:00");
        assert_eq!(describe_moment(nine + 3 * DAY_MS, c), "in 3 days");
        assert_eq!(describe_moment(nine - 1, c), "now");
    }
}
