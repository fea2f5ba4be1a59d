//! `own/<id>`: the text of a card of one's own, an edited built-in card or a deleted one, and the
//! deck as the person sees it (the built-in cards with their edits, then their own).

use super::*;

/// What an `own/<id>` key holds. (A card is larger than a deletion; records are read one at a time,
/// so boxing it would buy nothing.)
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum OwnRecord {
    /// The card's text; `order` places cards of one's own after the deck (the moment they were added).
    Card { card: Card, order: i64 },
    /// A built-in card the person deleted.
    Deleted,
}

/// An `own/<id>` record and when it was last edited or deleted (ms; 0 for a record written before
/// edits kept their moment, which counts as the oldest edit).
pub fn decode_own(id: &str, text: &str) -> Result<(OwnRecord, i64), String> {
    let record: CardText = from_json(text)?;
    let own = match record.card(id)? {
        Some(card) => OwnRecord::Card { card, order: record.order },
        None => OwnRecord::Deleted,
    };
    Ok((own, record.edited.unwrap_or(0)))
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
