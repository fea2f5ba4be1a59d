//! The card editor: a new card of one's own, or any card's text (built-in cards too; their
//! schedule stays), suspend and delete (after a confirmation).

use super::settings::errors_view;
use super::state::{Action, AppState, Screen};
use super::text_value as value;
use crate::domain::transfer::{own_id, MAX_FIELD_CHARS};
use crate::domain::{Card, Theme};
use yew::prelude::*;

/// Reads the form into a card, or says what is missing.
fn read(id: Option<String>, synonyms: Vec<(String, String)>) -> Result<Card, Vec<String>> {
    let question = value("e-q").trim().to_string();
    let answer = value("e-a").trim().to_string();
    let mut errors = Vec::new();
    if question.is_empty() {
        errors.push("Write the question.".to_string());
    }
    if answer.is_empty() {
        errors.push("Write a model answer: what you would say.".to_string());
    }
    if question.chars().count() > MAX_FIELD_CHARS || answer.chars().count() > MAX_FIELD_CHARS {
        errors.push("Keep the question and the answer under 5,000 characters each.".to_string());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let lines = |text: String| text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let tags = value("e-tags").split(',').map(|t| crate::domain::fold(t.trim())).filter(|t| !t.is_empty()).collect();
    Ok(Card {
        id: id.unwrap_or_else(|| own_id(&question)),
        theme: Theme::from_key(&value("e-theme")).unwrap_or(Theme::Own),
        tags,
        key_points: lines(value("e-k")),
        question,
        answer,
        synonyms,
        ..Default::default()
    })
}

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let col = state.col();
    let card = state.editing.as_deref().and_then(|id| col.card(id)).cloned();
    let existing = card.as_ref().map(|c| c.id.clone());
    // While errors are shown, the fields keep what was typed.
    let keep = !state.form_errors.is_empty();
    let field = |id: &str, saved: String| if keep { value(id) } else { saved };
    let c = card.clone().unwrap_or(Card { id: String::new(), theme: Theme::Own, tags: vec![], question: String::new(), answer: String::new(), key_points: vec![], synonyms: vec![], ..Default::default() });
    let onsubmit = {
        let d = dispatch.clone();
        let existing = existing.clone();
        let synonyms = c.synonyms.clone();
        let taken: Vec<String> = col.cards.iter().map(|c| c.id.clone()).collect();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match read(existing.clone(), synonyms.clone()) {
                Ok(mut card) => {
                    // A new card whose question makes an id already in use gets a fresh one.
                    while existing.is_none() && taken.contains(&card.id) {
                        card.id.push('x');
                    }
                    d.dispatch(Action::SaveCard(card))
                }
                Err(list) => d.dispatch(Action::FormErrors(list)),
            }
        })
    };
    let go = |a: Action| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| d.dispatch(a.clone()))
    };
    let theme = if keep { Theme::from_key(&value("e-theme")).unwrap_or(c.theme) } else { c.theme };
    let suspended = existing.as_deref().is_some_and(|id| col.is_suspended(id));
    html! {
        <section class="editor" aria-labelledby="edit-title">
            <h1 id="edit-title">{ if existing.is_some() { "Edit card" } else { "New card" } }</h1>
            if existing.as_deref().is_some_and(|id| state.is_built_in(id)) {
                <p class="help">{ "A built-in card: your text replaces it and stays when the app updates its deck. Its schedule is kept." }</p>
            }
            <form {onsubmit} novalidate=true>
                <label for="e-q">{ "Question" }</label>
                <textarea id="e-q" rows="3" value={field("e-q", c.question.clone())} />
                <label for="e-a">{ "Model answer" }</label>
                <textarea id="e-a" rows="8" value={field("e-a", c.answer.clone())} />
                <label for="e-k">{ "Key points, one per line" }</label>
                <textarea id="e-k" rows="4" value={field("e-k", c.key_points.join("\n"))} />
                <label for="e-theme">{ "Theme" }</label>
                <select id="e-theme">
                    { for Theme::EVERY.into_iter().map(|t| html! { <option value={t.key()} selected={theme == t}>{ t.label() }</option> }) }
                </select>
                <label for="e-tags">{ "Tags, separated by commas" }</label>
                <input id="e-tags" type="text" value={field("e-tags", c.tags.join(", "))} />
                { errors_view(&state.form_errors) }
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save card" }</button>
                    <button type="button" class="secondary" onclick={go(Action::Show(Screen::Cards))}>{ "Cancel" }</button>
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
