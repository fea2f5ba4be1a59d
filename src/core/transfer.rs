//! Moving cards in and out: an import read, previewed and applied all or nothing; a backup merged;
//! the export files built.

use super::forms;
use super::transact::{Changes, Op, Write};
use super::{AppState, BackupImport, Effect, Export, Pending};
use crate::domain::kit::date::Date;
use crate::domain::merge::{self, Choices};
use crate::domain::transfer::{self, Preview};
use std::rc::Rc;

impl AppState {
    pub(super) fn read_import(&mut self, name: String, text: String) {
        self.import = None;
        self.import_error = None;
        match transfer::read(&name, &text) {
            Ok(read) => {
                let col = self.col();
                let backup = read.backup.map(|b| {
                    let theirs = transfer::backup_collection(&b, &self.built_in);
                    let choices = Choices::for_device(&col);
                    let kit_merged = self.kit.clone().merge(&b.kit);
                    BackupImport {
                        outcome: merge::preview(&col, &theirs, &self.built_in, choices),
                        offers: merge::offers(&col, &theirs),
                        theirs,
                        choices,
                        kit: b.kit,
                        kit_merged,
                        mocks: b.mocks.clone(),
                    }
                });
                let preview = if backup.is_some() { Preview::default() } else { transfer::preview(&col, read.parsed) };
                drop(col);
                if let Some(s) = &read.separators {
                    forms::quizlet::choose(&mut self.draft.borrow_mut(), s);
                }
                let quizlet = read.separators.map(|_| Rc::from(text.as_str()));
                self.import = Some(Rc::new(Pending { name, preview, backup, quizlet }));
            }
            Err(why) => self.import_error = Some(why),
        }
    }

    /// Quizlet's export read again with the separators now chosen.
    pub(super) fn reread_quizlet(&mut self) {
        let Some(p) = self.import.clone() else { return };
        let Some(text) = p.quizlet.clone() else { return };
        let parsed = transfer::read_quizlet(&text, &forms::quizlet::separators(&self.draft.borrow()));
        let preview = transfer::preview(&self.col(), parsed);
        self.import = Some(Rc::new(Pending { name: p.name.clone(), preview, backup: None, quizlet: Some(text) }));
    }

    /// A backup's settings or interviews ticked or unticked: what the merge does is worked out again.
    pub(super) fn choose(&mut self, choices: Choices) {
        let Some(pending) = self.import.take() else { return };
        let mut pending = Rc::unwrap_or_clone(pending);
        if let Some(b) = &mut pending.backup {
            b.choices = choices;
            b.outcome = merge::preview(&self.col(), &b.theirs, &self.built_in, choices);
        }
        self.import = Some(Rc::new(pending));
    }

    /// Builds the file when asked (not at every render: a collection can hold thousands of cards).
    pub(super) fn export(&mut self, kind: Export) {
        let offset = self.clock.utc_offset_min as i64 * crate::domain::clock::MINUTE_MS;
        let today = Date::from_days((self.clock.now_ms + offset).div_euclid(crate::domain::clock::DAY_MS));
        let day = format!("{}-{:02}-{:02}", today.year, today.month, today.day);
        let json = "application/json";
        let effect = {
            let col = self.col();
            match kind {
                Export::Unreadable => {
                    let copies = self.store.borrow().kept_aside();
                    let text = crate::store::records::to_json(&copies.into_iter().collect::<std::collections::BTreeMap<_, _>>());
                    Effect::Download { name: format!("second-round-unreadable-{day}.json"), mime: json, text }
                }
                Export::Anki => Effect::Download {
                    name: format!("second-round-cards-{day}.txt"),
                    mime: "text/plain",
                    text: transfer::write_anki(&col.cards),
                },
                Export::Csv => Effect::Download {
                    name: format!("second-round-cards-{day}.csv"),
                    mime: "text/csv",
                    text: transfer::write_csv(&col.cards),
                },
                Export::Backup | Export::ShareBackup => {
                    let name = format!("second-round-backup-{day}.json");
                    let text = transfer::backup::write_backup_with(&col, &self.kit, &self.mock.history, &self.built_in, self.clock.now_ms);
                    if kind == Export::Backup {
                        Effect::Download { name, mime: json, text }
                    } else {
                        Effect::Share { name, mime: json, text }
                    }
                }
            }
        };
        self.effects.push(effect);
    }

    pub(super) fn confirm_import(&mut self) {
        let Some(pending) = self.import.take() else { return };
        let now = self.clock.now_ms;
        let built_in = self.built_in.clone();
        let mut done = String::new();
        let saved = self.transact(Op::Import, |col| {
            done = match &pending.backup {
                Some(b) => {
                    let summary = merge::merge(col, &b.theirs, &built_in, b.choices).summary();
                    match b.kit_merged.sentence() {
                        Some(kit) => format!("{summary} {kit}").trim().to_string(),
                        None => summary,
                    }
                }
                None => {
                    let p = &pending.preview;
                    transfer::apply(col, p);
                    // Text written on this device now: it wins over an older edit elsewhere.
                    for c in p.add.iter().chain(&p.update) {
                        col.set_edited(&c.id, now);
                    }
                    format!("{} added, {} updated, {} skipped.", p.add.len(), p.update.len(), p.skipped)
                }
            };
            Changes::writing(vec![Write::Everything])
        });
        match saved {
            Ok(()) => {
                if let Some(b) = &pending.backup {
                    self.merge_kit(&b.kit);
                    self.merge_mocks(&b.mocks);
                }
                self.say(format!("Imported from {}: {done}", pending.name), None);
                let rehearse = self.col().settings.rehearse;
                self.rehearse = rehearse;
            }
            // All or nothing: the collection is as it was, and so is storage.
            Err(why) => self.import_error = Some(format!("The import could not be saved ({why}). Nothing was changed.")),
        }
    }
}
