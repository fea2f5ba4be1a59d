//! The storage layout's tests, by what they read and write: a card's records (`records.rs`),
//! cards' text (`cards_text.rs`), the migrations and damaged values (`migration.rs`), the kit's
//! and the mock interview's records (`kit.rs`). Shared here: a moment, a review, a schedule and
//! storage as a map.

use super::*;
use crate::domain::card::{Phase, Rating, Theme, Track, Variant};
use std::collections::BTreeMap;

pub(super) const T: i64 = 1_795_564_800_000;

pub(super) fn entry(id: &str, i: i64) -> LogEntry {
    LogEntry {
        card_id: id.to_string(),
        at_ms: T + i * 600_000,
        rating: Rating::Good,
        phase_before: Phase::Review,
        duration_ms: 9_000 + i as u32,
    }
}

pub(super) fn progress(i: i64) -> Progress {
    Progress {
        phase: Phase::Review,
        step: 0,
        stability: 3.5 + i as f32,
        difficulty: 5.25,
        due_ms: T + i * 86_400_000,
        last_review_ms: Some(T + i * 600_000),
        reps: i as u32 + 1,
        lapses: 0,
    }
}

/// Storage as a map: applies writes as the browser adapter does.
#[derive(Default)]
struct Map(BTreeMap<String, String>);

impl Map {
    fn get(&self, k: &Key) -> Option<&str> {
        self.0.get(&k.name()).map(String::as_str)
    }
    fn apply(&mut self, writes: Writes) -> usize {
        let mut bytes = 0;
        for (k, v) in writes {
            bytes += (k.name().len() + v.len()) * 2;
            self.0.insert(k.name(), v);
        }
        bytes
    }
    /// Grades as the app does: the card's record as stored, the next free older-reviews number.
    fn grade(&mut self, e: &LogEntry, p: &Progress) -> usize {
        let next = (0..).find(|n| self.get(&Key::Older(e.card_id.clone(), *n)).is_none()).unwrap();
        let writes = record_review(self.get(&Key::Card(e.card_id.clone())), next, e, p);
        self.apply(writes)
    }
    fn decode(&self) -> Loaded {
        decode(self.0.clone())
    }
    fn run(&mut self, steps: &[Step]) {
        for s in steps {
            match s {
                Step::Set(k, v) => {
                    self.0.insert(k.name(), v.clone());
                }
                Step::Remove(k) => {
                    self.0.remove(&k.name());
                }
            }
        }
    }
}

mod cards_text;
mod kit;
mod migration;
mod records;
