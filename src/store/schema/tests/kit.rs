use super::*;

#[test]
fn the_kit_is_written_record_by_record_and_reads_back() {
    use crate::domain::kit::{Person, Question, Thanks};
    let mut m = Map::default();
    let iv = Interview { at_ms: T, company: "Northwind \"Ltd\"".into(), role: "Analyst".into(), active: true, themes: vec![] };
    let mut kit = Kit::default();
    let story = Story {
        id: "s1".into(),
        title: "The <b>month-end</b> fix".into(),
        situation: "Close took 9 days.\nEvery month.".into(),
        task: "Cut it.".into(),
        action: "I rebuilt the checks.".into(),
        result: "4 days.".into(),
        shows: vec!["accuracy".into(), "later-key".into()],
        own: vec!["Spreadsheets".into()],
        edited: T,
        deleted: false,
    };
    kit.put_story(story.clone());
    kit.put_story(Story { id: "s0".into(), edited: T + 5, deleted: true, ..Story::default() });
    let round = kit.round_mut(&iv);
    round.people = vec![Person { name: "Priya".into(), role: "Head of Finance".into(), said: "Speed".into() }];
    round.went_well = "Rapport".into();
    round.questions =
        vec![Question { text: "When will you decide?".into(), card: Some("ask-01".into()), asked: true, answer: "By Friday".into() }];
    round.remember = vec!["One".into(), "Two".into(), "Three".into()];
    round.stories = vec!["s1".into()];
    round.meet = vec!["Tom, Team lead".into()];
    round.ticked = vec!["early".into()];
    round.thanks =
        vec![Thanks { name: "Priya".into(), email: "p@n.example".into(), point: "Speed".into(), sent: Some(T + 9), ..Thanks::default() }];
    round.edited = T + 1;
    let bytes = m.apply(kit_records(&kit));
    assert!(bytes < 4_000, "the whole kit of this size: {bytes} bytes");
    let name = Key::Round(kit.rounds[0].key()).name();
    assert!(m.0.contains_key(&name) && m.0.contains_key("second-round/story/s1") && m.0.contains_key("second-round/story/s0"));
    assert_eq!(m.get(&Key::Story("s0".into())), Some(r#"{"id":"s0","edited":1795564800005,"deleted":true}"#));
    let l = m.decode();
    assert!(l.unreadable.is_empty(), "{:?}", l.unreadable);
    assert_eq!(l.kit.stories.len(), 2);
    assert_eq!(l.kit.story("s1"), Some(&story), "every field, a key this version does not know included");
    assert_eq!(
        l.kit,
        Kit { stories: vec![kit.stories[1].clone(), kit.stories[0].clone()], rounds: kit.rounds.clone() },
        "in the order written"
    );
    // The key names the story, whatever the record says.
    let l =
        decode(vec![(Key::Story("s9".into()).name(), r#"{"id":"other","title":"T","edited":1}"#.into()), (Key::Meta.name(), "4".into())]);
    assert_eq!(l.kit.stories[0].id, "s9");
    // Another tab's write of a story or a round arrives as it is.
    let (changes, _) = external(&Key::Story("s1".into()).name(), None, Some(&story_value(&story)));
    assert_eq!(changes, vec![External::Story(story.clone())]);
    let (changes, _) = external(&name, None, Some(&round_value(&kit.rounds[0])));
    assert_eq!(changes, vec![External::Round(kit.rounds[0].clone())]);
    assert!(external(&name, None, Some("{damaged")).0.is_empty());
}

#[test]
fn an_import_leaves_the_kit_and_the_mock_records_alone() {
    for k in [Key::Story("s1".into()), Key::Round("1-0".into()), Key::Mock, Key::MockSettings, Key::Mocks, Key::Unreadable("x".into())] {
        assert!(kept_by_import(&k), "{k:?}");
    }
    for k in [
        Key::Meta,
        Key::Settings,
        Key::Interviews,
        Key::Suspended,
        Key::Card("a".into()),
        Key::Own("a".into()),
        Key::Older("a".into(), 0),
        Key::LogChunk(0),
    ] {
        assert!(!kept_by_import(&k), "{k:?}");
    }
}
