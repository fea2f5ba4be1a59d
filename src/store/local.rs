//! The browser adapter: reads and writes the keys described in `schema`, through gloo-storage's
//! handle on `window.localStorage`. Every failure is returned as a message for the UI; nothing here
//! panics when storage is missing, blocked or full.

use super::schema::{self, Key, Loaded, LOG_CHUNK};
use crate::domain::{Card, Collection, LogEntry, Progress, Settings};
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsValue;

pub struct Store {
    storage: Option<web_sys::Storage>,
    /// Data from a newer version: never written over.
    read_only: bool,
    /// The log chunk this tab appends to: always one it created itself, so two open tabs never
    /// write over each other's reviews.
    tail: Option<(u32, Vec<String>)>,
    /// The highest chunk number seen in storage.
    highest_chunk: Option<u32>,
    /// Chunks this tab created, oldest first (undo walks back through them).
    mine: Vec<u32>,
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

impl Store {
    /// Opens storage and decodes everything the app owns.
    pub fn open() -> (Store, Loaded) {
        let Some(storage) = open_storage() else {
            return (Store { storage: None, read_only: false, tail: None, highest_chunk: None, mine: Vec::new() }, Loaded::default());
        };
        let mut entries = Vec::new();
        let len = storage.length().unwrap_or(0);
        for i in 0..len {
            let Ok(Some(name)) = storage.key(i) else { continue };
            if !name.starts_with(schema::PREFIX) {
                continue;
            }
            if let Ok(Some(value)) = storage.get_item(&name) {
                entries.push((name, value));
            }
        }
        let loaded = schema::decode(entries);
        let store = Store { storage: Some(storage), read_only: loaded.newer, tail: None, highest_chunk: loaded.highest_chunk, mine: Vec::new() };
        if !store.read_only {
            // Keep the raw text of anything unreadable aside before anything could overwrite it.
            for u in &loaded.unreadable {
                if !loaded.kept_aside.contains(&u.key) {
                    if let Ok(Some(value)) = store.storage.as_ref().map_or(Ok(None), |s| s.get_item(&u.key)) {
                        let _ = store.set(&Key::Unreadable(u.key.clone()).name(), &value);
                    }
                }
            }
            // A first visit, or data of an older schema (version 1 reads unchanged: only the
            // number moves on).
            if loaded.version != Some(schema::VERSION) {
                let _ = store.set(&Key::Meta.name(), &schema::encode_meta());
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

    /// Saves one grade: the card's new progress and the one log chunk the entry lands in.
    pub fn save_grade(&mut self, card_id: &str, progress: &Progress, entry: &LogEntry) -> Result<(), String> {
        self.append_log(entry)?;
        self.set(&Key::Card(card_id.to_string()).name(), &schema::encode_progress(progress))
    }

    /// Appends one review to this tab's log chunk (a new chunk when it is full or there is none).
    pub fn append_log(&mut self, entry: &LogEntry) -> Result<(), String> {
        let storage = self.writable()?.clone();
        // The chunk as stored, not as remembered: where something else rewrote it meanwhile (an
        // import in another tab), this tab starts a chunk of its own instead of writing over it.
        if let Some((n, lines)) = &self.tail {
            if storage.get_item(&Key::LogChunk(*n).name()).ok().flatten().as_deref() != Some(schema::encode_chunk(lines).as_str()) {
                self.tail = None;
            }
        }
        let (mut n, lines) = schema::append_to_tail(self.tail.clone(), self.highest_chunk, entry);
        if self.tail.as_ref().is_none_or(|(t, _)| *t != n) {
            // A new chunk: never one another tab has started meanwhile.
            while storage.get_item(&Key::LogChunk(n).name()).ok().flatten().is_some() {
                n += 1;
            }
            self.set(&Key::LogChunk(n).name(), &schema::encode_chunk(&lines))?;
            self.mine.push(n);
        } else {
            self.set(&Key::LogChunk(n).name(), &schema::encode_chunk(&lines))?;
        }
        self.tail = Some((n, lines));
        self.highest_chunk = self.highest_chunk.max(Some(n));
        Ok(())
    }

    /// Saves an undo: the card's schedule as it now is (`None`: new again), and — when the review
    /// reached storage (`stored`) — exactly that review (its card and moment) taken out of the log
    /// chunk that holds it, as that chunk is stored now: another tab's reviews in the same chunk
    /// stay. This tab's own chunks are looked at first, newest first, then every other one.
    pub fn save_undo(&mut self, card_id: &str, at_ms: i64, state: Option<&Progress>, stored: bool) -> Result<(), String> {
        self.save_progress(card_id, state)?;
        if !stored {
            return Ok(());
        }
        let storage = self.writable()?.clone();
        let line = format!("{card_id}\t{at_ms}\t");
        // This tab's own chunks first, newest first; then every chunk stored.
        let all: Vec<u32> = (0..storage.length().unwrap_or(0)).filter_map(|k| storage.key(k).ok().flatten()).filter_map(|k| chunk_number(&k)).collect();
        let Some((n, value)) = self.mine.iter().rev().chain(&all).find_map(|n| {
            let value = storage.get_item(&Key::LogChunk(*n).name()).ok().flatten()?;
            value.lines().any(|l| l.starts_with(&line)).then_some((*n, value))
        }) else {
            return Ok(());
        };
        let key = Key::LogChunk(n).name();
        // A chunk that could not be read is kept as it is, never written over.
        if !value.lines().all(|l| LogEntry::decode(l).is_some()) {
            return Ok(());
        }
        let lines: Vec<String> = value.lines().filter(|l| !l.starts_with(&line)).map(str::to_string).collect();
        let was_tail = self.tail.as_ref().is_some_and(|(t, _)| *t == n);
        if lines.is_empty() {
            self.remove(&key)?;
            self.mine.retain(|m| *m != n);
            if was_tail {
                self.tail = self.mine.last().and_then(|&prev| self.read_chunk(prev)).filter(|(_, l)| l.len() <= LOG_CHUNK);
            }
        } else {
            self.set(&key, &schema::encode_chunk(&lines))?;
            if was_tail {
                self.tail = Some((n, lines));
            }
        }
        Ok(())
    }

    /// Everything kept aside because it could not be read: the original key and its raw text.
    pub fn kept_aside(&self) -> Vec<(String, String)> {
        let Some(storage) = &self.storage else { return Vec::new() };
        (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter_map(|k| match Key::parse(&k) {
                Some(Key::Unreadable(original)) => storage.get_item(&k).ok().flatten().map(|v| (original, v)),
                _ => None,
            })
            .collect()
    }

    /// Another tab wrote a log chunk: later chunks of this tab go after it.
    pub fn saw_chunk(&mut self, n: u32) {
        self.highest_chunk = self.highest_chunk.max(Some(n));
    }

    fn read_chunk(&self, n: u32) -> Option<(u32, Vec<String>)> {
        let value = self.storage.as_ref()?.get_item(&Key::LogChunk(n).name()).ok()??;
        let lines: Vec<String> = value.lines().map(str::to_string).collect();
        lines.iter().all(|l| LogEntry::decode(l).is_some()).then_some((n, lines))
    }

    pub fn save_interviews(&mut self, list: &[crate::domain::interview::Interview]) -> Result<(), String> {
        self.set(&Key::Interviews.name(), &crate::domain::interview::encode(list))
    }

    /// Saves a card's text (one of the person's own, or an edited built-in card).
    pub fn save_card(&mut self, card: &Card, order: usize, edited: i64) -> Result<(), String> {
        self.set(&Key::Own(card.id.clone()).name(), &schema::encode_card(card, order as i64, edited))
    }

    /// Deletes a card and its schedule; a built-in card is remembered as deleted, so a later
    /// version of the deck does not bring it back.
    pub fn delete_card(&mut self, id: &str, built_in: bool, at_ms: i64) -> Result<(), String> {
        let own = Key::Own(id.to_string()).name();
        if built_in {
            self.set(&own, &schema::encode_deleted(at_ms))?;
        } else {
            self.remove(&own)?;
        }
        self.remove(&Key::Card(id.to_string()).name())
    }

    /// Saves a card's schedule (or removes it when the card is new).
    pub fn save_progress(&mut self, id: &str, progress: Option<&Progress>) -> Result<(), String> {
        let key = Key::Card(id.to_string()).name();
        match progress.filter(|p| **p != Progress::default()) {
            Some(p) => self.set(&key, &schema::encode_progress(p)),
            None => self.remove(&key),
        }
    }

    pub fn save_suspended(&mut self, ids: &[String]) -> Result<(), String> {
        if ids.is_empty() {
            self.remove(&Key::Suspended.name())
        } else {
            self.set(&Key::Suspended.name(), &ids.join("\n"))
        }
    }

    /// Writes the whole collection (after an import or a restore): every card's text that differs
    /// from the built-in deck, deletions, schedules, the log from chunk 0, settings, interviews and
    /// suspensions; keys no longer needed are removed. All or nothing: if any write fails, every
    /// key is put back as it was and the reason is returned.
    pub fn replace_all(&mut self, col: &Collection, built_in: &[Card]) -> Result<(), String> {
        let storage = self.writable()?.clone();
        // Keys that would hold nothing (default settings, no interviews, nothing suspended) are
        // left out, as the app leaves them out until they are first needed.
        let mut wanted: Vec<(String, String)> = vec![(Key::Meta.name(), schema::encode_meta())];
        if col.settings != Settings::default() {
            wanted.push((Key::Settings.name(), schema::encode_settings(&col.settings)));
        }
        if !col.interviews.is_empty() {
            wanted.push((Key::Interviews.name(), crate::domain::interview::encode(&col.interviews)));
        }
        if !col.suspended.is_empty() {
            wanted.push((Key::Suspended.name(), col.suspended.join("\n")));
        }
        for (i, card) in col.cards.iter().enumerate() {
            let edited = col.edited_at(&card.id);
            if edited.is_some() || built_in.iter().find(|b| b.id == card.id) != Some(card) {
                wanted.push((Key::Own(card.id.clone()).name(), schema::encode_card(card, i as i64, edited.unwrap_or(0))));
            }
            if let Some(p) = col.progress.get(&card.id) {
                wanted.push((Key::Card(card.id.clone()).name(), schema::encode_progress(p)));
            }
        }
        for b in built_in.iter().filter(|b| col.card(&b.id).is_none()) {
            wanted.push((Key::Own(b.id.clone()).name(), schema::encode_deleted(col.edited_at(&b.id).unwrap_or(0))));
        }
        let lines: Vec<String> = col.log.iter().map(LogEntry::encode).collect();
        let chunks: Vec<&[String]> = lines.chunks(LOG_CHUNK).collect();
        for (n, chunk) in chunks.iter().enumerate() {
            wanted.push((Key::LogChunk(n as u32).name(), schema::encode_chunk(chunk)));
        }
        // What is there now, to put back on failure.
        let before: Vec<(String, String)> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
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
        let last = chunks.len().checked_sub(1);
        self.tail = last.map(|n| (n as u32, chunks[n].to_vec()));
        self.highest_chunk = last.map(|n| n as u32);
        self.mine = last.map(|n| n as u32).into_iter().collect();
        Ok(())
    }

    pub fn save_settings(&mut self, settings: &Settings) -> Result<(), String> {
        self.writable()?;
        self.set(&Key::Settings.name(), &schema::encode_settings(settings))
    }
}

/// A change another tab made to a key the app owns (from the window's `storage` event).
#[derive(Debug, Clone, PartialEq)]
pub enum External {
    Log(u32, Vec<LogEntry>),
    Progress(String, Progress),
    /// A card's own text, or `None` when it was deleted; and when (ms, 0: not known).
    Card(String, Option<crate::domain::Card>, i64),
    Suspended(Vec<String>),
    Settings(Settings),
    Interviews(Vec<crate::domain::interview::Interview>),
    /// Reviews another tab took back (an undo): gone from every log chunk.
    Unlogged(Vec<LogEntry>),
}

/// Decodes another tab's write; values that cannot be read are left to the next start-up.
pub fn external(key: &str, value: Option<&str>) -> Option<External> {
    Some(match (Key::parse(key)?, value) {
        (Key::LogChunk(n), Some(v)) => External::Log(n, v.lines().filter_map(LogEntry::decode).collect()),
        (Key::Card(id), Some(v)) => External::Progress(id, schema::decode_progress(v).ok()?),
        (Key::Own(id), None) => External::Card(id, None, 0),
        (Key::Own(id), Some(v)) => match schema::decode_own(&id, v).ok()? {
            (schema::OwnRecord::Card { card, .. }, at) => External::Card(id, Some(card), at),
            (schema::OwnRecord::Deleted, at) => External::Card(id, None, at),
        },
        (Key::Suspended, v) => External::Suspended(v.unwrap_or("").lines().filter(|l| !l.is_empty()).map(str::to_string).collect()),
        (Key::Settings, Some(v)) => External::Settings(schema::decode_settings(v).ok()?),
        (Key::Interviews, Some(v)) => External::Interviews(crate::domain::interview::decode(v).ok()?),
        _ => return None,
    })
}

/// Calls `cb` with the changes another tab makes to the app's keys (the window's `storage` event,
/// which the browser sends to every other tab of this site). Changes are gathered for 50 ms and
/// handed over together: an import in the other tab writes thousands of keys, and one render for
/// all of them keeps this tab responsive. Reviews that left a log chunk and are in no chunk any
/// more (the other tab took them back) come last, as `Unlogged`.
pub fn watch_other_tabs(cb: impl Fn(Vec<External>) + 'static) {
    let Some(window) = web_sys::window() else { return };
    // Changes, and reviews that left a log chunk (an undo, or an import moving them elsewhere).
    let waiting: std::rc::Rc<std::cell::RefCell<(Vec<External>, Vec<String>)>> = Default::default();
    let cb = std::rc::Rc::new(cb);
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let get = |name: &str| js_sys::Reflect::get(&e, &JsValue::from_str(name)).ok().and_then(|v| v.as_string());
        let Some(key) = get("key") else { return };
        let new = get("newValue");
        // A chunk that lost one line and gained none: the shape of an undo in the other tab (an
        // import rewrites chunks wholesale).
        let mut left = Vec::new();
        if let (Some(_), Some(old)) = (chunk_number(&key), get("oldValue")) {
            let now = new.as_deref().unwrap_or("");
            if now.lines().all(|n| old.lines().any(|l| l == n)) && old.lines().count() == now.lines().count() + 1 {
                left.extend(old.lines().filter(|l| !now.lines().any(|n| n == *l)).map(str::to_string));
            }
        }
        let change = external(&key, new.as_deref());
        if change.is_none() && left.is_empty() {
            return;
        }
        let first = {
            let mut w = waiting.borrow_mut();
            let first = w.0.is_empty() && w.1.is_empty();
            w.0.extend(change);
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

/// Of review lines that left a log chunk, the reviews no chunk holds any more (taken back, not
/// moved).
fn no_longer_stored(left: Vec<String>) -> Vec<LogEntry> {
    let Some(storage) = open_storage() else { return Vec::new() };
    let chunks: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| chunk_number(k).is_some())
        .filter_map(|k| storage.get_item(&k).ok().flatten())
        .collect();
    left.iter()
        .filter_map(|l| LogEntry::decode(l))
        .filter(|e| {
            let line = format!("{}\t{}\t", e.card_id, e.at_ms);
            !chunks.iter().any(|c| c.lines().any(|l| l.starts_with(&line)))
        })
        .collect()
}

fn chunk_number(key: &str) -> Option<u32> {
    match Key::parse(key)? {
        Key::LogChunk(n) => Some(n),
        _ => None,
    }
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
    (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
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
