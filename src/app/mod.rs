//! Yew components: each screen renders the state and sends actions; `state` holds the reducer.

mod home;
mod keys;
mod notices;
mod review;
mod settings;
pub mod state;
mod swipe;

use state::{Action, AppState, Screen};
use yew::prelude::*;

#[component]
pub fn App() -> Html {
    let state = use_reducer(AppState::load);
    keys::use_keyboard(state.dispatcher());
    {
        // Learning steps are minutes long: look again every 15 seconds so due cards appear.
        let dispatch = state.dispatcher();
        use_effect_with((), move |_| {
            let interval = gloo_timers::callback::Interval::new(15_000, move || dispatch.dispatch(Action::Tick));
            move || drop(interval)
        });
    }
    {
        // Focus follows the card: the answer when it is revealed, so screen readers read it next.
        let revealed = state.revealed;
        use_effect_with((state.turn, revealed), move |(_, revealed)| {
            if *revealed {
                if let Some(el) = gloo_utils::document().query_selector(".answer").ok().flatten() {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            }
        });
    }
    let dispatch = state.dispatcher();
    let go = |screen: Screen| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Show(screen)))
    };
    let body = match state.screen {
        Screen::Home => home::view(&state, dispatch.clone()),
        Screen::Review => review::view(&state, dispatch.clone()),
        Screen::Settings => html! { <settings::SettingsForm settings={state.col.settings} dispatch={dispatch.clone()} /> },
    };
    html! {
        <div class="app">
            <header class="topbar">
                <button class="brand" onclick={go(Screen::Home)} aria-label="Second Round home">{ "Second Round" }</button>
                <button class="link" onclick={go(Screen::Settings)}>{ "Settings" }</button>
            </header>
            { notices::view(&state.notices, dispatch.clone()) }
            <main id="main">{ body }</main>
        </div>
    }
}
