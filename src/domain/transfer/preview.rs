//! What an import would do (added, updated, skipped) before anything changes, and applying it once
//! the person confirms.

use super::backup::Backup;
use super::{normalise, Incoming, LineError, Media, Parsed};
use crate::domain::card::Card;
use crate::domain::collection::Collection;
use crate::domain::merge::{self, Choices, Outcome};
use std::collections::HashMap;

/// What an import would do, shown before the person confirms.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Preview {
    /// New cards, in file order.
    pub add: Vec<Card>,
    /// Cards whose id (a backup's id or an Anki GUID seen before) is already in the collection.
    pub update: Vec<Card>,
    /// Duplicates by question text (of a card already there, or earlier in the file).
    pub skipped: usize,
    pub errors: Vec<LineError>,
    /// Pictures and sounds the file refers to, left out.
    pub media: Media,
    /// The first cards as read (line, question, answer), so the person sees the file was understood.
    pub first: Vec<(usize, String, String)>,
}

/// How many cards the preview shows as read.
pub const FIRST_ROWS: usize = 3;

/// Compares what a file holds with the collection. Nothing changes until `apply`.
pub fn preview(col: &Collection, parsed: Parsed) -> Preview {
    let first = parsed.cards.iter().take(FIRST_ROWS).map(|i| (i.line, i.card.question.clone(), i.card.answer.clone())).collect();
    let mut out = Preview { errors: parsed.errors, media: parsed.media, first, ..Preview::default() };
    let text_only = parsed.text_only;
    let mut questions: HashMap<String, usize> = col.cards.iter().map(|c| (normalise(&c.question), 0)).collect();
    for incoming in parsed.cards {
        let mut card = incoming.card;
        if let Some(mine) = incoming.id.and_then(|id| col.card(&id)) {
            if text_only {
                // A text file carries a card's text, key points, tags and theme: the rest stays.
                card = Card {
                    id: mine.id.clone(),
                    theme: card.theme,
                    tags: card.tags,
                    question: card.question,
                    answer: card.answer,
                    key_points: card.key_points,
                    ..mine.clone()
                };
            }
            card.id = mine.id.clone();
            if mine != &card {
                out.update.push(card);
            } else {
                out.skipped += 1;
            }
            continue;
        }
        if questions.insert(normalise(&card.question), 0).is_some() {
            out.skipped += 1;
            continue;
        }
        while col.card(&card.id).is_some() || out.add.iter().any(|c| c.id == card.id) {
            card.id = format!("{}x", card.id);
        }
        out.add.push(card);
    }
    out
}

/// Applies a confirmed preview: updated cards keep their progress, new cards start new;
/// interviews, suspensions and edit moments stay.
pub fn apply(col: &mut Collection, preview: &Preview) {
    let mut cards = col.cards.clone();
    for u in &preview.update {
        if let Some(c) = cards.iter_mut().find(|c| c.id == u.id) {
            *c = u.clone();
        }
    }
    cards.extend(preview.add.iter().cloned());
    let mut rebuilt = Collection::new(cards, std::mem::take(&mut col.progress), std::mem::take(&mut col.log), col.settings);
    rebuilt.interviews = std::mem::take(&mut col.interviews);
    rebuilt.suspended = std::mem::take(&mut col.suspended);
    rebuilt.edited = std::mem::take(&mut col.edited);
    *col = rebuilt;
}

/// The cards of a backup, as an import reads them (matched by id).
pub fn backup_cards(backup: &Backup) -> Parsed {
    Parsed {
        cards: backup.cards.iter().enumerate().map(|(i, c)| Incoming { line: i + 1, id: Some(c.id.clone()), card: c.clone() }).collect(),
        ..Parsed::default()
    }
}

/// The collection a backup holds, as a merge reads it (`merge::merge`): its cards, schedules,
/// review log, settings, interviews, suspensions and edit moments, plus every built-in card of
/// this app's deck that it neither holds nor deleted (a backup from an app with an older deck), as
/// the deck has it. A backup written before edits kept their moment counts each card whose text is
/// not this deck's, and each deleted built-in card, as edited at an unknown, oldest moment.
pub fn backup_collection(backup: &Backup, built_in: &[Card]) -> Collection {
    let mut col = restore(backup.clone());
    for b in built_in {
        if col.card(&b.id).is_none() && !backup.deleted.contains(&b.id) {
            col.put_card(b.clone());
        }
    }
    col.edited = match &backup.edited {
        Some(edited) => edited.clone(),
        None => {
            let differs = |c: &&Card| built_in.iter().find(|b| b.id == c.id) != Some(*c);
            backup.cards.iter().filter(differs).map(|c| &c.id).chain(&backup.deleted).map(|id| (id.clone(), 0)).collect()
        }
    };
    col
}

/// Imports a confirmed backup: merged into the collection (`merge::merge`), its settings and
/// interviews where chosen. Returns what changed.
pub fn apply_backup(col: &mut Collection, backup: &Backup, built_in: &[Card], choices: Choices) -> Outcome {
    merge::merge(col, &backup_collection(backup, built_in), built_in, choices)
}

/// The collection a backup restores: its cards, schedule, log, settings and interviews, exactly.
pub fn restore(backup: Backup) -> Collection {
    let mut col = Collection::new(backup.cards, backup.progress, backup.log, backup.settings);
    col.interviews = backup.interviews;
    col.suspended = backup.suspended;
    col.edited = backup.edited.unwrap_or_default();
    col
}

#[cfg(test)]
mod tests {
    use super::super::own_id;
    use super::*;
    use crate::domain::card::Progress;
    use crate::domain::collection::Settings;
    use crate::domain::deck;

    #[test]
    fn the_import_preview_adds_updates_and_skips() {
        let mut col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        let first = col.cards[0].clone();
        let mut edited = first.clone();
        edited.answer = "My own version.".into();
        let parsed = Parsed {
            cards: vec![
                Incoming { line: 1, id: Some(first.id.clone()), card: edited.clone() },
                Incoming { line: 2, id: None, card: Card { question: first.question.to_uppercase(), ..first.clone() } },
                Incoming { line: 3, id: None, card: Card { id: own_id("New one?"), question: "New one?".into(), ..first.clone() } },
                Incoming { line: 4, id: None, card: Card { id: own_id("new ONE"), question: "new ONE".into(), ..first.clone() } },
            ],
            errors: vec![LineError { line: 5, message: "x".into() }],
            media: Media { pictures: 2, sounds: 1 },
            text_only: false,
        };
        let p = preview(&col, parsed);
        assert_eq!((p.add.len(), p.update.len(), p.skipped, p.errors.len()), (1, 1, 2, 1));
        assert_eq!(p.media.sentence().unwrap(), "2 pictures and 1 sound were left out: Second Round shows text only.");
        assert_eq!(p.first.len(), FIRST_ROWS);
        assert_eq!((p.first[2].0, p.first[2].1.as_str()), (3, "New one?"), "the first rows as read, skipped or not");
        let before = col.cards.len();
        col.progress.insert(first.id.clone(), Progress { reps: 3, ..Progress::default() });
        col.set_suspended(&col.cards[5].id.clone(), true);
        apply(&mut col, &p);
        assert_eq!(col.suspended, vec![col.cards[5].id.clone()], "suspensions stay");
        assert_eq!(col.cards.len(), before + 1);
        assert_eq!(col.card(&first.id).unwrap().answer, "My own version.");
        assert_eq!(col.progress_of(&first.id).reps, 3, "an update keeps the schedule");
        assert!(col.card(&own_id("New one?")).is_some());
    }

    #[test]
    fn our_anki_export_imported_again_changes_nothing() {
        let col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        assert!(col.cards.iter().any(|c| !c.synonyms.is_empty()), "the deck has what the Anki file does not carry");
        let p = preview(&col, super::super::read_anki(&super::super::write_anki(&col.cards)));
        assert_eq!((p.add.len(), p.update.len(), p.skipped), (0, 0, col.cards.len()));
        let mut edited = col.cards.clone();
        let i = edited.iter().position(|c| !c.synonyms.is_empty()).unwrap();
        edited[i].answer = "Edited in Anki.".into();
        let p = preview(&col, super::super::read_anki(&super::super::write_anki(&edited)));
        assert_eq!((p.update.len(), p.skipped), (1, col.cards.len() - 1));
        assert_eq!(
            (p.update[0].answer.as_str(), &p.update[0].synonyms),
            ("Edited in Anki.", &col.cards[i].synonyms),
            "what the file does not carry is kept"
        );
    }
}
