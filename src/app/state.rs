//! The app's state as yew holds it: the core's `AppState` (see `crate::core`) reduced by its
//! actions at the browser's time, its effects performed (`effects.rs`).

pub use crate::core::*;
use crate::domain::Clock;
use std::rc::Rc;
use yew::Reducible;

/// The browser's time and time zone.
pub fn now() -> Clock {
    let date = js_sys::Date::new_0();
    Clock::new(date.get_time() as i64, -(date.get_timezone_offset() as i32))
}

/// A `datetime-local` value read as the browser reads local time (with that date's offset).
fn local_time(text: &str, _: Clock) -> Option<i64> {
    let at = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(text)).get_time();
    (!at.is_nan()).then_some(at as i64)
}

/// Opens the browser's storage and loads the app from it (or takes what `open_ahead` loaded).
pub fn load() -> AppState {
    OPENED.with(|o| o.borrow_mut().take()).unwrap_or_else(open)
}

fn open() -> AppState {
    let (store, loaded) = crate::store::local::open();
    let mut state = AppState::new(store, loaded, now());
    state.local_time = local_time;
    state
}

thread_local! {
    /// The app loaded ahead of its first render, in a task of its own (see `open_ahead`).
    static OPENED: std::cell::RefCell<Option<AppState>> = const { std::cell::RefCell::new(None) };
}

/// Loads the app from storage now, for the first render to take: the start is then two shorter
/// tasks instead of one long one, and the page can paint or take a tap in between.
pub fn open_ahead() {
    let state = open();
    OPENED.with(|o| *o.borrow_mut() = Some(state));
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::Type(id, value) = action {
            // The field already shows the keystroke: only the draft changes, and nothing renders,
            // so typing costs the same however large the collection is.
            self.type_into(&id, value);
            return self;
        }
        let mut s = Rc::unwrap_or_clone(self);
        let effects = s.apply(action, now());
        super::effects::perform(effects);
        Rc::new(s)
    }
}
