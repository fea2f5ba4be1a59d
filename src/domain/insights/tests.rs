use super::*;
use crate::domain::deck;

/// Cards written here, so the tests do not move when the deck's wording does.
fn card(id: &str) -> Card {
    let text = r#"
[sell-01]
theme: sell
tags: star, achievement
q: Tell me about a time you achieved something you are proud of at work.
a: x
k: How the errors were found
k: Say what you personally did
k: Give a measurable result
syn: personally = myself, measurable = percent

[sell-04]
theme: sell
tags: star, leadership
q: Tell me about a time you led a team without formal authority.
a: x
k: Influence without authority
k: Listen before proposing

[plan-01]
theme: plan
tags: agenda
q: How will you use the time in this interview?
a: x
k: Arrive with a short agenda
k: Name the gap
syn: plans = agenda

[plan-02]
theme: plan
tags: project
q: What would you do in your first month?
a: x
k: Listen first
k: One early improvement
"#;
    let (cards, errors) = deck::parse(text);
    assert!(errors.is_empty(), "{errors:?}");
    cards.into_iter().find(|c| c.id == id).unwrap()
}

const GOOD_STAR: &str = "At the time our four depots sent purchase orders by email, and about one order in twenty \
    went out wrong: wrong quantities, old prices, the odd duplicate. I was asked to fix it before the busy season, \
    which gave me three months. So I mapped how an order actually travelled from the depot to the \
    supplier, and I found that most errors came from retyping the same details twice. I proposed one shared \
    online ordering system, ran a two-week trial with the smallest depot, and wrote a one-page guide. Then I \
    trained twelve colleagues across the other three depots myself, in short sessions on their own sites so \
    nobody lost a shift. As a result order errors fell from about one in twenty to one in a hundred within six \
    months, which is 80% fewer, and the finance team now closes the month two days earlier.";

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
    assert!(ins.length_hint.is_some_and(|h| h.starts_with("Long for this question")), "{:?}", ins.length_hint);
    assert_eq!(ins.repeated[0], ("project".to_string(), 200));
    assert_eq!(analyse(&c, "Yes.", 5, 120).length_hint.map(|h| &h[..10]), Some("Very short"));
}

fn said(words: usize) -> String {
    "word ".repeat(words)
}

#[test]
fn the_length_guidance_depends_on_the_kind_of_question() {
    let story = card("sell-04");
    let short = card("plan-02");
    assert_eq!((Kind::of(&story), Kind::of(&short)), (Kind::Story, Kind::Short));
    assert_eq!((Kind::Story.ideal_words(), Kind::Short.ideal_words()), (130..=260, 44..=130));
    let hint = |c: &Card, n: usize| analyse(c, &said(n), 0, 120).length_hint;
    // Inside each kind's range (and its margins) there is no hint.
    for n in [98, 130, 200, 260, 325] {
        assert_eq!(hint(&story, n), None, "{n} words of a story");
    }
    for n in [33, 44, 90, 130, 162] {
        assert_eq!(hint(&short, n), None, "{n} words of a short answer");
    }
    // 90 words is a fine short answer but a thin story (42 s); 200 words a fine story but long
    // for a short answer (93 s).
    assert!(hint(&story, 90).is_some_and(|h| h.starts_with("Very short for a story")));
    assert!(hint(&short, 200).is_some_and(|h| h.starts_with("Long for this question")));
    assert!(hint(&story, 330).is_some_and(|h| h.starts_with("Long for a story")));
    assert!(hint(&short, 30).is_some_and(|h| h.starts_with("Very short:")));
    assert_eq!(hint(&short, 0), None, "nothing typed, nothing said about length");
    // A card tagged star counts as a story whatever its question's wording.
    let mut tagged = short.clone();
    tagged.tags.push("star".into());
    assert_eq!(Kind::of(&tagged), Kind::Story);
    assert!(analyse(&tagged, "anything", 10, 120).star.is_some(), "STAR signals shown for a tagged story");
}

#[test]
fn fillers_and_hedges_are_counted_phrases_included() {
    let c = card("plan-01");
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
    let c = card("sell-04");
    let ins = analyse(
        &c,
        "When I was at my last job a client moved their launch. I had to get training ready, so I decided to cut the scope.",
        40,
        120,
    );
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
fn the_words_that_matched_each_point_are_found_in_place() {
    let answer = "I organised the move and cut errors by half; the team said thanks.";
    let points = vec!["Organising a move".to_string(), "Reduce errors".to_string()];
    let found: Vec<(&str, usize)> = matched_words(answer, &points, &[]).into_iter().map(|(a, b, p)| (&answer[a..b], p)).collect();
    // "cut" matches "reduce" through the built-in synonyms.
    assert_eq!(found, vec![("organised", 0), ("move", 0), ("cut", 1), ("errors", 1)]);
    assert!(matched_words("", &points, &[]).is_empty());
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
