//! A card's schedule and its reviews as stored: `card/<id>` ([`CardState`]) and `log/<id>/<n>`
//! ([`OlderReviews`]).
//!
//! **Packed**: the schedule and the review log are most of what a collection stores (a 5,000-card
//! collection holds 50,000 reviews), so a card's state is one string of whole numbers packed with
//! [`crate::store::pack`], about 10 characters a review instead of about 40 as JSON objects:
//!
//! - the schedule: `0` for none (a new card whose reviews were taken back, or a deleted card whose
//!   reviews stay in the history), or `1 + step × 4 + phase` (new, learning, review, relearning),
//!   then the bits of stability and of difficulty (exact: they read back bit for bit), the last
//!   review (`0` none, else `1 +` its signed offset from the newest review below), the due time
//!   (signed offset from the last review), reviews, lapses;
//! - then each review, oldest first: its moment (signed offset from the one before; the first from
//!   0) and `duration_ms × 16 + (rating − 1) × 4 + phase before`.

use crate::domain::card::{Phase, Progress, Rating};
use crate::domain::collection::LogEntry;
use crate::store::pack::{self, Reader};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
        LogEntry {
            card_id: card_id.to_string(),
            at_ms: self.at_ms,
            rating: self.rating,
            phase_before: self.phase_before,
            duration_ms: self.duration_ms,
        }
    }
}

pub(super) const PHASES: [Phase; 4] = [Phase::New, Phase::Learning, Phase::Review, Phase::Relearning];

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
