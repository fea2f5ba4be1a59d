use super::*;
use crate::domain::deck;

fn story(id: &str, shows: &[&str]) -> Story {
    Story {
        id: id.into(),
        title: format!("Story {id}"),
        shows: shows.iter().map(|s| s.to_string()).collect(),
        edited: 1,
        ..Story::default()
    }
}

#[test]
fn every_story_question_of_the_deck_asks_for_a_competency() {
    let cards = deck::built_in();
    let stories: Vec<&Card> = cards.iter().filter(|c| is_story_card(c)).collect();
    assert!(stories.len() >= 20, "{}", stories.len());
    let none: Vec<&str> = stories.iter().filter(|c| asks_for(c).is_empty()).map(|c| c.id.as_str()).collect();
    assert!(none.is_empty(), "story cards that ask for no competency: {none:?}");
    for c in Competency::ALL {
        assert_eq!(Competency::from_key(c.key()), Some(c));
        assert!(stories.iter().any(|card| asks_for(card).contains(&c)), "no story card asks for {c:?}");
    }
    assert!(cards.iter().filter(|c| !is_story_card(c)).all(|c| asks_for(c).is_empty()));
}

#[test]
fn coverage_counts_the_cards_and_names_the_gaps() {
    let cards = deck::built_in();
    let asking = |c: Competency| cards.iter().filter(|card| asks_for(card).contains(&c)).count();
    let mut stories = vec![story("a", &["leadership", "change"]), story("b", &["leadership"]), story("gone", &["mistake"])];
    stories[2].deleted = true;
    let rows = coverage(&cards, &stories);
    assert_eq!(rows.len(), Competency::ALL.len());
    let row = |c: Competency| rows.iter().find(|r| r.competency == c).unwrap();
    assert_eq!(row(Competency::Leadership).stories, vec!["a", "b"]);
    assert_eq!(row(Competency::Leadership).cards.len(), asking(Competency::Leadership));
    assert_eq!(row(Competency::Leadership).gap(), None);
    let mistakes = asking(Competency::Mistake);
    assert!(mistakes > 1);
    assert!(row(Competency::Mistake).stories.is_empty(), "a deleted story covers nothing");
    assert_eq!(row(Competency::Mistake).gap().unwrap(), format!("No story yet shows a mistake you owned: {mistakes} cards ask for one."));
    // Gaps come first, the most asked first; covered ones after.
    let first_covered = rows.iter().position(|r| !r.stories.is_empty()).unwrap();
    assert!(rows[..first_covered].iter().all(|r| r.gap().is_some()));
    assert!(rows[..first_covered].windows(2).all(|w| w[0].cards.len() >= w[1].cards.len()));
    assert!(rows[first_covered..].iter().all(|r| r.gap().is_none()));
    let one = Coverage { competency: Competency::Accuracy, cards: vec!["x".into()], stories: vec![] };
    assert_eq!(one.gap().unwrap(), "No story yet shows you getting the detail right: 1 card asks for one.");
    assert_eq!(Coverage { cards: vec![], ..one }.gap(), None, "nothing asks: no gap");
}

#[test]
fn a_story_card_lists_the_stories_that_match_it_best_first() {
    let cards = deck::built_in();
    let conflict = cards.iter().find(|c| c.id == "fit-11").unwrap();
    assert_eq!(asks_for(conflict), vec![Competency::Leadership, Competency::Conflict], "managing, disagreement");
    let mut own = story("own", &[]);
    own.own = vec!["Managing ".into()];
    let stories = vec![story("lead", &["leadership"]), story("both", &["conflict", "leadership"]), story("none", &["customer"]), own];
    let ids: Vec<&str> = matching(conflict, &stories).iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, vec!["both", "lead", "own"]);
    let plain = cards.iter().find(|c| !is_story_card(c)).unwrap();
    assert!(matching(plain, &stories).is_empty(), "only story cards show stories");
}

#[test]
fn own_competencies_group_spellings_and_measures_are_noticed() {
    let mut a = story("a", &[]);
    a.own = vec!["Negotiation".into(), " ".into()];
    let mut b = story("b", &[]);
    b.own = vec!["negotiation".into(), "Public speaking".into()];
    assert_eq!(
        own_competencies(&[a, b]),
        vec![("Negotiation".to_string(), vec!["a".to_string(), "b".to_string()]), ("Public speaking".to_string(), vec!["b".to_string()])]
    );
    assert!(has_measure("Cut errors by 80%"));
    assert!(has_measure("We halved the waiting list"));
    assert!(has_measure("two weeks early"));
    assert!(!has_measure("Everyone was happy with it."));
    let s = Story {
        situation: "Our depot lost orders. It was bad.".into(),
        action: "I mapped every order.".into(),
        result: "Errors fell 80%.".into(),
        ..Story::default()
    };
    assert_eq!(
        s.key_points(),
        vec![
            "Say where you were: Our depot lost orders",
            "Say what you did: I mapped every order",
            "Give the result with its number: Errors fell 80%"
        ]
    );
    let told = "Our depot kept losing orders, so I mapped every order by hand; errors fell 80% in a month.";
    let hits = crate::domain::insights::key_points(told, &s.key_points(), &[]);
    assert!(hits.iter().all(|h| h.hit), "a telling of the story covers its parts: {hits:?}");
    let vague = crate::domain::insights::key_points("It went well and everyone was pleased.", &s.key_points(), &[]);
    assert!(vague.iter().all(|h| !h.hit), "{vague:?}");
    assert_eq!(s.name(), "Our depot lost orders");
}
