//! Browser tests (headless Chromium via wasm-bindgen-test): the storage adapter against the real
//! `localStorage`, and the app mounted into a fresh element.
#![cfg(target_arch = "wasm32")]

use second_round::domain::{Card, Clock, Collection, LogEntry, Phase, Progress, Rating, Settings, Theme};
use second_round::store::local::{self, Health};
use second_round::store::schema::{self, Key};
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
    let (store, loaded) = local::open();
    assert_eq!(store.health(), Health::Saving);
    assert_eq!(loaded.version, None);
    assert_eq!(snapshot(), vec![(Key::Meta.name(), schema::VERSION.to_string())]);
}

#[wasm_bindgen_test]
fn a_grade_writes_one_card_record_and_reads_back() {
    storage().clear().unwrap();
    let (mut store, _) = local::open();
    let before = snapshot();
    store.save_review(&entry(0, "plan-01"), &progress(10)).unwrap();
    let after = snapshot();
    let changed: Vec<&String> = after.iter().filter(|kv| !before.contains(kv)).map(|(k, _)| k).collect();
    assert_eq!(changed, vec!["second-round/card/plan-01"]);
    let (_, loaded) = local::open();
    assert_eq!(loaded.progress["plan-01"], progress(10));
    assert_eq!(loaded.log, vec![entry(0, "plan-01")]);
}

#[wasm_bindgen_test]
fn a_card_with_many_reviews_moves_its_oldest_so_a_write_stays_small_and_undo_finds_them() {
    storage().clear().unwrap();
    let (mut store, _) = local::open();
    let n = schema::RECENT_REVIEWS as i64 + 3;
    for i in 0..n {
        store.save_review(&entry(i, "sell-01"), &progress(i)).unwrap();
    }
    let record = storage().get_item("second-round/card/sell-01").unwrap().unwrap();
    assert!(storage().get_item("second-round/log/sell-01/0").unwrap().is_some());
    assert!(record.len() < 1024, "the card's record is {} characters", record.len());
    // Undo the newest and the oldest: each leaves the record that holds it.
    store.save_undo("sell-01", entry(n - 1, "sell-01").at_ms, Some(&progress(0)), true).unwrap();
    store.save_undo("sell-01", entry(0, "sell-01").at_ms, Some(&progress(0)), true).unwrap();
    let (_, loaded) = local::open();
    assert_eq!(loaded.log.len(), n as usize - 2);
    assert_eq!((loaded.log[0].at_ms, loaded.log.last().unwrap().at_ms), (entry(1, "").at_ms, entry(n - 2, "").at_ms));
    // Two pages grading the same card: each write keeps what the other stored.
    let (mut other, _) = local::open();
    store.save_review(&entry(99, "sell-01"), &progress(1)).unwrap();
    other.save_review(&entry(100, "sell-01"), &progress(2)).unwrap();
    assert_eq!(local::open().1.log.len(), n as usize, "every review of both");
}

#[wasm_bindgen_test]
fn undoing_a_first_grade_removes_the_card_key() {
    storage().clear().unwrap();
    let (mut store, _) = local::open();
    store.save_review(&entry(0, "fit-01"), &progress(5)).unwrap();
    store.save_undo("fit-01", entry(0, "fit-01").at_ms, None, true).unwrap();
    assert_eq!(snapshot(), vec![(Key::Meta.name(), schema::VERSION.to_string())]);
}

#[wasm_bindgen_test]
fn undoing_a_grade_that_was_never_saved_leaves_the_stored_log_alone() {
    storage().clear().unwrap();
    let (mut store, _) = local::open();
    store.save_review(&entry(0, "tricky-01"), &progress(5)).unwrap();
    let before = snapshot();
    store.save_undo("tricky-02", entry(1, "tricky-02").at_ms, None, false).unwrap();
    assert_eq!(snapshot(), before);
}

#[wasm_bindgen_test]
fn undo_takes_exactly_its_review_out_whatever_another_page_wrote() {
    storage().clear().unwrap();
    let deck = second_round::domain::deck::built_in();
    let (mut a, _) = local::open();
    let (mut b, _) = local::open();
    // Page A grades, page B grades the same card, A undoes: B's review stays.
    a.save_review(&entry(0, "plan-01"), &progress(1)).unwrap();
    b.save_review(&entry(1, "plan-01"), &progress(1)).unwrap();
    a.save_undo("plan-01", entry(0, "plan-01").at_ms, Some(&progress(1)), true).unwrap();
    assert_eq!(local::open().1.log, vec![entry(1, "plan-01")]);
    // Another page rewrites everything (an import): A's undo still takes out exactly its review.
    a.save_review(&entry(3, "plan-04"), &progress(1)).unwrap();
    let mut col = Collection::new(deck.clone(), Default::default(), local::open().1.log, Settings::default());
    col.log.insert(0, entry(-5, "sell-01"));
    b.replace_all(&col, &deck).unwrap();
    assert_eq!(local::open().1.log.len(), 3);
    a.save_undo("plan-04", entry(3, "plan-04").at_ms, None, true).unwrap();
    assert_eq!(local::open().1.log, vec![entry(-5, "sell-01"), entry(1, "plan-01")]);
}

#[wasm_bindgen_test]
fn unreadable_values_are_kept_aside_and_never_overwritten() {
    storage().clear().unwrap();
    let s = storage();
    s.set_item("second-round/meta", "1").unwrap();
    s.set_item("second-round/card/plan-01", "{garbage").unwrap();
    s.set_item("second-round/log/0", "not a log line").unwrap();
    s.set_item("second-round/card/plan-02", V2_PROGRESS).unwrap();
    s.set_item("other-app/key", "left alone").unwrap();
    let (mut store, loaded) = local::open();
    assert_eq!(loaded.unreadable.len(), 2);
    assert_eq!(loaded.progress.len(), 1);
    assert_eq!(s.get_item("second-round/unreadable/second-round/card/plan-01").unwrap().unwrap(), "{garbage");
    assert_eq!(s.get_item("second-round/unreadable/second-round/log/0").unwrap().unwrap(), "not a log line");
    // The migration moves what it can read and leaves the damaged values where they are.
    store.save_review(&entry(1, "plan-03"), &progress(1)).unwrap();
    assert_eq!(s.get_item("second-round/log/0").unwrap().unwrap(), "not a log line");
    assert_eq!(s.get_item("second-round/meta").unwrap().unwrap(), "3");
    assert_eq!(s.get_item("other-app/key").unwrap().unwrap(), "left alone");
    // Opening again does not copy twice or lose the copy.
    let (_, again) = local::open();
    assert_eq!(again.kept_aside.len(), 2);
}

/// A schedule as schema versions 1 and 2 stored it.
const V2_PROGRESS: &str = "r,0,40200000,40980000,7,6,1,0";

#[wasm_bindgen_test]
fn version_1_data_is_migrated_at_start_up() {
    storage().clear().unwrap();
    let s = storage();
    s.set_item("second-round/meta", "1").unwrap();
    s.set_item("second-round/card/plan-01", V2_PROGRESS).unwrap();
    s.set_item("second-round/log/0", "plan-01\t6\t3\tn\t1200").unwrap();
    let (store, loaded) = local::open();
    assert_eq!((store.health(), loaded.version, loaded.progress.len()), (Health::Saving, Some(1), 1));
    assert_eq!(s.get_item("second-round/meta").unwrap().unwrap(), "3");
    assert_eq!(s.get_item("second-round/log/0").unwrap(), None);
    let (_, again) = local::open();
    assert_eq!((again.progress, again.log), (loaded.progress, loaded.log));
}

#[wasm_bindgen_test]
fn cards_of_ones_own_edits_deletions_and_suspensions_are_stored_and_read_back() {
    storage().clear().unwrap();
    let deck = second_round::domain::deck::built_in();
    let (mut store, _) = local::open();
    let mut edited = deck[0].clone();
    edited.answer = "Mine.".into();
    let own = Card { id: "own-1".into(), theme: Theme::Own, tags: vec![], question: "Q?".into(), answer: "A.".into(), key_points: vec![], synonyms: vec![], ..Default::default() };
    store.save_card(&edited, 0, 1_795_600_000_000).unwrap();
    store.save_card(&own, 80, 0).unwrap();
    store.save_review(&entry(0, "plan-02"), &progress(9)).unwrap();
    store.delete_card("plan-02", true, 1_795_600_000_001).unwrap();
    store.save_suspended(&["plan-03".to_string()]).unwrap();
    let (_, loaded) = local::open();
    let cards = schema::assemble(deck.clone(), &loaded.own);
    assert_eq!(cards[0], edited);
    assert_eq!(cards.last(), Some(&own));
    assert!(!cards.iter().any(|c| c.id == "plan-02"), "a deleted built-in card stays deleted");
    assert!(!loaded.progress.contains_key("plan-02"), "with its schedule");
    assert_eq!(loaded.log, vec![entry(0, "plan-02")], "its reviews stay in the history");
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
    let (mut store, _) = local::open();
    store.save_review(&entry(0, "plan-01"), &progress(5)).unwrap();
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
    let (_, loaded) = local::open();
    assert_eq!(schema::assemble(deck, &loaded.own), col.cards);
    assert_eq!(loaded.progress, col.progress);
    assert_eq!(loaded.log, col.log);
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_never_written_over() {
    storage().clear().unwrap();
    let s = storage();
    s.set_item("second-round/meta", "99").unwrap();
    s.set_item("second-round/card/plan-01", V2_PROGRESS).unwrap();
    let (mut store, loaded) = local::open();
    assert_eq!(store.health(), Health::NewerVersion);
    assert_eq!(loaded.progress.len(), 1);
    assert!(store.save_review(&entry(0, "plan-01"), &progress(9)).is_err());
    assert!(store.save_settings(&Settings::default()).is_err());
    assert_eq!(s.get_item("second-round/card/plan-01").unwrap().unwrap(), V2_PROGRESS);
    assert_eq!(s.get_item("second-round/meta").unwrap().unwrap(), "99");
}

#[wasm_bindgen_test]
fn a_session_saved_through_the_store_resumes_identically() {
    storage().clear().unwrap();
    let (mut store, loaded) = local::open();
    let mut col = Collection::new(second_round::domain::deck::built_in(), loaded.progress, loaded.log, loaded.settings);
    let clock = Clock::new(1_795_564_800_000 + 9 * 3_600_000, 0);
    for rating in [Rating::Good, Rating::Again, Rating::Easy, Rating::Hard] {
        let (id, _) = second_round::domain::session::build(&col, clock).next.unwrap();
        col.grade(&id, rating, clock, 900).unwrap();
        store.save_review(col.log.last().unwrap(), &col.progress_of(&id)).unwrap();
    }
    store.save_settings(&Settings { new_per_day: 9, ..Settings::default() }).unwrap();
    let (_, loaded) = local::open();
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
