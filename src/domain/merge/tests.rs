use super::*;
use crate::domain::card::{Phase, Rating, Theme};
use crate::domain::clock::{Clock, DAY_MS, MINUTE_MS};
use crate::domain::collection::Settings;
use crate::domain::deck;
use crate::domain::interview::Interview;

const T: i64 = 1_795_600_000_000;

fn fresh() -> Collection {
    Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default())
}

fn grade(col: &mut Collection, card: usize, rating: Rating, at: i64) {
    let id = col.cards[card].id.clone();
    col.grade(&id, rating, Clock::new(at, 60), 4_000).unwrap();
}

/// Every card's schedule replayed from its reviews in `col`'s log, from a new card.
fn replayed(col: &Collection) -> HashMap<String, Progress> {
    let all = Histories::of(&col.log);
    let s = col.settings.scheduler();
    col.cards.iter().filter_map(|c| card_state(&s, all.get(&c.id), &[]).map(|p| (c.id.clone(), p))).collect()
}

fn set(log: &[LogEntry]) -> Vec<String> {
    let mut keys: Vec<String> = log.iter().map(|e| format!("{:020}\t{}", e.at_ms, e.card_id)).collect();
    keys.sort();
    keys
}

/// Two devices that shared a start (one restored the other's backup), then studied apart on
/// different days, some cards on both.
fn two_devices() -> (Collection, Collection) {
    let mut a = fresh();
    for c in 0..4 {
        grade(&mut a, c, Rating::Good, T + c as i64 * MINUTE_MS);
    }
    let mut b = a.clone();
    // Device A on days 1 and 3, device B on days 2 and 4; cards 2 and 3 on both.
    for (day, card, r) in [(1, 0, Rating::Good), (1, 2, Rating::Again), (3, 2, Rating::Good), (3, 3, Rating::Hard), (3, 5, Rating::Easy)] {
        grade(&mut a, card, r, T + day * DAY_MS + card as i64 * MINUTE_MS);
    }
    for (day, card, r) in [(2, 1, Rating::Good), (2, 2, Rating::Easy), (2, 3, Rating::Again), (4, 3, Rating::Good), (4, 6, Rating::Good)] {
        grade(&mut b, card, r, T + day * DAY_MS + card as i64 * MINUTE_MS + 7);
    }
    (a, b)
}

#[test]
fn a_replay_gives_exactly_the_schedule_grading_gave() {
    let mut col = fresh();
    let mut at = T;
    for (i, r) in [Rating::Good, Rating::Good, Rating::Again, Rating::Hard, Rating::Good, Rating::Easy, Rating::Again, Rating::Good]
        .into_iter()
        .enumerate()
    {
        grade(&mut col, 0, r, at);
        at = col.progress_of(&col.cards[0].id).due_ms + (i as i64 % 3) * DAY_MS;
    }
    let id = col.cards[0].id.clone();
    assert_eq!(replayed(&col)[&id], col.progress[&id]);
    assert_eq!(replayed(&col)[&id].stability.to_bits(), col.progress[&id].stability.to_bits(), "bit for bit");
}

#[test]
fn two_devices_merge_into_the_union_of_their_reviews_replayed() {
    let (a, b) = two_devices();
    let deck = deck::built_in();
    let mut m = a.clone();
    let out = merge(&mut m, &b, &deck, Choices::default());
    let shared = 4;
    assert_eq!(m.log.len(), a.log.len() + b.log.len() - shared, "the union: every review once");
    assert_eq!(
        set(&m.log),
        set(&[a.log.clone(), b.log.clone()].concat()).into_iter().fold(Vec::new(), |mut v, k| {
            if v.last() != Some(&k) {
                v.push(k);
            }
            v
        })
    );
    assert!(m.log.windows(2).all(|w| w[0].at_ms <= w[1].at_ms), "in time order");
    assert_eq!(out.reviews_added, 5);
    // Cards 1, 2, 3 and 6 have reviews A lacked; card 6 was new here.
    assert_eq!((out.schedules_changed, out.cards_added, out.cards_updated), (4, 0, 0));
    assert_eq!(m.progress, replayed(&m), "every schedule is its merged history replayed");
    // Not "whichever is newer": card 2 was reviewed on both, and neither side's state is right.
    let c2 = m.cards[2].id.clone();
    assert_ne!(m.progress[&c2], a.progress[&c2]);
    assert_ne!(m.progress[&c2], b.progress[&c2]);
    assert_eq!(m.progress[&c2].reps, 4);
    assert_eq!(m.progress[&c2].lapses, a.progress[&c2].lapses, "A's lapse of day 1 counts");
    // Cards reviewed on one device only keep that device's schedule, bit for bit.
    for (card, from) in [(0, &a), (5, &a), (1, &b), (6, &b)] {
        let id = &m.cards[card].id;
        assert_eq!(m.progress[id], from.progress[id], "card {card}");
    }
}

#[test]
fn merging_is_idempotent_and_commutative() {
    let (a, b) = two_devices();
    let deck = deck::built_in();
    let mut ab = a.clone();
    merge(&mut ab, &b, &deck, Choices::default());
    let mut ba = b.clone();
    merge(&mut ba, &a, &deck, Choices::default());
    assert_eq!(set(&ab.log), set(&ba.log));
    assert_eq!(ab.progress, ba.progress, "the same schedules whichever side merges");
    assert_eq!(ab.cards, ba.cards);
    let again = ab.clone();
    let out = merge(&mut ab, &b, &deck, Choices::default());
    assert!(out.changes_nothing(), "{out:?}");
    assert_eq!((ab.log == again.log, ab.progress == again.progress, ab.cards == again.cards), (true, true, true));
    assert!(preview(&ab, &ba, &deck, Choices::default()).changes_nothing(), "both devices now hold the same");
    // A merge with oneself changes nothing either.
    assert!(preview(&a, &a, &deck, Choices { settings: true, interviews: true }).changes_nothing());
}

#[test]
fn the_newer_edit_of_a_card_wins_and_a_deletion_is_an_edit() {
    let deck = deck::built_in();
    let (mut a, mut b) = (fresh(), fresh());
    let edit = |col: &mut Collection, i: usize, answer: &str, at: i64| {
        let mut c = deck[i].clone();
        c.answer = answer.into();
        col.put_card(c);
        col.set_edited(&deck[i].id, at);
    };
    edit(&mut a, 0, "A, later", T + 10);
    edit(&mut b, 0, "B, earlier", T);
    edit(&mut a, 1, "A, earlier", T);
    edit(&mut b, 1, "B, later", T + 10);
    edit(&mut b, 2, "B, by an older app", 0);
    edit(&mut a, 3, "A, by an older app", 0);
    edit(&mut b, 3, "B, with its moment", T);
    a.remove_card(&deck[4].id);
    a.set_edited(&deck[4].id, T + 5);
    edit(&mut b, 4, "B, before A deleted it", T + 1);
    b.remove_card(&deck[5].id);
    b.set_edited(&deck[5].id, T + 5);
    let own = Card {
        id: "own-1".into(),
        theme: Theme::Own,
        tags: vec![],
        question: "Mine?".into(),
        answer: "Yes.".into(),
        key_points: vec![],
        ..Card::default()
    };
    b.put_card(own.clone());
    b.set_edited("own-1", T);
    let mut m = a.clone();
    let out = merge(&mut m, &b, &deck, Choices::default());
    assert_eq!(m.card(&deck[0].id).unwrap().answer, "A, later");
    assert_eq!(m.card(&deck[1].id).unwrap().answer, "B, later");
    assert_eq!(m.card(&deck[2].id).unwrap().answer, "B, by an older app", "an edit without its moment still beats the deck's text");
    assert_eq!(m.card(&deck[3].id).unwrap().answer, "B, with its moment", "and loses to an edit with one");
    assert!(m.card(&deck[4].id).is_none(), "deleted after the other device's edit");
    assert!(m.card(&deck[5].id).is_none(), "deleted on the other device");
    assert_eq!(m.cards.last(), Some(&own), "a card of the other device's own comes in");
    assert_eq!((out.cards_added, out.cards_updated, out.cards_deleted), (1, 3, 1));
    assert_eq!(m.edited_at(&deck[1].id), Some(T + 10));
    assert_eq!(m.edited_at(&deck[5].id), Some(T + 5));
    // The other way round gives the same texts.
    let mut n = b.clone();
    merge(&mut n, &a, &deck, Choices::default());
    assert_eq!(n.cards, m.cards);
    assert!(preview(&m, &b, &deck, Choices::default()).changes_nothing());
}

#[test]
fn a_restore_into_an_empty_app_gives_back_exactly_the_collection() {
    let deck = deck::built_in();
    let (mut a, _) = two_devices();
    a.settings = Settings { desired_retention: 0.85, new_per_day: 4, ..Settings::default() };
    a.interviews = vec![Interview { at_ms: T + 9 * DAY_MS, company: "Acme".into(), role: "Analyst".into(), active: true, themes: vec![] }];
    a.set_suspended(&deck[7].id.clone(), true);
    a.remove_card(&deck[8].id);
    a.set_edited(&deck[8].id, T);
    let mut c = deck[9].clone();
    c.question = "Mine?".into();
    a.put_card(c);
    a.set_edited(&deck[9].id, 0);
    a.put_card(Card {
        id: "own-2".into(),
        theme: Theme::Own,
        tags: vec!["x".into()],
        question: "Own?".into(),
        answer: "Yes.".into(),
        key_points: vec![],
        ..Card::default()
    });
    a.set_edited("own-2", T + 1);
    let mut empty = fresh();
    let out = merge(&mut empty, &a, &deck, Choices { settings: true, interviews: true });
    assert_eq!(empty.cards, a.cards);
    assert_eq!(empty.progress, a.progress);
    assert_eq!(empty.log, a.log);
    assert_eq!((empty.settings, &empty.interviews, &empty.suspended, &empty.edited), (a.settings, &a.interviews, &a.suspended, &a.edited));
    assert_eq!((out.cards_added, out.cards_updated, out.cards_deleted, out.settings_changed, out.interviews_added), (1, 1, 1, true, 1));
}

#[test]
fn settings_and_interviews_come_only_when_chosen() {
    let deck = deck::built_in();
    let (mut a, mut b) = two_devices();
    a.interviews = vec![Interview { at_ms: T + 9 * DAY_MS, company: "Acme".into(), role: String::new(), active: true, themes: vec![] }];
    b.interviews = vec![
        a.interviews[0].clone(),
        Interview { at_ms: T + 3 * DAY_MS, company: "Beta".into(), role: String::new(), active: true, themes: vec![] },
    ];
    a.settings.desired_retention = 0.85;
    b.settings.desired_retention = 0.8;
    let mut m = a.clone();
    let out = merge(&mut m, &b, &deck, Choices::default());
    assert_eq!((m.settings, &m.interviews), (a.settings, &a.interviews));
    assert_eq!((out.settings_changed, out.interviews_added), (false, 0));
    let id = &m.cards[1].id;
    assert_eq!(m.progress[id], replayed(&m)[id], "B's schedule came from other settings: replayed with these");
    assert_ne!(m.progress[id].due_ms, b.progress[id].due_ms);
    let mut m = a.clone();
    let out = merge(&mut m, &b, &deck, Choices { settings: true, interviews: true });
    assert_eq!(m.settings.desired_retention, 0.8);
    assert_eq!(
        m.interviews.iter().map(|i| (i.company.as_str(), i.active)).collect::<Vec<_>>(),
        vec![("Beta", false), ("Acme", true)],
        "added in date order; the one prepared for stays"
    );
    assert_eq!((out.settings_changed, out.interviews_added), (true, 1));
    let r = replayed(&m);
    for card in [2, 3] {
        let id = &m.cards[card].id;
        assert_eq!(m.progress[id], r[id], "card {card}: its merged history replayed with the settings taken");
    }
    for card in [1, 6] {
        let id = &m.cards[card].id;
        assert_eq!(m.progress[id], b.progress[id], "card {card}: the history of B, and its settings: B's schedule");
    }
    for card in [0, 5] {
        let id = &m.cards[card].id;
        assert_eq!(m.progress[id], a.progress[id], "card {card}: its history unchanged, its schedule kept");
    }
}

#[test]
fn a_schedule_whose_history_was_partly_lost_is_the_starting_point() {
    let deck = deck::built_in();
    let (mut a, b) = two_devices();
    // A lost the block of the log holding card 3's first reviews (it could not be read).
    let id = a.cards[3].id.clone();
    let lost = a.log.iter().position(|e| e.card_id == id).unwrap();
    a.log.remove(lost);
    let mut m = a.clone();
    merge(&mut m, &b, &deck, Choices::default());
    let p = m.progress[&id];
    assert_eq!(p.reps, 3, "A's schedule (2 reviews) and B's review of day 4 after it");
    let s = m.settings.scheduler();
    let day4 = b.log.iter().rfind(|e| e.card_id == id).unwrap().at_ms;
    let expected = s.grade(&a.progress[&id], Rating::Good, day4);
    assert_eq!(p, expected);
    assert_eq!(p.phase, Phase::Review);
}

#[test]
fn the_preview_says_what_a_merge_does() {
    let (a, b) = two_devices();
    let deck = deck::built_in();
    let out = preview(&a, &b, &deck, Choices::default());
    assert_eq!(out.sentences(), vec!["5 reviews from the other device will be added; 4 cards' schedules change."]);
    let one = Outcome {
        reviews_added: 1,
        schedules_changed: 1,
        cards_added: 1,
        cards_updated: 2,
        cards_deleted: 1,
        suspended_added: 1,
        settings_changed: true,
        interviews_added: 1,
    };
    assert_eq!(one.sentences().join(" "), "1 review from the other device will be added; 1 card's schedule changes. 1 card will be added. 2 cards' text will be updated: edited there more recently than here. 1 card will be deleted: deleted there after the last edit here. 1 card suspended there will be suspended here. This device will take the backup's settings. 1 interview will be added.");
    assert!(Outcome::default().sentences().is_empty());
    assert_eq!(out.summary(), "5 reviews added, 4 schedules changed.");
    assert_eq!(one.summary(), "1 review added, 1 schedule changed, 1 card added, 2 cards' texts updated, 1 card deleted, 1 card suspended, 1 interview added, its settings taken.");
    // What is offered ticked: only what this device has none of.
    let mut c = fresh();
    assert_eq!(Choices::for_device(&c), Choices { settings: true, interviews: true });
    c.settings.new_per_day = 3;
    c.interviews = vec![Interview { at_ms: T, company: "Acme".into(), role: String::new(), active: true, themes: vec![] }];
    assert_eq!(Choices::for_device(&c), Choices { settings: false, interviews: false });
    assert_eq!(offers(&c, &a), (true, 0));
    assert_eq!(offers(&c, &c), (false, 0));
    assert_eq!(offers(&a, &c), (true, 1));
}

#[test]
fn a_schedule_the_other_side_kept_without_its_reviews_is_not_lost() {
    let deck = deck::built_in();
    let (a, _) = two_devices();
    // A device whose log of card 0 was lost keeps its schedule; merged into one that never
    // studied the card, the schedule comes along rather than the card starting as new.
    let mut lost = a.clone();
    let id = lost.cards[0].id.clone();
    lost.log.retain(|e| e.card_id != id);
    let mut m = fresh();
    merge(&mut m, &lost, &deck, Choices::default());
    assert_eq!(m.progress.get(&id), Some(&a.progress[&id]));
    // And the other way round: the device that lost it gets it back; its own card stays.
    let mut back = fresh();
    back.progress.insert(id.clone(), a.progress[&id]);
    merge(&mut back, &lost, &deck, Choices::default());
    assert_eq!(back.progress.get(&id), Some(&a.progress[&id]));
}

#[test]
fn suspensions_of_both_are_kept() {
    let deck = deck::built_in();
    let (mut a, mut b) = (fresh(), fresh());
    a.set_suspended(&deck[0].id, true);
    b.set_suspended(&deck[1].id, true);
    let out = merge(&mut a, &b, &deck, Choices::default());
    assert_eq!(a.suspended, vec![deck[0].id.clone(), deck[1].id.clone()]);
    assert_eq!(out.suspended_added, 1);
}
