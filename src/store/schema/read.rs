//! Reading what is stored: every value the app owns, of any schema version, decoded into
//! [`Loaded`]; what cannot be read is listed, never dropped.

use super::{decode_card_state, decode_older, decode_own, decode_story, Key, OwnRecord, VERSION};
use crate::domain::interview::Interview;
use crate::domain::kit::{Kit, Round};
use crate::domain::mock::{HistoryEntry, Mock, MockSettings};
use crate::domain::{LogEntry, Progress, Rating, Settings};
use crate::store::legacy;
use crate::store::mock;
use crate::store::records::{from_json, InterviewRecord, SettingsRecord};
use std::collections::HashMap;

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
        if let Err(reason) = read_entry(&mut l, &mut log, key, &value) {
            l.unreadable.push(Unreadable { key: name, reason });
        }
    }
    if let Some(v) = l.version {
        l.newer = v > VERSION;
    }
    l.log = in_time_order(log);
    l.old_chunks.sort_unstable();
    // Stories in the order they were written (ids grow with the moment; storage hands keys over
    // in no particular order).
    crate::domain::sort_by_key(&mut l.kit.stories, |s| (s.id.len(), s.id.clone()));
    crate::domain::sort_by_key(&mut l.kit.rounds, |r| r.at);
    l
}

/// One stored value read into `l` (a card's reviews into `log`): the collection's records of
/// every schema version here, the kit's and the mock interview's (schema 4) in `read_kit_entry`.
fn read_entry(l: &mut Loaded, log: &mut Vec<LogEntry>, key: Key, value: &str) -> Result<(), String> {
    match key {
        Key::Meta => from_json::<u32>(value.trim()).map(|v| l.version = Some(v)).map_err(|_| "not a schema version".into()),
        Key::Settings => {
            sniff(value, |t| from_json::<SettingsRecord>(t).map(|r| r.settings()), legacy::settings, '{', &mut l.old_values, key)
                .map(|s| l.settings = s)
                .map_err(|e| format!("not settings: {e}"))
        }
        Key::Interviews => sniff(
            value,
            |t| from_json::<Vec<InterviewRecord>>(t).map(|v| v.iter().map(InterviewRecord::interview).collect()),
            legacy::interviews,
            '[',
            &mut l.old_values,
            key,
        )
        .map(|list| l.interviews = list),
        Key::Suspended => {
            sniff(value, |t| from_json::<Vec<String>>(t), |t| Ok(legacy::suspended(t)), '[', &mut l.old_values, key).map(|mut list| {
                list.sort();
                list.dedup();
                l.suspended = list;
            })
        }
        Key::Card(id) => {
            let state = decode_card_state(value).map_err(|e| format!("not a card's schedule: {e}"))?;
            if !value.starts_with('"') {
                l.old_values.push(Key::Card(id.clone()));
            }
            log.extend(state.reviews.iter().map(|r| r.entry(&id)));
            if let Some(p) = state.progress {
                l.progress.insert(id, p);
            }
            Ok(())
        }
        Key::Older(id, _) => decode_older(value)
            .map(|reviews| log.extend(reviews.iter().map(|r| r.entry(&id))))
            .map_err(|e| format!("not a card's reviews: {e}")),
        Key::LogChunk(n) => legacy::chunk(value).map(|entries| {
            let mut ids: Vec<String> = entries.iter().map(|e| e.card_id.clone()).collect();
            ids.sort();
            ids.dedup();
            l.old_chunks.push((n, ids));
            log.extend(entries);
        }),
        Key::Own(id) => decode_own(&id, value)
            .map(|(record, edited)| {
                l.edited.push((id.clone(), edited));
                l.own.push((id, record));
            })
            .map_err(|e| format!("not a card: {e}")),
        other => read_kit_entry(l, other, value),
    }
}

/// The interview kit's and the mock interview's records, and the keys kept aside earlier.
fn read_kit_entry(l: &mut Loaded, key: Key, value: &str) -> Result<(), String> {
    match key {
        Key::Story(id) => decode_story(&id, value).map(|s| l.kit.stories.push(s)).map_err(|e| format!("not a story: {e}")),
        Key::Round(_) => from_json::<Round>(value).map(|r| l.kit.rounds.push(r)).map_err(|e| format!("not an interview's notes: {e}")),
        Key::Mock => mock::read_mock(value).map(|m| l.mock = Some(m)).map_err(|e| format!("not a mock interview: {e}")),
        Key::MockSettings => mock::read_settings(value).map(|s| l.mock_settings = s).map_err(|e| format!("not the mock's settings: {e}")),
        Key::Mocks => mock::read_history(value).map(|h| l.mocks = h).map_err(|e| format!("not the mock interviews' history: {e}")),
        Key::Unreadable(original) => {
            l.kept_aside.push(original);
            Ok(())
        }
        // The collection's keys are read by `read_entry`.
        _ => Ok(()),
    }
}

/// Every review once, in time order: each card's reviews come in time order, the cards in no
/// order; a review in an old chunk and in its card's record (a migration that stopped half-way)
/// counts once.
fn in_time_order(mut log: Vec<LogEntry>) -> Vec<LogEntry> {
    log.sort_unstable_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.card_id.cmp(&b.card_id)));
    log.dedup_by(|a, b| a.at_ms == b.at_ms && a.card_id == b.card_id);
    // Read card by card, the reviews' ids lie in memory in card order; the app scans the log in
    // time order, comparing ids (a grade counts its card's reviews), and with ids scattered over
    // the heap that scan misses the cache at every review. Copied in time order (all copies made
    // before the originals are freed), they lie in the order they are read: a grade of the 5,000-card
    // collection took about 2 ms longer without this.
    log.iter()
        .map(|e| LogEntry {
            card_id: e.card_id.clone(),
            at_ms: e.at_ms,
            rating: e.rating,
            phase_before: e.phase_before,
            duration_ms: e.duration_ms,
        })
        .collect()
}
