//! Compacts the built-in deck for the bundle: drops comments and blank lines and joins continuation
//! lines, exactly as the parser would read them. The source file under decks/ stays the one to edit.

use std::{env, fs, path::Path};

fn main() {
    let source = "decks/second-interview.deck";
    println!("cargo:rerun-if-changed={source}");
    let text = fs::read_to_string(source).expect("decks/second-interview.deck is readable");
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let continues = line.starts_with(' ') || line.starts_with('\t');
        match lines.last_mut() {
            Some(last) if continues => {
                last.push(' ');
                last.push_str(trimmed);
            }
            _ => lines.push(line.to_string()),
        }
    }
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("deck.txt");
    fs::write(out, lines.join("\n")).expect("OUT_DIR is writable");
}
