//! Readiness for an interview date: FSRS predicts the probability of recalling each card at any
//! moment (its retrievability); readiness is the mean over the cards in scope, never-seen cards
//! counting as 0. Also a plan: new cards and reviews per day that bring readiness to a target by
//! the date, checked by simulating a candidate who follows it.

use super::card::{Progress, Rating, Theme};
use super::clock::DAY_MS;
use super::collection::Collection;
use super::schedule::Scheduler;

/// FSRS-6's default forgetting-curve decay (parameter w20).
pub fn decay() -> f32 {
    fsrs::DEFAULT_PARAMETERS[20]
}

/// Probability of recalling a card at `at_ms` (0 for a card never graded).
pub fn recall_at(progress: &Progress, at_ms: i64) -> f64 {
    let Some(last) = progress.last_review_ms else { return 0.0 };
    if progress.is_new() || progress.stability <= 0.0 {
        return 0.0;
    }
    let days = ((at_ms - last).max(0) as f64 / DAY_MS as f64) as f32;
    let state = fsrs::MemoryState { stability: progress.stability, difficulty: progress.difficulty };
    fsrs::current_retrievability(state, days, decay()) as f64
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeReadiness {
    pub theme: Theme,
    pub cards: usize,
    pub readiness: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    /// Mean predicted recall over the cards in scope, 0–1.
    pub overall: f64,
    pub cards: usize,
    /// Themes in scope that have cards, weakest first.
    pub by_theme: Vec<ThemeReadiness>,
}

impl Readiness {
    /// The figure in plain words, with its scope: "…you would recall about 31 of 40 answers (all
    /// themes)." or "(Strengths, Follow-up)".
    pub fn in_words(&self, scope: &[Theme]) -> String {
        let expected = (self.overall * self.cards as f64).round() as usize;
        let themes =
            if scope.is_empty() { "all themes".to_string() } else { scope.iter().map(|t| t.label()).collect::<Vec<_>>().join(", ") };
        format!("If the interview were then, you would recall about {expected} of {} answers ({themes}).", self.cards)
    }
}

/// Readiness at `at_ms` over the cards whose theme is in `scope` (all themes when empty); cards
/// retired from the deck do not count.
pub fn readiness(col: &Collection, at_ms: i64, scope: &[Theme]) -> Readiness {
    let in_scope = |t: Theme| scope.is_empty() || scope.contains(&t);
    let mut sums: Vec<(Theme, usize, f64)> = Theme::WITH_OWN.iter().filter(|t| in_scope(**t)).map(|t| (*t, 0, 0.0)).collect();
    for card in col.cards.iter().filter(|c| in_scope(c.theme) && !c.is_retired()) {
        let r = recall_at(&col.progress_of(&card.id), at_ms);
        if let Some(entry) = sums.iter_mut().find(|(t, _, _)| *t == card.theme) {
            entry.1 += 1;
            entry.2 += r;
        }
    }
    let cards: usize = sums.iter().map(|s| s.1).sum();
    let total: f64 = sums.iter().map(|s| s.2).sum();
    let mut by_theme: Vec<ThemeReadiness> =
        sums.into_iter().filter(|s| s.1 > 0).map(|(theme, n, sum)| ThemeReadiness { theme, cards: n, readiness: sum / n as f64 }).collect();
    super::sort_by_key(&mut by_theme, |t| t.readiness);
    Readiness { overall: if cards == 0 { 0.0 } else { total / cards as f64 }, cards, by_theme }
}

/// What a candidate should do each day until the interview.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub days: u32,
    /// New cards to introduce per day (all unseen cards in scope, done in the first days).
    pub new_per_day: u32,
    /// The most reviews any day of the plan asks for, and the average.
    pub peak_reviews: u32,
    pub mean_reviews: f64,
    /// Readiness the plan reaches on the date when every review is recalled as predicted.
    pub expected: f64,
    pub reaches_target: bool,
}

/// Simulates `days` of study from `start_ms` (one session a day at the same time), introducing
/// `new_per_day` unseen cards (graded Good, then Good again after the ten-minute step) and reviewing
/// every card that is due or whose recall on the date is below `target`. `recalled` decides whether
/// a review succeeds given its predicted recall (Good) or not (Again, then Good after relearning).
/// Returns the collection as it stands on the date and the reviews done each day.
pub fn simulate(
    col: &Collection,
    start_ms: i64,
    date_ms: i64,
    new_per_day: u32,
    target: f64,
    scope: &[Theme],
    recalled: &mut dyn FnMut(f64) -> bool,
) -> (Collection, Vec<u32>) {
    let mut col = col.clone();
    col.settings.new_per_day = new_per_day;
    let scheduler: Scheduler = col.settings.scheduler();
    let mut per_day = Vec::new();
    let mut day_start = start_ms;
    // One session a day, at the same time, for every day that starts before the interview.
    while day_start < date_ms {
        let mut reviews = 0;
        let mut t = day_start;
        let ids: Vec<String> =
            col.cards.iter().filter(|c| (scope.is_empty() || scope.contains(&c.theme)) && !c.is_retired()).map(|c| c.id.clone()).collect();
        let mut introduced = 0;
        for id in &ids {
            let p = col.progress_of(id);
            if p.is_new() {
                if introduced < new_per_day {
                    introduced += 1;
                    let a = scheduler.grade(&p, Rating::Good, t);
                    let b = scheduler.grade(&a, Rating::Good, a.due_ms);
                    col.progress.insert(id.clone(), b);
                }
                continue;
            }
            let due = p.due_ms <= day_start + DAY_MS;
            if due || recall_at(&p, date_ms) < target {
                reviews += 1;
                let r = recall_at(&p, t);
                let next = if recalled(r) {
                    scheduler.grade(&p, Rating::Good, t)
                } else {
                    let failed = scheduler.grade(&p, Rating::Again, t);
                    scheduler.grade(&failed, Rating::Good, failed.due_ms)
                };
                col.progress.insert(id.clone(), next);
            }
            t += 1000;
        }
        per_day.push(reviews);
        day_start += DAY_MS;
    }
    (col, per_day)
}

/// The lightest plan (fewest new cards per day, all unseen cards introduced) whose expected
/// readiness on the date reaches `target`, judging each review by its predicted recall.
pub fn plan(col: &Collection, now_ms: i64, date_ms: i64, target: f64, scope: &[Theme]) -> Plan {
    let days = ((date_ms - now_ms).max(0) / DAY_MS) as u32;
    let unseen = col
        .cards
        .iter()
        .filter(|c| (scope.is_empty() || scope.contains(&c.theme)) && !c.is_retired() && col.progress_of(&c.id).is_new())
        .count() as u32;
    // Introduce everything with at least two days to spare, when there are that many days.
    let intro_days = days.saturating_sub(2).max(1);
    let new_per_day = if unseen == 0 { 0 } else { unseen.div_ceil(intro_days) };
    let mut expected_recall = |r: f64| r >= 0.5;
    let (end, per_day) = simulate(col, now_ms, date_ms, new_per_day, target, scope, &mut expected_recall);
    let expected = readiness(&end, date_ms, scope).overall;
    let peak_reviews = per_day.iter().copied().max().unwrap_or(0);
    let mean_reviews = if per_day.is_empty() { 0.0 } else { per_day.iter().sum::<u32>() as f64 / per_day.len() as f64 };
    Plan { days, new_per_day, peak_reviews, mean_reviews, expected, reaches_target: expected >= target }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::card::Phase;
    use crate::domain::collection::Settings;
    use crate::domain::deck;
    use std::collections::HashMap;

    const T0: i64 = 1_795_564_800_000 + 9 * 3_600_000;

    /// FSRS-6 retrievability written out from the published formula, independently of the crate:
    /// R(t, S) = (1 + factor · t / S)^(−w20), with factor = 0.9^(−1/w20) − 1.
    fn reference_r(stability: f64, days: f64) -> f64 {
        let w20 = 0.1542_f64;
        let factor = 0.9_f64.powf(-1.0 / w20) - 1.0;
        (1.0 + factor * days / stability).powf(-w20)
    }

    fn reviewed(stability: f32, last_ms: i64) -> Progress {
        Progress {
            phase: Phase::Review,
            stability,
            difficulty: 5.0,
            due_ms: last_ms + DAY_MS,
            last_review_ms: Some(last_ms),
            reps: 3,
            lapses: 0,
            step: 0,
        }
    }

    #[test]
    fn recall_follows_the_fsrs6_forgetting_curve() {
        assert!((decay() - 0.1542).abs() < 1e-6);
        for (s, days) in [(1.0, 0.0), (1.0, 1.0), (2.3065, 3.5), (10.0, 10.0), (10.0, 30.0), (120.0, 7.0), (0.3, 12.0)] {
            let p = reviewed(s as f32, T0);
            let at = T0 + (days * DAY_MS as f64) as i64;
            let ours = recall_at(&p, at);
            assert!((ours - reference_r(s, days)).abs() < 1e-4, "S={s} t={days}: {ours} vs {}", reference_r(s, days));
        }
        // Recall is 90% exactly one stability after the review, by definition of stability.
        assert!((recall_at(&reviewed(7.0, T0), T0 + 7 * DAY_MS) - 0.9).abs() < 1e-4);
        assert_eq!(recall_at(&Progress::default(), T0), 0.0);
    }

    #[test]
    fn readiness_is_the_mean_recall_with_unseen_cards_at_zero() {
        let mut col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        assert_eq!(readiness(&col, T0, &[]).overall, 0.0);
        let plan_cards: Vec<String> =
            col.cards.iter().filter(|c| c.theme == Theme::Plan && !c.is_retired()).map(|c| c.id.clone()).collect();
        let active = col.cards.iter().filter(|c| !c.is_retired()).count();
        for id in &plan_cards {
            col.progress.insert(id.clone(), reviewed(10.0, T0));
        }
        let date = T0 + 10 * DAY_MS;
        let r = readiness(&col, date, &[Theme::Plan]);
        assert_eq!(r.cards, plan_cards.len());
        assert!((r.overall - reference_r(10.0, 10.0)).abs() < 1e-4);
        let all = readiness(&col, date, &[]);
        assert!((all.overall - reference_r(10.0, 10.0) * plan_cards.len() as f64 / active as f64).abs() < 1e-4);
        // Weakest themes first: every theme but Plan is at zero.
        assert_eq!(all.by_theme.last().unwrap().theme, Theme::Plan);
        assert_eq!(all.by_theme[0].readiness, 0.0);
        assert!(all.in_words(&[]).ends_with(&format!("of {active} answers (all themes).")), "retired cards do not count");
        assert!(all.in_words(&[Theme::FollowUp]).ends_with(&format!("answers ({}).", Theme::FollowUp.label())));
    }

    #[test]
    fn a_candidate_who_follows_the_plan_reaches_the_target_on_the_day() {
        let col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        let date = T0 + 14 * DAY_MS;
        let p = plan(&col, T0, date, 0.9, &[]);
        let active = col.cards.iter().filter(|c| !c.is_retired()).count();
        assert_eq!(p.days, 14);
        assert_eq!(p.new_per_day as usize, active.div_ceil(12), "every active card over the first 12 days");
        assert!(p.reaches_target, "{p:?}");
        // A candidate whose recall is random (as predicted, fixed seed) and who follows the plan.
        let mut seed = 0x2545_f491_u64;
        let mut coin = |r: f64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            ((seed >> 11) as f64 / (1u64 << 53) as f64) < r
        };
        let (end, per_day) = simulate(&col, T0, date, p.new_per_day, 0.9, &[], &mut coin);
        let reached = readiness(&end, date, &[]).overall;
        assert!(reached >= 0.9, "reached {reached:.3}");
        assert_eq!(per_day.len(), 14);
        let below = end.progress.values().filter(|p| recall_at(p, date) < 0.9).count() + (active - end.progress.len());
        assert!(below < active / 5);
    }

    #[test]
    fn short_notice_means_everything_today_and_a_past_date_means_no_plan() {
        let col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        // Twelve hours' notice: every card today (FSRS predicts high recall half a day after
        // learning, if every answer is learnt).
        let p = plan(&col, T0, T0 + DAY_MS / 2, 0.9, &[]);
        let active = col.cards.iter().filter(|c| !c.is_retired()).count() as u32;
        assert_eq!((p.days, p.new_per_day), (0, active));
        let past = plan(&col, T0, T0 - DAY_MS, 0.9, &[]);
        assert!(!past.reaches_target);
        assert_eq!(past.expected, 0.0);
    }
}
