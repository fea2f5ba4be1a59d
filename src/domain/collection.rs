//! The collection: the cards, each card's progress, the review log and the settings; grading and undo.

use super::card::{Card, Phase, Progress, Rating};
use super::clock::Clock;
use super::interview::Interview;
pub use super::settings::Settings;
use std::collections::HashMap;

/// One grade, as the review log keeps it.
#[derive(Debug, Clone, PartialEq)]
pub struct LogEntry {
    pub card_id: String,
    pub at_ms: i64,
    pub rating: Rating,
    /// The card's phase before this grade (New counts against the new-card limit, Review against reviews).
    pub phase_before: Phase,
    /// Time from showing the question to grading, capped at ten minutes.
    pub duration_ms: u32,
}

impl LogEntry {
    pub const MAX_DURATION_MS: u32 = 600_000;
}

/// What it takes to put back one grade.
#[derive(Debug, Clone, PartialEq)]
pub struct UndoEntry {
    /// The review's card and moment: its identity in the log, whatever is merged in meanwhile.
    pub card_id: String,
    pub at_ms: i64,
    /// The card's schedule before the grade.
    pub before: Progress,
    /// How many reviews of the card the log held before the grade.
    pub reviews_before: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Collection {
    /// Cards in deck order (new cards are introduced in this order).
    pub cards: Vec<Card>,
    index: HashMap<String, usize>,
    /// Progress of every card that was ever graded; cards missing here are new.
    pub progress: HashMap<String, Progress>,
    /// Every grade, oldest first.
    pub log: Vec<LogEntry>,
    pub settings: Settings,
    /// Upcoming interviews; the active one brings weak cards forward as its date nears.
    pub interviews: Vec<Interview>,
    /// Ids of suspended cards (kept out of every session), sorted.
    pub suspended: Vec<String>,
    /// When a card's text was last edited or the card deleted (ms), by id, in no order: what
    /// decides which text wins when another device's backup is merged. Cards never edited, or
    /// edited by a version of the app that did not keep the moment, are not listed.
    pub edited: Vec<(String, i64)>,
}

impl Collection {
    pub fn new(cards: Vec<Card>, progress: HashMap<String, Progress>, log: Vec<LogEntry>, settings: Settings) -> Self {
        let index = cards.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
        Collection {
            cards,
            index,
            progress,
            log,
            settings: settings.sanitised(),
            interviews: Vec::new(),
            suspended: Vec::new(),
            edited: Vec::new(),
        }
    }

    /// When the card's text was last edited (or the card deleted) on this device, if known.
    pub fn edited_at(&self, id: &str) -> Option<i64> {
        self.edited.iter().find(|(e, _)| e == id).map(|(_, at)| *at)
    }

    pub fn set_edited(&mut self, id: &str, at_ms: i64) {
        match self.edited.iter_mut().find(|(e, _)| e == id) {
            Some(e) => e.1 = at_ms,
            None => self.edited.push((id.to_string(), at_ms)),
        }
    }

    fn reindex(&mut self) {
        self.index = self.cards.iter().enumerate().map(|(i, c)| (c.id.clone(), i)).collect();
    }

    pub fn is_suspended(&self, id: &str) -> bool {
        self.suspended.binary_search_by(|s| s.as_str().cmp(id)).is_ok()
    }

    /// Whether a card can come up in a session: it exists, is not suspended and was not retired
    /// from the deck.
    pub fn in_sessions(&self, id: &str) -> bool {
        self.card(id).is_some_and(|c| !c.is_retired()) && !self.is_suspended(id)
    }

    pub fn set_suspended(&mut self, id: &str, on: bool) {
        match (self.suspended.binary_search_by(|s| s.as_str().cmp(id)), on) {
            (Err(at), true) => self.suspended.insert(at, id.to_string()),
            (Ok(at), false) => {
                self.suspended.remove(at);
            }
            _ => {}
        }
    }

    /// Adds a card at the end, or replaces the text of the card with its id (its schedule stays).
    pub fn put_card(&mut self, card: Card) {
        match self.index.get(&card.id) {
            Some(&i) => self.cards[i] = card,
            None => {
                self.index.insert(card.id.clone(), self.cards.len());
                self.cards.push(card);
            }
        }
    }

    /// Takes a card out with its schedule (its past grades stay in the log) and returns it.
    pub fn remove_card(&mut self, id: &str) -> Option<Card> {
        let position = *self.index.get(id)?;
        let card = self.cards.remove(position);
        self.set_suspended(id, false);
        self.progress.remove(id);
        self.reindex();
        Some(card)
    }

    /// Reviews written by another tab: each one not yet known is added, in time order, and each
    /// card that gained reviews gets the schedule its merged history gives (the other tab may have
    /// graded it without knowing of a review here). Returns how many reviews were added and the
    /// cards whose schedule changed.
    pub fn merge_log(&mut self, entries: Vec<LogEntry>) -> (usize, Vec<String>) {
        // Each card that gains reviews, with its schedule and its number of reviews before.
        let mut touched: Vec<(String, Option<Progress>, usize)> = Vec::new();
        let mut added = 0;
        for e in entries {
            let known = self.log.iter().rev().take_while(|k| k.at_ms >= e.at_ms).any(|k| k.at_ms == e.at_ms && k.card_id == e.card_id);
            if known {
                continue;
            }
            if !touched.iter().any(|(id, _, _)| *id == e.card_id) {
                touched.push((e.card_id.clone(), self.progress.get(&e.card_id).copied(), self.reviews_of(&e.card_id)));
            }
            let at = self.log.iter().rposition(|k| k.at_ms <= e.at_ms).map_or(0, |i| i + 1);
            self.log.insert(at, e);
            added += 1;
        }
        let changed = touched.into_iter().filter(|(id, state, reviews)| self.rework(id, *state, *reviews)).map(|(id, _, _)| id).collect();
        (added, changed)
    }

    fn reviews_of(&self, id: &str) -> usize {
        self.log.iter().filter(|e| e.card_id == id).count()
    }

    /// Gives a card the schedule its history in the log gives, knowing the schedule it had when
    /// the log held `reviews` of its reviews (see `merge::card_state`). Says whether it changed.
    #[inline(never)]
    fn rework(&mut self, id: &str, state: Option<Progress>, reviews: usize) -> bool {
        let history: Vec<&LogEntry> = self.log.iter().filter(|e| e.card_id == id).collect();
        let known = [super::merge::Known { state, reviews, same_settings: true }];
        let next = super::merge::card_state(&self.settings.scheduler(), &history, &known).filter(|_| self.card(id).is_some());
        let changed = next != self.progress.get(id).copied();
        match next {
            Some(p) => self.progress.insert(id.to_string(), p),
            None => self.progress.remove(id),
        };
        changed
    }

    /// Reviews another tab took back: each leaves the log (by its card and moment), and its card's
    /// schedule is worked out again from the history left.
    pub fn unlog(&mut self, gone: &[LogEntry]) {
        for g in gone {
            let Some(i) = self.log.iter().rposition(|e| e.at_ms == g.at_ms && e.card_id == g.card_id) else { continue };
            let reviews = self.reviews_of(&g.card_id);
            self.log.remove(i);
            self.rework(&g.card_id, self.progress.get(&g.card_id).copied(), reviews);
        }
    }

    /// A card's schedule as another tab saved it, taken only when it is newer (a later review) than
    /// the one here: a card's state never moves backwards.
    pub fn adopt_progress(&mut self, id: &str, p: Progress) -> bool {
        let newer = self.progress.get(id).is_none_or(|mine| p.last_review_ms > mine.last_review_ms);
        if newer && self.card(id).is_some() {
            self.progress.insert(id.to_string(), p);
        }
        newer
    }

    pub fn card(&self, id: &str) -> Option<&Card> {
        self.index.get(id).map(|&i| &self.cards[i])
    }

    pub fn progress_of(&self, id: &str) -> Progress {
        self.progress.get(id).copied().unwrap_or_default()
    }

    /// Intervals each grade would give this card now, in milliseconds.
    pub fn preview(&self, id: &str, clock: Clock) -> [i64; 4] {
        self.settings.scheduler().preview(&self.progress_of(id), clock.now_ms)
    }

    /// Grades a card: updates its progress and appends one log entry. Returns how to undo it.
    pub fn grade(&mut self, id: &str, rating: Rating, clock: Clock, duration_ms: u32) -> Option<UndoEntry> {
        self.card(id)?;
        let before = self.progress_of(id);
        let after = self.settings.scheduler().grade(&before, rating, clock.now_ms);
        let reviews_before = self.reviews_of(id);
        let undo = UndoEntry { card_id: id.to_string(), at_ms: clock.now_ms, before, reviews_before };
        self.progress.insert(id.to_string(), after);
        self.log.push(LogEntry {
            card_id: id.to_string(),
            at_ms: clock.now_ms,
            rating,
            phase_before: before.phase,
            duration_ms: duration_ms.min(LogEntry::MAX_DURATION_MS),
        });
        Some(undo)
    }

    /// Takes back a grade: exactly that review (its card and moment) leaves the log, whatever was
    /// merged in since, and the card gets the schedule its history gives without it — the one it
    /// had before the grade when nothing of the card was merged in meanwhile, else its remaining
    /// history replayed. Returns the review taken out (none if it was no longer there).
    pub fn undo(&mut self, entry: &UndoEntry) -> Option<LogEntry> {
        let at = self.log.iter().rposition(|e| e.at_ms == entry.at_ms && e.card_id == entry.card_id);
        let removed = at.map(|i| self.log.remove(i));
        let before = Some(entry.before).filter(|p| *p != Progress::default());
        self.rework(&entry.card_id, before, entry.reviews_before);
        removed
    }
}

#[cfg(test)]
mod tests;
