use super::*;

#[test]
fn keys_round_trip_and_foreign_keys_are_ignored() {
    for k in [
        Key::Meta,
        Key::Settings,
        Key::Interviews,
        Key::Card("plan-01".into()),
        Key::Older("plan-01".into(), 3),
        Key::Older("a/b/7".into(), 0),
        Key::Older("12".into(), 1),
        Key::LogChunk(7),
        Key::Own("own-1".into()),
        Key::Suspended,
        Key::Story("s1a2b3c4d".into()),
        Key::Round("1796724000000-0badcafe".into()),
        Key::Mock,
        Key::MockSettings,
        Key::Mocks,
        Key::Unreadable("second-round/card/x".into()),
    ] {
        assert_eq!(Key::parse(&k.name()), Some(k));
    }
    assert_eq!(Key::parse("other-app/meta"), None);
    assert_eq!(Key::parse("second-round/log/x"), None);
    assert_eq!(Key::parse("second-round/log//3"), None);
    assert_eq!(Key::parse("second-round/card/"), None);
    assert_eq!(Key::parse("second-round/story/"), None);
    assert_eq!(Key::parse("second-round/round/"), None);
}

#[test]
fn a_first_visit_decodes_to_defaults_and_needs_only_the_version() {
    let l = decode(Vec::new());
    assert_eq!((l.version, &l.settings), (None, &Settings::default()));
    assert!(l.progress.is_empty() && l.log.is_empty() && l.unreadable.is_empty());
    assert_eq!(migration(&l), vec![Step::Set(Key::Meta, "4".into())]);
}

#[test]
fn what_was_written_reads_back() {
    let mut m = Map::default();
    let s = Settings {
        desired_retention: 0.85,
        new_per_day: 7,
        max_reviews_per_day: 50,
        max_interval_days: 365,
        readiness_target: 0.9,
        rehearse: true,
        answer_seconds: 75,
        speech: true,
        track: Some(Track::Graduate),
    };
    let interviews =
        vec![Interview { at_ms: T, company: "Acme".into(), role: "Analyst".into(), active: true, themes: vec![Theme::Tricky] }];
    m.apply(vec![
        (Key::Meta, meta_value()),
        (Key::Settings, settings_value(&s)),
        (Key::Interviews, interviews_value(&interviews)),
        (Key::Suspended, suspended_value(&["b".into(), "a".into()])),
    ]);
    for i in 0..100 {
        m.grade(&entry(if i % 2 == 0 { "a" } else { "b" }, i), &progress(i));
    }
    let l = m.decode();
    assert_eq!((l.version, l.newer, &l.settings, &l.interviews), (Some(VERSION), false, &s, &interviews));
    assert_eq!(l.suspended, vec!["a", "b"]);
    assert_eq!(l.log, (0..100).map(|i| entry(if i % 2 == 0 { "a" } else { "b" }, i)).collect::<Vec<_>>());
    assert_eq!((l.progress["a"], l.progress["b"]), (progress(98), progress(99)));
    assert!(m.get(&Key::Older("a".into(), 0)).is_some(), "50 reviews of a card: the oldest 32 moved");
    assert!(l.unreadable.is_empty() && migration(&l).is_empty());
}

#[test]
fn a_grade_writes_under_2_kb_even_with_a_long_id_and_long_answers() {
    let id = "x".repeat(64);
    let mut m = Map::default();
    let mut most = 0;
    for i in 0..200 {
        let e = LogEntry { duration_ms: LogEntry::MAX_DURATION_MS, at_ms: T + i * 40 * 86_400_000 + 999, ..entry(&id, 0) };
        most = most.max(m.grade(&e, &Progress { due_ms: i64::MAX / 2, ..progress(i) }));
    }
    assert!(most < 2048, "{most} bytes");
    assert_eq!(m.decode().log.len(), 200);
}

#[test]
fn a_schedule_keeps_the_reviews_and_an_undo_takes_exactly_one_out() {
    let mut m = Map::default();
    for i in 0..60 {
        m.grade(&entry("a", i), &progress(i));
    }
    let card = Key::Card("a".into());
    // A new schedule (or none: the card deleted) keeps every review.
    let v = with_schedule(m.get(&card), None).unwrap();
    m.apply(vec![(card.clone(), v)]);
    let l = m.decode();
    assert_eq!((l.log.len(), l.progress.get("a")), (60, None));
    // An undo finds the review in the card's record, or in an older record.
    for (at, key) in [(entry("a", 59).at_ms, card.clone()), (entry("a", 0).at_ms, Key::Older("a".into(), 0))] {
        assert_eq!(without_review(m.get(&card).unwrap(), at).is_some(), key == card);
        let v = without_review(m.get(&key).unwrap(), at).unwrap().unwrap();
        m.apply(vec![(key, v)]);
    }
    let l = m.decode();
    assert_eq!(l.log.len(), 58);
    assert!(!l.log.iter().any(|e| e.at_ms == entry("a", 0).at_ms || e.at_ms == entry("a", 59).at_ms));
    assert_eq!(
        without_review(&to_json(&CardState { progress: None, reviews: vec![Review::of(&entry("c", 1))] }), entry("c", 1).at_ms),
        Some(None),
        "nothing left: the key goes"
    );
    assert_eq!(with_schedule(None, Some(&Progress::default())), None);
}

#[test]
fn a_whole_collection_is_laid_out_card_by_card() {
    let log: Vec<LogEntry> = (0..120).map(|i| entry(["a", "b", "c"][(i % 3) as usize], i)).collect();
    let progress: HashMap<String, Progress> = [("a".to_string(), progress(1)), ("z".to_string(), progress(2))].into();
    let mut m = Map::default();
    m.apply(all_card_records(&progress, &log));
    let l = m.decode();
    assert_eq!((l.log, l.progress), (log, progress));
    assert!(m.get(&Key::Card("z".into())).is_some() && m.get(&Key::Older("a".into(), 0)).is_none(), "40 reviews a card fit its record");
}

#[test]
fn another_tabs_grade_and_undo_are_told_apart() {
    let mut m = Map::default();
    m.grade(&entry("a", 1), &progress(1));
    let old = m.get(&Key::Card("a".into())).unwrap().to_string();
    m.grade(&entry("a", 2), &progress(2));
    let new = m.get(&Key::Card("a".into())).unwrap().to_string();
    let name = Key::Card("a".into()).name();
    let (changes, left) = external(&name, Some(&old), Some(&new));
    assert_eq!(changes, vec![External::Log(vec![entry("a", 2)]), External::Progress("a".into(), progress(2))]);
    assert!(left.is_empty());
    let (_, left) = external(&name, Some(&new), Some(&old));
    assert_eq!(left, vec![entry("a", 2)], "a review left the record: taken back, or moved");
    let (changes, _) = external(&Key::Suspended.name(), None, Some("[\"x\"]"));
    assert_eq!(changes, vec![External::Suspended(vec!["x".into()])]);
    let (changes, _) = external(&Key::Own("own-1".into()).name(), Some("{}"), None);
    assert_eq!(changes, vec![External::Card("own-1".into(), None, 0)]);
    let (changes, _) = external(&Key::Own("plan-01".into()).name(), None, Some(&deleted_value(9)));
    assert_eq!(changes, vec![External::Card("plan-01".into(), None, 9)]);
    assert_eq!(external("other/key", None, Some("x")), (vec![], vec![]));
}
