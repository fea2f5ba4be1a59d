//! The app's own backup file (JSON): every card with its text, its schedule and its reviews, the
//! settings, interviews and suspensions — written with the same record types local storage uses
//! (`store::records`: `CardText`, `CardState`, `SettingsRecord`, `InterviewRecord`), so a card's
//! text and schedule have one definition whether stored or backed up.
//!
//! Version 2 (written since schema 3):
//!
//! ```json
//! {"app":"Second Round","backupVersion":2,"exportedAt":1795700000000,
//!  "settings":{"desiredRetentionPercent":90,…},"interviews":[{"at":…,"company":"…"}],
//!  "suspended":["plan-03"],
//!  "cards":[{"id":"plan-01","text":{"theme":"plan","q":"…","a":"…","edited":1795650000001},"state":"D5c…"},
//!           {"id":"plan-11","text":{"deleted":true,"edited":1795650000000}},
//!           {"id":"own-1","state":"A…"}],
//!  "stories":[{"id":"s1…","title":"…","situation":"…","shows":["accuracy"],"edited":…}],
//!  "rounds":[{"at":…,"company":"…","people":[…],"questions":[…],"thanks":[…],"edited":…}],
//!  "mocks":[{"at":…,"minutes":10,"secs":540,"questions":[{"id":"plan-01","grade":3,"secs":40,"words":88,"hit":2,"points":3}]}]}
//! ```
//!
//! Each card of the collection has its `text` (as stored, with when it was last edited) and, once
//! graded, its `state` (the schedule and every review, packed as in storage: bit for bit). A
//! deleted built-in card has a deletion as its text; a card deleted with reviews keeps them as a
//! `state` without text. The interview kit comes as its stored records (`stories`, deleted ones
//! included, and `rounds`, one per interview; both left out when empty, and read as empty from
//! a file without them). So does the history of mock interviews (`mocks`: dates, grades and
//! figures, never the answers' text or audio). Version 1 (before schema 3: cards with readable `progress`, the log as a
//! list of `{card, at, rating, phaseBefore, durationMs}`, interviews as lines) still imports: see
//! `v1`.

mod v1;

use crate::domain::card::{Card, Progress};
use crate::domain::collection::{Collection, LogEntry, Settings};
use crate::domain::interview::Interview;
use crate::domain::kit::{Kit, Round, Story};
use crate::domain::mock::HistoryEntry;
use crate::store::mock::HistoryRecord;
use crate::store::records::{CardState, CardText, InterviewRecord, Review, SettingsRecord};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The backup file's format version.
pub const BACKUP_VERSION: i64 = 2;
const APP: &str = "Second Round";

/// Everything a backup holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub exported_at_ms: i64,
    pub cards: Vec<Card>,
    pub progress: HashMap<String, Progress>,
    pub log: Vec<LogEntry>,
    pub settings: Settings,
    pub interviews: Vec<Interview>,
    pub suspended: Vec<String>,
    /// Built-in cards the person had deleted.
    pub deleted: Vec<String>,
    /// When each card's text was last edited, or a built-in card deleted (ms; 0: not known); `None`
    /// for a backup written before edits kept their moment.
    pub edited: Option<Vec<(String, i64)>>,
    /// The interview kit: stories (deleted ones too) and each interview's round.
    pub kit: Kit,
    /// The finished mock interviews, oldest first.
    pub mocks: Vec<HistoryEntry>,
}

impl Backup {
    /// A backup of these settings, interviews and suspensions (sorted, each once), with nothing
    /// else yet: each version's reader fills in its cards, reviews, kit and history.
    pub(super) fn of(exported_at_ms: i64, settings: Settings, interviews: Vec<Interview>, mut suspended: Vec<String>) -> Backup {
        suspended.sort();
        suspended.dedup();
        Backup {
            exported_at_ms,
            cards: vec![],
            progress: HashMap::new(),
            log: vec![],
            settings,
            interviews,
            suspended,
            deleted: vec![],
            edited: None,
            kit: Kit::default(),
            mocks: vec![],
        }
    }
}

/// The file, version 2.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct File {
    app: String,
    backup_version: i64,
    exported_at: i64,
    #[serde(default)]
    settings: SettingsRecord,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    interviews: Vec<InterviewRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    suspended: Vec<String>,
    cards: Vec<FileCard>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    stories: Vec<Story>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rounds: Vec<Round>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    mocks: Vec<HistoryRecord>,
}

#[derive(Serialize, Deserialize)]
struct FileCard {
    id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<CardText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    state: Option<CardState>,
}

/// What every version has at its top: who wrote it and which version.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Head {
    #[serde(default)]
    app: String,
    #[serde(default)]
    backup_version: i64,
}

/// The whole collection as the backup file's JSON, without an interview kit.
pub fn write_backup(col: &Collection, built_in: &[Card], now_ms: i64) -> String {
    write_backup_with_kit(col, &Kit::default(), built_in, now_ms)
}

/// The whole collection and the interview kit as the backup file's JSON (see the module's notes).
pub fn write_backup_with_kit(col: &Collection, kit: &Kit, built_in: &[Card], now_ms: i64) -> String {
    write_backup_with(col, kit, &[], built_in, now_ms)
}

/// The whole collection, the interview kit and the mock interviews' history as the backup file.
pub fn write_backup_with(col: &Collection, kit: &Kit, mocks: &[HistoryEntry], built_in: &[Card], now_ms: i64) -> String {
    let mut reviews: HashMap<&str, Vec<Review>> = HashMap::new();
    for e in &col.log {
        reviews.entry(e.card_id.as_str()).or_default().push(Review::of(e));
    }
    let state = |reviews: &mut HashMap<&str, Vec<Review>>, id: &str| {
        let reviews = reviews.remove(id).unwrap_or_default();
        let progress = col.progress.get(id).copied();
        (progress.is_some() || !reviews.is_empty()).then_some(CardState { progress, reviews })
    };
    let mut cards = Vec::new();
    for (i, c) in col.cards.iter().enumerate() {
        cards.push(FileCard {
            id: c.id.clone(),
            text: Some(CardText::of(c, i as i64, col.edited_at(&c.id))),
            state: state(&mut reviews, &c.id),
        });
    }
    for b in built_in.iter().filter(|b| col.card(&b.id).is_none()) {
        cards.push(FileCard { id: b.id.clone(), text: Some(CardText::deletion(col.edited_at(&b.id))), state: state(&mut reviews, &b.id) });
    }
    // Reviews of cards no longer here (deleted cards of one's own): kept, as the log keeps them.
    let mut rest: Vec<String> = reviews.keys().map(|id| id.to_string()).collect();
    rest.sort_unstable();
    for id in rest {
        let state = state(&mut reviews, &id);
        cards.push(FileCard { id, text: None, state });
    }
    let file = File {
        app: APP.into(),
        backup_version: BACKUP_VERSION,
        exported_at: now_ms,
        settings: SettingsRecord::of(&col.settings),
        interviews: col.interviews.iter().map(InterviewRecord::of).collect(),
        suspended: col.suspended.clone(),
        cards,
        stories: kit.stories.clone(),
        rounds: kit.rounds.clone(),
        mocks: mocks.iter().map(HistoryRecord::of).collect(),
    };
    crate::store::records::to_json(&file)
}

/// A JSON error with where it is.
fn located(e: serde_json::Error) -> String {
    format!("line {}, column {}: {e}", e.line(), e.column()).replace(&format!(" at line {} column {}", e.line(), e.column()), "")
}

/// Reads a backup file of any version. Any problem is a message saying what and where; nothing is
/// partly read.
pub fn read_backup(file: &str) -> Result<Backup, String> {
    let head: Head = serde_json::from_str(file).map_err(located)?;
    if head.app != APP {
        return Err("this is not a Second Round backup".into());
    }
    match head.backup_version {
        v if v > BACKUP_VERSION => {
            Err(format!("this backup was made by a newer version of Second Round (format {v}); update the app to read it"))
        }
        1 => v1::read(file),
        BACKUP_VERSION => read_v2(serde_json::from_str(file).map_err(located)?),
        v => Err(format!("\"backupVersion\" {v} is not a version of the backup")),
    }
}

/// Ids are what storage keys are made of: never empty, at most 64 characters, each once.
pub(super) fn check_id(id: &str, seen: &mut HashMap<String, usize>, i: usize) -> Result<(), String> {
    if id.is_empty() || id.len() > 64 || seen.insert(id.to_string(), i).is_some() {
        return Err(format!("card {}: the id is empty, too long or used twice", i + 1));
    }
    Ok(())
}

fn read_v2(file: File) -> Result<Backup, String> {
    let interviews = file.interviews.iter().map(InterviewRecord::interview).collect();
    let mut b = Backup {
        edited: Some(vec![]),
        mocks: file.mocks.iter().map(HistoryRecord::entry).collect(),
        ..Backup::of(file.exported_at, file.settings.settings(), interviews, file.suspended)
    };
    let mut ids = HashMap::new();
    for (i, s) in file.stories.iter().enumerate() {
        if s.id.is_empty() || s.id.len() > 64 || ids.insert(s.id.clone(), i).is_some() {
            return Err(format!("story {}: the id is empty, too long or used twice", i + 1));
        }
    }
    b.kit = Kit { stories: file.stories, rounds: file.rounds };
    let mut seen = HashMap::new();
    let edited = b.edited.get_or_insert_with(Vec::new);
    for (i, c) in file.cards.into_iter().enumerate() {
        check_id(&c.id, &mut seen, i)?;
        if let Some(text) = &c.text {
            match text.card(&c.id).map_err(|e| format!("card {}: {e}", c.id))? {
                Some(card) if card.question.trim().is_empty() => return Err(format!("card {}: the question is empty", c.id)),
                Some(card) => b.cards.push(card),
                None => b.deleted.push(c.id.clone()),
            }
            if let Some(at) = text.edited {
                edited.push((c.id.clone(), at));
            }
        }
        if let Some(state) = c.state {
            b.log.extend(state.reviews.iter().map(|r| r.entry(&c.id)));
            if let Some(p) = state.progress {
                b.progress.insert(c.id, p);
            }
        }
    }
    b.log.sort_unstable_by(|a, b| a.at_ms.cmp(&b.at_ms).then_with(|| a.card_id.cmp(&b.card_id)));
    Ok(b)
}

#[cfg(test)]
mod tests;
