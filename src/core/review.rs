//! Drilling: the card on screen, the reveal, a grade, its undo, rehearse mode's recordings, and
//! the writes storage refused, tried again.

use super::{AppState, Effect, MediaEvent, Notice, Screen, Take, UNDO_DEPTH};
use crate::domain::insights;
use crate::domain::Rating;
use crate::store::storage::Health;

impl AppState {
    pub(super) fn next_card(&mut self) {
        let next = self.queue().next.map(|(id, _)| id);
        self.show(next);
    }

    /// Puts a card on screen with its question showing; a recording of the previous card that was
    /// not kept is let go.
    pub(super) fn show(&mut self, card: Option<String>) {
        if card != self.current || self.revealed {
            let old = std::mem::take(&mut self.rehearsal);
            if old.recording {
                self.effects.push(Effect::StopRecording);
            }
            if let Some(take) = old.take {
                if !self.kept.iter().any(|(_, k)| k.url == take.url) {
                    self.effects.push(Effect::ForgetRecording(take.url));
                }
            }
        }
        self.current = card;
        self.revealed = false;
        self.shown_at_ms = self.clock.now_ms;
    }

    /// The countdown of rehearse mode, in seconds.
    pub fn answer_limit(&self) -> u32 {
        self.col().settings.answer_seconds
    }

    pub(super) fn reveal(&mut self) {
        let Some(id) = self.current.clone().filter(|_| !self.revealed) else { return };
        self.revealed = true;
        if !self.rehearse {
            return;
        }
        if self.rehearsal.recording {
            self.effects.push(Effect::StopRecording);
        }
        let answer = self.draft().get(super::ANSWER_FIELD).to_string();
        let seconds = ((self.clock.now_ms - self.shown_at_ms).max(0) / 1000) as u32;
        let limit = self.answer_limit();
        let insights = self.col().card(&id).map(|card| insights::analyse(&self.with_my_story(self.shown_card(card)), &answer, seconds as usize, limit as usize));
        let r = &mut self.rehearsal;
        r.ticks = insights.as_ref().map(|i| i.key_points.iter().map(|k| k.hit).collect()).unwrap_or_default();
        r.insights = insights;
        r.answer = answer;
        r.seconds = seconds;
    }

    pub(super) fn media(&mut self, event: MediaEvent) {
        let r = &mut self.rehearsal;
        match event {
            MediaEvent::Started => r.recording = true,
            MediaEvent::Stopped => r.recording = false,
            MediaEvent::Error(why) => {
                r.recording = false;
                r.error = Some(why);
            }
            MediaEvent::Take { url, bytes, ms } => {
                if r.recording_turn != Some(self.turn) {
                    // The card it belongs to has been graded meanwhile.
                    self.effects.push(Effect::ForgetRecording(url));
                    return;
                }
                if let Some(old) = r.take.replace(Take { url, bytes, ms }) {
                    if !self.kept.iter().any(|(_, k)| k.url == old.url) {
                        self.effects.push(Effect::ForgetRecording(old.url));
                    }
                }
            }
        }
    }

    pub(super) fn keep(&mut self) {
        let (Some(id), Some(take)) = (self.current.clone(), self.rehearsal.take.clone()) else { return };
        if let Some(i) = self.kept.iter().position(|(card, _)| *card == id) {
            let (_, old) = self.kept.remove(i);
            if old.url != take.url {
                self.effects.push(Effect::ForgetRecording(old.url));
            }
        }
        self.kept.push((id, take));
    }

    /// The recording kept for a card, if any.
    pub fn kept_for(&self, id: &str) -> Option<&Take> {
        self.kept.iter().find(|(card, _)| card == id).map(|(_, t)| t)
    }

    /// A failed write is reported once and stays reported (until dismissed): a later write that
    /// succeeds does not bring back what was lost.
    pub(super) fn note_write(&mut self, result: Result<(), String>) {
        if let Err(why) = result {
            let known = self.notices.iter().any(|n| matches!(n, Notice::StorageUnavailable | Notice::NewerVersion | Notice::WriteFailed(_)));
            if !known {
                self.notices.push(Notice::WriteFailed(why));
            }
        }
    }

    /// Tries again to save what storage refused; when all of it is in, says so.
    pub(super) fn retry_pending(&mut self) {
        if self.pending_log.is_empty() && self.pending_cards.is_empty() {
            return;
        }
        let waiting = self.pending_log.len();
        {
            let mut store = self.store.borrow_mut();
            while let Some(e) = self.pending_log.first() {
                let p = self.col.borrow().progress_of(&e.card_id);
                if store.save_review(e, &p).is_err() {
                    return;
                }
                self.pending_log.remove(0);
            }
            while let Some(id) = self.pending_cards.first() {
                let p = self.col.borrow().progress.get(id).copied();
                if store.save_progress(id, p.as_ref()).is_err() {
                    return;
                }
                self.pending_cards.remove(0);
            }
        }
        self.notices.retain(|n| !matches!(n, Notice::WriteFailed(_)));
        self.notices.push(Notice::Done(format!(
            "There is room again: {waiting} review{} that could not be saved {} now stored.",
            if waiting == 1 { "" } else { "s" },
            if waiting == 1 { "is" } else { "are" }
        )));
    }

    pub(super) fn grade(&mut self, rating: Rating) {
        let Some(id) = self.current.clone().filter(|_| self.revealed) else { return };
        let duration = (self.clock.now_ms - self.shown_at_ms).clamp(0, u32::MAX as i64) as u32;
        let Some(undo) = self.col_mut().grade(&id, rating, self.clock, duration) else { return };
        let progress = self.col().progress_of(&id);
        let Some(entry) = self.col().log.last().cloned() else { return };
        // One write: the review and the card's schedule are one record.
        let saved = self.store.borrow_mut().save_review(&entry, &progress);
        if saved.is_err() && self.store.borrow().health() == Health::Saving {
            self.pending_log.push(entry);
        }
        self.undo.push((undo, saved.is_ok()));
        self.note_write(saved);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.turn += 1;
        self.graded += 1;
        self.next_card();
    }

    pub(super) fn undo(&mut self) {
        let Some((entry, log_saved)) = self.undo.pop() else { return };
        let same = |e: &crate::domain::LogEntry| e.card_id == entry.card_id && e.at_ms == entry.at_ms;
        // A review storage refused first may have been stored since, on a later tick.
        let waiting = self.pending_log.iter().any(same);
        let stored = log_saved || (!waiting && self.store.borrow().health() == Health::Saving);
        self.col_mut().undo(&entry);
        // It no longer waits to be stored.
        self.pending_log.retain(|e| !same(e));
        let state = self.col().progress.get(&entry.card_id).copied();
        let saved = self.store.borrow_mut().save_undo(&entry.card_id, entry.at_ms, state.as_ref(), stored);
        if saved.is_err() && self.store.borrow().health() == Health::Saving && !self.pending_cards.contains(&entry.card_id) {
            self.pending_cards.push(entry.card_id.clone());
        }
        self.note_write(saved);
        self.screen = Screen::Review;
        self.show(Some(entry.card_id));
        self.turn += 1;
    }
}
