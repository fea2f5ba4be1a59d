//! Progress you can see: review heatmap, due forecast, true retention per theme, streak, time
//! studied and recall over time — all computed from the collection and its review log.

use super::card::{Phase, Progress, Theme};
use super::clock::Clock;
use super::collection::Collection;
use super::readiness::recall_at;
use std::collections::HashMap;

/// Reviews per day for the last `days` days, oldest first; the last entry is today.
pub fn heatmap(col: &Collection, clock: Clock, days: usize) -> Vec<u32> {
    let today = clock.today();
    let mut counts = vec![0u32; days];
    for e in &col.log {
        let age = today - clock.day_of(e.at_ms);
        if (0..days as i64).contains(&age) {
            counts[days - 1 - age as usize] += 1;
        }
    }
    counts
}

/// Cards due on each of the next `days` days; today's entry includes overdue and learning cards.
pub fn forecast(col: &Collection, clock: Clock, days: usize) -> Vec<u32> {
    let today = clock.today();
    let mut counts = vec![0u32; days];
    for (id, p) in &col.progress {
        if p.is_new() || col.card(id).is_none() {
            continue;
        }
        let ahead = (clock.day_of(p.due_ms) - today).max(0);
        if ahead < days as i64 {
            counts[ahead as usize] += 1;
        }
    }
    counts
}

#[derive(Debug, Clone, PartialEq)]
pub struct Retention {
    /// `None` for the total over all themes.
    pub theme: Option<Theme>,
    pub reviews: u32,
    pub passed: u32,
}

impl Retention {
    pub fn rate(&self) -> Option<f64> {
        (self.reviews > 0).then(|| self.passed as f64 / self.reviews as f64)
    }
}

/// True retention over the last `days` days: the share of review-card grades that were not Again,
/// per theme (themes with reviews only) and in total (last).
pub fn retention(col: &Collection, clock: Clock, days: i64) -> Vec<Retention> {
    let since = clock.day_start_ms(clock.today() - days + 1);
    let mut rows: Vec<Retention> = Theme::WITH_OWN.iter().map(|t| Retention { theme: Some(*t), reviews: 0, passed: 0 }).collect();
    let mut total = Retention { theme: None, reviews: 0, passed: 0 };
    for e in col.log.iter().filter(|e| e.at_ms >= since && e.phase_before == Phase::Review) {
        let Some(card) = col.card(&e.card_id) else { continue };
        let passed = (e.rating != super::card::Rating::Again) as u32;
        let row = &mut rows[Theme::WITH_OWN.iter().position(|t| *t == card.theme).unwrap_or(0)];
        row.reviews += 1;
        row.passed += passed;
        total.reviews += 1;
        total.passed += passed;
    }
    rows.retain(|r| r.reviews > 0);
    rows.push(total);
    rows
}

/// Days in a row with at least one review, up to today (a streak still counts until today ends).
pub fn streak(col: &Collection, clock: Clock) -> u32 {
    let counts = heatmap(col, clock, 3660);
    let mut days = counts.iter().rev();
    let mut n = 0;
    if counts.last() == Some(&0) {
        days.next();
    }
    for c in days {
        if *c == 0 {
            break;
        }
        n += 1;
    }
    n
}

/// Time spent answering (question shown to grade), today and in all, in milliseconds.
pub fn time_studied(col: &Collection, clock: Clock) -> (u64, u64) {
    let start = clock.day_start_ms(clock.today());
    col.log.iter().fold((0, 0), |(today, all), e| {
        let d = e.duration_ms as u64;
        (today + if e.at_ms >= start { d } else { 0 }, all + d)
    })
}

/// For each of the last `days` days, the mean predicted recall of the cards in `scope` (all when
/// empty; never-seen cards at 0) as things stood at the end of that day — recall at that moment, or
/// at `at_ms` (an interview date: readiness over time). The log is replayed: memory states depend
/// only on the grades and their timing.
pub fn recall_over_time(col: &Collection, clock: Clock, days: usize, at_ms: Option<i64>, scope: &[Theme]) -> Vec<f64> {
    let scheduler = col.settings.scheduler();
    // Keyed by String like the collection's own map, so the bundle holds one map instantiation.
    let mut states: HashMap<String, Progress> = HashMap::new();
    let mut log = col.log.iter().peekable();
    let first_day = clock.today() - days as i64 + 1;
    (0..days as i64)
        .map(|i| {
            let end = clock.day_start_ms(first_day + i + 1).min(clock.now_ms);
            while let Some(e) = log.next_if(|e| e.at_ms < end) {
                let before = states.get(&e.card_id).copied().unwrap_or_default();
                states.insert(e.card_id.clone(), scheduler.grade(&before, e.rating, e.at_ms));
            }
            let cards = col.cards.iter().filter(|c| scope.is_empty() || scope.contains(&c.theme));
            let (n, sum) =
                cards.fold((0, 0.0), |(n, sum), c| (n + 1, sum + states.get(&c.id).map_or(0.0, |p| recall_at(p, at_ms.unwrap_or(end)))));
            if n == 0 {
                0.0
            } else {
                sum / n as f64
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::card::Rating;
    use crate::domain::clock::{DAY_MS, HOUR_MS};
    use crate::domain::collection::{LogEntry, Settings};
    use crate::domain::deck;

    const T0: i64 = 1_795_564_800_000 + 9 * HOUR_MS;

    /// A fixed history: on days -9, -8, -7 and -2..0, the first cards of the deck are graded.
    fn history() -> (Collection, Clock) {
        let mut col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        let ids: Vec<String> = col.cards.iter().map(|c| c.id.clone()).collect();
        let clock = Clock::new(T0 + 10 * DAY_MS, 0);
        let mut grades: Vec<(i64, usize, Rating)> = Vec::new();
        for (day, n) in [(0, 3), (1, 2), (2, 4), (7, 1), (8, 5), (9, 2)] {
            for k in 0..n as usize {
                let rating = if (day as usize + k).is_multiple_of(4) { Rating::Again } else { Rating::Good };
                grades.push((T0 + day * DAY_MS + k as i64 * 60_000, k, rating));
            }
        }
        for (at, k, rating) in grades {
            col.grade(&ids[k], rating, Clock::new(at, 0), 30_000).unwrap();
        }
        (col, clock)
    }

    #[test]
    fn cards_of_ones_own_have_their_own_retention_row_and_count_towards_readiness() {
        let mut col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        col.put_card(crate::domain::Card {
            id: "own-1".into(),
            theme: Theme::Own,
            tags: vec![],
            question: "Q?".into(),
            answer: "A.".into(),
            key_points: vec![],
            synonyms: vec![],
            ..Default::default()
        });
        col.grade("own-1", Rating::Easy, Clock::new(T0, 0), 1000).unwrap();
        col.grade("own-1", Rating::Again, Clock::new(T0 + 20 * DAY_MS, 0), 1000).unwrap();
        let rows = retention(&col, Clock::new(T0 + 21 * DAY_MS, 0), 30);
        assert_eq!(rows[0], Retention { theme: Some(Theme::Own), reviews: 1, passed: 0 }, "not counted under Have a plan");
        let r = crate::domain::readiness::readiness(&col, T0 + 21 * DAY_MS, &[]);
        assert_eq!(r.cards, col.cards.iter().filter(|c| !c.is_retired()).count(), "every active card, one's own included");
        assert!(r.by_theme.iter().any(|t| t.theme == Theme::Own && t.cards == 1));
    }

    #[test]
    fn heatmap_counts_reviews_per_day() {
        let (col, clock) = history();
        let h = heatmap(&col, clock, 14);
        assert_eq!(h.len(), 14);
        // The last entry is today, day 10 (no reviews yet); days 9, 8, 7 had 2, 5, 1 reviews and
        // days 2, 1, 0 had 4, 2, 3; the first three entries are before day 0.
        assert_eq!(h, vec![0, 0, 0, 3, 2, 4, 0, 0, 0, 0, 1, 5, 2, 0]);
        assert_eq!(h.iter().sum::<u32>() as usize, col.log.len());
    }

    #[test]
    fn streak_counts_back_from_yesterday_until_today_ends() {
        let (col, clock) = history();
        assert_eq!(streak(&col, clock), 3, "days 7, 8, 9; today not yet studied");
        let mut col2 = col.clone();
        let id = col2.cards[10].id.clone();
        col2.grade(&id, Rating::Good, clock, 1000).unwrap();
        assert_eq!(streak(&col2, clock), 4);
        assert_eq!(streak(&col, clock.later(2 * DAY_MS)), 0, "a missed day breaks it");
    }

    #[test]
    fn time_studied_adds_answer_times() {
        let (col, clock) = history();
        assert_eq!(time_studied(&col, clock), (0, 17 * 30_000));
        assert_eq!(time_studied(&col, clock.later(-DAY_MS)), (2 * 30_000, 17 * 30_000));
    }

    #[test]
    fn true_retention_counts_review_cards_only() {
        let (col, clock) = history();
        let rows = retention(&col, clock, 30);
        let total = rows.last().unwrap();
        let reviews: Vec<&LogEntry> = col.log.iter().filter(|e| e.phase_before == Phase::Review).collect();
        assert_eq!(total.reviews as usize, reviews.len());
        assert_eq!(total.passed as usize, reviews.iter().filter(|e| e.rating != Rating::Again).count());
        assert!(rows[..rows.len() - 1].iter().all(|r| r.theme == Some(Theme::Plan)), "the first cards are all Plan cards");
        assert_eq!(retention(&col, clock.later(60 * DAY_MS), 30).last().unwrap().reviews, 0);
    }

    #[test]
    fn forecast_places_each_card_on_its_due_day() {
        let (col, clock) = history();
        let f = forecast(&col, clock, 30);
        let within = col.progress.values().filter(|p| clock.day_of(p.due_ms) - clock.today() < 30).count() as u32;
        assert_eq!(f.iter().sum::<u32>(), within);
        assert!(within >= 4);
        let p = col.progress_of(&col.cards[0].id);
        assert!(f[(clock.day_of(p.due_ms) - clock.today()).max(0) as usize] >= 1);
    }

    #[test]
    fn recall_over_time_replays_the_log_exactly() {
        let (col, clock) = history();
        let r = recall_over_time(&col, clock, 12, None, &[]);
        assert_eq!(r.len(), 12);
        assert_eq!(r[0], 0.0, "nothing studied before day 0 (the first entry is day -1)");
        // Today's value uses the stored memory states: the replay matches them.
        let today: f64 = col.cards.iter().map(|c| recall_at(&col.progress_of(&c.id), clock.now_ms)).sum::<f64>() / col.cards.len() as f64;
        assert!((r[11] - today).abs() < 1e-9, "{} vs {today}", r[11]);
        assert!(r[1] > r[0] && r[8] > r[7], "recall rises on a study day");
        assert!(r[7] < r[4], "and fades between study days");
        // Readiness for a date, over time, matches readiness computed from the stored states.
        let date = clock.now_ms + 3 * DAY_MS;
        let toward = recall_over_time(&col, clock, 12, Some(date), &[Theme::Plan]);
        let now = crate::domain::readiness::readiness(&col, date, &[Theme::Plan]).overall;
        assert!((toward[11] - now).abs() < 1e-9);
        assert!(toward[11] > toward[0]);
    }
}
