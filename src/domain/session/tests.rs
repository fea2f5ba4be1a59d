use super::*;
use crate::domain::card::Rating;
use crate::domain::clock::DAY_MS;
use crate::domain::collection::Settings;
use crate::domain::deck;
use std::collections::HashMap;

const T0: i64 = 1_795_564_800_000 + 9 * 3_600_000; // 09:00 UTC

fn col(settings: Settings) -> Collection {
    Collection::new(deck::built_in(), HashMap::new(), vec![], settings)
}

fn grade_next(c: &mut Collection, clock: Clock, rating: Rating) -> String {
    let (id, _) = build(c, clock).next.expect("a card to show");
    c.grade(&id, rating, clock, 1000).unwrap();
    id
}

#[test]
fn a_focused_session_holds_only_its_themes_and_tags_and_never_suspended_cards() {
    let mut c = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings { new_per_day: 100, ..Settings::default() });
    let clock = Clock::new(1_795_600_000_000, 0);
    let focus = Focus { themes: vec![Theme::Tricky], ..Focus::default() };
    let tricky = c.cards.iter().filter(|x| x.theme == Theme::Tricky && !x.is_retired()).count();
    let active = c.cards.iter().filter(|x| !x.is_retired()).count();
    assert!(tricky >= 10 && active >= 80, "{tricky} {active}");
    let q = build_for(&c, clock, &focus);
    assert_eq!(q.new, tricky);
    assert!(q.next.as_ref().unwrap().0.starts_with("tricky-"));
    let first = q.next.unwrap().0;
    c.set_suspended(&first, true);
    let q = build_for(&c, clock, &focus);
    assert_eq!(q.new, tricky - 1);
    assert_ne!(q.next.unwrap().0, first);
    assert_eq!(build(&c, clock).new, (active - 1).min(100), "suspended cards leave the main session too");
    let mut few = Collection::new(c.cards.iter().take(5).cloned().collect(), HashMap::new(), vec![], c.settings);
    few.set_suspended(&c.cards[0].id, true);
    assert_eq!(build(&few, clock).new, 4 - c.cards[..5].iter().filter(|x| x.is_retired()).count());
    let tag = c.cards.iter().find(|c| c.theme == Theme::SellYourself).unwrap().tags[0].clone();
    let by_tag = Focus { tags: vec![tag.clone()], ..Focus::default() };
    let n = c.cards.iter().filter(|x| x.tags.contains(&tag) && !x.is_retired()).count();
    assert_eq!(build_for(&c, clock, &by_tag).new, n);
}

#[test]
fn studying_ahead_gives_real_reviews_of_cards_not_yet_due() {
    let mut c = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings { new_per_day: 1, ..Settings::default() });
    let day1 = Clock::new(1_795_600_000_000, 0);
    let id = grade_next(&mut c, day1, Rating::Easy);
    assert_eq!(c.progress_of(&id).phase, Phase::Review);
    let day2 = day1.later(DAY_MS);
    let focus = Focus { themes: vec![c.card(&id).unwrap().theme], ahead: true, ..Focus::default() };
    // The day's new card first, then the card that is not due yet (a card studied today is not
    // brought again).
    grade_next(&mut c, day2, Rating::Easy);
    let q = build_for(&c, day2.later(60 * MINUTE_MS), &focus);
    let (next, kind) = q.next.unwrap();
    assert_eq!((next.as_str(), kind), (id.as_str(), QueueKind::Review));
    assert!(build(&c, day2.later(60 * MINUTE_MS)).next.map(|n| n.0).as_deref() != Some(id.as_str()), "not in the main session");
    let before = c.progress_of(&id);
    c.grade(&id, Rating::Good, day2.later(61 * MINUTE_MS), 1000).unwrap();
    let after = c.progress_of(&id);
    assert!(after.due_ms > before.due_ms && after.reps == before.reps + 1, "a real FSRS review with the real elapsed time");
}

#[test]
fn keep_going_brings_more_new_cards_and_a_theme_seen_today() {
    let mut c = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings { new_per_day: 2, ..Settings::default() });
    let clock = Clock::new(T0, 0);
    let first = grade_next(&mut c, clock, Rating::Easy);
    grade_next(&mut c, clock, Rating::Easy);
    assert_eq!(build(&c, clock).next, None, "all caught up");
    // Five more new cards, today only.
    let more = Focus { extra_new: 5, ..Focus::default() };
    assert_eq!(build_for(&c, clock, &more).new, 5);
    assert!(!more.is_all());
    // A theme ahead of schedule: the cards studied today wait, unless asked for.
    let theme = c.card(&first).unwrap().theme;
    let ahead = Focus { themes: vec![theme], ahead: true, ..Focus::default() };
    let q = build_for(&c, clock.later(MINUTE_MS), &ahead);
    assert!(q.next.as_ref().is_none_or(|(id, _)| c.progress_of(id).last_review_ms.is_none()), "nothing seen today comes back");
    let today = Focus { seen_today: true, since_ms: clock.later(MINUTE_MS).now_ms, ..ahead };
    let (id, kind) = build_for(&c, clock.later(MINUTE_MS), &today).next.unwrap();
    assert_eq!(kind, QueueKind::Review);
    assert_eq!(c.card(&id).unwrap().theme, theme);
    // Answered once in this practice, it does not come again.
    c.grade(&id, Rating::Good, clock.later(2 * MINUTE_MS), 1000).unwrap();
    assert_ne!(build_for(&c, clock.later(3 * MINUTE_MS), &today).next.map(|n| n.0), Some(id));
}

#[test]
fn a_fresh_collection_offers_the_daily_new_cards_in_deck_order() {
    let c = col(Settings::default());
    let q = build(&c, Clock::new(T0, 0));
    assert_eq!((q.new, q.learning, q.review, q.done_today), (15, 0, 0, 0));
    assert_eq!(q.next, Some((c.cards[0].id.clone(), QueueKind::New)));
}

#[test]
fn new_cards_respect_the_daily_limit_and_it_resets_tomorrow() {
    let mut c = col(Settings { new_per_day: 5, ..Settings::default() });
    let clock = Clock::new(T0, 0);
    for _ in 0..5 {
        grade_next(&mut c, clock, Rating::Easy);
    }
    let q = build(&c, clock);
    assert_eq!((q.new, q.left(), q.done_today), (0, 0, 5));
    assert_eq!(q.next, None);
    let tomorrow = build(&c, clock.later(DAY_MS));
    assert_eq!(tomorrow.new, 5);
    assert_eq!(tomorrow.done_today, 0);
}

#[test]
fn due_reviews_come_before_new_cards() {
    let mut c = col(Settings::default());
    let clock = Clock::new(T0, 0);
    let first = grade_next(&mut c, clock, Rating::Easy);
    let due = c.progress_of(&first).due_ms;
    let later = Clock::new(due + 60_000, 0);
    let q = build(&c, later);
    assert_eq!(q.review, 1);
    assert_eq!(q.next, Some((first, QueueKind::Review)));
}

#[test]
fn again_brings_the_card_back_in_the_same_session() {
    let mut c = col(Settings { new_per_day: 3, ..Settings::default() });
    let clock = Clock::new(T0, 0);
    let failed = grade_next(&mut c, clock, Rating::Again);
    // Another new card is shown while the failed one waits out its one-minute step.
    let q = build(&c, clock.later(10_000));
    assert_eq!((q.learning, q.new), (1, 2));
    assert_eq!(q.next.as_ref().unwrap().1, QueueKind::New);
    grade_next(&mut c, clock.later(10_000), Rating::Easy);
    // Once the step is over it comes before the remaining new card.
    let q = build(&c, clock.later(61_000));
    assert_eq!(q.next, Some((failed.clone(), QueueKind::Learning)));
    // With nothing else left it comes early (learn-ahead), as in Anki.
    grade_next(&mut c, clock.later(20_000), Rating::Easy);
    let q = build(&c, clock.later(30_000));
    assert_eq!((q.new, q.learning), (0, 1));
    assert_eq!(q.next, Some((failed.clone(), QueueKind::Learning)));
    // Good on it moves it to the 10-minute step, still inside the learn-ahead window.
    grade_next(&mut c, clock.later(30_000), Rating::Good);
    assert_eq!(c.progress_of(&failed).due_ms, T0 + 30_000 + 10 * 60_000);
    let q = build(&c, clock.later(31_000));
    assert_eq!((q.learning, q.next), (1, Some((failed.clone(), QueueKind::Learning))));
    // Good again graduates it: nothing left today.
    grade_next(&mut c, clock.later(32_000), Rating::Good);
    let q = build(&c, clock.later(33_000));
    assert_eq!((q.left(), q.next, q.done_today), (0, None, 5));
}

#[test]
fn reviews_respect_the_daily_limit() {
    let mut c = col(Settings { new_per_day: 10, max_reviews_per_day: 3, ..Settings::default() });
    let clock = Clock::new(T0, 0);
    for _ in 0..10 {
        grade_next(&mut c, clock, Rating::Easy);
    }
    let far = clock.later(60 * DAY_MS);
    let q = build(&c, far);
    assert_eq!(q.review, 3);
    for _ in 0..3 {
        let (_, kind) = build(&c, far).next.unwrap();
        assert_eq!(kind, QueueKind::Review);
        grade_next(&mut c, far, Rating::Good);
    }
    let q = build(&c, far);
    assert_eq!(q.review, 0);
    assert_eq!(q.next.map(|n| n.1), Some(QueueKind::New));
}

#[test]
fn the_outlook_names_the_next_due_time_and_tomorrows_load() {
    let mut c = col(Settings { new_per_day: 3, ..Settings::default() });
    let clock = Clock::new(T0, 0);
    grade_next(&mut c, clock, Rating::Good); // learning, due in 10 minutes
    grade_next(&mut c, clock, Rating::Easy);
    grade_next(&mut c, clock, Rating::Easy);
    let o = outlook(&c, clock);
    assert_eq!(o.next_due_ms, Some(T0 + 10 * 60_000));
    assert_eq!(o.tomorrow_new, 3);
    assert_eq!(o.tomorrow_reviews, 1, "the learning card counts for tomorrow; Easy cards are days away");
    assert_eq!(o.words(clock), "New cards tomorrow. Your next review: in 10 minutes.");
}

#[test]
fn the_outlook_names_a_reviews_day_never_the_rollover_hour() {
    let clock = Clock::new(1_795_622_400_000, 0); // Wed 25 Nov 2026 16:00 UTC
    let day = |d: i64| clock.day_start_ms(clock.today() + d);
    let o = |next: Option<i64>, new: usize| Outlook { next_due_ms: next, tomorrow_reviews: 0, tomorrow_new: new };
    assert_eq!(o(Some(day(8)), 3).words(clock), "New cards tomorrow. Your next review: Thu 3 Dec.");
    assert_eq!(o(Some(day(1)), 0).words(clock), "Your next review: tomorrow.");
    assert_eq!(o(None, 3).words(clock), "New cards tomorrow.");
    assert_eq!(o(None, 0).words(clock), "No cards are scheduled.");
    assert!(!o(Some(day(1)), 1).words(clock).contains("04:00"));
}

#[test]
fn before_the_interview_weak_cards_come_forward_and_after_it_scheduling_is_normal() {
    use crate::domain::interview::Interview;
    let mut c = col(Settings { new_per_day: 5, readiness_target: 0.95, ..Settings::default() });
    let clock = Clock::new(T0, 0);
    for _ in 0..5 {
        // Review cards with a stability of 8.3 days: due in 8 days, recall on day 6 about 92%.
        grade_next(&mut c, clock, Rating::Easy);
    }
    let day2 = clock.later(DAY_MS);
    assert_eq!(build(&c, day2).review, 0, "nothing due on day 2 without an interview");
    // An interview in 20 days: predicted recall then is below 90%, but it is not yet near.
    c.interviews.push(Interview { at_ms: T0 + 20 * DAY_MS, company: "Acme".into(), role: String::new(), active: true, themes: vec![] });
    assert_eq!(build(&c, day2).review, 0);
    // An interview in 5 days from day 2: the cards come forward as reviews, and grading one
    // uses its real elapsed time (one day).
    c.interviews[0].at_ms = T0 + 6 * DAY_MS;
    let q = build(&c, day2);
    assert_eq!(q.review, 5);
    assert_eq!(q.advanced, 5, "all five are brought forward, none is due");
    assert_eq!(brought_forward(&c, day2).len(), 5, "the same five, by id, for the card browser");
    let due_today = crate::domain::library::Filter { state: crate::domain::library::CardState::Due, ..Default::default() };
    assert_eq!(crate::domain::library::find(&c, day2, &due_today).len(), q.due(), "Cards → Due today lists what home counts");
    let (id, kind) = q.next.unwrap();
    assert_eq!(kind, QueueKind::Review);
    let before = c.progress_of(&id);
    c.grade(&id, Rating::Good, day2, 1000).unwrap();
    assert_eq!(c.log.last().unwrap().phase_before, Phase::Review);
    assert_eq!(c.progress_of(&id), c.settings.scheduler().grade(&before, Rating::Good, day2.now_ms));
    assert_eq!(build(&c, day2).review, 4, "a card reviewed today is not brought forward again");
    // Only the interview's themes come forward.
    c.interviews[0].themes = vec![crate::domain::Theme::FollowUp];
    assert_eq!(build(&c, day2).review, 0, "the five cards are Have a plan cards");
    c.interviews[0].themes.clear();
    // After the date, normal scheduling.
    assert_eq!(build(&c, clock.later(6 * DAY_MS + 3_600_000)).review, 0);
}

#[test]
fn the_queue_is_a_function_of_the_saved_state() {
    let mut c = col(Settings::default());
    let clock = Clock::new(T0, 0);
    for r in [Rating::Good, Rating::Again, Rating::Easy, Rating::Hard, Rating::Good] {
        grade_next(&mut c, clock, r);
    }
    let reloaded = Collection::new(deck::built_in(), c.progress.clone(), c.log.clone(), c.settings);
    assert_eq!(build(&reloaded, clock), build(&c, clock));
}

#[test]
fn the_session_counts_cards_to_go_and_those_coming_back_not_grades() {
    let mut c = col(Settings { new_per_day: 15, ..Settings::default() });
    let clock = Clock::new(T0, 0);
    let q = build(&c, clock);
    assert_eq!((q.to_go(), q.coming_back, q.seen_today), (15, 0, 0));
    // Good on a new card: a learning step, so it comes back later today.
    let first = grade_next(&mut c, clock, Rating::Good);
    let q = build(&c, clock);
    assert_eq!((q.to_go(), q.coming_back, q.seen_today, q.done_today), (14, 1, 1, 1));
    // Again on the next new card: one more coming back.
    grade_next(&mut c, clock, Rating::Again);
    let q = build(&c, clock);
    assert_eq!((q.to_go(), q.coming_back, q.seen_today, q.done_today), (13, 2, 2, 2));
    // Easy on the first one when it comes back: it leaves today's session; still two cards seen.
    c.grade(&first, Rating::Easy, clock.later(11 * 60_000), 1000).unwrap();
    let q = build(&c, clock.later(11 * 60_000));
    assert_eq!((q.to_go(), q.coming_back, q.seen_today, q.done_today), (13, 1, 2, 3));
    assert_eq!(q.left(), 14);
}
