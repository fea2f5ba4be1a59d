use super::*;
use crate::domain::card::{Phase, Rating, Theme, Track, Variant};
use std::collections::BTreeMap;

const T: i64 = 1_795_564_800_000;

fn entry(id: &str, i: i64) -> LogEntry {
    LogEntry {
        card_id: id.to_string(),
        at_ms: T + i * 600_000,
        rating: Rating::Good,
        phase_before: Phase::Review,
        duration_ms: 9_000 + i as u32,
    }
}

fn progress(i: i64) -> Progress {
    Progress {
        phase: Phase::Review,
        step: 0,
        stability: 3.5 + i as f32,
        difficulty: 5.25,
        due_ms: T + i * 86_400_000,
        last_review_ms: Some(T + i * 600_000),
        reps: i as u32 + 1,
        lapses: 0,
    }
}

/// Storage as a map: applies writes as the browser adapter does.
#[derive(Default)]
struct Map(BTreeMap<String, String>);

impl Map {
    fn get(&self, k: &Key) -> Option<&str> {
        self.0.get(&k.name()).map(String::as_str)
    }
    fn apply(&mut self, writes: Writes) -> usize {
        let mut bytes = 0;
        for (k, v) in writes {
            bytes += (k.name().len() + v.len()) * 2;
            self.0.insert(k.name(), v);
        }
        bytes
    }
    /// Grades as the app does: the card's record as stored, the next free older-reviews number.
    fn grade(&mut self, e: &LogEntry, p: &Progress) -> usize {
        let next = (0..).find(|n| self.get(&Key::Older(e.card_id.clone(), *n)).is_none()).unwrap();
        let writes = record_review(self.get(&Key::Card(e.card_id.clone())), next, e, p);
        self.apply(writes)
    }
    fn decode(&self) -> Loaded {
        decode(self.0.clone())
    }
    fn run(&mut self, steps: &[Step]) {
        for s in steps {
            match s {
                Step::Set(k, v) => {
                    self.0.insert(k.name(), v.clone());
                }
                Step::Remove(k) => {
                    self.0.remove(&k.name());
                }
            }
        }
    }
}

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

/// Version 2 data as a browser held it (the shape of tests/data/schema/v2.json).
fn version_2() -> Map {
    let mut m = Map::default();
    let mut put = |k: &str, v: &str| m.0.insert(format!("{PREFIX}{k}"), v.to_string());
    put("meta", "2");
    put("settings", "retention=85;new=10;reviews=200;interval=36500;target=90;rehearse=1;answer=120;speech=0");
    put("interviews", "1796169600000\t1\tNorthwind\tAnalyst\tsell,tricky\n1798156800000\t0\tContoso\t\t");
    put("suspended", "sell-01\nfit-02");
    put("card/plan-01", "r,0,40a00000,40880000,1795651200000,1795478400000,3,0");
    put("card/sell-01", "l,1,3f800000,40a00000,1795565400000,1795564800000,1,0");
    put("card/fit-02", "r,0,40a50000,408a8000,1796083200000,1795478400000,8,1");
    let lines: Vec<String> = (0..40)
        .map(|i| format!("{}\t{}\t3\tr\t9000", ["plan-01", "sell-01", "gone-01"][i % 3], 1_793_836_800_000 + i as i64 * 60_000))
        .collect();
    put("log/0", &lines[..32].join("\n"));
    put("log/1", &lines[32..].join("\n"));
    put("own/own-1", r#"{"theme":"own","tags":[],"q":"Mine?","a":"Yes.","k":[],"order":90}"#);
    put("own/plan-04", r#"{"deleted":true}"#);
    m
}

#[test]
fn version_2_migrates_whole_and_a_migration_stopped_anywhere_loses_nothing() {
    let m = version_2();
    let before = m.decode();
    assert!(before.unreadable.is_empty(), "{:?}", before.unreadable);
    assert_eq!((before.log.len(), before.progress.len(), before.suspended.len(), before.interviews.len()), (40, 3, 2, 2));
    let steps = migration(&before);
    assert_eq!(steps[0], Step::Set(Key::Meta, "4".into()), "the version first: an older app only reads from then on");
    for stop in 0..=steps.len() {
        let mut partial = version_2();
        partial.run(&steps[..stop]);
        let l = partial.decode();
        assert!(l.unreadable.is_empty(), "stopped after {stop}: {:?}", l.unreadable);
        assert_eq!(
            (&l.log, &l.progress, &l.settings, &l.interviews, &l.suspended, &l.own),
            (&before.log, &before.progress, &before.settings, &before.interviews, &before.suspended, &before.own),
            "stopped after {stop}"
        );
        // Going on from there finishes it.
        partial.run(&migration(&l));
        let done = partial.decode();
        assert_eq!((done.version, done.log.len(), migration(&done)), (Some(VERSION), 40, vec![]));
    }
    let mut done = version_2();
    done.run(&steps);
    assert!(done.0.keys().all(|k| !matches!(Key::parse(k), Some(Key::LogChunk(_)))), "no old chunk left");
    assert!(done.0.values().all(|v| v.starts_with(['"', '{', '[']) || *v == VERSION.to_string()), "every value is JSON");
    assert!(done.get(&Key::Card("gone-01".into())).is_some(), "reviews of a card with no schedule are kept");
}

#[test]
fn damaged_values_are_reported_and_the_rest_is_used() {
    let mut m = Map::default();
    m.grade(&entry("ok", 1), &progress(1));
    let mut put = |k: &str, v: &str| m.0.insert(format!("{PREFIX}{k}"), v.to_string());
    put("card/bad", "{not json");
    put("card/nan", "r,0,7fc00000,5,1,,1,0");
    put("card/cut", "\"BA");
    put("log/x/0", "\"A\u{1}\"");
    put("settings", "\"fast\"");
    put("interviews", "next week\tmaybe");
    put("log/0", "garbage");
    put("own/bad", "{\"q\":1}");
    put("meta", "{\"v\":1}");
    put("story/s1", "{\"title\":7}");
    put("round/1-00000000", "{\"at\":\"soon\"}");
    put("mock", "{\"seed\":1,\"steps\":7}");
    put("mock-settings", "7");
    put("mocks", "{\"at\":1}");
    let l = m.decode();
    assert!(l.progress.contains_key("ok"));
    let mut keys: Vec<&str> = l.unreadable.iter().map(|u| u.key.strip_prefix(PREFIX).unwrap()).collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "card/bad",
            "card/cut",
            "card/nan",
            "interviews",
            "log/0",
            "log/x/0",
            "meta",
            "mock",
            "mock-settings",
            "mocks",
            "own/bad",
            "round/1-00000000",
            "settings",
            "story/s1"
        ]
    );
    assert!(
        l.mock.is_none() && l.mocks.is_empty() && l.mock_settings == Default::default(),
        "damaged mock records: none, and the defaults"
    );
    assert_eq!(l.kit, Kit::default(), "a damaged story or round is left out, not half read");
    assert_eq!((l.settings, l.log.len()), (Settings::default(), 1));
    // The migration never writes over a damaged value (it was kept aside, and stays where it is).
    let touched = |s: &Step| match s {
        Step::Set(k, _) | Step::Remove(k) => k.name(),
    };
    let damaged: Vec<String> = l.unreadable.iter().map(|u| u.key.clone()).filter(|k| !k.ends_with("meta")).collect();
    assert!(migration(&l).iter().all(|s| !damaged.contains(&touched(s))), "{:?}", migration(&l));
}

#[test]
fn a_newer_schema_is_flagged_and_not_migrated() {
    let l = decode(vec![(Key::Meta.name(), "5".into()), (Key::Settings.name(), "retention=80".into())]);
    assert!(l.newer);
    assert!(migration(&l).is_empty());
}

#[test]
fn cards_of_ones_own_edits_and_deletions_are_kept_and_assembled() {
    use crate::domain::deck;
    let deck = deck::built_in();
    let mut edited = deck[1].clone();
    edited.answer = "My version, with \"quotes\"\nand a line.".into();
    let own = Card {
        id: "own-1".into(),
        theme: Theme::Own,
        tags: vec!["mine".into()],
        question: "Q?".into(),
        answer: "A.".into(),
        key_points: vec!["k".into()],
        synonyms: vec![("a".into(), "b".into())],
        ..Default::default()
    };
    let stored = vec![
        (Key::Own(own.id.clone()).name(), card_text_value(&own, 5, 1_795_600_000_000)),
        (Key::Own(deck[0].id.clone()).name(), deleted_value(0)),
        (Key::Own(edited.id.clone()).name(), card_text_value(&edited, 0, 0)),
        (Key::Own("bad".into()).name(), "{\"q\":1}".to_string()),
    ];
    let l = decode(stored);
    assert_eq!(l.unreadable.len(), 1, "a damaged card record is reported");
    let cards = assemble(deck.clone(), &l.own);
    assert_eq!(cards.len(), deck.len(), "one deleted, one added");
    assert_eq!(cards[0], edited);
    assert_eq!(cards.last(), Some(&own));
    let mut later = deck.clone();
    later.push(Card { id: "plan-99".into(), ..deck[2].clone() });
    let cards = assemble(later, &l.own);
    assert!(cards.iter().any(|c| c.id == "plan-99"));
}

#[test]
fn coaching_and_tracks_are_kept_and_retirement_is_the_decks() {
    let card = Card {
        id: "plan-01".into(),
        theme: Theme::Plan,
        question: "Q?".into(),
        answer: "A.".into(),
        why: "Why.".into(),
        probes: vec!["P1?".into(), "P2?".into()],
        variants: vec![Variant { track: Track::Manager, answer: "M.".into(), key_points: vec!["m".into()] }],
        ..Default::default()
    };
    assert_eq!(decode_own("plan-01", &card_text_value(&card, 3, 7)), Ok((OwnRecord::Card { card: card.clone(), order: 3 }, 7)));
    let retired = Card { retired: Some("merged into plan-02".into()), ..card.clone() };
    let edit = Card { answer: "Mine.".into(), ..card.clone() };
    let cards = assemble(vec![retired], &[("plan-01".into(), OwnRecord::Card { card: edit, order: 0 })]);
    assert_eq!((cards[0].answer.as_str(), cards[0].retired.as_deref()), ("Mine.", Some("merged into plan-02")));
    let (old, at) = decode_own("plan-01", r#"{"theme":"plan","tags":[],"q":"Q?","a":"Old.","k":[]}"#).unwrap();
    assert_eq!(at, 0, "a record from before edits kept their moment: the oldest");
    let cards = assemble(vec![card.clone()], &[("plan-01".into(), old)]);
    assert_eq!((cards[0].answer.as_str(), cards[0].why.as_str(), cards[0].probes.len()), ("Old.", "Why.", 2));
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

#[test]
fn the_kit_is_written_record_by_record_and_reads_back() {
    use crate::domain::kit::{Person, Question, Thanks};
    let mut m = Map::default();
    let iv = Interview { at_ms: T, company: "Northwind \"Ltd\"".into(), role: "Analyst".into(), active: true, themes: vec![] };
    let mut kit = Kit::default();
    let story = Story {
        id: "s1".into(),
        title: "The <b>month-end</b> fix".into(),
        situation: "Close took 9 days.\nEvery month.".into(),
        task: "Cut it.".into(),
        action: "I rebuilt the checks.".into(),
        result: "4 days.".into(),
        shows: vec!["accuracy".into(), "later-key".into()],
        own: vec!["Spreadsheets".into()],
        edited: T,
        deleted: false,
    };
    kit.put_story(story.clone());
    kit.put_story(Story { id: "s0".into(), edited: T + 5, deleted: true, ..Story::default() });
    let round = kit.round_mut(&iv);
    round.people = vec![Person { name: "Priya".into(), role: "Head of Finance".into(), said: "Speed".into() }];
    round.went_well = "Rapport".into();
    round.questions =
        vec![Question { text: "When will you decide?".into(), card: Some("ask-01".into()), asked: true, answer: "By Friday".into() }];
    round.remember = vec!["One".into(), "Two".into(), "Three".into()];
    round.stories = vec!["s1".into()];
    round.meet = vec!["Tom, Team lead".into()];
    round.ticked = vec!["early".into()];
    round.thanks =
        vec![Thanks { name: "Priya".into(), email: "p@n.example".into(), point: "Speed".into(), sent: Some(T + 9), ..Thanks::default() }];
    round.edited = T + 1;
    let bytes = m.apply(kit_records(&kit));
    assert!(bytes < 4_000, "the whole kit of this size: {bytes} bytes");
    let name = Key::Round(kit.rounds[0].key()).name();
    assert!(m.0.contains_key(&name) && m.0.contains_key("second-round/story/s1") && m.0.contains_key("second-round/story/s0"));
    assert_eq!(m.get(&Key::Story("s0".into())), Some(r#"{"id":"s0","edited":1795564800005,"deleted":true}"#));
    let l = m.decode();
    assert!(l.unreadable.is_empty(), "{:?}", l.unreadable);
    assert_eq!(l.kit.stories.len(), 2);
    assert_eq!(l.kit.story("s1"), Some(&story), "every field, a key this version does not know included");
    assert_eq!(
        l.kit,
        Kit { stories: vec![kit.stories[1].clone(), kit.stories[0].clone()], rounds: kit.rounds.clone() },
        "in the order written"
    );
    // The key names the story, whatever the record says.
    let l =
        decode(vec![(Key::Story("s9".into()).name(), r#"{"id":"other","title":"T","edited":1}"#.into()), (Key::Meta.name(), "4".into())]);
    assert_eq!(l.kit.stories[0].id, "s9");
    // Another tab's write of a story or a round arrives as it is.
    let (changes, _) = external(&Key::Story("s1".into()).name(), None, Some(&story_value(&story)));
    assert_eq!(changes, vec![External::Story(story.clone())]);
    let (changes, _) = external(&name, None, Some(&round_value(&kit.rounds[0])));
    assert_eq!(changes, vec![External::Round(kit.rounds[0].clone())]);
    assert!(external(&name, None, Some("{damaged")).0.is_empty());
}

#[test]
fn schema_3_moves_to_4_by_its_version_number_alone() {
    let mut m = Map::default();
    m.grade(&entry("a", 1), &progress(1));
    m.0.insert(Key::Meta.name(), "3".into());
    let l = m.decode();
    assert_eq!((l.version, l.newer, &l.kit), (Some(3), false, &Kit::default()), "no kit keys: an empty kit");
    assert_eq!(migration(&l), vec![Step::Set(Key::Meta, "4".into())]);
}

#[test]
fn an_import_leaves_the_kit_and_the_mock_records_alone() {
    for k in [Key::Story("s1".into()), Key::Round("1-0".into()), Key::Mock, Key::MockSettings, Key::Mocks, Key::Unreadable("x".into())] {
        assert!(kept_by_import(&k), "{k:?}");
    }
    for k in [
        Key::Meta,
        Key::Settings,
        Key::Interviews,
        Key::Suspended,
        Key::Card("a".into()),
        Key::Own("a".into()),
        Key::Older("a".into(), 0),
        Key::LogChunk(0),
    ] {
        assert!(!kept_by_import(&k), "{k:?}");
    }
}
