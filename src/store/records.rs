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
//! **Packed**: the schedule and the review log are most of what a collection stores (a 5,000-card
//! collection holds 50,000 reviews), so a card's state is one string of whole numbers packed with
//! [`super::pack`], about 10 characters a review instead of about 40 as JSON objects:
//!
//! - the schedule: `0` for none (a new card whose reviews were taken back, or a deleted card whose
//!   reviews stay in the history), or `1 + step × 4 + phase` (new, learning, review, relearning),
//!   then the bits of stability and of difficulty (exact: they read back bit for bit), the last
//!   review (`0` none, else `1 +` its signed offset from the newest review below), the due time
//!   (signed offset from the last review), reviews, lapses;
//! - then each review, oldest first: its moment (signed offset from the one before; the first from
//!   0) and `duration_ms × 16 + (rating − 1) × 4 + phase before`.

use super::pack::{self, Reader};
use crate::domain::card::{Card, Phase, Progress, Rating, Theme, Track, Variant};
use crate::domain::collection::{LogEntry, Settings};
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
            tracks: card.variants.iter().map(|v| TrackText { track: v.track, answer: v.answer.clone(), key_points: v.key_points.clone() }).collect(),
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
            variants: self.tracks.iter().map(|t| Variant { track: t.track, answer: t.answer.clone(), key_points: t.key_points.clone() }).collect(),
            retired: self.retired.clone(),
        }))
    }
}

// ------------------------------------------------------------------ a card's schedule and reviews

/// One review as a card's record holds it (the card is the record's).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Review {
    pub at_ms: i64,
    pub rating: Rating,
    pub phase_before: Phase,
    pub duration_ms: u32,
}

impl Review {
    pub fn of(e: &LogEntry) -> Review {
        Review { at_ms: e.at_ms, rating: e.rating, phase_before: e.phase_before, duration_ms: e.duration_ms }
    }

    pub fn entry(&self, card_id: &str) -> LogEntry {
        LogEntry { card_id: card_id.to_string(), at_ms: self.at_ms, rating: self.rating, phase_before: self.phase_before, duration_ms: self.duration_ms }
    }
}

const PHASES: [Phase; 4] = [Phase::New, Phase::Learning, Phase::Review, Phase::Relearning];

fn phase_index(p: Phase) -> u64 {
    PHASES.iter().position(|&q| q == p).unwrap_or(0) as u64
}

/// `card/<id>`: a card's schedule (`None`: new, or deleted) and its reviews, oldest first. The
/// oldest reviews of a card with many move to [`OlderReviews`] records, so that a grade's write
/// stays small (see `schema::RECENT_REVIEWS`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CardState {
    pub progress: Option<Progress>,
    pub reviews: Vec<Review>,
}

/// `log/<id>/<n>`: older reviews of a card, oldest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OlderReviews(pub Vec<Review>);

fn pack_reviews(out: &mut String, reviews: &[Review]) {
    let mut before = 0i64;
    for r in reviews {
        pack::put_signed(out, r.at_ms.wrapping_sub(before));
        before = r.at_ms;
        pack::put(out, (r.duration_ms as u64) << 4 | (r.rating as u64 - 1) << 2 | phase_index(r.phase_before));
    }
}

fn unpack_reviews(r: &mut Reader) -> Result<Vec<Review>, String> {
    let mut reviews = Vec::new();
    let mut before = 0i64;
    while !r.is_empty() {
        let offset = r.signed().ok_or("a review's moment is damaged")?;
        if offset < 0 && !reviews.is_empty() {
            return Err("the reviews are out of order".into());
        }
        let at = before.checked_add(offset).ok_or("a review's moment is out of range")?;
        let rest = r.number().ok_or("a review is cut short")?;
        let rating = Rating::from_u8(((rest >> 2) & 3) as u8 + 1).ok_or("bad rating")?;
        let duration_ms = u32::try_from(rest >> 4).map_err(|_| "a review's duration is out of range")?.min(LogEntry::MAX_DURATION_MS);
        reviews.push(Review { at_ms: at, rating, phase_before: PHASES[(rest & 3) as usize], duration_ms });
        before = at;
    }
    Ok(reviews)
}

impl CardState {
    /// The packed text (see the module's notes).
    pub fn pack(&self) -> String {
        let mut out = String::new();
        let base = self.reviews.last().map_or(0, |r| r.at_ms);
        match &self.progress {
            None => pack::put(&mut out, 0),
            Some(p) => {
                pack::put(&mut out, 1 + (p.step as u64) * 4 + phase_index(p.phase));
                pack::put(&mut out, p.stability.to_bits() as u64);
                pack::put(&mut out, p.difficulty.to_bits() as u64);
                let last = p.last_review_ms.unwrap_or(base);
                pack::put(&mut out, p.last_review_ms.map_or(0, |l| 1 + zigzag(l.wrapping_sub(base))));
                pack::put_signed(&mut out, p.due_ms.wrapping_sub(last));
                pack::put(&mut out, p.reps as u64);
                pack::put(&mut out, p.lapses as u64);
            }
        }
        pack_reviews(&mut out, &self.reviews);
        out
    }

    pub fn unpack(text: &str) -> Result<CardState, String> {
        let mut r = Reader::new(text);
        let head = r.number().ok_or("the schedule is damaged")?;
        let mut fields = [0u64; 6];
        if head > 0 {
            for f in fields.iter_mut() {
                *f = r.number().ok_or("the schedule is damaged")?;
            }
        }
        let reviews = unpack_reviews(&mut r)?;
        if head == 0 {
            return Ok(CardState { progress: None, reviews });
        }
        let base = reviews.last().map_or(0, |r| r.at_ms);
        let [stability, difficulty, last, due, reps, lapses] = fields;
        let float = |bits: u64, what: &str| {
            u32::try_from(bits).ok().map(f32::from_bits).filter(|x| x.is_finite() && *x >= 0.0).ok_or(format!("{what} is not a number"))
        };
        let last_review_ms = match last {
            0 => None,
            n => Some(base.wrapping_add(unzigzag(n - 1))),
        };
        let due_ms = last_review_ms.unwrap_or(base).wrapping_add(unzigzag(due));
        let progress = Progress {
            phase: PHASES[((head - 1) % 4) as usize],
            step: u8::try_from((head - 1) / 4).map_err(|_| "the step is out of range")?,
            stability: float(stability, "stability")?,
            difficulty: float(difficulty, "difficulty")?,
            due_ms,
            last_review_ms,
            reps: u32::try_from(reps).map_err(|_| "reviews out of range")?,
            lapses: u32::try_from(lapses).map_err(|_| "lapses out of range")?,
        };
        Ok(CardState { progress: Some(progress), reviews })
    }
}

fn zigzag(n: i64) -> u64 {
    ((n << 1) ^ (n >> 63)) as u64
}

fn unzigzag(z: u64) -> i64 {
    ((z >> 1) as i64) ^ -((z & 1) as i64)
}

impl OlderReviews {
    pub fn pack(&self) -> String {
        let mut out = String::new();
        pack_reviews(&mut out, &self.0);
        out
    }

    pub fn unpack(text: &str) -> Result<OlderReviews, String> {
        unpack_reviews(&mut Reader::new(text)).map(OlderReviews)
    }
}

impl Serialize for CardState {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.pack())
    }
}

impl<'de> Deserialize<'de> for CardState {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        CardState::unpack(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl Serialize for OlderReviews {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.pack())
    }
}

impl<'de> Deserialize<'de> for OlderReviews {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        OlderReviews::unpack(&String::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

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
        InterviewRecord { at: i.at_ms, company: i.company.clone(), role: i.role.clone(), active: i.active, themes: i.themes.iter().map(|&t| ThemeKey(t)).collect() }
    }

    pub fn interview(&self) -> Interview {
        Interview { at_ms: self.at, company: self.company.clone(), role: self.role.clone(), active: self.active, themes: self.themes.iter().map(|t| t.0).collect() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const T: i64 = 1_795_564_800_000;

    fn review(at_ms: i64, rating: Rating, phase_before: Phase, duration_ms: u32) -> Review {
        Review { at_ms, rating, phase_before, duration_ms }
    }

    #[test]
    fn a_card_state_reads_back_bit_for_bit_and_is_compact() {
        let state = CardState {
            progress: Some(Progress { phase: Phase::Review, step: 0, stability: 12.345_678, difficulty: 5.25, due_ms: T + 12 * 86_400_000, last_review_ms: Some(T), reps: 3, lapses: 1 }),
            reviews: vec![review(T - 2 * 86_400_000 - 600_000, Rating::Good, Phase::New, 9_000), review(T - 2 * 86_400_000, Rating::Again, Phase::Learning, 12_345), review(T, Rating::Easy, Phase::Review, 600_000)],
        };
        let text = to_json(&state);
        assert_eq!(from_json::<CardState>(&text), Ok(state.clone()));
        assert!(text.len() < 60, "{text} ({} characters)", text.len());
        let new_again = CardState { progress: None, reviews: vec![] };
        assert_eq!(to_json(&new_again), "\"A\"");
        assert_eq!(from_json::<CardState>("\"A\""), Ok(new_again));
    }

    #[test]
    fn damaged_card_states_are_refused() {
        let good = to_json(&CardState { progress: Some(Progress { phase: Phase::Learning, stability: 1.0, difficulty: 5.0, due_ms: T, last_review_ms: Some(T), reps: 1, ..Progress::default() }), reviews: vec![review(T, Rating::Good, Phase::New, 1)] });
        assert!(from_json::<CardState>(&good).is_ok());
        for bad in ["", "\"\"", "1", "\"B\"", "\"A A\"", "r,0,1,1,1,,1,0", &good[..good.len() - 2], "\"AA\""] {
            assert!(from_json::<CardState>(bad).is_err(), "{bad}");
        }
        // NaN, infinity and negative numbers are not schedules.
        for bits in [0x7fc0_0000u32, 0x7f80_0000, 0xbf80_0000] {
            let mut text = String::new();
            pack::put(&mut text, 3);
            for n in [bits as u64, 0, 0, 0, 0, 0] {
                pack::put(&mut text, n);
            }
            assert!(CardState::unpack(&text).is_err());
        }
    }

    #[test]
    fn card_texts_keep_every_field_and_schema_2_records_read() {
        let card = Card {
            id: "plan-01".into(),
            theme: Theme::Plan,
            tags: vec!["star".into()],
            question: "Q \"quoted\"?".into(),
            answer: "A.\nTwo lines.".into(),
            key_points: vec!["k".into()],
            synonyms: vec![("said".into(), "point".into())],
            why: "Why.".into(),
            avoid: "Avoid.".into(),
            probes: vec!["P?".into()],
            variants: vec![Variant { track: Track::Manager, answer: "M.".into(), key_points: vec!["m".into()] }],
            retired: Some("gone".into()),
        };
        let text = to_json(&CardText::of(&card, 7, Some(1_795_600_000_123)));
        let back: CardText = from_json(&text).unwrap();
        assert_eq!((back.card("plan-01"), back.order, back.edited), (Ok(Some(card)), 7, Some(1_795_600_000_123)));
        let v2 = r#"{"theme":"own","tags":[],"q":"Q?","a":"A.","k":["x"],"order":5,"syn":[["a","b"]]}"#;
        let read: CardText = from_json(v2).unwrap();
        assert_eq!(read.card("own-1").unwrap().unwrap().synonyms, vec![("a".to_string(), "b".to_string())]);
        assert_eq!(from_json::<CardText>(r#"{"deleted":true}"#).unwrap().card("x"), Ok(None));
        assert_eq!(to_json(&CardText::deletion(None)), r#"{"deleted":true}"#, "no moment known: as version 2 wrote it");
        assert_eq!(from_json::<CardText>(&to_json(&CardText::deletion(Some(0)))).unwrap().edited, Some(0));
        assert_eq!(from_json::<CardText>(v2).unwrap().edited, None, "a record from before edits kept their moment");
        assert!(from_json::<CardText>(r#"{"a":"no question"}"#).unwrap().card("x").is_err());
        assert!(from_json::<CardText>(r#"{"q":"Q","tracks":[{"track":"pilot","answer":"x"}]}"#).is_err());
        assert_eq!(from_json::<CardText>(r#"{"q":"Q","theme":"later"}"#).unwrap().theme, Theme::Own);
    }

    #[test]
    fn settings_and_interviews_read_back_and_missing_fields_take_defaults() {
        let s = Settings { desired_retention: 0.83, new_per_day: 0, max_reviews_per_day: 9, max_interval_days: 180, readiness_target: 0.75, rehearse: true, answer_seconds: 90, speech: true, track: Some(Track::Frontline) };
        assert_eq!(from_json::<SettingsRecord>(&to_json(&SettingsRecord::of(&s))).unwrap().settings(), s);
        assert!(to_json(&SettingsRecord::of(&s)).ends_with(r#""track":"frontline"}"#));
        assert!(!to_json(&SettingsRecord::default()).contains("track"), "not chosen yet: not written");
        assert_eq!(from_json::<SettingsRecord>(r#"{"track":"astronaut"}"#).unwrap().track, None, "a later version's track reads as not chosen");
        assert_eq!(from_json::<SettingsRecord>(r#"{"newPerDay":3,"later":1}"#).unwrap().settings(), Settings { new_per_day: 3, ..Settings::default() });
        assert_eq!(from_json::<SettingsRecord>(r#"{"desiredRetentionPercent":150}"#).unwrap().settings().desired_retention, 0.97);
        assert!(from_json::<SettingsRecord>(r#"{"rehearse":"yes"}"#).is_err());
        let i = Interview { at_ms: T, company: "Acme \"Ltd\"".into(), role: "Analyst\nII".into(), active: true, themes: vec![Theme::Tricky] };
        let back: Vec<InterviewRecord> = from_json(&to_json(&vec![InterviewRecord::of(&i)])).unwrap();
        assert_eq!(back[0].interview(), i, "tabs and line breaks kept");
        assert!(from_json::<Vec<InterviewRecord>>(r#"[{"at":1,"themes":["nowhere"]}]"#).is_err());
    }

    fn arb_review() -> impl Strategy<Value = Review> {
        (-4_000_000_000_000i64..4_000_000_000_000, 1u8..=4, 0usize..4, 0u32..=600_000)
            .prop_map(|(at, r, p, d)| review(at, Rating::from_u8(r).unwrap(), PHASES[p], d))
    }

    proptest! {
        #[test]
        fn card_states_round_trip(
            mut reviews in prop::collection::vec(arb_review(), 0..40),
            some in any::<bool>(), phase in 0usize..4, step in any::<u8>(),
            stability in 0.0f32..1e6, difficulty in 0.0f32..11.0,
            due in any::<i64>(), last in prop::option::of(any::<i64>()), reps in any::<u32>(), lapses in any::<u32>(),
        ) {
            reviews.sort_by_key(|r| r.at_ms);
            let progress = some.then_some(Progress { phase: PHASES[phase], step, stability, difficulty, due_ms: due, last_review_ms: last, reps, lapses });
            let state = CardState { progress, reviews };
            prop_assert_eq!(CardState::unpack(&state.pack()), Ok(state.clone()));
            prop_assert_eq!(from_json::<CardState>(&to_json(&state)), Ok(state));
        }

        #[test]
        fn unpacking_never_panics(text in ".{0,80}") {
            let _ = CardState::unpack(&text);
            let _ = OlderReviews::unpack(&text);
        }
    }
}
