//! Reviews from elsewhere — another tab, another device's backup — brought into this collection.
//!
//! A review is an immutable event, known by its card and its moment; the log is the union of every
//! review known anywhere (the same review is never there twice); a card's schedule is what its
//! merged history gives when replayed through the scheduler in time order. A card whose history
//! the merge leaves as it is keeps its schedule as it is. Card texts and deletions: the newer edit
//! wins.

use super::card::{Card, Progress};
use super::collection::{Collection, LogEntry, Settings};
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
    let (cards, edited) = merge_texts(mine, theirs, built_in, &mut out);
    let (log, added) = union(&mine.log, &theirs.log);
    out.reviews_added = added;
    let progress = merge_schedules(mine, theirs, &settings, &cards, &log, &mut out);

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

/// Texts: for each card either side knows, the newer version (a deletion is a version), and the
/// edit moments that come with them.
fn merge_texts(mine: &Collection, theirs: &Collection, built_in: &[Card], out: &mut Outcome) -> (Vec<Card>, Vec<(String, i64)>) {
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
    (cards, edited)
}

/// Schedules: each merged card's from its merged history (`log`), replayed with `settings`.
fn merge_schedules(
    mine: &Collection,
    theirs: &Collection,
    settings: &Settings,
    cards: &[Card],
    log: &[LogEntry],
    out: &mut Outcome,
) -> HashMap<String, Progress> {
    let scheduler = settings.scheduler();
    let same = |s: &Settings| s.desired_retention == settings.desired_retention && s.max_interval_days == settings.max_interval_days;
    let mut progress = HashMap::new();
    let (all, here, there) = (Histories::of(log), Histories::of(&mine.log), Histories::of(&theirs.log));
    for c in cards {
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
    progress
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
mod tests;
