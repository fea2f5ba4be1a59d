//! Insights on a rehearsed answer (typed or transcribed), computed offline: which key points it
//! covered, its length and speaking time, filler words and hedges, repeated words, STAR signals and
//! a measurable result for story questions, "I" against "we", and a suggested grade.
//!
//! Shown after the answer is revealed in rehearse mode.

use super::card::{Card, Rating};
use super::deck::asks_for_a_story;

/// Speaking pace used for the time estimate: a calm interview answer.
pub const WORDS_PER_MINUTE: usize = 130;
/// A spoken answer should take between one and two minutes.
pub const IDEAL_SECONDS: std::ops::RangeInclusive<usize> = 60..=120;

const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before",
    "being", "but", "by", "can", "could", "did", "do", "does", "each", "for", "from", "had", "has", "have", "he", "her",
    "his", "how", "i", "if", "in", "into", "is", "it", "its", "me", "more", "most", "my", "no", "not", "of", "on", "one",
    "or", "our", "out", "over", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "this", "those", "to", "up", "us", "very", "was", "we", "were", "what", "when", "which", "while", "who",
    "why", "will", "with", "would", "you", "your",
];

/// Fillers and hedges a listener notices. Multi-word ones are matched as phrases.
const FILLERS: &[&str] = &[
    "um", "uh", "er", "erm", "like", "basically", "actually", "literally", "you know", "kind of", "sort of", "i guess",
    "i mean", "maybe", "perhaps", "probably", "just",
];

/// Built-in synonyms (stems), used in both directions; a deck may add its own.
const SYNONYMS: &[(&str, &str)] = &[
    ("result", "outcom"), ("number", "figur"), ("measur", "metric"), ("improv", "better"), ("team", "colleagu"),
    ("manag", "boss"), ("interview", "meet"), ("thank", "gratitud"), ("cut", "reduc"), ("save", "saving"),
    ("question", "ask"), ("role", "job"), ("compan", "organis"), ("customer", "client"), ("mistak", "error"),
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
    for suffix in ["ations", "ation", "ising", "izing", "ised", "ized", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "ed", "es", "ly", "er", "s", "y", "e"] {
        if let Some(base) = w.strip_suffix(suffix) {
            if base.chars().count() >= 3 {
                return base.to_string();
            }
        }
    }
    w.to_string()
}

/// Instructions in key points ("Give …", "Say …"): not something the answer itself must contain.
const INSTRUCTIONS: &[&str] = &["give", "say", "use", "show", "make", "mention", "explain", "describe", "name", "tell", "state", "include", "keep"];
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
    /// Set when the answer is far from one to two minutes aloud.
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

fn contains_any(text: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| text.contains(p))
}

/// Key points hit or missed: a point counts as covered when at least half of its significant
/// words (or their synonyms) appear in the answer.
pub fn key_points(answer: &str, points: &[String], synonyms: &[(String, String)]) -> Vec<KeyPointHit> {
    let mut said = significant(answer);
    let all = words(answer);
    if all.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()) || w.ends_with('%')) {
        said.push(NUMBER.to_string());
    }
    if all.iter().filter(|w| matches!(w.as_str(), "i" | "i'm" | "i've" | "i'd" | "my")).count() >= 2 {
        said.push(SELF.to_string());
    }
    points
        .iter()
        .map(|p| {
            let needed = point_words(p);
            let found = needed.iter().filter(|n| said.iter().any(|s| same_meaning(s, n, synonyms))).count();
            KeyPointHit { point: p.clone(), hit: !needed.is_empty() && found * 2 >= needed.len() }
        })
        .collect()
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
    let lower = fold(answer);
    let synonyms: Vec<(String, String)> = card.synonyms.iter().map(|(a, b)| (stem(a), stem(b))).collect();
    let key_points = key_points(answer, &card.key_points, &synonyms);
    let count = all.len();
    let speaking_seconds = (count * 60).div_ceil(WORDS_PER_MINUTE);
    let length_hint = if count == 0 {
        None
    } else if speaking_seconds < *IDEAL_SECONDS.start() / 2 {
        Some("Very short: a second-interview answer usually takes one to two minutes. Add an example.")
    } else if speaking_seconds > IDEAL_SECONDS.end() * 3 / 2 {
        Some("Long: over three minutes aloud. Lead with the point and cut detail.")
    } else {
        None
    };
    let mut fillers: Vec<(String, usize)> = FILLERS.iter().map(|f| (f.to_string(), count_phrase(&all, f))).filter(|(_, n)| *n > 0).collect();
    super::sort_by_key(&mut fillers, |(_, n)| usize::MAX - n);
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
    let star = asks_for_a_story(&card.question).then(|| Star {
        situation: contains_any(&lower, &["situation", "when i was", "at the time", "in my last", "in my previous", "we had", "there was", "our team"]),
        task: contains_any(&lower, &["task", "my job was", "i was asked", "i needed to", "i had to", "responsible", "goal was", "my role"]),
        action: contains_any(&lower, &["action", "so i ", "i decided", "i started", "i set up", "i built", "i wrote", "i organised", "i organized", "i led", "i spoke", "i called", "i changed", "i proposed"]),
        result: contains_any(&lower, &["result", "as a result", "outcome", "which meant", "in the end", "led to", "saved", "cut", "reduced", "increased", "improved"]),
        measurable: all.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()) || w.ends_with('%') || ["percent", "half", "double", "doubled", "third", "quarter"].contains(&w.as_str())),
    });
    let i_count = all.iter().filter(|w| matches!(w.as_str(), "i" | "i'm" | "i've" | "i'd" | "me" | "my")).count();
    let we_count = all.iter().filter(|w| matches!(w.as_str(), "we" | "we're" | "we've" | "we'd" | "us" | "our")).count();
    let hits = key_points.iter().filter(|k| k.hit).count();
    Insights {
        suggested: suggest(hits, key_points.len(), seconds_taken, limit_seconds),
        key_points,
        words: count,
        speaking_seconds,
        length_hint,
        fillers,
        repeated: tally,
        star,
        i_count,
        we_count,
        we_hint: we_count >= 3 && we_count > 2 * i_count,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deck;

    fn card(id: &str) -> Card {
        deck::built_in().into_iter().find(|c| c.id == id).unwrap()
    }

    const GOOD_STAR: &str = "Situation: our warehouse wrote off about forty thousand pounds of stock a year because \
        counts were wrong. My task was to find out why within a quarter. So I mapped how stock moved, I found returns \
        were booked twice, I changed the returns form and I trained the six people who used it. As a result write-offs \
        fell by 60% the next year and the method was copied at our second site.";

    #[test]
    fn a_good_story_hits_every_point_and_shows_star_and_a_number() {
        let c = card("sell-01");
        let ins = analyse(&c, GOOD_STAR, 70, 120);
        assert!(ins.key_points.iter().all(|k| k.hit), "{:?}", ins.key_points);
        let star = ins.star.clone().unwrap();
        assert!(star.situation && star.task && star.action && star.result && star.measurable, "{star:?}");
        assert_eq!(ins.suggested, Rating::Easy);
        assert!(ins.i_count >= 3 && !ins.we_hint);
        assert_eq!(ins.length_hint, None);
        assert_eq!(ins.speaking_seconds, (ins.words * 60).div_ceil(130));
    }

    #[test]
    fn a_rambling_answer_gets_a_length_hint_and_repeated_words() {
        let c = card("plan-02");
        let ramble = "The project the project was a big project and honestly the project went on. ".repeat(50);
        let ins = analyse(&c, &ramble, 400, 120);
        assert_eq!(ins.length_hint, Some("Long: over three minutes aloud. Lead with the point and cut detail."));
        assert_eq!(ins.repeated[0], ("project".to_string(), 200));
        assert_eq!(analyse(&c, "Yes.", 5, 120).length_hint.map(|h| &h[..10]), Some("Very short"));
    }

    #[test]
    fn fillers_and_hedges_are_counted_phrases_included() {
        let c = card("tricky-04");
        let ins = analyse(&c, "Um, I guess my weakness is, like, you know, basically delegating. Um, kind of.", 30, 120);
        let get = |f: &str| ins.fillers.iter().find(|(w, _)| w == f).map(|(_, n)| *n);
        assert_eq!(get("um"), Some(2));
        assert_eq!(get("i guess"), Some(1));
        assert_eq!(get("you know"), Some(1));
        assert_eq!(get("kind of"), Some(1));
        assert_eq!(get("like"), Some(1));
        assert_eq!(ins.fillers[0].0, "um", "most frequent first");
    }

    #[test]
    fn we_only_answers_are_flagged() {
        let c = card("sell-04");
        let ins = analyse(&c, "We met each department. We proposed a format. We ran a trial and our list is still used by us.", 40, 120);
        assert_eq!(ins.i_count, 0);
        assert!(ins.we_count >= 4 && ins.we_hint);
    }

    #[test]
    fn a_story_without_a_result_or_number_is_said_so() {
        let c = card("sell-03");
        let ins = analyse(&c, "When I was at my last job a client moved their launch. I had to get training ready, so I decided to cut the scope.", 40, 120);
        let star = ins.star.unwrap();
        assert!(star.situation && star.task && star.action);
        assert!(!star.measurable, "no number, percentage or time");
        assert!(analyse(&card("plan-01"), "anything", 10, 120).star.is_none(), "not a story question");
    }

    #[test]
    fn key_points_match_on_stems_and_synonyms() {
        let points = vec!["Give a measurable result".to_string(), "Thank each interviewer".to_string()];
        let hits = key_points("The outcome: a 20% cut in errors, and I thanked every person who interviewed me.", &points, &[]);
        assert!(hits[0].hit, "result~outcome, measurable: a number");
        assert!(hits[1].hit, "thank~thanked, interviewer~interviewed");
        let none = key_points("I like trains.", &points, &[]);
        assert!(none.iter().all(|k| !k.hit));
        let extra = vec![("train".to_string(), "result".to_string())];
        assert!(key_points("I like trains, 3 of them.", &points, &extra)[0].hit, "deck synonyms count");
        assert_eq!(stem("organising"), stem("organised"));
        assert_eq!(stem("interviewers"), "interview");
    }

    #[test]
    fn words_are_split_on_punctuation_and_keep_apostrophes() {
        assert_eq!(words("I’m “sure” — it’s 20% café-level, OK…"), vec!["i'm", "sure", "it's", "20%", "café", "level", "ok"]);
    }

    #[test]
    fn the_cards_own_synonyms_count() {
        let mut c = card("plan-01");
        c.key_points = vec!["Arrive with a short agenda".to_string(), "Name the gap".to_string()];
        c.synonyms.clear();
        let said = "I came with a plan of three parts and a short list.";
        assert!(!analyse(&c, said, 30, 120).key_points[0].hit);
        c.synonyms = vec![("plans".to_string(), "agenda".to_string())];
        assert!(analyse(&c, said, 30, 120).key_points[0].hit, "plan ~ agenda, stemmed both sides");
    }

    #[test]
    fn the_suggested_grade_follows_coverage_and_time() {
        assert_eq!(suggest(0, 3, 60, 120), Rating::Again);
        assert_eq!(suggest(1, 3, 60, 120), Rating::Hard);
        assert_eq!(suggest(2, 3, 60, 120), Rating::Good);
        assert_eq!(suggest(3, 3, 60, 120), Rating::Easy);
        assert_eq!(suggest(3, 3, 150, 120), Rating::Good, "all hit but over time");
    }
}
