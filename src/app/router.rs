//! A URL per screen, kept in the address's hash (`#/cards`, `#/cards/fit-02`, `#/progress`), so it
//! works under any public path and offline (the service worker serves the one page for every hash),
//! and Back, Forward, reload and a shared link do what a person expects.
//!
//! The screen lives in the state; the address follows it. When the screen changes the address is
//! pushed (or, going back to the screen just before — after "Save card", say — the browser goes
//! back one entry instead, so Back never returns to a form already saved). When the address changes
//! (Back, Forward, a link, an address typed), the screen follows it through the same actions the
//! buttons send. A new screen opens at its top, with focus on its heading.

use super::state::{Action, AppState, Screen};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The address of what is on screen.
pub fn route(state: &AppState) -> String {
    match state.screen {
        Screen::Home => "#/".into(),
        Screen::Review => "#/session".into(),
        Screen::Cards => "#/cards".into(),
        Screen::Edit => match &state.editing {
            Some(id) => format!("#/cards/{}", String::from(js_sys::encode_uri_component(id))),
            None => "#/cards/new".into(),
        },
        Screen::Transfer => "#/import".into(),
        Screen::Stats => "#/progress".into(),
        Screen::Settings => "#/settings".into(),
        Screen::Interviews => "#/interviews".into(),
    }
}

/// What an address asks for (`None`: the screen it names is already there, or it names nothing,
/// which opens home). A card that is not in the collection opens the card list.
pub fn action(hash: &str, state: &AppState) -> Option<Action> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let (head, rest) = path.split_once('/').unwrap_or((path, ""));
    let action = match (head, rest) {
        ("session", _) => Action::Show(Screen::Review),
        ("cards", "") => Action::Show(Screen::Cards),
        ("cards", "new") => Action::Edit(None),
        ("cards", id) => {
            let id = js_sys::decode_uri_component(id).map(String::from).unwrap_or_default();
            if state.col().card(&id).is_some() {
                Action::Edit(Some(id))
            } else {
                Action::Show(Screen::Cards)
            }
        }
        ("import", _) => Action::Show(Screen::Transfer),
        ("progress", _) => Action::Show(Screen::Stats),
        ("settings", _) => Action::Show(Screen::Settings),
        ("interviews", _) => Action::Show(Screen::Interviews),
        _ => Action::Show(Screen::Home),
    };
    let same = match &action {
        Action::Show(s) => *s == state.screen,
        Action::Edit(id) => state.screen == Screen::Edit && *id == state.editing,
        _ => false,
    };
    (!same).then_some(action)
}

fn hash() -> String {
    gloo_utils::window().location().hash().unwrap_or_default()
}

/// The address with an empty hash counts as home.
fn normal(hash: &str) -> &str {
    if hash.is_empty() || hash == "#" {
        "#/"
    } else {
        hash
    }
}

fn history() -> web_sys::History {
    gloo_utils::window().history().expect("history")
}

/// The state at start, on the screen the address names (a shared link, a reload): applied before
/// the first render, so nothing else shows first.
pub fn initial(state: AppState) -> AppState {
    let here = hash();
    // A session's address after a reload resumes the session under way; with none under way (a
    // new day, or all done) home opens, with the day's counts and the button to start.
    let asked = match action(&here, &state) {
        _ if here.is_empty() || here == "#" => None,
        Some(Action::Show(Screen::Review)) => None,
        asked => asked,
    };
    let mut state = state;
    if let Some(a) = asked {
        let effects = state.apply(a, super::state::now());
        super::effects::perform(effects);
    }
    // The app puts every screen at its top itself; the browser's own restoring would fight it.
    let h = history();
    let _ = h.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    // The entry's own state (the address before it) is kept, across a reload too.
    let _ = h.replace_state_with_url(&h.state().unwrap_or(JsValue::NULL), "", Some(&route(&state)));
    state
}

/// The address follows the screen. Each entry the app pushes holds the address it came from, so
/// going to that screen again (after "Save card", the list it came from) is one step back instead
/// of a new entry.
fn follow(route: &str) {
    let here = hash();
    if normal(&here) == route {
        return;
    }
    let h = history();
    if h.state().ok().and_then(|s| s.as_string()).as_deref() == Some(route) {
        let _ = h.back();
    } else {
        let _ = h.push_state_with_url(&JsValue::from_str(normal(&here)), "", Some(route));
    }
}

/// A new screen starts at its top, and focus goes to its heading so a screen reader reads where
/// the person now is (the heading is made focusable for that, not put in the tab order).
fn arrive() {
    gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0);
    let heading = gloo_utils::document().query_selector("main h1").ok().flatten();
    if let Some(h) = heading.and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !h.has_attribute("tabindex") {
            let _ = h.set_attribute("tabindex", "-1");
        }
        let _ = h.focus();
    }
}

/// Wires the address to the state: call once in the app component.
#[hook]
pub fn use_router(state: &UseReducerHandle<AppState>) {
    let route = route(state);
    // The latest state, for the listener (which is installed once).
    let latest = use_mut_ref(|| None::<UseReducerHandle<AppState>>);
    *latest.borrow_mut() = Some(state.clone());
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn()>::new(move || {
            let Some(state) = latest.borrow().clone() else { return };
            if let Some(a) = action(&hash(), &state) {
                state.dispatch(a);
            }
        });
        let window = gloo_utils::window();
        let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        move || {
            let _ = window.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        }
    });
    let first = use_mut_ref(|| true);
    use_effect_with(route, move |route| {
        follow(route);
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            arrive();
        }
    });
}

/// A link to a screen (`href` its address, for a long press or a new tab), followed in place.
pub fn link(dispatch: &UseReducerDispatcher<AppState>, action: Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |e: MouseEvent| {
        if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
            return;
        }
        e.prevent_default();
        dispatch.dispatch(action.clone());
    })
}
