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
use crate::core::kit::KitScreen;
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
        Screen::Mock => "#/mock".into(),
        Screen::Kit(KitScreen::Hub) => "#/kit".into(),
        Screen::Kit(k) => format!("#/kit/{}", KIT.iter().find(|(_, s)| *s == k).map_or("", |(name, _)| *name)),
    }
}

/// The interview kit's screens by the name in their address.
const KIT: [(&str, KitScreen); 9] = [
    ("", KitScreen::Hub),
    ("stories", KitScreen::Stories),
    ("story", KitScreen::Story),
    ("notes", KitScreen::Notes),
    ("questions", KitScreen::Questions),
    ("sheet", KitScreen::Sheet),
    ("plan", KitScreen::Plan),
    ("thanks", KitScreen::Thanks),
    ("rehearse", KitScreen::Rehearse),
];

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
        ("mock", _) => Action::Show(Screen::Mock),
        ("kit", name) => Action::Show(Screen::Kit(KIT.iter().find(|(n, _)| *n == name).map_or(KitScreen::Hub, |(_, k)| *k))),
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
        // A mock interview after a reload: home offers to resume it (its question is asked afresh).
        Some(Action::Show(Screen::Mock)) => None,
        asked => asked,
    };
    let mut state = state;
    if let Some(a) = asked {
        let effects = state.apply(a, super::state::now());
        super::effects::perform(effects);
    }
    // Changes to the card in the editor, kept aside when the page went: back in the form.
    if state.screen == Screen::Edit {
        for a in kept_draft(&route(&state)) {
            state.apply(a, super::state::now());
        }
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

/// Where the editor's unsaved changes wait (this tab only) while the person is elsewhere or the
/// page reloads: the editor's address and its fields.
const DRAFT_KEY: &str = "second-round-draft";

thread_local! {
    /// The latest state, for the listeners and the tab bar (installed once, called later).
    static LATEST: std::cell::RefCell<Option<UseReducerHandle<AppState>>> = const { std::cell::RefCell::new(None) };
    /// The editor on screen shows changes put back from a draft kept aside.
    static RESTORED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn session() -> Option<web_sys::Storage> {
    gloo_utils::window().session_storage().ok().flatten()
}

/// Leaving the editor with changes not saved (the tab bar, Back, a reload): they are kept aside,
/// to be put back when the same editor opens again.
pub fn keep_draft() {
    LATEST.with(|l| {
        let Some(state) = l.borrow().clone() else { return };
        if state.screen != Screen::Edit {
            return;
        }
        let draft = state.draft().clone();
        if draft == state.fresh_draft() {
            return;
        }
        if let (Some(s), Ok(text)) = (session(), serde_json::to_string(&(route(&state), draft.fields()))) {
            let _ = s.set_item(DRAFT_KEY, &text);
        }
    });
}

/// The changes kept aside for the editor at `route`, taken out of storage (the draft holds them
/// from now on), as the actions that put them back.
fn kept_draft(route: &str) -> Vec<Action> {
    let Some(s) = session() else { return Vec::new() };
    let Some((at, fields)) =
        s.get_item(DRAFT_KEY).ok().flatten().and_then(|t| serde_json::from_str::<(String, Vec<(String, String)>)>(&t).ok())
    else {
        return Vec::new();
    };
    if at != route {
        return Vec::new();
    }
    let _ = s.remove_item(DRAFT_KEY);
    RESTORED.with(|r| r.set(true));
    fields.into_iter().map(|(id, value)| Action::Change(id, value)).collect()
}

/// Whether the editor on screen holds changes put back from a kept draft.
pub fn restored() -> bool {
    RESTORED.with(|r| r.get())
}

/// The person lets the changes put back go: the editor shows the card as saved.
pub fn discard(dispatch: &UseReducerDispatcher<AppState>, editing: Option<String>) {
    RESTORED.with(|r| r.set(false));
    // Away and back: the editor's draft starts afresh from the card.
    dispatch.dispatch(Action::Show(Screen::Cards));
    dispatch.dispatch(Action::Edit(editing));
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
    LATEST.with(|l| *l.borrow_mut() = Some(state.clone()));
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn()>::new(move || {
            let Some(state) = LATEST.with(|l| l.borrow().clone()) else { return };
            if let Some(a) = action(&hash(), &state) {
                keep_draft();
                state.dispatch(a);
            }
        });
        // A reload or a closed tab: the editor's changes are kept aside first.
        let leaving = Closure::<dyn Fn()>::new(keep_draft);
        let window = gloo_utils::window();
        let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback("pagehide", leaving.as_ref().unchecked_ref());
        move || {
            let _ = window.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            let _ = window.remove_event_listener_with_callback("pagehide", leaving.as_ref().unchecked_ref());
        }
    });
    let first = use_mut_ref(|| true);
    let dispatch = state.dispatcher();
    use_effect_with(route, move |route| {
        follow(route);
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            RESTORED.with(|r| r.set(false));
            for a in kept_draft(route) {
                dispatch.dispatch(a);
            }
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
        keep_draft();
        dispatch.dispatch(action.clone());
    })
}
