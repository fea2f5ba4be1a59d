//! The built-in question bank: plain-text files under `decks/`, read in name order and compiled
//! into the app (`build.rs` joins and compacts them). `decks/00-tracks.deck` describes the format
//! and the role tracks' personas.
//!
//! ```text
//! [track:graduate]
//! label: Graduate or first job
//! persona: Who answers on this track, with the facts every answer uses.
//!
//! [plan-01]
//! theme: plan
//! tags: agenda, preparation
//! q: The question, as an interviewer would ask it.
//! a: The model answer in the candidate's voice (the general/office persona). A long answer
//!    goes on on lines that start with spaces.
//! k: A key point a good answer says.
//! k: Another key point.
//! syn: agenda = plan, boss = manager
//! why: What the interviewer is assessing.
//! avoid: The common mistake.
//! probe: A follow-up question (one to three probe: lines).
//! a.graduate: The graduate persona's answer.
//! k.graduate: Its key points (likewise frontline, technical, manager; a:/k: are office's).
//! retired: merged into plan-02    (kept for anyone's progress, out of sessions)
//! ```
//!
//! `syn:` (optional) lists pairs of words that count as the same when a rehearsed answer is
//! matched against the key points.

use super::card::{Card, Theme, Track, Variant};
use std::collections::HashSet;

/// The built-in deck as compiled in: `build.rs` joins decks/*.deck in name order, drops comments
/// and blank lines and joins continuation lines. The role tracks' own answers are not in it: each
/// track's are a file of their own (`tracks/<track>.txt` next to the app), read by `read_track`.
pub const BUILT_IN: &str = include_str!(concat!(env!("OUT_DIR"), "/deck.txt"));

/// Limits of the built-in deck (retired cards do not count).
pub const MIN_CARDS: usize = 160;
pub const MIN_PER_THEME: usize = 14;
/// Cards that carry a model answer and key points for every track.
pub const MIN_ALL_TRACKS: usize = 30;
pub const KEY_POINTS: std::ops::RangeInclusive<usize> = 2..=5;
pub const PROBES: std::ops::RangeInclusive<usize> = 1..=3;
/// Cards carrying these tags need an answer and key points for every track.
pub const EVERY_TRACK_TAGS: [&str; 2] = ["star", "about-you"];

/// A role track as the deck describes it: the name a person reads and its persona.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TrackInfo {
    pub track: Track,
    pub label: String,
    /// One line on who answers (`summary:`), shown where the track is chosen.
    pub summary: String,
    pub persona: String,
}

impl TrackInfo {
    /// The line shown where the track is chosen: the `summary:`, or else the persona's first
    /// sentence or two (up to about 140 characters).
    pub fn summary(&self) -> String {
        if !self.summary.is_empty() {
            return self.summary.clone();
        }
        let mut out = String::new();
        for sentence in self.persona.split_inclusive(". ") {
            if !out.is_empty() && out.len() + sentence.len() > 140 {
                break;
            }
            out.push_str(sentence);
        }
        out.trim().to_string()
    }
}

/// A parsed deck: its cards (retired ones included) and its tracks.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deck {
    pub cards: Vec<Card>,
    pub tracks: Vec<TrackInfo>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeckError {
    /// The file the line is in (empty for text that is not a file).
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for DeckError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.file.is_empty() {
            write!(f, "line {}: {}", self.line, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

#[allow(clippy::large_enum_variant)]
enum Block {
    Card(Card),
    Track(TrackInfo),
}

/// `a`, `a.graduate`, `k.office`: the field's letter and its track (office when none is named).
fn field_track(field: &str) -> Option<(char, Result<Track, String>)> {
    let (name, track) = match field.split_once('.') {
        Some((n, t)) => (n, Some(t)),
        None => (field, None),
    };
    let letter = match name {
        "a" => 'a',
        "k" => 'k',
        _ => return None,
    };
    Some((letter, match track {
        None => Ok(Track::Office),
        Some(t) => Track::from_key(t).ok_or(format!("unknown track \"{t}\" in {field}: (tracks: office, graduate, frontline, technical, manager)")),
    }))
}

fn variant_mut(card: &mut Card, track: Track) -> &mut Variant {
    let i = match card.variants.iter().position(|v| v.track == track) {
        Some(i) => i,
        None => {
            card.variants.push(Variant { track, ..Variant::default() });
            card.variants.len() - 1
        }
    };
    &mut card.variants[i]
}

/// Parses one deck text (`file` names it in the errors). Every problem is reported with its line;
/// cards that parse are returned too, retired ones included.
pub fn parse_file(file: &str, text: &str) -> (Deck, Vec<DeckError>) {
    let mut deck = Deck::default();
    let mut errors = Vec::new();
    let err = |line: usize, message: String| DeckError { file: file.to_string(), line, message };
    let mut current: Option<(usize, Block)> = None;

    let finish = |current: &mut Option<(usize, Block)>, deck: &mut Deck, errors: &mut Vec<DeckError>| match current.take() {
        Some((line, Block::Card(card))) => {
            let problems = card_problems(&card);
            if problems.is_empty() {
                deck.cards.push(card);
            } else {
                errors.extend(problems.into_iter().map(|m| err(line, format!("[{}] {}", card.id, m))));
            }
        }
        Some((line, Block::Track(info))) => {
            if info.label.is_empty() || info.persona.is_empty() {
                errors.push(err(line, format!("[track:{}] needs label: and persona:", info.track.key())));
            } else {
                deck.tracks.push(info);
            }
        }
        None => {}
    };

    // Each field with its continuation lines joined (a line that starts with spaces continues the
    // field above it; a blank line ends a field; comment lines are skipped), with its first line.
    let mut logical: Vec<(usize, String)> = Vec::new();
    let mut after_blank = true;
    for (index, raw) in text.lines().enumerate() {
        let trimmed = raw.trim();
        if trimmed.starts_with('#') {
            continue;
        }
        if trimmed.is_empty() {
            after_blank = true;
            continue;
        }
        let indented = raw.starts_with(' ') || raw.starts_with('\t');
        match logical.last_mut() {
            Some((_, last)) if indented && !after_blank && !last.starts_with('[') => {
                last.push(' ');
                last.push_str(trimmed);
            }
            _ if indented => errors.push(err(index + 1, "an indented line continues the field above it, and there is none (a blank line ends a field)".into())),
            _ => logical.push((index + 1, trimmed.to_string())),
        }
        after_blank = false;
    }

    for (line_no, raw) in logical {
        let raw = raw.as_str();
        if let Some(rest) = raw.strip_prefix('[') {
            finish(&mut current, &mut deck, &mut errors);
            let Some(id) = rest.trim_end().strip_suffix(']') else {
                errors.push(err(line_no, "a card header must look like [id]".into()));
                continue;
            };
            let id = id.trim();
            if let Some(key) = id.strip_prefix("track:") {
                match Track::from_key(key.trim()) {
                    Some(track) => current = Some((line_no, Block::Track(TrackInfo { track, ..TrackInfo::default() }))),
                    None => errors.push(err(line_no, format!("unknown track \"{key}\" (tracks: office, graduate, frontline, technical, manager)"))),
                }
                continue;
            }
            if id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                errors.push(err(line_no, format!("bad card id \"{id}\": use letters, digits, - and _")));
            }
            current = Some((line_no, Block::Card(Card { id: id.to_string(), theme: Theme::Plan, ..Card::default() })));
            continue;
        }
        let Some((_, block)) = current.as_mut() else {
            errors.push(err(line_no, "text outside a card; start a card with [id]".into()));
            continue;
        };
        let Some((field, value)) = raw.split_once(':') else {
            errors.push(err(line_no, format!("expected `field: value`, found \"{raw}\"")));
            continue;
        };
        let value = value.trim().to_string();
        let field = field.trim();
        let card = match block {
            Block::Card(card) => card,
            Block::Track(info) => {
                match field {
                    "label" => {
                        info.label = value;
                    }
                    "persona" => {
                        info.persona = value;
                    }
                    "summary" => {
                        info.summary = value;
                    }
                    other => errors.push(err(line_no, format!("unknown field \"{other}\" in a track (label:, summary:, persona:)"))),
                }
                continue;
            }
        };
        let id = card.id.clone();
        let twice = |errors: &mut Vec<DeckError>, name: &str| errors.push(err(line_no, format!("[{id}] {name}: given twice")));
        if let Some((letter, track)) = field_track(field) {
            let track = match track {
                Ok(t) => t,
                Err(m) => {
                    errors.push(err(line_no, m));
                    continue;
                }
            };
            match (letter, track) {
                ('a', Track::Office) => {
                    if !card.answer.is_empty() {
                        twice(&mut errors, field);
                    }
                    card.answer = value;
                }
                ('a', t) => {
                    let v = variant_mut(card, t);
                    if !v.answer.is_empty() {
                        twice(&mut errors, field);
                    }
                    v.answer = value;
                }
                (_, Track::Office) => card.key_points.push(value),
                (_, t) => variant_mut(card, t).key_points.push(value),
            }
            continue;
        }
        match field {
            "theme" => match Theme::from_key(&value).filter(|t| *t != Theme::Own) {
                Some(t) => card.theme = t,
                None => errors.push(err(line_no, format!("unknown theme \"{value}\" (plan, sell, attributes, interviewers, tricky, questions, fit, follow-up, offer)"))),
            },
            "tags" => card.tags = value.split(',').map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty()).collect(),
            "q" => {
                if !card.question.is_empty() {
                    twice(&mut errors, "q");
                }
                card.question = value;
            }
            "syn" => match synonyms(&value) {
                Some(pairs) => card.synonyms.extend(pairs),
                None => errors.push(err(line_no, "syn: needs pairs like `boss = manager, agenda = plan`".into())),
            },
            "why" => {
                if !card.why.is_empty() {
                    twice(&mut errors, "why");
                }
                card.why = value;
            }
            "avoid" => {
                if !card.avoid.is_empty() {
                    twice(&mut errors, "avoid");
                }
                card.avoid = value;
            }
            "probe" => {
                card.probes.push(value);
            }
            "retired" => {
                card.retired = Some(value);
            }
            other => errors.push(err(line_no, format!("unknown field \"{other}\""))),
        }
    }
    finish(&mut current, &mut deck, &mut errors);
    (deck, errors)
}

/// Parses one text; every card it holds (retired ones included) and the problems.
pub fn parse(text: &str) -> (Vec<Card>, Vec<DeckError>) {
    let (deck, errors) = parse_file("", text);
    (deck.cards, errors)
}

/// Parses several files as one deck, in the order given; errors name the file and line.
pub fn parse_files(files: &[(String, String)]) -> (Deck, Vec<DeckError>) {
    let mut deck = Deck::default();
    let mut errors = Vec::new();
    for (name, text) in files {
        let (d, e) = parse_file(name, text);
        deck.cards.extend(d.cards);
        deck.tracks.extend(d.tracks);
        errors.extend(e);
    }
    (deck, errors)
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

/// A story card: tagged `star` (its answer runs one to two minutes and shows the STAR signals).
pub fn is_story(card: &Card) -> bool {
    card.tags.iter().any(|t| t == "star")
}

/// Cards that need an answer and key points for every track.
pub fn needs_every_track(card: &Card) -> bool {
    card.tags.iter().any(|t| EVERY_TRACK_TAGS.contains(&t.as_str()))
}

/// What makes a block unreadable as a card (the finer checks are in `deck_check`).
fn card_problems(card: &Card) -> Vec<String> {
    let mut problems = Vec::new();
    if card.question.trim().is_empty() {
        problems.push("has no question (q:)".to_string());
    }
    if card.answer.trim().is_empty() {
        problems.push("has no model answer (a:)".to_string());
    }
    if !KEY_POINTS.contains(&card.key_points.len()) {
        problems.push(format!("has {} key points (k:); a card needs 2 to 5", card.key_points.len()));
    }
    if card.tags.is_empty() {
        problems.push("has no tags".to_string());
    }
    if asks_for_a_story(&card.question) && !is_story(card) {
        problems.push("asks for a story, so it must be tagged star".to_string());
    }
    for v in &card.variants {
        let t = v.track.key();
        if v.answer.trim().is_empty() {
            problems.push(format!("has k.{t}: but no a.{t}:"));
        }
        if !KEY_POINTS.contains(&v.key_points.len()) {
            problems.push(format!("has {} key points for {t} (k.{t}:); a track's answer needs 2 to 5", v.key_points.len()));
        }
    }
    problems
}

fn normalise(question: &str) -> String {
    question.to_lowercase().chars().filter(|c| c.is_alphanumeric() || c.is_whitespace()).collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whole-deck checks: duplicate ids or questions, and the size of the deck and of each theme
/// (active cards only).
pub fn deck_problems(cards: &[Card], min_cards: usize, min_per_theme: usize) -> Vec<String> {
    let mut problems = Vec::new();
    let mut ids = HashSet::new();
    let mut questions = HashSet::new();
    for card in cards {
        if !ids.insert(card.id.as_str()) {
            problems.push(format!("duplicate id {}", card.id));
        }
        if !card.is_retired() && !questions.insert(normalise(&card.question)) {
            problems.push(format!("duplicate question in [{}]: {}", card.id, card.question));
        }
    }
    let active = cards.iter().filter(|c| !c.is_retired()).count();
    if active < min_cards {
        problems.push(format!("the deck has {active} active cards; it needs at least {min_cards}"));
    }
    for theme in Theme::ALL {
        let n = cards.iter().filter(|c| c.theme == theme && !c.is_retired()).count();
        if n < min_per_theme {
            problems.push(format!("theme {} has {n} active cards; it needs at least {min_per_theme}", theme.key()));
        }
    }
    problems
}

/// The built-in deck, as the app uses it: a plain reading of the compacted text `build.rs` writes
/// (one field per line). It reports nothing, which keeps the validation messages out of the
/// browser bundle; the tests check it reads exactly what the validating `parse` reads.
pub fn built_in_deck() -> Deck {
    read_compact(BUILT_IN)
}

/// Reads compacted deck text (one field per line), trusting it: it was validated by the tests.
fn read_compact(text: &str) -> Deck {
    let mut deck = Deck::default();
    // Lines after a [track:…] header belong to that track until the next header.
    let mut in_track = false;
    for line in text.lines() {
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let id = id.trim();
            in_track = false;
            if let Some(key) = id.strip_prefix("track:") {
                if let Some(track) = Track::from_key(key.trim()) {
                    deck.tracks.push(TrackInfo { track, ..TrackInfo::default() });
                    in_track = true;
                }
                continue;
            }
            deck.cards.push(Card { id: id.to_string(), theme: Theme::Plan, ..Card::default() });
            continue;
        }
        let Some((field, value)) = line.split_once(':') else { continue };
        let value = value.trim().to_string();
        let field = field.trim();
        if in_track {
            if let Some(info) = deck.tracks.last_mut() {
                match field {
                    "label" => info.label = value,
                    "summary" => info.summary = value,
                    "persona" => info.persona = value,
                    _ => {}
                }
            }
            continue;
        }
        let Some(card) = deck.cards.last_mut() else { continue };
        if let Some((letter, Ok(track))) = field_track(field) {
            match (letter, track) {
                ('a', Track::Office) => card.answer = value,
                ('a', t) => variant_mut(card, t).answer = value,
                (_, Track::Office) => card.key_points.push(value),
                (_, t) => variant_mut(card, t).key_points.push(value),
            }
            continue;
        }
        match field {
            "theme" => card.theme = Theme::from_key(&value).unwrap_or(card.theme),
            "tags" => card.tags = value.split(',').map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty()).collect(),
            "q" => card.question = value,
            "syn" => card.synonyms.extend(synonyms(&value).unwrap_or_default()),
            "why" => card.why = value,
            "avoid" => card.avoid = value,
            "probe" => card.probes.push(value),
            "retired" => card.retired = Some(value),
            _ => {}
        }
    }
    deck
}

/// A track's file (`[id]` lines, each followed by that card's `a.<track>:` and `k.<track>:`
/// lines) as the cards' variants, by card id. Lines of other tracks are ignored.
pub fn read_track(text: &str, track: Track) -> Vec<(String, Variant)> {
    let mut out: Vec<(String, Variant)> = Vec::new();
    for line in text.lines() {
        if let Some(id) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            out.push((id.trim().to_string(), Variant { track, ..Variant::default() }));
            continue;
        }
        let (Some((_, v)), Some((field, value))) = (out.last_mut(), line.split_once(':')) else { continue };
        match field_track(field.trim()) {
            Some(('a', Ok(t))) if t == track => v.answer = value.trim().to_string(),
            Some(('k', Ok(t))) if t == track => v.key_points.push(value.trim().to_string()),
            _ => {}
        }
    }
    out.retain(|(_, v)| !v.answer.is_empty());
    out
}

/// The built-in cards (retired ones included: a person's progress on them is kept).
pub fn built_in() -> Vec<Card> {
    built_in_deck().cards
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::deck_check::source_files;

    /// The files people edit, so problems are reported with their own names and line numbers.
    fn sources() -> Vec<(String, String)> {
        source_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("decks"))
    }

    mod compaction {
        include!("deck_compact.rs");
    }

    #[test]
    fn the_compacted_deck_and_track_files_read_exactly_like_the_sources() {
        let files = sources();
        assert!(files.len() >= 10 && files[0].0.ends_with("00-tracks.deck"), "{:?}", files.iter().map(|f| &f.0).collect::<Vec<_>>());
        let (source, _) = parse_files(&files);
        let text = compaction::compact(&files);
        let (compact, _) = parse_file("", &text);
        for (a, b) in compact.cards.iter().zip(&source.cards) {
            assert_eq!(a, b, "the compaction keeps every card");
        }
        assert_eq!(compact, source, "the compaction keeps every card and track");
        // What the app holds, and the track files: together, the whole deck.
        let (general, tracks) = compaction::split(&text);
        assert_eq!(tracks.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["graduate", "frontline", "technical", "manager"]);
        let mut app = read_compact(&general);
        assert!(app.cards.iter().all(|c| c.variants.is_empty()), "no track answers in the app itself");
        assert_eq!(app.tracks, source.tracks, "labels and personas stay in the app");
        for (key, file) in &tracks {
            let track = Track::from_key(key).unwrap();
            for (id, v) in read_track(file, track) {
                app.cards.iter_mut().find(|c| c.id == id).expect("a track's card is in the deck").variants.push(v);
            }
        }
        for c in &mut app.cards {
            super::super::sort_by_key(&mut c.variants, |v| Track::ALL.iter().position(|t| *t == v.track));
        }
        let mut sorted = source.clone();
        for c in &mut sorted.cards {
            super::super::sort_by_key(&mut c.variants, |v| Track::ALL.iter().position(|t| *t == v.track));
        }
        assert_eq!(app, sorted, "the app's reader, with the track files, reads what the validating parser reads");
        assert!(source.cards.len() >= 80 && source.tracks.len() == 5);
        // What the app holds was compacted by build.rs from these files (when they have not
        // changed since the build, which a writer editing them may have done).
        assert!(built_in_deck().cards.len() >= 80 && built_in_deck().tracks.len() == 5);
        assert!(built_in_deck().cards.iter().all(|c| c.variants.is_empty()));
    }

    #[test]
    fn a_track_file_gives_that_tracks_answers() {
        let text = "[a-1]\na.graduate: G.\nk.graduate: one\nk.graduate: two\n[a-2]\na.manager: M.\nk.manager: m\n";
        let g = read_track(text, Track::Graduate);
        assert_eq!(g, vec![("a-1".to_string(), Variant { track: Track::Graduate, answer: "G.".into(), key_points: vec!["one".into(), "two".into()] })]);
        assert!(read_track("", Track::Manager).is_empty());
    }

    #[test]
    fn the_deck_sources_parse() {
        let (_, errors) = parse_files(&sources());
        assert!(errors.is_empty(), "deck errors:\n{}", errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"));
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
    fn parses_coaching_tracks_and_retirement() {
        let text = format!(
            "[track:graduate]\nlabel: Graduate\npersona: Graduated in 2026.\n   Three years at a café.\n\n{GOOD}why: Whether you\n  did your homework.\navoid: Flattery.\nprobe: And?\nprobe: Why\n  really?\n\
             a.graduate: As a graduate\n  I chose you.\nk.graduate: g one\nk.graduate: g\n  two\na.office: ignored\nretired: merged into\n  a-2\n"
        );
        let (deck, errors) = parse_file("x.deck", &text);
        assert_eq!(errors.len(), 1, "a:/a.office: twice: {errors:?}");
        assert_eq!(errors[0].to_string(), "x.deck:25: [a-1] a.office: given twice");
        let c = &deck.cards[0];
        assert_eq!((c.why.as_str(), c.avoid.as_str()), ("Whether you did your homework.", "Flattery."));
        assert_eq!(c.probes, vec!["And?", "Why really?"]);
        assert_eq!(c.retired.as_deref(), Some("merged into a-2"));
        assert_eq!(c.variants, vec![Variant { track: Track::Graduate, answer: "As a graduate I chose you.".into(), key_points: vec!["g one".into(), "g two".into()] }]);
        assert_eq!(deck.tracks, vec![TrackInfo { track: Track::Graduate, label: "Graduate".into(), summary: String::new(), persona: "Graduated in 2026. Three years at a café.".into() }]);
        assert_eq!(deck.tracks[0].summary(), "Graduated in 2026. Three years at a café.", "without summary: the persona's start");
        let (d, _) = parse_file("", "[track:manager]\nlabel: M\nsummary: A store manager.\npersona: Eleven years.\n");
        assert_eq!(d.tracks[0].summary(), "A store manager.");
        // A track's view of the card, and the general one where a track has none.
        let g = c.for_track(Track::Graduate);
        assert_eq!((g.answer.as_str(), g.key_points.len(), g.why.as_str()), ("As a graduate I chose you.", 2, c.why.as_str()));
        assert_eq!(c.for_track(Track::Manager).answer, "ignored", "the second a: overwrote the first, and was reported");
        assert!(matches!(c.for_track(Track::Office), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn rejects_broken_tracks_and_variants() {
        let (_, errors) = parse(&format!("{GOOD}a.nurse: x\n"));
        assert!(errors[0].message.contains("unknown track \"nurse\""), "{errors:?}");
        let (cards, errors) = parse(&format!("{GOOD}k.manager: only a point\n"));
        assert!(cards.is_empty());
        assert!(errors.iter().any(|e| e.message.contains("has k.manager: but no a.manager:")), "{errors:?}");
        assert!(errors.iter().any(|e| e.message.contains("1 key points for manager")), "{errors:?}");
        let (_, errors) = parse("[track:pilot]\nlabel: x\n");
        assert!(errors[0].message.contains("unknown track"), "{errors:?}");
        let (_, errors) = parse("[track:office]\nlabel: x\n");
        assert!(errors[0].message.contains("needs label: and persona:"), "{errors:?}");
        let (_, errors) = parse(&format!("{GOOD}\n  stray\n"));
        assert_eq!(errors[0].line, 10, "{errors:?}");
        let (_, errors) = parse(&format!("{GOOD}theme: own\n"));
        assert!(errors[0].message.contains("unknown theme"), "a deck card is never one's own");
    }

    #[test]
    fn the_offer_theme_is_a_built_in_theme() {
        let (cards, errors) = parse(&GOOD.replace("theme: plan", "theme: offer"));
        assert!(errors.is_empty());
        assert_eq!(cards[0].theme, Theme::Offer);
        assert_eq!((Theme::Offer.label(), Theme::ALL.len(), Theme::ALL[8]), ("The offer", 9, Theme::Offer));
        assert_eq!(Theme::EVERY.last(), Some(&Theme::Own));
    }

    #[test]
    fn reads_synonyms() {
        let (cards, errors) = parse(&format!("{GOOD}syn: Boss = manager, agenda=plan\n"));
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(cards[0].synonyms, vec![("boss".to_string(), "manager".to_string()), ("agenda".to_string(), "plan".to_string())]);
        let (_, errors) = parse(&format!("{GOOD}syn: boss manager\n"));
        assert_eq!(errors[0].line, 9);
        let (cards, errors) = parse(&format!("{GOOD}syn: boss = manager, agenda =\n   plan\n"));
        assert!(errors.is_empty(), "a syn: line goes on like any field: {errors:?}");
        assert_eq!(cards[0].synonyms[1], ("agenda".to_string(), "plan".to_string()));
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
        let problems = deck_problems(&cards, 160, 14);
        assert!(problems.iter().any(|p| p.contains("2 active cards; it needs at least 160")));
        assert!(problems.iter().any(|p| p.contains("theme sell has 0 active cards")));
        assert!(problems.iter().any(|p| p.contains("theme offer has 0 active cards")));
        // A retired card keeps its id but counts nowhere, and its question may come back reworded.
        let (cards, _) = parse(&format!("{GOOD}retired: merged\n\n{other}"));
        let problems = deck_problems(&cards, 2, 0);
        assert!(problems.iter().any(|p| p.contains("1 active cards")), "{problems:?}");
        assert!(!problems.iter().any(|p| p.contains("duplicate")), "{problems:?}");
    }
}
