//! The deck's self-check for the people writing it: `scripts/deck-check.sh [deck files…]`.
//!
//! Reads decks/*.deck (from the current folder) as they are now and prints every problem of every
//! card: parse errors with file and line, missing why/avoid/probe lines, key points the rehearse
//! matcher does not find in the model answer (per track, with the words it looks for), answers
//! out of their length range, STAR signals and a number missing from stories, story and about-you
//! cards missing a track. With file arguments the report covers only those files; without, the
//! whole-deck checks (sizes, themes, tracks, required tags, ids ever shipped) follow. Exits 1
//! when there is any problem.

#[cfg(not(target_arch = "wasm32"))]
use second_round::domain::deck_check;
#[cfg(not(target_arch = "wasm32"))]
use std::path::Path;

/// The checker reads files, so it is built natively only (`deck_check` is native-only too).
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let only: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let files = deck_check::source_files(Path::new("decks"));
    for o in &only {
        if !files.iter().any(|(name, _)| name.ends_with(o.trim_start_matches("./")) || o.ends_with(name.as_str())) {
            eprintln!("no deck file {o} in decks/");
            std::process::exit(2);
        }
    }
    let shipped = std::fs::read_to_string("tests/data/deck-ids.txt").ok();
    let report = deck_check::report(&files, &only, shipped.as_deref());
    print!("{}", report.to_text());
    if only.is_empty() {
        let themes: Vec<String> = deck_check::per_theme(&report.deck).iter().map(|(t, n)| format!("{} {n}", t.key())).collect();
        println!("Active cards per theme: {}.", themes.join(", "));
    }
    if !report.is_clean() {
        std::process::exit(1);
    }
}
