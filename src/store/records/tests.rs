use super::packed::PHASES;
use super::*;
use crate::domain::card::{Phase, Progress, Rating};
use crate::store::pack;
use proptest::prelude::*;

const T: i64 = 1_795_564_800_000;

fn review(at_ms: i64, rating: Rating, phase_before: Phase, duration_ms: u32) -> Review {
    Review { at_ms, rating, phase_before, duration_ms }
}

#[test]
fn a_card_state_reads_back_bit_for_bit_and_is_compact() {
    let state = CardState {
        progress: Some(Progress {
            phase: Phase::Review,
            step: 0,
            stability: 12.345_678,
            difficulty: 5.25,
            due_ms: T + 12 * 86_400_000,
            last_review_ms: Some(T),
            reps: 3,
            lapses: 1,
        }),
        reviews: vec![
            review(T - 2 * 86_400_000 - 600_000, Rating::Good, Phase::New, 9_000),
            review(T - 2 * 86_400_000, Rating::Again, Phase::Learning, 12_345),
            review(T, Rating::Easy, Phase::Review, 600_000),
        ],
    };
    let text = to_json(&state);
    assert_eq!(from_json::<CardState>(&text), Ok(state.clone()));
    assert!(text.len() < 60, "{text} ({} characters)", text.len());
    let new_again = CardState { progress: None, reviews: vec![] };
    assert_eq!(to_json(&new_again), "\"A\"");
    assert_eq!(from_json::<CardState>("\"A\""), Ok(new_again));
}

#[test]
fn damaged_card_states_are_refused() {
    let good = to_json(&CardState {
        progress: Some(Progress {
            phase: Phase::Learning,
            stability: 1.0,
            difficulty: 5.0,
            due_ms: T,
            last_review_ms: Some(T),
            reps: 1,
            ..Progress::default()
        }),
        reviews: vec![review(T, Rating::Good, Phase::New, 1)],
    });
    assert!(from_json::<CardState>(&good).is_ok());
    for bad in ["", "\"\"", "1", "\"B\"", "\"A A\"", "r,0,1,1,1,,1,0", &good[..good.len() - 2], "\"AA\""] {
        assert!(from_json::<CardState>(bad).is_err(), "{bad}");
    }
    // NaN, infinity and negative numbers are not schedules.
    for bits in [0x7fc0_0000u32, 0x7f80_0000, 0xbf80_0000] {
        let mut text = String::new();
        pack::put(&mut text, 3);
        for n in [bits as u64, 0, 0, 0, 0, 0] {
            pack::put(&mut text, n);
        }
        assert!(CardState::unpack(&text).is_err());
    }
}

#[test]
fn card_texts_keep_every_field_and_schema_2_records_read() {
    let card = Card {
        id: "plan-01".into(),
        theme: Theme::Plan,
        tags: vec!["star".into()],
        question: "Q \"quoted\"?".into(),
        answer: "A.\nTwo lines.".into(),
        key_points: vec!["k".into()],
        synonyms: vec![("said".into(), "point".into())],
        why: "Why.".into(),
        avoid: "Avoid.".into(),
        probes: vec!["P?".into()],
        variants: vec![Variant { track: Track::Manager, answer: "M.".into(), key_points: vec!["m".into()] }],
        retired: Some("gone".into()),
    };
    let text = to_json(&CardText::of(&card, 7, Some(1_795_600_000_123)));
    let back: CardText = from_json(&text).unwrap();
    assert_eq!((back.card("plan-01"), back.order, back.edited), (Ok(Some(card)), 7, Some(1_795_600_000_123)));
    let v2 = r#"{"theme":"own","tags":[],"q":"Q?","a":"A.","k":["x"],"order":5,"syn":[["a","b"]]}"#;
    let read: CardText = from_json(v2).unwrap();
    assert_eq!(read.card("own-1").unwrap().unwrap().synonyms, vec![("a".to_string(), "b".to_string())]);
    assert_eq!(from_json::<CardText>(r#"{"deleted":true}"#).unwrap().card("x"), Ok(None));
    assert_eq!(to_json(&CardText::deletion(None)), r#"{"deleted":true}"#, "no moment known: as version 2 wrote it");
    assert_eq!(from_json::<CardText>(&to_json(&CardText::deletion(Some(0)))).unwrap().edited, Some(0));
    assert_eq!(from_json::<CardText>(v2).unwrap().edited, None, "a record from before edits kept their moment");
    assert!(from_json::<CardText>(r#"{"a":"no question"}"#).unwrap().card("x").is_err());
    assert!(from_json::<CardText>(r#"{"q":"Q","tracks":[{"track":"pilot","answer":"x"}]}"#).is_err());
    assert_eq!(from_json::<CardText>(r#"{"q":"Q","theme":"later"}"#).unwrap().theme, Theme::Own);
}

#[test]
fn settings_and_interviews_read_back_and_missing_fields_take_defaults() {
    let s = Settings {
        desired_retention: 0.83,
        new_per_day: 0,
        max_reviews_per_day: 9,
        max_interval_days: 180,
        readiness_target: 0.75,
        rehearse: true,
        answer_seconds: 90,
        speech: true,
        track: Some(Track::Frontline),
    };
    assert_eq!(from_json::<SettingsRecord>(&to_json(&SettingsRecord::of(&s))).unwrap().settings(), s);
    assert!(to_json(&SettingsRecord::of(&s)).ends_with(r#""track":"frontline"}"#));
    assert!(!to_json(&SettingsRecord::default()).contains("track"), "not chosen yet: not written");
    assert_eq!(from_json::<SettingsRecord>(r#"{"track":"astronaut"}"#).unwrap().track, None, "a later version's track reads as not chosen");
    assert_eq!(
        from_json::<SettingsRecord>(r#"{"newPerDay":3,"later":1}"#).unwrap().settings(),
        Settings { new_per_day: 3, ..Settings::default() }
    );
    assert_eq!(from_json::<SettingsRecord>(r#"{"desiredRetentionPercent":150}"#).unwrap().settings().desired_retention, 0.97);
    assert!(from_json::<SettingsRecord>(r#"{"rehearse":"yes"}"#).is_err());
    let i = Interview { at_ms: T, company: "Acme \"Ltd\"".into(), role: "Analyst\nII".into(), active: true, themes: vec![Theme::Tricky] };
    let back: Vec<InterviewRecord> = from_json(&to_json(&vec![InterviewRecord::of(&i)])).unwrap();
    assert_eq!(back[0].interview(), i, "tabs and line breaks kept");
    assert!(from_json::<Vec<InterviewRecord>>(r#"[{"at":1,"themes":["nowhere"]}]"#).is_err());
}

fn arb_review() -> impl Strategy<Value = Review> {
    (-4_000_000_000_000i64..4_000_000_000_000, 1u8..=4, 0usize..4, 0u32..=600_000)
        .prop_map(|(at, r, p, d)| review(at, Rating::from_u8(r).unwrap(), PHASES[p], d))
}

proptest! {
    #[test]
    fn card_states_round_trip(
        mut reviews in prop::collection::vec(arb_review(), 0..40),
        some in any::<bool>(), phase in 0usize..4, step in any::<u8>(),
        stability in 0.0f32..1e6, difficulty in 0.0f32..11.0,
        due in any::<i64>(), last in prop::option::of(any::<i64>()), reps in any::<u32>(), lapses in any::<u32>(),
    ) {
        reviews.sort_by_key(|r| r.at_ms);
        let progress = some.then_some(Progress { phase: PHASES[phase], step, stability, difficulty, due_ms: due, last_review_ms: last, reps, lapses });
        let state = CardState { progress, reviews };
        prop_assert_eq!(CardState::unpack(&state.pack()), Ok(state.clone()));
        prop_assert_eq!(from_json::<CardState>(&to_json(&state)), Ok(state));
    }

    #[test]
    fn unpacking_never_panics(text in ".{0,80}") {
        let _ = CardState::unpack(&text);
        let _ = OlderReviews::unpack(&text);
    }
}
