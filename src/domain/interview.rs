//! Upcoming interviews: when, where and for what; one of them is the one being prepared for.

use super::card::Theme;
use super::clock::Clock;
#[cfg(test)]
use super::clock::DAY_MS;
use super::kit::date::{time_label, Date};
use super::kit::round::THANKS_WINDOW_MS;

#[derive(Debug, Clone, PartialEq)]
pub struct Interview {
    /// When it starts, milliseconds since the epoch.
    pub at_ms: i64,
    pub company: String,
    pub role: String,
    /// The interview readiness and the plan are computed for.
    pub active: bool,
    /// The themes to prepare; empty means all of them.
    pub themes: Vec<Theme>,
}

impl Interview {
    /// Whether a card of this theme counts for this interview.
    pub fn covers(&self, theme: Theme) -> bool {
        self.themes.is_empty() || self.themes.contains(&theme)
    }

    /// "Acme — Analyst", "Acme", or "Your interview".
    pub fn title(&self) -> String {
        match (self.company.trim(), self.role.trim()) {
            ("", "") => "Your interview".to_string(),
            (c, "") => c.to_string(),
            ("", r) => r.to_string(),
            (c, r) => format!("{c} — {r}"),
        }
    }
}

/// The active interview, if it is still ahead.
pub fn upcoming(list: &[Interview], now_ms: i64) -> Option<&Interview> {
    list.iter().find(|i| i.active && i.at_ms > now_ms)
}

/// Makes the interview at `index` the active one (and only that one).
pub fn activate(list: &mut [Interview], index: usize) {
    for (i, interview) in list.iter_mut().enumerate() {
        interview.active = i == index;
    }
}

/// Adds an interview, keeping the list in date order; the first one added becomes active.
pub fn add(list: &mut Vec<Interview>, mut interview: Interview) {
    interview.active = list.iter().all(|i| !i.active);
    let at = list.partition_point(|i| i.at_ms <= interview.at_ms);
    list.insert(at, interview);
}

/// Removes an interview; if it was active, the next one ahead (or the last) becomes active.
pub fn remove(list: &mut Vec<Interview>, index: usize, now_ms: i64) {
    if index >= list.len() {
        return;
    }
    let was_active = list.remove(index).active;
    if was_active && !list.is_empty() {
        let next = list.iter().position(|i| i.at_ms > now_ms).unwrap_or(list.len() - 1);
        activate(list, next);
    }
}

/// "in 3 days 4 hours", "in 5 hours 20 minutes", "in 12 minutes", "now".
pub fn countdown(at_ms: i64, now_ms: i64) -> String {
    let left = at_ms - now_ms;
    if left <= 0 {
        return "now".to_string();
    }
    format!("in {}", super::words::time_left(left))
}

/// The words after the interview: when it was ("today at 16:00", "yesterday", "on Wed 25 Nov"),
/// then a thank-you note while it is timely (a week), after that a follow-up if nothing was heard.
pub fn after_words(at_ms: i64, clock: Clock) -> String {
    let (day, today) = (Date::of_ms(at_ms, clock.utc_offset_min), Date::of_ms(clock.now_ms, clock.utc_offset_min));
    let when = match today.days() - day.days() {
        0 => format!("today at {}", time_label(at_ms, clock.utc_offset_min)),
        1 => "yesterday".into(),
        _ if day.year == today.year => format!("on {}", day.label()),
        _ => format!("on {} {}", day.label(), day.year),
    };
    let next = if clock.now_ms - at_ms <= THANKS_WINDOW_MS {
        "Send each interviewer a short thank-you note today".to_string()
    } else {
        format!("It's been {} days: if you have not heard back, a short follow-up is fine", today.days() - day.days())
    };
    format!("Your interview was {when}. {next}; practise the follow-up questions, and plan the next round if there is one.")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iv(at_ms: i64, company: &str) -> Interview {
        Interview { at_ms, company: company.into(), role: String::new(), active: false, themes: vec![] }
    }

    #[test]
    fn after_the_interview_a_thank_you_for_a_week_then_a_follow_up() {
        let at = 1_795_622_400_000; // Wed 25 Nov 2026 16:00 UTC
        let hour = 3_600_000;
        let words = |later: i64| after_words(at, Clock::new(at + later, 0));
        assert!(words(90 * 60_000).starts_with("Your interview was today at 16:00. Send each interviewer a short thank-you note today;"));
        assert!(words(20 * hour).starts_with("Your interview was yesterday. Send each"));
        assert!(words(7 * DAY_MS).starts_with("Your interview was on Wed 25 Nov. Send each"), "a week: still timely");
        let late = words(11 * DAY_MS);
        assert_eq!(late, "Your interview was on Wed 25 Nov. It's been 11 days: if you have not heard back, a short follow-up is fine; practise the follow-up questions, and plan the next round if there is one.");
        assert!(!late.contains("thank-you"));
        assert!(words(400 * DAY_MS).contains("on Wed 25 Nov 2026."), "another year is named");
        assert!(after_words(at, Clock::new(at + 7 * hour, 0)).contains("today at 16:00"), "until local midnight");
        assert!(after_words(at, Clock::new(at + 9 * hour, 0)).contains("yesterday"));
        assert!(after_words(at, Clock::new(at + 2 * hour, 120)).contains("today at 18:00"), "local time");
    }

    #[test]
    fn the_first_added_is_active_and_the_list_stays_in_date_order() {
        let mut list = Vec::new();
        add(&mut list, iv(300, "C"));
        add(&mut list, iv(100, "A"));
        add(&mut list, iv(200, "B"));
        assert_eq!(list.iter().map(|i| i.company.as_str()).collect::<String>(), "ABC");
        assert_eq!(list.iter().filter(|i| i.active).count(), 1);
        assert!(list[2].active);
        activate(&mut list, 0);
        assert!(list[0].active && !list[2].active);
        assert_eq!(upcoming(&list, 50).map(|i| i.company.as_str()), Some("A"));
        assert_eq!(upcoming(&list, 150), None, "the active interview is over");
        remove(&mut list, 0, 150);
        assert!(list[0].active, "the next interview ahead becomes active");
    }

    #[test]
    fn titles_and_countdowns_read_naturally() {
        assert_eq!(Interview { role: "Analyst".into(), ..iv(0, "Acme") }.title(), "Acme — Analyst");
        assert_eq!(iv(0, " ").title(), "Your interview");
        assert_eq!(countdown(3 * DAY_MS + 4 * 3_600_000 + 5, 0), "in 3 days 4 hours");
        assert_eq!(countdown(DAY_MS + 3_600_000, 0), "in 1 day 1 hour");
        assert_eq!(countdown(5 * 3_600_000 + 20 * 60_000, 0), "in 5 hours 20 minutes");
        assert_eq!(countdown(30_000, 0), "in 1 minute");
        assert_eq!(countdown(0, 5), "now");
        assert_eq!(countdown(6 * DAY_MS + 59 * 60_000, 0), "in 6 days", "no \"0 hours\"");
    }
}
