use super::*;

/// Version 2 data as a browser held it (the shape of tests/data/schema/v2.json).
fn version_2() -> Map {
    let mut m = Map::default();
    let mut put = |k: &str, v: &str| m.0.insert(format!("{PREFIX}{k}"), v.to_string());
    put("meta", "2");
    put("settings", "retention=85;new=10;reviews=200;interval=36500;target=90;rehearse=1;answer=120;speech=0");
    put("interviews", "1796169600000\t1\tNorthwind\tAnalyst\tsell,tricky\n1798156800000\t0\tContoso\t\t");
    put("suspended", "sell-01\nfit-02");
    put("card/plan-01", "r,0,40a00000,40880000,1795651200000,1795478400000,3,0");
    put("card/sell-01", "l,1,3f800000,40a00000,1795565400000,1795564800000,1,0");
    put("card/fit-02", "r,0,40a50000,408a8000,1796083200000,1795478400000,8,1");
    let lines: Vec<String> = (0..40)
        .map(|i| format!("{}\t{}\t3\tr\t9000", ["plan-01", "sell-01", "gone-01"][i % 3], 1_793_836_800_000 + i as i64 * 60_000))
        .collect();
    put("log/0", &lines[..32].join("\n"));
    put("log/1", &lines[32..].join("\n"));
    put("own/own-1", r#"{"theme":"own","tags":[],"q":"Mine?","a":"Yes.","k":[],"order":90}"#);
    put("own/plan-04", r#"{"deleted":true}"#);
    m
}

#[test]
fn version_2_migrates_whole_and_a_migration_stopped_anywhere_loses_nothing() {
    let m = version_2();
    let before = m.decode();
    assert!(before.unreadable.is_empty(), "{:?}", before.unreadable);
    assert_eq!((before.log.len(), before.progress.len(), before.suspended.len(), before.interviews.len()), (40, 3, 2, 2));
    let steps = migration(&before);
    assert_eq!(steps[0], Step::Set(Key::Meta, "4".into()), "the version first: an older app only reads from then on");
    for stop in 0..=steps.len() {
        let mut partial = version_2();
        partial.run(&steps[..stop]);
        let l = partial.decode();
        assert!(l.unreadable.is_empty(), "stopped after {stop}: {:?}", l.unreadable);
        assert_eq!(
            (&l.log, &l.progress, &l.settings, &l.interviews, &l.suspended, &l.own),
            (&before.log, &before.progress, &before.settings, &before.interviews, &before.suspended, &before.own),
            "stopped after {stop}"
        );
        // Going on from there finishes it.
        partial.run(&migration(&l));
        let done = partial.decode();
        assert_eq!((done.version, done.log.len(), migration(&done)), (Some(VERSION), 40, vec![]));
    }
    let mut done = version_2();
    done.run(&steps);
    assert!(done.0.keys().all(|k| !matches!(Key::parse(k), Some(Key::LogChunk(_)))), "no old chunk left");
    assert!(done.0.values().all(|v| v.starts_with(['"', '{', '[']) || *v == VERSION.to_string()), "every value is JSON");
    assert!(done.get(&Key::Card("gone-01".into())).is_some(), "reviews of a card with no schedule are kept");
}

#[test]
fn damaged_values_are_reported_and_the_rest_is_used() {
    let mut m = Map::default();
    m.grade(&entry("ok", 1), &progress(1));
    let mut put = |k: &str, v: &str| m.0.insert(format!("{PREFIX}{k}"), v.to_string());
    put("card/bad", "{not json");
    put("card/nan", "r,0,7fc00000,5,1,,1,0");
    put("card/cut", "\"BA");
    put("log/x/0", "\"A\u{1}\"");
    put("settings", "\"fast\"");
    put("interviews", "next week\tmaybe");
    put("log/0", "garbage");
    put("own/bad", "{\"q\":1}");
    put("meta", "{\"v\":1}");
    put("story/s1", "{\"title\":7}");
    put("round/1-00000000", "{\"at\":\"soon\"}");
    put("mock", "{\"seed\":1,\"steps\":7}");
    put("mock-settings", "7");
    put("mocks", "{\"at\":1}");
    let l = m.decode();
    assert!(l.progress.contains_key("ok"));
    let mut keys: Vec<&str> = l.unreadable.iter().map(|u| u.key.strip_prefix(PREFIX).unwrap()).collect();
    keys.sort();
    assert_eq!(
        keys,
        vec![
            "card/bad",
            "card/cut",
            "card/nan",
            "interviews",
            "log/0",
            "log/x/0",
            "meta",
            "mock",
            "mock-settings",
            "mocks",
            "own/bad",
            "round/1-00000000",
            "settings",
            "story/s1"
        ]
    );
    assert!(
        l.mock.is_none() && l.mocks.is_empty() && l.mock_settings == Default::default(),
        "damaged mock records: none, and the defaults"
    );
    assert_eq!(l.kit, Kit::default(), "a damaged story or round is left out, not half read");
    assert_eq!((l.settings, l.log.len()), (Settings::default(), 1));
    // The migration never writes over a damaged value (it was kept aside, and stays where it is).
    let touched = |s: &Step| match s {
        Step::Set(k, _) | Step::Remove(k) => k.name(),
    };
    let damaged: Vec<String> = l.unreadable.iter().map(|u| u.key.clone()).filter(|k| !k.ends_with("meta")).collect();
    assert!(migration(&l).iter().all(|s| !damaged.contains(&touched(s))), "{:?}", migration(&l));
}

#[test]
fn a_newer_schema_is_flagged_and_not_migrated() {
    let l = decode(vec![(Key::Meta.name(), "5".into()), (Key::Settings.name(), "retention=80".into())]);
    assert!(l.newer);
    assert!(migration(&l).is_empty());
}

#[test]
fn schema_3_moves_to_4_by_its_version_number_alone() {
    let mut m = Map::default();
    m.grade(&entry("a", 1), &progress(1));
    m.0.insert(Key::Meta.name(), "3".into());
    let l = m.decode();
    assert_eq!((l.version, l.newer, &l.kit), (Some(3), false, &Kit::default()), "no kit keys: an empty kit");
    assert_eq!(migration(&l), vec![Step::Set(Key::Meta, "4".into())]);
}
