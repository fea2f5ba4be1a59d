//! The built-in deck checked as its writers see it (decks/*.deck, errors named by file and line),
//! with the same matcher the rehearse screen uses. Each test lists everything that is missing.
//! `scripts/deck-check.sh [files…]` prints the same report for chosen files.
#![cfg(not(target_arch = "wasm32"))]

use second_round::domain::card::Track;
use second_round::domain::deck::{self, Deck};
use second_round::domain::deck_check::{self, Report};
use std::path::Path;

fn report() -> Report {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = deck_check::source_files(&root.join("decks"));
    let shipped = std::fs::read_to_string(root.join("tests/data/deck-ids.txt")).expect("tests/data/deck-ids.txt");
    deck_check::report(&files, &[], Some(&shipped))
}

fn deck() -> Deck {
    report().deck
}

#[test]
fn the_deck_files_parse() {
    let r = report();
    let errors: Vec<String> = r.errors.iter().map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{} parse errors:\n{}", errors.len(), errors.join("\n"));
}

/// Every active card, on every track it has: every key point found by the rehearse matcher in
/// the model answer, no length hint (and the length of its kind), the STAR signals and a number
/// on stories, why/avoid/1–3 probes, and every track on story and about-you cards.
#[test]
fn every_card_passes_its_own_check() {
    let r = report();
    println!("{}", r.to_text());
    let bad: Vec<String> = r
        .cards
        .iter()
        .filter(|c| !c.problems.is_empty())
        .map(|c| format!("{}:{} [{}]\n  - {}", c.file, c.line, c.id, c.problems.join("\n  - ")))
        .collect();
    assert!(bad.is_empty(), "{} cards have problems:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn the_deck_is_large_enough_in_every_theme_and_track() {
    let d = deck();
    let mut problems = deck::deck_problems(&d.cards, deck::MIN_CARDS, deck::MIN_PER_THEME);
    problems.extend(deck_check::whole_deck_problems(&d).into_iter().filter(|p| p.contains("every track") || p.contains("[track:")));
    let themes: Vec<String> = deck_check::per_theme(&d).iter().map(|(t, n)| format!("{} {n}", t.key())).collect();
    assert!(problems.is_empty(), "{}\n(active cards per theme: {})", problems.join("\n"), themes.join(", "));
    assert_eq!(d.tracks.iter().map(|t| t.track).collect::<Vec<_>>(), Track::ALL, "the tracks, in order");
    assert!(d.tracks.iter().all(|t| !t.label.is_empty() && t.persona.len() > 200), "each track has a label and a persona with facts");
    assert!(
        d.tracks.iter().all(|t| (40..=220).contains(&t.summary.chars().count())),
        "each track has a one-line summary: {:?}",
        d.tracks.iter().map(|t| &t.summary).collect::<Vec<_>>()
    );
}

#[test]
fn every_topic_of_a_second_round_is_tagged() {
    let d = deck();
    let missing: Vec<String> = deck_check::whole_deck_problems(&d).into_iter().filter(|p| p.starts_with("tag `")).collect();
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn ids_are_permanent() {
    let d = deck();
    let shipped = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/deck-ids.txt")).unwrap();
    let problems = deck_check::id_problems(&d, &shipped);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // A retired card still has its question, answer and key points (the parser requires them).
    for c in d.cards.iter().filter(|c| c.is_retired()) {
        assert!(!c.question.is_empty() && !c.answer.is_empty() && c.key_points.len() >= 2, "[{}]", c.id);
    }
}

#[test]
fn the_app_reads_the_same_deck() {
    let d = deck();
    let app = deck::built_in_deck();
    // The app's copy was compacted when the crate was built; a writer may have edited since.
    let ids = |d: &Deck| d.cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&app), ids(&d), "rebuild if a deck file changed since the build");
    assert_eq!(app.tracks, d.tracks);
}
