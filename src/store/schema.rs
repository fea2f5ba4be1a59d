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
use super::records::{from_json, to_json, CardState, CardText, InterviewRecord, OlderReviews, Review, SettingsRecord};
use crate::domain::card::Card;
use crate::domain::interview::Interview;
use crate::domain::kit::{Kit, Round, Story};
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

mod read;
pub use read::{decode, Loaded, Unreadable};

// ---------------------------------------------------------------------------------- migration

mod migration;
pub use migration::{migration, Step};

// ------------------------------------------------------------------------ another tab's writes

mod external;
pub use external::{external, External};

#[cfg(test)]
mod tests;
