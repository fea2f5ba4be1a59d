//! Reviews from elsewhere — another tab, another device's backup — brought into this collection.
//!
//! A review is an immutable event, known by its card and its moment; the log is the union of every
//! review known anywhere (the same review is never there twice); a card's schedule is what its
//! merged history gives when replayed through the scheduler in time order. A card whose history
//! the merge leaves as it is keeps its schedule as it is. Card texts and deletions: the newer edit
//! wins.

use super::card::{Card, Progress};
use super::collection::{Collection, LogEntry};
use super::schedule::Scheduler;
use std::collections::HashMap;

/// A review's identity: its card and its moment.
fn review_key(e: &LogEntry) -> String {
    format!("{}\t{}", e.card_id, e.at_ms)
}

/// A schedule on hand for a card, and how many of the card's reviews the log it came with held.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Known {
    /// `None`: the card was new there.
    pub state: Option<Progress>,
    pub reviews: usize,
    /// Whether the schedule was worked out with the scheduling settings in use (retention, maximum
    /// interval); one from another device's other settings is not kept as it is, but replayed.
    /// (This device's own schedules always count as worked out here: taking the other device's
    /// settings, like changing them in Settings, does not redo them.)
    pub same_settings: bool,
}

/// A card's schedule from its history (its reviews in time order).
///
/// A schedule on hand whose log held exactly this history (and which was worked out with the same
/// settings) is kept as it is: nothing new happened to the card. Otherwise the history is replayed through the scheduler from a new card. Where a
/// schedule counts more reviews than its log held (part of that history was lost, e.g. a log block
/// that could not be read), the replay starts from that schedule — the latest such — and applies
/// the reviews after it.
pub fn card_state(scheduler: &Scheduler, history: &[&LogEntry], known: &[Known]) -> Option<Progress> {
    // Nothing new happened to the card: its schedule stays (one that knows of reviews rather than
    // none, should a side have lost it).
    let unchanged = |k: &&Known| k.reviews == history.len() && k.same_settings;
    if let Some(k) = known.iter().filter(unchanged).find(|k| k.state.is_some()).or_else(|| known.iter().find(unchanged)) {
        return k.state;
    }
    let mut base: Option<Progress> = None;
    for k in known {
        if let Some(s) = k.state.filter(|s| s.reps as usize > k.reviews && base.is_none_or(|b| s.last_review_ms > b.last_review_ms)) {
            base = Some(s);
        }
    }
    let from = base.and_then(|b| b.last_review_ms).unwrap_or(i64::MIN);
    let mut state = base;
    for e in history {
        if e.at_ms > from {
            state = Some(scheduler.grade(&state.unwrap_or_default(), e.rating, e.at_ms));
        }
    }
    state
}

/// The union of two review logs in time order, and how many reviews of `theirs` were added.
/// Both logs are in time order; at the same moment, mine come first.
pub fn union(mine: &[LogEntry], theirs: &[LogEntry]) -> (Vec<LogEntry>, usize) {
    let mut seen: HashMap<String, usize> = mine.iter().map(|e| (review_key(e), 0)).collect();
    let mut extra: Vec<&LogEntry> = theirs.iter().filter(|e| seen.insert(review_key(e), 0).is_none()).collect();
    super::sort_by_key(&mut extra, |e| e.at_ms);
    let added = extra.len();
    let mut out = Vec::with_capacity(mine.len() + added);
    let (mut i, mut j) = (0, 0);
    while i < mine.len() || j < extra.len() {
        if j == extra.len() || (i < mine.len() && mine[i].at_ms <= extra[j].at_ms) {
            out.push(mine[i].clone());
            i += 1;
        } else {
            out.push(extra[j].clone());
            j += 1;
        }
    }
    // Linear on a log already in order; puts right one written while the device clock went back.
    super::sort_by_key(&mut out, |e| e.at_ms);
    (out, added)
}

/// Each card's reviews in a log, in log order: the card's index in `ids`, and the lists.
struct Histories<'a> {
    index: HashMap<String, usize>,
    lists: Vec<Vec<&'a LogEntry>>,
}

impl<'a> Histories<'a> {
    fn of(log: &'a [LogEntry]) -> Histories<'a> {
        let mut h = Histories { index: HashMap::new(), lists: Vec::new() };
        for e in log {
            let n = h.lists.len();
            let i = *h.index.entry(e.card_id.clone()).or_insert(n);
            if i == n {
                h.lists.push(Vec::new());
            }
            h.lists[i].push(e);
        }
        h
    }

    fn get(&self, id: &str) -> &[&'a LogEntry] {
        self.index.get(id).map_or(&[], |&i| &self.lists[i])
    }
}

/// What to take from the other side besides cards and reviews.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Choices {
    pub settings: bool,
    pub interviews: bool,
}

/// What a merge did (or, on a copy, would do).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Outcome {
    /// Reviews of the other side this one lacked.
    pub reviews_added: usize,
    /// Cards already here whose schedule changes.
    pub schedules_changed: usize,
    pub cards_added: usize,
    /// Cards already here whose text the other side edited more recently.
    pub cards_updated: usize,
    /// Cards deleted on the other side more recently than edited here.
    pub cards_deleted: usize,
    pub settings_changed: bool,
    pub interviews_added: usize,
    pub suspended_added: usize,
}

impl Outcome {
    pub fn changes_nothing(&self) -> bool {
        *self == Outcome::default()
    }
}

/// How recent a card's text is on one side: the deck's own text (no edit known) is oldest; then
/// edits and deletions by their moment (0 for one stored by a version of the app that did not
/// keep the moment).
fn stamp(edited: Option<i64>) -> (bool, i64) {
    edited.map_or((false, 0), |t| (true, t))
}

/// A side's edit moments by card id (an index into its list: the list is kept in no order).
fn edit_times(col: &Collection) -> impl Fn(&str) -> Option<i64> + '_ {
    let index: HashMap<String, usize> = col.edited.iter().enumerate().map(|(i, (id, _))| (id.clone(), i)).collect();
    move |id| index.get(id).map(|&i| col.edited[i].1)
}

/// Merges another collection (another device's backup) into `mine`: the union of both review
/// logs, each card's schedule from its merged history, the newer text (or deletion) of each card,
/// the other side's cards this one lacks, suspensions of both, and its settings and interviews
/// where chosen. A built-in card either side lacks was deleted there; `theirs` must hold every
/// built-in card it has not deleted (see `transfer::backup_collection`). Pure: nothing but `mine`
/// changes.
pub fn merge(mine: &mut Collection, theirs: &Collection, built_in: &[Card], choices: Choices) -> Outcome {
    let mut out = Outcome::default();
    let mut settings = mine.settings;
    if choices.settings && theirs.settings != mine.settings {
        settings = theirs.settings;
        out.settings_changed = true;
    }
    let scheduler = settings.scheduler();
    let same = |s: &super::collection::Settings| s.desired_retention == settings.desired_retention && s.max_interval_days == settings.max_interval_days;

    // Texts: for each card either side knows, the newer version (a deletion is a version).
    let deck: HashMap<String, usize> = built_in.iter().enumerate().map(|(i, b)| (b.id.clone(), i)).collect();
    let mut cards: Vec<Card> = Vec::new();
    let mut edited: Vec<(String, i64)> = Vec::new();
    let mut done: HashMap<String, usize> = HashMap::new();
    let (mine_at, theirs_at) = (edit_times(mine), edit_times(theirs));
    let ids = built_in.iter().chain(&mine.cards).chain(&theirs.cards).map(|c| c.id.as_str());
    for id in ids {
        if done.insert(id.to_string(), 0).is_some() {
            continue;
        }
        let (m, t) = (mine.card(id), theirs.card(id));
        // A card of one's own missing on one side was never there (only built-in cards are
        // remembered as deleted).
        let theirs_wins = match (deck.contains_key(id), m, t) {
            (false, None, _) => true,
            (false, _, None) => false,
            _ => stamp(theirs_at(id)) > stamp(mine_at(id)),
        };
        let (winner, at) = if theirs_wins { (t, theirs_at(id)) } else { (m, mine_at(id)) };
        if let Some(at) = at {
            edited.push((id.to_string(), at));
        }
        match (winner, m) {
            (Some(w), None) => {
                out.cards_added += 1;
                cards.push(w.clone());
            }
            (Some(w), Some(m)) => {
                out.cards_updated += (w != m) as usize;
                cards.push(w.clone());
            }
            (None, Some(_)) => out.cards_deleted += 1,
            (None, None) => {}
        }
    }
    drop((mine_at, theirs_at));

    // Reviews and schedules.
    let (log, added) = union(&mine.log, &theirs.log);
    out.reviews_added = added;
    let mut progress = HashMap::new();
    {
        let (all, here, there) = (Histories::of(&log), Histories::of(&mine.log), Histories::of(&theirs.log));
        for c in &cards {
            let known = [
                Known { state: mine.progress.get(&c.id).copied(), reviews: here.get(&c.id).len(), same_settings: true },
                Known { state: theirs.progress.get(&c.id).copied(), reviews: there.get(&c.id).len(), same_settings: same(&theirs.settings) },
            ];
            let state = card_state(&scheduler, all.get(&c.id), &known);
            if mine.card(&c.id).is_some() && state != known[0].state {
                out.schedules_changed += 1;
            }
            if let Some(p) = state {
                progress.insert(c.id.clone(), p);
            }
        }
    }

    let mut interviews = mine.interviews.clone();
    if choices.interviews {
        out.interviews_added = add_interviews(&mut interviews, &theirs.interviews);
    }

    let mut merged = Collection::new(cards, progress, log, settings);
    merged.interviews = interviews;
    merged.edited = edited;
    for id in mine.suspended.iter().chain(&theirs.suspended) {
        if merged.card(id).is_some() && !merged.is_suspended(id) {
            merged.set_suspended(id, true);
            out.suspended_added += mine.suspended.iter().all(|m| m != id) as usize;
        }
    }
    *mine = merged;
    out
}

/// Adds the interviews `list` lacks (the same moment, company and role), in date order; the one
/// prepared for stays. Into an empty list they come as they are. Returns how many were added.
fn add_interviews(list: &mut Vec<super::interview::Interview>, theirs: &[super::interview::Interview]) -> usize {
    if list.is_empty() {
        *list = theirs.to_vec();
        return list.len();
    }
    let mut added = 0;
    for iv in theirs {
        if !list.iter().any(|m| m.at_ms == iv.at_ms && m.company == iv.company && m.role == iv.role) {
            let at = list.partition_point(|m| m.at_ms <= iv.at_ms);
            list.insert(at, super::interview::Interview { active: false, ..iv.clone() });
            added += 1;
        }
    }
    added
}

impl Choices {
    /// What is offered ticked: the other side's settings and interviews where this device has
    /// none of its own (its settings are the defaults; it has no interviews).
    pub fn for_device(mine: &Collection) -> Choices {
        Choices { settings: mine.settings == super::collection::Settings::default(), interviews: mine.interviews.is_empty() }
    }
}

/// What the other side offers besides its reviews and cards: whether its settings differ from
/// these, and how many of its interviews these lack.
pub fn offers(mine: &Collection, theirs: &Collection) -> (bool, usize) {
    (theirs.settings != mine.settings, add_interviews(&mut mine.interviews.clone(), &theirs.interviews))
}

impl Outcome {
    /// What the merge does, in sentences ("12 reviews from the other device will be added; 5
    /// cards' schedules change."); none when it changes nothing.
    pub fn sentences(&self) -> Vec<String> {
        let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
        let mut out = Vec::new();
        if self.reviews_added + self.schedules_changed > 0 {
            out.push(format!(
                "{} from the other device will be added; {} {}.",
                n(self.reviews_added, "review", "reviews"),
                n(self.schedules_changed, "card's schedule", "cards' schedules"),
                if self.schedules_changed == 1 { "changes" } else { "change" }
            ));
        }
        if self.cards_added > 0 {
            out.push(format!("{} will be added.", n(self.cards_added, "card", "cards")));
        }
        if self.cards_updated > 0 {
            out.push(format!("{} text will be updated: edited there more recently than here.", n(self.cards_updated, "card's", "cards'")));
        }
        if self.cards_deleted > 0 {
            out.push(format!("{} will be deleted: deleted there after the last edit here.", n(self.cards_deleted, "card", "cards")));
        }
        if self.suspended_added > 0 {
            out.push(format!("{} suspended there will be suspended here.", n(self.suspended_added, "card", "cards")));
        }
        if self.settings_changed {
            out.push("This device will take the backup's settings.".into());
        }
        if self.interviews_added > 0 {
            out.push(format!("{} will be added.", n(self.interviews_added, "interview", "interviews")));
        }
        out
    }
}

impl Outcome {
    /// What a merge did, in short: "5 reviews added, 4 schedules changed, 1 card added".
    pub fn summary(&self) -> String {
        let parts: Vec<String> = [
            (self.reviews_added, "review", "added"),
            (self.schedules_changed, "schedule", "changed"),
            (self.cards_added, "card", "added"),
            (self.cards_updated, "card's text", "updated"),
            (self.cards_deleted, "card", "deleted"),
            (self.suspended_added, "card", "suspended"),
            (self.interviews_added, "interview", "added"),
            (self.settings_changed as usize, "settings", "taken"),
        ]
        .iter()
        .filter(|(n, _, _)| *n > 0)
        .map(|(n, what, done)| match (*n, *what) {
            (_, "settings") => "its settings taken".to_string(),
            (1, what) => format!("1 {what} {done}"),
            (n, "card's text") => format!("{n} cards' texts {done}"),
            (n, what) => format!("{n} {what}s {done}"),
        })
        .collect();
        if parts.is_empty() {
            "nothing changed.".into()
        } else {
            format!("{}.", parts.join(", "))
        }
    }
}

/// What merging `theirs` would do, leaving `mine` as it is.
pub fn preview(mine: &Collection, theirs: &Collection, built_in: &[Card], choices: Choices) -> Outcome {
    merge(&mut mine.clone(), theirs, built_in, choices)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::card::{Phase, Rating, Theme};
    use crate::domain::clock::{Clock, DAY_MS, MINUTE_MS};
    use crate::domain::collection::Settings;
    use crate::domain::deck;
    use crate::domain::interview::Interview;

    const T: i64 = 1_795_600_000_000;

    fn fresh() -> Collection {
        Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default())
    }

    fn grade(col: &mut Collection, card: usize, rating: Rating, at: i64) {
        let id = col.cards[card].id.clone();
        col.grade(&id, rating, Clock::new(at, 60), 4_000).unwrap();
    }

    /// Every card's schedule replayed from its reviews in `col`'s log, from a new card.
    fn replayed(col: &Collection) -> HashMap<String, Progress> {
        let all = Histories::of(&col.log);
        let s = col.settings.scheduler();
        col.cards.iter().filter_map(|c| card_state(&s, all.get(&c.id), &[]).map(|p| (c.id.clone(), p))).collect()
    }

    fn set(log: &[LogEntry]) -> Vec<String> {
        let mut keys: Vec<String> = log.iter().map(|e| format!("{:020}\t{}", e.at_ms, e.card_id)).collect();
        keys.sort();
        keys
    }

    /// Two devices that shared a start (one restored the other's backup), then studied apart on
    /// different days, some cards on both.
    fn two_devices() -> (Collection, Collection) {
        let mut a = fresh();
        for c in 0..4 {
            grade(&mut a, c, Rating::Good, T + c as i64 * MINUTE_MS);
        }
        let mut b = a.clone();
        // Device A on days 1 and 3, device B on days 2 and 4; cards 2 and 3 on both.
        for (day, card, r) in [(1, 0, Rating::Good), (1, 2, Rating::Again), (3, 2, Rating::Good), (3, 3, Rating::Hard), (3, 5, Rating::Easy)] {
            grade(&mut a, card, r, T + day * DAY_MS + card as i64 * MINUTE_MS);
        }
        for (day, card, r) in [(2, 1, Rating::Good), (2, 2, Rating::Easy), (2, 3, Rating::Again), (4, 3, Rating::Good), (4, 6, Rating::Good)] {
            grade(&mut b, card, r, T + day * DAY_MS + card as i64 * MINUTE_MS + 7);
        }
        (a, b)
    }

    #[test]
    fn a_replay_gives_exactly_the_schedule_grading_gave() {
        let mut col = fresh();
        let mut at = T;
        for (i, r) in [Rating::Good, Rating::Good, Rating::Again, Rating::Hard, Rating::Good, Rating::Easy, Rating::Again, Rating::Good].into_iter().enumerate() {
            grade(&mut col, 0, r, at);
            at = col.progress_of(&col.cards[0].id).due_ms + (i as i64 % 3) * DAY_MS;
        }
        let id = col.cards[0].id.clone();
        assert_eq!(replayed(&col)[&id], col.progress[&id]);
        assert_eq!(replayed(&col)[&id].stability.to_bits(), col.progress[&id].stability.to_bits(), "bit for bit");
    }

    #[test]
    fn two_devices_merge_into_the_union_of_their_reviews_replayed() {
        let (a, b) = two_devices();
        let deck = deck::built_in();
        let mut m = a.clone();
        let out = merge(&mut m, &b, &deck, Choices::default());
        let shared = 4;
        assert_eq!(m.log.len(), a.log.len() + b.log.len() - shared, "the union: every review once");
        assert_eq!(set(&m.log), set(&[a.log.clone(), b.log.clone()].concat()).into_iter().fold(Vec::new(), |mut v, k| {
            if v.last() != Some(&k) {
                v.push(k);
            }
            v
        }));
        assert!(m.log.windows(2).all(|w| w[0].at_ms <= w[1].at_ms), "in time order");
        assert_eq!(out.reviews_added, 5);
        // Cards 1, 2, 3 and 6 have reviews A lacked; card 6 was new here.
        assert_eq!((out.schedules_changed, out.cards_added, out.cards_updated), (4, 0, 0));
        assert_eq!(m.progress, replayed(&m), "every schedule is its merged history replayed");
        // Not "whichever is newer": card 2 was reviewed on both, and neither side's state is right.
        let c2 = m.cards[2].id.clone();
        assert_ne!(m.progress[&c2], a.progress[&c2]);
        assert_ne!(m.progress[&c2], b.progress[&c2]);
        assert_eq!(m.progress[&c2].reps, 4);
        assert_eq!(m.progress[&c2].lapses, a.progress[&c2].lapses, "A's lapse of day 1 counts");
        // Cards reviewed on one device only keep that device's schedule, bit for bit.
        for (card, from) in [(0, &a), (5, &a), (1, &b), (6, &b)] {
            let id = &m.cards[card].id;
            assert_eq!(m.progress[id], from.progress[id], "card {card}");
        }
    }

    #[test]
    fn merging_is_idempotent_and_commutative() {
        let (a, b) = two_devices();
        let deck = deck::built_in();
        let mut ab = a.clone();
        merge(&mut ab, &b, &deck, Choices::default());
        let mut ba = b.clone();
        merge(&mut ba, &a, &deck, Choices::default());
        assert_eq!(set(&ab.log), set(&ba.log));
        assert_eq!(ab.progress, ba.progress, "the same schedules whichever side merges");
        assert_eq!(ab.cards, ba.cards);
        let again = ab.clone();
        let out = merge(&mut ab, &b, &deck, Choices::default());
        assert!(out.changes_nothing(), "{out:?}");
        assert_eq!((ab.log == again.log, ab.progress == again.progress, ab.cards == again.cards), (true, true, true));
        assert!(preview(&ab, &ba, &deck, Choices::default()).changes_nothing(), "both devices now hold the same");
        // A merge with oneself changes nothing either.
        assert!(preview(&a, &a, &deck, Choices { settings: true, interviews: true }).changes_nothing());
    }

    #[test]
    fn the_newer_edit_of_a_card_wins_and_a_deletion_is_an_edit() {
        let deck = deck::built_in();
        let (mut a, mut b) = (fresh(), fresh());
        let edit = |col: &mut Collection, i: usize, answer: &str, at: i64| {
            let mut c = deck[i].clone();
            c.answer = answer.into();
            col.put_card(c);
            col.set_edited(&deck[i].id, at);
        };
        edit(&mut a, 0, "A, later", T + 10);
        edit(&mut b, 0, "B, earlier", T);
        edit(&mut a, 1, "A, earlier", T);
        edit(&mut b, 1, "B, later", T + 10);
        edit(&mut b, 2, "B, by an older app", 0);
        edit(&mut a, 3, "A, by an older app", 0);
        edit(&mut b, 3, "B, with its moment", T);
        a.remove_card(&deck[4].id);
        a.set_edited(&deck[4].id, T + 5);
        edit(&mut b, 4, "B, before A deleted it", T + 1);
        b.remove_card(&deck[5].id);
        b.set_edited(&deck[5].id, T + 5);
        let own = Card { id: "own-1".into(), theme: Theme::Own, tags: vec![], question: "Mine?".into(), answer: "Yes.".into(), key_points: vec![], ..Card::default() };
        b.put_card(own.clone());
        b.set_edited("own-1", T);
        let mut m = a.clone();
        let out = merge(&mut m, &b, &deck, Choices::default());
        assert_eq!(m.card(&deck[0].id).unwrap().answer, "A, later");
        assert_eq!(m.card(&deck[1].id).unwrap().answer, "B, later");
        assert_eq!(m.card(&deck[2].id).unwrap().answer, "B, by an older app", "an edit without its moment still beats the deck's text");
        assert_eq!(m.card(&deck[3].id).unwrap().answer, "B, with its moment", "and loses to an edit with one");
        assert!(m.card(&deck[4].id).is_none(), "deleted after the other device's edit");
        assert!(m.card(&deck[5].id).is_none(), "deleted on the other device");
        assert_eq!(m.cards.last(), Some(&own), "a card of the other device's own comes in");
        assert_eq!((out.cards_added, out.cards_updated, out.cards_deleted), (1, 3, 1));
        assert_eq!(m.edited_at(&deck[1].id), Some(T + 10));
        assert_eq!(m.edited_at(&deck[5].id), Some(T + 5));
        // The other way round gives the same texts.
        let mut n = b.clone();
        merge(&mut n, &a, &deck, Choices::default());
        assert_eq!(n.cards, m.cards);
        assert!(preview(&m, &b, &deck, Choices::default()).changes_nothing());
    }

    #[test]
    fn a_restore_into_an_empty_app_gives_back_exactly_the_collection() {
        let deck = deck::built_in();
        let (mut a, _) = two_devices();
        a.settings = Settings { desired_retention: 0.85, new_per_day: 4, ..Settings::default() };
        a.interviews = vec![Interview { at_ms: T + 9 * DAY_MS, company: "Acme".into(), role: "Analyst".into(), active: true, themes: vec![] }];
        a.set_suspended(&deck[7].id.clone(), true);
        a.remove_card(&deck[8].id);
        a.set_edited(&deck[8].id, T);
        let mut c = deck[9].clone();
        c.question = "Mine?".into();
        a.put_card(c);
        a.set_edited(&deck[9].id, 0);
        a.put_card(Card { id: "own-2".into(), theme: Theme::Own, tags: vec!["x".into()], question: "Own?".into(), answer: "Yes.".into(), key_points: vec![], ..Card::default() });
        a.set_edited("own-2", T + 1);
        let mut empty = fresh();
        let out = merge(&mut empty, &a, &deck, Choices { settings: true, interviews: true });
        assert_eq!(empty.cards, a.cards);
        assert_eq!(empty.progress, a.progress);
        assert_eq!(empty.log, a.log);
        assert_eq!((empty.settings, &empty.interviews, &empty.suspended, &empty.edited), (a.settings, &a.interviews, &a.suspended, &a.edited));
        assert_eq!((out.cards_added, out.cards_updated, out.cards_deleted, out.settings_changed, out.interviews_added), (1, 1, 1, true, 1));
    }

    #[test]
    fn settings_and_interviews_come_only_when_chosen() {
        let deck = deck::built_in();
        let (mut a, mut b) = two_devices();
        a.interviews = vec![Interview { at_ms: T + 9 * DAY_MS, company: "Acme".into(), role: String::new(), active: true, themes: vec![] }];
        b.interviews = vec![a.interviews[0].clone(), Interview { at_ms: T + 3 * DAY_MS, company: "Beta".into(), role: String::new(), active: true, themes: vec![] }];
        a.settings.desired_retention = 0.85;
        b.settings.desired_retention = 0.8;
        let mut m = a.clone();
        let out = merge(&mut m, &b, &deck, Choices::default());
        assert_eq!((m.settings, &m.interviews), (a.settings, &a.interviews));
        assert_eq!((out.settings_changed, out.interviews_added), (false, 0));
        let id = &m.cards[1].id;
        assert_eq!(m.progress[id], replayed(&m)[id], "B's schedule came from other settings: replayed with these");
        assert_ne!(m.progress[id].due_ms, b.progress[id].due_ms);
        let mut m = a.clone();
        let out = merge(&mut m, &b, &deck, Choices { settings: true, interviews: true });
        assert_eq!(m.settings.desired_retention, 0.8);
        assert_eq!(m.interviews.iter().map(|i| (i.company.as_str(), i.active)).collect::<Vec<_>>(), vec![("Beta", false), ("Acme", true)], "added in date order; the one prepared for stays");
        assert_eq!((out.settings_changed, out.interviews_added), (true, 1));
        let r = replayed(&m);
        for card in [2, 3] {
            let id = &m.cards[card].id;
            assert_eq!(m.progress[id], r[id], "card {card}: its merged history replayed with the settings taken");
        }
        for card in [1, 6] {
            let id = &m.cards[card].id;
            assert_eq!(m.progress[id], b.progress[id], "card {card}: the history of B, and its settings: B's schedule");
        }
        for card in [0, 5] {
            let id = &m.cards[card].id;
            assert_eq!(m.progress[id], a.progress[id], "card {card}: its history unchanged, its schedule kept");
        }
    }

    #[test]
    fn a_schedule_whose_history_was_partly_lost_is_the_starting_point() {
        let deck = deck::built_in();
        let (mut a, b) = two_devices();
        // A lost the block of the log holding card 3's first reviews (it could not be read).
        let id = a.cards[3].id.clone();
        let lost = a.log.iter().position(|e| e.card_id == id).unwrap();
        a.log.remove(lost);
        let mut m = a.clone();
        merge(&mut m, &b, &deck, Choices::default());
        let p = m.progress[&id];
        assert_eq!(p.reps, 3, "A's schedule (2 reviews) and B's review of day 4 after it");
        let s = m.settings.scheduler();
        let day4 = b.log.iter().rfind(|e| e.card_id == id).unwrap().at_ms;
        let expected = s.grade(&a.progress[&id], Rating::Good, day4);
        assert_eq!(p, expected);
        assert_eq!(p.phase, Phase::Review);
    }

    #[test]
    fn the_preview_says_what_a_merge_does() {
        let (a, b) = two_devices();
        let deck = deck::built_in();
        let out = preview(&a, &b, &deck, Choices::default());
        assert_eq!(out.sentences(), vec!["5 reviews from the other device will be added; 4 cards' schedules change."]);
        let one = Outcome { reviews_added: 1, schedules_changed: 1, cards_added: 1, cards_updated: 2, cards_deleted: 1, suspended_added: 1, settings_changed: true, interviews_added: 1 };
        assert_eq!(one.sentences().join(" "), "1 review from the other device will be added; 1 card's schedule changes. 1 card will be added. 2 cards' text will be updated: edited there more recently than here. 1 card will be deleted: deleted there after the last edit here. 1 card suspended there will be suspended here. This device will take the backup's settings. 1 interview will be added.");
        assert!(Outcome::default().sentences().is_empty());
        assert_eq!(out.summary(), "5 reviews added, 4 schedules changed.");
        assert_eq!(one.summary(), "1 review added, 1 schedule changed, 1 card added, 2 cards' texts updated, 1 card deleted, 1 card suspended, 1 interview added, its settings taken.");
        // What is offered ticked: only what this device has none of.
        let mut c = fresh();
        assert_eq!(Choices::for_device(&c), Choices { settings: true, interviews: true });
        c.settings.new_per_day = 3;
        c.interviews = vec![Interview { at_ms: T, company: "Acme".into(), role: String::new(), active: true, themes: vec![] }];
        assert_eq!(Choices::for_device(&c), Choices { settings: false, interviews: false });
        assert_eq!(offers(&c, &a), (true, 0));
        assert_eq!(offers(&c, &c), (false, 0));
        assert_eq!(offers(&a, &c), (true, 1));
    }

    #[test]
    fn a_schedule_the_other_side_kept_without_its_reviews_is_not_lost() {
        let deck = deck::built_in();
        let (a, _) = two_devices();
        // A device whose log of card 0 was lost keeps its schedule; merged into one that never
        // studied the card, the schedule comes along rather than the card starting as new.
        let mut lost = a.clone();
        let id = lost.cards[0].id.clone();
        lost.log.retain(|e| e.card_id != id);
        let mut m = fresh();
        merge(&mut m, &lost, &deck, Choices::default());
        assert_eq!(m.progress.get(&id), Some(&a.progress[&id]));
        // And the other way round: the device that lost it gets it back; its own card stays.
        let mut back = fresh();
        back.progress.insert(id.clone(), a.progress[&id]);
        merge(&mut back, &lost, &deck, Choices::default());
        assert_eq!(back.progress.get(&id), Some(&a.progress[&id]));
    }

    #[test]
    fn suspensions_of_both_are_kept() {
        let deck = deck::built_in();
        let (mut a, mut b) = (fresh(), fresh());
        a.set_suspended(&deck[0].id, true);
        b.set_suspended(&deck[1].id, true);
        let out = merge(&mut a, &b, &deck, Choices::default());
        assert_eq!(a.suspended, vec![deck[0].id.clone(), deck[1].id.clone()]);
        assert_eq!(out.suspended_added, 1);
    }
}
