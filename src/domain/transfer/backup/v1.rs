//! Reading a backup of version 1 (written by schema 1 and 2 apps): cards with their text under
//! long names and a readable `progress`, the review log as one list naming each review's card,
//! interviews as lines of text. Read whole or refused with a reason, as it always was.

use super::{check_id, Backup};
use crate::domain::card::{Card, Phase, Progress, Rating, Theme};
use crate::domain::collection::LogEntry;
use crate::store::records::{SettingsRecord, TrackText};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct File {
    exported_at: i64,
    #[serde(default)]
    settings: SettingsRecord,
    #[serde(default)]
    interviews: String,
    #[serde(default)]
    suspended: Vec<String>,
    #[serde(default)]
    deleted_built_in: Vec<String>,
    edited: Option<BTreeMap<String, i64>>,
    cards: Vec<CardV1>,
    log: Vec<ReviewV1>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CardV1 {
    id: String,
    theme: String,
    #[serde(default)]
    tags: Vec<String>,
    question: String,
    answer: String,
    #[serde(default)]
    key_points: Vec<String>,
    #[serde(default)]
    synonyms: Vec<(String, String)>,
    #[serde(default)]
    why: String,
    #[serde(default)]
    avoid: String,
    #[serde(default)]
    probes: Vec<String>,
    #[serde(default)]
    tracks: Vec<TrackText>,
    retired: Option<String>,
    progress: Option<ProgressV1>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ProgressV1 {
    phase: String,
    step: u8,
    stability_bits: String,
    difficulty_bits: String,
    due: i64,
    last_review: Option<i64>,
    reps: u32,
    lapses: u32,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ReviewV1 {
    card: String,
    at: i64,
    rating: u8,
    phase_before: String,
    duration_ms: u32,
}

fn bits(text: &str, what: &str) -> Result<f32, String> {
    u32::from_str_radix(text, 16)
        .ok()
        .filter(|_| text.len() <= 8)
        .map(f32::from_bits)
        .filter(|x| x.is_finite() && *x >= 0.0)
        .ok_or_else(|| format!("{what} is not a valid number"))
}

fn progress(p: &ProgressV1, what: &str) -> Result<Progress, String> {
    Ok(Progress {
        phase: Phase::from_code(&p.phase).ok_or_else(|| format!("{what}: unknown phase"))?,
        step: p.step,
        stability: bits(&p.stability_bits, what)?,
        difficulty: bits(&p.difficulty_bits, what)?,
        due_ms: p.due,
        last_review_ms: p.last_review,
        reps: p.reps,
        lapses: p.lapses,
    })
}

pub fn read(text: &str) -> Result<Backup, String> {
    let file: File = serde_json::from_str(text).map_err(super::located)?;
    let interviews = crate::store::legacy::interviews(&file.interviews).map_err(|e| format!("the interviews: {e}"))?;
    let mut b = Backup {
        deleted: file.deleted_built_in,
        edited: file.edited.map(|e| e.into_iter().collect()),
        ..Backup::of(file.exported_at, file.settings.settings(), interviews, file.suspended)
    };
    let mut seen = HashMap::new();
    for (i, c) in file.cards.into_iter().enumerate() {
        check_id(&c.id, &mut seen, i)?;
        let what = format!("card {}", c.id);
        let theme = Theme::from_key(&c.theme).ok_or_else(|| format!("{what}: unknown theme \"{}\"", c.theme))?;
        if c.question.trim().is_empty() {
            return Err(format!("{what}: the question is empty"));
        }
        if let Some(p) = &c.progress {
            b.progress.insert(c.id.clone(), progress(p, &format!("{what}'s progress"))?);
        }
        b.cards.push(Card {
            id: c.id,
            theme,
            tags: c.tags,
            question: c.question,
            answer: c.answer,
            key_points: c.key_points,
            synonyms: c.synonyms,
            why: c.why,
            avoid: c.avoid,
            probes: c.probes,
            variants: c
                .tracks
                .into_iter()
                .map(|t| crate::domain::card::Variant { track: t.track, answer: t.answer, key_points: t.key_points })
                .collect(),
            retired: c.retired,
        });
    }
    for (i, e) in file.log.into_iter().enumerate() {
        let what = format!("review {}", i + 1);
        if !seen.contains_key(&e.card) {
            return Err(format!("{what}: names a card the backup does not hold"));
        }
        b.log.push(LogEntry {
            card_id: e.card,
            at_ms: e.at,
            rating: Rating::from_u8(e.rating).ok_or_else(|| format!("{what}: the rating must be 1 to 4"))?,
            phase_before: Phase::from_code(&e.phase_before).ok_or_else(|| format!("{what}: unknown phase"))?,
            duration_ms: e.duration_ms.min(LogEntry::MAX_DURATION_MS),
        });
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::super::read_backup;
    use crate::domain::card::Theme;

    fn fixture() -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/backup/v1.json")).unwrap()
    }

    #[test]
    fn a_version_1_backup_reads_whole() {
        let b = read_backup(&fixture()).unwrap();
        assert_eq!((b.cards.len(), b.progress.len(), b.log.len()), (12, 6, 13));
        assert_eq!((b.deleted.as_slice(), b.suspended.as_slice()), (&["plan-11".to_string()][..], &["plan-03".to_string()][..]));
        assert_eq!(b.cards[0].question, "My own wording of it?");
        assert_eq!(b.cards.last().map(|c| (c.id.as_str(), c.answer.as_str())), Some(("own-0a1b2c3d4e5f", "Line one\n\"two\"\t<b>")));
        assert_eq!(
            (b.interviews[0].company.as_str(), b.interviews[0].themes.as_slice()),
            ("Northwind", &[Theme::SellYourself, Theme::Tricky][..])
        );
        assert_eq!((b.settings.answer_seconds, b.settings.new_per_day, b.settings.rehearse), (75, 7, true));
        let mut edited = b.edited.clone().unwrap();
        edited.sort();
        assert_eq!(
            edited,
            vec![
                ("own-0a1b2c3d4e5f".to_string(), 0),
                ("plan-01".to_string(), 1_795_650_000_001),
                ("plan-11".to_string(), 1_795_650_000_000)
            ]
        );
        assert!(b.log.windows(2).all(|w| w[0].at_ms <= w[1].at_ms));
        // Written before edits kept their moment (no "edited"): read, with no moments.
        let older = fixture().replace("\"edited\":", "\"x\":");
        assert_eq!(read_backup(&older).unwrap().edited, None);
    }

    #[test]
    fn a_version_1_backup_restores_into_a_wiped_app() {
        use crate::domain::{collection::Settings, deck, merge::Choices, Collection};
        let deck: Vec<crate::domain::Card> = deck::built_in().into_iter().take(12).collect();
        let b = read_backup(&fixture()).unwrap();
        let wiped = Collection::new(deck.clone(), Default::default(), vec![], Settings::default());
        let mut restored = wiped.clone();
        let out = super::super::super::preview::apply_backup(&mut restored, &b, &deck, Choices::for_device(&wiped));
        assert_eq!((out.cards_added, out.cards_updated, out.cards_deleted, out.reviews_added), (1, 1, 1, 13));
        assert_eq!((&restored.progress, &restored.log, &restored.suspended), (&b.progress, &b.log, &b.suspended));
        assert_eq!(restored.card("plan-01").map(|c| c.question.as_str()), Some("My own wording of it?"));
        assert!(restored.card("plan-11").is_none());
        // Written again, it is a version 2 backup that reads as the same collection.
        let again = read_backup(&super::super::write_backup(&restored, &deck, 5)).unwrap();
        assert_eq!((&again.progress, &again.log, &again.deleted), (&b.progress, &b.log, &b.deleted));
        assert_eq!(again.cards, restored.cards);
    }

    #[test]
    fn a_damaged_version_1_backup_is_refused_with_a_reason() {
        let text = fixture();
        assert!(read_backup(&text.replace("\"rating\": 1", "\"rating\": 7")).unwrap_err().contains("rating must be 1 to 4"));
        assert!(read_backup(&text.replace("\"theme\": \"plan\"", "\"theme\": \"nowhere\""))
            .unwrap_err()
            .contains("unknown theme \"nowhere\""));
        assert!(read_backup(&text.replacen("\"card\": \"plan-01\"", "\"card\": \"ghost\"", 1))
            .unwrap_err()
            .contains("names a card the backup does not hold"));
        assert!(read_backup(r#"{"app":"Second Round","backupVersion":1,"exportedAt":0,"cards":[{"id":"a"}],"log":[]}"#)
            .unwrap_err()
            .contains("missing field `theme`"));
    }
}
