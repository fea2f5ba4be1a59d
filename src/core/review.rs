//! Drilling: the card on screen, the reveal, a grade, its undo, rehearse mode's recordings, and
//! the writes storage refused, tried again.

use super::transact::{Changes, Op, Write};
use super::{AppState, Effect, FocusOn, MediaEvent, Screen, Take};
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
        self.effects.push(Effect::Focus(FocusOn::Answer));
        if !self.rehearse {
            return;
        }
        if self.rehearsal.recording {
            self.effects.push(Effect::StopRecording);
        }
        let answer = self.draft().get(super::ANSWER_FIELD).to_string();
        let seconds = ((self.clock.now_ms - self.shown_at_ms).max(0) / 1000) as u32;
        let limit = self.answer_limit();
        let insights = self
            .col()
            .card(&id)
            .map(|card| insights::analyse(&self.with_my_story(self.shown_card(card)), &answer, seconds as usize, limit as usize));
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

    /// Starts the recorder for the question on screen (before the reveal only).
    pub(super) fn record(&mut self) {
        if !self.rehearsal.recording && !self.revealed {
            self.rehearsal.error = None;
            self.rehearsal.recording = true;
            self.rehearsal.recording_turn = Some(self.turn);
            let speech = self.col().settings.speech;
            self.effects.push(Effect::StartRecording { speech });
        }
    }

    pub(super) fn grade(&mut self, rating: Rating) {
        let Some(id) = self.current.clone().filter(|_| self.revealed) else { return };
        let duration = (self.clock.now_ms - self.shown_at_ms).clamp(0, u32::MAX as i64) as u32;
        let clock = self.clock;
        let mut graded = false;
        let _ = self.transact(Op::Grade, |col| {
            let Some(undo) = col.grade(&id, rating, clock, duration) else { return Changes::default() };
            graded = true;
            // One write: the review and the card's schedule are one record.
            let writes = col.log.last().cloned().map(Write::Review).into_iter().collect();
            Changes { writes, undo: Some(undo) }
        });
        if graded {
            self.turn += 1;
            self.graded += 1;
            self.next_card();
        }
    }

    pub(super) fn undo(&mut self) {
        let Some((entry, log_saved)) = self.undo.pop() else { return };
        let same = |w: &Write| matches!(w, Write::Review(e) if e.card_id == entry.card_id && e.at_ms == entry.at_ms);
        // A review storage refused first may have been stored since, on a later tick.
        let waiting = self.pending.iter().any(same);
        let stored = log_saved || (!waiting && self.store.borrow().health() == Health::Saving);
        // It no longer waits to be stored.
        self.pending.retain(|w| !same(w));
        let unreview = Write::Unreview { card_id: entry.card_id.clone(), at_ms: entry.at_ms, stored };
        let _ = self.transact(Op::Undo, |col| {
            col.undo(&entry);
            Changes::writing(vec![unreview])
        });
        self.screen = Screen::Review;
        self.show(Some(entry.card_id));
        self.turn += 1;
    }
}
