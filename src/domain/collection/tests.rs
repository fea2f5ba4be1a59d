use super::*;
use crate::domain::deck;

pub(crate) fn sample() -> Collection {
    Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default())
}

#[test]
fn another_tabs_reviews_are_merged_and_states_never_move_back() {
    let mut a = sample();
    let mut b = sample();
    let id = a.cards[0].id.clone();
    let other = a.cards[1].id.clone();
    let t = 1_795_600_000_000;
    a.grade(&id, Rating::Good, Clock::new(t, 0), 1000).unwrap();
    b.grade(&other, Rating::Again, Clock::new(t + 5, 0), 1000).unwrap();
    a.grade(&id, Rating::Good, Clock::new(t + 10, 0), 1000).unwrap();
    assert_eq!(a.merge_log(b.log.clone()), (1, vec![other.clone()]));
    assert_eq!(a.merge_log(b.log.clone()), (0, vec![]), "known reviews are not added twice");
    assert_eq!(a.log.iter().map(|e| e.at_ms - t).collect::<Vec<_>>(), vec![0, 5, 10]);
    assert_eq!(a.progress_of(&other), b.progress_of(&other), "its history replayed: the other tab's schedule");
    assert!(!a.adopt_progress(&other, b.progress_of(&other)), "the same, not newer");
    let older = Progress { last_review_ms: Some(t - 1), ..a.progress_of(&id) };
    assert!(!a.adopt_progress(&id, older), "an older state is not taken");
    assert_eq!(a.progress_of(&id).last_review_ms, Some(t + 10));
}

#[test]
fn cards_are_edited_suspended_and_removed() {
    let mut col = sample();
    let first = col.cards[0].clone();
    col.grade(&first.id, Rating::Good, Clock::new(1_795_600_000_000, 0), 1000).unwrap();
    let mut edited = first.clone();
    edited.answer = "Mine.".into();
    col.put_card(edited);
    assert_eq!(col.card(&first.id).unwrap().answer, "Mine.");
    assert!(!col.progress_of(&first.id).is_new(), "an edit keeps the schedule");
    col.set_suspended(&first.id, true);
    col.set_suspended(&first.id, true);
    assert_eq!(col.suspended, vec![first.id.clone()]);
    let n = col.cards.len();
    let removed = col.remove_card(&first.id).unwrap();
    assert_eq!(removed.answer, "Mine.");
    assert_eq!((col.cards.len(), col.card(&first.id).is_none(), col.is_suspended(&first.id)), (n - 1, true, false));
    assert!(col.progress_of(&first.id).is_new(), "its schedule goes with it");
    assert_eq!(col.log.len(), 1, "its grades stay in the history");
    assert_eq!(col.card(&col.cards[0].id.clone()).unwrap().id, col.cards[0].id, "the index follows");
    let own = Card { id: "own-1".into(), ..first.clone() };
    col.put_card(own);
    assert_eq!(col.cards.last().unwrap().id, "own-1");
    assert!(col.card("own-1").is_some());
}

#[test]
fn grading_writes_one_log_entry_and_undo_restores_everything() {
    let mut col = sample();
    let clock = Clock::new(1_795_564_800_000, 0);
    let id = col.cards[0].id.clone();
    let u1 = col.grade(&id, Rating::Good, clock, 3000).unwrap();
    let after_first = col.progress_of(&id);
    let u2 = col.grade(&id, Rating::Again, clock.later(60_000), 999_999).unwrap();
    assert_eq!(col.log.len(), 2);
    assert_eq!(col.log[1].duration_ms, LogEntry::MAX_DURATION_MS);
    col.undo(&u2);
    assert_eq!(col.progress_of(&id), after_first);
    assert_eq!(col.log.len(), 1);
    col.undo(&u1);
    assert!(!col.progress.contains_key(&id));
    assert!(col.log.is_empty());
}

#[test]
fn undo_takes_out_exactly_its_review_whatever_was_merged_in_meanwhile() {
    let t = 1_795_600_000_000;
    let mut a = sample();
    let mut b = sample();
    let (x, y) = (a.cards[0].id.clone(), a.cards[1].id.clone());
    a.grade(&x, Rating::Good, Clock::new(t, 0), 1000).unwrap();
    let before_x = a.progress_of(&x);
    let u = a.grade(&x, Rating::Again, Clock::new(t + 600_000, 0), 1000).unwrap();
    // Another tab's review of another card, made before A's and after it, merged in since.
    b.grade(&y, Rating::Hard, Clock::new(t + 300_000, 0), 1000).unwrap();
    b.grade(&y, Rating::Good, Clock::new(t + 900_000, 0), 1000).unwrap();
    assert_eq!(a.merge_log(b.log.clone()).0, 2);
    a.adopt_progress(&y, b.progress_of(&y));
    let removed = a.undo(&u).unwrap();
    assert_eq!((removed.card_id.as_str(), removed.at_ms, removed.rating), (x.as_str(), t + 600_000, Rating::Again));
    let left: Vec<(String, i64)> = a.log.iter().map(|e| (e.card_id.clone(), e.at_ms - t)).collect();
    assert_eq!(left, vec![(x.clone(), 0), (y.clone(), 300_000), (y.clone(), 900_000)], "the other tab's reviews stay");
    assert_eq!(a.progress_of(&x), before_x, "the card's schedule before the grade");
    assert_eq!(a.progress_of(&y), b.progress_of(&y), "the other card untouched");
    assert_eq!(a.undo(&u), None, "undone once: nothing else is taken");
    assert_eq!(a.log.len(), 3);
}

#[test]
fn undo_replays_the_card_when_another_tab_reviewed_it_meanwhile() {
    let t = 1_795_600_000_000;
    let s = Settings::default().scheduler();
    for other_at in [t - 5_000, t + 5_000] {
        let mut a = sample();
        let mut b = sample();
        let x = a.cards[0].id.clone();
        b.grade(&x, Rating::Easy, Clock::new(t - 86_400_000, 0), 1000).unwrap();
        a.merge_log(b.log.clone());
        a.adopt_progress(&x, b.progress_of(&x));
        let u = a.grade(&x, Rating::Again, Clock::new(t, 0), 1000).unwrap();
        // The other tab, not having heard of A's grade, reviews the same card.
        b.grade(&x, Rating::Good, Clock::new(other_at, 0), 1000).unwrap();
        a.merge_log(b.log.clone());
        a.undo(&u).unwrap();
        assert_eq!(a.log, b.log, "exactly A's review gone");
        assert_eq!(a.progress_of(&x), b.progress_of(&x), "the card's remaining history replayed");
        let history: Vec<&LogEntry> = a.log.iter().collect();
        assert_eq!(super::super::merge::card_state(&s, &history, &[]), Some(a.progress_of(&x)));
    }
}

#[test]
fn two_tabs_grading_the_same_card_unaware_of_each_other_agree_on_its_replayed_history() {
    let t = 1_795_600_000_000;
    let (mut a, mut b) = (sample(), sample());
    let x = a.cards[0].id.clone();
    a.grade(&x, Rating::Good, Clock::new(t, 0), 1000).unwrap();
    b.grade(&x, Rating::Again, Clock::new(t + 60_000, 0), 1000).unwrap();
    let (from_a, from_b) = (a.log.clone(), b.log.clone());
    assert_eq!(a.merge_log(from_b), (1, vec![x.clone()]));
    assert_eq!(b.merge_log(from_a), (1, vec![x.clone()]));
    assert_eq!(a.progress_of(&x), b.progress_of(&x));
    let s = a.settings.scheduler();
    let both = s.grade(&s.grade(&Progress::default(), Rating::Good, t), Rating::Again, t + 60_000);
    assert_eq!(a.progress_of(&x), both, "both reviews, in time order");
}

#[test]
fn reviews_another_tab_took_back_leave_and_the_card_is_worked_out_again() {
    let t = 1_795_600_000_000;
    let (mut a, mut b) = (sample(), sample());
    let x = a.cards[0].id.clone();
    b.grade(&x, Rating::Good, Clock::new(t, 0), 1000).unwrap();
    let first = b.progress_of(&x);
    let u = b.grade(&x, Rating::Easy, Clock::new(t + 600_000, 0), 1000).unwrap();
    a.merge_log(b.log.clone());
    let gone = b.undo(&u).unwrap();
    a.unlog(std::slice::from_ref(&gone));
    assert_eq!((a.log.clone(), a.progress_of(&x)), (b.log.clone(), first));
    a.unlog(&[gone]);
    assert_eq!(a.log.len(), 1, "twice is once");
}

#[test]
fn unknown_cards_are_not_graded() {
    let mut col = sample();
    assert!(col.grade("no-such-card", Rating::Good, Clock::new(0, 0), 0).is_none());
    assert!(col.log.is_empty());
}

#[test]
fn settings_are_kept_in_range() {
    let s = Settings {
        desired_retention: 1.5,
        new_per_day: 5,
        max_reviews_per_day: 10,
        max_interval_days: 0,
        readiness_target: 2.0,
        answer_seconds: 5,
        ..Settings::default()
    }
    .sanitised();
    assert_eq!(s.answer_seconds, 15);
    assert_eq!(s.readiness_target, 0.99);
    assert_eq!((s.desired_retention, s.max_interval_days), (0.97, 1));
    assert_eq!(Settings { desired_retention: f32::NAN, ..Settings::default() }.sanitised().desired_retention, 0.9);
}
