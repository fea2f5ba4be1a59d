//! Anki's keys: Space or Enter shows the answer, 1–4 grade, u or Ctrl/Cmd+Z undoes.

use super::state::{Action, AppState, KeyCmd};
use crate::domain::Rating;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

fn command(e: &KeyboardEvent) -> Option<KeyCmd> {
    let key = e.key();
    if (e.ctrl_key() || e.meta_key()) && !e.alt_key() && key.eq_ignore_ascii_case("z") && !e.shift_key() {
        return Some(KeyCmd::Undo);
    }
    if e.ctrl_key() || e.meta_key() || e.alt_key() {
        return None;
    }
    match key.as_str() {
        " " | "Enter" => Some(KeyCmd::RevealOrStart),
        "1" => Some(KeyCmd::Grade(Rating::Again)),
        "2" => Some(KeyCmd::Grade(Rating::Hard)),
        "3" => Some(KeyCmd::Grade(Rating::Good)),
        "4" => Some(KeyCmd::Grade(Rating::Easy)),
        "u" | "U" => Some(KeyCmd::Undo),
        _ => None,
    }
}

/// Keys typed into a form field, or Space/Enter on a control, keep their usual meaning.
fn belongs_to_target(e: &KeyboardEvent, cmd: KeyCmd) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    let tag = el.tag_name().to_ascii_lowercase();
    if matches!(tag.as_str(), "input" | "textarea" | "select") || el.has_attribute("contenteditable") {
        return true;
    }
    cmd == KeyCmd::RevealOrStart && matches!(tag.as_str(), "button" | "a" | "summary")
}

/// Anki's keys, listened to on the document (wired once, at start).
#[hook]
pub fn use_keyboard(dispatch: UseReducerDispatcher<AppState>) {
    use_effect_with((), move |_| {
        let listener = Closure::<dyn Fn(KeyboardEvent)>::new(move |e: KeyboardEvent| {
            if e.repeat() || e.is_composing() {
                return;
            }
            let Some(cmd) = command(&e) else { return };
            if belongs_to_target(&e, cmd) {
                return;
            }
            e.prevent_default();
            dispatch.dispatch(Action::Key(cmd));
        });
        let document = gloo_utils::document();
        let _ = document.add_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        move || {
            let _ = document.remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
    });
}
