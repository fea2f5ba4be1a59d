//! The browser's side of the core: performs its effects (the recorder, downloads, the share
//! sheet, focus once the screen shows the change) and turns what the browser reports (the
//! recorder's events, other tabs' writes) into actions.

use super::state::{Action, AppState};
use crate::core::{Effect, FocusOn};
use std::cell::Cell;
use yew::prelude::*;

thread_local! {
    /// Focus asked for by the last action, moved after the render that shows it (`use_focus`).
    static FOCUS: Cell<Option<FocusOn>> = const { Cell::new(None) };
    /// The next render opens at the top with focus on its heading, as a new screen does.
    static ARRIVE: Cell<bool> = const { Cell::new(false) };
}

/// After the next render: to the top, focus on its heading (a new stage within one screen).
pub fn arrive_after_render() {
    ARRIVE.set(true);
}

/// The recorder's events and other tabs' writes, dispatched as actions (wired once, at start).
#[hook]
pub fn use_browser_events(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        super::media::connect(dispatch.clone());
        crate::store::local::watch_other_tabs(move |changes| dispatch.dispatch(Action::External(changes)));
    });
}

/// After every render: focus where the last action asked (the element exists only now).
#[hook]
pub fn use_focus() {
    use_effect(|| {
        if ARRIVE.take() {
            super::router::arrive();
        }
        let selector = match FOCUS.take() {
            Some(FocusOn::Answer) => ".answer",
            Some(FocusOn::ConfirmDelete) => ".confirm .danger",
            Some(FocusOn::Heading) => return super::router::arrive(),
            None => return,
        };
        if let Some(el) = gloo_utils::document().query_selector(selector).ok().flatten() {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
                // The answer shown: if that scrolled the question away, its first line comes back to the top.
                let card = el.closest(".card").ok().flatten().and_then(|c| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(c).ok());
                let window = gloo_utils::window();
                if let (Some(card), Ok(y)) = (card, window.scroll_y()) {
                    let top = (card.offset_top() - 8).max(0) as f64;
                    if y > top {
                        window.scroll_to_with_x_and_y(0.0, top);
                    }
                }
            }
        }
    });
}

pub fn perform(effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::StartRecording { speech } => super::media::start(speech),
            Effect::StopRecording => super::media::stop(),
            Effect::Speak { text, voice, rate_percent } => super::mock::voice::say(&text, &voice, rate_percent as f32 / 100.0),
            Effect::Hush => super::mock::voice::hush(),
            Effect::Focus(on) => FOCUS.set(Some(on)),
            Effect::ForgetRecording(url) => super::media::forget(&url),
            Effect::Download { name, mime, text } => super::files::download(&name, mime, &text),
            Effect::Share { name, mime, text } => wasm_bindgen_futures::spawn_local(async move {
                let why = super::files::share(&name, mime, &text).await;
                if !why.is_empty() {
                    super::files::download(&name, mime, &text);
                }
            }),
        }
    }
}
