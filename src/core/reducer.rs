//! The reducer: every action applied to the state, at a moment, returning what the browser must
//! do. `apply` is the one entry point, for the app and the tests alike.

use super::forms::{self, Draft};
use super::{Action, AppState, BrowseChange, Effect, KeyCmd, Notice, Restore, Screen, PAGE};
use crate::domain::{self, interview, Clock};
use crate::domain::session::Focus;
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
        // Going somewhere else lets the snackbar's line go (a new one may come with the action).
        if matches!(action, Action::Show(_) | Action::Edit(_) | Action::Start | Action::KeepGoing(_) | Action::Planner(_)) {
            s.snack = None;
            s.editing_interview = None;
        }
        let (form, saved) = (s.form_key(), s.fresh_draft());
        s.dispatch(action);
        let now_saved = s.fresh_draft();
        if s.form_key() != form {
            // Another form (or none) is on screen: what was typed into the last one is let go.
            s.set_draft(now_saved);
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

    fn dispatch(&mut self, action: Action) {
        let s = self;
        match action {
            Action::Tick => {
                s.retry_pending();
                if s.screen == Screen::Review && s.current.is_none() {
                    s.next_card();
                }
            }
            Action::Start => {
                s.screen = Screen::Review;
                s.next_card();
            }
            Action::Reveal => s.reveal(),
            Action::Grade(r) => s.grade(r),
            Action::Undo => s.undo(),
            Action::Show(screen) => {
                if s.screen == Screen::Mock && screen != Screen::Mock {
                    s.mock_leave();
                }
                s.screen = screen;
                s.form_errors.clear();
                if screen == Screen::Review {
                    s.next_card();
                }
            }
            Action::Type(id, value) => s.type_into(&id, value),
            Action::Change(id, value) => {
                let separator = id.starts_with("q-");
                s.draft.borrow_mut().set(&id, value);
                if separator {
                    s.reread_quizlet();
                }
            }
            Action::Submit => s.submit(),
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            Action::Storage(report) => s.storage = Some(report),
            Action::ActivateInterview(i) => {
                interview::activate(&mut s.col_mut().interviews, i);
                s.save_interviews();
            }
            Action::RemoveInterview(i) => {
                let now = s.clock.now_ms;
                let before = s.col().interviews.clone();
                interview::remove(&mut s.col_mut().interviews, i, now);
                s.save_interviews();
                s.say("Interview deleted", Some(Restore::Interviews(before)));
            }
            Action::UsePlan(n) => {
                let before = s.col().settings.new_per_day;
                s.col_mut().settings.new_per_day = n;
                let saved = s.store.borrow_mut().save_settings(&s.col().settings);
                s.note_write(saved);
                s.say(format!("Plan taken: {} a day", domain::words::count(n as usize, "new card", "new cards")), Some(Restore::NewPerDay(before)));
            }
            Action::SetRehearse(on) => s.rehearse = on,
            Action::Record => {
                if !s.rehearsal.recording && !s.revealed {
                    s.rehearsal.error = None;
                    s.rehearsal.recording = true;
                    s.rehearsal.recording_turn = Some(s.turn);
                    let speech = s.col().settings.speech;
                    s.effects.push(Effect::StartRecording { speech });
                }
            }
            Action::StopRecording => s.effects.push(Effect::StopRecording),
            Action::Media(event) if s.screen == Screen::Mock || s.mock_records() => s.mock_media(event),
            Action::Media(event) => s.media(event),
            Action::Mock(action) => s.mock_action(action),
            Action::Keep => s.keep(),
            Action::TogglePoint(i) => {
                if let Some(t) = s.rehearsal.ticks.get_mut(i) {
                    *t = !*t;
                }
            }
            Action::Browse(change) => {
                let b = &mut s.browse;
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
            Action::Edit(id) => {
                s.editing = id;
                s.confirm_delete = false;
                s.form_errors.clear();
                s.screen = Screen::Edit;
            }
            Action::Suspend(id, on) => {
                s.set_suspended(&id, on);
                let text = if on { "Card suspended: it stays out of your sessions" } else { "Card back in your sessions" };
                s.say(text, Some(Restore::Suspended(id, !on)));
            }
            Action::AskDelete(on) => s.confirm_delete = on,
            Action::Delete(id) => {
                s.delete(&id);
                s.confirm_delete = false;
                s.screen = Screen::Cards;
            }
            Action::EndFocus => {
                s.focus = Focus::default();
                s.next_card();
            }
            Action::SetTrack(track) => {
                s.set_track(track);
                let label = s.track_info(track).map_or(String::new(), |t| t.label.clone());
                s.say(format!("Your answers: {label}"), None);
            }
            Action::TrackLoaded(track, Ok(text)) => {
                s.variants = Rc::new(domain::deck::read_track(&text, track));
                s.variants_for = Some(track);
            }
            Action::TrackLoaded(track, Err(why)) => {
                if s.track() == track {
                    let name = s.track_info(track).map_or(track.key(), |t| t.label.as_str()).to_string();
                    s.notices.push(Notice::Done(format!("The {name} answers could not be loaded ({why}); the general answers show until they can.")));
                }
            }
            Action::ImportText(Ok((name, text))) => s.read_import(name, text),
            Action::ImportText(Err(why)) => {
                s.import = None;
                s.import_error = Some(why);
            }
            Action::ImportChoices(choices) => s.choose(choices),
            Action::ConfirmImport => s.confirm_import(),
            Action::Export(kind) => s.export(kind),
            Action::External(changes) => {
                for change in changes {
                    s.external(change);
                }
            }
            Action::CancelImport => {
                s.import = None;
                s.import_error = None;
            }
            Action::Kit(a) => s.kit_action(a),
            Action::Snack(a) => s.snack_action(a),
            Action::KeepGoing(what) => s.keep_going(what),
            Action::Planner(what) => s.planner(what),
            Action::Key(_) => {}
        }
    }

    /// Which form is on screen: when it changes, the draft starts afresh.
    pub(super) fn form_key(&self) -> (Screen, Option<String>, u32) {
        match self.screen {
            Screen::Edit => (Screen::Edit, self.editing.clone(), 0),
            Screen::Interviews => (Screen::Interviews, None, self.editing_interview.map_or(0, |i| i as u32 + 1)),
            // The rehearse answer box: a fresh one for every card shown (and none after the reveal).
            Screen::Review => (Screen::Review, self.current.clone(), self.turn * 2 + self.revealed as u32),
            Screen::Kit(k) => (self.screen, self.kit_form_key(k), 0),
            // The mock's answer box: a fresh one for every question and follow-up.
            Screen::Mock => (Screen::Mock, None, self.mock.turn()),
            screen => (screen, None, 0),
        }
    }

    /// A form's starting values, as it opens.
    pub fn fresh_draft(&self) -> Draft {
        let col = self.col();
        match self.screen {
            Screen::Settings => forms::settings::draft(&col.settings),
            Screen::Edit => forms::edit::draft(self.editing.as_deref().and_then(|id| col.card(id)).map(|c| self.shown_card(c)).as_deref()),
            Screen::Cards => forms::cards::draft(&self.browse.filter),
            Screen::Interviews => match self.editing_interview.and_then(|i| col.interviews.get(i)) {
                Some(iv) => forms::interviews::draft(iv, self.clock),
                None => Draft::default(),
            },
            Screen::Kit(k) => {
                drop(col);
                self.kit_draft(k)
            }
            Screen::Mock if self.mock.run.is_none() => super::mock::draft(self.mock.open_for.or_else(|| self.mock_default_interview())),
            _ => Draft::default(),
        }
    }

    /// The form on screen, as typed so far.
    pub fn draft(&self) -> std::cell::Ref<'_, Draft> {
        self.draft.borrow()
    }

    pub(super) fn set_draft(&self, draft: Draft) {
        *self.draft.borrow_mut() = draft;
    }

    /// The form on screen is sent: what its draft says is saved (or started, or read), or what is
    /// wrong with it is named and the draft stays as typed.
    pub(super) fn submit(&mut self) {
        let form = self.draft().clone();
        let done = match self.screen {
            Screen::Settings => forms::settings::parse(&form).map(|mut settings| {
                // The form leaves the track alone unless it chose one.
                settings.track = settings.track.or(self.col().settings.track);
                self.col_mut().settings = settings.sanitised();
                self.rehearse = settings.rehearse;
                let saved = self.store.borrow_mut().save_settings(&self.col().settings);
                self.note_write(saved);
                self.screen = Screen::Home;
                self.say("Settings saved", None);
            }),
            Screen::Edit => {
                let edited = self.editing.as_deref().and_then(|id| self.col().card(id).cloned());
                forms::edit::read(&form, edited.as_ref()).map(|mut card| {
                    // A new card whose question makes an id already in use gets a fresh one.
                    while edited.is_none() && self.col().card(&card.id).is_some() {
                        card.id.push('x');
                    }
                    self.save_card(card);
                    self.screen = Screen::Cards;
                    self.say(if edited.is_some() { "Card saved" } else { "Card added" }, None);
                })
            }
            Screen::Interviews => forms::interviews::read(&form, self.clock, self.local_time).map(|iv| {
                // Changed: the old one goes (the new one is prepared for if it was).
                let changed = self.editing_interview.take().filter(|i| *i < self.col().interviews.len());
                if let Some(i) = changed {
                    self.col_mut().interviews.remove(i);
                }
                interview::add(&mut self.col_mut().interviews, iv);
                self.save_interviews();
                // Added: the form is empty again for the next one.
                self.set_draft(Draft::default());
                self.say(if changed.is_some() { "Interview saved" } else { "Interview added" }, None);
            }),
            Screen::Transfer => {
                let text = form.get("import-paste").to_string();
                if text.trim().is_empty() {
                    self.import = None;
                    self.import_error = Some("Paste the text of a card file first.".into());
                } else {
                    self.read_import("the pasted text".into(), text);
                }
                Ok(())
            }
            Screen::Cards => {
                self.focus = forms::cards::read(&form, &self.browse.filter);
                self.screen = Screen::Review;
                self.next_card();
                Ok(())
            }
            Screen::Kit(k) => self.kit_submit(k, &form),
            Screen::Home | Screen::Review | Screen::Stats | Screen::Mock => Ok(()),
        };
        self.form_errors = done.err().unwrap_or_default();
    }
}
