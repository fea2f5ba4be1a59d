//! The app's own backup file (JSON): every card with its text, every schedule, the review log,
//! the settings, interviews and suspensions.

use crate::domain::card::{Card, Phase, Progress, Rating, Theme, Track};
use crate::domain::collection::{Collection, LogEntry, Settings};
use crate::domain::interview::{self, Interview};
use crate::domain::json::{self, Json};
use crate::domain::sort_by_key;
use std::collections::HashMap;

/// The backup file's format version (the storage schema it was written from).
pub const BACKUP_VERSION: i64 = 1;

/// Everything a backup holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Backup {
    pub exported_at_ms: i64,
    pub cards: Vec<Card>,
    pub progress: HashMap<String, Progress>,
    pub log: Vec<LogEntry>,
    pub settings: Settings,
    pub interviews: Vec<Interview>,
    pub suspended: Vec<String>,
    /// Built-in cards the person had deleted.
    pub deleted: Vec<String>,
    /// When each card's text was last edited, or a built-in card deleted (ms; 0: not known); `None`
    /// for a backup written before edits kept their moment.
    pub edited: Option<Vec<(String, i64)>>,
}

fn s(text: &str) -> Json {
    Json::Str(text.to_string())
}

fn list(items: &[String]) -> Json {
    Json::Arr(items.iter().map(|i| s(i)).collect())
}

fn bits(x: f32) -> Json {
    Json::Str(format!("{:08x}", x.to_bits()))
}

/// The whole collection as the backup file's JSON: the schema version, every card with its text
/// (edits included), its memory state (stability and difficulty as exact f32 bit patterns, so a
/// restore is identical), the complete review log, the settings, and when each card was last
/// edited (what decides between two devices' texts when one's backup is merged into the other).
pub fn write_backup(col: &Collection, built_in: &[Card], now_ms: i64) -> String {
    let cards = col
        .cards
        .iter()
        .map(|c| {
            let mut m = vec![
                ("id".to_string(), s(&c.id)),
                ("theme".to_string(), s(c.theme.key())),
                ("tags".to_string(), list(&c.tags)),
                ("question".to_string(), s(&c.question)),
                ("answer".to_string(), s(&c.answer)),
                ("keyPoints".to_string(), list(&c.key_points)),
            ];
            if !c.synonyms.is_empty() {
                m.push(("synonyms".into(), Json::Arr(c.synonyms.iter().map(|(a, b)| Json::Arr(vec![s(a), s(b)])).collect())));
            }
            m.extend(c.extras_json());
            if let Some(p) = col.progress.get(&c.id) {
                m.push((
                    "progress".into(),
                    Json::Obj(vec![
                        ("phase".into(), s(p.phase.code())),
                        ("step".into(), Json::Int(p.step as i64)),
                        ("stabilityBits".into(), bits(p.stability)),
                        ("difficultyBits".into(), bits(p.difficulty)),
                        ("due".into(), Json::Int(p.due_ms)),
                        ("lastReview".into(), p.last_review_ms.map_or(Json::Null, Json::Int)),
                        ("reps".into(), Json::Int(p.reps as i64)),
                        ("lapses".into(), Json::Int(p.lapses as i64)),
                    ]),
                ));
            }
            Json::Obj(m)
        })
        .collect();
    let log = col
        .log
        .iter()
        .map(|e| {
            Json::Obj(vec![
                ("card".into(), s(&e.card_id)),
                ("at".into(), Json::Int(e.at_ms)),
                ("rating".into(), Json::Int(e.rating as i64)),
                ("phaseBefore".into(), s(e.phase_before.code())),
                ("durationMs".into(), Json::Int(e.duration_ms as i64)),
            ])
        })
        .collect();
    let st = &col.settings;
    let pct = |x: f32| Json::Int((x * 100.0).round() as i64);
    let settings = Json::Obj(vec![
        ("desiredRetentionPercent".into(), pct(st.desired_retention)),
        ("newPerDay".into(), Json::Int(st.new_per_day as i64)),
        ("maxReviewsPerDay".into(), Json::Int(st.max_reviews_per_day as i64)),
        ("maxIntervalDays".into(), Json::Int(st.max_interval_days as i64)),
        ("readinessTargetPercent".into(), pct(st.readiness_target)),
        ("rehearse".into(), Json::Bool(st.rehearse)),
        ("answerSeconds".into(), Json::Int(st.answer_seconds as i64)),
        ("speechToText".into(), Json::Bool(st.speech)),
        ("track".into(), st.track.map_or(Json::Null, |t| s(t.key()))),
    ]);
    Json::Obj(vec![
        ("app".into(), s("Second Round")),
        ("backupVersion".into(), Json::Int(BACKUP_VERSION)),
        ("exportedAt".into(), Json::Int(now_ms)),
        ("settings".into(), settings),
        ("interviews".into(), s(&interview::encode(&col.interviews))),
        ("suspended".into(), list(&col.suspended)),
        ("deletedBuiltIn".into(), Json::Arr(built_in.iter().filter(|b| col.card(&b.id).is_none()).map(|b| s(&b.id)).collect())),
        ("edited".into(), Json::Obj(col.edited.iter().map(|(id, at)| (id.clone(), Json::Int(*at))).collect())),
        ("cards".into(), Json::Arr(cards)),
        ("log".into(), Json::Arr(log)),
    ])
    .to_text()
}

/// A backup problem, named with where it is. (One shared function: a format! per message would
/// cost the bundle more than the messages.)
#[inline(never)]
fn bad(what: &str, problem: &str) -> String {
    format!("{what}: {problem}")
}

#[inline(never)]
fn bad_key(what: &str, key: &str, problem: &str) -> String {
    format!("{what}: \"{key}\" {problem}")
}

fn need<'a>(v: &'a Json, key: &str, what: &str) -> Result<&'a Json, String> {
    v.get(key).ok_or_else(|| bad_key(what, key, "is missing"))
}

fn text(v: &Json, key: &str, what: &str) -> Result<String, String> {
    need(v, key, what)?.as_str().map(str::to_string).ok_or_else(|| bad_key(&what, key, "must be text"))
}

fn int(v: &Json, key: &str, what: &str) -> Result<i64, String> {
    need(v, key, what)?.as_i64().ok_or_else(|| bad_key(&what, key, "must be a whole number"))
}

fn strings(v: &Json, key: &str, what: &str) -> Result<Vec<String>, String> {
    match v.get(key) {
        None => Ok(vec![]),
        Some(j) => j
            .as_array()
            .and_then(|items| items.iter().map(|i| i.as_str().map(str::to_string)).collect())
            .ok_or_else(|| bad_key(&what, key, "must be a list of texts")),
    }
}

fn float_bits(v: &Json, key: &str, what: &str) -> Result<f32, String> {
    let t = text(v, key, what)?;
    u32::from_str_radix(&t, 16)
        .ok()
        .filter(|_| t.len() <= 8)
        .map(f32::from_bits)
        .filter(|x| x.is_finite() && *x >= 0.0)
        .ok_or_else(|| bad_key(&what, key, "is not a valid number"))
}

/// Reads a backup file. Any problem is a message naming the card or entry; nothing is partly read.
pub fn read_backup(file: &str) -> Result<Backup, String> {
    let root = json::parse(file).map_err(|e| format!("line {}: {}", e.line, e.message))?;
    if root.get("app").and_then(Json::as_str) != Some("Second Round") {
        return Err("this is not a Second Round backup".into());
    }
    let version = int(&root, "backupVersion", "the backup")?;
    if version > BACKUP_VERSION {
        return Err(format!("this backup was made by a newer version of Second Round (format {version}); update the app to read it"));
    }
    let mut b = Backup {
        exported_at_ms: int(&root, "exportedAt", "the backup")?,
        cards: vec![],
        progress: HashMap::new(),
        log: vec![],
        settings: Settings::default(),
        interviews: vec![],
        suspended: strings(&root, "suspended", "the backup")?,
        deleted: strings(&root, "deletedBuiltIn", "the backup")?,
        edited: match root.get("edited") {
            None => None,
            Some(Json::Obj(pairs)) => Some(pairs.iter().map(|(id, at)| at.as_i64().map(|at| (id.clone(), at))).collect::<Option<_>>().ok_or("\"edited\" must give whole numbers")?),
            Some(_) => return Err("\"edited\" must be an object".into()),
        },
    };
    sort_by_key(&mut b.suspended, |s| s.clone());
    if let Some(st) = root.get("settings") {
        b.settings = read_settings(st)?;
    }
    if let Some(iv) = root.get("interviews") {
        let t = iv.as_str().ok_or("\"interviews\" must be text")?;
        b.interviews = interview::decode(t).map_err(|e| format!("the interviews: {e}"))?;
    }
    let cards = need(&root, "cards", "the backup")?.as_array().ok_or("\"cards\" must be a list")?;
    // (Maps keyed by text with a number, as the collection's own index is: one kind of map in the
    // bundle rather than several.)
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (i, c) in cards.iter().enumerate() {
        let what = format!("card {}", i + 1);
        let id = text(c, "id", &what)?;
        if id.is_empty() || id.len() > 64 || seen.insert(id.clone(), i).is_some() {
            return Err(bad(&what, "the id is empty, too long or used twice"));
        }
        let what = format!("card {id}");
        let card = read_card(c, id.clone(), &what)?;
        if let Some(p) = c.get("progress") {
            b.progress.insert(id, read_progress(p, &format!("{what}'s progress"))?);
        }
        b.cards.push(card);
    }
    let log = need(&root, "log", "the backup")?.as_array().ok_or("\"log\" must be a list")?;
    for (i, e) in log.iter().enumerate() {
        b.log.push(read_review(e, &format!("review {}", i + 1), &seen)?);
    }
    Ok(b)
}

fn read_settings(st: &Json) -> Result<Settings, String> {
    let w = "the settings";
    let d = Settings::default();
    let opt_int = |k: &str, default: i64| st.get(k).map_or(Ok(default), |_| int(st, k, w));
    let opt_bool = |k: &str, default: bool| st.get(k).map_or(Ok(default), |j| j.as_bool().ok_or_else(|| bad_key(w, k, "must be true or false")));
    let u = |n: i64| u32::try_from(n).map_err(|_| bad(w, "a value is out of range"));
    Ok(Settings {
        desired_retention: opt_int("desiredRetentionPercent", 90)? as f32 / 100.0,
        new_per_day: u(opt_int("newPerDay", d.new_per_day as i64)?)?,
        max_reviews_per_day: u(opt_int("maxReviewsPerDay", d.max_reviews_per_day as i64)?)?,
        max_interval_days: u(opt_int("maxIntervalDays", d.max_interval_days as i64)?)?,
        readiness_target: opt_int("readinessTargetPercent", 90)? as f32 / 100.0,
        rehearse: opt_bool("rehearse", d.rehearse)?,
        answer_seconds: u(opt_int("answerSeconds", d.answer_seconds as i64)?)?,
        speech: opt_bool("speechToText", d.speech)?,
        track: st.get("track").and_then(Json::as_str).and_then(Track::from_key),
    }
    .sanitised())
}

fn read_card(c: &Json, id: String, what: &str) -> Result<Card, String> {
    let theme_key = text(c, "theme", what)?;
    let theme = Theme::from_key(&theme_key).ok_or_else(|| format!("{what}: unknown theme \"{theme_key}\""))?;
    let synonyms = match c.get("synonyms") {
        None => vec![],
        Some(j) => j
            .as_array()
            .and_then(|pairs| {
                pairs
                    .iter()
                    .map(|p| match p.as_array() {
                        Some([a, b]) => Some((a.as_str()?.to_string(), b.as_str()?.to_string())),
                        _ => None,
                    })
                    .collect()
            })
            .ok_or_else(|| bad_key(what, "synonyms", "must be pairs of texts"))?,
    };
    let mut card = Card {
        id,
        theme,
        tags: strings(c, "tags", what)?,
        question: text(c, "question", what)?,
        answer: text(c, "answer", what)?,
        key_points: strings(c, "keyPoints", what)?,
        synonyms,
        ..Default::default()
    };
    card.read_extras(c).map_err(|e| bad(what, &e))?;
    if card.question.trim().is_empty() {
        return Err(bad(what, "the question is empty"));
    }
    Ok(card)
}

fn read_progress(p: &Json, w: &str) -> Result<Progress, String> {
    let phase = Phase::from_code(&text(p, "phase", w)?).ok_or_else(|| bad(w, "unknown phase"))?;
    let small = |k: &str| int(p, k, w).and_then(|n| u32::try_from(n).map_err(|_| bad_key(w, k, "is out of range")));
    Ok(Progress {
        phase,
        step: u8::try_from(int(p, "step", w)?).map_err(|_| bad_key(w, "step", "is out of range"))?,
        stability: float_bits(p, "stabilityBits", w)?,
        difficulty: float_bits(p, "difficultyBits", w)?,
        due_ms: int(p, "due", w)?,
        last_review_ms: match p.get("lastReview") {
            None | Some(Json::Null) => None,
            Some(_) => Some(int(p, "lastReview", w)?),
        },
        reps: small("reps")?,
        lapses: small("lapses")?,
    })
}

fn read_review(e: &Json, w: &str, cards: &HashMap<String, usize>) -> Result<LogEntry, String> {
    let card_id = text(e, "card", w)?;
    if !cards.contains_key(&card_id) {
        return Err(bad(w, "names a card the backup does not hold"));
    }
    let rating = u8::try_from(int(e, "rating", w)?).ok().and_then(Rating::from_u8).ok_or_else(|| bad(w, "the rating must be 1 to 4"))?;
    Ok(LogEntry {
        card_id,
        at_ms: int(e, "at", w)?,
        rating,
        phase_before: Phase::from_code(&text(e, "phaseBefore", w)?).ok_or_else(|| bad(w, "unknown phase"))?,
        duration_ms: u32::try_from(int(e, "durationMs", w)?).map_err(|_| bad(w, "the duration is out of range"))?.min(LogEntry::MAX_DURATION_MS),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::fixtures::studied;
    use super::super::preview::{apply_backup, restore};
    use crate::domain::merge::Choices;
    use crate::domain::clock::Clock;
    use crate::domain::deck;
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
        assert_eq!((out.cards_added, out.cards_updated, out.cards_deleted, out.reviews_added, out.settings_changed), (2, 1, 1, col.log.len(), true), "two cards of ones own");
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
        // A backup written before edits kept their moment restores the same.
        let old = read_backup(&file.replace(r#""edited":{"#, r#""x":{"#)).unwrap();
        assert_eq!(old.edited, None);
        let mut from_old = wiped.clone();
        apply_backup(&mut from_old, &old, &deck, Choices::for_device(&wiped));
        assert_eq!(from_old.cards, col.cards);
        // A backup from an app whose deck did not have a card yet leaves that card here.
        let mut older_deck = backup.clone();
        older_deck.cards.retain(|c| c.id != deck[20].id);
        let mut here = restored.clone();
        let out = apply_backup(&mut here, &older_deck, &deck, Choices::default());
        assert!(out.changes_nothing() && here.card(&deck[20].id).is_some(), "{out:?}");
    }

    #[test]
    fn a_damaged_or_foreign_backup_is_refused_with_a_reason() {
        let text = write_backup(&studied(), &deck::built_in(), 1);
        assert!(read_backup(&text.replace("Second Round", "Other")).unwrap_err().contains("not a Second Round backup"));
        assert!(read_backup(&text.replace("\"backupVersion\":1", "\"backupVersion\":9")).unwrap_err().contains("newer version"));
        assert!(read_backup(&text.replace("\"rating\":1", "\"rating\":7")).unwrap_err().contains("rating must be 1 to 4"));
        assert!(read_backup(&text[..text.len() / 2]).unwrap_err().starts_with("line 1"));
        assert!(read_backup("{\"app\":\"Second Round\",\"backupVersion\":1,\"exportedAt\":0,\"cards\":[{\"id\":\"a\"}],\"log\":[]}").unwrap_err().contains("card a: \"theme\" is missing"));
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
}
