//! Unsaved changes kept aside, natively: every form where a person types keeps what they typed
//! when they leave it unsaved and puts it back (saying so) when the same form opens again; saving,
//! "Discard changes", a Cancel or deleting lets it go; one form's changes never show in another.

mod common;

use common::{at, open};
use second_round::core::drafts::Kept;
use second_round::core::kit::{ids, KitAction, KitScreen};
use second_round::core::{Action, AppState, Planner, Screen};
use second_round::store::memory::Memory;

fn typed(app: &mut AppState, id: &str, value: &str) {
    app.apply(Action::Type(id.into(), value.into()), at(1));
}

fn go(app: &mut AppState, action: Action) {
    app.apply(action, at(1));
}

fn field(app: &AppState, id: &str) -> String {
    app.draft().get(id).to_string()
}

/// The app with one interview, and a story.
fn with_interview() -> (Memory, AppState) {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    go(&mut app, Action::Show(Screen::Interviews));
    typed(&mut app, "iv-when", "2026-12-02T10:00");
    typed(&mut app, "iv-company", "Acme");
    go(&mut app, Action::Submit);
    go(&mut app, Action::Kit(KitAction::EditStory(None)));
    typed(&mut app, ids::TITLE, "The month-end close");
    go(&mut app, Action::Submit);
    assert_eq!(app.col().interviews.len(), 1);
    assert_eq!(app.kit.live_stories().len(), 1);
    assert!(app.drafts.kept.is_empty(), "saved forms keep nothing");
    (memory, app)
}

/// Each form, how it opens, a field a person types into and that field's saved value.
fn forms(app: &AppState) -> Vec<(&'static str, Action, String, String)> {
    let story = app.kit.live_stories()[0].id.clone();
    vec![
        ("settings", Action::Show(Screen::Settings), "new-per-day".into(), "15".into()),
        ("new card", Action::Edit(None), "e-q".into(), String::new()),
        ("new interview", Action::Show(Screen::Interviews), "iv-company".into(), String::new()),
        ("interview", Action::Planner(Planner::Edit(0)), "iv-company".into(), "Acme".into()),
        ("new story", Action::Kit(KitAction::EditStory(None)), ids::TITLE.into(), String::new()),
        ("story", Action::Kit(KitAction::EditStory(Some(story))), ids::TITLE.into(), "The month-end close".into()),
        ("notes", Action::Show(Screen::Kit(KitScreen::Notes)), ids::WELL.into(), String::new()),
        ("plan", Action::Show(Screen::Kit(KitScreen::Plan)), ids::PLACE.into(), String::new()),
    ]
}

#[test]
fn every_form_keeps_what_was_typed_when_left_and_says_so_when_back() {
    let (_memory, mut app) = with_interview();
    for (name, open, id, saved) in forms(&app) {
        go(&mut app, open.clone());
        assert_eq!(field(&app, &id), saved, "{name}: opens as saved");
        assert!(!app.restored(), "{name}: nothing to put back yet");
        typed(&mut app, &id, "7 typed, not saved");
        go(&mut app, Action::Show(Screen::Stats));
        let kept = app.drafts.kept.clone();
        assert_eq!((kept.len(), kept.to_json().matches("7 typed").count()), (1, 1), "{name}: kept, only the changed field");
        go(&mut app, open.clone());
        assert_eq!(field(&app, &id), "7 typed, not saved", "{name}: back in the form");
        assert!(app.restored(), "{name}: the form says its changes are back");
        go(&mut app, Action::DiscardDraft);
        assert_eq!(field(&app, &id), saved, "{name}: Discard puts the saved version back");
        assert!(!app.restored());
        go(&mut app, Action::Show(Screen::Home));
        go(&mut app, open.clone());
        assert_eq!((field(&app, &id), app.restored()), (saved.clone(), false), "{name}: discarded changes stay gone");
        go(&mut app, Action::Show(Screen::Home));
    }
    assert!(app.drafts.kept.is_empty(), "forms left without changes keep nothing");
}

#[test]
fn saving_lets_the_kept_changes_go() {
    let (_memory, mut app) = with_interview();
    go(&mut app, Action::Show(Screen::Settings));
    typed(&mut app, "new-per-day", "7");
    go(&mut app, Action::Show(Screen::Cards));
    go(&mut app, Action::Show(Screen::Settings));
    assert!(app.restored());
    go(&mut app, Action::Submit);
    assert_eq!(app.col().settings.new_per_day, 7);
    assert!(app.drafts.kept.is_empty() && !app.restored());
    go(&mut app, Action::Show(Screen::Settings));
    assert!(!app.restored(), "saved: nothing comes back");
    // A form that could not be saved keeps its changes.
    typed(&mut app, "new-per-day", "lots");
    go(&mut app, Action::Submit);
    assert!(!app.form_errors.is_empty());
    go(&mut app, Action::Show(Screen::Home));
    go(&mut app, Action::Show(Screen::Settings));
    assert_eq!((field(&app, "new-per-day"), app.restored()), ("lots".into(), true));
    // Questions stay on screen when saved: the line goes.
    go(&mut app, Action::Show(Screen::Kit(KitScreen::Questions)));
    typed(&mut app, ids::NEW_QUESTION, "What does a good first month look like?");
    go(&mut app, Action::Show(Screen::Home));
    go(&mut app, Action::Show(Screen::Kit(KitScreen::Questions)));
    assert!(app.restored());
    go(&mut app, Action::Kit(KitAction::AddOwnQuestion));
    typed(&mut app, &ids::answer(0), "By Friday");
    go(&mut app, Action::Submit);
    assert!(!app.restored());
    assert_eq!(app.kit_round().unwrap().questions[0].answer, "By Friday");
}

#[test]
fn a_cancel_or_a_deletion_keeps_nothing() {
    let (_memory, mut app) = with_interview();
    let story = app.kit.live_stories()[0].id.clone();
    go(&mut app, Action::Kit(KitAction::EditStory(Some(story.clone()))));
    typed(&mut app, ids::RESULT, "Cut errors by 80%");
    go(&mut app, Action::DiscardDraft);
    go(&mut app, Action::Show(Screen::Kit(KitScreen::Stories)));
    assert!(app.drafts.kept.is_empty(), "Cancel lets the changes go");
    go(&mut app, Action::Kit(KitAction::EditStory(Some(story.clone()))));
    typed(&mut app, ids::RESULT, "Cut errors by 80%");
    go(&mut app, Action::Kit(KitAction::DeleteStory(story)));
    assert!(app.drafts.kept.is_empty(), "a deleted story's changes go with it");
}

#[test]
fn one_forms_changes_never_show_in_another() {
    let (_memory, mut app) = with_interview();
    let first = app.kit.live_stories()[0].id.clone();
    go(&mut app, Action::Kit(KitAction::EditStory(None)));
    typed(&mut app, ids::TITLE, "The supplier dispute");
    go(&mut app, Action::Submit);
    let second = app.kit.live_stories().iter().find(|s| s.id != first).unwrap().id.clone();
    go(&mut app, Action::Kit(KitAction::EditStory(Some(first.clone()))));
    typed(&mut app, ids::TASK, "Close the month in three days");
    go(&mut app, Action::Show(Screen::Kit(KitScreen::Stories)));
    go(&mut app, Action::Kit(KitAction::EditStory(Some(second.clone()))));
    assert_eq!((field(&app, ids::TITLE), field(&app, ids::TASK), app.restored()), ("The supplier dispute".into(), String::new(), false));
    go(&mut app, Action::Kit(KitAction::EditStory(None)));
    assert_eq!((field(&app, ids::TASK), app.restored()), (String::new(), false), "nor in a new story");
    go(&mut app, Action::Kit(KitAction::EditStory(Some(first))));
    assert_eq!((field(&app, ids::TITLE), field(&app, ids::TASK)), ("The month-end close".into(), "Close the month in three days".into()));
    // Two forms' changes kept at once.
    go(&mut app, Action::Show(Screen::Settings));
    typed(&mut app, "target", "95");
    go(&mut app, Action::Show(Screen::Home));
    let kept = app.drafts_to_keep();
    assert!(kept.len() == 2 && kept.to_json().contains("Close the month"));
}

#[test]
fn what_a_reload_kept_comes_back_in_its_form_only() {
    let (memory, mut app) = with_interview();
    go(&mut app, Action::Show(Screen::Kit(KitScreen::Notes)));
    go(&mut app, Action::Kit(KitAction::AddPerson));
    typed(&mut app, &ids::person("name", 1), "Priya");
    typed(&mut app, ids::ADD, "The audit numbers");
    // The page goes: what the browser keeps, read back after the reload.
    let text = app.drafts_to_keep().to_json();
    let mut again = open(&memory, at(2));
    again.keep_drafts(Kept::from_json(&text));
    go(&mut again, Action::Show(Screen::Kit(KitScreen::Plan)));
    assert!(!again.restored(), "the plan has nothing kept");
    go(&mut again, Action::Show(Screen::Kit(KitScreen::Notes)));
    assert!(again.restored());
    assert_eq!((field(&again, &ids::person("name", 1)), field(&again, ids::ADD)), ("Priya".into(), "The audit numbers".into()));
    assert_eq!(
        second_round::core::kit::people_rows(&again.kit_round().unwrap(), again.kit_view.more_people),
        2,
        "the second person's row shows"
    );
    go(&mut again, Action::Submit);
    assert_eq!(again.kit_round().unwrap().people.len(), 1, "Priya saved (the empty first row is not a person)");
    assert!(again.drafts_to_keep().is_empty());
    assert_eq!(Kept::from_json("not json"), Kept::default(), "anything unreadable is nothing");
}
