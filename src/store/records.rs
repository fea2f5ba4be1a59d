//! The stored records: one `serde` type per record, written and read as JSON (`serde_json`) by
//! local storage and by the backup file alike.
//!
//! | record            | type            | JSON                                                          |
//! |-------------------|-----------------|---------------------------------------------------------------|
//! | a card's text     | [`CardText`]    | `{"q":"…","a":"…","k":["…"],"tags":["…"],"order":3}` (+ coaching, tracks, `theme` unless own) or `{"deleted":true}` |
//! | a card's schedule and reviews | [`CardState`] | one string, packed (see below)                      |
//! | older reviews of a card | [`OlderReviews`] | one string, packed                                     |
//! | the settings      | [`SettingsRecord`] | `{"desiredRetentionPercent":90,"newPerDay":15,…}`          |
//! | the interviews    | `Vec<`[`InterviewRecord`]`>` | `[{"at":…,"company":"…","role":"…","active":true,"themes":["sell"]}]` |
//! | suspended cards   | `Vec<String>`   | `["fit-02","sell-01"]`                                        |
//!
//! Every field that has a default may be missing (it takes the default), and fields a record does
//! not know are ignored, so a later version can add fields without a new schema version.
//!
//! A card's schedule and its reviews are one packed string: see [`packed`].

use crate::domain::card::{Card, Theme, Track, Variant};
use crate::domain::collection::Settings;
use crate::domain::interview::Interview;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Writes a record as JSON. Serialising these types cannot fail (no maps with non-text keys, no
/// floats that JSON cannot hold), so a failure would be a bug: it is written as `null`, which
/// reads back as damaged rather than as something else.
pub fn to_json<T: Serialize>(record: &T) -> String {
    serde_json::to_string(record).unwrap_or_else(|_| "null".to_string())
}

/// Reads a record from JSON; the error says what is wrong and where.
pub fn from_json<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

// ------------------------------------------------------------------------------ a card's text

/// `own/<id>`: the text of a card of one's own or of an edited built-in card, or — `deleted` —
/// a built-in card the person deleted. The same names as the schema-2 record, so those read as
/// they are.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CardText {
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    #[serde(default, skip_serializing_if = "is_own", with = "theme_key")]
    pub theme: Theme,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The question (missing only in a deletion).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub a: String,
    /// Key points.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub k: Vec<String>,
    /// Synonyms: pairs of what a rehearsed answer may say and the key point's word.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub syn: Vec<(String, String)>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub why: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub avoid: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub probes: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<TrackText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<String>,
    /// Places cards of one's own after the deck, in the order they were added.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub order: i64,
    /// When the card was last edited or deleted (ms; 0: at a moment not known) — what decides
    /// between two devices' texts when a backup is merged. In storage a record is itself an edit
    /// (left out: at a moment not known); in a backup, left out means the deck's own text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<i64>,
}

/// A role track's own answer and key points on a card.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrackText {
    #[serde(with = "track_key")]
    pub track: Track,
    pub answer: String,
    #[serde(default, rename = "keyPoints", skip_serializing_if = "Vec::is_empty")]
    pub key_points: Vec<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}
fn is_own(t: &Theme) -> bool {
    *t == Theme::Own
}
fn is_zero(n: &i64) -> bool {
    *n == 0
}

/// Themes by their key (`"plan"`, `"sell"` …); a key this version does not know reads as one's own.
mod theme_key {
    use crate::domain::card::Theme;
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(t: &Theme, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.key())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Theme, D::Error> {
        Ok(Theme::from_key(&String::deserialize(d)?).unwrap_or(Theme::Own))
    }
}

/// Tracks by their key (`"graduate"` …); an unknown one makes the record unreadable rather than
/// giving its answer to the wrong track.
mod track_key {
    use crate::domain::card::Track;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(t: &Track, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(t.key())
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Track, D::Error> {
        let key = String::deserialize(d)?;
        Track::from_key(&key).ok_or_else(|| D::Error::custom(format!("unknown track \"{key}\"")))
    }
}

impl CardText {
    /// The record of a card's text; `order` places a card of one's own among the others, `edited`
    /// is when it was last edited (ms; 0: not known).
    pub fn of(card: &Card, order: i64, edited: Option<i64>) -> CardText {
        CardText {
            deleted: false,
            theme: card.theme,
            tags: card.tags.clone(),
            q: Some(card.question.clone()),
            a: card.answer.clone(),
            k: card.key_points.clone(),
            syn: card.synonyms.clone(),
            why: card.why.clone(),
            avoid: card.avoid.clone(),
            probes: card.probes.clone(),
            tracks: card
                .variants
                .iter()
                .map(|v| TrackText { track: v.track, answer: v.answer.clone(), key_points: v.key_points.clone() })
                .collect(),
            retired: card.retired.clone(),
            order,
            edited,
        }
    }

    /// The record of a built-in card deleted at `edited` (ms; 0: not known).
    pub fn deletion(edited: Option<i64>) -> CardText {
        CardText { deleted: true, edited, ..CardText::default() }
    }

    /// The card this record holds, with its id; `None` for a deletion. A record that is neither
    /// (no question) is an error.
    pub fn card(&self, id: &str) -> Result<Option<Card>, String> {
        if self.deleted {
            return Ok(None);
        }
        let question = self.q.clone().ok_or("no question")?;
        Ok(Some(Card {
            id: id.to_string(),
            theme: self.theme,
            tags: self.tags.clone(),
            question,
            answer: self.a.clone(),
            key_points: self.k.clone(),
            synonyms: self.syn.clone(),
            why: self.why.clone(),
            avoid: self.avoid.clone(),
            probes: self.probes.clone(),
            variants: self
                .tracks
                .iter()
                .map(|t| Variant { track: t.track, answer: t.answer.clone(), key_points: t.key_points.clone() })
                .collect(),
            retired: self.retired.clone(),
        }))
    }
}

// ------------------------------------------------------------------ a card's schedule and reviews

mod packed;
pub use packed::{CardState, OlderReviews, Review};

// --------------------------------------------------------------------------------- settings

/// `settings`: whole percentages, so the record reads back exactly. Missing fields take their
/// defaults; values out of range are brought inside it when read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SettingsRecord {
    pub desired_retention_percent: u32,
    pub new_per_day: u32,
    pub max_reviews_per_day: u32,
    pub max_interval_days: u32,
    pub readiness_target_percent: u32,
    pub rehearse: bool,
    pub answer_seconds: u32,
    #[serde(rename = "speechToText")]
    pub speech: bool,
    /// The role track chosen (its key); left out until one is chosen. A track this version does
    /// not know reads as not chosen yet.
    #[serde(skip_serializing_if = "Option::is_none", with = "optional_track")]
    pub track: Option<Track>,
}

mod optional_track {
    use crate::domain::card::Track;
    use serde::{Deserialize, Deserializer, Serializer};
    pub fn serialize<S: Serializer>(t: &Option<Track>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.serialize_str(t.key()),
            None => s.serialize_none(),
        }
    }
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Track>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.and_then(|k| Track::from_key(&k)))
    }
}

impl Default for SettingsRecord {
    fn default() -> Self {
        SettingsRecord::of(&Settings::default())
    }
}

impl SettingsRecord {
    pub fn of(s: &Settings) -> SettingsRecord {
        SettingsRecord {
            desired_retention_percent: (s.desired_retention * 100.0).round() as u32,
            new_per_day: s.new_per_day,
            max_reviews_per_day: s.max_reviews_per_day,
            max_interval_days: s.max_interval_days,
            readiness_target_percent: (s.readiness_target * 100.0).round() as u32,
            rehearse: s.rehearse,
            answer_seconds: s.answer_seconds,
            speech: s.speech,
            track: s.track,
        }
    }

    pub fn settings(&self) -> Settings {
        Settings {
            desired_retention: self.desired_retention_percent as f32 / 100.0,
            new_per_day: self.new_per_day,
            max_reviews_per_day: self.max_reviews_per_day,
            max_interval_days: self.max_interval_days,
            readiness_target: self.readiness_target_percent as f32 / 100.0,
            rehearse: self.rehearse,
            answer_seconds: self.answer_seconds,
            speech: self.speech,
            track: self.track,
        }
        .sanitised()
    }
}

// ------------------------------------------------------------------------------- interviews

/// One upcoming interview.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterviewRecord {
    /// When it starts (ms since the epoch).
    pub at: i64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub role: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub active: bool,
    /// Theme keys; empty for all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub themes: Vec<ThemeKey>,
}

/// A theme by its key; an unknown one makes the interview unreadable (it would widen what the
/// interview covers).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ThemeKey(pub Theme);

impl Serialize for ThemeKey {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.key())
    }
}

impl<'de> Deserialize<'de> for ThemeKey {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let key = String::deserialize(d)?;
        Theme::from_key(&key).map(ThemeKey).ok_or_else(|| serde::de::Error::custom(format!("unknown theme \"{key}\"")))
    }
}

impl InterviewRecord {
    pub fn of(i: &Interview) -> InterviewRecord {
        InterviewRecord {
            at: i.at_ms,
            company: i.company.clone(),
            role: i.role.clone(),
            active: i.active,
            themes: i.themes.iter().map(|&t| ThemeKey(t)).collect(),
        }
    }

    pub fn interview(&self) -> Interview {
        Interview {
            at_ms: self.at,
            company: self.company.clone(),
            role: self.role.clone(),
            active: self.active,
            themes: self.themes.iter().map(|t| t.0).collect(),
        }
    }
}

#[cfg(test)]
mod tests;
