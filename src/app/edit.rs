//! The card editor: a new card of one's own, or any card's text (built-in cards too; their
//! schedule stays), suspend and delete (after a confirmation).

use super::form::{restored_view, Form};
use super::settings::errors_view;
use super::state::{Action, AppState, Screen};
use crate::domain::Theme;
use yew::prelude::*;

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let col = state.col();
    let existing = state.editing.as_deref().filter(|id| col.card(id).is_some()).map(str::to_string);
    let f = Form::new(state, &dispatch);
    let go = |a: Action| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let theme = f.value("e-theme");
    let suspended = existing.as_deref().is_some_and(|id| col.is_suspended(id));
    html! {
        <section class="editor" aria-labelledby="edit-title">
            <h1 id="edit-title">{ if existing.is_some() { "Edit card" } else { "New card" } }</h1>
            if existing.as_deref().is_some_and(|id| state.is_built_in(id)) {
                <p class="help">{ "A built-in card: your text replaces it (on every role track) and stays when the app updates its deck. Its schedule is kept." }</p>
            }
            if existing.as_deref().and_then(|id| col.card(id)).is_some_and(|c| c.is_retired()) {
                <p class="help" data-testid="retired-note">{ "Retired from the deck: it stays out of every session. Your progress and edits on it are kept." }</p>
            }
            { restored_view(state, &dispatch) }
            <form onsubmit={f.submit()} novalidate=true>
                <label for="e-q">{ "Question" }</label>
                <textarea id="e-q" rows="3" value={f.value("e-q")} oninput={f.input("e-q")} />
                <label for="e-a">{ "Model answer" }</label>
                <textarea id="e-a" rows="8" value={f.value("e-a")} oninput={f.input("e-a")} />
                <label for="e-k">{ "Key points, one per line" }</label>
                <textarea id="e-k" rows="4" value={f.value("e-k")} oninput={f.input("e-k")} />
                <label for="e-theme">{ "Theme" }</label>
                <select id="e-theme" onchange={f.change("e-theme")}>
                    { for Theme::WITH_OWN.into_iter().map(|t| html! { <option value={t.key()} selected={&*theme == t.key()}>{ t.label() }</option> }) }
                </select>
                <label for="e-tags">{ "Tags, separated by commas" }</label>
                <input id="e-tags" type="text" value={f.value("e-tags")} oninput={f.input("e-tags")} />
                <h2>{ "Coach's notes" }</h2>
                <label for="e-why">{ "Why they ask (what the interviewer is assessing)" }</label>
                <textarea id="e-why" rows="2" value={f.value("e-why")} oninput={f.input("e-why")} />
                <label for="e-avoid">{ "Avoid (the common mistake)" }</label>
                <textarea id="e-avoid" rows="2" value={f.value("e-avoid")} oninput={f.input("e-avoid")} />
                <label for="e-probes">{ "What they may ask next, one per line" }</label>
                <textarea id="e-probes" rows="3" value={f.value("e-probes")} oninput={f.input("e-probes")} />
                { errors_view(&state.form_errors) }
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save card" }</button>
                    <button type="button" class="secondary" onclick={f.cancel(Action::Show(Screen::Cards))}>{ "Cancel" }</button>
                </div>
            </form>
            if let Some(id) = existing {
                <div class="form-actions">
                    <button type="button" class="secondary" onclick={go(Action::Suspend(id.clone(), !suspended))}>
                        { if suspended { "Unsuspend" } else { "Suspend" } }</button>
                    <button type="button" class="secondary danger" onclick={go(Action::AskDelete(true))}>{ "Delete card" }</button>
                </div>
                if suspended {
                    <p class="help" data-testid="suspended-note">{ "Suspended: this card stays out of every session until you unsuspend it." }</p>
                }
                if state.confirm_delete {
                    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
                        <p id="confirm-text">{ "Delete this card and its schedule? Its past reviews stay in your statistics. This cannot be undone." }</p>
                        <div class="form-actions">
                            <button type="button" class="primary danger" onclick={go(Action::Delete(id.clone()))}>{ "Delete for good" }</button>
                            <button type="button" class="secondary" onclick={go(Action::AskDelete(false))}>{ "Keep it" }</button>
                        </div>
                    </div>
                }
            }
        </section>
    }
}
