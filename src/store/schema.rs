//! The stored layout, version 4. Every key starts with `second-round/`; every value is the JSON of
//! one record type of `records` (written and read with `serde_json`):
//!
//! | key                             | record                                                   |
//! |---------------------------------|----------------------------------------------------------|
//! | `second-round/meta`             | `4` — the schema version                                 |
//! | `second-round/settings`         | `SettingsRecord`                                         |
//! | `second-round/interviews`       | a list of `InterviewRecord`                              |
//! | `second-round/card/<id>`        | `CardState`: a card's schedule and its latest reviews, packed (cards ever graded) |
//! | `second-round/log/<id>/<n>`     | `OlderReviews`: older reviews of a card with many, 32 a record |
//! | `second-round/own/<id>`         | `CardText`: a card of one's own, an edited built-in card, or a deleted built-in card |
//! | `second-round/suspended`        | the ids of suspended cards, a list                       |
//! | `second-round/story/<id>`       | `kit::Story`: one of the person's stories (a deleted one: `{"id":…,"edited":…,"deleted":true}`) |
//! | `second-round/round/<interview>`| `kit::Round`: what is kept for one interview (notes, questions, plan sheet, thank-you notes); `<interview>` is `kit::round::interview_key` |
//! | `second-round/mock`             | `mock::MockRecord`: the mock interview under way (or finished, until its grades are saved) |
//! | `second-round/mock-settings`    | `mock::MockSettingsRecord`: the mock's voice, speed, question text and follow-ups |
//! | `second-round/mocks`            | a list of `mock::HistoryRecord`: each finished mock's date, questions, grades and figures |
//! | `second-round/unreadable/<key>` | raw text of a key that could not be read, kept aside     |
//!
//! A card's reviews live with its schedule, so the card's id is written once, not once a review:
//! a 5,000-card collection with 50,000 reviews takes about 3.6 MB of local storage (UTF-16), where
//! version 2's log lines took 7.1 MB. Grading writes that card's record — its schedule and at most
//! `RECENT_REVIEWS` reviews, well under 2 KB — and, once in 32 grades of a card that has
//! that many, one `OlderReviews` record; never the whole collection. Writes read the record as
//! stored first, so reviews another tab added to it are kept.
//!
//! Version 4 added the interview kit's keys (`story/`, `round/`); absent, the kit is empty, so
//! the migration from 3 writes only the version number. A story or a round is written whole when
//! it changes (a few hundred bytes to a few kilobytes), never the whole kit.
//!
//! Version 1 and 2 (see `legacy`) stored the log as chunks of lines (`log/<n>`), each naming its
//! card, and their own encodings for schedules, settings, interviews and suspensions. Version 3
//! reads them wherever they are, and migrates them at start-up (`migration`): the version number
//! first (an older app then only reads), then each old chunk's cards rewritten with all their
//! reviews before the chunk goes (so the data never needs much more room than it had), then the
//! rest. Any write storage refuses stops it; everything stays readable, and it goes on at the next
//! start. A value that fails to decode is never deleted or overwritten: it is copied under
//! `unreadable/` and reported.
//!
//! **Using it** (everything here is pure; a storage adapter — `local.rs` for the browser, or an
//! in-memory one in tests — only gets, sets and removes keys):
//!
//! - start-up: `decode(every (key, value) under PREFIX)` → [`Loaded`]; copy each
//!   `loaded.unreadable` value to `Key::Unreadable(key)`; then run `migration(&loaded)` step by step,
//!   stopping at the first write that fails (nothing is lost: it goes on at the next start);
//! - a grade: [`record_review`]`(stored card record, first free Older number, &entry, &progress)`
//!   → the writes, in order (one, or two when the oldest reviews move);
//! - a new schedule, a card deleted or made new: [`with_schedule`]`(stored, progress)` → the value,
//!   or `None`: remove the key;
//! - an undo: [`without_review`]`(stored, at_ms)` on the card's record, then its `Older` records
//!   newest first, until one holds the review (`Some(value)`, or `Some(None)`: remove the key); then
//!   `with_schedule`;
//! - a card's text, deletion, settings, interviews, suspensions: [`card_text_value`],
//!   [`deleted_value`], [`settings_value`], [`interviews_value`], [`suspended_value`];
//! - a story or an interview's round changed (or a story deleted): [`story_value`] under
//!   `Key::Story(id)`, [`round_value`] under `Key::Round(round.key())`;
//! - an import or a restore: [`all_card_records`] and the values above for every key, and every
//!   other key of ours removed — but for the kit's keys, which an import never removes (a
//!   backup's kit is merged in and its changed records written: [`kit_records`]);
//! - another tab's write (the `storage` event's key, old and new value): [`external`] → the changes,
//!   and the reviews that left a card's record (taken back unless an `Older` record of that card
//!   holds them now).

use super::legacy;
use super::mock;
use super::records::{from_json, to_json, CardState, CardText, InterviewRecord, OlderReviews, Review, SettingsRecord};
use crate::domain::card::Card;
use crate::domain::interview::Interview;
use crate::domain::kit::{Kit, Round, Story};
use crate::domain::mock::{HistoryEntry, Mock, MockSettings};
use crate::domain::Rating;
use crate::domain::{LogEntry, Progress, Settings};
use std::collections::HashMap;

pub const VERSION: u32 = 4;
pub const PREFIX: &str = "second-round/";
/// The most reviews a card's record holds: when a grade would make it more, its oldest
/// `OLDER_REVIEWS` move to a record of their own, so a grade's write stays under 2 KB.
pub const RECENT_REVIEWS: usize = 48;
/// Reviews in one `OlderReviews` record.
pub const OLDER_REVIEWS: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Meta,
    Settings,
    Interviews,
    /// A card's schedule and latest reviews.
    Card(String),
    /// Older reviews of a card: the card and the record's number.
    Older(String, u32),
    /// A schema 1 or 2 review-log chunk.
    LogChunk(u32),
    Own(String),
    Suspended,
    /// One of the person's stories (schema 4).
    Story(String),
    /// What is kept for one interview, by `kit::round::interview_key` (schema 4).
    Round(String),
    /// The mock interview under way, its settings, and the history of finished ones (schema 4).
    Mock,
    MockSettings,
    Mocks,
    Unreadable(String),
}

impl Key {
    pub fn name(&self) -> String {
        match self {
            Key::Meta => format!("{PREFIX}meta"),
            Key::Settings => format!("{PREFIX}settings"),
            Key::Interviews => format!("{PREFIX}interviews"),
            Key::Card(id) => format!("{PREFIX}card/{id}"),
            Key::Older(id, n) => format!("{PREFIX}log/{id}/{n}"),
            Key::LogChunk(n) => format!("{PREFIX}log/{n}"),
            Key::Own(id) => format!("{PREFIX}own/{id}"),
            Key::Suspended => format!("{PREFIX}suspended"),
            Key::Story(id) => format!("{PREFIX}story/{id}"),
            Key::Round(key) => format!("{PREFIX}round/{key}"),
            Key::Mock => format!("{PREFIX}mock"),
            Key::MockSettings => format!("{PREFIX}mock-settings"),
            Key::Mocks => format!("{PREFIX}mocks"),
            Key::Unreadable(original) => format!("{PREFIX}unreadable/{original}"),
        }
    }

    /// The key a stored name stands for; `None` for names the app does not own.
    pub fn parse(name: &str) -> Option<Key> {
        let rest = name.strip_prefix(PREFIX)?;
        match rest {
            "meta" => return Some(Key::Meta),
            "settings" => return Some(Key::Settings),
            "interviews" => return Some(Key::Interviews),
            "suspended" => return Some(Key::Suspended),
            "mock" => return Some(Key::Mock),
            "mock-settings" => return Some(Key::MockSettings),
            "mocks" => return Some(Key::Mocks),
            _ => {}
        }
        if let Some(id) = rest.strip_prefix("own/") {
            return (!id.is_empty()).then(|| Key::Own(id.to_string()));
        }
        if let Some(id) = rest.strip_prefix("story/") {
            return (!id.is_empty()).then(|| Key::Story(id.to_string()));
        }
        if let Some(key) = rest.strip_prefix("round/") {
            return (!key.is_empty()).then(|| Key::Round(key.to_string()));
        }
        if let Some(id) = rest.strip_prefix("card/") {
            return (!id.is_empty()).then(|| Key::Card(id.to_string()));
        }
        if let Some(log) = rest.strip_prefix("log/") {
            if let Ok(n) = log.parse() {
                return Some(Key::LogChunk(n));
            }
            let (id, n) = log.rsplit_once('/')?;
            return (!id.is_empty()).then_some(()).and(n.parse().ok()).map(|n| Key::Older(id.to_string(), n));
        }
        rest.strip_prefix("unreadable/").map(|k| Key::Unreadable(k.to_string()))
    }
}

// ------------------------------------------------------------------------------ writing values

pub fn meta_value() -> String {
    VERSION.to_string()
}

pub fn settings_value(s: &Settings) -> String {
    to_json(&SettingsRecord::of(s))
}

pub fn interviews_value(list: &[Interview]) -> String {
    to_json(&list.iter().map(InterviewRecord::of).collect::<Vec<_>>())
}

pub fn suspended_value(ids: &[String]) -> String {
    to_json(&ids)
}

/// A card's text; `order` places a card of one's own after the others; `edited` is when it was
/// last edited (ms; 0: not known).
pub fn card_text_value(card: &Card, order: i64, edited: i64) -> String {
    to_json(&CardText::of(card, order, (edited > 0).then_some(edited)))
}

/// Keys an import or a restore leaves as they are: the interview kit's (a backup's kit is merged
/// in record by record), the mock interview's (its history is merged in the same way) and what
/// was kept aside.
pub fn kept_by_import(key: &Key) -> bool {
    matches!(key, Key::Story(_) | Key::Round(_) | Key::Mock | Key::MockSettings | Key::Mocks | Key::Unreadable(_))
}

/// A story's record (a deleted one holds only its id and when it was deleted).
pub fn story_value(story: &Story) -> String {
    to_json(story)
}

/// An interview's round.
pub fn round_value(round: &Round) -> String {
    to_json(round)
}

/// Every record of a kit, for a whole rewrite (a restore): each story and each round.
pub fn kit_records(kit: &Kit) -> Writes {
    let stories = kit.stories.iter().map(|s| (Key::Story(s.id.clone()), story_value(s)));
    stories.chain(kit.rounds.iter().map(|r| (Key::Round(r.key()), round_value(r)))).collect()
}

/// A story as stored under `Key::Story(id)`: the key's id is its id.
pub fn decode_story(id: &str, text: &str) -> Result<Story, String> {
    let story: Story = from_json(text)?;
    Ok(Story { id: id.to_string(), ..story })
}

/// A built-in card deleted at `edited` (ms; 0: not known).
pub fn deleted_value(edited: i64) -> String {
    to_json(&CardText::deletion((edited > 0).then_some(edited)))
}

// ------------------------------------------------------------------------------ cards' text

mod card_text;
pub use card_text::{assemble, decode_own, OwnRecord};

// -------------------------------------------------------------------- a card's schedule and log

mod card_records;
pub use card_records::{
    all_card_records, card_records, decode_card_state, decode_older, record_review, with_schedule, without_review, Writes,
};

// ------------------------------------------------------------------------------------ reading

/// A stored value that could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
}

/// Everything decoded from storage, plus what could not be read.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    /// The schema version found (None on a first visit).
    pub version: Option<u32>,
    pub settings: Settings,
    pub interviews: Vec<Interview>,
    pub progress: HashMap<String, Progress>,
    /// Every review, oldest first, each once.
    pub log: Vec<LogEntry>,
    pub unreadable: Vec<Unreadable>,
    /// Keys already kept aside from an earlier visit.
    pub kept_aside: Vec<String>,
    /// Data written by a newer version of the app: read what we can, write nothing.
    pub newer: bool,
    /// Cards of one's own, edited built-in cards and deleted built-in cards, by id.
    pub own: Vec<(String, OwnRecord)>,
    /// When each of those was last edited or deleted (ms; 0: not known, the oldest).
    pub edited: Vec<(String, i64)>,
    /// Ids of suspended cards, sorted.
    pub suspended: Vec<String>,
    /// Readable values in a schema 1 or 2 encoding, which the migration rewrites: log chunks
    /// with the cards whose reviews they hold, and other keys (schedules, settings, interviews,
    /// suspensions).
    pub old_chunks: Vec<(u32, Vec<String>)>,
    pub old_values: Vec<Key>,
    /// The interview kit: stories (deleted ones too) and each interview's round (schema 4).
    pub kit: Kit,
    /// The mock interview under way with its chosen grades, its settings, its history (schema 4).
    pub mock: Option<(Mock, Vec<(usize, Rating)>)>,
    pub mock_settings: MockSettings,
    pub mocks: Vec<HistoryEntry>,
}

fn sniff<T>(
    text: &str,
    json: impl FnOnce(&str) -> Result<T, String>,
    old: impl FnOnce(&str) -> Result<T, String>,
    opener: char,
    old_values: &mut Vec<Key>,
    key: Key,
) -> Result<T, String> {
    if text.trim_start().starts_with(opener) {
        json(text)
    } else {
        // Rewritten by the migration only when readable: a damaged value stays as it is.
        let value = old(text)?;
        old_values.push(key);
        Ok(value)
    }
}

/// Decodes every stored `(key, value)` the app owns, of any schema version. Never fails:
/// unreadable values are listed.
pub fn decode(entries: impl IntoIterator<Item = (String, String)>) -> Loaded {
    let mut l = Loaded::default();
    let mut log: Vec<LogEntry> = Vec::new();
    for (name, value) in entries {
        let Some(key) = Key::parse(&name) else { continue };
        let result: Result<(), String> = match key {
            Key::Meta => from_json::<u32>(value.trim()).map(|v| l.version = Some(v)).map_err(|_| "not a schema version".into()),
            Key::Settings => {
                sniff(&value, |t| from_json::<SettingsRecord>(t).map(|r| r.settings()), legacy::settings, '{', &mut l.old_values, key)
                    .map(|s| l.settings = s)
                    .map_err(|e| format!("not settings: {e}"))
            }
            Key::Interviews => sniff(
                &value,
                |t| from_json::<Vec<InterviewRecord>>(t).map(|v| v.iter().map(InterviewRecord::interview).collect()),
                legacy::interviews,
                '[',
                &mut l.old_values,
                key,
            )
            .map(|list| l.interviews = list),
            Key::Suspended => sniff(&value, |t| from_json::<Vec<String>>(t), |t| Ok(legacy::suspended(t)), '[', &mut l.old_values, key)
                .map(|mut list| {
                    list.sort();
                    list.dedup();
                    l.suspended = list;
                }),
            Key::Card(id) => match decode_card_state(&value) {
                Ok(state) => {
                    if !value.starts_with('"') {
                        l.old_values.push(Key::Card(id.clone()));
                    }
                    log.extend(state.reviews.iter().map(|r| r.entry(&id)));
                    if let Some(p) = state.progress {
                        l.progress.insert(id, p);
                    }
                    Ok(())
                }
                Err(e) => Err(format!("not a card's schedule: {e}")),
            },
            Key::Older(id, _) => decode_older(&value)
                .map(|reviews| log.extend(reviews.iter().map(|r| r.entry(&id))))
                .map_err(|e| format!("not a card's reviews: {e}")),
            Key::LogChunk(n) => legacy::chunk(&value).map(|entries| {
                let mut ids: Vec<String> = entries.iter().map(|e| e.card_id.clone()).collect();
                ids.sort();
                ids.dedup();
                l.old_chunks.push((n, ids));
                log.extend(entries);
            }),
            Key::Own(id) => decode_own(&id, &value)
                .map(|(record, edited)| {
                    l.edited.push((id.clone(), edited));
                    l.own.push((id, record));
                })
                .map_err(|e| format!("not a card: {e}")),
            Key::Story(id) => decode_story(&id, &value).map(|s| l.kit.stories.push(s)).map_err(|e| format!("not a story: {e}")),
            Key::Round(_) => from_json::<Round>(&value).map(|r| l.kit.rounds.push(r)).map_err(|e| format!("not an interview's notes: {e}")),
            Key::Mock => mock::read_mock(&value).map(|m| l.mock = Some(m)).map_err(|e| format!("not a mock interview: {e}")),
            Key::MockSettings => {
                mock::read_settings(&value).map(|s| l.mock_settings = s).map_err(|e| format!("not the mock's settings: {e}"))
            }
            Key::Mocks => mock::read_history(&value).map(|h| l.mocks = h).map_err(|e| format!("not the mock interviews' history: {e}")),
            Key::Unreadable(original) => {
                l.kept_aside.push(original);
                Ok(())
            }
        };
        if let Err(reason) = result {
            l.unreadable.push(Unreadable { key: name, reason });
        }
    }
    if let Some(v) = l.version {
        l.newer = v > VERSION;
    }
    // Each card's reviews come in time order, the cards in no order; a review in an old chunk and
    // in its card's record (a migration that stopped half-way) counts once.
    log.sort_unstable_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.card_id.cmp(&b.card_id)));
    log.dedup_by(|a, b| a.at_ms == b.at_ms && a.card_id == b.card_id);
    // Read card by card, the reviews' ids lie in memory in card order; the app scans the log in
    // time order, comparing ids (a grade counts its card's reviews), and with ids scattered over
    // the heap that scan misses the cache at every review. Copied in time order (all copies made
    // before the originals are freed), they lie in the order they are read: a grade of the 5,000-card
    // collection took about 2 ms longer without this.
    l.log = log
        .iter()
        .map(|e| LogEntry {
            card_id: e.card_id.clone(),
            at_ms: e.at_ms,
            rating: e.rating,
            phase_before: e.phase_before,
            duration_ms: e.duration_ms,
        })
        .collect();
    drop(log);
    l.old_chunks.sort_unstable();
    // Stories in the order they were written (ids grow with the moment; storage hands keys over
    // in no particular order).
    crate::domain::sort_by_key(&mut l.kit.stories, |s| (s.id.len(), s.id.clone()));
    crate::domain::sort_by_key(&mut l.kit.rounds, |r| r.at);
    l
}

// ---------------------------------------------------------------------------------- migration

mod migration;
pub use migration::{migration, Step};

// ------------------------------------------------------------------------ another tab's writes

mod external;
pub use external::{external, External};

#[cfg(test)]
mod tests;
