//! The app's reader of the built-in deck as compiled in, and of a role track's file: trusting,
//! with no messages (they stay out of the browser bundle; the tests check it reads what `parse` reads).

use super::parse::{field_track, synonyms, variant_mut};
use super::{Deck, TrackInfo, BUILT_IN};
use crate::domain::card::{Card, Theme, Track, Variant};

/// The built-in deck, as the app uses it: a plain reading of the compacted text `build.rs` writes
/// (one field per line). It reports nothing, which keeps the validation messages out of the
/// browser bundle; the tests check it reads exactly what the validating `parse` reads.
pub fn built_in_deck() -> Deck {
    read_compact(BUILT_IN)
}

/// Reads compacted deck text (one field per line), trusting it: it was validated by the tests.
pub(super) fn read_compact(text: &str) -> Deck {
    let mut deck = Deck::default();
    // Lines after a [track:…] header belong to that track until the next header.
    let mut in_track = false;
    for line in text.lines() {
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let id = id.trim();
            in_track = false;
            if let Some(key) = id.strip_prefix("track:") {
                if let Some(track) = Track::from_key(key.trim()) {
                    deck.tracks.push(TrackInfo { track, ..TrackInfo::default() });
                    in_track = true;
                }
                continue;
            }
            deck.cards.push(Card { id: id.to_string(), theme: Theme::Plan, ..Card::default() });
            continue;
        }
        let Some((field, value)) = line.split_once(':') else { continue };
        let value = value.trim().to_string();
        let field = field.trim();
        if in_track {
            if let Some(info) = deck.tracks.last_mut() {
                match field {
                    "label" => info.label = value,
                    "summary" => info.summary = value,
                    "persona" => info.persona = value,
                    _ => {}
                }
            }
            continue;
        }
        let Some(card) = deck.cards.last_mut() else { continue };
        if let Some((letter, Ok(track))) = field_track(field) {
            match (letter, track) {
                ('a', Track::Office) => card.answer = value,
                ('a', t) => variant_mut(card, t).answer = value,
                (_, Track::Office) => card.key_points.push(value),
                (_, t) => variant_mut(card, t).key_points.push(value),
            }
            continue;
        }
        match field {
            "theme" => card.theme = Theme::from_key(&value).unwrap_or(card.theme),
            "tags" => card.tags = value.split(',').map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty()).collect(),
            "q" => card.question = value,
            "syn" => card.synonyms.extend(synonyms(&value).unwrap_or_default()),
            "why" => card.why = value,
            "avoid" => card.avoid = value,
            "probe" => card.probes.push(value),
            "retired" => card.retired = Some(value),
            _ => {}
        }
    }
    deck
}

/// A track's file (`[id]` lines, each followed by that card's `a.<track>:` and `k.<track>:`
/// lines) as the cards' variants, by card id. Lines of other tracks are ignored.
pub fn read_track(text: &str, track: Track) -> Vec<(String, Variant)> {
    let mut out: Vec<(String, Variant)> = Vec::new();
    for line in text.lines() {
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((id.trim().to_string(), Variant { track, ..Variant::default() }));
            continue;
        }
        let (Some((_, v)), Some((field, value))) = (out.last_mut(), line.split_once(':')) else { continue };
        match field_track(field.trim()) {
            Some(('a', Ok(t))) if t == track => v.answer = value.trim().to_string(),
            Some(('k', Ok(t))) if t == track => v.key_points.push(value.trim().to_string()),
            _ => {}
        }
    }
    out.retain(|(_, v)| !v.answer.is_empty());
    out
}

/// The built-in cards (retired ones included: a person's progress on them is kept).
pub fn built_in() -> Vec<Card> {
    built_in_deck().cards
}
