//! The built-in question bank: a plain-text file under `decks/`, compiled into the app.
//!
//! Format (one block per card, blank lines between blocks, `#` starts a comment line):
//!
//! ```text
//! [plan-01]
//! theme: plan
//! tags: agenda, preparation
//! q: The question, as an interviewer would ask it.
//! a: The model answer in the candidate's voice. A long answer may go on
//!    on lines that start with spaces.
//! k: A key point a good answer must hit.
//! k: Another key point.
//! syn: agenda = plan, boss = manager
//! ```
//!
//! `syn:` (optional) lists pairs of words that count as the same when a rehearsed answer is
//! matched against the key points.

use super::card::{Card, Theme};
use std::collections::HashSet;

/// The built-in deck as compiled in: `build.rs` drops comments and joins continuation lines.
pub const BUILT_IN: &str = include_str!(concat!(env!("OUT_DIR"), "/deck.txt"));

/// Limits every card of the built-in deck must respect.
pub const MIN_CARDS: usize = 80;
pub const MIN_PER_THEME: usize = 6;
pub const MAX_ANSWER_WORDS: usize = 160;
pub const KEY_POINTS: std::ops::RangeInclusive<usize> = 2..=5;

#[derive(Debug, Clone, PartialEq)]
pub struct DeckError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for DeckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// Parses the deck text. Every problem is reported with its line number; cards that parse are returned too.
pub fn parse(text: &str) -> (Vec<Card>, Vec<DeckError>) {
    let mut cards = Vec::new();
    let mut errors = Vec::new();
    let mut current: Option<(usize, Card, Option<char>)> = None;

    let finish = |current: &mut Option<(usize, Card, Option<char>)>, cards: &mut Vec<Card>, errors: &mut Vec<DeckError>| {
        if let Some((line, card, _)) = current.take() {
            let problems = card_problems(&card);
            if problems.is_empty() {
                cards.push(card);
            } else {
                errors.extend(problems.into_iter().map(|m| DeckError { line, message: format!("[{}] {}", card.id, m) }));
            }
        }
    };

    for (index, raw) in text.lines().enumerate() {
        let line_no = index + 1;
        if raw.trim_start().starts_with('#') {
            continue;
        }
        if raw.trim().is_empty() {
            if let Some(c) = current.as_mut() {
                c.2 = None;
            }
            continue;
        }
        if let Some(rest) = raw.strip_prefix('[') {
            finish(&mut current, &mut cards, &mut errors);
            let Some(id) = rest.trim_end().strip_suffix(']') else {
                errors.push(DeckError { line: line_no, message: "a card header must look like [id]".into() });
                continue;
            };
            let id = id.trim();
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                errors.push(DeckError { line: line_no, message: format!("bad card id \"{id}\": use letters, digits, - and _") });
            }
            current = Some((
                line_no,
                Card { id: id.to_string(), theme: Theme::Plan, tags: vec![], question: String::new(), answer: String::new(), key_points: vec![], synonyms: vec![] },
                None,
            ));
            continue;
        }
        let Some((_, card, last_field)) = current.as_mut() else {
            errors.push(DeckError { line: line_no, message: "text outside a card; start a card with [id]".into() });
            continue;
        };
        if raw.starts_with(' ') || raw.starts_with('\t') {
            let more = raw.trim();
            let target = match last_field {
                Some('q') => Some(&mut card.question),
                Some('a') => Some(&mut card.answer),
                Some('k') => card.key_points.last_mut(),
                _ => None,
            };
            match target {
                Some(t) => {
                    t.push(' ');
                    t.push_str(more);
                }
                None => errors.push(DeckError { line: line_no, message: "an indented line must continue q:, a: or k:".into() }),
            }
            continue;
        }
        let Some((field, value)) = raw.split_once(':') else {
            errors.push(DeckError { line: line_no, message: format!("expected `field: value`, found \"{raw}\"") });
            continue;
        };
        let value = value.trim().to_string();
        *last_field = None;
        match field.trim() {
            "theme" => match Theme::from_key(&value) {
                Some(t) => card.theme = t,
                None => errors.push(DeckError { line: line_no, message: format!("unknown theme \"{value}\"") }),
            },
            "tags" => card.tags = value.split(',').map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty()).collect(),
            "q" => {
                card.question = value;
                *last_field = Some('q');
            }
            "a" => {
                card.answer = value;
                *last_field = Some('a');
            }
            "k" => {
                card.key_points.push(value);
                *last_field = Some('k');
            }
            "syn" => match synonyms(&value) {
                Some(pairs) => card.synonyms = pairs,
                None => errors.push(DeckError { line: line_no, message: "syn: needs pairs like `boss = manager, agenda = plan`".into() }),
            },
            other => errors.push(DeckError { line: line_no, message: format!("unknown field \"{other}\"") }),
        }
    }
    finish(&mut current, &mut cards, &mut errors);
    (cards, errors)
}

/// `boss = manager, agenda = plan` as pairs (None when a pair is not `word = word`).
pub fn synonyms(value: &str) -> Option<Vec<(String, String)>> {
    value
        .split(',')
        .map(|pair| {
            let (a, b) = pair.split_once('=')?;
            let (a, b) = (a.trim().to_ascii_lowercase(), b.trim().to_ascii_lowercase());
            (!a.is_empty() && !b.is_empty()).then_some((a, b))
        })
        .collect()
}

pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Questions that ask for a story must be tagged `star` (their answers follow Situation, Task, Action, Result).
pub fn asks_for_a_story(question: &str) -> bool {
    let q = question.to_ascii_lowercase();
    ["tell me about a time", "describe a time", "give me an example of a time", "walk me through a time"]
        .iter()
        .any(|p| q.starts_with(p))
}

fn card_problems(card: &Card) -> Vec<String> {
    let mut problems = Vec::new();
    if card.question.trim().is_empty() {
        problems.push("has no question (q:)".to_string());
    }
    if card.answer.trim().is_empty() {
        problems.push("has no model answer (a:)".to_string());
    }
    let words = word_count(&card.answer);
    if words > MAX_ANSWER_WORDS {
        problems.push(format!("model answer has {words} words; keep it under {MAX_ANSWER_WORDS} (about a minute aloud)"));
    }
    if !KEY_POINTS.contains(&card.key_points.len()) {
        problems.push(format!("has {} key points; a card needs 2 to 5", card.key_points.len()));
    }
    if card.tags.is_empty() {
        problems.push("has no tags".to_string());
    }
    if asks_for_a_story(&card.question) && !card.tags.iter().any(|t| t == "star") {
        problems.push("asks for a story, so it must be tagged star".to_string());
    }
    problems
}

fn normalise(question: &str) -> String {
    question.to_lowercase().chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whole-deck checks: duplicate ids or questions, and the size of the deck and of each theme.
pub fn deck_problems(cards: &[Card], min_cards: usize, min_per_theme: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    let mut questions = HashSet::new();
    for card in cards {
        if !ids.insert(card.id.as_str()) {
            problems.push(format!("duplicate id {}", card.id));
        }
        if !questions.insert(normalise(&card.question)) {
            problems.push(format!("duplicate question in [{}]: {}", card.id, card.question));
        }
    }
    if cards.len() < min_cards {
        problems.push(format!("the deck has {} cards; it needs at least {min_cards}", cards.len()));
    }
    for theme in Theme::ALL {
        let n = cards.iter().filter(|c| c.theme == theme).count();
        if n < min_per_theme {
            problems.push(format!("theme {} has {n} cards; it needs at least {min_per_theme}", theme.key()));
        }
    }
    problems
}

/// The built-in deck, as the app uses it: a plain reading of the compacted text `build.rs` writes
/// (one field per line). It reports nothing, which keeps the validation messages out of the
/// browser bundle; the tests check it reads exactly what the validating `parse` reads.
pub fn built_in() -> Vec<Card> {
    let mut cards: Vec<Card> = Vec::new();
    for line in BUILT_IN.lines() {
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let id = id.trim().to_string();
            cards.push(Card { id, theme: Theme::Plan, tags: vec![], question: String::new(), answer: String::new(), key_points: vec![], synonyms: vec![] });
            continue;
        }
        let (Some(card), Some((field, value))) = (cards.last_mut(), line.split_once(':')) else { continue };
        let value = value.trim().to_string();
        match field.trim() {
            "theme" => card.theme = Theme::from_key(&value).unwrap_or(card.theme),
            "tags" => card.tags = value.split(',').map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty()).collect(),
            "q" => card.question = value,
            "a" => card.answer = value,
            "k" => card.key_points.push(value),
            "syn" => card.synonyms = synonyms(&value).unwrap_or_default(),
            _ => {}
        }
    }
    cards
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file people edit, so problems are reported with its own line numbers.
    const SOURCE: &str = include_str!("../../decks/second-interview.deck");

    #[test]
    fn the_compacted_deck_reads_exactly_like_the_source() {
        let (compact, errors) = parse(BUILT_IN);
        assert!(errors.is_empty());
        assert_eq!(compact, parse(SOURCE).0);
        assert_eq!(built_in(), compact, "the app's reader and the validating parser agree");
    }

    #[test]
    fn the_built_in_deck_is_complete() {
        let (cards, errors) = parse(SOURCE);
        assert!(errors.is_empty(), "deck errors:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
        let problems = deck_problems(&cards, MIN_CARDS, MIN_PER_THEME);
        assert!(problems.is_empty(), "deck problems:\n{}", problems.join("\n"));
    }

    const GOOD: &str = "[a-1]\ntheme: plan\ntags: x\nq: Why us?\na: Because\n  of you.\nk: one\nk: two\n";

    #[test]
    fn parses_fields_and_continuations() {
        let (cards, errors) = parse(GOOD);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(cards[0].answer, "Because of you.");
        assert_eq!(cards[0].key_points, vec!["one", "two"]);
    }

    #[test]
    fn reads_synonyms() {
        let (cards, errors) = parse(&format!("{GOOD}syn: Boss = manager, agenda=plan\n"));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(cards[0].synonyms, vec![("boss".to_string(), "manager".to_string()), ("agenda".to_string(), "plan".to_string())]);
        let (_, errors) = parse(&format!("{GOOD}syn: boss manager\n"));
        assert_eq!(errors[0].line, 9);
        assert!(built_in().iter().filter(|c| !c.synonyms.is_empty()).count() >= 8, "the deck lists synonyms");
    }

    #[test]
    fn rejects_an_incomplete_card() {
        let (cards, errors) = parse("[a-1]\ntheme: plan\ntags: x\nq: Why us?\nk: one\nk: two\n");
        assert!(cards.is_empty());
        assert!(errors[0].message.contains("no model answer"), "{errors:?}");
        let (_, errors) = parse("[a-1]\ntheme: plan\ntags: x\nq: Why us?\na: yes\nk: one\n");
        assert!(errors[0].message.contains("key points"));
        let (_, errors) = parse("[a-1]\ntheme: nowhere\ntags: x\nq: Why?\na: yes\nk: one\nk: two\n");
        assert_eq!(errors[0].line, 2);
        let (_, errors) = parse("[s-1]\ntheme: sell\ntags: x\nq: Tell me about a time you won.\na: yes\nk: one\nk: two\n");
        assert!(errors[0].message.contains("star"));
    }

    #[test]
    fn rejects_duplicate_ids_and_questions_and_thin_themes() {
        let twice = format!("{GOOD}\n{GOOD}");
        let (cards, _) = parse(&twice);
        let problems = deck_problems(&cards, 1, 0);
        assert!(problems.iter().any(|p| p.contains("duplicate id")));
        assert!(problems.iter().any(|p| p.contains("duplicate question")));
        let other = GOOD.replace("[a-1]", "[a-2]").replace("Why us?", "why US");
        let (cards, _) = parse(&format!("{GOOD}\n{other}"));
        assert!(deck_problems(&cards, 1, 0).iter().any(|p| p.contains("duplicate question")));
        let problems = deck_problems(&cards, 80, 6);
        assert!(problems.iter().any(|p| p.contains("at least 80")));
        assert!(problems.iter().any(|p| p.contains("theme sell has 0")));
    }
}
