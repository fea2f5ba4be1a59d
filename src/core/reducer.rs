//! The reducer: every action applied to the state, at a moment, returning what the browser must
//! do. `apply` is the one entry point, for the app and the tests alike.

use super::{Action, AppState, BrowseChange, Effect, KeyCmd, Notice, Screen, PAGE};
use crate::domain::session::Focus;
use crate::domain::{self, interview, Clock, Track};
use std::rc::Rc;

impl AppState {
    /// Applies an action at `clock`: the state changes, storage is written, and what the browser
    /// must do is returned.
    pub fn apply(&mut self, action: Action, clock: Clock) -> Vec<Effect> {
        self.clock = clock;
        let action = match action {
            Action::Key(cmd) => match (self.screen, cmd) {
                (Screen::Home, KeyCmd::RevealOrStart) => Action::Start,
                (Screen::Review, KeyCmd::RevealOrStart) => Action::Reveal,
                (Screen::Review, KeyCmd::Grade(r)) => Action::Grade(r),
                (Screen::Home | Screen::Review, KeyCmd::Undo) => Action::Undo,
                _ => return std::mem::take(&mut self.effects),
            },
            other => other,
        };
        let s = self;
        // The form on screen as it is before the action (its identity, its saved values).
        let (form, saved, key) = (s.form_key(), s.fresh_draft(), s.draft_key());
        // Going somewhere else lets the snackbar's line go (a new one may come with the action).
        if matches!(action, Action::Show(_) | Action::Edit(_) | Action::Start | Action::KeepGoing(_) | Action::Planner(_)) {
            s.snack = None;
            s.editing_interview = None;
            s.confirm_remove = None;
        }
        // Saved, or what it edits deleted: the form's changes are not kept.
        let (submit, delete) =
            (action == Action::Submit, matches!(action, Action::Delete(_) | Action::Kit(super::kit::KitAction::DeleteStory(_))));
        s.dispatch(action);
        let saved_now = submit && s.form_errors.is_empty();
        if saved_now {
            s.form_saved(key.clone());
        }
        let now_saved = s.fresh_draft();
        if s.form_key() != form {
            // Another form (or none) is on screen: what was typed into the last one is kept aside
            // unless it was saved, and the new one starts from what is saved (and what was kept).
            s.switch_form(key, &saved, !(saved_now || delete));
            s.form_errors.clear();
        } else if now_saved != saved {
            s.draft.borrow_mut().rebase(&saved, &now_saved);
        }
        std::mem::take(&mut s.effects)
    }

    /// A keystroke in a form field: only the draft changes (in place: every version of the state
    /// shares it), so nothing needs to render.
    pub fn type_into(&self, id: &str, value: String) {
        self.draft.borrow_mut().set(id, value);
    }

    /// Hands an action to the part of the app it concerns.
    fn dispatch(&mut self, action: Action) {
        match action {
            Action::Tick => self.tick(),
            Action::Start => self.show_screen(Screen::Review),
            Action::Reveal => self.reveal(),
            Action::Grade(r) => self.grade(r),
            Action::Undo => self.undo(),
            Action::Show(screen) => self.show_screen(screen),
            Action::Type(id, value) => self.type_into(&id, value),
            Action::Change(id, value) => self.change(&id, value),
            Action::Submit => self.submit(),
            Action::DiscardDraft => self.discard_draft(),
            Action::Dismiss(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::Storage(report) => self.storage = Some(report),
            Action::ActivateInterview(i) => self.change_interviews(|list| interview::activate(list, i)),
            Action::RemoveInterview(i) => self.remove_interview(i),
            Action::KeepInterview => self.confirm_remove = None,
            Action::UsePlan(n) => self.use_plan(n),
            Action::SetRehearse(on) => self.rehearse = on,
            Action::Record => self.record(),
            Action::StopRecording => self.effects.push(Effect::StopRecording),
            Action::Media(event) if self.screen == Screen::Mock || self.mock_records() => self.mock_media(event),
            Action::Media(event) => self.media(event),
            Action::Mock(action) => self.mock_action(action),
            Action::Keep => self.keep(),
            Action::TogglePoint(i) => {
                if let Some(t) = self.rehearsal.ticks.get_mut(i) {
                    *t = !*t;
                }
            }
            Action::Browse(change) => self.browse(change),
            Action::Edit(id) => self.open_editor(id),
            Action::Suspend(id, on) => self.suspend_card(id, on),
            Action::AskDelete(on) => self.ask_delete(on),
            Action::Delete(id) => self.delete(&id),
            Action::EndFocus => {
                self.focus = Focus::default();
                self.next_card();
            }
            Action::SetTrack(track) => self.set_track(track),
            Action::TrackLoaded(track, text) => self.track_loaded(track, text),
            Action::ImportText(Ok((name, text))) => self.read_import(name, text),
            Action::ImportText(Err(why)) => {
                self.import = None;
                self.import_error = Some(why);
            }
            Action::ImportChoices(choices) => self.choose(choices),
            Action::ConfirmImport => self.confirm_import(),
            Action::Export(kind) => self.export(kind),
            Action::External(changes) => changes.into_iter().for_each(|change| self.external(change)),
            Action::CancelImport => {
                self.import = None;
                self.import_error = None;
            }
            Action::Kit(a) => self.kit_action(a),
            Action::Snack(a) => self.snack_action(a),
            Action::KeepGoing(what) => self.keep_going(what),
            Action::Planner(what) => self.planner(what),
            Action::Key(_) => {}
        }
    }

    /// Every 15 seconds (and every second of rehearse mode's countdown): what storage refused is
    /// tried again, and a learning card that has come due is shown.
    fn tick(&mut self) {
        self.retry_pending();
        if self.screen == Screen::Review && self.current.is_none() {
            self.next_card();
        }
    }

    fn show_screen(&mut self, screen: Screen) {
        if self.screen == Screen::Mock && screen != Screen::Mock {
            self.mock_leave();
        }
        self.screen = screen;
        self.form_errors.clear();
        if screen == Screen::Review {
            self.next_card();
        }
    }

    /// A box ticked or a choice made: the draft follows (Quizlet's separators read the file again).
    fn change(&mut self, id: &str, value: String) {
        self.draft.borrow_mut().set(id, value);
        if id.starts_with("q-") {
            self.reread_quizlet();
        }
    }

    fn browse(&mut self, change: BrowseChange) {
        let b = &mut self.browse;
        if change != BrowseChange::More {
            b.shown = PAGE;
        }
        match change {
            BrowseChange::Query(q) => b.filter.query = q,
            BrowseChange::Theme(t) => b.filter.theme = t,
            BrowseChange::Tag(t) => b.filter.tag = t,
            BrowseChange::State(st) => b.filter.state = st,
            BrowseChange::SortByDue(on) => b.filter.sort_by_due = on,
            BrowseChange::More => b.shown += PAGE,
        }
    }

    fn track_loaded(&mut self, track: Track, text: Result<String, String>) {
        match text {
            Ok(text) => {
                self.variants = Rc::new(domain::deck::read_track(&text, track));
                self.variants_for = Some(track);
            }
            Err(why) if self.track() == track => {
                let name = self.track_info(track).map_or(track.key(), |t| t.label.as_str()).to_string();
                self.notices.push(Notice::Done(format!(
                    "The {name} answers could not be loaded ({why}); the general answers show until they can."
                )));
            }
            Err(_) => {}
        }
    }
}
