//! Every storage schema ever released, as a fixture (tests/data/schema/v<N>.json: the keys and
//! values a browser held), read by today's code with nothing lost; and the storage decoder fuzzed
//! with proptest: no input panics or loops.

use proptest::prelude::*;
use second_round::domain::{deck, Collection, LogEntry};
use second_round::store::schema::{self, decode_progress, Key, OwnRecord, VERSION};
use std::collections::BTreeMap;

fn fixture(version: u32) -> BTreeMap<String, String> {
    let path = format!("{}/tests/data/schema/v{version}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Reads a fixture as the app does at start-up and checks that every value it holds arrives.
fn read_everything(version: u32) -> Collection {
    let stored = fixture(version);
    let loaded = schema::decode(stored.clone());
    assert_eq!(loaded.version, Some(version));
    assert!(!loaded.newer, "an older or current version is never read-only");
    assert!(loaded.unreadable.is_empty(), "v{version}: {:?}", loaded.unreadable);
    let mut log_lines = 0;
    for (key, value) in &stored {
        match Key::parse(key) {
            Some(Key::Card(id)) => assert_eq!(loaded.progress.get(&id), Some(&decode_progress(value).unwrap()), "v{version}: {key}"),
            Some(Key::LogChunk(_)) => log_lines += value.lines().count(),
            Some(Key::Settings) => assert_eq!(schema::decode_settings(value), Ok(loaded.settings)),
            Some(Key::Own(id)) => assert!(loaded.own.iter().any(|(i, _)| *i == id), "v{version}: {key}"),
            _ => {}
        }
    }
    assert_eq!(loaded.log.len(), log_lines, "v{version}: every review");
    assert!(loaded.log.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
    let cards = schema::assemble(deck::built_in(), &loaded.own);
    let mut col = Collection::new(cards, loaded.progress, loaded.log, loaded.settings);
    col.interviews = loaded.interviews;
    col.suspended = loaded.suspended;
    col
}

#[test]
fn version_1_reads_whole_into_today_s_schema() {
    let col = read_everything(1);
    let deck = deck::built_in().len();
    assert_eq!((col.cards.len(), col.progress.len(), col.log.len(), col.interviews.len()), (deck, 8, 53, 2));
    assert_eq!((col.settings.new_per_day, col.settings.rehearse, col.settings.answer_seconds), (10, false, 120), "new settings take their defaults");
    assert_eq!(col.interviews[0].company, "Northwind");
    assert!(col.suspended.is_empty());
}

#[test]
fn version_2_reads_whole_into_today_s_schema() {
    let col = read_everything(2);
    assert_eq!(VERSION, 2, "a new version needs its own fixture and test here");
    assert_eq!((col.cards.len(), col.progress.len(), col.log.len()), (deck::built_in().len(), 9, 53), "one deleted, one of one's own");
    let edited = col.card("plan-03").unwrap();
    assert_eq!(edited.answer, "Edited answer.");
    let built_in = deck::built_in().into_iter().find(|c| c.id == "plan-03").unwrap();
    assert_eq!((&edited.why, &edited.probes), (&built_in.why, &built_in.probes), "an edit stored before coaching existed keeps the deck's");
    assert!(col.card("plan-04").is_none());
    assert_eq!(col.cards.last().unwrap().question, "How did I check the report?");
    assert_eq!(col.suspended, vec!["fit-02", "sell-01"]);
    assert!(col.settings.rehearse);
    // Records written before edits kept their moment read as edited at an unknown, oldest moment.
    let loaded = schema::decode(fixture(2));
    assert_eq!(loaded.edited.len(), loaded.own.len());
    assert!(loaded.edited.iter().all(|(_, at)| *at == 0), "{:?}", loaded.edited);
}

#[test]
fn a_grade_after_migrating_appends_after_the_existing_log() {
    let loaded = schema::decode(fixture(1));
    let entry = LogEntry { card_id: "plan-05".into(), at_ms: 1_795_600_000_000, rating: second_round::domain::Rating::Good, phase_before: second_round::domain::Phase::New, duration_ms: 1 };
    let highest = loaded.highest_chunk.unwrap();
    let (n, lines) = schema::append_to_tail(None, loaded.highest_chunk, &entry);
    assert!(n > highest && lines.len() == 1, "a chunk of its own, after every stored one: nothing written over");
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("second-round/meta".to_string()),
        Just("second-round/settings".to_string()),
        Just("second-round/interviews".to_string()),
        Just("second-round/suspended".to_string()),
        "second-round/card/[a-z0-9-]{0,8}",
        "second-round/log/[0-9]{0,3}",
        "second-round/own/[a-z0-9-]{0,8}",
        "second-round/unreadable/[a-z/-]{0,12}",
        ".{0,20}",
    ]
}

fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9a-z,;=\t\n{}\":\\[\\]-]{0,60}",
        "(n|l|r|rl|x),[0-9]{1,3},[0-9a-f]{1,9},[0-9a-f]{1,9},-?[0-9]{1,14},[0-9]{0,14},[0-9]{1,10},[0-9]{1,10}",
        "([a-z-]{1,8}\t[0-9]{1,14}\t[0-5]\t(n|l|r|rl)\t[0-9]{1,6}\n){0,40}",
        "\\{\"(theme|q|a|k|tags|order|deleted|syn)\":(\"[a-z]{0,5}\"|true|[0-9]{1,3}|\\[\\]|\\[\"x\"\\]|\\{\\})\\}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(std::env::var("FUZZ_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(512)))]

    /// Whatever a browser holds, reading it never panics; what is readable is used and the rest is
    /// listed as unreadable (never silently dropped).
    #[test]
    fn the_storage_decoder_never_panics(entries in prop::collection::vec((key(), value()), 0..24)) {
        let loaded = schema::decode(entries.clone());
        let ours = entries.iter().filter(|(k, _)| matches!(Key::parse(k), Some(k) if !matches!(k, Key::Unreadable(_)))).count();
        prop_assert!(loaded.unreadable.len() <= ours);
        let cards = schema::assemble(deck::built_in(), &loaded.own);
        let _ = Collection::new(cards, loaded.progress, loaded.log, loaded.settings);
    }

    #[test]
    fn card_records_round_trip(q in ".{1,40}", a in ".{0,40}", tags in prop::collection::vec("[a-z ]{1,6}", 0..3), order in any::<i64>()) {
        let card = second_round::domain::Card { id: "own-1".into(), theme: second_round::domain::Theme::Own, tags, question: q, answer: a, key_points: vec![], synonyms: vec![], ..Default::default() };
        let back = schema::decode_card("own-1", &schema::encode_card(&card, order, 0)).unwrap();
        prop_assert_eq!(back, OwnRecord::Card { card, order });
    }
}
