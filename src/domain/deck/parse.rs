//! The validating parser of `decks/*.deck`: cards and tracks, and every problem with its file and
//! line.

use super::validate::card_problems;
use super::{Deck, DeckError, TrackInfo};
use crate::domain::card::{Card, Theme, Track, Variant};

#[allow(clippy::large_enum_variant)]
enum Block {
    Card(Card),
    Track(TrackInfo),
}

/// `a`, `a.graduate`, `k.office`: the field's letter and its track (office when none is named).
pub(super) fn field_track(field: &str) -> Option<(char, Result<Track, String>)> {
    let (name, track) = match field.split_once('.') {
        Some((n, t)) => (n, Some(t)),
        None => (field, None),
    };
    let letter = match name {
        "a" => 'a',
        "k" => 'k',
        _ => return None,
    };
    Some((
        letter,
        match track {
            None => Ok(Track::Office),
            Some(t) => Track::from_key(t)
                .ok_or(format!("unknown track \"{t}\" in {field}: (tracks: office, graduate, frontline, technical, manager)")),
        },
    ))
}

pub(super) fn variant_mut(card: &mut Card, track: Track) -> &mut Variant {
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
    let mut problems: Vec<(usize, String)> = Vec::new();
    let mut current: Option<(usize, Block)> = None;
    for (line_no, raw) in logical_lines(text, &mut problems) {
        if let Some(rest) = raw.strip_prefix('[') {
            finish(&mut deck, current.take(), &mut problems);
            let (block, problem) = header(rest);
            problems.extend(problem.map(|m| (line_no, m)));
            current = block.map(|b| (line_no, b));
            continue;
        }
        let Some((_, block)) = current.as_mut() else {
            problems.push((line_no, "text outside a card; start a card with [id]".into()));
            continue;
        };
        let Some((field, value)) = raw.split_once(':') else {
            problems.push((line_no, format!("expected `field: value`, found \"{raw}\"")));
            continue;
        };
        let (field, value) = (field.trim(), value.trim().to_string());
        let set = match block {
            Block::Card(card) => card_field(card, field, value),
            Block::Track(info) => track_field(info, field, value),
        };
        if let Err(m) = set {
            problems.push((line_no, m));
        }
    }
    finish(&mut deck, current.take(), &mut problems);
    let errors = problems.into_iter().map(|(line, message)| DeckError { file: file.to_string(), line, message }).collect();
    (deck, errors)
}

/// Each field with its continuation lines joined (a line that starts with spaces continues the
/// field above it; a blank line ends a field; comment lines are skipped), with its first line.
fn logical_lines(text: &str, problems: &mut Vec<(usize, String)>) -> Vec<(usize, String)> {
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
            _ if indented => problems
                .push((index + 1, "an indented line continues the field above it, and there is none (a blank line ends a field)".into())),
            _ => logical.push((index + 1, trimmed.to_string())),
        }
        after_blank = false;
    }
    logical
}

/// A `[id]` or `[track:key]` line (`rest` follows the `[`): the block it opens, and the problem
/// with it (a card with a bad id still opens, so its other problems are named too).
fn header(rest: &str) -> (Option<Block>, Option<String>) {
    let Some(id) = rest.trim_end().strip_suffix(']') else {
        return (None, Some("a card header must look like [id]".into()));
    };
    let id = id.trim();
    if let Some(key) = id.strip_prefix("track:") {
        return match Track::from_key(key.trim()) {
            Some(track) => (Some(Block::Track(TrackInfo { track, ..TrackInfo::default() })), None),
            None => (None, Some(format!("unknown track \"{key}\" (tracks: office, graduate, frontline, technical, manager)"))),
        };
    }
    let bad = id.is_empty() || !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let problem = bad.then(|| format!("bad card id \"{id}\": use letters, digits, - and _"));
    (Some(Block::Card(Card { id: id.to_string(), theme: Theme::Plan, ..Card::default() })), problem)
}

/// A finished block into the deck, or its problems (each named on the block's first line).
fn finish(deck: &mut Deck, block: Option<(usize, Block)>, problems: &mut Vec<(usize, String)>) {
    match block {
        Some((line, Block::Card(card))) => {
            let found = card_problems(&card);
            if found.is_empty() {
                deck.cards.push(card);
            } else {
                problems.extend(found.into_iter().map(|m| (line, format!("[{}] {}", card.id, m))));
            }
        }
        Some((line, Block::Track(info))) => {
            if info.label.is_empty() || info.persona.is_empty() {
                problems.push((line, format!("[track:{}] needs label: and persona:", info.track.key())));
            } else {
                deck.tracks.push(info);
            }
        }
        None => {}
    }
}

/// A field of a `[track:key]` block.
fn track_field(info: &mut TrackInfo, field: &str, value: String) -> Result<(), String> {
    match field {
        "label" => info.label = value,
        "persona" => info.persona = value,
        "summary" => info.summary = value,
        other => return Err(format!("unknown field \"{other}\" in a track (label:, summary:, persona:)")),
    }
    Ok(())
}

/// A field given once (the later value is kept, and named as given twice).
fn set_once(slot: &mut String, value: String, id: &str, name: &str) -> Result<(), String> {
    let taken = !slot.is_empty();
    *slot = value;
    if taken {
        return Err(format!("[{id}] {name}: given twice"));
    }
    Ok(())
}

/// A field of a card: its value set, and the problem with it if there is one.
fn card_field(card: &mut Card, field: &str, value: String) -> Result<(), String> {
    let id = card.id.clone();
    if let Some((letter, track)) = field_track(field) {
        match (letter, track?) {
            ('a', Track::Office) => return set_once(&mut card.answer, value, &id, field),
            ('a', t) => return set_once(&mut variant_mut(card, t).answer, value, &id, field),
            (_, Track::Office) => card.key_points.push(value),
            (_, t) => variant_mut(card, t).key_points.push(value),
        }
        return Ok(());
    }
    match field {
        "theme" => match Theme::from_key(&value).filter(|t| *t != Theme::Own) {
            Some(t) => card.theme = t,
            None => {
                return Err(format!(
                    "unknown theme \"{value}\" (plan, sell, attributes, interviewers, tricky, questions, fit, follow-up, offer)"
                ))
            }
        },
        "tags" => card.tags = value.split(',').map(|t| t.trim().to_ascii_lowercase()).filter(|t| !t.is_empty()).collect(),
        "q" => return set_once(&mut card.question, value, &id, "q"),
        "syn" => match synonyms(&value) {
            Some(pairs) => card.synonyms.extend(pairs),
            None => return Err("syn: needs pairs like `boss = manager, agenda = plan`".into()),
        },
        "why" => return set_once(&mut card.why, value, &id, "why"),
        "avoid" => return set_once(&mut card.avoid, value, &id, "avoid"),
        "probe" => card.probes.push(value),
        "retired" => card.retired = Some(value),
        other => return Err(format!("unknown field \"{other}\"")),
    }
    Ok(())
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
