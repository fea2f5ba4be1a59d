//! The one path every change to the collection takes (as Anki's `col.transact` does): the change
//! runs on the collection and says what it touched; exactly that is written through the store
//! (what storage refuses waits and is tried again, and the person is told); and what undo needs
//! is recorded, or let go, by the kind of change. The records kept beside the collection (the
//! interview kit's stories and rounds, the mock interview's) are written the same way (`persist`).

use super::{AppState, Notice, UNDO_DEPTH};
use crate::domain::{Collection, LogEntry, UndoEntry};
use crate::store::mock as mock_records;
use crate::store::schema::Key;
use crate::store::storage::Health;

/// What kind of change, for undo: a grade can be taken back, a deleted card's grades no longer
/// can, an import starts afresh (and is all or nothing).
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Grade,
    Undo,
    Edit,
    Delete(String),
    Suspend,
    Settings,
    Interviews,
    Import,
    OtherTab,
}

/// One write a change needs, worked out from the collection when it is made (or tried again).
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// A review and the card's schedule after it: one record.
    Review(LogEntry),
    /// A card's schedule as it is now (none: new again).
    Schedule(String),
    /// A review taken back: out of the record that holds it when it reached storage (`stored`),
    /// and the card's schedule as it is now.
    Unreview {
        card_id: String,
        at_ms: i64,
        stored: bool,
    },
    /// A card's text, with its place in the collection and when it was edited.
    Text(String),
    /// A card deleted with its schedule (a built-in one remembered as deleted).
    Deleted {
        id: String,
        built_in: bool,
    },
    Suspended,
    Settings,
    Interviews,
    /// The whole collection, all or nothing (an import, a merged backup).
    Everything,
    /// One of the interview kit's stories (by id; a deleted one as a record without text).
    Story(String),
    /// What the kit keeps for one interview (its round, by key; none kept: its record removed).
    Round(String),
    /// The mock interview under way (none: its record removed).
    Mock,
    /// The mock interview's settings: the voice, its speed, the text shown, follow-ups.
    MockSettings,
    /// The finished mock interviews.
    MockHistory,
}

/// What a change touched: the writes it needs and, for a grade, what undo needs.
#[derive(Debug, Default)]
pub struct Changes {
    pub writes: Vec<Write>,
    pub undo: Option<UndoEntry>,
}

impl Changes {
    pub fn writing(writes: Vec<Write>) -> Changes {
        Changes { writes, undo: None }
    }
}

impl AppState {
    /// Applies `change` to the collection, writes what it touched and records its undo by `op`.
    /// An import (`Write::Everything`) is all or nothing: if storage refuses it, the collection is
    /// put back as it was and the reason returned.
    pub(super) fn transact(&mut self, op: Op, change: impl FnOnce(&mut Collection) -> Changes) -> Result<(), String> {
        let before = (op == Op::Import).then(|| self.col.borrow().clone());
        let changes = change(&mut self.col.borrow_mut());
        let saved = self.write(changes.writes);
        match op {
            Op::Grade => {
                if let Some(step) = changes.undo {
                    self.undo.push((step, saved.is_ok()));
                    if self.undo.len() > UNDO_DEPTH {
                        self.undo.remove(0);
                    }
                }
            }
            Op::Delete(id) => self.undo.retain(|(u, _)| u.card_id != id),
            Op::Import => match (&saved, before) {
                (Ok(()), _) => self.undo.clear(),
                (Err(_), Some(before)) => *self.col.borrow_mut() = before,
                (Err(_), None) => {}
            },
            Op::Undo | Op::Edit | Op::Suspend | Op::Settings | Op::Interviews | Op::OtherTab => {}
        }
        saved
    }

    /// Writes the records of a change already made beside the collection (the interview kit, the
    /// mock interview), as `transact` writes: what storage refuses waits and is tried again, in
    /// order with everything else that waits.
    pub(super) fn persist(&mut self, writes: Vec<Write>) -> Result<(), String> {
        self.write(writes)
    }

    /// Writes in order and returns the first refusal. A refused write waits (while storage is
    /// saving at all) to be tried again, and the banner says so; the whole collection is not
    /// tried again (it is all or nothing, and the caller says so).
    fn write(&mut self, writes: Vec<Write>) -> Result<(), String> {
        let mut first: Result<(), String> = Ok(());
        for w in writes {
            // A record removed once its replacement is stored: after a refusal it waits its turn.
            let result = match &first {
                Err(why) if self.removes(&w) => Err(why.clone()),
                _ => self.write_one(&w),
            };
            if let Err(why) = &result {
                if w == Write::Everything {
                    return result;
                }
                if self.store.borrow().health() == Health::Saving && !self.pending.contains(&w) {
                    self.pending.push(w);
                }
                if first.is_ok() {
                    first = Err(why.clone());
                }
            }
            self.note_write(result);
        }
        first
    }

    /// Whether `w` removes a record (a round no longer kept: deleted, or moved to a new key).
    fn removes(&self, w: &Write) -> bool {
        matches!(w, Write::Round(key) if !self.kit.rounds.iter().any(|r| r.key() == *key))
    }

    fn write_one(&self, w: &Write) -> Result<(), String> {
        let col = self.col.borrow();
        let mut store = self.store.borrow_mut();
        let now = self.clock.now_ms;
        match w {
            Write::Review(e) => store.save_review(e, &col.progress_of(&e.card_id)),
            Write::Schedule(id) => store.save_progress(id, col.progress.get(id)),
            Write::Unreview { card_id, at_ms, stored } => store.save_undo(card_id, *at_ms, col.progress.get(card_id), *stored),
            Write::Text(id) => match col.cards.iter().position(|c| c.id == *id) {
                Some(order) => store.save_card(&col.cards[order], order, col.edited_at(id).unwrap_or(now)),
                None => Ok(()),
            },
            Write::Deleted { id, built_in } => store.delete_card(id, *built_in, col.edited_at(id).unwrap_or(now)),
            Write::Suspended => store.save_suspended(&col.suspended),
            Write::Settings => store.save_settings(&col.settings),
            Write::Interviews => store.save_interviews(&col.interviews),
            Write::Everything => store.replace_all(&col, &self.built_in),
            Write::Story(id) => self.kit.stories.iter().find(|s| s.id == *id).map_or(Ok(()), |s| store.save_story(s)),
            Write::Round(key) => match self.kit.rounds.iter().find(|r| r.key() == *key) {
                Some(r) => store.save_round(r),
                None => store.remove_round(key),
            },
            Write::Mock => {
                let value = self.mock.run.as_ref().map(|m| mock_records::mock_value(m, &self.mock.grades));
                store.save_mock(Key::Mock, value.as_deref())
            }
            Write::MockSettings => store.save_mock(Key::MockSettings, Some(&mock_records::settings_value(&self.mock.settings))),
            Write::MockHistory => store.save_mock(Key::Mocks, Some(&mock_records::history_value(&self.mock.history))),
        }
    }

    /// A failed write is reported once and stays reported (until dismissed): a later write that
    /// succeeds does not bring back what was lost.
    pub(super) fn note_write(&mut self, result: Result<(), String>) {
        if let Err(why) = result {
            let known =
                self.notices.iter().any(|n| matches!(n, Notice::StorageUnavailable | Notice::NewerVersion | Notice::WriteFailed(_)));
            if !known {
                self.notices.push(Notice::WriteFailed(why));
            }
        }
    }

    /// Tries again to save what storage refused, in order; when all of it is in, says so.
    pub(super) fn retry_pending(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let reviews = self.pending.iter().filter(|w| matches!(w, Write::Review(_))).count();
        while let Some(w) = self.pending.first() {
            if self.write_one(w).is_err() {
                return;
            }
            self.pending.remove(0);
        }
        self.notices.retain(|n| !matches!(n, Notice::WriteFailed(_)));
        self.notices.push(Notice::Done(match reviews {
            0 => "There is room again: what could not be saved is now stored.".to_string(),
            1 => "There is room again: 1 review that could not be saved is now stored.".to_string(),
            n => format!("There is room again: {n} reviews that could not be saved are now stored."),
        }));
    }
}
