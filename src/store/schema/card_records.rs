//! A card's schedule and reviews as written: the record a grade, a new schedule or an undo makes of
//! the one stored (whose reviews from another tab stay), and every card's records for an import.

use super::*;

/// A `card/<id>` value as stored: version 3's record, or version 1 and 2's schedule line (its
/// reviews were in the log chunks).
pub fn decode_card_state(text: &str) -> Result<CardState, String> {
    if text.starts_with('"') {
        from_json(text)
    } else {
        legacy::progress(text).map(|p| CardState { progress: Some(p), reviews: Vec::new() })
    }
}

pub fn decode_older(text: &str) -> Result<Vec<Review>, String> {
    from_json::<OlderReviews>(text).map(|o| o.0)
}

/// Writes for one card, in order (an `OlderReviews` record before the card's record, so reviews
/// are never only in memory).
pub type Writes = Vec<(Key, String)>;

fn insert_review(reviews: &mut Vec<Review>, r: Review) {
    if !reviews.iter().any(|k| k.at_ms == r.at_ms) {
        let at = reviews.partition_point(|k| k.at_ms < r.at_ms);
        reviews.insert(at, r);
    }
}

/// What grading writes: the card's record as `stored` now (`None`, damaged or version 2: an empty
/// one) with the review added and the new schedule. When that makes more than `RECENT_REVIEWS`,
/// the oldest `OLDER_REVIEWS` go to `Older(id, next_older)`, the first number not stored.
pub fn record_review(stored: Option<&str>, next_older: u32, entry: &LogEntry, progress: &Progress) -> Writes {
    let mut state = stored.and_then(|s| decode_card_state(s).ok()).unwrap_or_default();
    insert_review(&mut state.reviews, Review::of(entry));
    state.progress = Some(*progress);
    let mut writes = Writes::new();
    if state.reviews.len() > RECENT_REVIEWS {
        let older: Vec<Review> = state.reviews.drain(..OLDER_REVIEWS).collect();
        writes.push((Key::Older(entry.card_id.clone(), next_older), to_json(&OlderReviews(older))));
    }
    writes.push((Key::Card(entry.card_id.clone()), to_json(&state)));
    writes
}

/// The card's record with a new schedule (`None`: new again, or deleted) and its reviews kept;
/// `None` when the record would hold nothing (the key goes).
pub fn with_schedule(stored: Option<&str>, progress: Option<&Progress>) -> Option<String> {
    let mut state = stored.and_then(|s| decode_card_state(s).ok()).unwrap_or_default();
    state.progress = progress.filter(|p| **p != Progress::default()).copied();
    (state.progress.is_some() || !state.reviews.is_empty()).then(|| to_json(&state))
}

/// A record with the review at `at_ms` taken out (an undo); `None` if it does not hold it. The
/// value is `None` when nothing is left (the key goes).
pub fn without_review(stored: &str, at_ms: i64) -> Option<Option<String>> {
    if let Ok(mut state) = decode_card_state(stored) {
        let before = state.reviews.len();
        state.reviews.retain(|r| r.at_ms != at_ms);
        return (state.reviews.len() < before).then(|| (state.progress.is_some() || !state.reviews.is_empty()).then(|| to_json(&state)));
    }
    let mut older = decode_older(stored).ok()?;
    let before = older.len();
    older.retain(|r| r.at_ms != at_ms);
    (older.len() < before).then(|| (!older.is_empty()).then(|| to_json(&OlderReviews(older))))
}

/// A card's whole history laid out as version 3 stores it: older reviews in records of
/// `OLDER_REVIEWS` numbered from 0, the latest (at most `RECENT_REVIEWS`) with the schedule.
pub fn card_records(id: &str, progress: Option<&Progress>, reviews: &[Review]) -> Writes {
    let mut writes = Writes::new();
    let mut rest = reviews;
    let mut n = 0;
    while rest.len() > RECENT_REVIEWS {
        let (older, later) = rest.split_at(OLDER_REVIEWS);
        writes.push((Key::Older(id.to_string(), n), to_json(&OlderReviews(older.to_vec()))));
        rest = later;
        n += 1;
    }
    let state = CardState { progress: progress.filter(|p| **p != Progress::default()).copied(), reviews: rest.to_vec() };
    if state.progress.is_some() || !state.reviews.is_empty() {
        writes.push((Key::Card(id.to_string()), to_json(&state)));
    }
    writes
}

/// Every card's records for a whole collection (an import or a restore).
pub fn all_card_records(progress: &HashMap<String, Progress>, log: &[LogEntry]) -> Writes {
    let mut by_card: HashMap<&str, Vec<Review>> = HashMap::new();
    for e in log {
        insert_review(by_card.entry(e.card_id.as_str()).or_default(), Review::of(e));
    }
    let mut ids: Vec<&str> = by_card.keys().copied().chain(progress.keys().map(String::as_str)).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_iter().flat_map(|id| card_records(id, progress.get(id), by_card.get(id).map_or(&[][..], Vec::as_slice))).collect()
}
