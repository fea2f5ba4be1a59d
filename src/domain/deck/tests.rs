use super::read::read_compact;
use super::*;
use crate::domain::card::{Theme, Variant};
use crate::domain::deck_check::source_files;

/// The files people edit, so problems are reported with their own names and line numbers.
fn sources() -> Vec<(String, String)> {
    source_files(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("decks"))
}

mod compaction {
    include!("../deck_compact.rs");
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
    assert_eq!(
        g,
        vec![("a-1".to_string(), Variant { track: Track::Graduate, answer: "G.".into(), key_points: vec!["one".into(), "two".into()] })]
    );
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
    assert_eq!(
        c.variants,
        vec![Variant {
            track: Track::Graduate,
            answer: "As a graduate I chose you.".into(),
            key_points: vec!["g one".into(), "g two".into()]
        }]
    );
    assert_eq!(
        deck.tracks,
        vec![TrackInfo {
            track: Track::Graduate,
            label: "Graduate".into(),
            summary: String::new(),
            persona: "Graduated in 2026. Three years at a café.".into()
        }]
    );
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
    assert_eq!((Theme::Offer.label(), Theme::DECK.len(), Theme::DECK[8]), ("The offer", 9, Theme::Offer));
    assert_eq!(Theme::WITH_OWN.last(), Some(&Theme::Own));
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
