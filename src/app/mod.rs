//! Yew components: each screen renders the state and sends actions; `state` holds the reducer.

mod cards;
mod edit;
mod effects;
mod files;
mod form;
mod home;
mod hooks;
mod interviews;
mod keys;
mod kit;
mod media;
mod mock;
mod notices;
mod rehearse;
mod review;
mod router;
mod settings;
mod snackbar;
pub mod state;
mod stats;
mod swipe;
mod tabs;
mod transfer;
mod welcome;

use state::Screen;
use yew::prelude::*;

/// The current text of a field or text area by id ("" when there is none).
pub(crate) fn text_value(id: &str) -> String {
    gloo_utils::document()
        .get_element_by_id(id)
        .and_then(|e| js_sys::Reflect::get(&e, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| router::initial(state::load()));
    router::use_router(&state);
    snackbar::use_snackbar(&state, state.dispatcher());
    keys::use_keyboard(state.dispatcher());
    effects::use_browser_events(state.dispatcher());
    // Focus where an action asked (the answer revealed, "Delete for good"), after the render.
    effects::use_focus();
    hooks::use_clocks(&state);
    hooks::use_voices(state.dispatcher());
    hooks::use_track_answers(&state);
    hooks::use_storage_report(&state);
    let dispatch = state.dispatcher();
    let body = match state.screen {
        Screen::Home => home::view(&state, dispatch.clone()),
        Screen::Review => review::view(&state, dispatch.clone()),
        Screen::Interviews => interviews::view(&state, dispatch.clone()),
        Screen::Stats => stats::view(&state),
        Screen::Settings => settings::view(&state, dispatch.clone()),
        Screen::Cards => cards::view(&state, dispatch.clone()),
        Screen::Edit => edit::view(&state, dispatch.clone()),
        Screen::Transfer => transfer::view(&state, dispatch.clone()),
        Screen::Kit(k) => kit::view(&state, dispatch.clone(), k),
        Screen::Mock => mock::view(&state, dispatch.clone()),
    };
    html! {
        <div class="app">
            { notices::view(&state.notices, dispatch.clone()) }
            <main id="main">{ body }</main>
            { snackbar::view(&state, &dispatch) }
            { tabs::view(&state, &dispatch) }
        </div>
    }
}
