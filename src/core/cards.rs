//! Cards: their text saved, suspended, deleted; the role track, settings and interviews saved.

use super::transact::{Changes, Op, Write};
use super::AppState;
use crate::domain::{Card, Settings, Track};

impl AppState {
    pub(super) fn set_track(&mut self, track: Track) {
        let _ = self.transact(Op::Settings, |col| {
            col.settings.track = Some(track);
            Changes::writing(vec![Write::Settings])
        });
    }

    /// New settings (brought within their limits), saved.
    pub(super) fn set_settings(&mut self, settings: Settings) {
        let _ = self.transact(Op::Settings, |col| {
            col.settings = settings.sanitised();
            Changes::writing(vec![Write::Settings])
        });
    }

    /// A card's text, edited now (a new card goes last).
    pub(super) fn save_card(&mut self, card: Card) {
        let (id, now) = (card.id.clone(), self.clock.now_ms);
        let _ = self.transact(Op::Edit, |col| {
            col.set_edited(&id, now);
            col.put_card(card);
            Changes::writing(vec![Write::Text(id)])
        });
    }

    pub(super) fn suspend(&mut self, id: &str, on: bool) {
        let _ = self.transact(Op::Suspend, |col| {
            col.set_suspended(id, on);
            Changes::writing(vec![Write::Suspended])
        });
        if on && self.current.as_deref() == Some(id) {
            self.current = None;
        }
    }

    pub(super) fn delete(&mut self, id: &str) {
        let built_in = self.is_built_in(id);
        let now = self.clock.now_ms;
        let mut deleted = false;
        let _ = self.transact(Op::Delete(id.to_string()), |col| {
            if col.remove_card(id).is_none() {
                return Changes::default();
            }
            deleted = true;
            // A deleted built-in card is remembered with its moment; one's own is gone.
            note_edit(col, id, built_in.then_some(now));
            Changes::writing(vec![Write::Deleted { id: id.to_string(), built_in }, Write::Suspended])
        });
        if !deleted {
            return;
        }
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
        self.say("Card deleted", None);
    }

    /// The interviews changed by `change`, saved.
    pub(super) fn change_interviews(&mut self, change: impl FnOnce(&mut Vec<crate::domain::interview::Interview>)) {
        let _ = self.transact(Op::Interviews, |col| {
            change(&mut col.interviews);
            Changes::writing(vec![Write::Interviews])
        });
    }
}

/// When a card was last edited or deleted; `None`: nothing of it is kept any more.
pub(super) fn note_edit(col: &mut crate::domain::Collection, id: &str, at: Option<i64>) {
    match at {
        Some(at) => col.set_edited(id, at),
        None => col.edited.retain(|(e, _)| e != id),
    }
}
