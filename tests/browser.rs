//! Browser tests (headless Chromium via wasm-bindgen-test): the storage adapter against the real
//! `localStorage`, and the app mounted into a fresh element.
#![cfg(target_arch = "wasm32")]

use second_round::domain::{Card, Clock, Collection, LogEntry, Phase, Progress, Rating, Settings, Theme};
use second_round::store::local::{Health, Store};
use second_round::store::schema::{self, Key, LOG_CHUNK};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn snapshot() -> Vec<(String, String)> {
    let s = storage();
    let mut all: Vec<(String, String)> =
        (0..s.length().unwrap()).filter_map(|i| s.key(i).unwrap()).map(|k| (k.clone(), s.get_item(&k).unwrap().unwrap())).collect();
    all.sort();
    all
}

fn entry(i: i64, id: &str) -> LogEntry {
    LogEntry { card_id: id.into(), at_ms: 1_795_564_800_000 + i, rating: Rating::Good, phase_before: Phase::New, duration_ms: 1200 }
}

fn progress(due: i64) -> Progress {
    Progress { phase: Phase::Review, stability: 2.5, difficulty: 4.75, due_ms: due, last_review_ms: Some(due - 1), reps: 1, ..Progress::default() }
}

#[wasm_bindgen_test]
fn a_first_visit_writes_only_the_schema_version() {
    storage().clear().unwrap();
    let (store, loaded) = Store::open();
    assert_eq!(store.health(), Health::Saving);
    assert_eq!(loaded.version, None);
    assert_eq!(snapshot(), vec![(Key::Meta.name(), schema::VERSION.to_string())]);
}

#[wasm_bindgen_test]
fn a_grade_writes_one_card_and_one_log_chunk_and_reads_back() {
    storage().clear().unwrap();
    let (mut store, _) = Store::open();
    let before = snapshot();
    store.save_grade("plan-01", &progress(10), &entry(0, "plan-01")).unwrap();
    let after = snapshot();
    let changed: Vec<&String> = after.iter().filter(|kv| !before.contains(kv)).map(|(k, _)| k).collect();
    assert_eq!(changed, vec!["second-round/card/plan-01", "second-round/log/0"]);
    let (_, loaded) = Store::open();
    assert_eq!(loaded.progress["plan-01"], progress(10));
    assert_eq!(loaded.log, vec![entry(0, "plan-01")]);
}

#[wasm_bindgen_test]
fn the_log_is_chunked_so_a_write_stays_small_and_undo_walks_back() {
    storage().clear().unwrap();
    let (mut store, _) = Store::open();
    let n = LOG_CHUNK as i64 + 3;
    for i in 0..n {
        store.save_grade("sell-01", &progress(i), &entry(i, "sell-01")).unwrap();
    }
    let chunk0 = storage().get_item("second-round/log/0").unwrap().unwrap();
    let chunk1 = storage().get_item("second-round/log/1").unwrap().unwrap();
    assert_eq!(chunk0.lines().count(), LOG_CHUNK);
    assert_eq!(chunk1.lines().count(), 3);
    assert!(chunk0.len() < 2048, "a full chunk is {} bytes", chunk0.len());
    // Undo four grades: chunk 1 empties and disappears, chunk 0 loses one line.
    for i in (n - 4..n).rev() {
        store.save_undo("sell-01", entry(i, "sell-01").at_ms, Some(&progress(0)), true).unwrap();
    }
    assert_eq!(storage().get_item("second-round/log/1").unwrap(), None);
    let (_, loaded) = Store::open();
    assert_eq!(loaded.log.len(), n as usize - 4);
    // The next page (or another tab) starts a chunk of its own: two tabs never write the same one.
    let (mut store, _) = Store::open();
    let (mut other, _) = Store::open();
    store.save_grade("sell-01", &progress(1), &entry(99, "sell-01")).unwrap();
    other.save_grade("plan-01", &progress(1), &entry(100, "plan-01")).unwrap();
    store.save_grade("sell-01", &progress(2), &entry(101, "sell-01")).unwrap();
    assert_eq!(storage().get_item("second-round/log/0").unwrap().unwrap().lines().count(), LOG_CHUNK - 1);
    assert_eq!(storage().get_item("second-round/log/1").unwrap().unwrap().lines().count(), 2);
    assert_eq!(storage().get_item("second-round/log/2").unwrap().unwrap().lines().count(), 1);
    assert_eq!(Store::open().1.log.len(), n as usize - 4 + 3, "every review of both");
}

#[wasm_bindgen_test]
fn undoing_a_first_grade_removes_the_card_key() {
    storage().clear().unwrap();
    let (mut store, _) = Store::open();
    store.save_grade("fit-01", &progress(5), &entry(0, "fit-01")).unwrap();
    store.save_undo("fit-01", entry(0, "fit-01").at_ms, None, true).unwrap();
    assert_eq!(snapshot(), vec![(Key::Meta.name(), schema::VERSION.to_string())]);
}

#[wasm_bindgen_test]
fn undoing_a_grade_that_was_never_saved_leaves_the_stored_log_alone() {
    storage().clear().unwrap();
    let (mut store, _) = Store::open();
    store.save_grade("tricky-01", &progress(5), &entry(0, "tricky-01")).unwrap();
    let log = storage().get_item("second-round/log/0").unwrap();
    store.save_undo("tricky-02", entry(1, "tricky-02").at_ms, None, false).unwrap();
    assert_eq!(storage().get_item("second-round/log/0").unwrap(), log);
}

#[wasm_bindgen_test]
fn undo_takes_exactly_its_review_out_of_the_chunk_that_holds_it() {
    storage().clear().unwrap();
    let deck = second_round::domain::deck::built_in();
    let (mut a, _) = Store::open();
    let (mut b, _) = Store::open();
    // Tab A grades, tab B grades (a chunk of its own), A undoes: B's review stays.
    a.save_grade("plan-01", &progress(1), &entry(0, "plan-01")).unwrap();
    a.save_grade("plan-02", &progress(1), &entry(1, "plan-02")).unwrap();
    b.save_grade("plan-03", &progress(1), &entry(2, "plan-03")).unwrap();
    a.save_undo("plan-01", entry(0, "plan-01").at_ms, None, true).unwrap();
    assert_eq!(Store::open().1.log, vec![entry(1, "plan-02"), entry(2, "plan-03")]);
    // Another tab rewrites the whole log (an import): A's next review now sits in a chunk with
    // B's and the imported ones. A's undo takes out exactly that line; its later grade never
    // writes over what the import wrote.
    a.save_grade("plan-04", &progress(1), &entry(3, "plan-04")).unwrap();
    let mut col = Collection::new(deck.clone(), Default::default(), Store::open().1.log, Settings::default());
    col.log.insert(0, entry(-5, "sell-01"));
    b.replace_all(&col, &deck).unwrap();
    let imported = Store::open().1.log;
    assert_eq!(imported.len(), 4);
    a.save_undo("plan-04", entry(3, "plan-04").at_ms, None, true).unwrap();
    assert_eq!(Store::open().1.log, vec![entry(-5, "sell-01"), entry(1, "plan-02"), entry(2, "plan-03")]);
    a.save_grade("plan-05", &progress(1), &entry(4, "plan-05")).unwrap();
    b.save_grade("plan-06", &progress(1), &entry(5, "plan-06")).unwrap();
    let after = Store::open().1.log;
    assert_eq!(after.len(), 5, "{after:?}");
    assert_eq!(after.iter().map(|e| e.at_ms - entry(0, "").at_ms).collect::<Vec<_>>(), vec![-5, 1, 2, 4, 5]);
}

#[wasm_bindgen_test]
fn unreadable_values_are_kept_aside_and_never_overwritten() {
    storage().clear().unwrap();
    let s = storage();
    s.set_item("second-round/meta", "1").unwrap();
    s.set_item("second-round/card/plan-01", "{garbage").unwrap();
    s.set_item("second-round/log/0", "not a log line").unwrap();
    s.set_item("second-round/card/plan-02", &schema::encode_progress(&progress(7))).unwrap();
    s.set_item("other-app/key", "left alone").unwrap();
    let (mut store, loaded) = Store::open();
    assert_eq!(loaded.unreadable.len(), 2);
    assert_eq!(loaded.progress.len(), 1);
    assert_eq!(s.get_item("second-round/unreadable/second-round/card/plan-01").unwrap().unwrap(), "{garbage");
    assert_eq!(s.get_item("second-round/unreadable/second-round/log/0").unwrap().unwrap(), "not a log line");
    // A new grade must not land in the damaged chunk.
    store.save_grade("plan-03", &progress(1), &entry(1, "plan-03")).unwrap();
    assert_eq!(s.get_item("second-round/log/0").unwrap().unwrap(), "not a log line");
    assert!(s.get_item("second-round/log/1").unwrap().is_some());
    assert_eq!(s.get_item("other-app/key").unwrap().unwrap(), "left alone");
    // Opening again does not copy twice or lose the copy.
    let (_, again) = Store::open();
    assert_eq!(again.kept_aside.len(), 2);
}

#[wasm_bindgen_test]
fn version_1_data_is_migrated_by_its_number_alone() {
    storage().clear().unwrap();
    let s = storage();
    s.set_item("second-round/meta", "1").unwrap();
    s.set_item("second-round/card/plan-01", &schema::encode_progress(&progress(3))).unwrap();
    let (store, loaded) = Store::open();
    assert_eq!((store.health(), loaded.version, loaded.progress.len()), (Health::Saving, Some(1), 1));
    assert_eq!(s.get_item("second-round/meta").unwrap().unwrap(), "2");
    assert_eq!(s.get_item("second-round/card/plan-01").unwrap().unwrap(), schema::encode_progress(&progress(3)));
}

#[wasm_bindgen_test]
fn cards_of_ones_own_edits_deletions_and_suspensions_are_stored_and_read_back() {
    storage().clear().unwrap();
    let deck = second_round::domain::deck::built_in();
    let (mut store, _) = Store::open();
    let mut edited = deck[0].clone();
    edited.answer = "Mine.".into();
    let own = Card { id: "own-1".into(), theme: Theme::Own, tags: vec![], question: "Q?".into(), answer: "A.".into(), key_points: vec![], synonyms: vec![], ..Default::default() };
    store.save_card(&edited, 0, 1_795_600_000_000).unwrap();
    store.save_card(&own, 80, 0).unwrap();
    store.save_grade("plan-02", &progress(9), &entry(0, "plan-02")).unwrap();
    store.delete_card("plan-02", true, 1_795_600_000_001).unwrap();
    store.save_suspended(&["plan-03".to_string()]).unwrap();
    let (_, loaded) = Store::open();
    let cards = schema::assemble(deck.clone(), &loaded.own);
    assert_eq!(cards[0], edited);
    assert_eq!(cards.last(), Some(&own));
    assert!(!cards.iter().any(|c| c.id == "plan-02"), "a deleted built-in card stays deleted");
    assert!(!loaded.progress.contains_key("plan-02"), "with its schedule");
    assert_eq!(loaded.suspended, vec!["plan-03"]);
    let mut edited_at = loaded.edited.clone();
    edited_at.sort();
    assert_eq!(edited_at, vec![("own-1".to_string(), 0), ("plan-01".to_string(), 1_795_600_000_000), ("plan-02".to_string(), 1_795_600_000_001)], "when each was edited or deleted");
    store.save_suspended(&[]).unwrap();
    assert_eq!(storage().get_item("second-round/suspended").unwrap(), None);
}

#[wasm_bindgen_test]
fn rewriting_everything_is_all_or_nothing() {
    storage().clear().unwrap();
    let deck = second_round::domain::deck::built_in();
    let (mut store, _) = Store::open();
    store.save_grade("plan-01", &progress(5), &entry(0, "plan-01")).unwrap();
    let mut col = Collection::new(deck.clone(), Default::default(), vec![], Settings::default());
    col.grade("plan-01", Rating::Good, Clock::new(1_795_564_800_000, 0), 1000).unwrap();
    for i in 0..40 {
        col.put_card(Card { id: format!("own-{i}"), theme: Theme::Own, tags: vec![], question: format!("Q{i}?"), answer: "A".into(), key_points: vec![], synonyms: vec![], ..Default::default() });
    }
    // A write that fails part-way leaves storage exactly as it was.
    let before = snapshot();
    let mut fill = 0;
    let mut size = 1024 * 1024;
    while size > 0 {
        while storage().set_item(&format!("filler/{fill}"), &"x".repeat(size)).is_ok() {
            fill += 1;
        }
        size /= 4;
    }
    let full = snapshot();
    assert!(store.replace_all(&col, &deck).unwrap_err().contains("full"));
    assert_eq!(snapshot(), full);
    for i in 0..fill {
        storage().remove_item(&format!("filler/{i}")).unwrap();
    }
    assert_eq!(snapshot(), before);
    // With room, everything is written, and reads back as the same collection.
    store.replace_all(&col, &deck).unwrap();
    let (_, loaded) = Store::open();
    assert_eq!(schema::assemble(deck, &loaded.own), col.cards);
    assert_eq!(loaded.progress, col.progress);
    assert_eq!(loaded.log, col.log);
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_never_written_over() {
    storage().clear().unwrap();
    let s = storage();
    s.set_item("second-round/meta", "99").unwrap();
    s.set_item("second-round/card/plan-01", &schema::encode_progress(&progress(3))).unwrap();
    let (mut store, loaded) = Store::open();
    assert_eq!(store.health(), Health::NewerVersion);
    assert_eq!(loaded.progress.len(), 1);
    assert!(store.save_grade("plan-01", &progress(9), &entry(0, "plan-01")).is_err());
    assert!(store.save_settings(&Settings::default()).is_err());
    assert_eq!(s.get_item("second-round/card/plan-01").unwrap().unwrap(), schema::encode_progress(&progress(3)));
    assert_eq!(s.get_item("second-round/meta").unwrap().unwrap(), "99");
}

#[wasm_bindgen_test]
fn a_session_saved_through_the_store_resumes_identically() {
    storage().clear().unwrap();
    let (mut store, loaded) = Store::open();
    let mut col = Collection::new(second_round::domain::deck::built_in(), loaded.progress, loaded.log, loaded.settings);
    let clock = Clock::new(1_795_564_800_000 + 9 * 3_600_000, 0);
    for rating in [Rating::Good, Rating::Again, Rating::Easy, Rating::Hard] {
        let (id, _) = second_round::domain::session::build(&col, clock).next.unwrap();
        col.grade(&id, rating, clock, 900).unwrap();
        store.save_grade(&id, &col.progress_of(&id), col.log.last().unwrap()).unwrap();
    }
    store.save_settings(&Settings { new_per_day: 9, ..Settings::default() }).unwrap();
    let (_, loaded) = Store::open();
    let reloaded = Collection::new(second_round::domain::deck::built_in(), loaded.progress, loaded.log, loaded.settings);
    assert_eq!(reloaded.settings.new_per_day, 9);
    let mut col = col;
    col.settings.new_per_day = 9;
    assert_eq!(second_round::domain::session::build(&reloaded, clock), second_round::domain::session::build(&col, clock));
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_shows_todays_drill() {
    storage().clear().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<second_round::app::App>::with_root(root.clone()).render();
    // Let yew's scheduler run.
    gloo_timers::future::TimeoutFuture::new(50).await;
    let text = root.text_content().unwrap();
    assert!(text.contains("Today's drill"), "{text}");
    assert!(text.contains("Start session"), "{text}");
    let deck = second_round::domain::deck::built_in().iter().filter(|c| !c.is_retired()).count();
    assert!(text.contains(&format!("0 of {deck} cards studied")), "{text}");
}
