//! What makes a card unreadable, and the whole-deck checks (the finer ones are in `deck_check`).

use super::{EVERY_TRACK_TAGS, KEY_POINTS};
use crate::domain::card::{Card, Theme};
use std::collections::HashSet;

pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Questions that ask for a story must be tagged `star` (their answers follow Situation, Task, Action, Result).
pub fn asks_for_a_story(question: &str) -> bool {
    let q = question.to_ascii_lowercase();
    ["tell me about a time", "describe a time", "give me an example of a time", "walk me through a time"].iter().any(|p| q.starts_with(p))
}

/// A story card: tagged `star` (its answer runs one to two minutes and shows the STAR signals).
pub fn is_story(card: &Card) -> bool {
    card.tags.iter().any(|t| t == "star")
}

/// Cards that need an answer and key points for every track.
pub fn needs_every_track(card: &Card) -> bool {
    card.tags.iter().any(|t| EVERY_TRACK_TAGS.contains(&t.as_str()))
}

/// What makes a block unreadable as a card (the finer checks are in `deck_check`).
pub(super) fn card_problems(card: &Card) -> Vec<String> {
    let mut problems = Vec::new();
    if card.question.trim().is_empty() {
        problems.push("has no question (q:)".to_string());
    }
    if card.answer.trim().is_empty() {
        problems.push("has no model answer (a:)".to_string());
    }
    if !KEY_POINTS.contains(&card.key_points.len()) {
        problems.push(format!("has {} key points (k:); a card needs 2 to 5", card.key_points.len()));
    }
    if card.tags.is_empty() {
        problems.push("has no tags".to_string());
    }
    if asks_for_a_story(&card.question) && !is_story(card) {
        problems.push("asks for a story, so it must be tagged star".to_string());
    }
    for v in &card.variants {
        let t = v.track.key();
        if v.answer.trim().is_empty() {
            problems.push(format!("has k.{t}: but no a.{t}:"));
        }
        if !KEY_POINTS.contains(&v.key_points.len()) {
            problems.push(format!("has {} key points for {t} (k.{t}:); a track's answer needs 2 to 5", v.key_points.len()));
        }
    }
    problems
}

fn normalise(question: &str) -> String {
    question
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whole-deck checks: duplicate ids or questions, and the size of the deck and of each theme
/// (active cards only).
pub fn deck_problems(cards: &[Card], min_cards: usize, min_per_theme: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    let mut questions = HashSet::new();
    for card in cards {
        if !ids.insert(card.id.as_str()) {
            problems.push(format!("duplicate id {}", card.id));
        }
        if !card.is_retired() && !questions.insert(normalise(&card.question)) {
            problems.push(format!("duplicate question in [{}]: {}", card.id, card.question));
        }
    }
    let active = cards.iter().filter(|c| !c.is_retired()).count();
    if active < min_cards {
        problems.push(format!("the deck has {active} active cards; it needs at least {min_cards}"));
    }
    for theme in Theme::DECK {
        let n = cards.iter().filter(|c| c.theme == theme && !c.is_retired()).count();
        if n < min_per_theme {
            problems.push(format!("theme {} has {n} active cards; it needs at least {min_per_theme}", theme.key()));
        }
    }
    problems
}
