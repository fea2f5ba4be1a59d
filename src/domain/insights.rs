//! Insights on a rehearsed answer (typed or transcribed), computed offline: which key points it
//! covered, its length and speaking time, filler words and hedges, repeated words, STAR signals and
//! a measurable result for story questions, "I" against "we", and a suggested grade.
//!
//! Shown after the answer is revealed in rehearse mode.

mod star;

use super::card::{Card, Rating};
use super::deck::{asks_for_a_story, is_story};

/// Speaking pace used for the time estimate: a calm interview answer.
pub const WORDS_PER_MINUTE: usize = 130;

/// What kind of answer a question wants, which sets how long it should take aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// "Tell me about a time…" (a card tagged `star`): one to two minutes.
    Story,
    /// Anything else: a short or factual answer, 20 seconds to a minute.
    Short,
}

impl Kind {
    pub fn of(card: &Card) -> Kind {
        if is_story(card) || asks_for_a_story(&card.question) {
            Kind::Story
        } else {
            Kind::Short
        }
    }

    /// The time a model answer of this kind takes aloud, in seconds.
    pub fn ideal_seconds(self) -> std::ops::RangeInclusive<usize> {
        match self {
            Kind::Story => 60..=120,
            Kind::Short => 20..=60,
        }
    }

    /// The same range in words at `WORDS_PER_MINUTE` (130–260 for a story, 44–130 otherwise).
    pub fn ideal_words(self) -> std::ops::RangeInclusive<usize> {
        let r = self.ideal_seconds();
        (r.start() * WORDS_PER_MINUTE).div_ceil(60)..=r.end() * WORDS_PER_MINUTE / 60
    }

    /// A hint when an answer is well outside the range: under three quarters of its shortest
    /// (a story under 45 s, a short answer under 15 s) or over five quarters of its longest (a
    /// story over 2:30, a short answer over 1:15). In between, no hint.
    pub fn length_hint(self, speaking_seconds: usize) -> Option<&'static str> {
        let r = self.ideal_seconds();
        if speaking_seconds * 4 < r.start() * 3 {
            Some(match self {
                Kind::Story => "Very short for a story: aim for one to two minutes aloud, enough to set the scene, say what you did and how it ended, with a number.",
                Kind::Short => "Very short: aim for 20 seconds to a minute aloud. Answer, then add a reason or an example.",
            })
        } else if speaking_seconds * 4 > r.end() * 5 {
            Some(match self {
                Kind::Story => {
                    "Long for a story: over two and a half minutes aloud. Lead with what you did and the result, and cut the background."
                }
                Kind::Short => {
                    "Long for this question: over a minute and a quarter aloud. Answer first, give one reason or example, then stop."
                }
            })
        } else {
            None
        }
    }
}

const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being", "but",
    "by", "can", "could", "did", "do", "does", "each", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in",
    "into", "is", "it", "its", "me", "more", "most", "my", "no", "not", "of", "on", "one", "or", "our", "out", "over", "she", "so", "some",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "up", "us", "very", "was", "we",
    "were", "what", "when", "which", "while", "who", "why", "will", "with", "would", "you", "your",
];

/// Fillers and hedges a listener notices. Multi-word ones are matched as phrases.
const FILLERS: &[&str] = &[
    "um",
    "uh",
    "er",
    "erm",
    "like",
    "basically",
    "actually",
    "literally",
    "you know",
    "kind of",
    "sort of",
    "i guess",
    "i mean",
    "maybe",
    "perhaps",
    "probably",
    "just",
];

/// Built-in synonyms (stems), used in both directions; a deck may add its own.
const SYNONYMS: &[(&str, &str)] = &[
    ("result", "outcom"),
    ("number", "figur"),
    ("measur", "metric"),
    ("improv", "better"),
    ("team", "colleagu"),
    ("manag", "boss"),
    ("interview", "meet"),
    ("thank", "gratitud"),
    ("cut", "reduc"),
    ("save", "saving"),
    ("question", "ask"),
    ("role", "job"),
    ("compan", "organis"),
    ("customer", "client"),
    ("mistak", "error"),
];

use super::fold;

/// Part of a word: a letter or digit, an apostrophe or %.
fn word_char(c: char) -> bool {
    super::is_letter(c) || matches!(c, '\'' | '%')
}

fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !word_char(c)).map(|w| w.trim_matches('\'').to_string()).filter(|w| !w.is_empty()).collect()
}

/// A light stemmer: enough to match "organising", "organised" and "organisation".
pub fn stem(word: &str) -> String {
    let w = word.trim_end_matches("'s");
    for suffix in [
        "ations", "ation", "ising", "izing", "ised", "ized", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "ed", "es", "ly", "er",
        "s", "y", "e",
    ] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                return base.to_string();
            }
        }
    }
    w.to_string()
}

/// Instructions in key points ("Give …", "Say …"): not something the answer itself must contain.
const INSTRUCTIONS: &[&str] =
    &["give", "say", "use", "show", "make", "mention", "explain", "describe", "name", "tell", "state", "include", "keep"];
/// Stand-ins for what a key point asks for in general terms.
const NUMBER: &str = "#number";
const SELF: &str = "#self";

fn significant(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| stem(&w))
        .collect()
}

/// A key point's words, with "measurable result" and "what you personally did" read as what
/// they ask for: a number in the answer, the candidate speaking of themself.
fn point_words(point: &str) -> Vec<String> {
    words(point)
        .into_iter()
        .filter(|w| !STOP_WORDS.contains(&w.as_str()) && !INSTRUCTIONS.contains(&w.as_str()))
        .map(|w| match w.as_str() {
            "measurable" | "number" | "numbers" | "figure" | "figures" | "percentage" | "quantified" => NUMBER.to_string(),
            "personally" | "yourself" => SELF.to_string(),
            _ => stem(&w),
        })
        .collect()
}

fn same_meaning(a: &str, b: &str, extra: &[(String, String)]) -> bool {
    a == b
        || SYNONYMS.iter().any(|(x, y)| (a == *x && b == *y) || (a == *y && b == *x))
        || extra.iter().any(|(x, y)| (a == x && b == y) || (a == y && b == x))
}

#[derive(Debug, Clone, PartialEq)]
pub struct KeyPointHit {
    pub point: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Star {
    pub situation: bool,
    pub task: bool,
    pub action: bool,
    pub result: bool,
    /// A number, a percentage or an amount of time in the answer.
    pub measurable: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Insights {
    pub key_points: Vec<KeyPointHit>,
    pub words: usize,
    pub speaking_seconds: usize,
    /// Set when the answer is far outside the time its kind of question wants (see `Kind`).
    pub length_hint: Option<&'static str>,
    /// Fillers and hedges found, with counts, most frequent first.
    pub fillers: Vec<(String, usize)>,
    /// Words used three times or more (stop words excluded), most frequent first.
    pub repeated: Vec<(String, usize)>,
    /// For "tell me about a time" questions only.
    pub star: Option<Star>,
    pub i_count: usize,
    pub we_count: usize,
    /// Set when "we" clearly outnumbers "I": say what you did.
    pub we_hint: bool,
    pub suggested: Rating,
}

/// Key points hit or missed: a point counts as covered when at least half of its significant
/// words (or their synonyms) appear in the answer.
pub fn key_points(answer: &str, points: &[String], synonyms: &[(String, String)]) -> Vec<KeyPointHit> {
    let said = said_words(answer);
    points
        .iter()
        .map(|p| {
            let needed = point_words(p);
            let found = needed.iter().filter(|n| said.iter().any(|s| same_meaning(s, n, synonyms))).count();
            KeyPointHit { point: p.clone(), hit: !needed.is_empty() && found * 2 >= needed.len() }
        })
        .collect()
}

/// What the matcher takes from an answer: its significant words, stemmed, and the stand-ins for
/// a number and for the candidate speaking of themself.
fn said_words(answer: &str) -> Vec<String> {
    let mut said = significant(answer);
    let all = words(answer);
    if all.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()) || w.ends_with('%')) {
        said.push(NUMBER.to_string());
    }
    if all.iter().filter(|w| matches!(w.as_str(), "i" | "i'm" | "i've" | "i'd" | "my")).count() >= 2 {
        said.push(SELF.to_string());
    }
    said
}

/// Where in the answer each key point was found: the byte ranges of the answer's words that match
/// a significant word of a point (or its synonym), each with the index of the first point it
/// matches, in order. (The stand-ins for a number and for "I" are not shown: they are no one word.)
pub fn matched_words(answer: &str, points: &[String], card_synonyms: &[(String, String)]) -> Vec<(usize, usize, usize)> {
    let synonyms: Vec<(String, String)> = card_synonyms.iter().map(|(a, b)| (stem(a), stem(b))).collect();
    let needed: Vec<Vec<String>> = points.iter().map(|p| point_words(p)).collect();
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in answer.char_indices().chain(std::iter::once((answer.len(), ' '))) {
        match (word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                start = None;
                let word = fold(answer[s..i].trim_matches('\''));
                if word.is_empty() || STOP_WORDS.contains(&word.as_str()) {
                    continue;
                }
                let stemmed = stem(&word);
                if let Some(p) = needed.iter().position(|n| n.iter().any(|w| same_meaning(&stemmed, w, &synonyms))) {
                    out.push((s, i, p));
                }
            }
            _ => {}
        }
    }
    out
}

/// For the deck's self-check: the words the matcher looks for in a key point (stemmed; "a
/// number" and "I/my twice" for what `measurable` and `personally` ask) and which of them the
/// answer lacks. The card's `syn:` pairs are given as written in the deck.
pub fn explain_point(answer: &str, point: &str, card_synonyms: &[(String, String)]) -> (Vec<String>, Vec<String>) {
    let synonyms: Vec<(String, String)> = card_synonyms.iter().map(|(a, b)| (stem(a), stem(b))).collect();
    let said = said_words(answer);
    let show = |w: &String| match w.as_str() {
        NUMBER => "a number".to_string(),
        SELF => "I/my twice".to_string(),
        _ => w.clone(),
    };
    let needed = point_words(point);
    let missing = needed.iter().filter(|n| !said.iter().any(|s| same_meaning(s, n, &synonyms))).map(show).collect();
    (needed.iter().map(show).collect(), missing)
}

fn count_phrase(text: &[String], phrase: &str) -> usize {
    let parts: Vec<&str> = phrase.split(' ').collect();
    if parts.len() > text.len() {
        return 0;
    }
    (0..=text.len() - parts.len()).filter(|&i| parts.iter().enumerate().all(|(k, p)| text[i + k] == *p)).count()
}

/// The grade the insights suggest (never applied without the person's press): nothing covered is
/// Again, under half Hard, half or more Good, everything within time Easy.
pub fn suggest(hits: usize, total: usize, seconds: usize, limit_seconds: usize) -> Rating {
    if total == 0 {
        return Rating::Good;
    }
    match (hits, hits * 2 >= total, hits == total) {
        (0, _, _) => Rating::Again,
        (_, false, _) => Rating::Hard,
        (_, true, true) if seconds <= limit_seconds => Rating::Easy,
        _ => Rating::Good,
    }
}

/// Everything about one rehearsed answer; the card's own synonyms (from the deck) count too.
pub fn analyse(card: &Card, answer: &str, seconds_taken: usize, limit_seconds: usize) -> Insights {
    let all = words(answer);
    let synonyms: Vec<(String, String)> = card.synonyms.iter().map(|(a, b)| (stem(a), stem(b))).collect();
    let key_points = key_points(answer, &card.key_points, &synonyms);
    let count = all.len();
    let speaking_seconds = (count * 60).div_ceil(WORDS_PER_MINUTE);
    let kind = Kind::of(card);
    let length_hint = if count == 0 { None } else { kind.length_hint(speaking_seconds) };
    let star = (kind == Kind::Story).then(|| star::signals(&fold(answer), &all));
    let i_count = all.iter().filter(|w| matches!(w.as_str(), "i" | "i'm" | "i've" | "i'd" | "me" | "my")).count();
    let we_count = all.iter().filter(|w| matches!(w.as_str(), "we" | "we're" | "we've" | "we'd" | "us" | "our")).count();
    let hits = key_points.iter().filter(|k| k.hit).count();
    Insights {
        suggested: suggest(hits, key_points.len(), seconds_taken, limit_seconds),
        key_points,
        words: count,
        speaking_seconds,
        length_hint,
        fillers: fillers(&all),
        repeated: repeated(&all),
        star,
        i_count,
        we_count,
        we_hint: we_count >= 3 && we_count > 2 * i_count,
    }
}

/// Fillers and hedges found, with counts, most frequent first.
fn fillers(all: &[String]) -> Vec<(String, usize)> {
    let mut found: Vec<(String, usize)> = FILLERS.iter().map(|f| (f.to_string(), count_phrase(all, f))).filter(|(_, n)| *n > 0).collect();
    super::sort_by_key(&mut found, |(_, n)| usize::MAX - n);
    found
}

/// The five words said most often, three times or more (stop words and fillers aside).
fn repeated(all: &[String]) -> Vec<(String, usize)> {
    let mut tally: Vec<(String, usize)> = Vec::new();
    for w in all.iter().filter(|w| !STOP_WORDS.contains(&w.as_str()) && !FILLERS.contains(&w.as_str()) && w.len() > 2) {
        match tally.iter_mut().find(|(t, _)| t == w) {
            Some((_, n)) => *n += 1,
            None => tally.push((w.clone(), 1)),
        }
    }
    tally.retain(|(_, n)| *n >= 3);
    super::sort_by_key(&mut tally, |(_, n)| usize::MAX - n);
    tally.truncate(5);
    tally
}

#[cfg(test)]
mod tests;
