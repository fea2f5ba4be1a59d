//! Cards: their text saved, suspended, deleted; the role track, settings and interviews saved.

use super::transact::{Changes, Op, Write};
use super::{AppState, Effect, FocusOn, Restore, Screen};
use crate::domain::{interview, words, Card, Settings, Track};

impl AppState {
    /// The role track chosen (on the welcome card), saved and said.
    pub(super) fn set_track(&mut self, track: Track) {
        let _ = self.transact(Op::Settings, |col| {
            col.settings.track = Some(track);
            Changes::writing(vec![Write::Settings])
        });
        let label = self.track_info(track).map_or(String::new(), |t| t.label.clone());
        self.say(format!("Your answers: {label}"), None);
    }

    /// The interview plan's number of new cards a day taken, with Undo.
    pub(super) fn use_plan(&mut self, n: u32) {
        let settings = self.col().settings;
        let before = settings.new_per_day;
        self.set_settings(Settings { new_per_day: n, ..settings });
        let text = format!("Plan taken: {} a day", words::count(n as usize, "new card", "new cards"));
        self.say(text, Some(Restore::NewPerDay(before)));
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

    /// The editor opened on a card (none: a new one).
    pub(super) fn open_editor(&mut self, id: Option<String>) {
        self.editing = id;
        self.confirm_delete = false;
        self.form_errors.clear();
        self.screen = Screen::Edit;
    }

    /// A card suspended or back in the sessions, said with Undo.
    pub(super) fn suspend_card(&mut self, id: String, on: bool) {
        self.suspend(&id, on);
        let text = if on { "Card suspended: it stays out of your sessions" } else { "Card back in your sessions" };
        self.say(text, Some(Restore::Suspended(id, !on)));
    }

    /// "Delete card" pressed (true: "Delete for good?" is asked, and focus goes to it) or "Keep it".
    pub(super) fn ask_delete(&mut self, on: bool) {
        self.confirm_delete = on;
        if on {
            self.effects.push(Effect::Focus(FocusOn::ConfirmDelete));
        }
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

    /// A card deleted for good (once asked), and the card browser shown.
    pub(super) fn delete(&mut self, id: &str) {
        self.confirm_delete = false;
        self.screen = Screen::Cards;
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

    /// An interview deleted with its kit's round, with Undo putting both back (the list as it was,
    /// which one is active included). When the round holds notes, it is asked first (focus on
    /// "Delete"); asked, the same action deletes.
    pub(super) fn remove_interview(&mut self, i: usize) {
        let Some(iv) = self.col().interviews.get(i).cloned() else { return };
        let round = self.kit.round(&iv).cloned();
        if round.as_ref().is_some_and(|r| !r.is_empty()) && self.confirm_remove != Some(i) {
            self.confirm_remove = Some(i);
            self.effects.push(Effect::Focus(FocusOn::ConfirmDelete));
            return;
        }
        self.confirm_remove = None;
        let now = self.clock.now_ms;
        let before = self.col().interviews.clone();
        self.change_interviews(|list| interview::remove(list, i, now));
        if let Some(r) = &round {
            self.replace_round(Some(r.key()), None);
        }
        self.say("Interview deleted", Some(Restore::Interviews(before, round.map(Box::new))));
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
