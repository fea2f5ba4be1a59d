//! Another tab's writes (the `storage` event's key, old and new value) decoded into what changed,
//! and the reviews that left a card's record.

use super::*;

/// A change another tab made to a key the app owns (from the window's `storage` event). (A card is
/// larger than the other changes; they come a few at a time, so boxing it would buy nothing.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum External {
    /// Reviews another tab stored.
    Log(Vec<LogEntry>),
    Progress(String, Progress),
    /// A card's own text, or `None` when it was deleted; and when (ms, 0: not known).
    Card(String, Option<Card>, i64),
    Suspended(Vec<String>),
    Settings(Settings),
    Interviews(Vec<Interview>),
    /// Reviews another tab took back (an undo): gone from every record.
    Unlogged(Vec<LogEntry>),
    /// A story another tab wrote (or deleted: a record with `deleted`).
    Story(Story),
    /// An interview's round another tab wrote.
    Round(Round),
}

/// What another tab's write of `key` (from `old` to `new`) means: the changes, and reviews that
/// left a card's record — taken back unless they moved to an older-reviews record, which only
/// storage can tell (see `local::watch_other_tabs`). Values that cannot be read are left to the
/// next start-up.
pub fn external(key: &str, old: Option<&str>, new: Option<&str>) -> (Vec<External>, Vec<LogEntry>) {
    let mut changes = Vec::new();
    let mut left = Vec::new();
    let reviews = |id: &str, v: Option<&str>, card: bool| -> Vec<LogEntry> {
        let list =
            v.and_then(|v| if card { decode_card_state(v).ok().map(|s| s.reviews) } else { decode_older(v).ok() }).unwrap_or_default();
        list.iter().map(|r| r.entry(id)).collect()
    };
    match Key::parse(key) {
        Some(Key::Card(id)) | Some(Key::Older(id, _)) => {
            let card = matches!(Key::parse(key), Some(Key::Card(_)));
            let (before, after) = (reviews(&id, old, card), reviews(&id, new, card));
            let added: Vec<LogEntry> = after.iter().filter(|e| !before.iter().any(|b| b.at_ms == e.at_ms)).cloned().collect();
            if !added.is_empty() {
                changes.push(External::Log(added));
            }
            left = before.into_iter().filter(|b| !after.iter().any(|e| e.at_ms == b.at_ms)).collect();
            if card {
                if let Some(p) = new.and_then(|v| decode_card_state(v).ok()).and_then(|s| s.progress) {
                    changes.push(External::Progress(id, p));
                }
            }
        }
        Some(Key::Own(id)) => match new.map(|v| decode_own(&id, v)) {
            None => changes.push(External::Card(id, None, 0)),
            Some(Ok((OwnRecord::Card { card, .. }, at))) => changes.push(External::Card(id, Some(card), at)),
            Some(Ok((OwnRecord::Deleted, at))) => changes.push(External::Card(id, None, at)),
            Some(Err(_)) => {}
        },
        Some(Key::Suspended) => changes.push(External::Suspended(new.and_then(|v| from_json(v).ok()).unwrap_or_default())),
        Some(Key::Settings) => {
            changes.extend(new.and_then(|v| from_json::<SettingsRecord>(v).ok()).map(|r| External::Settings(r.settings())))
        }
        Some(Key::Interviews) => changes.extend(
            new.and_then(|v| from_json::<Vec<InterviewRecord>>(v).ok())
                .map(|v| External::Interviews(v.iter().map(InterviewRecord::interview).collect())),
        ),
        Some(Key::Story(id)) => changes.extend(new.and_then(|v| decode_story(&id, v).ok()).map(External::Story)),
        Some(Key::Round(_)) => changes.extend(new.and_then(|v| from_json::<Round>(v).ok()).map(External::Round)),
        _ => {}
    }
    (changes, left)
}
