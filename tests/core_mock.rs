//! The mock interview in the application core, natively: the same `AppState::apply` the app runs,
//! over storage in memory — the voice as effects, answers, leaving and coming back, a reload, the
//! debrief, the grades saved as reviews and the history kept.

mod common;

use common::{at, open, T0};
use second_round::core::mock::{MockAction, INTERVIEW_FIELD, LENGTH_FIELD, NO_VOICE};
use second_round::core::{Action, AppState, Effect, Screen, SnackAction, Write, ANSWER_FIELD};
use second_round::domain::mock::Stage;
use second_round::domain::Rating;
use second_round::store::memory::Memory;
use second_round::store::schema::Key;
use second_round::store::storage::Store;

fn mock(app: &mut AppState, action: MockAction, s: i64) -> Vec<Effect> {
    app.apply(Action::Mock(action), at(s))
}

fn said(effects: &[Effect]) -> Vec<String> {
    effects.iter().filter_map(|e| if let Effect::Speak { text, .. } = e { Some(text.clone()) } else { None }).collect()
}

/// Opens the mock's screen with the device's voices, and starts a 10-minute mock.
fn begin(app: &mut AppState, voices: &[&str]) -> Vec<Effect> {
    begin_at(app, voices, 0)
}

fn begin_at(app: &mut AppState, voices: &[&str], s: i64) -> Vec<Effect> {
    mock(app, MockAction::Voices(voices.iter().map(|v| v.to_string()).collect()), s);
    mock(app, MockAction::Open(None), s);
    assert_eq!(app.screen, Screen::Mock);
    assert_eq!((app.draft().get(LENGTH_FIELD), app.draft().get(INTERVIEW_FIELD)), ("10", ""), "about ten minutes, no interview");
    mock(app, MockAction::Begin, s + 1)
}

fn answer(app: &mut AppState, text: &str, s: i64) -> Vec<Effect> {
    app.apply(Action::Type(ANSWER_FIELD.into(), text.into()), at(s));
    mock(app, MockAction::Next, s)
}

/// Answers every question with `text`, 30 seconds apart after `s`, until the debrief; returns the
/// moment of the last answer.
fn answer_all(app: &mut AppState, text: &str, mut s: i64) -> i64 {
    while app.mock.run.as_ref().is_some_and(|m| !m.is_done()) {
        s += 30;
        answer(app, text, s);
    }
    s
}

#[test]
fn the_question_is_spoken_with_the_chosen_voice_or_shown_when_there_is_none() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    mock(&mut app, MockAction::SetVoice("Daniel".into()), 0);
    mock(&mut app, MockAction::SetRate(125), 0);
    let effects = begin(&mut app, &["Daniel", "Karen"]);
    let m = app.mock.run.clone().expect("a mock under way");
    assert_eq!(m.steps.len(), 8);
    match effects.as_slice() {
        [Effect::Speak { text, voice, rate_percent }] => {
            assert_eq!((voice.as_str(), *rate_percent), ("Daniel", 125));
            assert_eq!(Some(text.clone()), m.to_say(&app.col()));
        }
        other => panic!("expected the question spoken, got {other:?}"),
    }
    assert_eq!(app.mock.mute, None);
    // Repeat says it again.
    assert_eq!(said(&mock(&mut app, MockAction::Repeat, 5)), said(&effects));
    // Settings survive a reload.
    let again = open(&memory, at(10));
    assert_eq!((again.mock.settings.voice.as_str(), again.mock.settings.rate_percent), ("Daniel", 125));

    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    let effects = begin(&mut app, &[]);
    assert!(said(&effects).is_empty(), "nothing to speak with");
    assert_eq!(app.mock.mute.as_deref(), Some(NO_VOICE));
    // A voice that fails while speaking says so too.
    mock(&mut app, MockAction::Mute("synthesis-failed".into()), 2);
    assert!(app.mock.mute.as_deref().is_some_and(|m| m.contains("synthesis-failed")));
}

#[test]
fn answers_move_on_leaving_pauses_and_a_reload_resumes_the_same_question() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    mock(&mut app, MockAction::SetFollowUp(100), 0);
    begin(&mut app, &["Daniel"]);
    let effects = answer(&mut app, "I met the team and read the annual report.", 40);
    let m = app.mock.run.clone().unwrap();
    assert_eq!((m.at, m.stage), (0, Stage::FollowUp), "every question followed up");
    let probe = said(&effects);
    assert_eq!(probe.len(), 1);
    assert!(app.col().card(&m.steps[0].card_id).unwrap().probes.contains(&probe[0]));
    assert_eq!(m.answers[0].0.as_ref().map(|a| (a.text.as_str(), a.seconds)), Some(("I met the team and read the annual report.", 39)));
    assert_eq!(app.draft().get(ANSWER_FIELD), "", "a fresh answer box for the follow-up");
    answer(&mut app, "Mostly the numbers.", 60);
    assert_eq!(app.mock.run.as_ref().map(|m| (m.at, m.stage)), Some((1, Stage::Question)));
    // Leaving the screen pauses the question and stops the voice.
    let effects = app.apply(Action::Show(Screen::Cards), at(70));
    assert!(effects.contains(&Effect::Hush));
    assert!(app.mock.run.as_ref().unwrap().is_paused());
    app.apply(Action::Show(Screen::Mock), at(500));
    assert_eq!(app.mock.run.as_ref().unwrap().elapsed_ms(T0 + 500_000), 10_000, "the time away does not count");
    // A reload: the same question, asked afresh and paused until Resume.
    let mut back = open(&memory, at(900));
    mock(&mut back, MockAction::Voices(vec!["Daniel".into()]), 900);
    let m = back.mock.run.clone().expect("resumed from storage");
    assert_eq!((m.at, m.stage, m.is_paused(), m.answers[0].1.is_some()), (1, Stage::Question, true, true));
    let effects = mock(&mut back, MockAction::Resume, 910);
    assert_eq!(said(&effects), vec![m.to_say(&back.col()).unwrap()]);
    assert_eq!(back.mock.run.as_ref().unwrap().elapsed_ms(T0 + 920_000), 10_000);
}

#[test]
fn the_debrief_suggests_grades_and_save_grades_stores_reviews_and_the_history_once() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    mock(&mut app, MockAction::SetFollowUp(0), 0);
    begin(&mut app, &["Daniel"]);
    let s = answer_all(&mut app, "Um, I checked the figures twice and cut errors by 80%, so I would do it again.", 1);
    let d = app.mock_debrief().expect("the debrief");
    assert_eq!((d.summary.answered, d.questions.len()), (8, 8));
    let suggested: Vec<(usize, Rating)> = d.questions.iter().filter_map(|q| q.suggested.map(|r| (q.step, r))).collect();
    assert_eq!(app.mock.grades.len(), suggested.len(), "each suggestion chosen to start with");
    mock(&mut app, MockAction::Grade(0, Rating::Easy), s + 5);
    // The chosen grades survive a reload of the debrief.
    let mut app = open(&memory, at(s + 10));
    assert!(app.mock.run.as_ref().is_some_and(|m| m.is_done()));
    assert!(app.mock.grades.contains(&(0, Rating::Easy)));
    app.apply(Action::Show(Screen::Mock), at(s + 11));
    mock(&mut app, MockAction::Save, s + 20);
    let ids: Vec<String> = d.questions.iter().map(|q| q.card_id.clone()).collect();
    let (_, loaded) = Store::open(Some(memory.boxed()));
    assert_eq!(loaded.log.len(), app.mock.history[0].questions.iter().filter(|q| q.grade.is_some()).count());
    let first = loaded.log.iter().find(|e| e.card_id == ids[0]).expect("the first question's review");
    assert_eq!((first.rating, first.at_ms), (Rating::Easy, T0 + 31_000), "at the time of the answer");
    assert!(loaded.mock.is_none(), "the mock is let go");
    assert_eq!(loaded.mocks.len(), 1);
    assert_eq!(app.screen, Screen::Stats);
    assert!(memory.snapshot().contains_key(&Key::Mocks.name()));
    mock(&mut app, MockAction::Save, s + 30);
    assert_eq!(app.col().log.len(), loaded.log.len(), "saved once");
}

#[test]
fn the_history_goes_in_the_backup_and_merges_into_another_device_and_an_import_keeps_the_mock() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    mock(&mut app, MockAction::SetFollowUp(0), 0);
    begin(&mut app, &[]);
    // Ending with an answer in the box: it counts as the answer to the question on screen.
    app.apply(Action::Type(ANSWER_FIELD.into(), "I met the team.".into()), at(20));
    mock(&mut app, MockAction::End, 30);
    let m = app.mock.run.clone().unwrap();
    assert!(m.is_done());
    assert_eq!(m.answers[0].0.as_ref().map(|a| (a.text.as_str(), a.seconds)), Some(("I met the team.", 29)));
    assert_eq!(app.mock_debrief().unwrap().questions.len(), 1);
    mock(&mut app, MockAction::Save, 40);
    assert_eq!(app.mock.history.len(), 1);
    let text = match app.apply(Action::Export(second_round::core::Export::Backup), at(50)).as_slice() {
        [Effect::Download { text, .. }] => text.clone(),
        other => panic!("expected a download, got {other:?}"),
    };
    assert!(text.contains("\"mocks\":[{"), "the history is in the backup");
    // Another device, with a mock of its own under way and one finished.
    let other = Memory::new();
    let mut phone = open(&other, at(1000));
    begin_at(&mut phone, &[], 1000);
    mock(&mut phone, MockAction::End, 1030);
    mock(&mut phone, MockAction::Save, 1040);
    begin_at(&mut phone, &[], 1050);
    phone.apply(Action::ImportText(Ok(("backup.json".into(), text.clone()))), at(1100));
    assert!(phone.import.as_ref().is_some_and(|p| p.backup.as_ref().is_some_and(|b| b.mocks.len() == 1)), "the backup read with its mocks");
    phone.apply(Action::ConfirmImport, at(1110));
    assert_eq!(phone.mock.history.len(), 2, "both devices' mocks");
    assert!(phone.mock.history[0].at_ms < phone.mock.history[1].at_ms);
    let (_, loaded) = Store::open(Some(other.boxed()));
    assert_eq!(loaded.mocks.len(), 2);
    assert!(loaded.mock.is_some(), "the mock under way is not removed by the import");
    // Once only.
    phone.apply(Action::ImportText(Ok(("backup.json".into(), text))), at(1200));
    phone.apply(Action::ConfirmImport, at(1210));
    assert_eq!(phone.mock.history.len(), 2);
}

#[test]
fn a_full_storage_keeps_the_mock_s_grades_and_history_waiting_and_stores_them_when_there_is_room() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    mock(&mut app, MockAction::SetFollowUp(0), 0);
    assert_eq!(app.snack.as_ref().map(|s| s.text.as_str()), Some("Mock interview settings saved"));
    begin(&mut app, &["Daniel"]);
    let s = answer_all(&mut app, "I checked the figures twice and cut errors by 80%, so I would do it again.", 1);
    memory.set_full(true);
    mock(&mut app, MockAction::Grade(0, Rating::Easy), s + 5);
    mock(&mut app, MockAction::Save, s + 10);
    let graded = app.mock.history[0].questions.iter().filter(|q| q.grade.is_some()).count();
    assert!(graded > 1);
    assert_eq!(app.snack.as_ref().map(|s| s.text.clone()), Some(format!("Mock interview saved: {graded} grades saved as reviews")));
    assert!(app.pending.contains(&Write::MockHistory), "the history waits: {:?}", app.pending);
    assert_eq!(app.pending.iter().filter(|w| matches!(w, Write::Review(_))).count(), graded, "and each review");
    let (_, loaded) = Store::open(Some(memory.boxed()));
    assert!(loaded.mocks.is_empty() && loaded.log.is_empty(), "nothing could be stored");
    assert!(loaded.mock.is_none(), "the finished mock's record is removed (a removal needs no room)");
    app.apply(Action::Tick, at(s + 20));
    assert!(!app.pending.is_empty(), "still full: still waiting");
    memory.set_full(false);
    app.apply(Action::Tick, at(s + 40));
    assert!(app.pending.is_empty());
    let again = open(&memory, at(s + 50));
    assert_eq!(again.mock.history, app.mock.history, "the history stored");
    assert_eq!(again.col().log.len(), graded, "the grades stored as reviews");
    assert_eq!(again.mock.settings.follow_up_percent, 0, "the settings too");
}

#[test]
fn the_mock_under_way_is_stored_as_it_is_when_room_comes_back() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    memory.set_full(true);
    begin(&mut app, &["Daniel"]);
    answer(&mut app, "First answer.", 40);
    answer(&mut app, "Second answer.", 80);
    assert_eq!(app.pending, vec![Write::Mock], "one write waits, whatever the number of changes");
    memory.set_full(false);
    app.apply(Action::Tick, at(90));
    let again = open(&memory, at(100));
    let run = again.mock.run.expect("the mock under way stored");
    assert_eq!(run.at, app.mock.run.as_ref().unwrap().at, "as it was at the retry, not when it was refused");
}

#[test]
fn a_mock_let_go_comes_back_with_undo_as_it_was_and_stored() {
    let memory = Memory::new();
    let mut app = open(&memory, at(0));
    mock(&mut app, MockAction::SetFollowUp(0), 0);
    begin(&mut app, &["Daniel"]);
    let s = answer_all(&mut app, "I checked the figures twice and cut errors by 80%.", 1);
    mock(&mut app, MockAction::Grade(0, Rating::Easy), s + 1);
    let (run, grades) = (app.mock.run.clone(), app.mock.grades.clone());
    let effects = mock(&mut app, MockAction::Discard, s + 2);
    assert!(effects.contains(&Effect::Hush));
    let snack = app.snack.clone().expect("a line");
    assert_eq!((snack.text.as_str(), snack.undo.is_some()), ("Mock interview let go", true));
    assert!(app.mock.run.is_none() && !memory.snapshot().contains_key(&Key::Mock.name()), "let go, and its record");
    app.apply(Action::Snack(SnackAction::Undo), at(s + 3));
    assert_eq!(app.snack.as_ref().map(|l| l.text.as_str()), Some("Mock interview back"));
    assert_eq!((&app.mock.run, &app.mock.grades), (&run, &grades), "as it was, its grades too");
    assert!(app.mock_debrief().is_some());
    let again = open(&memory, at(s + 4));
    assert_eq!((&again.mock.run, &again.mock.grades), (&run, &grades), "stored again");
    // One under way comes back paused.
    let mut app = open(&Memory::new(), at(0));
    begin(&mut app, &["Daniel"]);
    answer(&mut app, "First answer.", 40);
    mock(&mut app, MockAction::Discard, 50);
    app.apply(Action::Snack(SnackAction::Undo), at(60));
    let m = app.mock.run.as_ref().expect("back");
    assert!(!m.is_done() && m.is_paused(), "paused until resumed");
    assert_eq!(m.at, 1);
}
