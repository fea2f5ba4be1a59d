//! The spoken mock interview: a running order the way a second round runs (`order`), the
//! interview itself as a small state machine with its follow-up probes (`run`), and the debrief
//! that feeds the schedule and the history (`debrief`). Pure: time and randomness (a seed) are
//! passed in.

pub mod debrief;
pub mod history;
pub mod order;
pub mod run;

pub use debrief::{Debrief, Summary};
pub use history::{HistoryEntry, HistoryQuestion};
pub use order::{Length, Segment, Step};
pub use run::{Answer, Mock, Stage};

/// The mock interview's own settings (Settings → "Mock interview").
#[derive(Debug, Clone, PartialEq)]
pub struct MockSettings {
    /// The speech-synthesis voice, by name; empty: the device's default.
    pub voice: String,
    /// Speaking rate, as a percentage of normal (50–200).
    pub rate_percent: u32,
    /// Show each question's text as well as speaking it (off: heard, as in a real interview).
    pub show_text: bool,
    /// The chance a follow-up probe is asked after an answer, in percent (0–100).
    pub follow_up_percent: u32,
}

impl Default for MockSettings {
    fn default() -> Self {
        MockSettings { voice: String::new(), rate_percent: 100, show_text: false, follow_up_percent: 50 }
    }
}

impl MockSettings {
    pub fn sanitised(self) -> MockSettings {
        MockSettings { rate_percent: self.rate_percent.clamp(50, 200), follow_up_percent: self.follow_up_percent.min(100), ..self }
    }
}

/// A small deterministic generator (SplitMix64): the same seed gives the same interview, so a
/// resumed mock and its tests see the same order and the same follow-ups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A whole number below `n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// A number that mixes a seed with a text, for orders that vary from one mock to the next.
pub fn mix(seed: u64, text: &str) -> u64 {
    let mut h = seed ^ 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    Rng(h).next_u64()
}

/// What the interviewer's voice says for a card's question: a quoted line spoken by someone in
/// a scene ("A senior director … asks: "Why should I care about this hire?"") is said as the
/// quote, and a stage direction in brackets at the end ("(The interviewer has clearly not read
/// your CV.)") is left unsaid (the screen shows the whole question).
pub fn spoken(question: &str) -> String {
    let mut q = question.trim().to_string();
    if q.ends_with(')') {
        if let Some(open) = q.rfind('(') {
            let before = q[..open].trim_end();
            if !before.is_empty() {
                q = before.to_string();
            }
        }
    }
    for marker in [": \"", ": \u{201c}"] {
        if let Some(at) = q.find(marker) {
            let rest = &q[at + marker.len()..];
            let end = rest.rfind(['"', '\u{201d}']).unwrap_or(rest.len());
            let quote = rest[..end].trim();
            if !quote.is_empty() {
                return quote.to_string();
            }
        }
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_voice_says_the_question_as_an_interviewer_would() {
        assert_eq!(spoken("So, tell me about yourself. (The interviewer has clearly not read your CV.)"), "So, tell me about yourself.");
        assert_eq!(
            spoken("A senior director with only ten minutes asks: \"Why should I care about this hire?\""),
            "Why should I care about this hire?"
        );
        assert_eq!(
            spoken("A team member says: “Lunch with us isn't part of the interview, so just relax.” How do you treat it?"),
            "Lunch with us isn't part of the interview, so just relax."
        );
        assert_eq!(spoken("What salary are you expecting?"), "What salary are you expecting?");
        assert_eq!(spoken("(Only a direction)"), "(Only a direction)");
    }

    #[test]
    fn the_generator_is_deterministic_and_spreads() {
        let (mut a, mut b) = (Rng(7), Rng(7));
        let xs: Vec<u64> = (0..100).map(|_| a.below(2)).collect();
        assert_eq!(xs, (0..100).map(|_| b.below(2)).collect::<Vec<_>>());
        let ones = xs.iter().filter(|x| **x == 1).count();
        assert!((35..=65).contains(&ones), "{ones} of 100");
        assert_ne!(mix(1, "plan-01"), mix(2, "plan-01"));
        assert_eq!(MockSettings { rate_percent: 999, follow_up_percent: 300, ..MockSettings::default() }.sanitised().rate_percent, 200);
    }
}
