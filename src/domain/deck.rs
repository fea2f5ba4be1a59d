//! The built-in question bank: plain-text files under `decks/`, read in name order and compiled
//! into the app (`build.rs` joins and compacts them). `decks/00-tracks.deck` describes the format
//! and the role tracks' personas.
//!
//! ```text
//! [track:graduate]
//! label: Graduate or first job
//! persona: Who answers on this track, with the facts every answer uses.
//!
//! [plan-01]
//! theme: plan
//! tags: agenda, preparation
//! q: The question, as an interviewer would ask it.
//! a: The model answer in the candidate's voice (the general/office persona). A long answer
//!    goes on on lines that start with spaces.
//! k: A key point a good answer says.
//! k: Another key point.
//! syn: agenda = plan, boss = manager
//! why: What the interviewer is assessing.
//! avoid: The common mistake.
//! probe: A follow-up question (one to three probe: lines).
//! a.graduate: The graduate persona's answer.
//! k.graduate: Its key points (likewise frontline, technical, manager; a:/k: are office's).
//! retired: merged into plan-02    (kept for anyone's progress, out of sessions)
//! ```
//!
//! `syn:` (optional) lists pairs of words that count as the same when a rehearsed answer is
//! matched against the key points.

//!
//! Here: the format's limits and types; `parse` (the validating parser, naming file and line),
//! `validate` (what makes a card or the deck unusable), `read` (the app's trusting reader of the
//! compacted deck and of a track's file).

use super::card::{Card, Track};

mod parse;
mod read;
mod validate;
pub use parse::{parse, parse_file, parse_files, synonyms};
pub use read::{built_in, built_in_deck, read_track};
pub use validate::{asks_for_a_story, deck_problems, is_story, needs_every_track, word_count};

/// The built-in deck as compiled in: `build.rs` joins decks/*.deck in name order, drops comments
/// and blank lines and joins continuation lines. The role tracks' own answers are not in it: each
/// track's are a file of their own (`tracks/<track>.txt` next to the app), read by `read_track`.
pub const BUILT_IN: &str = include_str!(concat!(env!("OUT_DIR"), "/deck.txt"));

/// Limits of the built-in deck (retired cards do not count).
pub const MIN_CARDS: usize = 160;
pub const MIN_PER_THEME: usize = 14;
/// Cards that carry a model answer and key points for every track.
pub const MIN_ALL_TRACKS: usize = 30;
pub const KEY_POINTS: std::ops::RangeInclusive<usize> = 2..=5;
pub const PROBES: std::ops::RangeInclusive<usize> = 1..=3;
/// Cards carrying these tags need an answer and key points for every track.
pub const EVERY_TRACK_TAGS: [&str; 2] = ["star", "about-you"];

/// A role track as the deck describes it: the name a person reads and its persona.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrackInfo {
    pub track: Track,
    pub label: String,
    /// One line on who answers (`summary:`), shown where the track is chosen.
    pub summary: String,
    pub persona: String,
}

impl TrackInfo {
    /// The line shown where the track is chosen: the `summary:`, or else the persona's first
    /// sentence or two (up to about 140 characters).
    pub fn summary(&self) -> String {
        if !self.summary.is_empty() {
            return self.summary.clone();
        }
        let mut out = String::new();
        for sentence in self.persona.split_inclusive(". ") {
            if !out.is_empty() && out.len() + sentence.len() > 140 {
                break;
            }
            out.push_str(sentence);
        }
        out.trim().to_string()
    }
}

/// A parsed deck: its cards (retired ones included) and its tracks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deck {
    pub cards: Vec<Card>,
    pub tracks: Vec<TrackInfo>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeckError {
    /// The file the line is in (empty for text that is not a file).
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for DeckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.file.is_empty() {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
