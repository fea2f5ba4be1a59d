//! Cards: their text saved, deleted, the role track chosen.

use super::AppState;
use crate::domain::{Card, Track};

impl AppState {
    pub(super) fn set_track(&mut self, track: Track) {
        self.col_mut().settings.track = Some(track);
        let saved = self.store.borrow_mut().save_settings(&self.col().settings);
        self.note_write(saved);
    }

    pub(super) fn save_card(&mut self, card: Card) {
        // Its place in the collection (a new card goes last), as a full rewrite would write it.
        let order = {
            let col = self.col();
            col.cards.iter().position(|c| c.id == card.id).unwrap_or(col.cards.len())
        };
        let now = self.clock.now_ms;
        let saved = self.store.borrow_mut().save_card(&card, order, now);
        self.note_write(saved);
        self.col_mut().set_edited(&card.id, now);
        self.col_mut().put_card(card);
    }

    /// When a card was last edited or deleted; `None`: nothing of it is kept any more.
    pub(super) fn note_edit(&mut self, id: &str, at: Option<i64>) {
        match at {
            Some(at) => self.col_mut().set_edited(id, at),
            None => self.col_mut().edited.retain(|(e, _)| e != id),
        }
    }

    pub(super) fn delete(&mut self, id: &str) {
        let built_in = self.is_built_in(id);
        if self.col_mut().remove_card(id).is_none() {
            return;
        }
        let now = self.clock.now_ms;
        let saved = self.store.borrow_mut().delete_card(id, built_in, now);
        self.note_write(saved);
        self.note_edit(id, built_in.then_some(now));
        let suspended = self.col().suspended.clone();
        let saved = self.store.borrow_mut().save_suspended(&suspended);
        self.note_write(saved);
        self.undo.retain(|(u, _)| u.card_id != id);
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
        self.say("Card deleted", None);
    }

    pub(super) fn save_interviews(&mut self) {
        let saved = self.store.borrow_mut().save_interviews(&self.col().interviews);
        self.note_write(saved);
    }
}
