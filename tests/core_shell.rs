//! The snackbar, natively: the line after each action that changes data, its Undo putting back
//! exactly what was there (in memory and in storage), and its time running out.

mod common;

use common::{at, open};
use second_round::core::{Action, AppState, Screen, SnackAction};
use second_round::store::memory::Memory;

fn said(app: &AppState) -> (String, bool) {
    let s = app.snack.as_ref().expect("a line in the snackbar");
    (s.text.clone(), s.undo.is_some())
}

fn add_interview(app: &mut AppState, when: &str, company: &str, s: i64) {
    app.apply(Action::Show(Screen::Interviews), at(s));
    app.apply(Action::Change("iv-when".into(), when.into()), at(s));
    app.apply(Action::Change("iv-company".into(), company.into()), at(s));
    app.apply(Action::Submit, at(s));
}

#[test]
fn an_interview_added_then_deleted_comes_back_with_undo() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    assert!(app.snack.is_none());
    add_interview(&mut app, "2026-12-02T10:00", "Acme", 1);
    assert_eq!(said(&app), ("Interview added".into(), false));
    add_interview(&mut app, "2026-12-05T10:00", "Globex", 2);
    let before = app.col().interviews.clone();
    let stored = memory.snapshot();
    app.apply(Action::RemoveInterview(0), at(3));
    assert_eq!(said(&app), ("Interview deleted".into(), true));
    assert_eq!(app.col().interviews.len(), 1);
    app.apply(Action::Snack(SnackAction::Undo), at(4));
    assert_eq!(app.col().interviews, before, "the same interviews, the same one active");
    assert_eq!(memory.snapshot(), stored, "storage as before the deletion");
    assert_eq!(said(&app), ("Interview back".into(), false));
    // A second Undo has nothing to undo.
    app.apply(Action::Snack(SnackAction::Undo), at(5));
    assert_eq!(app.col().interviews, before);
}

#[test]
fn saving_settings_a_card_and_a_suspension_each_say_so() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    app.apply(Action::Show(Screen::Settings), at(1));
    app.apply(Action::Change("new-per-day".into(), "7".into()), at(1));
    app.apply(Action::Submit, at(2));
    assert_eq!(said(&app), ("Settings saved".into(), false));
    app.apply(Action::Edit(None), at(3));
    app.apply(Action::Change("e-q".into(), "Why us?".into()), at(3));
    app.apply(Action::Change("e-a".into(), "Because.".into()), at(3));
    app.apply(Action::Submit, at(4));
    assert_eq!(said(&app), ("Card added".into(), false));
    let id = app.col().cards.last().unwrap().id.clone();
    app.apply(Action::Edit(Some(id.clone())), at(5));
    app.apply(Action::Submit, at(6));
    assert_eq!(said(&app), ("Card saved".into(), false));
    let stored = memory.snapshot();
    app.apply(Action::Suspend(id.clone(), true), at(7));
    assert!(app.col().is_suspended(&id));
    assert!(said(&app).1, "a suspension offers Undo");
    app.apply(Action::Snack(SnackAction::Undo), at(8));
    assert!(!app.col().is_suspended(&id));
    assert_eq!(memory.snapshot(), stored);
    // A refused form says nothing.
    app.apply(Action::Show(Screen::Settings), at(9));
    assert!(app.snack.is_none(), "moving on lets the line go");
    app.apply(Action::Change("retention".into(), "99".into()), at(9));
    app.apply(Action::Submit, at(10));
    assert!(app.snack.is_none());
}

#[test]
fn the_plan_taken_can_be_undone_and_an_old_timer_hides_no_newer_line() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    app.apply(Action::UsePlan(25), at(1));
    assert_eq!(said(&app), ("Plan taken: 25 new cards a day".into(), true));
    let first = app.snack.as_ref().unwrap().id;
    app.apply(Action::Snack(SnackAction::Undo), at(2));
    assert_eq!(app.col().settings.new_per_day, 15);
    assert_eq!(open(&memory, at(3)).col().settings.new_per_day, 15, "stored");
    app.apply(Action::Snack(SnackAction::Hide(first)), at(4));
    assert!(app.snack.is_some(), "the timer of the line before hides nothing");
    let now = app.snack.as_ref().unwrap().id;
    app.apply(Action::Snack(SnackAction::Hide(now)), at(5));
    assert!(app.snack.is_none());
}

#[test]
fn an_interview_is_changed_in_place_and_stays_the_one_prepared_for() {
    use second_round::core::Planner;
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    add_interview(&mut app, "2026-12-02T10:00", "Acme", 1);
    add_interview(&mut app, "2026-12-09T10:00", "Globex", 2);
    assert!(app.col().interviews[0].active);
    app.apply(Action::Show(Screen::Home), at(3));
    app.apply(Action::Planner(Planner::Edit(0)), at(4));
    assert_eq!(app.screen, Screen::Interviews);
    assert_eq!(app.draft().get("iv-company"), "Acme", "the form holds the interview");
    assert_eq!(app.draft().get("iv-when"), "2026-12-02T10:00", "in local time (UTC+1 here)");
    app.apply(Action::Change("iv-company".into(), "Acme Logistics".into()), at(5));
    app.apply(Action::Change("iv-when".into(), "2026-12-03T14:30".into()), at(5));
    app.apply(Action::Submit, at(6));
    assert_eq!(said(&app), ("Interview saved".into(), false));
    let list = app.col().interviews.clone();
    assert_eq!(list.len(), 2, "changed, not added");
    assert_eq!((list[0].company.as_str(), list[0].active), ("Acme Logistics", true));
    assert_eq!(open(&memory, at(7)).col().interviews, list, "stored");
    assert!(app.editing_interview.is_none());
    assert_eq!(app.draft().get("iv-company"), "", "the form is empty for the next one");
}

#[test]
fn the_last_day_practises_the_weakest_answers() {
    use second_round::core::{Planner, WEAKEST};
    use second_round::domain::Rating;
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    app.apply(Action::Start, at(1));
    for (i, r) in [Rating::Easy, Rating::Good, Rating::Hard, Rating::Easy, Rating::Again].iter().enumerate() {
        let s = 10 + i as i64 * 20;
        app.apply(Action::Reveal, at(s));
        app.apply(Action::Grade(*r), at(s + 5));
    }
    app.apply(Action::Tick, at(200));
    let weakest = app.weakest(WEAKEST);
    assert_eq!(weakest.len(), 5, "only the studied cards");
    app.apply(Action::Planner(Planner::Weakest), at(200));
    assert_eq!(app.screen, Screen::Review);
    assert_eq!(app.focus.ids, weakest);
    let first = app.current.clone().expect("a card to practise");
    assert!(weakest.contains(&first));
}

#[test]
fn the_welcome_adds_the_interview_as_the_form_does_or_skips_it() {
    use second_round::domain::Track;
    let welcome = |app: &mut AppState, track: &str| {
        app.apply(Action::Change("welcome-track".into(), track.into()), at(1));
        app.apply(Action::Change("welcome-step".into(), "date".into()), at(1));
    };
    // A date: the interview as the interview form would add it, and the track chosen.
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    assert_eq!(app.col().settings.track, None, "the welcome shows");
    welcome(&mut app, "graduate");
    app.apply(Action::Submit, at(2));
    assert!(!app.form_errors.is_empty(), "no date given: said, nothing saved");
    assert_eq!((app.col().settings.track, app.col().interviews.len()), (None, 0));
    app.apply(Action::Change("welcome-when".into(), "2026-12-02T10:00".into()), at(3));
    app.apply(Action::Submit, at(4));
    assert!(app.form_errors.is_empty(), "{:?}", app.form_errors);
    assert_eq!(app.col().settings.track, Some(Track::Graduate));
    assert_eq!(said(&app), ("Interview added".into(), false));
    let by_welcome = app.col().interviews.clone();
    let other = Memory::new();
    let mut form = open(&other, at(0));
    add_interview(&mut form, "2026-12-02T10:00", "", 1);
    assert_eq!(by_welcome, form.col().interviews, "the same interview the form adds");
    // Skipped: the track, and no interview.
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    welcome(&mut app, "frontline");
    app.apply(Action::SetTrack(Track::Frontline), at(2));
    assert_eq!((app.col().settings.track, app.col().interviews.len()), (Some(Track::Frontline), 0));
}

#[test]
fn an_interview_added_is_shown_from_the_top_of_the_screen_and_a_refused_one_stays_in_its_form() {
    use second_round::core::{Effect, FocusOn};
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    app.apply(Action::Show(Screen::Interviews), at(1));
    app.apply(Action::Change("iv-company".into(), "Acme".into()), at(1));
    // No date: the form says what is wrong, and nothing moves.
    assert!(!app.apply(Action::Submit, at(2)).contains(&Effect::Focus(FocusOn::Heading)));
    assert!(app.col().interviews.is_empty());
    app.apply(Action::Change("iv-when".into(), "2026-12-02T10:00".into()), at(3));
    assert_eq!(app.apply(Action::Submit, at(4)), vec![Effect::Focus(FocusOn::Heading)], "to the list above the form, where it now is");
    assert_eq!(app.col().interviews.len(), 1);
    assert_eq!(app.screen, Screen::Interviews);
}
