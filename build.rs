//! Compacts the built-in deck: every decks/*.deck file in name order, joined, with comments and
//! blank lines dropped and continuation lines joined, exactly as the parser would read them
//! (src/domain/deck_compact.rs, shared with the tests). The files under decks/ stay the ones to
//! edit.
//!
//! The general part (every card, its general answer and coaching, the tracks' labels and
//! personas) goes into the app (`OUT_DIR/deck.txt`). Each role track's answers and key points go
//! into a file of their own, `OUT_DIR/tracks/<track>.txt`; a wasm build also writes them to
//! `<target>/deck-tracks/`, from where the trunk post-build hook copies them into `dist/tracks/`
//! (precached, and fetched by the app when the person chooses that track).

use std::{env, fs, path::Path, path::PathBuf};

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
    let (general, tracks) = split(&compact(&files));
    let out = PathBuf::from(env::var("OUT_DIR").unwrap());
    fs::write(out.join("deck.txt"), general).expect("OUT_DIR is writable");
    let mut dirs = vec![out.join("tracks")];
    if env::var("TARGET").is_ok_and(|t| t.starts_with("wasm32")) {
        let target = env::var("CARGO_TARGET_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|_| Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("target"));
        dirs.push(target.join("deck-tracks"));
    }
    for dir in dirs {
        fs::create_dir_all(&dir).expect("the tracks folder can be made");
        for (track, text) in &tracks {
            fs::write(dir.join(format!("{track}.txt")), text).expect("the tracks folder is writable");
        }
    }
}
