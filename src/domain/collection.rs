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
mod tests {
    use super::*;
    use crate::domain::deck;

    pub(crate) fn sample() -> Collection {
        Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default())
    }

    #[test]
    fn another_tabs_reviews_are_merged_and_states_never_move_back() {
        let mut a = sample();
        let mut b = sample();
        let id = a.cards[0].id.clone();
        let other = a.cards[1].id.clone();
        let t = 1_795_600_000_000;
        a.grade(&id, Rating::Good, Clock::new(t, 0), 1000).unwrap();
        b.grade(&other, Rating::Again, Clock::new(t + 5, 0), 1000).unwrap();
        a.grade(&id, Rating::Good, Clock::new(t + 10, 0), 1000).unwrap();
        assert_eq!(a.merge_log(b.log.clone()), (1, vec![other.clone()]));
        assert_eq!(a.merge_log(b.log.clone()), (0, vec![]), "known reviews are not added twice");
        assert_eq!(a.log.iter().map(|e| e.at_ms - t).collect::<Vec<_>>(), vec![0, 5, 10]);
        assert_eq!(a.progress_of(&other), b.progress_of(&other), "its history replayed: the other tab's schedule");
        assert!(!a.adopt_progress(&other, b.progress_of(&other)), "the same, not newer");
        let older = Progress { last_review_ms: Some(t - 1), ..a.progress_of(&id) };
        assert!(!a.adopt_progress(&id, older), "an older state is not taken");
        assert_eq!(a.progress_of(&id).last_review_ms, Some(t + 10));
    }

    #[test]
    fn cards_are_edited_suspended_and_removed() {
        let mut col = sample();
        let first = col.cards[0].clone();
        col.grade(&first.id, Rating::Good, Clock::new(1_795_600_000_000, 0), 1000).unwrap();
        let mut edited = first.clone();
        edited.answer = "Mine.".into();
        col.put_card(edited);
        assert_eq!(col.card(&first.id).unwrap().answer, "Mine.");
        assert!(!col.progress_of(&first.id).is_new(), "an edit keeps the schedule");
        col.set_suspended(&first.id, true);
        col.set_suspended(&first.id, true);
        assert_eq!(col.suspended, vec![first.id.clone()]);
        let n = col.cards.len();
        let removed = col.remove_card(&first.id).unwrap();
        assert_eq!(removed.answer, "Mine.");
        assert_eq!((col.cards.len(), col.card(&first.id).is_none(), col.is_suspended(&first.id)), (n - 1, true, false));
        assert!(col.progress_of(&first.id).is_new(), "its schedule goes with it");
        assert_eq!(col.log.len(), 1, "its grades stay in the history");
        assert_eq!(col.card(&col.cards[0].id.clone()).unwrap().id, col.cards[0].id, "the index follows");
        let own = Card { id: "own-1".into(), ..first.clone() };
        col.put_card(own);
        assert_eq!(col.cards.last().unwrap().id, "own-1");
        assert!(col.card("own-1").is_some());
    }

    #[test]
    fn grading_writes_one_log_entry_and_undo_restores_everything() {
        let mut col = sample();
        let clock = Clock::new(1_795_564_800_000, 0);
        let id = col.cards[0].id.clone();
        let u1 = col.grade(&id, Rating::Good, clock, 3000).unwrap();
        let after_first = col.progress_of(&id);
        let u2 = col.grade(&id, Rating::Again, clock.later(60_000), 999_999).unwrap();
        assert_eq!(col.log.len(), 2);
        assert_eq!(col.log[1].duration_ms, LogEntry::MAX_DURATION_MS);
        col.undo(&u2);
        assert_eq!(col.progress_of(&id), after_first);
        assert_eq!(col.log.len(), 1);
        col.undo(&u1);
        assert!(!col.progress.contains_key(&id));
        assert!(col.log.is_empty());
    }

    #[test]
    fn undo_takes_out_exactly_its_review_whatever_was_merged_in_meanwhile() {
        let t = 1_795_600_000_000;
        let mut a = sample();
        let mut b = sample();
        let (x, y) = (a.cards[0].id.clone(), a.cards[1].id.clone());
        a.grade(&x, Rating::Good, Clock::new(t, 0), 1000).unwrap();
        let before_x = a.progress_of(&x);
        let u = a.grade(&x, Rating::Again, Clock::new(t + 600_000, 0), 1000).unwrap();
        // Another tab's review of another card, made before A's and after it, merged in since.
        b.grade(&y, Rating::Hard, Clock::new(t + 300_000, 0), 1000).unwrap();
        b.grade(&y, Rating::Good, Clock::new(t + 900_000, 0), 1000).unwrap();
        assert_eq!(a.merge_log(b.log.clone()).0, 2);
        a.adopt_progress(&y, b.progress_of(&y));
        let removed = a.undo(&u).unwrap();
        assert_eq!((removed.card_id.as_str(), removed.at_ms, removed.rating), (x.as_str(), t + 600_000, Rating::Again));
        let left: Vec<(String, i64)> = a.log.iter().map(|e| (e.card_id.clone(), e.at_ms - t)).collect();
        assert_eq!(left, vec![(x.clone(), 0), (y.clone(), 300_000), (y.clone(), 900_000)], "the other tab's reviews stay");
        assert_eq!(a.progress_of(&x), before_x, "the card's schedule before the grade");
        assert_eq!(a.progress_of(&y), b.progress_of(&y), "the other card untouched");
        assert_eq!(a.undo(&u), None, "undone once: nothing else is taken");
        assert_eq!(a.log.len(), 3);
    }

    #[test]
    fn undo_replays_the_card_when_another_tab_reviewed_it_meanwhile() {
        let t = 1_795_600_000_000;
        let s = Settings::default().scheduler();
        for other_at in [t - 5_000, t + 5_000] {
            let mut a = sample();
            let mut b = sample();
            let x = a.cards[0].id.clone();
            b.grade(&x, Rating::Easy, Clock::new(t - 86_400_000, 0), 1000).unwrap();
            a.merge_log(b.log.clone());
            a.adopt_progress(&x, b.progress_of(&x));
            let u = a.grade(&x, Rating::Again, Clock::new(t, 0), 1000).unwrap();
            // The other tab, not having heard of A's grade, reviews the same card.
            b.grade(&x, Rating::Good, Clock::new(other_at, 0), 1000).unwrap();
            a.merge_log(b.log.clone());
            a.undo(&u).unwrap();
            assert_eq!(a.log, b.log, "exactly A's review gone");
            assert_eq!(a.progress_of(&x), b.progress_of(&x), "the card's remaining history replayed");
            let history: Vec<&LogEntry> = a.log.iter().collect();
            assert_eq!(super::super::merge::card_state(&s, &history, &[]), Some(a.progress_of(&x)));
        }
    }

    #[test]
    fn two_tabs_grading_the_same_card_unaware_of_each_other_agree_on_its_replayed_history() {
        let t = 1_795_600_000_000;
        let (mut a, mut b) = (sample(), sample());
        let x = a.cards[0].id.clone();
        a.grade(&x, Rating::Good, Clock::new(t, 0), 1000).unwrap();
        b.grade(&x, Rating::Again, Clock::new(t + 60_000, 0), 1000).unwrap();
        let (from_a, from_b) = (a.log.clone(), b.log.clone());
        assert_eq!(a.merge_log(from_b), (1, vec![x.clone()]));
        assert_eq!(b.merge_log(from_a), (1, vec![x.clone()]));
        assert_eq!(a.progress_of(&x), b.progress_of(&x));
        let s = a.settings.scheduler();
        let both = s.grade(&s.grade(&Progress::default(), Rating::Good, t), Rating::Again, t + 60_000);
        assert_eq!(a.progress_of(&x), both, "both reviews, in time order");
    }

    #[test]
    fn reviews_another_tab_took_back_leave_and_the_card_is_worked_out_again() {
        let t = 1_795_600_000_000;
        let (mut a, mut b) = (sample(), sample());
        let x = a.cards[0].id.clone();
        b.grade(&x, Rating::Good, Clock::new(t, 0), 1000).unwrap();
        let first = b.progress_of(&x);
        let u = b.grade(&x, Rating::Easy, Clock::new(t + 600_000, 0), 1000).unwrap();
        a.merge_log(b.log.clone());
        let gone = b.undo(&u).unwrap();
        a.unlog(std::slice::from_ref(&gone));
        assert_eq!((a.log.clone(), a.progress_of(&x)), (b.log.clone(), first));
        a.unlog(&[gone]);
        assert_eq!(a.log.len(), 1, "twice is once");
    }

    #[test]
    fn unknown_cards_are_not_graded() {
        let mut col = sample();
        assert!(col.grade("no-such-card", Rating::Good, Clock::new(0, 0), 0).is_none());
        assert!(col.log.is_empty());
    }

    #[test]
    fn settings_are_kept_in_range() {
        let s = Settings {
            desired_retention: 1.5,
            new_per_day: 5,
            max_reviews_per_day: 10,
            max_interval_days: 0,
            readiness_target: 2.0,
            answer_seconds: 5,
            ..Settings::default()
        }
        .sanitised();
        assert_eq!(s.answer_seconds, 15);
        assert_eq!(s.readiness_target, 0.99);
        assert_eq!((s.desired_retention, s.max_interval_days), (0.97, 1));
        assert_eq!(Settings { desired_retention: f32::NAN, ..Settings::default() }.sanitised().desired_retention, 0.9);
    }
}
