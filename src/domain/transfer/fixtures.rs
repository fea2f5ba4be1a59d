//! A collection studied for the transfer tests: graded cards, one's own card, one with coaching
//! and a track's answer.

use crate::domain::card::{Card, Rating, Theme};
use crate::domain::clock::Clock;
use crate::domain::collection::{Collection, Settings};
use crate::domain::deck;
use std::collections::HashMap;

pub fn studied() -> Collection {
    let mut col = Collection::new(
        deck::built_in(),
        HashMap::new(),
        vec![],
        Settings { new_per_day: 7, rehearse: true, track: Some(crate::domain::card::Track::Technical), ..Settings::default() },
    );
    let ids: Vec<String> = col.cards.iter().take(6).map(|c| c.id.clone()).collect();
    let mut t = 1_795_600_000_000;
    for (k, id) in ids.iter().enumerate() {
        for r in [Rating::Again, Rating::Good, Rating::Hard, Rating::Easy].iter().take(k % 4 + 1) {
            col.grade(id, *r, Clock::new(t, 60), 12_345).unwrap();
            t += 86_400_000;
        }
    }
    col.cards.push(Card {
        id: super::own_id("My story?"),
        theme: Theme::Own,
        tags: vec!["mine".into()],
        question: "My story?".into(),
        answer: "Line one\n\"two\"\t<b>".into(),
        key_points: vec![],
        synonyms: vec![],
        ..Default::default()
    });
    // A card of one's own with coaching and a track's answer.
    col.cards.push(Card {
        id: "own-coached".into(),
        question: "Coached?".into(),
        answer: "Yes.".into(),
        why: "W".into(),
        avoid: "A".into(),
        probes: vec!["P?".into()],
        variants: vec![crate::domain::card::Variant {
            track: crate::domain::card::Track::Graduate,
            answer: "G.".into(),
            key_points: vec!["g".into()],
        }],
        ..Default::default()
    });
    col
}
