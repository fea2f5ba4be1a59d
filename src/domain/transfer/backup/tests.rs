use super::super::fixtures::studied;
use super::super::preview::{apply_backup, restore};
use super::*;
use crate::domain::card::Theme;
use crate::domain::clock::Clock;
use crate::domain::deck;
use crate::domain::merge::Choices;
use proptest::prelude::*;

#[test]
fn backup_export_wipe_import_restores_an_identical_collection() {
    let col = studied();
    let text = write_backup(&col, &deck::built_in(), 1_795_700_000_000);
    let back = restore(read_backup(&text).unwrap());
    assert_eq!(back.cards, col.cards);
    assert_eq!(back.progress, col.progress, "memory states bit for bit");
    assert_eq!(back.log, col.log);
    assert_eq!(back.settings, col.settings);
    assert_eq!(back.interviews, col.interviews);
    let clock = Clock::new(1_795_900_000_000, 60);
    assert_eq!(crate::domain::session::build(&back, clock).next, crate::domain::session::build(&col, clock).next, "the same schedule");
}

fn sorted(mut list: Vec<(String, i64)>) -> Vec<(String, i64)> {
    list.sort();
    list
}

#[test]
fn importing_a_backup_into_a_wiped_app_gives_back_the_same_collection() {
    let mut col = studied();
    col = Collection::new(col.cards, col.progress, col.log, col.settings);
    let deck = deck::built_in();
    let gone = col.cards[10].id.clone();
    col.remove_card(&gone);
    col.set_edited(&gone, 1_795_650_000_000);
    col.set_suspended(&col.cards[2].id.clone(), true);
    col.settings.answer_seconds = 75;
    let mut edited = col.cards[0].clone();
    edited.question = "My own wording of it?".into();
    col.set_edited(&edited.id, 1_795_650_000_001);
    col.put_card(edited);
    let own = col.cards.last().unwrap().id.clone();
    col.set_edited(&own, 0);
    let file = write_backup(&col, &deck, 42);
    let wiped = Collection::new(deck.clone(), HashMap::new(), vec![], Settings::default());
    let backup = read_backup(&file).unwrap();
    let mut restored = wiped.clone();
    let out = apply_backup(&mut restored, &backup, &deck, Choices::for_device(&wiped));
    assert_eq!(
        (out.cards_added, out.cards_updated, out.cards_deleted, out.reviews_added, out.settings_changed),
        (2, 1, 1, col.log.len(), true),
        "two cards of ones own"
    );
    assert_eq!(restored.cards, col.cards);
    assert_eq!(restored.progress, col.progress);
    assert_eq!(restored.log, col.log);
    assert_eq!((restored.settings, &restored.suspended), (col.settings, &col.suspended));
    assert_eq!(sorted(restored.edited.clone()), sorted(col.edited.clone()));
    // Importing it again changes nothing.
    let choices = Choices::for_device(&restored);
    let again = apply_backup(&mut restored, &backup, &deck, choices);
    assert!(again.changes_nothing(), "{again:?}");
    assert_eq!(restored.log, col.log, "the same reviews are not added twice");
    // A backup from an app whose deck did not have a card yet leaves that card here.
    let mut older_deck = backup.clone();
    older_deck.cards.retain(|c| c.id != deck[20].id);
    let mut here = restored.clone();
    let out = apply_backup(&mut here, &older_deck, &deck, Choices::default());
    assert!(out.changes_nothing() && here.card(&deck[20].id).is_some(), "{out:?}");
}

#[test]
fn the_interview_kit_is_in_the_backup_restores_exactly_and_merges() {
    use crate::domain::kit::{Person, Question, Thanks};
    let col = studied();
    let iv = Interview { at_ms: 1_796_724_000_000, company: "Northwind".into(), role: "Analyst".into(), active: true, themes: vec![] };
    let mut kit = Kit::default();
    kit.put_story(Story {
        id: "s1".into(),
        title: "Fix <script>x</script>".into(),
        situation: "S\n\"quoted\"".into(),
        result: "80%".into(),
        shows: vec!["accuracy".into()],
        own: vec!["Excel".into()],
        edited: 7,
        ..Story::default()
    });
    kit.put_story(Story { id: "s0".into(), edited: 9, deleted: true, ..Story::default() });
    let r = kit.round_mut(&iv);
    r.people = vec![Person { name: "Priya".into(), role: "Head".into(), said: "Speed".into() }];
    r.questions =
        vec![Question { text: "When will you decide?".into(), answer: "By Friday".into(), asked: true, card: Some("ask-01".into()) }];
    r.thanks = vec![Thanks { name: "Priya".into(), sent: Some(5), body: "Dear Priya".into(), ..Thanks::default() }];
    r.edited = 11;
    let text = write_backup_with_kit(&col, &kit, &deck::built_in(), 1);
    let back = read_backup(&text).unwrap();
    assert_eq!(back.kit, kit, "exactly, deleted stories included");
    assert_eq!(read_backup(&write_backup(&col, &deck::built_in(), 1)).unwrap().kit, Kit::default());
    assert!(!write_backup(&col, &deck::built_in(), 1).contains("\"stories\":["), "an empty kit is left out");
    // The mock interviews' history comes too (and is left out when there is none).
    let mocks = vec![crate::domain::mock::HistoryEntry {
        at_ms: 5,
        minutes: 20,
        interview: Some("Northwind".into()),
        seconds: 900,
        questions: vec![crate::domain::mock::HistoryQuestion {
            card_id: "plan-01".into(),
            grade: Some(crate::domain::Rating::Hard),
            seconds: 40,
            words: 90,
            hit: 2,
            points: 3,
        }],
    }];
    assert_eq!(read_backup(&write_backup_with(&col, &kit, &mocks, &deck::built_in(), 1)).unwrap().mocks, mocks);
    assert!(!write_backup(&col, &deck::built_in(), 1).contains("\"mocks\""));
    // Merged into another device's kit: what it lacks comes, its newer records stay.
    let mut other = Kit::default();
    other.put_story(Story { id: "s1".into(), title: "Theirs, newer".into(), edited: 8, ..Story::default() });
    let out = other.merge(&back.kit);
    assert_eq!((out.stories_added, out.stories_updated, out.rounds_updated), (0, 0, 1), "s0 arrives deleted: not counted as added");
    assert_eq!(other.story("s1").unwrap().title, "Theirs, newer");
    assert_eq!(other.round(&iv), kit.round(&iv));
    let dup = text.replace("\"id\":\"s0\"", "\"id\":\"s1\"");
    assert!(read_backup(&dup).unwrap_err().contains("story 2"), "{:?}", read_backup(&dup));
}

#[test]
fn a_damaged_or_foreign_backup_is_refused_with_a_reason() {
    let text = write_backup(&studied(), &deck::built_in(), 1);
    assert!(read_backup(&text.replace("Second Round", "Other")).unwrap_err().contains("not a Second Round backup"));
    assert!(read_backup(&text.replace("\"backupVersion\":2", "\"backupVersion\":9")).unwrap_err().contains("newer version"));
    assert!(read_backup(&text.replace("\"backupVersion\":2", "\"backupVersion\":0")).unwrap_err().contains("not a version"));
    assert!(read_backup(&text[..text.len() / 2]).unwrap_err().starts_with("line 1, column "));
    let damaged = text.replacen("\"state\":\"", "\"state\":\" ", 1);
    assert!(read_backup(&damaged).unwrap_err().starts_with("line 1, column "), "{}", read_backup(&damaged).unwrap_err());
    assert_eq!(
        read_backup(r#"{"app":"Second Round","backupVersion":2,"exportedAt":0,"cards":[{"id":"a","text":{"a":"no question"}}]}"#)
            .unwrap_err(),
        "card a: no question"
    );
    assert!(read_backup(r#"{"app":"Second Round","backupVersion":2,"exportedAt":0,"cards":[{"id":""}]}"#)
        .unwrap_err()
        .contains("id is empty"));
}

fn field() -> impl Strategy<Value = String> {
    "[ -~\t\né“”<>&\"]{1,40}".prop_filter("some text", |s| !s.trim().is_empty())
}

proptest! {
    #[test]
    fn never_panics(text in any::<String>()) {
        let _ = read_backup(&text);
    }

    #[test]
    fn backups_round_trip(q in field(), a in field(), tags in prop::collection::vec("[a-z]{1,8}", 0..3)) {
        let mut col = studied();
        col.cards.push(Card { id: "own-x".into(), theme: Theme::Own, tags, question: q, answer: a, key_points: vec![], synonyms: vec![], ..Default::default() });
        let back = restore(read_backup(&write_backup(&col, &[], 5)).unwrap());
        prop_assert_eq!(back.cards, col.cards);
    }
}
