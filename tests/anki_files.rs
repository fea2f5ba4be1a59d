//! Files written by Anki's own exporter, every option combination, read by the importer.
//!
//! `tests/data/anki/` holds what `scripts/anki-fixtures.py` wrote with the `anki` package (Anki's
//! Rust backend, the desktop app's exporter): "Notes in Plain Text" with each of the 32
//! combinations of its options, and "Cards in Plain Text" with and without HTML. With
//! `ANKI_EXPORTS_DIR` set (the test command writes a fresh set there with the same script), that
//! set is read too and must hold the same files as the fixtures, so a change in Anki's output is
//! caught here rather than by a person importing their deck.

use second_round::domain::transfer::{self, Parsed};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/anki");

/// The five notes of the collection, as cards: question, answer with and without HTML in the file,
/// tags, and deck tag.
struct Note {
    guid: &'static str,
    question: &'static str,
    answer_html: &'static str,
    answer_plain: &'static str,
    tags: &'static [&'static str],
    deck: &'static str,
}

const NOTES: [Note; 5] = [
    Note {
        guid: "srBasic001",
        question: "Why do you want this role?",
        answer_html: "It uses what I do best.\nAnd it stretches me where I want to grow.",
        answer_plain: "It uses what I do best. And it stretches me where I want to grow.",
        tags: &["motivation"],
        deck: "interview::round two",
    },
    Note {
        guid: "srRevers002",
        question: "What does \"measurable\" mean to you?",
        answer_html: "A number someone else can check:\tbefore and after.\nSales & support both agree on it.",
        answer_plain: "A number someone else can check:\tbefore and after. Sales & support both agree on it.",
        tags: &["numbers", "sell::stories"],
        deck: "interview",
    },
    Note {
        guid: "srTyped0003",
        question: "When will you decide?",
        answer_html: "By Friday, after the last interview.",
        answer_plain: "By Friday, after the last interview.",
        tags: &["your-questions"],
        deck: "interview",
    },
    Note {
        guid: "srCloze0004",
        question: "I cut onboarding time by [\u{2026}] in [how long], and [\u{2026}].",
        answer_html: "I cut onboarding time by 40% in six months, and kept quality.\nSay the number first.",
        answer_plain: "I cut onboarding time by 40% in six months, and kept quality.\nSay the number first.",
        tags: &["star"],
        deck: "interview::round two",
    },
    Note {
        guid: "srCloze0005",
        question: "The [method] method: Situation, Task, Action, Result.",
        answer_html: "The STAR method: Situation, Task, Action, Result.",
        answer_plain: "The STAR method: Situation, Task, Action, Result.",
        tags: &[],
        deck: "interview",
    },
];

fn flag(name: &str, option: &str) -> bool {
    name.contains(&format!("{option}1"))
}

fn read(path: &Path) -> (String, Parsed) {
    let name = path.file_name().unwrap().to_str().unwrap().to_string();
    let text = std::fs::read_to_string(path).unwrap();
    let read = transfer::read(&name, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(read.format, transfer::Format::Anki, "{name} is read as Anki's plain text");
    (name, read.parsed)
}

/// A "Notes in Plain Text" export: one card per note, whatever the options.
fn check_notes(path: &Path) {
    let (name, p) = read(path);
    let html = flag(&name, "html");
    assert!(p.errors.is_empty(), "{name}: {:?}", p.errors);
    assert_eq!(p.cards.len(), NOTES.len(), "{name}: one card per note");
    for (got, want) in p.cards.iter().zip(&NOTES) {
        let c = &got.card;
        assert_eq!(c.question, want.question, "{name}");
        assert_eq!(c.answer, if html { want.answer_html } else { want.answer_plain }, "{name}: {}", want.question);
        let mut tags: Vec<&str> = if flag(&name, "tags") { want.tags.to_vec() } else { vec![] };
        if flag(&name, "deck") {
            tags.push(want.deck);
        }
        assert_eq!(c.tags, tags, "{name}: {}", want.question);
        assert_eq!(got.id.as_deref(), flag(&name, "guid").then_some(want.guid), "{name}");
    }
    let media = p.media.sentence();
    if html {
        assert_eq!(media.as_deref(), Some("2 pictures and 1 sound were left out: Second Round shows text only."), "{name}");
    } else {
        assert_eq!(media, None, "{name}: Anki leaves media out of text without HTML");
    }
}

/// A "Cards in Plain Text" export: each card as Anki shows it (both directions of a reversed
/// note, one card per cloze deletion); a typed-in answer, which Anki leaves out, named on its line.
fn check_cards(path: &Path) {
    let (name, p) = read(path);
    let html = flag(&name, "html");
    let got: BTreeMap<&str, &str> = p.cards.iter().map(|c| (c.card.question.as_str(), c.card.answer.as_str())).collect();
    let cloze_answer = if html {
        "I cut onboarding time by 40% in six months, and kept quality.\nSay the number first."
    } else {
        "I cut onboarding time by 40% in six months, and kept quality.  Say the number first."
    };
    let measurable = if html { NOTES[1].answer_html } else { NOTES[1].answer_plain };
    let want = BTreeMap::from([
        (NOTES[0].question, if html { NOTES[0].answer_html } else { NOTES[0].answer_plain }),
        (NOTES[1].question, measurable),
        (measurable, NOTES[1].question),
        ("I cut onboarding time by [...] in six months, and [...].", cloze_answer),
        ("I cut onboarding time by 40% in [how long], and kept quality.", cloze_answer),
        (NOTES[4].question, NOTES[4].answer_html),
    ]);
    assert_eq!(got, want, "{name}");
    assert_eq!(p.errors.len(), 1, "{name}: {:?}", p.errors);
    assert!(
        p.errors[0].message.starts_with("the answer is empty (Anki's \u{201c}Cards in Plain Text\u{201d} leaves out typed-in answers"),
        "{name}: {:?}",
        p.errors
    );
    let media = p.media.sentence();
    assert_eq!(media.as_deref(), html.then_some("3 pictures and 2 sounds were left out: Second Round shows text only."), "{name}");
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
    files.sort();
    files
}

fn check_dir(dir: &Path) -> usize {
    let files = files(dir);
    for f in &files {
        let name = f.file_name().unwrap().to_str().unwrap();
        if name.starts_with("notes-") {
            check_notes(f);
        } else {
            check_cards(f);
        }
    }
    files.len()
}

#[test]
fn every_export_option_of_anki_imports_as_expected() {
    assert_eq!(check_dir(Path::new(FIXTURES)), 34, "32 note exports and 2 card exports");
}

/// Rows of a delimited text, as records (a card export lists a note's cards in an order that
/// changes from run to run).
fn records(text: &str) -> Vec<Vec<String>> {
    let mut rows = csv::ReaderBuilder::new().delimiter(b'\t').has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut all: Vec<Vec<String>> = rows.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    all.sort();
    all
}

#[test]
fn a_fresh_export_by_anki_matches_the_fixtures() {
    let Ok(dir) = std::env::var("ANKI_EXPORTS_DIR") else {
        eprintln!("ANKI_EXPORTS_DIR is not set: only the fixtures were read (scripts/test.sh sets it)");
        return;
    };
    let dir = PathBuf::from(dir);
    assert_eq!(check_dir(&dir), 34);
    for fresh in files(&dir) {
        let name = fresh.file_name().unwrap();
        let kept = Path::new(FIXTURES).join(name);
        let (a, b) = (std::fs::read_to_string(&fresh).unwrap(), std::fs::read_to_string(&kept).unwrap());
        if name.to_str().unwrap().starts_with("cards-") {
            assert_eq!(records(&a), records(&b), "{name:?}: Anki writes other cards than the fixture");
        } else {
            assert_eq!(
                a, b,
                "{name:?}: Anki writes other bytes than the fixture (regenerate with scripts/anki-fixtures.py and check the importer)"
            );
        }
    }
}

/// "Download for Anki" of the built-in deck and a card of one's own with every awkward character,
/// as the app writes it. With `ANKI_EXPORT_OUT` set, the file is written there for the test
/// command to import into a fresh Anki collection (`scripts/anki-check-import.py`).
#[test]
fn the_download_for_anki_reads_back_and_is_written_for_anki() {
    use second_round::domain::{deck, Card, Theme};
    let mut cards = deck::built_in();
    cards.push(Card {
        id: "own-0123456789ab".into(),
        theme: Theme::Own,
        tags: vec!["my stories".into(), "star".into()],
        question: "#1 \"Why\"\tus? <b>not markup</b>".into(),
        answer: "Line one & two\nLine \"three\"".into(),
        key_points: vec!["Say why".into(), "Give a number".into()],
        ..Default::default()
    });
    let text = transfer::write_anki(&cards);
    assert!(text
        .starts_with("#separator:tab\n#html:false\n#notetype:Basic\n#guid column:1\n#tags column:4\n#columns:GUID\tFront\tBack\tTags\n"));
    let read = transfer::read("second-round-cards.txt", &text).unwrap();
    assert!(read.parsed.errors.is_empty(), "{:?}", read.parsed.errors);
    assert_eq!(read.parsed.cards.len(), cards.len());
    for (got, want) in read.parsed.cards.iter().zip(&cards) {
        assert_eq!(got.id.as_deref(), Some(want.id.as_str()));
        let c = &got.card;
        assert_eq!((&c.question, &c.answer, &c.key_points, c.theme), (&want.question, &want.answer, &want.key_points, want.theme));
        assert_eq!(c.tags, want.tags.iter().map(|t| t.replace(' ', "_")).collect::<Vec<_>>());
    }
    if let Ok(out) = std::env::var("ANKI_EXPORT_OUT") {
        std::fs::write(&out, &text).unwrap();
        eprintln!("wrote {} cards for Anki to {out}", cards.len());
    }
}
