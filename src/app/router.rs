//! A URL per screen, kept in the address's hash (`#/cards`, `#/cards/fit-02`, `#/progress`), so it
//! works under any public path and offline (the service worker serves the one page for every hash),
//! and Back, Forward, reload and a shared link do what a person expects.
//!
//! The screen lives in the state; the address follows it. When the screen changes the address is
//! pushed (or, going back to the screen just before — after "Save card", say — the browser goes
//! back one entry instead, so Back never returns to a form already saved). When the address changes
//! (Back, Forward, a link, an address typed), the screen follows it through the same actions the
//! buttons send. A new screen opens at its top, with focus on its heading.

use super::state::{Action, AppState, Planner, Screen};
use crate::core::drafts::Kept;
use crate::core::kit::{KitAction, KitScreen};
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
        Screen::Interviews => match state.editing_interview {
            Some(i) => format!("#/interviews/{i}"),
            None => "#/interviews".into(),
        },
        Screen::Mock => "#/mock".into(),
        Screen::Kit(KitScreen::Hub) => "#/kit".into(),
        Screen::Kit(KitScreen::Story) => match &state.kit_view.story {
            Some(id) => format!("#/kit/story/{}", String::from(js_sys::encode_uri_component(id))),
            None => "#/kit/story".into(),
        },
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
        ("interviews", i) => match i.parse::<usize>() {
            Ok(i) if i < state.col().interviews.len() => Action::Planner(Planner::Edit(i)),
            _ => Action::Show(Screen::Interviews),
        },
        ("mock", _) => Action::Show(Screen::Mock),
        ("kit", "story") => Action::Kit(KitAction::EditStory(None)),
        ("kit", name) if name.starts_with("story/") => {
            let id = js_sys::decode_uri_component(&name["story/".len()..]).map(String::from).unwrap_or_default();
            match state.kit.story(&id).filter(|s| !s.deleted) {
                Some(_) => Action::Kit(KitAction::EditStory(Some(id))),
                None => Action::Show(Screen::Kit(KitScreen::Stories)),
            }
        }
        ("kit", name) => Action::Show(Screen::Kit(KIT.iter().find(|(n, _)| *n == name).map_or(KitScreen::Hub, |(_, k)| *k))),
        _ => Action::Show(Screen::Home),
    };
    let same = match &action {
        Action::Show(Screen::Interviews) => state.screen == Screen::Interviews && state.editing_interview.is_none(),
        Action::Show(s) => *s == state.screen,
        Action::Edit(id) => state.screen == Screen::Edit && *id == state.editing,
        Action::Planner(Planner::Edit(i)) => state.screen == Screen::Interviews && state.editing_interview == Some(*i),
        Action::Kit(KitAction::EditStory(id)) => state.screen == Screen::Kit(KitScreen::Story) && *id == state.kit_view.story,
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
    // Unsaved changes kept aside when the page went: back in their form when it opens.
    state.keep_drafts(kept_drafts());
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

/// Where unsaved changes wait (this tab only) while the page reloads or the tab is away: every
/// form's changes kept aside by the core (`core::drafts`), by form.
const DRAFTS_KEY: &str = "second-round-drafts";

thread_local! {
    /// The latest state, for the listeners and the tab bar (installed once, called later).
    static LATEST: std::cell::RefCell<Option<UseReducerHandle<AppState>>> = const { std::cell::RefCell::new(None) };
}

fn session() -> Option<web_sys::Storage> {
    gloo_utils::window().session_storage().ok().flatten()
}

/// The page goes (a reload, the tab closed) or is put away (another app, the phone locked, where
/// the system may end it): every form's unsaved changes, the one on screen's too, are kept aside.
fn keep_drafts() {
    let Some(state) = LATEST.with(|l| l.borrow().clone()) else { return };
    let Some(s) = session() else { return };
    let kept = state.drafts_to_keep();
    let _ = if kept.is_empty() { s.remove_item(DRAFTS_KEY) } else { s.set_item(DRAFTS_KEY, &kept.to_json()) };
}

/// What was kept aside before the page reloaded.
fn kept_drafts() -> Kept {
    let Some(s) = session() else { return Kept::default() };
    // The editor's own kept changes, as an earlier version kept them, are let go.
    let _ = s.remove_item("second-round-draft");
    s.get_item(DRAFTS_KEY).ok().flatten().map(|t| Kept::from_json(&t)).unwrap_or_default()
}

/// A new screen starts at its top, and focus goes to its heading so a screen reader reads where
/// the person now is (the heading is made focusable for that, not put in the tab order).
pub fn arrive() {
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
                state.dispatch(a);
            }
        });
        // A reload, a closed tab, or the page put away: unsaved changes are kept aside first.
        let leaving = Closure::<dyn Fn()>::new(keep_drafts);
        let hidden = Closure::<dyn Fn()>::new(|| {
            if gloo_utils::document().hidden() {
                keep_drafts();
            }
        });
        let (window, document) = (gloo_utils::window(), gloo_utils::document());
        let _ = window.add_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
        let _ = window.add_event_listener_with_callback("pagehide", leaving.as_ref().unchecked_ref());
        let _ = document.add_event_listener_with_callback("visibilitychange", hidden.as_ref().unchecked_ref());
        move || {
            let _ = window.remove_event_listener_with_callback("popstate", listener.as_ref().unchecked_ref());
            let _ = window.remove_event_listener_with_callback("pagehide", leaving.as_ref().unchecked_ref());
            let _ = document.remove_event_listener_with_callback("visibilitychange", hidden.as_ref().unchecked_ref());
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
