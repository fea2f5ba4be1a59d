//! The pure core of Second Round: cards, the built-in deck, FSRS scheduling, today's queue and undo.
//! Nothing here knows about the browser; the current time is always passed in.

pub mod card;
pub mod clock;
pub mod collection;
pub mod deck;
/// The deck's self-check (native only: the tests and scripts/deck-check.sh).
#[cfg(not(target_arch = "wasm32"))]
pub mod deck_check;
pub mod insights;
pub mod interview;
pub mod kit;
pub mod library;
pub mod merge;
pub mod mock;
pub mod readiness;
pub mod schedule;
pub mod session;
pub mod settings;
pub mod stats;
pub mod transfer;
pub mod words;

pub use card::{Card, Phase, Progress, Rating, Theme, Track, Variant};
pub use clock::Clock;
pub use collection::{Collection, LogEntry, Settings, UndoEntry};
pub use schedule::Scheduler;
pub use session::{Queue, QueueKind};

/// A letter or digit for matching words: ASCII ones, and any other character outside the
/// punctuation and space blocks. (Case folding is ASCII-only too: Unicode's tables would cost the
/// browser bundle about 15 KB, and the app's text is English.)
pub fn is_letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && !matches!(c, '\u{a0}' | '\u{2000}'..='\u{206f}' | '\u{3000}'..='\u{303f}'))
}

/// Text for comparing: curly apostrophes straightened, ASCII letters in lower case.
pub fn fold(text: &str) -> String {
    text.replace('\u{2019}', "'").to_ascii_lowercase()
}

/// Sorts in place, stably, by a key. An insertion sort: linear on data that is already (nearly)
/// in order, as the review log is, and far smaller in the browser bundle than the standard library
/// sorts, which are instantiated anew for every element type.
pub fn sort_by_key<T, K: PartialOrd>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod sort_tests {
    #[test]
    fn sorts_stably_by_key() {
        let mut v = vec![(3, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (0, 'e')];
        super::sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(0, 'e'), (1, 'b'), (1, 'd'), (2, 'c'), (3, 'a')]);
        let mut empty: Vec<u8> = vec![];
        super::sort_by_key(&mut empty, |x| *x);
    }
}
