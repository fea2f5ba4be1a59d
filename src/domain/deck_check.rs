//! The deck's self-check, run natively (the tests, and `scripts/deck-check.sh` for the people
//! writing the deck): every problem of every card, not just the first.
//!
//! Each active card's model answer, on every track it has, goes through the same matcher the
//! rehearse screen uses (`insights::analyse` on `card.for_track(track)`, given its own answer):
//! every key point must be hit, the length must fit the kind of question (a story 130–260 words,
//! 60–120 s aloud at 130 words a minute; any other answer 44–130 words, 20–60 s), a story must
//! show the four STAR signals and a number without saying the labels, and the coaching lines
//! must be there. Whole-deck checks (sizes, themes, tracks, required tags, ids ever shipped)
//! come on top.

use super::card::{Card, Theme, Track};
use super::deck::{self, Deck, DeckError};
use super::insights::{self, Kind};
use std::path::Path;

/// Every `*.deck` file of a folder, in name order, as (path as given, text).
pub fn source_files(dir: &Path) -> Vec<(String, String)> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{} is readable: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "deck"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{} is readable: {e}", p.display()));
            let name = match (dir.file_name(), p.file_name()) {
                (Some(d), Some(f)) => format!("{}/{}", d.to_string_lossy(), f.to_string_lossy()),
                _ => p.display().to_string(),
            };
            (name, text)
        })
        .collect()
}

/// The tags the deck must cover, each on at least one active card (`improper` on six).
pub const REQUIRED_TAGS: [(&str, usize); 19] = [
    ("salary", 1),
    ("salary-history", 1),
    ("offer", 1),
    ("notice", 1),
    ("counter-offer", 1),
    ("weakness-probe", 1),
    ("drill-down", 1),
    ("case", 1),
    ("leaving-hard", 1),
    ("future", 1),
    ("improper", 6),
    ("references", 1),
    ("repeat", 1),
    ("competitors", 1),
    ("managing", 1),
    ("logistics", 1),
    ("informal", 1),
    ("accept", 1),
    ("decision", 1),
];

/// Spoken STAR labels: a story tells itself, it does not announce its parts.
const LABELS: [&str; 4] = ["situation:", "task:", "action:", "result:"];

/// One card's problems, where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct CardReport {
    pub file: String,
    pub line: usize,
    pub id: String,
    pub retired: bool,
    pub problems: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    pub deck: Deck,
    /// Lines that do not parse, and cards that cannot be read (those are not in `deck`).
    pub errors: Vec<DeckError>,
    pub cards: Vec<CardReport>,
    /// Whole-deck problems (empty when the report is limited to some files).
    pub deck_problems: Vec<String>,
    /// The files the report covers.
    pub files: Vec<String>,
}

impl Report {
    pub fn problem_count(&self) -> usize {
        self.errors.len() + self.cards.iter().map(|c| c.problems.len()).sum::<usize>() + self.deck_problems.len()
    }

    pub fn is_clean(&self) -> bool {
        self.problem_count() == 0
    }

    /// The report as text: parse errors, then each card with problems, then the whole deck, then
    /// a count per file.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if !self.errors.is_empty() {
            out.push_str("Parse errors (a card with one is left out of everything below):\n");
            for e in &self.errors {
                out.push_str(&format!("  {e}\n"));
            }
            out.push('\n');
        }
        for c in self.cards.iter().filter(|c| !c.problems.is_empty()) {
            out.push_str(&format!("{}:{} [{}]{}\n", c.file, c.line, c.id, if c.retired { " (retired)" } else { "" }));
            for p in &c.problems {
                out.push_str(&format!("  - {p}\n"));
            }
        }
        if !self.deck_problems.is_empty() {
            out.push_str("\nWhole deck:\n");
            for p in &self.deck_problems {
                out.push_str(&format!("  - {p}\n"));
            }
        }
        out.push_str("\nfile                      active retired  clean  with problems\n");
        for f in &self.files {
            let mine: Vec<&CardReport> = self.cards.iter().filter(|c| &c.file == f).collect();
            let active = mine.iter().filter(|c| !c.retired).count();
            let clean = mine.iter().filter(|c| !c.retired && c.problems.is_empty()).count();
            let errors = self.errors.iter().filter(|e| &e.file == f).count();
            out.push_str(&format!(
                "{f:<26}{active:>6}{:>8}{clean:>7}{:>15}{}\n",
                mine.len() - active,
                mine.iter().filter(|c| !c.problems.is_empty()).count(),
                if errors > 0 { format!("  + {errors} parse errors") } else { String::new() }
            ));
        }
        out.push_str(&format!("{} problems in all.\n", self.problem_count()));
        out
    }
}

fn list(items: &[String]) -> String {
    items.join(", ")
}

/// Everything wrong with one card (empty when it is ready). Retired cards only need to parse.
pub fn card_problems(card: &Card) -> Vec<String> {
    let mut problems = Vec::new();
    if card.is_retired() {
        return problems;
    }
    if card.why.trim().is_empty() {
        problems.push("no why: line (what the interviewer is assessing)".to_string());
    }
    if card.avoid.trim().is_empty() {
        problems.push("no avoid: line (the common mistake)".to_string());
    }
    if !deck::PROBES.contains(&card.probes.len()) {
        problems.push(format!("{} probe: lines; a card needs 1 to 3", card.probes.len()));
    }
    let kind = Kind::of(card);
    let words = kind.ideal_words();
    let seconds = kind.ideal_seconds();
    let mut missing_tracks = Vec::new();
    for track in Track::ALL {
        if track != Track::Office && card.variant(track).is_none() {
            if deck::needs_every_track(card) {
                missing_tracks.push(track.key().to_string());
            }
            continue;
        }
        let t = track.key();
        let c = card.for_track(track);
        let ins = insights::analyse(&c, &c.answer, 0, usize::MAX);
        for hit in ins.key_points.iter().filter(|k| !k.hit) {
            let (needed, missing) = insights::explain_point(&c.answer, &hit.point, &c.synonyms);
            problems.push(format!(
                "{t}: key point not found in the answer: \"{}\" (looks for {}; needs {} of {}; missing {})",
                hit.point,
                list(&needed),
                needed.len().div_ceil(2).max(1),
                needed.len(),
                list(&missing)
            ));
        }
        if !words.contains(&ins.words) || ins.length_hint.is_some() {
            let what = if kind == Kind::Story { "a story answer" } else { "this kind of answer" };
            problems.push(format!(
                "{t}: answer has {} words ({} s aloud); {what} needs {}–{} words ({}–{} s)",
                ins.words,
                ins.speaking_seconds,
                words.start(),
                words.end(),
                seconds.start(),
                seconds.end()
            ));
        }
        if let Some(star) = &ins.star {
            let missing: Vec<String> =
                [("situation", star.situation), ("task", star.task), ("action", star.action), ("result", star.result)]
                    .into_iter()
                    .filter(|(_, ok)| !ok)
                    .map(|(n, _)| n.to_string())
                    .collect();
            if !missing.is_empty() {
                problems.push(format!("{t}: STAR signals not detected: {} (see DECK-WRITERS.md for the phrases)", list(&missing)));
            }
            if !star.measurable {
                problems.push(format!("{t}: no measurable result (a digit, a %, or percent/half/double/third/quarter)"));
            }
            let lower = c.answer.to_ascii_lowercase();
            let spoken: Vec<String> = LABELS.iter().filter(|l| lower.contains(*l)).map(|l| format!("\"{l}\"")).collect();
            if !spoken.is_empty() {
                problems.push(format!("{t}: says the STAR labels aloud ({}); tell the story instead", list(&spoken)));
            }
        }
    }
    if !missing_tracks.is_empty() {
        problems.push(format!("a story or about-you card needs a.<track>:/k.<track>: for every track; missing {}", list(&missing_tracks)));
    }
    problems
}

/// Whole-deck checks on active cards: ids and questions unique, at least `deck::MIN_CARDS` cards
/// and `deck::MIN_PER_THEME` per theme, `deck::MIN_ALL_TRACKS` cards with every track, the five
/// tracks described, and every required tag.
pub fn whole_deck_problems(d: &Deck) -> Vec<String> {
    let mut problems = deck::deck_problems(&d.cards, deck::MIN_CARDS, deck::MIN_PER_THEME);
    let active: Vec<&Card> = d.cards.iter().filter(|c| !c.is_retired()).collect();
    let all_tracks = active.iter().filter(|c| Track::ALL.iter().all(|t| *t == Track::Office || c.variant(*t).is_some())).count();
    if all_tracks < deck::MIN_ALL_TRACKS {
        problems.push(format!("{all_tracks} active cards have an answer for every track; at least {} must", deck::MIN_ALL_TRACKS));
    }
    for track in Track::ALL {
        match d.tracks.iter().filter(|i| i.track == track).count() {
            1 => {}
            0 => problems.push(format!("no [track:{}] block (label: and persona:)", track.key())),
            n => problems.push(format!("[track:{}] is described {n} times", track.key())),
        }
    }
    for (tag, min) in REQUIRED_TAGS {
        let on: Vec<&str> = active.iter().filter(|c| c.tags.iter().any(|t| t == tag)).map(|c| c.id.as_str()).collect();
        if on.len() < min {
            let where_ = if on.is_empty() { String::new() } else { format!(" (now on {})", on.join(", ")) };
            problems.push(format!("tag `{tag}` is on {} active cards; needs at least {min}{where_}", on.len()));
        }
    }
    problems
}

/// Ids are permanent: every id in `shipped` (one a line, `#` comments) must still be in the deck,
/// and every id in the deck must be listed there (add new ones when they ship).
pub fn id_problems(d: &Deck, shipped: &str) -> Vec<String> {
    let listed: Vec<&str> = shipped.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
    let gone: Vec<&str> = listed.iter().copied().filter(|id| !d.cards.iter().any(|c| c.id == *id)).collect();
    let new: Vec<&str> = d.cards.iter().map(|c| c.id.as_str()).filter(|id| !listed.contains(id)).collect();
    let mut problems = Vec::new();
    if !gone.is_empty() {
        problems.push(format!(
            "ids shipped before are missing from the deck (keep the block; add `retired:` to drop a card): {}",
            gone.join(", ")
        ));
    }
    if !new.is_empty() {
        problems
            .push(format!("ids not yet in tests/data/deck-ids.txt (add them: once shipped, an id is never reused): {}", new.join(", ")));
    }
    problems
}

/// The line each `[id]` header starts on, per file.
fn header_lines(files: &[(String, String)]) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    for (name, text) in files {
        for (i, line) in text.lines().enumerate() {
            if let Some(id) = line.strip_prefix('[').and_then(|l| l.trim_end().strip_suffix(']')) {
                out.push((id.trim().to_string(), name.clone(), i + 1));
            }
        }
    }
    out
}

/// The report over `files` (the whole deck, in name order), with the ids ever shipped (the text
/// of tests/data/deck-ids.txt) when given. With `only` non-empty, cards and errors are limited to
/// files whose name ends with one of them, and the whole-deck checks are left out except the
/// duplicates that involve those cards.
pub fn report(files: &[(String, String)], only: &[String], shipped: Option<&str>) -> Report {
    let (d, errors) = deck::parse_files(files);
    let headers = header_lines(files);
    let chosen = |file: &str| only.is_empty() || only.iter().any(|o| file.ends_with(o.trim_start_matches("./")) || o.ends_with(file));
    let mut cards = Vec::new();
    for card in &d.cards {
        let (file, line) = headers.iter().find(|(id, _, _)| *id == card.id).map(|(_, f, l)| (f.clone(), *l)).unwrap_or_default();
        if chosen(&file) {
            cards.push(CardReport { file, line, id: card.id.clone(), retired: card.is_retired(), problems: card_problems(card) });
        }
    }
    let deck_problems = if only.is_empty() {
        let mut p = whole_deck_problems(&d);
        p.extend(shipped.map(|ids| id_problems(&d, ids)).unwrap_or_default());
        p
    } else {
        deck::deck_problems(&d.cards, 0, 0).into_iter().filter(|p| cards.iter().any(|c| p.contains(&c.id))).collect()
    };
    Report {
        errors: errors.into_iter().filter(|e| chosen(&e.file)).collect(),
        cards,
        deck_problems,
        files: files.iter().map(|(n, _)| n.clone()).filter(|n| chosen(n)).collect(),
        deck: d,
    }
}

/// Active cards per theme, for the summary.
pub fn per_theme(d: &Deck) -> Vec<(Theme, usize)> {
    Theme::DECK.iter().map(|t| (*t, d.cards.iter().filter(|c| c.theme == *t && !c.is_retired()).count())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(extra: &str) -> String {
        let answer = "At the time our team had a backlog of about 300 supplier queries, and my job was to clear it. \
            So I set up a shared tracker and weekly calls with the five biggest suppliers. "
            .repeat(4);
        format!("[sell-1]\ntheme: sell\ntags: star\nq: Tell me about a time you cleared a backlog.\na: {answer} In the end the backlog fell to under 40.\nk: A shared tracker\nk: Weekly supplier calls\n{extra}")
    }

    #[test]
    fn a_card_is_checked_on_every_track_and_every_problem_is_listed() {
        let (cards, errors) = deck::parse(&story(""));
        assert!(errors.is_empty(), "{errors:?}");
        let p = card_problems(&cards[0]);
        assert!(p.iter().any(|p| p.starts_with("no why:")), "{p:?}");
        assert!(p.iter().any(|p| p.starts_with("no avoid:")), "{p:?}");
        assert!(p.iter().any(|p| p.starts_with("0 probe: lines")), "{p:?}");
        assert!(p.iter().any(|p| p.contains("missing graduate, frontline, technical, manager")), "{p:?}");
        assert!(!p.iter().any(|p| p.starts_with("office:")), "the office answer is fine: {p:?}");

        let graduate = "a.graduate: When I was treasurer of the hiking club I had to lower costs, so I decided to book \
            coaches for the whole term at once.\nk.graduate: Booked the whole term\nk.graduate: Chose a single operator\n";
        let (cards, _) = deck::parse(&story(&format!("why: w\navoid: a\nprobe: p\n{graduate}")));
        let p = card_problems(&cards[0]);
        assert!(p.iter().any(|p| p.starts_with("graduate: answer has 25 words (12 s aloud); a story answer needs 130–260")), "{p:?}");
        assert!(
            p.iter().any(
                |p| p.starts_with("graduate: key point not found in the answer: \"Chose a single operator\"") && p.contains("operator")
            ),
            "{p:?}"
        );
        assert!(p.iter().any(|p| p == "graduate: STAR signals not detected: result (see DECK-WRITERS.md for the phrases)"), "{p:?}");
        assert!(p.iter().any(|p| p.starts_with("graduate: no measurable result")), "{p:?}");
        assert!(!p.iter().any(|p| p.starts_with("no why")), "{p:?}");

        let (cards, _) = deck::parse(&story("why: w\navoid: a\nprobe: p\n").replace("At the time", "Situation: at the time"));
        assert!(card_problems(&cards[0]).iter().any(|p| p.contains("says the STAR labels aloud (\"situation:\")")));
        let (cards, _) = deck::parse(&format!("{}retired: merged\n", story("")));
        assert!(card_problems(&cards[0]).is_empty(), "a retired card only needs to parse");
    }

    #[test]
    fn a_short_answer_has_its_own_length() {
        let text = "[fit-1]\ntheme: fit\ntags: values\nq: What do you value in a team?\na: Honesty. \nk: Honesty\nk: Something else\nwhy: w\navoid: a\nprobe: p\n";
        let (cards, _) = deck::parse(text);
        let p = card_problems(&cards[0]);
        assert!(p.iter().any(|p| p == "office: answer has 1 words (1 s aloud); this kind of answer needs 44–130 words (20–60 s)"), "{p:?}");
        assert!(!p.iter().any(|p| p.contains("STAR")), "not a story: {p:?}");
    }

    #[test]
    fn ids_shipped_stay_and_new_ones_are_listed() {
        let (cards, _) = deck::parse(&story(""));
        let d = Deck { cards, tracks: vec![] };
        assert!(id_problems(&d, "# ids\nsell-1\n").is_empty());
        let p = id_problems(&d, "sell-1\nsell-0\n");
        assert!(p[0].contains("missing from the deck") && p[0].ends_with("sell-0"), "{p:?}");
        let p = id_problems(&d, "");
        assert!(p[0].ends_with("sell-1"), "{p:?}");
    }

    #[test]
    fn the_report_names_file_and_line_and_can_be_limited_to_files() {
        let files = vec![
            ("decks/01-a.deck".to_string(), format!("# a comment\n\n{}", story(""))),
            (
                "decks/02-b.deck".to_string(),
                story("").replace("sell-1", "sell-2").replace("cleared a", "cleared the") + "\n[sell-3]\ntheme: sell\nq: No answer?\n",
            ),
        ];
        let all = report(&files, &[], Some("sell-0"));
        assert_eq!(all.errors.len(), 3, "no answer, no key points, no tags: {:?}", all.errors);
        assert!(all.errors[0].to_string().starts_with("decks/02-b.deck:"), "{}", all.errors[0]);
        assert_eq!((all.cards[0].file.as_str(), all.cards[0].line), ("decks/01-a.deck", 3));
        assert!(all.deck_problems.iter().any(|p| p.contains("tag `improper` is on 0 active cards; needs at least 6")));
        assert!(all.deck_problems.iter().any(|p| p.contains("missing from the deck") && p.ends_with("sell-0")));
        let text = all.to_text();
        assert!(text.contains("decks/01-a.deck:3 [sell-1]\n  - no why:"), "{text}");
        let one = report(&files, &["01-a.deck".to_string()], Some("sell-0"));
        assert_eq!((one.cards.len(), one.errors.len(), one.deck_problems.len()), (1, 0, 0));
        assert_eq!(one.files, vec!["decks/01-a.deck"]);
    }
}
