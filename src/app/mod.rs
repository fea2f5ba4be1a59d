//! Yew components: each screen renders the state and sends actions; `state` holds the reducer.

mod cards;
mod edit;
mod effects;
mod files;
mod form;
mod home;
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

use state::{Action, Screen};
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
    {
        // Rehearse mode's countdown: a render a second while the question is up.
        let dispatch = state.dispatcher();
        let counting = state.rehearse && state.current.is_some() && !state.revealed && state.screen == Screen::Review;
        use_effect_with(counting, move |&counting| {
            let interval = counting.then(|| gloo_timers::callback::Interval::new(1_000, move || dispatch.dispatch(Action::Tick)));
            move || drop(interval)
        });
    }
    {
        // The mock interview's answer clock: a render a second while a question is up.
        let dispatch = state.dispatcher();
        let counting = state.screen == Screen::Mock && state.mock.run.as_ref().is_some_and(|m| !m.is_done() && !m.is_paused());
        use_effect_with(counting, move |&counting| {
            let interval = counting.then(|| gloo_timers::callback::Interval::new(1_000, move || dispatch.dispatch(Action::Tick)));
            move || drop(interval)
        });
    }
    {
        // The device's voices for the mock interview: now, and whenever the browser's list changes.
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            mock::voice::watch();
            dispatch.dispatch(Action::Mock(crate::core::mock::MockAction::Voices(mock::voice::list())));
        });
    }
    {
        // Learning steps are minutes long: look again every 15 seconds so due cards appear.
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let interval = gloo_timers::callback::Interval::new(15_000, move || dispatch.dispatch(Action::Tick));
            move || drop(interval)
        });
    }
    {
        // The chosen role track's answers: fetched once (precached by the service worker, so
        // offline after the first visit), at start and whenever another track is chosen.
        let dispatch = state.dispatcher();
        use_effect_with(state.track_to_load(), move |load| {
            if let Some(track) = *load {
                wasm_bindgen_futures::spawn_local(async move {
                    let text = files::fetch_text(&format!("tracks/{}.txt", track.key())).await;
                    dispatch.dispatch(Action::TrackLoaded(track, text));
                });
            }
        });
    }
    {
        // Ask for persistent storage after the first grade (the person is clearly using the app,
        // and browsers grant it more readily then), and refresh the figures when settings open.
        // (Firefox shows a prompt for it, so it is asked once per visit at most.)
        let dispatch = state.dispatcher();
        let asked = use_mut_ref(|| false);
        let deps = (state.graded > 0, state.screen == Screen::Settings);
        use_effect_with(deps, move |&(graded, in_settings)| {
            if graded || in_settings {
                let ask = graded && !std::mem::replace(&mut *asked.borrow_mut(), graded);
                wasm_bindgen_futures::spawn_local(async move {
                    let report = crate::store::local::storage_report(ask).await;
                    dispatch.dispatch(Action::Storage(report));
                });
            }
        });
    }
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
