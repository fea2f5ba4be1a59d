//! The interview form: a date and time ahead, the company, the role and the themes to drill.

use super::Draft;
use crate::domain::clock::{DAY_MS, MINUTE_MS};
use crate::domain::interview::Interview;
use crate::domain::kit::date::Date;
use crate::domain::{Clock, Theme};

/// Reads a local time the way the browser does: `datetime-local`'s "2026-11-28T10:00" (seconds
/// optional) to ms since the epoch, or `None` when it is not one.
pub type LocalTime = fn(&str, Clock) -> Option<i64>;

/// A local time read with the clock's offset from UTC (the browser reads it with the offset of
/// that date instead: `AppState::local_time` is its reader there).
pub fn local_ms(text: &str, clock: Clock) -> Option<i64> {
    let (date, time) = text.trim().split_once('T')?;
    let mut d = date.splitn(3, '-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = time.splitn(3, ':').map(|p| p.parse::<i64>().ok());
    let (h, min) = (t.next()??, t.next()??);
    let date = Date::new(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(day).ok()?)?;
    if !(0..24).contains(&h) || !(0..60).contains(&min) {
        return None;
    }
    let local = date.days() * DAY_MS + (h * 60 + min) * MINUTE_MS;
    Some(local - clock.utc_offset_min as i64 * MINUTE_MS)
}

/// The form filled with an interview, to change it (its moment in the clock's local time).
pub fn draft(iv: &Interview, clock: Clock) -> Draft {
    let local = iv.at_ms + clock.utc_offset_min as i64 * MINUTE_MS;
    let Date { year: y, month: m, day: d } = Date::from_days(local.div_euclid(DAY_MS));
    let minute = local.rem_euclid(DAY_MS) / MINUTE_MS;
    let mut draft = Draft::default()
        .with("iv-when", format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}", minute / 60, minute % 60))
        .with("iv-company", iv.company.clone())
        .with("iv-role", iv.role.clone());
    for t in &iv.themes {
        draft.tick(&format!("iv-theme-{}", t.key()), true);
    }
    draft
}

/// Reads the form into an interview (a moment that has passed is refused), or says what is wrong.
pub fn read(form: &Draft, clock: Clock, local_time: LocalTime) -> Result<Interview, Vec<String>> {
    let problem = match local_time(form.get("iv-when"), clock) {
        None => "Enter the date and time of the interview.",
        Some(at) if at <= clock.now_ms => "That moment has passed: enter a date and time ahead.",
        Some(at_ms) => {
            let themes = Theme::WITH_OWN.into_iter().filter(|t| form.on(&format!("iv-theme-{}", t.key()))).collect();
            return Ok(Interview {
                at_ms,
                company: form.get("iv-company").to_string(),
                role: form.get("iv-role").to_string(),
                active: false,
                themes,
            });
        }
    };
    Err(vec![problem.to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_times_are_read() {
        let clock = Clock::new(0, 60);
        assert_eq!(local_ms("1970-01-01T01:00", clock), Some(0));
        assert_eq!(local_ms("2026-13-01T01:00", clock), None);
        assert_eq!(local_ms("2026-02-29T10:00", clock), None);
        assert_eq!(local_ms("2028-02-29T10:00", clock).map(|ms| ms > 0), Some(true));
        assert_eq!(local_ms("", clock), None);
    }
}
