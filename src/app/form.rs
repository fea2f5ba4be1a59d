//! How every form holds what the person types: the draft.
//!
//! The fields of the form on screen live in `AppState::draft`. A form's draft is filled when the
//! form opens (from what is saved: `settings::draft`, `edit::draft`, `cards::draft`; empty for the
//! others). Every keystroke or dictated word is written into it in place without a render
//! (`Action::Type`: the field already shows it), every tick or choice with a render
//! (`Action::Change`). The form's main button sends `Action::Submit` and the reducer reads the
//! draft (`settings::parse`, `edit::read`, `interviews::read`, …). The draft is dropped when the
//! person saves or leaves (the reducer starts a fresh one whenever the form on screen changes). A
//! field always renders the draft's value, which is what the field already holds, so a render for
//! any other reason — the 15-second tick, another tab's update, the rehearse countdown, validation
//! errors — puts back exactly what was typed. When what is saved changes under an open form
//! (another tab saved the settings), the fields the person has not touched follow it. Nothing
//! reads the page to learn what was typed.
//!
//! A person who leaves a form with changes not saved (the tab bar, Back, a reload) finds them
//! back when the same form opens again (`core/drafts.rs`): put `restored_view` above the form's
//! fields, and its Cancel button as `f.cancel(…)` (a Cancel lets the changes go).
//!
//! A new field: give it an id, put its starting value in the screen's `draft` (if it has one),
//! render it with `value={f.value(ID)} oninput={f.input(ID)}` (a check box, radio or select:
//! `checked={…}` / `selected={…}` from the draft and `onchange={f.change(ID)}`; a text field whose
//! text changes something else on screen as it is typed: `oninput={f.live(ID)}`), and read it from
//! the draft in the screen's `parse`/`read`.

use super::state::{Action, AppState};
use yew::prelude::*;

pub use crate::core::Draft;

/// The fields of a view bound to the draft: `let f = Form::new(state, &dispatch);`.
pub struct Form<'a> {
    draft: std::cell::Ref<'a, Draft>,
    dispatch: UseReducerDispatcher<AppState>,
}

/// The value of the element an event came from: "1"/"" for a check box, else its `value`.
fn value_of(target: Option<web_sys::EventTarget>) -> String {
    let Some(t) = target else { return String::new() };
    let get = |k: &str| js_sys::Reflect::get(&t, &k.into()).ok();
    if get("type").and_then(|v| v.as_string()).as_deref() == Some("checkbox") {
        if get("checked").and_then(|v| v.as_bool()) == Some(true) { "1" } else { "" }.to_string()
    } else {
        get("value").and_then(|v| v.as_string()).unwrap_or_default()
    }
}

impl<'a> Form<'a> {
    pub fn new(state: &'a AppState, dispatch: &UseReducerDispatcher<AppState>) -> Self {
        Form { draft: state.draft(), dispatch: dispatch.clone() }
    }

    /// A text field's, text area's or select's value.
    pub fn value(&self, id: &str) -> AttrValue {
        AttrValue::from(self.draft.get(id).to_string())
    }

    /// Whether a check box is ticked.
    pub fn checked(&self, id: &str) -> bool {
        self.draft.on(id)
    }

    /// For `oninput` of a text field or text area: every keystroke goes into the draft (without a
    /// render: the field already shows it).
    pub fn input(&self, id: impl Into<String>) -> Callback<InputEvent> {
        let (d, id) = (self.dispatch.clone(), id.into());
        Callback::from(move |e: InputEvent| d.dispatch(Action::Type(id.clone(), value_of(e.target()))))
    }

    /// For `oninput` of a text field whose text changes something else on screen as it is typed
    /// (the Quizlet separators re-read the preview): into the draft, then the screen renders.
    pub fn live(&self, id: impl Into<String>) -> Callback<InputEvent> {
        let (d, id) = (self.dispatch.clone(), id.into());
        Callback::from(move |e: InputEvent| d.dispatch(Action::Change(id.clone(), value_of(e.target()))))
    }

    /// For `onchange` of a check box or a select (every browser fires `change` for them at once):
    /// into the draft, then the screen renders (a choice may show or hide other fields).
    pub fn change(&self, id: impl Into<String>) -> Callback<Event> {
        let (d, id) = (self.dispatch.clone(), id.into());
        Callback::from(move |e: Event| d.dispatch(Action::Change(id.clone(), value_of(e.target()))))
    }

    /// For a form's Cancel: its changes are let go (not kept aside), then `action` goes elsewhere.
    pub fn cancel(&self, action: Action) -> Callback<MouseEvent> {
        let d = self.dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::DiscardDraft);
            d.dispatch(action.clone());
        })
    }

    /// For `onsubmit` of the form (or `onclick` of its main button): the reducer reads the draft.
    pub fn submit(&self) -> Callback<SubmitEvent> {
        let d = self.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            d.dispatch(Action::Submit)
        })
    }
}

/// Above a form that shows unsaved changes put back (the person left it without saving): it says
/// so, and "Discard changes" puts back what is saved.
pub fn restored_view(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    if !state.restored() {
        return html! {};
    }
    let d = dispatch.clone();
    html! {
        <div class="restored" role="status" data-testid="draft-restored">
            <p>{ "Your unsaved changes are back. Save them, or let them go." }</p>
            <button type="button" class="secondary" onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::DiscardDraft))}>{ "Discard changes" }</button>
        </div>
    }
}
