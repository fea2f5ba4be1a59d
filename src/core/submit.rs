//! The form on screen: which one it is, its starting values, and what sending it does.

use super::forms::{self, Draft};
use super::{AppState, Effect, FocusOn, Screen};
use crate::domain::interview;

impl AppState {
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
                self.rehearse = settings.rehearse;
                self.set_settings(settings);
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
                let old = changed.map(|i| self.col().interviews[i].clone());
                let new = iv.clone();
                self.change_interviews(|list| {
                    if let Some(i) = changed {
                        list.remove(i);
                    }
                    interview::add(list, iv);
                });
                // Its kit's notes follow it.
                if let Some(old) = old {
                    self.move_round(&old, &new);
                }
                // Added: the form is empty again for the next one.
                self.set_draft(Draft::default());
                self.say(if changed.is_some() { "Interview saved" } else { "Interview added" }, None);
                self.effects.push(Effect::Focus(FocusOn::Heading));
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
            // The first-visit welcome's interview date.
            Screen::Home => self.welcome_submit(&form),
            Screen::Review | Screen::Stats | Screen::Mock => Ok(()),
        };
        self.form_errors = done.err().unwrap_or_default();
    }
}
