use super::*;
use crate::domain::card::Rating;
use crate::domain::clock::DAY_MS;
use crate::domain::collection::Settings;
use crate::domain::deck;
use std::collections::HashMap;

const T0: i64 = 1_795_564_800_000 + 9 * 3_600_000;

fn col() -> Collection {
    Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default())
}

fn segments(steps: &[Step]) -> Vec<Segment> {
    steps.iter().map(|s| s.segment).collect()
}

#[test]
fn the_parts_come_in_a_second_rounds_order_and_no_card_twice() {
    let c = col();
    let clock = Clock::new(T0, 0);
    for length in Length::ALL {
        for seed in 0..20 {
            let steps = build(&c, clock, None, length, seed, 50);
            let segs = segments(&steps);
            let mut sorted = segs.clone();
            sorted.sort();
            assert_eq!(segs, sorted, "parts in running order ({length:?}, seed {seed})");
            for (segment, n) in length.plan() {
                assert_eq!(segs.iter().filter(|s| **s == segment).count(), n, "{segment:?} in {length:?}");
            }
            let mut ids: Vec<&str> = steps.iter().map(|s| s.card_id.as_str()).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), steps.len(), "no card twice");
            for s in &steps {
                let card = c.card(&s.card_id).unwrap();
                assert!(s.segment.takes(card), "{} in {:?}", card.id, s.segment);
                assert_ne!(card.theme, Theme::FollowUp);
            }
            let stories = segs.iter().filter(|s| **s == Segment::Stories).count();
            assert!((2..=3).contains(&stories));
            assert_eq!((segs[0], *segs.last().unwrap()), (Segment::Opening, Segment::Close));
        }
    }
    // With no history, the opening asks what changed since round one.
    let first = &build(&c, clock, None, Length::Ten, 3, 50)[0];
    assert!(c.card(&first.card_id).unwrap().tags.contains(&"opening".to_string()), "{}", first.card_id);
}

#[test]
fn the_length_is_about_what_was_chosen() {
    let c = col();
    for length in Length::ALL {
        let steps = build(&c, Clock::new(T0, 0), None, length, 11, 50);
        let secs = expected_total(&c, &steps, 50) as f64;
        let target = length.minutes() as f64 * 60.0;
        assert!((secs - target).abs() <= target * 0.2, "{length:?}: {secs} s for {target} s");
    }
    assert_eq!(build(&c, Clock::new(T0, 0), None, Length::Ten, 1, 50).len(), 8);
}

#[test]
fn due_and_weak_cards_come_first_and_seeds_vary_the_rest() {
    let mut c = col();
    let clock = Clock::new(T0, 0);
    // A story card due now, and two studied recently (Easy three days ago and one day ago):
    // neither is due, both are weak on an interview a month away, the older one weaker.
    let stories: Vec<String> = c.cards.iter().filter(|x| Segment::Stories.takes(x)).map(|x| x.id.clone()).collect();
    let (due, older, recent) = (stories[5].clone(), stories[9].clone(), stories[12].clone());
    c.grade(&due, Rating::Good, Clock::new(T0 - 30 * DAY_MS, 0), 1000).unwrap();
    c.grade(&due, Rating::Good, Clock::new(T0 - 29 * DAY_MS, 0), 1000).unwrap();
    c.grade(&older, Rating::Easy, Clock::new(T0 - 3 * DAY_MS, 0), 1000).unwrap();
    c.grade(&recent, Rating::Easy, Clock::new(T0 - DAY_MS, 0), 1000).unwrap();
    assert!(c.progress_of(&due).due_ms <= T0, "due now");
    let interview = Interview { at_ms: T0 + 30 * DAY_MS, company: "Acme".into(), role: String::new(), active: true, themes: vec![] };
    assert_eq!(standing(&c, &due, clock, interview.at_ms).0, Standing::Due);
    assert_eq!(standing(&c, &older, clock, interview.at_ms).0, Standing::Weak);
    assert_eq!(standing(&c, &recent, clock, interview.at_ms).0, Standing::Weak);
    assert_eq!(standing(&c, &recent, clock, T0).0, Standing::Strong, "recalled well today");
    for seed in 0..10 {
        let steps = build(&c, clock, Some(&interview), Length::Twenty, seed, 50);
        let st: Vec<&str> = steps.iter().filter(|s| s.segment == Segment::Stories).map(|s| s.card_id.as_str()).collect();
        assert_eq!(st, vec![due.as_str(), older.as_str(), recent.as_str()], "due first, then the weakest for the date");
    }
    // For a mock with no interview date, the two are strong today: never-studied cards come first.
    for seed in 0..10 {
        let now = build(&c, clock, None, Length::Twenty, seed, 50);
        let st: Vec<&str> = now.iter().filter(|s| s.segment == Segment::Stories).map(|s| s.card_id.as_str()).collect();
        assert_eq!(st[0], due.as_str());
        assert!(!st.contains(&older.as_str()) && !st.contains(&recent.as_str()), "{st:?}");
    }
    let a = build(&c, clock, None, Length::Thirty, 1, 50);
    let b = build(&c, clock, None, Length::Thirty, 2, 50);
    assert_eq!(a, build(&c, clock, None, Length::Thirty, 1, 50), "the same seed, the same interview");
    assert_ne!(
        a.iter().map(|s| &s.card_id).collect::<Vec<_>>(),
        b.iter().map(|s| &s.card_id).collect::<Vec<_>>(),
        "another seed, other cards"
    );
}

#[test]
fn an_interviews_themes_narrow_the_middle_and_suspended_cards_stay_out() {
    let mut c = col();
    let clock = Clock::new(T0, 0);
    let interview = Interview {
        at_ms: T0 + 5 * DAY_MS,
        company: String::new(),
        role: String::new(),
        active: true,
        themes: vec![Theme::Offer, Theme::Tricky],
    };
    let steps = build(&c, clock, Some(&interview), Length::Ten, 4, 50);
    let segs = segments(&steps);
    assert!(
        !segs.contains(&Segment::Stories)
            || steps.iter().filter(|s| s.segment == Segment::Stories).all(|s| interview.covers(c.card(&s.card_id).unwrap().theme))
    );
    assert!(!segs.contains(&Segment::Attributes), "no attributes cards among the interview's themes");
    for s in [Segment::Opening, Segment::CurveBall, Segment::Money, Segment::YourQuestions, Segment::Close] {
        assert!(segs.contains(&s), "{s:?}");
    }
    let money = steps.iter().find(|s| s.segment == Segment::Money).unwrap().card_id.clone();
    c.set_suspended(&money, true);
    assert!(build(&c, clock, Some(&interview), Length::Ten, 4, 50).iter().all(|s| s.card_id != money));
}

#[test]
fn the_follow_up_is_chosen_by_the_seed_with_the_chosen_chance() {
    let c = col();
    let clock = Clock::new(T0, 0);
    let a = build(&c, clock, None, Length::Thirty, 42, 50);
    assert_eq!(a, build(&c, clock, None, Length::Thirty, 42, 50));
    assert!(build(&c, clock, None, Length::Thirty, 42, 0).iter().all(|s| s.probe.is_none()));
    let all = build(&c, clock, None, Length::Thirty, 42, 100);
    assert!(all.iter().all(|s| s.probe.is_some_and(|p| p < c.card(&s.card_id).unwrap().probes.len())));
    // Over many draws, about one in two.
    let mut rng = Rng(9);
    let asked = (0..1000).filter(|_| choose_probe(&mut rng, 3, 50).is_some()).count();
    assert!((430..=570).contains(&asked), "{asked} of 1000");
    let mut rng = Rng(9);
    let quarter = (0..1000).filter(|_| choose_probe(&mut rng, 3, 25).is_some()).count();
    assert!((190..=310).contains(&quarter), "{quarter} of 1000");
    assert_eq!(choose_probe(&mut Rng(1), 0, 100), None, "a card without probes has no follow-up");
    // Known values: the choice is a function of the seed.
    let mut r = Rng(2026);
    let seq: Vec<Option<usize>> = (0..6).map(|_| choose_probe(&mut r, 3, 50)).collect();
    let mut r2 = Rng(2026);
    assert_eq!(seq, (0..6).map(|_| choose_probe(&mut r2, 3, 50)).collect::<Vec<_>>());
    assert!(seq.iter().any(|p| p.is_some()) && seq.iter().any(|p| p.is_none()), "{seq:?}");
}
