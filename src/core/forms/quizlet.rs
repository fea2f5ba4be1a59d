//! The separators Quizlet's export is read with, as the import preview's form holds them.

use super::Draft;
use crate::domain::transfer::Separators;

/// The separators Quizlet's export is read with, as chosen in the preview (guessed at first).
pub fn separators(draft: &Draft) -> Separators {
    let term = match draft.get("q-term") {
        "comma" => ",",
        "other" => draft.get("q-term-other"),
        _ => "\t",
    };
    let row = match draft.get("q-row") {
        "semicolon" => ";",
        "other" => draft.get("q-row-other"),
        _ => "\n",
    };
    Separators::new(term, row)
}

/// The choice as a guess found it.
pub fn choose(draft: &mut Draft, s: &Separators) {
    let (term, row) = (s.term.as_str(), s.row.as_str());
    draft.set(
        "q-term",
        match term {
            "\t" => "tab",
            "," => "comma",
            _ => "other",
        }
        .into(),
    );
    draft.set(
        "q-row",
        match row {
            "\n" => "newline",
            ";" => "semicolon",
            _ => "other",
        }
        .into(),
    );
}
