//! The application core, natively: the same `AppState::apply` the app runs, over storage in
//! memory that can be made to fail as browsers do.

use second_round::core::{Action, AppState, Effect, Notice, Screen};
use second_round::domain::{Clock, Rating};
use second_round::store::memory::Memory;
use second_round::store::schema::{self, Key};
use second_round::store::storage::Store;

/// 2026-11-26 10:00 UTC, in UTC+1.
const T0: i64 = 1_795_687_200_000;

fn at(s: i64) -> Clock {
    Clock::new(T0 + s * 1000, 60)
}

fn open(memory: &Memory, clock: Clock) -> AppState {
    let (store, loaded) = Store::open(Some(memory.boxed()));
    AppState::new(store, loaded, clock)
}

/// Shows, reveals and grades the next card; returns its id.
fn drill(app: &mut AppState, rating: Rating, s: i64) -> String {
    if app.screen != Screen::Review {
        app.apply(Action::Start, at(s));
    }
    let id = app.current.clone().expect("a card on screen");
    app.apply(Action::Reveal, at(s + 5));
    app.apply(Action::Grade(rating), at(s + 10));
    id
}

fn reviews_stored(memory: &Memory) -> usize {
    let (_, loaded) = Store::open(Some(memory.boxed()));
    loaded.log.len()
}

#[test]
fn a_grade_is_stored_and_its_undo_takes_it_back() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    let id = drill(&mut app, Rating::Good, 0);
    assert_eq!(reviews_stored(&memory), 1);
    assert!(memory.snapshot().contains_key(&Key::Card(id.clone()).name()));
    app.apply(Action::Undo, at(20));
    assert_eq!(app.current.as_deref(), Some(id.as_str()), "the card is back on screen");
    assert_eq!(reviews_stored(&memory), 0);
    assert_eq!(app.col().log.len(), 0);
}

#[test]
fn a_backup_export_is_a_download_effect() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    drill(&mut app, Rating::Good, 0);
    let effects = app.apply(Action::Export(second_round::core::Export::Backup), at(30));
    match effects.as_slice() {
        [Effect::Download { name, mime, text }] => {
            assert_eq!(name, "second-round-backup-2026-11-26.json");
            assert_eq!(*mime, "application/json");
            assert!(text.contains("\"backupVersion\""));
        }
        other => panic!("expected one download, got {other:?}"),
    }
}

#[test]
fn a_full_storage_keeps_the_review_waiting_and_stores_it_when_there_is_room() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    memory.set_full(true);
    drill(&mut app, Rating::Good, 0);
    assert_eq!(app.pending_log.len(), 1);
    assert!(app.notices.iter().any(|n| matches!(n, Notice::WriteFailed(_))));
    assert_eq!(reviews_stored(&memory), 0);
    app.apply(Action::Tick, at(15));
    assert_eq!(app.pending_log.len(), 1, "still full: still waiting");
    memory.set_full(false);
    app.apply(Action::Tick, at(30));
    assert!(app.pending_log.is_empty());
    assert_eq!(reviews_stored(&memory), 1);
    assert!(!app.notices.iter().any(|n| matches!(n, Notice::WriteFailed(_))));
    let _ = schema::VERSION;
}
