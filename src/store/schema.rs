//! The stored layout, version 2. Every key starts with `second-round/`:
//!
//! | key                          | value                                                     |
//! |------------------------------|-----------------------------------------------------------|
//! | `second-round/meta`          | `1` — the schema version                                  |
//! | `second-round/settings`      | `retention=90;new=15;reviews=200;interval=36500;target=90;rehearse=0;answer=120;speech=0` |
//! | `second-round/interviews`    | one line per interview (see `domain::interview`)          |
//! | `second-round/card/<id>`     | one card's progress (only cards ever graded), see below   |
//! | `second-round/log/<n>`       | review log chunk n: up to 16 entries (32 in version 1)    |
//! | `second-round/own/<id>`      | a card's own text: a card of one's own, an edited built-in card (JSON), or `{"deleted":true}` for a deleted built-in card |
//! | `second-round/suspended`     | ids of suspended cards, one per line                      |
//! | `second-round/unreadable/<key>` | raw text of a key that could not be read, kept aside   |
//!
//! An `own/` record also holds `"edited"`, when the card was last edited or deleted (ms), which
//! decides which text wins when another device's backup is merged. It came after version 2 was
//! released, as an optional field: a record without it reads as edited at an unknown, oldest
//! moment, and an app of version 2 reads records with it unchanged (it ignores the field), so the
//! schema version stays 2.
//!
//! Version 2 added `own/` and `suspended`; version 1 data reads unchanged (the migration only
//! writes the new version number), and a version 1 app shown version 2 data writes nothing.
//!
//! A card's progress is one line of comma-separated fields: phase (`n`, `l`, `r`, `rl`), step,
//! stability and difficulty (the bits of the f32, in hex, so they read back exactly), due (ms since the
//! epoch), last review (ms, empty if none), reviews, lapses — e.g. `r,0,4145c28f,40a33333,1795564800000,
//! 1794355200000,4,0`. (A JSON library cost 16 KB of the 120 KB bundle budget and decimal float
//! parsing another 5 KB; these records are also what keeps a grade's write small.)
//!
//! Grading writes one card key and the one log chunk the entry lands in (at most 32 short lines),
//! never the whole collection. A value that fails to decode is never deleted or overwritten: it is
//! copied under `unreadable/` and reported.

use crate::domain::card::{Card, Theme};
use crate::domain::interview::{self, Interview};
use crate::domain::json::{self, Json};
use crate::domain::{LogEntry, Phase, Progress, Settings};
use crate::domain::sort_by_key;
use std::collections::HashMap;

pub const VERSION: u32 = 2;
pub const PREFIX: &str = "second-round/";
/// Reviews per log chunk written: a grade rewrites one chunk, so this keeps a grade's write under
/// 2 KB even with long ids (cards of one's own).
pub const LOG_CHUNK: usize = 16;
/// The most a chunk may hold when read (version 1 wrote chunks of 32).
pub const LOG_CHUNK_READ: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Key {
    Meta,
    Settings,
    Interviews,
    Card(String),
    LogChunk(u32),
    Own(String),
    Suspended,
    Unreadable(String),
}

impl Key {
    pub fn name(&self) -> String {
        match self {
            Key::Meta => format!("{PREFIX}meta"),
            Key::Settings => format!("{PREFIX}settings"),
            Key::Interviews => format!("{PREFIX}interviews"),
            Key::Card(id) => format!("{PREFIX}card/{id}"),
            Key::LogChunk(n) => format!("{PREFIX}log/{n}"),
            Key::Own(id) => format!("{PREFIX}own/{id}"),
            Key::Suspended => format!("{PREFIX}suspended"),
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
            _ => {}
        }
        if let Some(id) = rest.strip_prefix("own/") {
            return (!id.is_empty()).then(|| Key::Own(id.to_string()));
        }
        if let Some(id) = rest.strip_prefix("card/") {
            return (!id.is_empty()).then(|| Key::Card(id.to_string()));
        }
        if let Some(n) = rest.strip_prefix("log/") {
            return n.parse().ok().map(Key::LogChunk);
        }
        rest.strip_prefix("unreadable/").map(|k| Key::Unreadable(k.to_string()))
    }
}

pub fn encode_meta() -> String {
    VERSION.to_string()
}

pub fn decode_meta(text: &str) -> Result<u32, String> {
    text.trim().parse().map_err(|_| "not a schema version".to_string())
}

/// What an `own/<id>` key holds.
#[derive(Debug, Clone, PartialEq)]
pub enum OwnRecord {
    /// The card's text; `order` places cards of one's own after the deck (the moment they were added).
    Card { card: Card, order: i64 },
    /// A built-in card the person deleted.
    Deleted,
}

fn strs(items: &[String]) -> Json {
    Json::Arr(items.iter().map(|t| Json::Str(t.clone())).collect())
}

/// A card's text as stored; `edited` is when it was last edited (ms; 0: not known, left out).
pub fn encode_card(card: &Card, order: i64, edited: i64) -> String {
    let mut m = vec![
        ("theme".to_string(), Json::Str(card.theme.key().into())),
        ("tags".into(), strs(&card.tags)),
        ("q".into(), Json::Str(card.question.clone())),
        ("a".into(), Json::Str(card.answer.clone())),
        ("k".into(), strs(&card.key_points)),
        ("order".into(), Json::Int(order)),
    ];
    if !card.synonyms.is_empty() {
        m.push(("syn".into(), Json::Arr(card.synonyms.iter().map(|(a, b)| strs(&[a.clone(), b.clone()])).collect())));
    }
    m.extend(card.extras_json());
    if edited > 0 {
        m.push(("edited".into(), Json::Int(edited)));
    }
    Json::Obj(m).to_text()
}

/// A deleted built-in card, as written before deletions kept their moment.
pub const DELETED: &str = "{\"deleted\":true}";

/// A deleted built-in card, with when it was deleted (ms; 0: not known).
pub fn encode_deleted(edited: i64) -> String {
    if edited > 0 {
        format!("{{\"deleted\":true,\"edited\":{edited}}}")
    } else {
        DELETED.to_string()
    }
}

pub fn decode_card(id: &str, text: &str) -> Result<OwnRecord, String> {
    decode_own(id, text).map(|(record, _)| record)
}

/// An `own/<id>` record and when it was last edited or deleted (ms): 0 for a record written
/// before edits kept their moment, which counts as the oldest edit.
pub fn decode_own(id: &str, text: &str) -> Result<(OwnRecord, i64), String> {
    let v = json::parse(text).map_err(|e| e.message)?;
    let edited = v.get("edited").and_then(Json::as_i64).unwrap_or(0);
    if v.get("deleted").and_then(Json::as_bool) == Some(true) {
        return Ok((OwnRecord::Deleted, edited));
    }
    let s = |k: &str| v.get(k).and_then(Json::as_str).map(str::to_string).ok_or(format!("no text \"{k}\""));
    let list = |k: &str| -> Result<Vec<String>, String> {
        match v.get(k) {
            None => Ok(vec![]),
            Some(j) => j.as_array().and_then(|a| a.iter().map(|x| x.as_str().map(str::to_string)).collect()).ok_or(format!("\"{k}\" is not a list")),
        }
    };
    let synonyms = match v.get("syn").and_then(Json::as_array) {
        None => vec![],
        Some(pairs) => pairs
            .iter()
            .filter_map(|p| match p.as_array() {
                Some([a, b]) => Some((a.as_str()?.to_string(), b.as_str()?.to_string())),
                _ => None,
            })
            .collect(),
    };
    let mut card = Card {
        id: id.to_string(),
        theme: Theme::from_key(&s("theme")?).unwrap_or(Theme::Own),
        tags: list("tags")?,
        question: s("q")?,
        answer: s("a")?,
        key_points: list("k")?,
        synonyms,
        ..Default::default()
    };
    card.read_extras(&v)?;
    Ok((OwnRecord::Card { card, order: v.get("order").and_then(Json::as_i64).unwrap_or(0) }, edited))
}

/// A built-in card as the person edited it. Whether it is retired is the deck's say; a record
/// written before cards had coaching (no why, avoid or probes) keeps the deck's coaching. The
/// edited text serves every track: an edit holds the tracks' answers only where it kept them.
fn edited(built_in: &Card, record: &Card) -> Card {
    let mut card = record.clone();
    card.retired = built_in.retired.clone();
    if card.why.is_empty() && card.avoid.is_empty() && card.probes.is_empty() {
        card.why = built_in.why.clone();
        card.avoid = built_in.avoid.clone();
        card.probes = built_in.probes.clone();
    }
    card
}

/// The cards the app shows: the built-in deck with the person's edits and deletions applied, then
/// their own cards in the order they were added.
pub fn assemble(built_in: Vec<Card>, own: &[(String, OwnRecord)]) -> Vec<Card> {
    let mut cards: Vec<Card> = built_in
        .into_iter()
        .filter_map(|c| match own.iter().find(|(id, _)| *id == c.id) {
            None => Some(c),
            Some((_, OwnRecord::Deleted)) => None,
            Some((_, OwnRecord::Card { card, .. })) => Some(edited(&c, card)),
        })
        .collect();
    // Storage hands keys over in no particular order, and there can be thousands: each card goes
    // in at its place found by binary search (the insertion sort would be quadratic here).
    let mut extra: Vec<(i64, &Card)> = Vec::new();
    for (id, r) in own {
        if let OwnRecord::Card { card, order } = r {
            if !cards.iter().any(|c| c.id == *id) {
                let at = extra.partition_point(|(o, c)| (*o, c.id.as_str()) < (*order, id.as_str()));
                extra.insert(at, (*order, card));
            }
        }
    }
    cards.extend(extra.into_iter().map(|(_, c)| c.clone()));
    cards
}

pub fn encode_progress(p: &Progress) -> String {
    let last = p.last_review_ms.map(|ms| ms.to_string()).unwrap_or_default();
    format!(
        "{},{},{:x},{:x},{},{},{},{}",
        p.phase.code(),
        p.step,
        p.stability.to_bits(),
        p.difficulty.to_bits(),
        p.due_ms,
        last,
        p.reps,
        p.lapses
    )
}

pub fn decode_progress(text: &str) -> Result<Progress, String> {
    let fields: Vec<&str> = text.trim().split(',').collect();
    let [phase, step, stability, difficulty, due, last, reps, lapses] = fields[..] else {
        return Err(format!("expected 8 fields, found {}", fields.len()));
    };
    let num = |name: &str, v: &str| -> Result<f32, String> {
        u32::from_str_radix(v, 16)
            .ok()
            .filter(|_| v.len() <= 8)
            .map(f32::from_bits)
            .filter(|x| x.is_finite() && *x >= 0.0)
            .ok_or(format!("{name} is not a number"))
    };
    let int = |name: &str, v: &str| -> Result<i64, String> { v.parse::<i64>().map_err(|_| format!("{name} is not a whole number")) };
    let small = |name: &str, v: &str| -> Result<u32, String> { v.parse::<u32>().map_err(|_| format!("{name} is not a count")) };
    Ok(Progress {
        phase: Phase::from_code(phase).ok_or("unknown phase")?,
        step: step.parse().map_err(|_| "step is not a small number".to_string())?,
        stability: num("stability", stability)?,
        difficulty: num("difficulty", difficulty)?,
        due_ms: int("due", due)?,
        last_review_ms: if last.is_empty() { None } else { Some(int("last review", last)?) },
        reps: small("reviews", reps)?,
        lapses: small("lapses", lapses)?,
    })
}

pub fn encode_settings(s: &Settings) -> String {
    format!(
        "retention={};new={};reviews={};interval={};target={};rehearse={};answer={};speech={}",
        (s.desired_retention * 100.0).round() as u32,
        s.new_per_day,
        s.max_reviews_per_day,
        s.max_interval_days,
        (s.readiness_target * 100.0).round() as u32,
        s.rehearse as u8,
        s.answer_seconds,
        s.speech as u8
    ) + &s.track.map(|t| format!(";track={}", t.key())).unwrap_or_default()
}

/// Unknown names are ignored and missing ones keep their defaults, so later versions can add settings.
pub fn decode_settings(text: &str) -> Result<Settings, String> {
    let mut s = Settings::default();
    for pair in text.trim().split(';').filter(|p| !p.is_empty()) {
        let (name, value) = pair.split_once('=').ok_or(format!("\"{pair}\" is not name=value"))?;
        let bad = || format!("{name} has a bad value");
        match name {
            "retention" => s.desired_retention = value.parse::<u32>().map_err(|_| bad())? as f32 / 100.0,
            "new" => s.new_per_day = value.parse().map_err(|_| bad())?,
            "reviews" => s.max_reviews_per_day = value.parse().map_err(|_| bad())?,
            "interval" => s.max_interval_days = value.parse().map_err(|_| bad())?,
            "target" => s.readiness_target = value.parse::<u32>().map_err(|_| bad())? as f32 / 100.0,
            "rehearse" | "speech" => {
                let on = match value {
                    "0" => false,
                    "1" => true,
                    _ => return Err(bad()),
                };
                if name == "rehearse" {
                    s.rehearse = on
                } else {
                    s.speech = on
                }
            }
            "answer" => s.answer_seconds = value.parse().map_err(|_| bad())?,
            // A track a later version added reads as not chosen yet.
            "track" => s.track = crate::domain::card::Track::from_key(value),
            _ => {}
        }
    }
    Ok(s.sanitised())
}

pub fn encode_chunk(lines: &[String]) -> String {
    lines.join("\n")
}

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
    /// Log entries, oldest first.
    pub log: Vec<LogEntry>,
    /// The highest log chunk number stored, readable or not: new chunks go after it.
    pub highest_chunk: Option<u32>,
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
}

/// Decodes every stored `(key, value)` the app owns. Never fails: unreadable values are listed.
pub fn decode(entries: impl IntoIterator<Item = (String, String)>) -> Loaded {
    let mut loaded = Loaded::default();
    let mut chunks: Vec<(u32, String, String)> = Vec::new();
    let bad = |key: &str, reason: String, loaded: &mut Loaded| loaded.unreadable.push(Unreadable { key: key.to_string(), reason });
    let mut settings_raw = None;
    for (name, value) in entries {
        match Key::parse(&name) {
            None => {}
            Some(Key::Meta) => match decode_meta(&value) {
                Ok(v) => loaded.version = Some(v),
                Err(e) => bad(&name, e, &mut loaded),
            },
            Some(Key::Settings) => settings_raw = Some((name, value)),
            Some(Key::Interviews) => match interview::decode(&value) {
                Ok(list) => loaded.interviews = list,
                Err(e) => bad(&name, e, &mut loaded),
            },
            Some(Key::Card(id)) => match decode_progress(&value) {
                Ok(p) => {
                    loaded.progress.insert(id, p);
                }
                Err(e) => bad(&name, format!("not a card's progress: {e}"), &mut loaded),
            },
            Some(Key::LogChunk(n)) => {
                loaded.highest_chunk = loaded.highest_chunk.max(Some(n));
                chunks.push((n, name, value));
            }
            Some(Key::Own(id)) => match decode_own(&id, &value) {
                Ok((record, edited)) => {
                    loaded.edited.push((id.clone(), edited));
                    loaded.own.push((id, record));
                }
                Err(e) => bad(&name, format!("not a card: {e}"), &mut loaded),
            },
            Some(Key::Suspended) => {
                loaded.suspended = value.lines().filter(|l| !l.is_empty()).map(str::to_string).collect();
                sort_by_key(&mut loaded.suspended, |s| s.clone());
            }
            Some(Key::Unreadable(original)) => loaded.kept_aside.push(original),
        }
    }
    if let Some(v) = loaded.version {
        loaded.newer = v > VERSION;
    }
    if let Some((name, value)) = settings_raw {
        match decode_settings(&value) {
            Ok(s) => loaded.settings = s,
            Err(e) => bad(&name, format!("not settings: {e}"), &mut loaded),
        }
    }
    sort_by_key(&mut chunks, |c| c.0);
    for (_, name, value) in chunks {
        let entries: Option<Vec<LogEntry>> = value.lines().map(LogEntry::decode).collect();
        match entries {
            Some(entries) if entries.len() <= LOG_CHUNK_READ => loaded.log.extend(entries),
            Some(_) => bad(&name, format!("holds more than {LOG_CHUNK_READ} entries"), &mut loaded),
            None => bad(&name, "a review log line is damaged".into(), &mut loaded),
        }
    }
    // Another tab or an import may interleave chunks: the log is kept in time order.
    sort_by_key(&mut loaded.log, |e| e.at_ms);
    loaded
}

/// Where the next log entry goes, given the current tail chunk; the returned lines include it.
pub fn append_to_tail(tail: Option<(u32, Vec<String>)>, highest_chunk: Option<u32>, entry: &LogEntry) -> (u32, Vec<String>) {
    match tail {
        Some((n, mut lines)) if lines.len() < LOG_CHUNK => {
            lines.push(entry.encode());
            (n, lines)
        }
        other => {
            let next = other.map(|(n, _)| n + 1).max(highest_chunk.map(|h| h + 1)).unwrap_or(0);
            (next, vec![entry.encode()])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Rating;
    use std::collections::BTreeMap;

    fn entry(i: i64) -> LogEntry {
        LogEntry { card_id: format!("c{i}"), at_ms: 1_000 + i, rating: Rating::Good, phase_before: Phase::New, duration_ms: 1 }
    }

    #[test]
    fn keys_round_trip_and_foreign_keys_are_ignored() {
        for k in [Key::Meta, Key::Settings, Key::Interviews, Key::Card("plan-01".into()), Key::LogChunk(7), Key::Own("own-1".into()), Key::Suspended, Key::Unreadable("second-round/card/x".into())] {
            assert_eq!(Key::parse(&k.name()), Some(k));
        }
        assert_eq!(Key::parse("other-app/meta"), None);
        assert_eq!(Key::parse("second-round/log/x"), None);
        assert_eq!(Key::parse("second-round/card/"), None);
    }

    #[test]
    fn cards_of_ones_own_edits_and_deletions_are_kept_and_assembled() {
        use crate::domain::deck;
        let deck = deck::built_in();
        let mut edited = deck[1].clone();
        edited.answer = "My version, with \"quotes\"\nand a line.".into();
        let own = Card { id: "own-1".into(), theme: Theme::Own, tags: vec!["mine".into()], question: "Q?".into(), answer: "A.".into(), key_points: vec!["k".into()], synonyms: vec![("a".into(), "b".into())], ..Default::default() };
        let stored = vec![
            (Key::Own(own.id.clone()).name(), encode_card(&own, 5, 1_795_600_000_000)),
            (Key::Own(deck[0].id.clone()).name(), DELETED.to_string()),
            (Key::Own(edited.id.clone()).name(), encode_card(&edited, 0, 0)),
            (Key::Suspended.name(), "b\na\n".to_string()),
            (Key::Own("bad".into()).name(), "{\"q\":1}".to_string()),
        ];
        let l = decode(stored);
        assert_eq!(l.suspended, vec!["a", "b"]);
        assert_eq!(l.unreadable.len(), 1, "a damaged card record is reported");
        let cards = assemble(deck.clone(), &l.own);
        assert_eq!(cards.len(), deck.len(), "one deleted, one added");
        assert_eq!(cards[0], edited);
        assert_eq!(cards.last(), Some(&own));
        assert!(!cards.iter().any(|c| c.id == deck[0].id));
        // A later deck with a new card: it comes in as new; edits and deletions stay.
        let mut later = deck.clone();
        later.push(Card { id: "plan-99".into(), ..deck[2].clone() });
        let cards = assemble(later, &l.own);
        assert!(cards.iter().any(|c| c.id == "plan-99"));
        assert_eq!(cards[0], edited);
    }

    #[test]
    fn coaching_and_tracks_are_kept_and_retirement_is_the_decks() {
        use crate::domain::card::{Track, Variant};
        let card = Card {
            id: "plan-01".into(),
            theme: Theme::Plan,
            tags: vec!["star".into()],
            question: "Q?".into(),
            answer: "A.".into(),
            key_points: vec!["k".into(), "l".into()],
            why: "Why.".into(),
            avoid: "Avoid.".into(),
            probes: vec!["P1?".into(), "P2?".into()],
            variants: vec![Variant { track: Track::Manager, answer: "M.".into(), key_points: vec!["m".into()] }],
            ..Default::default()
        };
        assert_eq!(decode_card("plan-01", &encode_card(&card, 3, 0)), Ok(OwnRecord::Card { card: card.clone(), order: 3 }));
        // The deck retires the card: the person's edit stays, and so does the retirement.
        let retired = Card { retired: Some("merged into plan-02".into()), ..card.clone() };
        let edit = Card { answer: "Mine.".into(), ..card.clone() };
        let cards = assemble(vec![retired], &[("plan-01".into(), OwnRecord::Card { card: edit, order: 0 })]);
        assert_eq!((cards[0].answer.as_str(), cards[0].retired.as_deref()), ("Mine.", Some("merged into plan-02")));
        // A record from before coaching existed keeps the deck's coaching.
        let old = decode_card("plan-01", r#"{"theme":"plan","tags":[],"q":"Q?","a":"Old.","k":[]}"#).unwrap();
        let cards = assemble(vec![card.clone()], &[("plan-01".into(), old)]);
        assert_eq!((cards[0].answer.as_str(), cards[0].why.as_str(), cards[0].probes.len()), ("Old.", "Why.", 2));
        assert!(decode_card("x", r#"{"theme":"plan","tags":[],"q":"Q?","a":"A","k":[],"tracks":[{"track":"pilot","answer":"x"}]}"#).is_err());
    }

    #[test]
    fn edits_and_deletions_keep_their_moment_and_older_records_read_as_oldest() {
        let card = Card { id: "own-1".into(), theme: Theme::Own, question: "Q?".into(), answer: "A.".into(), ..Card::default() };
        assert_eq!(decode_own("own-1", &encode_card(&card, 2, 1_795_600_000_123)), Ok((OwnRecord::Card { card: card.clone(), order: 2 }, 1_795_600_000_123)));
        assert_eq!(decode_own("plan-01", &encode_deleted(1_795_600_000_456)), Ok((OwnRecord::Deleted, 1_795_600_000_456)));
        assert_eq!(encode_deleted(0), DELETED, "no moment known: the record as version 2 first wrote it");
        assert!(!encode_card(&card, 2, 0).contains("edited"));
        let l = decode(vec![
            (Key::Own("own-1".into()).name(), r#"{"theme":"own","tags":[],"q":"Q?","a":"A.","k":[],"order":2}"#.to_string()),
            (Key::Own("plan-02".into()).name(), DELETED.to_string()),
            (Key::Own("plan-03".into()).name(), encode_deleted(7)),
        ]);
        let mut edited = l.edited.clone();
        edited.sort();
        assert_eq!(edited, vec![("own-1".to_string(), 0), ("plan-02".to_string(), 0), ("plan-03".to_string(), 7)]);
    }

    #[test]
    fn version_1_data_reads_unchanged() {
        let l = decode(vec![(Key::Meta.name(), "1".to_string()), (Key::Settings.name(), "new=3".to_string())]);
        assert_eq!((l.version, l.newer, l.settings.new_per_day), (Some(1), false, 3));
        assert!(decode(vec![(Key::Meta.name(), "3".to_string())]).newer);
    }

    #[test]
    fn a_first_visit_decodes_to_defaults() {
        let l = decode(Vec::new());
        assert_eq!(l.version, None);
        assert_eq!(l.settings, Settings::default());
        assert!(l.progress.is_empty() && l.log.is_empty() && l.unreadable.is_empty());
    }

    #[test]
    fn what_was_written_reads_back() {
        let p = Progress { phase: Phase::Review, step: 0, stability: 3.5, difficulty: 5.25, due_ms: 99, last_review_ms: Some(9), reps: 2, lapses: 1 };
        let s = Settings { desired_retention: 0.85, new_per_day: 7, max_reviews_per_day: 50, max_interval_days: 365, readiness_target: 0.9, ..Settings::default() };
        let mut tail = None;
        let mut stored = vec![(Key::Meta.name(), encode_meta()), (Key::Settings.name(), encode_settings(&s)), (Key::Card("a".into()).name(), encode_progress(&p))];
        let mut chunks = BTreeMap::new();
        for i in 0..40 {
            let (n, lines) = append_to_tail(tail.take(), None, &entry(i));
            chunks.insert(n, encode_chunk(&lines));
            tail = Some((n, lines));
        }
        assert_eq!(chunks.len(), 40usize.div_ceil(LOG_CHUNK));
        stored.extend(chunks.into_iter().map(|(n, v)| (Key::LogChunk(n).name(), v)));
        let l = decode(stored);
        assert_eq!(l.version, Some(VERSION));
        assert!(!l.newer);
        assert_eq!(l.settings, s);
        assert_eq!(l.progress["a"], p);
        assert_eq!(l.log.len(), 40);
        assert_eq!(l.log[39], entry(39));
        assert_eq!(tail.as_ref().map(|(n, lines)| (*n, lines.len())), Some((2, 40 - 2 * LOG_CHUNK)));
        assert_eq!(l.highest_chunk, Some(2));
    }

    #[test]
    fn damaged_values_are_reported_and_the_rest_is_used() {
        let good = (Key::Card("ok".into()).name(), encode_progress(&Progress::default()));
        let l = decode(vec![
            good,
            (Key::Card("bad".into()).name(), "{not json".into()),
            (Key::Card("nan".into()).name(), "r,0,7fc00000,5,1,,1,0".into()),
            (Key::Settings.name(), "\"fast\"".into()),
            (Key::LogChunk(0).name(), format!("{}\ngarbage", entry(1).encode())),
            (Key::LogChunk(1).name(), entry(2).encode()),
            (Key::Meta.name(), "{\"v\":1}".into()),
        ]);
        assert!(l.progress.contains_key("ok"));
        let keys: Vec<&str> = l.unreadable.iter().map(|u| u.key.as_str()).collect();
        for k in ["second-round/card/bad", "second-round/card/nan", "second-round/settings", "second-round/log/0", "second-round/meta"] {
            assert!(keys.contains(&k), "{k} missing from {keys:?}");
        }
        assert_eq!(l.settings, Settings::default());
        assert_eq!(l.log, vec![entry(2)]);
    }

    #[test]
    fn appends_never_land_in_a_damaged_chunk() {
        // Chunk 3 exists but could not be read, so the tail is chunk 2: the next chunk must be 4.
        let full: Vec<String> = (0..LOG_CHUNK as i64).map(|i| entry(i).encode()).collect();
        let (n, lines) = append_to_tail(Some((2, full)), Some(3), &entry(99));
        assert_eq!((n, lines.len()), (4, 1));
    }

    #[test]
    fn records_read_back_bit_for_bit() {
        for p in [
            Progress::default(),
            Progress { phase: Phase::Relearning, step: 3, stability: 0.212_345_67, difficulty: 9.999_999, due_ms: -5, last_review_ms: Some(1_795_564_800_123), reps: 4_000_000_000, lapses: 7 },
            Progress { phase: Phase::Learning, stability: f32::MIN_POSITIVE, difficulty: 1.0, ..Progress::default() },
        ] {
            let back = decode_progress(&encode_progress(&p)).unwrap();
            assert_eq!(back, p);
            assert_eq!(back.stability.to_bits(), p.stability.to_bits());
        }
        assert!(encode_progress(&Progress::default()).len() < 30);
        let s = Settings { desired_retention: 0.83, new_per_day: 0, max_reviews_per_day: 9, max_interval_days: 180, readiness_target: 0.75, ..Settings::default() };
        assert_eq!(decode_settings(&encode_settings(&s)), Ok(s));
        let r = Settings { rehearse: true, answer_seconds: 90, speech: true, ..s };
        assert_eq!(decode_settings(&encode_settings(&r)), Ok(r));
        assert_eq!(decode_settings("retention=90;new=15"), Ok(Settings { new_per_day: 15, ..Settings::default() }), "older records: rehearse off, 2:00");
        assert!(decode_settings("rehearse=yes").is_err());
        let t = Settings { track: Some(crate::domain::card::Track::Frontline), ..Settings::default() };
        assert!(encode_settings(&t).ends_with(";track=frontline"));
        assert_eq!(decode_settings(&encode_settings(&t)), Ok(t));
        assert!(!encode_settings(&Settings::default()).contains("track"), "not chosen yet: not written");
        assert_eq!(decode_settings("track=astronaut").map(|s| s.track), Ok(None), "a later version's track reads as not chosen");
        assert_eq!(decode_settings("new=3;future=yes"), Ok(Settings { new_per_day: 3, ..Settings::default() }));
        assert_eq!(decode_settings("retention=150"), Ok(Settings { desired_retention: 0.97, ..Settings::default() }));
        // bf800000 is -1.0, 7f800000 infinity, 7fc00000 NaN.
        for bad in ["", "r,0,1,1,1,,1", "x,0,1,1,1,,1,0", "r,0,bf800000,1,1,,1,0", "r,0,7f800000,1,1,,1,0", "r,0,7fc00000,1,1,,1,0", "r,0,1,1,1,,1,0,9", "r,300,1,1,1,,1,0", "r,0,1,1,1.5,,1,0", "r,0,123456789,1,1,,1,0"] {
            assert!(decode_progress(bad).is_err(), "{bad}");
        }
        assert!(decode_settings("new=many").is_err());
        assert!(decode_settings("garbage").is_err());
    }

    #[test]
    fn chunks_and_entries_are_read_in_order_whatever_the_storage_order() {
        let stored = vec![
            (Key::LogChunk(10).name(), format!("{}\n{}", entry(5).encode(), entry(6).encode())),
            (Key::LogChunk(2).name(), format!("{}\n{}", entry(1).encode(), entry(9).encode())),
            (Key::LogChunk(3).name(), entry(3).encode()),
        ];
        let l = decode(stored);
        assert_eq!(l.log.iter().map(|e| e.at_ms - 1_000).collect::<Vec<_>>(), vec![1, 3, 5, 6, 9]);
        assert_eq!(l.highest_chunk, Some(10), "appends go after the highest chunk");
    }

    #[test]
    fn a_newer_schema_is_flagged() {
        let l = decode(vec![(Key::Meta.name(), "3".into())]);
        assert!(l.newer);
    }
}
