//! The snackbar: one short line at the bottom of the screen after every action that changes data
//! ("Card saved", "Interview added", "Settings saved", "Interview deleted" with Undo), where the
//! person is looking, announced to screen readers. An action that takes something away offers
//! Undo in it (or asks first, as deleting a card does); the app hides it after a few seconds.

use super::AppState;
use crate::domain::interview::Interview;

/// The line on show.
#[derive(Debug, Clone, PartialEq)]
pub struct Snack {
    pub text: String,
    /// What Undo puts back; none: the line has no Undo.
    pub undo: Option<Restore>,
    /// A new number for every line, so the timer that hides one never hides the next.
    pub id: u32,
}

/// What an Undo in the snackbar puts back.
#[derive(Debug, Clone, PartialEq)]
pub enum Restore {
    /// The interviews as they were before one was deleted (which one is active included), and
    /// its kit's round.
    Interviews(Vec<Interview>, Option<Box<crate::domain::kit::Round>>),
    /// A card's suspension as it was.
    Suspended(String, bool),
    /// New cards a day as they were before the interview plan's number was taken.
    NewPerDay(u32),
    /// A deleted story, and where plan sheets named it (an interview's key, the place).
    Story(crate::domain::kit::Story, Vec<(String, usize)>),
    /// A question to ask removed: the interview's key, its place, the question.
    Question(String, usize, crate::domain::kit::Question),
    /// A mock interview let go, with the grades chosen in its debrief.
    Mock(Box<(crate::domain::mock::Mock, Vec<(usize, crate::domain::Rating)>)>),
}

/// What the snackbar is asked.
#[derive(Debug, Clone, PartialEq)]
pub enum SnackAction {
    Undo,
    /// The line's time is up (its id: a newer line stays).
    Hide(u32),
}

impl AppState {
    /// Says `text` in the snackbar, in place of whatever it said.
    pub(super) fn say(&mut self, text: impl Into<String>, undo: Option<Restore>) {
        let id = self.snack.as_ref().map_or(0, |s| s.id) + 1;
        self.snack = Some(Snack { text: text.into(), undo, id });
    }

    pub(super) fn snack_action(&mut self, action: SnackAction) {
        match action {
            SnackAction::Hide(id) => {
                if self.snack.as_ref().is_some_and(|s| s.id == id) {
                    self.snack = None;
                }
            }
            SnackAction::Undo => {
                let Some(restore) = self.snack.as_mut().and_then(|s| s.undo.take()) else { return };
                let text = match restore {
                    Restore::Interviews(list, round) => {
                        self.change_interviews(|l| *l = list);
                        if let Some(round) = round {
                            self.replace_round(None, Some(*round));
                        }
                        "Interview back"
                    }
                    Restore::Suspended(id, on) => {
                        self.suspend(&id, on);
                        if on {
                            "Card suspended again"
                        } else {
                            "Card back in your sessions"
                        }
                    }
                    Restore::NewPerDay(n) => {
                        let settings = self.col().settings;
                        self.set_settings(crate::domain::Settings { new_per_day: n, ..settings });
                        "New cards a day as before"
                    }
                    Restore::Story(story, places) => {
                        self.restore_story(story, places);
                        "Story back"
                    }
                    Restore::Question(key, i, question) => {
                        self.restore_question(key, i, question);
                        "Question back"
                    }
                    Restore::Mock(mock) => {
                        let (run, grades) = *mock;
                        self.mock_restore(run, grades);
                        "Mock interview back"
                    }
                };
                self.say(text, None);
            }
        }
    }
}
