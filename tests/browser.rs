//! Browser tests (headless Chromium via wasm-bindgen-test): the app's own path — the core's
//! `AppState::apply` — over the real `localStorage` (its real quota, its real errors), and the app
//! mounted into a fresh element. The storage layout itself is tested natively (`tests/core.rs`,
//! `store/schema/tests.rs`).
#![cfg(target_arch = "wasm32")]

use second_round::core::{Action, AppState, Notice, Screen};
use second_round::domain::{Clock, Rating};
use second_round::store::local::{self, Health};
use second_round::store::schema::{self, Key};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// 2026-11-25 09:00 UTC.
const T0: i64 = 1_795_597_200_000;

fn at(s: i64) -> Clock {
    Clock::new(T0 + s * 1000, 0)
}

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

/// The app as it opens in the browser, at a fixed moment.
fn open(clock: Clock) -> AppState {
    let (store, loaded) = local::open();
    AppState::new(store, loaded, clock)
}

/// Shows, reveals and grades the next card (or `id`); returns its id.
fn drill(app: &mut AppState, id: Option<&str>, rating: Rating, s: i64) -> String {
    app.apply(Action::Start, at(s));
    if let Some(id) = id {
        app.current = Some(id.to_string());
    }
    let id = app.current.clone().expect("a card on screen");
    app.apply(Action::Reveal, at(s + 5));
    app.apply(Action::Grade(rating), at(s + 10));
    id
}

fn stored_log() -> Vec<(String, i64)> {
    local::open().1.log.into_iter().map(|e| (e.card_id, e.at_ms)).collect()
}

#[wasm_bindgen_test]
fn a_first_visit_writes_only_the_schema_version() {
    storage().clear().unwrap();
    let app = open(at(0));
    assert!(app.notices.is_empty());
    assert_eq!(snapshot(), vec![(Key::Meta.name(), schema::VERSION.to_string())]);
}

#[wasm_bindgen_test]
fn a_grade_writes_one_card_record_and_its_undo_takes_it_back() {
    storage().clear().unwrap();
    let mut app = open(at(0));
    let before = snapshot();
    let id = drill(&mut app, None, Rating::Good, 0);
    let after = snapshot();
    let changed: Vec<&String> = after.iter().filter(|kv| !before.contains(kv)).map(|(k, _)| k).collect();
    assert_eq!(changed, vec![&Key::Card(id.clone()).name()]);
    assert_eq!(stored_log(), vec![(id.clone(), T0 + 10_000)]);
    app.apply(Action::Undo, at(20));
    assert_eq!(snapshot(), before, "a first grade undone leaves nothing behind");
}

#[wasm_bindgen_test]
fn an_undo_takes_out_exactly_its_review_whatever_another_page_wrote() {
    storage().clear().unwrap();
    let mut a = open(at(0));
    let id = drill(&mut a, None, Rating::Again, 0);
    // Another page, opened since, grades the same card later.
    let mut b = open(at(100));
    drill(&mut b, Some(&id), Rating::Good, 700);
    a.apply(Action::Undo, at(800));
    assert_eq!(stored_log(), vec![(id, T0 + 710_000)]);
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
    let mut app = open(at(0));
    assert!(app.notices.iter().any(|n| matches!(n, Notice::Unreadable(keys) if keys.len() == 2)));
    assert_eq!(s.get_item("second-round/unreadable/second-round/card/plan-01").unwrap().unwrap(), "{garbage");
    assert_eq!(s.get_item("second-round/unreadable/second-round/log/0").unwrap().unwrap(), "not a log line");
    // The migration moves what it can read and leaves the damaged values where they are.
    drill(&mut app, Some("plan-03"), Rating::Good, 0);
    assert_eq!(s.get_item("second-round/log/0").unwrap().unwrap(), "not a log line");
    assert_eq!(s.get_item("second-round/meta").unwrap().unwrap(), schema::VERSION.to_string());
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
    assert_eq!(s.get_item("second-round/meta").unwrap().unwrap(), schema::VERSION.to_string());
    assert_eq!(s.get_item("second-round/log/0").unwrap(), None);
    let (_, again) = local::open();
    assert_eq!((again.progress, again.log), (loaded.progress, loaded.log));
}

#[wasm_bindgen_test]
fn edits_new_cards_deletions_and_suspensions_made_in_the_app_are_read_back() {
    storage().clear().unwrap();
    let mut app = open(at(0));
    let first = app.col().cards[0].id.clone();
    app.apply(Action::Edit(Some(first.clone())), at(1));
    app.type_into("e-a", "Mine.".into());
    app.apply(Action::Submit, at(2));
    app.apply(Action::Edit(None), at(3));
    app.type_into("e-q", "What did you learn from your last project?".into());
    app.type_into("e-a", "To ask early.".into());
    app.apply(Action::Submit, at(4));
    let own = app.col().cards.last().unwrap().id.clone();
    let (gone, quiet) = (app.col().cards[1].id.clone(), app.col().cards[2].id.clone());
    drill(&mut app, Some(&gone), Rating::Good, 10);
    app.apply(Action::Delete(gone.clone()), at(30));
    app.apply(Action::Suspend(quiet.clone(), true), at(31));
    assert_eq!(app.screen, Screen::Cards);
    let again = open(at(40));
    let col = again.col();
    assert_eq!(col.card(&first).unwrap().answer, "Mine.");
    assert_eq!(col.card(&own).unwrap().answer, "To ask early.");
    assert!(col.card(&gone).is_none(), "a deleted built-in card stays deleted");
    assert!(!col.progress.contains_key(&gone), "with its schedule");
    assert_eq!(col.log.len(), 1, "its reviews stay in the history");
    assert!(col.is_suspended(&quiet));
}

/// A small spreadsheet of cards of one's own.
const CSV: &str = "question,answer\r\nWhat is your biggest weakness?,I over-prepare.\r\nWhy this company?,Its product.\r\n";

#[wasm_bindgen_test]
fn an_import_the_full_storage_refuses_changes_nothing_and_goes_through_with_room() {
    storage().clear().unwrap();
    let mut app = open(at(0));
    drill(&mut app, None, Rating::Good, 0);
    let before = snapshot();
    let cards = app.col().cards.len();
    // Fill the browser's storage to its real quota.
    let (mut fill, mut size) = (0, 1024 * 1024);
    while size > 0 {
        while storage().set_item(&format!("filler/{fill}"), &"x".repeat(size)).is_ok() {
            fill += 1;
        }
        size /= 4;
    }
    let full = snapshot();
    app.apply(Action::ImportText(Ok(("cards.csv".into(), CSV.into()))), at(20));
    app.apply(Action::ConfirmImport, at(30));
    assert!(app.import_error.as_deref().is_some_and(|e| e.contains("full") && e.contains("Nothing was changed")), "{:?}", app.import_error);
    assert_eq!(app.col().cards.len(), cards);
    assert_eq!(snapshot(), full);
    for i in 0..fill {
        storage().remove_item(&format!("filler/{i}")).unwrap();
    }
    assert_eq!(snapshot(), before);
    app.apply(Action::ImportText(Ok(("cards.csv".into(), CSV.into()))), at(40));
    app.apply(Action::ConfirmImport, at(50));
    assert_eq!(open(at(60)).col().cards.len(), cards + 2);
}

#[wasm_bindgen_test]
fn data_from_a_newer_version_is_never_written_over() {
    storage().clear().unwrap();
    let s = storage();
    s.set_item("second-round/meta", "99").unwrap();
    s.set_item("second-round/card/plan-01", V2_PROGRESS).unwrap();
    let mut app = open(at(0));
    assert!(app.notices.contains(&Notice::NewerVersion));
    let before = snapshot();
    drill(&mut app, None, Rating::Good, 0);
    app.apply(Action::UsePlan(9), at(20));
    assert_eq!(app.col().log.len(), 1, "drilling goes on in memory");
    assert!(app.pending.is_empty(), "and nothing waits to overwrite the newer data");
    assert_eq!(snapshot(), before);
}

#[wasm_bindgen_test]
fn a_session_resumes_identically_after_a_reload() {
    storage().clear().unwrap();
    let mut app = open(at(0));
    for (i, rating) in [Rating::Good, Rating::Again, Rating::Easy, Rating::Hard].into_iter().enumerate() {
        drill(&mut app, None, rating, i as i64 * 20);
    }
    app.apply(Action::UsePlan(9), at(100));
    let reloaded = open(at(200));
    assert_eq!(reloaded.col().settings.new_per_day, 9);
    assert_eq!(reloaded.screen, Screen::Review, "mid-session: straight back to the next card");
    let mut app = app;
    app.apply(Action::Tick, at(200));
    assert_eq!(reloaded.queue(), app.queue());
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
