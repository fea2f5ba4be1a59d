//! Compacts the built-in deck for the bundle: every decks/*.deck file in name order, joined, with
//! comments and blank lines dropped and continuation lines joined, exactly as the parser would
//! read them (src/domain/deck_compact.rs, shared with the tests). The files under decks/ stay
//! the ones to edit.

use std::{env, fs, path::Path};

include!("src/domain/deck_compact.rs");

fn main() {
    println!("cargo:rerun-if-changed=decks");
    println!("cargo:rerun-if-changed=src/domain/deck_compact.rs");
    let mut paths: Vec<_> = fs::read_dir("decks")
        .expect("decks/ is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "deck"))
        .collect();
    paths.sort();
    let files: Vec<(String, String)> = paths
        .iter()
        .map(|p| {
            println!("cargo:rerun-if-changed={}", p.display());
            (p.display().to_string(), fs::read_to_string(p).unwrap_or_else(|e| panic!("{} is readable: {e}", p.display())))
        })
        .collect();
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("deck.txt");
    fs::write(out, compact(&files)).expect("OUT_DIR is writable");
}
