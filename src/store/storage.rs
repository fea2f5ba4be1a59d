//! How the app keeps its records, over any key-value storage: the browser's local storage
//! (`local.rs`) or the in-memory one of the tests (`memory.rs`). Every write the app makes is here
//! (a grade, an undo, a card's text, settings, an import all or nothing); the record layout is
//! `schema`'s. Nothing here touches the browser.

use super::schema::{self, External, Key, Loaded, Step, Writes};
use crate::domain::{Card, Collection, LogEntry, Progress, Settings};

/// A key-value storage: what the app needs of `window.localStorage`. A refused write returns
/// why, in words for the person.
pub trait Storage {
    fn get(&self, key: &str) -> Option<String>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&mut self, key: &str) -> Result<(), String>;
    /// The names of every key stored.
    fn keys(&self) -> Vec<String>;
}

/// Why saving is not happening, for the banner.
#[derive(Debug, Clone, PartialEq)]
pub enum Health {
    Saving,
    Unavailable,
    NewerVersion,
}

/// What the browser says about keeping this site's data, and how much of it is ours.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StorageReport {
    /// `None` where the browser does not say (no `navigator.storage`).
    pub persisted: Option<bool>,
    /// Bytes this site uses in all (offline copy of the app included), and may use.
    pub usage: Option<f64>,
    pub quota: Option<f64>,
    /// Bytes of local storage held by the app's own keys (UTF-16, as browsers count them).
    pub progress_bytes: usize,
}

/// The app's records over a storage (none: storage is unavailable, and nothing is saved).
pub struct Store {
    storage: Option<Box<dyn Storage>>,
    /// Data from a newer version: never written over.
    read_only: bool,
}

impl Store {
    /// A store over `storage` that only reads (another tab's records, looked at).
    pub fn reading(storage: Box<dyn Storage>) -> Store {
        Store { storage: Some(storage), read_only: true }
    }

    /// Opens storage, decodes everything the app owns, and migrates what an older version wrote
    /// (as far as storage lets it: the rest at a later start).
    pub fn open(storage: Option<Box<dyn Storage>>) -> (Store, Loaded) {
        let Some(storage) = storage else {
            return (Store { storage: None, read_only: false }, Loaded::default());
        };
        let entries: Vec<(String, String)> = storage
            .keys()
            .into_iter()
            .filter(|name| name.starts_with(schema::PREFIX))
            .filter_map(|name| storage.get(&name).map(|value| (name, value)))
            .collect();
        let loaded = schema::decode(entries);
        let mut store = Store { storage: Some(storage), read_only: loaded.newer };
        if !store.read_only {
            // Keep the raw text of anything unreadable aside before anything could overwrite it.
            for u in &loaded.unreadable {
                if !loaded.kept_aside.contains(&u.key) {
                    if let Some(value) = store.get_name(&u.key) {
                        let _ = store.set(&Key::Unreadable(u.key.clone()).name(), &value);
                    }
                }
            }
            for step in schema::migration(&loaded) {
                let done = match step {
                    Step::Set(key, value) => store.set(&key.name(), &value),
                    Step::Remove(key) => store.remove(&key.name()),
                };
                if done.is_err() {
                    break;
                }
            }
        }
        (store, loaded)
    }

    /// Writes (or, with `None`, removes) one of the mock interview's records (`Key::Mock`,
    /// `MockSettings`, `Mocks`).
    pub fn save_mock(&mut self, key: Key, value: Option<&str>) -> Result<(), String> {
        let name = key.name();
        match value {
            Some(v) => self.set(&name, v),
            None if self.get_name(&name).is_none() => Ok(()),
            None => self.remove(&name),
        }
    }

    pub fn health(&self) -> Health {
        if self.storage.is_none() {
            Health::Unavailable
        } else if self.read_only {
            Health::NewerVersion
        } else {
            Health::Saving
        }
    }

    fn writable(&mut self) -> Result<&mut Box<dyn Storage>, String> {
        match (&mut self.storage, self.read_only) {
            (None, _) => Err("local storage is not available".into()),
            (Some(_), true) => Err("the saved data belongs to a newer version of the app".into()),
            (Some(s), false) => Ok(s),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.writable()?.set(key, value)
    }

    fn remove(&mut self, key: &str) -> Result<(), String> {
        self.writable()?.remove(key)
    }

    fn get_name(&self, name: &str) -> Option<String> {
        self.storage.as_ref()?.get(name)
    }

    fn get(&self, key: &Key) -> Option<String> {
        self.get_name(&key.name())
    }

    fn write(&mut self, writes: Writes) -> Result<(), String> {
        writes.into_iter().try_for_each(|(k, v)| self.set(&k.name(), &v))
    }

    /// The first number of a card's older-reviews records that is not stored.
    fn next_older(&self, id: &str) -> u32 {
        (0..).find(|n| self.get(&Key::Older(id.to_string(), *n)).is_none()).unwrap_or(0)
    }

    /// Saves one grade: the review and the card's new schedule, in the card's record as it is
    /// stored now (another tab's reviews in it stay). One write, or two when the card's oldest
    /// reviews move to a record of their own.
    pub fn save_review(&mut self, entry: &LogEntry, progress: &Progress) -> Result<(), String> {
        self.writable()?;
        let stored = self.get(&Key::Card(entry.card_id.clone()));
        let writes = schema::record_review(stored.as_deref(), self.next_older(&entry.card_id), entry, progress);
        self.write(writes)
    }

    /// Saves an undo: the card's schedule as it now is (`None`: new again), and — when the review
    /// reached storage (`stored`) — exactly that review (its card and moment) taken out of the
    /// record that holds it, as stored now: another tab's reviews stay.
    pub fn save_undo(&mut self, card_id: &str, at_ms: i64, state: Option<&Progress>, stored: bool) -> Result<(), String> {
        if stored {
            let card = Key::Card(card_id.to_string());
            let older = (0..self.next_older(card_id)).rev().map(|n| Key::Older(card_id.to_string(), n));
            for key in std::iter::once(card).chain(older) {
                let Some(value) = self.get(&key) else { continue };
                match schema::without_review(&value, at_ms) {
                    None => continue,
                    Some(Some(rest)) => self.set(&key.name(), &rest)?,
                    Some(None) => self.remove(&key.name())?,
                }
                break;
            }
        }
        self.save_progress(card_id, state)
    }

    /// Whether any record of the card holds its review at `at_ms`.
    pub fn holds_review(&self, card_id: &str, at_ms: i64) -> bool {
        let older = (0..self.next_older(card_id)).map(|n| Key::Older(card_id.to_string(), n));
        std::iter::once(Key::Card(card_id.to_string()))
            .chain(older)
            .any(|k| self.get(&k).is_some_and(|v| schema::without_review(&v, at_ms).is_some()))
    }

    /// What another tab's writes mean here, in the order it made them: each key with its value
    /// before and after (`None`: absent). Reviews that left a card's record and are in none of its
    /// records now (the other tab took them back) come last, as `External::Unlogged`; those that
    /// moved to an older-reviews record are still stored and stay.
    pub fn other_tab(&self, writes: &[(String, Option<String>, Option<String>)]) -> Vec<External> {
        let mut changes = Vec::new();
        let mut left = Vec::new();
        for (key, old, new) in writes {
            let (c, l) = schema::external(key, old.as_deref(), new.as_deref());
            changes.extend(c);
            left.extend(l);
        }
        let gone: Vec<LogEntry> = left.into_iter().filter(|e| !self.holds_review(&e.card_id, e.at_ms)).collect();
        if !gone.is_empty() {
            changes.push(External::Unlogged(gone));
        }
        changes
    }

    /// Everything kept aside because it could not be read: the original key and its raw text.
    pub fn kept_aside(&self) -> Vec<(String, String)> {
        let Some(storage) = &self.storage else { return Vec::new() };
        storage
            .keys()
            .into_iter()
            .filter_map(|k| match Key::parse(&k) {
                Some(Key::Unreadable(original)) => storage.get(&k).map(|v| (original, v)),
                _ => None,
            })
            .collect()
    }

    /// Bytes of storage held by the app's own keys (UTF-16, as browsers count them).
    pub fn own_bytes(&self) -> usize {
        let Some(storage) = &self.storage else { return 0 };
        storage
            .keys()
            .into_iter()
            .filter(|k| k.starts_with(schema::PREFIX))
            .map(|k| (k.len() + storage.get(&k).map_or(0, |v| v.len())) * 2)
            .sum()
    }

    pub fn save_interviews(&mut self, list: &[crate::domain::interview::Interview]) -> Result<(), String> {
        self.set(&Key::Interviews.name(), &schema::interviews_value(list))
    }

    /// Saves one of the person's stories (a deleted one too: its record says so).
    pub fn save_story(&mut self, story: &crate::domain::kit::Story) -> Result<(), String> {
        self.set(&Key::Story(story.id.clone()).name(), &schema::story_value(story))
    }

    /// Saves what is kept for one interview.
    pub fn save_round(&mut self, round: &crate::domain::kit::Round) -> Result<(), String> {
        self.set(&Key::Round(round.key()).name(), &schema::round_value(round))
    }

    /// Removes what was kept for one interview (by `kit::round::interview_key`).
    pub fn remove_round(&mut self, key: &str) -> Result<(), String> {
        self.remove(&Key::Round(key.to_string()).name())
    }

    /// Saves a card's text (one of the person's own, or an edited built-in card), edited at
    /// `edited` (ms).
    pub fn save_card(&mut self, card: &Card, order: usize, edited: i64) -> Result<(), String> {
        self.set(&Key::Own(card.id.clone()).name(), &schema::card_text_value(card, order as i64, edited))
    }

    /// Deletes a card and its schedule (its reviews stay in the history); a built-in card is
    /// remembered as deleted, so a later version of the deck does not bring it back.
    pub fn delete_card(&mut self, id: &str, built_in: bool, at_ms: i64) -> Result<(), String> {
        let own = Key::Own(id.to_string()).name();
        if built_in {
            self.set(&own, &schema::deleted_value(at_ms))?;
        } else {
            self.remove(&own)?;
        }
        self.save_progress(id, None)
    }

    /// Saves a card's schedule (none when the card is new), keeping its reviews.
    pub fn save_progress(&mut self, id: &str, progress: Option<&Progress>) -> Result<(), String> {
        self.writable()?;
        let key = Key::Card(id.to_string());
        let stored = self.get(&key);
        match schema::with_schedule(stored.as_deref(), progress) {
            Some(value) => self.set(&key.name(), &value),
            None if stored.is_some() => self.remove(&key.name()),
            None => Ok(()),
        }
    }

    pub fn save_suspended(&mut self, ids: &[String]) -> Result<(), String> {
        if ids.is_empty() {
            self.remove(&Key::Suspended.name())
        } else {
            self.set(&Key::Suspended.name(), &schema::suspended_value(ids))
        }
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), String> {
        self.set(&Key::Settings.name(), &schema::settings_value(settings))
    }

    /// Writes the whole collection (after an import or a restore): every card's text that differs
    /// from the built-in deck, deletions, each card's schedule and reviews, settings, interviews
    /// and suspensions; keys no longer needed are removed. All or nothing: if a write is refused,
    /// what was written is taken back (new keys out first, which makes room, then the values
    /// changed put back) and the reason is returned. Values are written before anything is
    /// removed, so a refusal never needs a removed value written again; unchanged ones are not
    /// written at all.
    pub fn replace_all(&mut self, col: &Collection, built_in: &[Card]) -> Result<(), String> {
        let storage = self.writable()?;
        let wanted = whole_collection(col, built_in);
        // What is there now (the interview kit, the mock interviews and what was kept aside are
        // not the import's to change).
        let before: std::collections::HashMap<String, String> = storage
            .keys()
            .into_iter()
            .filter(|k| Key::parse(k).is_some_and(|k| !schema::kept_by_import(&k)))
            .filter_map(|k| storage.get(&k).map(|v| (k, v)))
            .collect();
        let mut written: Vec<&str> = Vec::new();
        for (k, v) in wanted.iter().filter(|(k, v)| before.get(k) != Some(v)) {
            if let Err(why) = storage.set(k, v) {
                for k in written.iter().filter(|k| !before.contains_key(**k)) {
                    let _ = storage.remove(k);
                }
                for k in written.iter().filter(|k| before.contains_key(**k)) {
                    let _ = storage.set(k, &before[*k]);
                }
                return Err(why);
            }
            written.push(k);
        }
        let unwanted = before.keys().filter(|k| !wanted.iter().any(|(w, _)| w == *k));
        unwanted.map(|k| k.to_string()).collect::<Vec<_>>().iter().try_for_each(|k| storage.remove(k))
    }
}

/// Every key the collection needs, with its value. Keys that would hold nothing (default settings,
/// no interviews, nothing suspended) are left out, as the app leaves them out until first needed.
fn whole_collection(col: &Collection, built_in: &[Card]) -> Vec<(String, String)> {
    let mut wanted: Vec<(String, String)> = vec![(Key::Meta.name(), schema::meta_value())];
    if col.settings != Settings::default() {
        wanted.push((Key::Settings.name(), schema::settings_value(&col.settings)));
    }
    if !col.interviews.is_empty() {
        wanted.push((Key::Interviews.name(), schema::interviews_value(&col.interviews)));
    }
    if !col.suspended.is_empty() {
        wanted.push((Key::Suspended.name(), schema::suspended_value(&col.suspended)));
    }
    for (i, card) in col.cards.iter().enumerate() {
        let edited = col.edited_at(&card.id);
        if edited.is_some() || built_in.iter().find(|b| b.id == card.id) != Some(card) {
            wanted.push((Key::Own(card.id.clone()).name(), schema::card_text_value(card, i as i64, edited.unwrap_or(0))));
        }
    }
    for b in built_in.iter().filter(|b| col.card(&b.id).is_none()) {
        wanted.push((Key::Own(b.id.clone()).name(), schema::deleted_value(col.edited_at(&b.id).unwrap_or(0))));
    }
    wanted.extend(schema::all_card_records(&col.progress, &col.log).into_iter().map(|(k, v)| (k.name(), v)));
    wanted
}
