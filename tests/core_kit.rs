//! The interview kit in the application core, natively: the same `AppState::apply` the app runs,
//! over storage in memory — stories, notes, questions, the plan, thank-you notes and rehearsed
//! stories stored record by record, kept across a restart, in the backup and merged from another
//! device's, another tab's writes taken in, a damaged record kept aside, an import leaving the kit
//! alone.

mod common;

use common::{at, open, T0};
use second_round::core::kit::{ids, KitAction, KitScreen};
use second_round::core::{Action, AppState, Effect, Export, Notice, Screen, SnackAction};
use second_round::domain::interview::Interview;
use second_round::domain::{Clock, Rating};
use second_round::store::memory::Memory;
use second_round::store::schema::{self, External, Key};

/// The interview: Wednesday 2 December 2026, 10:00 UTC.
const AT: i64 = 1_796_205_600_000;

fn interview() -> Interview {
    Interview { at_ms: AT, company: "Northwind".into(), role: "Analyst".into(), active: true, themes: vec![] }
}

/// Storage with one interview set.
fn with_interview() -> Memory {
    let memory = Memory::new();
    memory.put(&Key::Meta.name(), "4");
    memory.put(&Key::Interviews.name(), &schema::interviews_value(&[interview()]));
    memory
}

fn typed(app: &mut AppState, fields: &[(&str, &str)], clock: Clock) {
    for (id, value) in fields {
        app.apply(Action::Type(id.to_string(), value.to_string()), clock);
    }
}

fn write_story(app: &mut AppState, title: &str, shows: &str, s: i64) {
    app.apply(Action::Kit(KitAction::EditStory(None)), at(s));
    assert_eq!(app.screen, Screen::Kit(KitScreen::Story));
    typed(app, &[(ids::TITLE, title), (ids::ACTION, "I rebuilt the checks."), (ids::RESULT, "Four days, not nine.")], at(s));
    app.apply(Action::Change(ids::shows(shows), "1".into()), at(s));
    app.apply(Action::Submit, at(s + 1));
}

#[test]
fn a_story_is_stored_as_one_record_and_kept_across_a_restart() {
    let memory = with_interview();
    let mut app = open(&memory, at(0));
    // A story needs a title.
    app.apply(Action::Kit(KitAction::EditStory(None)), at(0));
    app.apply(Action::Submit, at(1));
    assert_eq!(app.form_errors.len(), 1);
    assert_eq!(app.screen, Screen::Kit(KitScreen::Story));
    app.apply(Action::Show(Screen::Home), at(2));
    write_story(&mut app, "The month-end close", "accuracy", 10);
    assert_eq!(app.screen, Screen::Kit(KitScreen::Stories));
    let keys: Vec<String> = memory.snapshot().keys().filter(|k| k.contains("/story/")).cloned().collect();
    assert_eq!(keys.len(), 1);
    let again = open(&memory, at(20));
    let stories = again.kit.live_stories();
    assert_eq!(
        (stories.len(), stories[0].title.as_str(), stories[0].shows.clone()),
        (1, "The month-end close", vec!["accuracy".to_string()])
    );
    // Edited, then deleted: the record says so, and the plan sheet lets it go.
    let id = stories[0].id.clone();
    let mut app = again;
    app.apply(Action::Kit(KitAction::EditStory(Some(id.clone()))), at(30));
    assert_eq!(app.draft().get(ids::TITLE), "The month-end close", "the form opens with the story");
    app.apply(Action::Kit(KitAction::AskDeleteStory(true)), at(31));
    assert!(app.kit_view.confirm_delete, "asked first");
    app.apply(Action::Kit(KitAction::AskDeleteStory(false)), at(31));
    assert_eq!(app.kit.live_stories().len(), 1, "kept");
    app.apply(Action::Kit(KitAction::DeleteStory(id.clone())), at(31));
    assert!(app.kit.live_stories().is_empty());
    assert!(memory.snapshot()[&Key::Story(id).name()].contains("\"deleted\":true"));
}

#[test]
fn notes_questions_plan_and_thanks_are_the_interview_s_round() {
    let memory = with_interview();
    let mut app = open(&memory, at(0));
    app.apply(Action::Show(Screen::Kit(KitScreen::Notes)), at(0));
    app.apply(Action::Kit(KitAction::AddPerson), at(1));
    typed(
        &mut app,
        &[
            (&ids::person("name", 0), "Priya Shah"),
            (&ids::person("said", 0), "Speed at month-end"),
            (&ids::person("name", 1), "Tom Reid"),
            (ids::WELL, "Rapport"),
        ],
        at(2),
    );
    app.apply(Action::Submit, at(3));
    assert_eq!(app.screen, Screen::Kit(KitScreen::Hub));
    app.apply(Action::Show(Screen::Kit(KitScreen::Questions)), at(4));
    app.apply(Action::Kit(KitAction::AddCard("ask-01".into())), at(5));
    app.apply(Action::Kit(KitAction::AddCard("ask-01".into())), at(6));
    typed(&mut app, &[(ids::NEW_QUESTION, "What would my first project be?")], at(7));
    app.apply(Action::Kit(KitAction::AddOwnQuestion), at(7));
    let round = app.kit_round().unwrap();
    assert_eq!(round.questions.len(), 2, "a card is added once");
    assert_eq!(app.draft().get(ids::NEW_QUESTION), "", "the field is empty again");
    app.apply(Action::Kit(KitAction::Asked(0, true)), at(8));
    typed(&mut app, &[(&ids::answer(0), "By Friday, they said.")], at(9));
    app.apply(Action::Submit, at(10));
    let round = app.kit_round().unwrap();
    assert_eq!(app.kit_decision(&round).as_deref(), Some("Fri 4 Dec"));
    // The plan: who to meet starts from the notes.
    app.apply(Action::Show(Screen::Kit(KitScreen::Plan)), at(11));
    assert_eq!(app.draft().get(ids::MEET), "Priya Shah\nTom Reid");
    typed(&mut app, &[(&ids::remember(0), "Nine days to four")], at(12));
    app.apply(Action::Submit, at(13));
    assert_eq!(app.screen, Screen::Kit(KitScreen::Sheet));
    app.apply(Action::Kit(KitAction::Tick("early".into(), true)), at(14));
    app.apply(Action::Kit(KitAction::Tick("not-an-item".into(), true)), at(14));
    // Thanks: a note each, composed; one edited; marked sent.
    app.apply(Action::Show(Screen::Kit(KitScreen::Thanks)), at(15));
    let priya = app.draft().get(&ids::body(0)).to_string();
    assert!(
        priya.starts_with("Dear Priya Shah,") && priya.contains("what we discussed: speed at month-end.") && priya.contains("Fri 4 Dec"),
        "{priya}"
    );
    typed(&mut app, &[(&ids::body(1), "Dear Tom, thank you."), (&ids::email(1), "tom@northwind.example")], at(16));
    app.apply(Action::Submit, at(17));
    app.apply(Action::Kit(KitAction::Sent("Priya Shah".into(), true)), at(18));
    // One record, holding all of it, read back the same after a restart.
    let stored: Vec<String> = memory.snapshot().keys().filter(|k| k.contains("/round/")).cloned().collect();
    assert_eq!(stored.len(), 1);
    let again = open(&memory, at(20));
    let round = again.kit.round(&interview()).unwrap().clone();
    assert_eq!(round, app.kit_round().unwrap());
    assert_eq!((round.people.len(), round.questions.len(), round.ticked.clone()), (2, 2, vec!["early".to_string()]));
    assert_eq!(
        round.thanks.iter().map(|t| (t.name.as_str(), t.body.as_str(), t.sent.is_some())).collect::<Vec<_>>(),
        vec![("Priya Shah", "", true), ("Tom Reid", "Dear Tom, thank you.", false)]
    );
}

#[test]
fn the_kit_travels_in_the_backup_and_merges_into_another_device() {
    let memory = with_interview();
    let mut phone = open(&memory, at(0));
    write_story(&mut phone, "The month-end close", "accuracy", 0);
    phone.apply(Action::Show(Screen::Kit(KitScreen::Questions)), at(5));
    phone.apply(Action::Kit(KitAction::AddCard("ask-01".into())), at(6));
    let effects = phone.apply(Action::Export(Export::Backup), at(7));
    let [Effect::Download { text, .. }] = effects.as_slice() else { panic!("{effects:?}") };
    // Another device with a story of its own: the backup's kit merges in.
    let laptop_memory = Memory::new();
    let mut laptop = open(&laptop_memory, at(100));
    write_story(&mut laptop, "The angry client", "customer", 100);
    laptop.apply(Action::ImportText(Ok(("backup.json".into(), text.clone()))), at(110));
    let pending = laptop.import.clone().expect("a preview");
    let b = pending.backup.as_ref().expect("a backup");
    assert_eq!(
        b.kit_merged.sentence().as_deref(),
        Some("1 story from the other device will be added; the notes of 1 interview will be updated.")
    );
    laptop.apply(Action::ConfirmImport, at(111));
    assert!(laptop.snack.as_ref().is_some_and(|s| s.text.contains("1 story from the other device")), "{:?}", laptop.snack);
    let titles: Vec<String> = laptop.kit.live_stories().into_iter().map(|s| s.title).collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"The month-end close".to_string()));
    // Stored, so a restart has it all; importing the same file again changes nothing.
    let again = open(&laptop_memory, at(120));
    assert_eq!(again.kit.live_stories().len(), 2);
    assert_eq!(again.kit.rounds.len(), 1);
    let mut again = again;
    again.apply(Action::ImportText(Ok(("backup.json".into(), text.clone()))), at(130));
    assert!(!again.import.as_ref().unwrap().backup.as_ref().unwrap().kit_merged.any());
}

#[test]
fn an_import_of_cards_leaves_the_kit_alone_and_a_damaged_record_is_kept_aside() {
    let memory = with_interview();
    memory.put(&Key::Story("sbad".into()).name(), "{\"title\": 7");
    let mut app = open(&memory, at(0));
    assert!(
        app.notices.iter().any(|n| matches!(n, Notice::Unreadable(_)) && n.text().contains("1 of your stories")),
        "{:?}",
        app.notices.iter().map(|n| n.text()).collect::<Vec<_>>()
    );
    write_story(&mut app, "Kept", "teamwork", 1);
    app.apply(Action::ImportText(Ok(("cards.txt".into(), "What is my question?\tMy answer.\n".into()))), at(5));
    app.apply(Action::ConfirmImport, at(6));
    let snapshot = memory.snapshot();
    assert_eq!(snapshot.keys().filter(|k| k.starts_with("second-round/story/")).count(), 2, "the import removed no story");
    assert_eq!(snapshot[&Key::Story("sbad".into()).name()], "{\"title\": 7", "a damaged record is never written over");
    assert!(snapshot.contains_key(&Key::Unreadable(Key::Story("sbad".into()).name()).name()), "and a copy is kept aside");
}

#[test]
fn another_tab_s_story_and_notes_are_taken_in() {
    let memory = with_interview();
    let mut app = open(&memory, at(0));
    let story = second_round::domain::kit::Story { id: "sx".into(), title: "From the other tab".into(), edited: T0, ..Default::default() };
    let mut round = second_round::domain::kit::Round::for_interview(&interview());
    round.went_well = "Other tab".into();
    round.edited = T0;
    app.apply(Action::External(vec![External::Story(story.clone()), External::Round(round.clone())]), at(1));
    assert_eq!(app.kit.story("sx"), Some(&story));
    assert_eq!(app.kit_round().unwrap().went_well, "Other tab");
}

#[test]
fn rehearsing_my_stories_grades_them_like_cards() {
    let memory = with_interview();
    let mut app = open(&memory, at(0));
    write_story(&mut app, "One", "accuracy", 0);
    write_story(&mut app, "Two", "customer", 2);
    app.apply(Action::Kit(KitAction::Rehearse), at(10));
    assert_eq!(app.screen, Screen::Kit(KitScreen::Rehearse));
    let first = app.kit_view.rehearsing.clone().expect("a story to tell");
    assert_eq!(app.kit.story(&first).unwrap().title, "One", "in the order written");
    app.apply(Action::Kit(KitAction::RevealStory), at(40));
    app.apply(Action::Kit(KitAction::GradeStory(Rating::Good)), at(45));
    let second = app.kit_view.rehearsing.clone().expect("the next story");
    assert_ne!(first, second);
    app.apply(Action::Kit(KitAction::GradeStory(Rating::Again)), at(50));
    // Again brings it back in minutes; Good sends the other away.
    assert_eq!(app.kit_view.rehearsing, None, "nothing due right now");
    let card = format!("story-{first}");
    let p = app.col().progress_of(&card);
    assert!(p.due_ms > T0 + 60_000, "{p:?}");
    assert!(memory.snapshot().contains_key(&Key::Card(card.clone()).name()), "stored like any card's schedule");
    let again = open(&memory, at(60));
    assert_eq!(again.col().log.iter().filter(|e| e.card_id.starts_with("story-")).count(), 2);
    let mut later = open(&memory, Clock::new(T0 + 20 * 60_000, 60));
    later.apply(Action::Kit(KitAction::Rehearse), Clock::new(T0 + 20 * 60_000, 60));
    assert_eq!(later.kit_view.rehearsing.as_deref(), Some(second.as_str()), "the story graded Again is due again");
}

/// The snackbar's line, and whether it offers Undo.
fn snack(app: &AppState) -> (String, bool) {
    let s = app.snack.as_ref().expect("a line in the snackbar");
    (s.text.clone(), s.undo.is_some())
}

fn stored(memory: &Memory, part: &str) -> Vec<String> {
    memory.snapshot().into_iter().filter(|(k, _)| k.contains(part)).map(|(_, v)| v).collect()
}

#[test]
fn a_full_storage_keeps_the_kit_s_records_waiting_and_stores_them_when_there_is_room() {
    let memory = with_interview();
    let mut app = open(&memory, at(0));
    memory.set_full(true);
    write_story(&mut app, "The month-end close", "accuracy", 0);
    assert_eq!(snack(&app).0, "Story added", "kept in the app, said so");
    app.apply(Action::Show(Screen::Kit(KitScreen::Notes)), at(5));
    typed(&mut app, &[(&ids::person("name", 0), "Priya Shah"), (ids::WELL, "Rapport")], at(6));
    app.apply(Action::Submit, at(7));
    assert_eq!(snack(&app).0, "Notes saved");
    assert_eq!(app.pending.len(), 2, "the story and the round wait: {:?}", app.pending);
    assert!(app.notices.iter().any(|n| matches!(n, Notice::WriteFailed(_))), "the banner says storage refused");
    assert!(stored(&memory, "/story/").is_empty() && stored(&memory, "/round/").is_empty());
    // Changed again while waiting: one write each still, of what the record is now.
    app.apply(Action::Show(Screen::Kit(KitScreen::Questions)), at(8));
    app.apply(Action::Kit(KitAction::AddCard("ask-01".into())), at(9));
    assert_eq!(app.pending.len(), 2);
    app.apply(Action::Tick, at(15));
    assert_eq!(app.pending.len(), 2, "still full: still waiting");
    memory.set_full(false);
    app.apply(Action::Tick, at(30));
    assert!(app.pending.is_empty());
    assert!(!app.notices.iter().any(|n| matches!(n, Notice::WriteFailed(_))));
    assert!(app.notices.contains(&Notice::Done("There is room again: what could not be saved is now stored.".into())));
    let again = open(&memory, at(40));
    assert_eq!(again.kit.live_stories()[0].title, "The month-end close");
    let round = again.kit.round(&interview()).expect("the round stored").clone();
    assert_eq!((round.people[0].name.as_str(), round.went_well.as_str(), round.questions.len()), ("Priya Shah", "Rapport", 1));
}

#[test]
fn every_save_in_the_kit_says_so_in_the_snackbar() {
    let memory = with_interview();
    let mut app = open(&memory, at(0));
    write_story(&mut app, "The month-end close", "accuracy", 0);
    assert_eq!(snack(&app), ("Story added".into(), false));
    let id = app.kit.live_stories()[0].id.clone();
    app.apply(Action::Kit(KitAction::EditStory(Some(id))), at(2));
    typed(&mut app, &[(ids::TITLE, "The quarter-end close")], at(3));
    app.apply(Action::Submit, at(4));
    assert_eq!(snack(&app), ("Story saved".into(), false));
    app.apply(Action::Show(Screen::Kit(KitScreen::Notes)), at(5));
    typed(&mut app, &[(&ids::person("name", 0), "Priya Shah")], at(5));
    app.apply(Action::Submit, at(6));
    assert_eq!(snack(&app).0, "Notes saved");
    app.apply(Action::Show(Screen::Kit(KitScreen::Questions)), at(7));
    app.apply(Action::Kit(KitAction::AddCard("ask-01".into())), at(8));
    assert_eq!(snack(&app).0, "Question added");
    typed(&mut app, &[(ids::NEW_QUESTION, "What would my first project be?")], at(9));
    app.apply(Action::Kit(KitAction::AddOwnQuestion), at(9));
    assert_eq!(snack(&app).0, "Question added");
    app.apply(Action::Kit(KitAction::Asked(1, true)), at(10));
    assert_eq!(snack(&app).0, "Question marked as asked");
    typed(&mut app, &[(&ids::answer(1), "A reporting tool.")], at(11));
    app.apply(Action::Submit, at(12));
    assert_eq!(snack(&app).0, "Answers saved");
    app.apply(Action::Show(Screen::Kit(KitScreen::Plan)), at(13));
    app.apply(Action::Submit, at(14));
    assert_eq!((snack(&app).0.as_str(), app.screen), ("Plan saved", Screen::Kit(KitScreen::Sheet)));
    app.apply(Action::Kit(KitAction::Tick("early".into(), true)), at(15));
    assert_eq!(snack(&app).0, "Checklist: 1 of 4 ticked");
    app.apply(Action::Show(Screen::Kit(KitScreen::Thanks)), at(16));
    app.apply(Action::Submit, at(17));
    assert_eq!(snack(&app).0, "Thank-you notes saved");
    app.apply(Action::Kit(KitAction::Sent("Priya Shah".into(), true)), at(18));
    assert_eq!(snack(&app), ("Thank-you note marked as sent".into(), false));
    app.apply(Action::Kit(KitAction::Sent("Priya Shah".into(), false)), at(19));
    assert_eq!(snack(&app).0, "Thank-you note marked as not sent");
    // A question removed comes back, in its place, with Undo (and its answer with it).
    app.apply(Action::Show(Screen::Kit(KitScreen::Questions)), at(20));
    app.apply(Action::Kit(KitAction::RemoveQuestion(1)), at(21));
    assert_eq!(snack(&app), ("Question removed".into(), true));
    assert_eq!(app.kit_round().unwrap().questions.len(), 1);
    app.apply(Action::Snack(SnackAction::Undo), at(22));
    assert_eq!(snack(&app), ("Question back".into(), false));
    let again = open(&memory, at(30));
    let round = again.kit.round(&interview()).unwrap().clone();
    assert_eq!(
        round.questions.iter().map(|q| (q.text.as_str(), q.answer.as_str())).nth(1),
        Some(("What would my first project be?", "A reporting tool.")),
        "stored back in its place"
    );
}

#[test]
fn a_deleted_story_comes_back_with_undo_on_the_plan_sheet_that_named_it() {
    let memory = with_interview();
    let mut app = open(&memory, at(0));
    write_story(&mut app, "The month-end close", "accuracy", 0);
    write_story(&mut app, "The new starter", "teamwork", 2);
    let ids_: Vec<String> = app.kit.live_stories().iter().map(|s| s.id.clone()).collect();
    app.apply(Action::Show(Screen::Kit(KitScreen::Plan)), at(5));
    for id in &ids_ {
        app.apply(Action::Change(ids::story(id), "1".into()), at(5));
    }
    app.apply(Action::Submit, at(6));
    assert_eq!(app.kit_round().unwrap().stories, ids_);
    app.apply(Action::Kit(KitAction::DeleteStory(ids_[0].clone())), at(10));
    assert_eq!(snack(&app), ("Story deleted".into(), true));
    assert_eq!(app.kit_round().unwrap().stories, vec![ids_[1].clone()], "off the plan sheet");
    assert!(memory.snapshot()[&Key::Story(ids_[0].clone()).name()].contains("\"deleted\":true"));
    // Undo in the same moment still wins over the deletion: the story is changed after it.
    app.apply(Action::Snack(SnackAction::Undo), at(10));
    assert_eq!(snack(&app), ("Story back".into(), false));
    assert_eq!(app.kit_round().unwrap().stories, ids_, "back in its place on the plan sheet");
    let again = open(&memory, at(20));
    let live: Vec<String> = again.kit.live_stories().iter().map(|s| s.title.clone()).collect();
    assert_eq!(live, vec!["The month-end close", "The new starter"], "stored back");
    assert_eq!(again.kit.round(&interview()).unwrap().stories, ids_);
    let deleted = again.kit.stories.iter().find(|s| s.id == ids_[0]).unwrap().edited;
    assert!(deleted > T0 + 10_000, "newer than the deletion, so another device's copy of it does not win");
}

/// Round-one notes written for the interview and saved.
fn with_notes(memory: &Memory) -> AppState {
    let mut app = open(memory, at(0));
    app.apply(Action::Show(Screen::Kit(KitScreen::Notes)), at(1));
    typed(&mut app, &[(&ids::person("name", 0), "Priya Shah"), (ids::WELL, "Rapport")], at(2));
    app.apply(Action::Submit, at(3));
    assert_eq!(snack(&app).0, "Notes saved");
    app
}

/// The interview's form opened, `fields` typed over it and saved.
fn edit_interview(app: &mut AppState, fields: &[(&str, &str)], s: i64) {
    app.apply(Action::Planner(second_round::core::Planner::Edit(0)), at(s));
    typed(app, fields, at(s));
    app.apply(Action::Submit, at(s + 1));
    assert_eq!(snack(app).0, "Interview saved", "{:?}", app.form_errors);
}

#[test]
fn an_interview_s_notes_follow_it_when_its_moment_company_or_role_changes() {
    let memory = with_interview();
    let mut app = with_notes(&memory);
    // A day later (UTC+1), at another company.
    edit_interview(&mut app, &[("iv-when", "2026-12-03T11:00"), ("iv-company", "Contoso")], 10);
    let moved = Interview { at_ms: AT + 86_400_000, company: "Contoso".into(), ..interview() };
    assert_eq!(app.col().interviews[0].at_ms, moved.at_ms);
    assert_eq!(app.kit_round().unwrap().went_well, "Rapport", "the kit shows the notes");
    assert_eq!(app.kit.rounds.len(), 1);
    let rounds = stored(&memory, "/round/");
    assert_eq!(rounds.len(), 1, "the old record removed, the new one written: {rounds:?}");
    let again = open(&memory, at(20));
    assert_eq!(again.kit.round(&moved).expect("kept under the interview as it is now").people[0].name, "Priya Shah");
    // Only its themes changed: the same record.
    let mut app = again;
    app.apply(Action::Planner(second_round::core::Planner::Edit(0)), at(30));
    app.apply(Action::Change("iv-theme-plan".into(), "1".into()), at(30));
    app.apply(Action::Submit, at(31));
    assert_eq!(app.kit.round(&moved).unwrap().went_well, "Rapport");
    assert_eq!(stored(&memory, "/round/").len(), 1);
}

#[test]
fn with_a_full_storage_a_moved_round_waits_and_its_old_record_stays_until_the_new_one_is_in() {
    let memory = with_interview();
    let mut app = with_notes(&memory);
    memory.set_full(true);
    edit_interview(&mut app, &[("iv-role", "Senior analyst")], 10);
    let moved = Interview { role: "Senior analyst".into(), ..interview() };
    assert_eq!(app.kit_round().unwrap().went_well, "Rapport");
    assert!(app.pending.contains(&second_round::core::Write::Interviews));
    assert_eq!(app.pending.iter().filter(|w| matches!(w, second_round::core::Write::Round(_))).count(), 2, "{:?}", app.pending);
    // Closed now: the notes are still in storage, under the interview as it was.
    let closed = open(&memory, at(12));
    assert_eq!(closed.kit.round(&interview()).expect("the old record kept").went_well, "Rapport");
    memory.set_full(false);
    app.apply(Action::Tick, at(30));
    assert!(app.pending.is_empty());
    let again = open(&memory, at(40));
    assert_eq!(again.kit.round(&moved).expect("moved").went_well, "Rapport");
    assert_eq!(stored(&memory, "/round/").len(), 1);
}

#[test]
fn deleting_an_interview_with_notes_asks_first_then_takes_its_round_and_undo_brings_both_back() {
    let memory = with_interview();
    let mut app = with_notes(&memory);
    app.apply(Action::Show(Screen::Interviews), at(5));
    let effects = app.apply(Action::RemoveInterview(0), at(6));
    assert_eq!(app.confirm_remove, Some(0), "asked");
    assert!(effects.contains(&Effect::Focus(second_round::core::FocusOn::ConfirmDelete)));
    assert_eq!(app.col().interviews.len(), 1);
    app.apply(Action::KeepInterview, at(7));
    assert_eq!((app.confirm_remove, app.col().interviews.len()), (None, 1), "kept");
    app.apply(Action::RemoveInterview(0), at(8));
    app.apply(Action::RemoveInterview(0), at(9));
    assert!(app.col().interviews.is_empty());
    assert!(app.kit.rounds.is_empty() && stored(&memory, "/round/").is_empty(), "no notes left behind");
    assert_eq!(snack(&app), ("Interview deleted".into(), true));
    app.apply(Action::Snack(SnackAction::Undo), at(10));
    assert_eq!(snack(&app).0, "Interview back");
    let again = open(&memory, at(20));
    assert_eq!(again.col().interviews, vec![interview()]);
    assert_eq!(again.kit.round(&interview()).expect("back").people[0].name, "Priya Shah");
}

#[test]
fn an_interview_with_nothing_written_for_it_is_deleted_without_asking() {
    let memory = with_interview();
    let mut app = open(&memory, at(0));
    app.apply(Action::RemoveInterview(0), at(1));
    assert!(app.col().interviews.is_empty());
    assert_eq!(app.confirm_remove, None);
}
