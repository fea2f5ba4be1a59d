use super::*;

#[test]
fn cards_of_ones_own_edits_and_deletions_are_kept_and_assembled() {
    use crate::domain::deck;
    let deck = deck::built_in();
    let mut edited = deck[1].clone();
    edited.answer = "My version, with \"quotes\"\nand a line.".into();
    let own = Card {
        id: "own-1".into(),
        theme: Theme::Own,
        tags: vec!["mine".into()],
        question: "Q?".into(),
        answer: "A.".into(),
        key_points: vec!["k".into()],
        synonyms: vec![("a".into(), "b".into())],
        ..Default::default()
    };
    let stored = vec![
        (Key::Own(own.id.clone()).name(), card_text_value(&own, 5, 1_795_600_000_000)),
        (Key::Own(deck[0].id.clone()).name(), deleted_value(0)),
        (Key::Own(edited.id.clone()).name(), card_text_value(&edited, 0, 0)),
        (Key::Own("bad".into()).name(), "{\"q\":1}".to_string()),
    ];
    let l = decode(stored);
    assert_eq!(l.unreadable.len(), 1, "a damaged card record is reported");
    let cards = assemble(deck.clone(), &l.own);
    assert_eq!(cards.len(), deck.len(), "one deleted, one added");
    assert_eq!(cards[0], edited);
    assert_eq!(cards.last(), Some(&own));
    let mut later = deck.clone();
    later.push(Card { id: "plan-99".into(), ..deck[2].clone() });
    let cards = assemble(later, &l.own);
    assert!(cards.iter().any(|c| c.id == "plan-99"));
}

#[test]
fn coaching_and_tracks_are_kept_and_retirement_is_the_decks() {
    let card = Card {
        id: "plan-01".into(),
        theme: Theme::Plan,
        question: "Q?".into(),
        answer: "A.".into(),
        why: "Why.".into(),
        probes: vec!["P1?".into(), "P2?".into()],
        variants: vec![Variant { track: Track::Manager, answer: "M.".into(), key_points: vec!["m".into()] }],
        ..Default::default()
    };
    assert_eq!(decode_own("plan-01", &card_text_value(&card, 3, 7)), Ok((OwnRecord::Card { card: card.clone(), order: 3 }, 7)));
    let retired = Card { retired: Some("merged into plan-02".into()), ..card.clone() };
    let edit = Card { answer: "Mine.".into(), ..card.clone() };
    let cards = assemble(vec![retired], &[("plan-01".into(), OwnRecord::Card { card: edit, order: 0 })]);
    assert_eq!((cards[0].answer.as_str(), cards[0].retired.as_deref()), ("Mine.", Some("merged into plan-02")));
    let (old, at) = decode_own("plan-01", r#"{"theme":"plan","tags":[],"q":"Q?","a":"Old.","k":[]}"#).unwrap();
    assert_eq!(at, 0, "a record from before edits kept their moment: the oldest");
    let cards = assemble(vec![card.clone()], &[("plan-01".into(), old)]);
    assert_eq!((cards[0].answer.as_str(), cards[0].why.as_str(), cards[0].probes.len()), ("Old.", "Why.", 2));
}
