//! The browser adapter: reads and writes the keys described in `schema`, through gloo-storage's
//! handle on `window.localStorage`. Every failure is returned as a message for the UI; nothing here
//! panics when storage is missing, blocked or full.

use super::schema::{self, Key, Loaded, Step, Writes};
use crate::domain::{Card, Collection, LogEntry, Progress, Settings};
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsValue;

pub use super::schema::External;

pub struct Store {
    storage: Option<web_sys::Storage>,
    /// Data from a newer version: never written over.
    read_only: bool,
}

/// Why saving is not happening, for the banner.
#[derive(Debug, Clone, PartialEq)]
pub enum Health {
    Saving,
    Unavailable,
    NewerVersion,
}

fn describe(err: JsValue) -> String {
    let name = js_sys::Reflect::get(&err, &JsValue::from_str("name")).ok().and_then(|v| v.as_string()).unwrap_or_default();
    if name == "QuotaExceededError" {
        "the browser's storage for this site is full".to_string()
    } else if name.is_empty() {
        "the browser refused to save".to_string()
    } else {
        format!("the browser refused to save ({name})")
    }
}

fn open_storage() -> Option<web_sys::Storage> {
    // `window.localStorage` throws where storage is blocked and is null where it is missing; gloo's
    // own accessor would panic there, so availability is checked first.
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.length().ok()?;
    Some(LocalStorage::raw())
}

/// The names of every key stored.
fn names(storage: &web_sys::Storage) -> Vec<String> {
    (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

impl Store {
    /// Opens storage, decodes everything the app owns, and migrates what an older version wrote
    /// (as far as storage lets it: the rest at a later start).
    pub fn open() -> (Store, Loaded) {
        let Some(storage) = open_storage() else {
            return (Store { storage: None, read_only: false }, Loaded::default());
        };
        let entries: Vec<(String, String)> = names(&storage)
            .into_iter()
            .filter(|name| name.starts_with(schema::PREFIX))
            .filter_map(|name| storage.get_item(&name).ok().flatten().map(|value| (name, value)))
            .collect();
        let loaded = schema::decode(entries);
        let store = Store { storage: Some(storage), read_only: loaded.newer };
        if !store.read_only {
            // Keep the raw text of anything unreadable aside before anything could overwrite it.
            for u in &loaded.unreadable {
                if !loaded.kept_aside.contains(&u.key) {
                    if let Ok(Some(value)) = store.storage.as_ref().map_or(Ok(None), |s| s.get_item(&u.key)) {
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

    pub fn health(&self) -> Health {
        if self.storage.is_none() {
            Health::Unavailable
        } else if self.read_only {
            Health::NewerVersion
        } else {
            Health::Saving
        }
    }

    fn writable(&self) -> Result<&web_sys::Storage, String> {
        match (&self.storage, self.read_only) {
            (None, _) => Err("local storage is not available".into()),
            (Some(_), true) => Err("the saved data belongs to a newer version of the app".into()),
            (Some(s), false) => Ok(s),
        }
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        self.writable()?.set_item(key, value).map_err(describe)
    }

    fn remove(&self, key: &str) -> Result<(), String> {
        self.writable()?.remove_item(key).map_err(describe)
    }

    fn get(&self, key: &Key) -> Option<String> {
        self.storage.as_ref()?.get_item(&key.name()).ok().flatten()
    }

    fn write(&self, writes: Writes) -> Result<(), String> {
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
        self.write(schema::record_review(stored.as_deref(), self.next_older(&entry.card_id), entry, progress))
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

    /// Everything kept aside because it could not be read: the original key and its raw text.
    pub fn kept_aside(&self) -> Vec<(String, String)> {
        let Some(storage) = &self.storage else { return Vec::new() };
        names(storage)
            .into_iter()
            .filter_map(|k| match Key::parse(&k) {
                Some(Key::Unreadable(original)) => storage.get_item(&k).ok().flatten().map(|v| (original, v)),
                _ => None,
            })
            .collect()
    }

    pub fn save_interviews(&mut self, list: &[crate::domain::interview::Interview]) -> Result<(), String> {
        self.set(&Key::Interviews.name(), &schema::interviews_value(list))
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

    /// Writes the whole collection (after an import or a restore): every card's text that differs
    /// from the built-in deck, deletions, each card's schedule and reviews, settings, interviews
    /// and suspensions; keys no longer needed are removed. All or nothing: if any write fails,
    /// every key is put back as it was and the reason is returned.
    pub fn replace_all(&mut self, col: &Collection, built_in: &[Card]) -> Result<(), String> {
        let storage = self.writable()?.clone();
        // Keys that would hold nothing (default settings, no interviews, nothing suspended) are
        // left out, as the app leaves them out until they are first needed.
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
        // What is there now, to put back on failure.
        let before: Vec<(String, String)> = names(&storage)
            .into_iter()
            .filter(|k| matches!(Key::parse(k), Some(k) if !matches!(k, Key::Unreadable(_))))
            .filter_map(|k| storage.get_item(&k).ok().flatten().map(|v| (k, v)))
            .collect();
        let mut result = Ok(());
        for (k, _) in before.iter().filter(|(k, _)| !wanted.iter().any(|(w, _)| w == k)) {
            if let Err(e) = storage.remove_item(k).map_err(describe) {
                result = Err(e);
                break;
            }
        }
        if result.is_ok() {
            for (k, v) in &wanted {
                if let Err(e) = storage.set_item(k, v).map_err(describe) {
                    result = Err(e);
                    break;
                }
            }
        }
        if let Err(e) = result {
            for (k, _) in &wanted {
                let _ = storage.remove_item(k);
            }
            for (k, v) in &before {
                let _ = storage.set_item(k, v);
            }
            return Err(e);
        }
        Ok(())
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), String> {
        self.writable()?;
        self.set(&Key::Settings.name(), &schema::settings_value(settings))
    }
}

/// Calls `cb` with the changes another tab makes to the app's keys (the window's `storage` event,
/// which the browser sends to every other tab of this site). Changes are gathered for 50 ms and
/// handed over together: an import in the other tab writes thousands of keys, and one render for
/// all of them keeps this tab responsive. Reviews that left a card's record and are in no record
/// any more (the other tab took them back) come last, as `Unlogged`.
pub fn watch_other_tabs(cb: impl Fn(Vec<External>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    // Changes, and reviews that left a record (an undo, or a move to an older-reviews record).
    let waiting: std::rc::Rc<std::cell::RefCell<(Vec<External>, Vec<LogEntry>)>> = Default::default();
    let cb = std::rc::Rc::new(cb);
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let get = |name: &str| js_sys::Reflect::get(&e, &JsValue::from_str(name)).ok().and_then(|v| v.as_string());
        let Some(key) = get("key") else { return };
        let (changes, left) = schema::external(&key, get("oldValue").as_deref(), get("newValue").as_deref());
        if changes.is_empty() && left.is_empty() {
            return;
        }
        let first = {
            let mut w = waiting.borrow_mut();
            let first = w.0.is_empty() && w.1.is_empty();
            w.0.extend(changes);
            w.1.extend(left);
            first
        };
        if first {
            let (waiting, cb) = (waiting.clone(), cb.clone());
            gloo_timers::callback::Timeout::new(50, move || {
                let (mut changes, left) = std::mem::take(&mut *waiting.borrow_mut());
                let gone = if left.is_empty() { Vec::new() } else { no_longer_stored(left) };
                if !gone.is_empty() {
                    changes.push(External::Unlogged(gone));
                }
                cb(changes)
            })
            .forget();
        }
    });
    let _ = window.add_event_listener_with_callback("storage", wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()));
    listener.forget();
}

/// Of reviews that left a card's record, those no record of that card holds any more (taken back,
/// not moved to an older-reviews record).
fn no_longer_stored(left: Vec<LogEntry>) -> Vec<LogEntry> {
    let Some(storage) = open_storage() else { return Vec::new() };
    let store = Store { storage: Some(storage), read_only: true };
    left.into_iter()
        .filter(|e| {
            let older = (0..store.next_older(&e.card_id)).map(|n| Key::Older(e.card_id.clone(), n));
            !std::iter::once(Key::Card(e.card_id.clone())).chain(older).any(|k| store.get(&k).is_some_and(|v| schema::without_review(&v, e.at_ms).is_some()))
        })
        .collect()
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

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    // Missing in older browsers and outside secure contexts; web-sys would assume it is there.
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| wasm_bindgen::JsCast::unchecked_into(value))
}

async fn settle(promise: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    wasm_bindgen_futures::JsFuture::from(promise.ok()?).await.ok()
}

fn own_bytes() -> usize {
    let Some(storage) = open_storage() else { return 0 };
    names(&storage)
        .into_iter()
        .filter(|k| k.starts_with(schema::PREFIX))
        .map(|k| (k.len() + storage.get_item(&k).ok().flatten().map_or(0, |v| v.len())) * 2)
        .sum()
}

/// Reads the storage situation; with `ask`, first asks the browser to keep the data persistently.
pub async fn storage_report(ask: bool) -> StorageReport {
    let mut report = StorageReport { progress_bytes: own_bytes(), ..StorageReport::default() };
    let Some(manager) = storage_manager() else { return report };
    if ask {
        report.persisted = settle(manager.persist()).await.and_then(|v| v.as_bool());
    }
    if report.persisted.is_none() {
        report.persisted = settle(manager.persisted()).await.and_then(|v| v.as_bool());
    }
    if let Some(estimate) = settle(manager.estimate()).await {
        let estimate: web_sys::StorageEstimate = wasm_bindgen::JsCast::unchecked_into(estimate);
        report.usage = estimate.get_usage();
        report.quota = estimate.get_quota();
    }
    report
}
