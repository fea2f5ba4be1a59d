//! The browser adapter: reads and writes the keys described in `schema`, through gloo-storage's
//! handle on `window.localStorage`. Every failure is returned as a message for the UI; nothing here
//! panics when storage is missing, blocked or full.

use super::schema::Loaded;
use super::schema::{self, External};
use super::storage::Storage;
pub use super::storage::{Health, StorageReport, Store};
use gloo_storage::{LocalStorage, Storage as _};
use wasm_bindgen::JsValue;

/// `window.localStorage`, as the app's storage.
struct Browser(web_sys::Storage);

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

impl Storage for Browser {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), String> {
        self.0.set_item(key, value).map_err(describe)
    }

    fn remove(&mut self, key: &str) -> Result<(), String> {
        self.0.remove_item(key).map_err(describe)
    }

    fn keys(&self) -> Vec<String> {
        (0..self.0.length().unwrap_or(0)).filter_map(|i| self.0.key(i).ok().flatten()).collect()
    }
}

fn open_storage() -> Option<Box<dyn Storage>> {
    // `window.localStorage` throws where storage is blocked and is null where it is missing; gloo's
    // own accessor would panic there, so availability is checked first.
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.length().ok()?;
    Some(Box::new(Browser(LocalStorage::raw())))
}

/// Opens the browser's local storage (see `Store::open`).
pub fn open() -> (Store, Loaded) {
    Store::open(open_storage())
}

/// Calls `cb` with the changes another tab makes to the app's keys (the window's `storage` event,
/// which the browser sends to every other tab of this site). Writes are gathered for 50 ms and
/// handed over together (`Store::other_tab` says what they mean): an import in the other tab
/// writes thousands of keys, and one render for all of them keeps this tab responsive.
pub fn watch_other_tabs(cb: impl Fn(Vec<External>) + 'static) {
    type Writes = Vec<(String, Option<String>, Option<String>)>;
    let Some(window) = web_sys::window() else { return };
    let waiting: std::rc::Rc<std::cell::RefCell<Writes>> = Default::default();
    let cb = std::rc::Rc::new(cb);
    let listener = wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
        let get = |name: &str| js_sys::Reflect::get(&e, &JsValue::from_str(name)).ok().and_then(|v| v.as_string());
        let Some(key) = get("key").filter(|k| k.starts_with(schema::PREFIX)) else { return };
        let first = {
            let mut w = waiting.borrow_mut();
            w.push((key, get("oldValue"), get("newValue")));
            w.len() == 1
        };
        if first {
            let (waiting, cb) = (waiting.clone(), cb.clone());
            gloo_timers::callback::Timeout::new(50, move || {
                let writes = std::mem::take(&mut *waiting.borrow_mut());
                let changes = open_storage().map(|s| Store::reading(s).other_tab(&writes)).unwrap_or_default();
                if !changes.is_empty() {
                    cb(changes)
                }
            })
            .forget();
        }
    });
    let _ = window.add_event_listener_with_callback("storage", wasm_bindgen::JsCast::unchecked_ref(listener.as_ref()));
    listener.forget();
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
    open_storage().map_or(0, |s| Store::reading(s).own_bytes())
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
