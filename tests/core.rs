//! The application core, natively: the same `AppState::apply` the app runs, over storage in
//! memory that can be made to fail as browsers do.

mod common;

use common::{at, open, T0};
use second_round::core::{Action, AppState, Effect, FocusOn, Notice, Screen};
use second_round::domain::{Clock, Rating};
use second_round::store::memory::Memory;
use second_round::store::schema::{self, Key};
use second_round::store::storage::Store;

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
    assert_eq!(app.pending.len(), 1);
    assert!(app.notices.iter().any(|n| matches!(n, Notice::WriteFailed(_))));
    assert_eq!(reviews_stored(&memory), 0);
    app.apply(Action::Tick, at(15));
    assert_eq!(app.pending.len(), 1, "still full: still waiting");
    memory.set_full(false);
    app.apply(Action::Tick, at(30));
    assert!(app.pending.is_empty());
    assert_eq!(reviews_stored(&memory), 1);
    assert!(!app.notices.iter().any(|n| matches!(n, Notice::WriteFailed(_))));
    let _ = schema::VERSION;
}

/// Another tab: its own app state over the same storage. `sync` hands this tab's writes since
/// `before` to `to`, as the browser's `storage` event does.
struct Tab {
    app: AppState,
    before: std::collections::BTreeMap<String, String>,
}

impl Tab {
    fn open(memory: &Memory, clock: Clock) -> Tab {
        Tab { app: open(memory, clock), before: memory.snapshot() }
    }

    /// What this tab wrote since the last sync, as the other tabs hear of it.
    fn sync(&mut self, memory: &Memory, to: &mut AppState, clock: Clock) {
        let now = memory.snapshot();
        let mut writes = Vec::new();
        for key in self.before.keys().chain(now.keys()).collect::<std::collections::BTreeSet<_>>() {
            let (old, new) = (self.before.get(key).cloned(), now.get(key).cloned());
            if old != new {
                writes.push((key.clone(), old, new));
            }
        }
        let changes = Store::reading(memory.boxed()).other_tab(&writes);
        to.apply(Action::External(changes), clock);
        self.before = now;
    }
}

fn ids_in_log(app: &AppState) -> Vec<(String, i64)> {
    app.col().log.iter().map(|e| (e.card_id.clone(), e.at_ms)).collect()
}

fn stored_log(memory: &Memory) -> Vec<(String, i64)> {
    let (_, loaded) = Store::open(Some(memory.boxed()));
    loaded.log.iter().map(|e| (e.card_id.clone(), e.at_ms)).collect()
}

#[test]
fn another_tabs_grade_is_merged_and_an_undo_here_takes_back_only_this_tabs_review() {
    let memory = Memory::new();
    let mut a = open(&memory, at(0));
    let mut b = Tab::open(&memory, at(0));
    let mine = drill(&mut a, Rating::Good, 0);
    // The other tab grades a card too (it has not heard of this tab's grade: a race).
    let theirs = drill(&mut b.app, Rating::Hard, 20);
    b.sync(&memory, &mut a, at(40));
    assert_eq!(ids_in_log(&a).len(), 2, "the other tab's review is merged in");
    assert!(a.col().progress.contains_key(&theirs));
    // Undo here: this tab's review goes, from memory and storage; the other tab's stays.
    a.apply(Action::Undo, at(50));
    assert_eq!(a.current.as_deref(), Some(mine.as_str()));
    let left: Vec<String> = ids_in_log(&a).into_iter().map(|(id, _)| id).collect();
    assert_eq!(left, vec![theirs.clone()]);
    assert_eq!(stored_log(&memory), ids_in_log(&a));
    // And the other tab hears of the undo: the review is gone there too, its own stays.
    let mut a_tab = Tab { app: a, before: b.before.clone() };
    a_tab.sync(&memory, &mut b.app, at(60));
    assert_eq!(ids_in_log(&b.app), ids_in_log(&a_tab.app));
}

#[test]
fn an_undo_after_the_other_tab_graded_the_same_card_keeps_its_review() {
    let memory = Memory::new();
    let mut a = open(&memory, at(0));
    let mut b = Tab::open(&memory, at(0));
    let id = drill(&mut a, Rating::Again, 0);
    // The other tab hears of it and grades the same card later.
    let mut a_tab = Tab { app: a, before: Default::default() };
    a_tab.sync(&memory, &mut b.app, at(20));
    b.app.apply(Action::Start, at(100));
    b.app.current = Some(id.clone());
    b.app.apply(Action::Reveal, at(700));
    b.app.apply(Action::Grade(Rating::Good), at(710));
    b.sync(&memory, &mut a_tab.app, at(720));
    let mut a = a_tab.app;
    assert_eq!(ids_in_log(&a).len(), 2);
    a.apply(Action::Undo, at(730));
    let log = ids_in_log(&a);
    assert_eq!(log.len(), 1, "only this tab's review is taken back");
    assert_eq!(log[0].1, T0 + 710_000, "the other tab's review stays");
    assert_eq!(stored_log(&memory), log);
    assert!(a.col().progress.contains_key(&id), "the card keeps the schedule its remaining review gives");
}

#[test]
fn another_tabs_settings_suspension_and_deletion_follow() {
    let memory = Memory::new();
    let mut a = open(&memory, at(0));
    let mut b = Tab::open(&memory, at(0));
    let first = a.col().cards[0].id.clone();
    let second = a.col().cards[1].id.clone();
    b.app.apply(Action::UsePlan(7), at(1));
    b.app.apply(Action::Suspend(first.clone(), true), at(2));
    b.app.apply(Action::Delete(second.clone()), at(3));
    b.sync(&memory, &mut a, at(4));
    assert_eq!(a.col().settings.new_per_day, 7);
    assert!(a.col().is_suspended(&first));
    assert!(a.col().card(&second).is_none());
}

/// A small spreadsheet of cards of one's own.
const CSV: &str = "question,answer\r\nWhat is your biggest weakness?,I over-prepare.\r\nWhy this company?,Its product.\r\nWhere in five years?,Leading a team.\r\n";

#[test]
fn an_import_that_storage_refuses_halfway_changes_nothing() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    drill(&mut app, Rating::Good, 0);
    let (cards, stored) = (app.col().cards.len(), memory.snapshot());
    app.apply(Action::ImportText(Ok(("cards.csv".into(), CSV.into()))), at(30));
    assert_eq!(app.import.as_ref().map(|p| p.preview.add.len()), Some(3));
    memory.fail_after(Some(2));
    app.apply(Action::ConfirmImport, at(40));
    assert!(app.import_error.as_deref().is_some_and(|e| e.contains("Nothing was changed")), "{:?}", app.import_error);
    assert_eq!(app.col().cards.len(), cards, "the collection is as it was");
    assert_eq!(memory.snapshot(), stored, "and so is storage");
    // With room, the same import goes through whole.
    memory.fail_after(None);
    app.apply(Action::ImportText(Ok(("cards.csv".into(), CSV.into()))), at(50));
    app.apply(Action::ConfirmImport, at(60));
    assert_eq!(app.col().cards.len(), cards + 3);
    let reopened = open(&memory, at(70));
    assert_eq!(reopened.col().cards.len(), cards + 3);
    assert_eq!(ids_in_log(&reopened), ids_in_log(&app), "the reviews stayed");
}

#[test]
fn a_backup_from_another_device_is_merged_review_by_review() {
    let (phone, laptop) = (Memory::new(), Memory::new());
    let mut p = open(&phone, at(0));
    let mut l = open(&laptop, at(0));
    drill(&mut p, Rating::Good, 0);
    drill(&mut l, Rating::Easy, 100);
    let backup = match p.apply(Action::Export(second_round::core::Export::Backup), at(200)).pop() {
        Some(Effect::Download { text, .. }) => text,
        other => panic!("no backup: {other:?}"),
    };
    l.apply(Action::ImportText(Ok(("backup.json".into(), backup))), at(300));
    assert!(l.import.as_ref().is_some_and(|i| i.backup.is_some()));
    l.apply(Action::ConfirmImport, at(310));
    assert_eq!(ids_in_log(&l).len(), 2, "both devices' reviews");
    assert_eq!(stored_log(&laptop), ids_in_log(&l));
}

#[test]
fn damaged_and_blocked_storage_are_named_and_drilling_goes_on() {
    let memory = Memory::new();
    memory.put(&Key::Settings.name(), "{not json");
    let app = open(&memory, at(0));
    assert!(app.notices.iter().any(|n| matches!(n, Notice::Unreadable(keys) if keys == &[Key::Settings.name()])));
    assert_eq!(memory.snapshot().get(&Key::Unreadable(Key::Settings.name()).name()).map(String::as_str), Some("{not json"), "kept aside");
    let (store, loaded) = Store::open(None);
    let mut blocked = AppState::new(store, loaded, at(0));
    assert!(blocked.notices.contains(&Notice::StorageUnavailable));
    drill(&mut blocked, Rating::Good, 0);
    assert_eq!(blocked.col().log.len(), 1, "graded in memory");
    assert!(blocked.pending.is_empty(), "nothing waits for a storage that is not there");
}

#[test]
fn every_write_a_full_storage_refuses_waits_and_is_stored_in_order_when_there_is_room() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    let card = app.col().cards[3].id.clone();
    let id = drill(&mut app, Rating::Good, 0);
    memory.set_full(true);
    app.apply(Action::Suspend(card.clone(), true), at(20));
    app.apply(Action::UsePlan(3), at(21));
    app.apply(Action::Undo, at(22));
    assert_eq!(app.pending.len(), 3, "{:?}", app.pending);
    memory.set_full(false);
    app.apply(Action::Tick, at(40));
    assert!(app.pending.is_empty());
    assert!(app.notices.contains(&Notice::Done("There is room again: what could not be saved is now stored.".into())));
    let reopened = open(&memory, at(50));
    assert!(reopened.col().is_suspended(&card));
    assert_eq!(reopened.col().settings.new_per_day, 3);
    assert!(reopened.col().log.is_empty(), "the undo reached storage too");
    assert!(!reopened.col().progress.contains_key(&id));
}

#[test]
fn deleting_a_card_lets_go_of_its_grades_undo() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    let first = drill(&mut app, Rating::Good, 0);
    let second = drill(&mut app, Rating::Good, 20);
    app.apply(Action::Delete(second.clone()), at(40));
    assert!(app.col().card(&second).is_none());
    app.apply(Action::Undo, at(50));
    assert_eq!(app.current.as_deref(), Some(first.as_str()), "the undo takes back the grade before");
    assert!(app.undo.is_empty());
}

#[test]
fn revealing_the_answer_asks_for_focus_on_it_once() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    assert!(!app.apply(Action::Start, at(0)).iter().any(|e| matches!(e, Effect::Focus(_))), "the question takes no focus");
    assert_eq!(app.apply(Action::Reveal, at(5)), vec![Effect::Focus(FocusOn::Answer)]);
    assert_eq!(app.apply(Action::Reveal, at(6)), vec![], "already revealed: focus stays where the person put it");
    app.apply(Action::Grade(Rating::Good), at(10));
    app.apply(Action::SetRehearse(true), at(11));
    app.apply(Action::Record, at(12));
    let effects = app.apply(Action::Reveal, at(20));
    assert_eq!(effects, vec![Effect::Focus(FocusOn::Answer), Effect::StopRecording], "rehearse mode too");
}

#[test]
fn asking_to_delete_a_card_asks_for_focus_on_delete_for_good() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    let id = app.col().cards[0].id.clone();
    app.apply(Action::Edit(Some(id)), at(0));
    assert_eq!(app.apply(Action::AskDelete(true), at(1)), vec![Effect::Focus(FocusOn::ConfirmDelete)]);
    assert!(app.confirm_delete);
    assert_eq!(app.apply(Action::AskDelete(false), at(2)), vec![], "Keep it: no focus asked");
    assert!(!app.confirm_delete);
}
