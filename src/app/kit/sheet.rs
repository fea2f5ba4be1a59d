//! The plan sheet: one screen to read in the waiting room (and one printed page: `styles/kit.css`'s
//! print rules), shared as plain text or copied; and the form for its own parts.

use super::super::form::{restored_view, Form};
use super::super::state::{Action, AppState, Screen};
use super::{browser, interview_line, kit, no_interview_screen, show};
use crate::core::kit::{ids, KitAction, KitScreen};
use crate::domain::kit::sheet::sheet;
use yew::prelude::*;

/// Says what a copy or a share did, in the snackbar.
pub(crate) fn said(dispatch: &UseReducerDispatcher<AppState>) -> impl Fn(String) + 'static {
    let d = dispatch.clone();
    move |text: String| {
        if !text.is_empty() {
            d.dispatch(Action::Kit(KitAction::Said(text)));
        }
    }
}

pub(crate) fn copy_button(dispatch: &UseReducerDispatcher<AppState>, text: String, label: &str) -> Html {
    let tell = std::rc::Rc::new(said(dispatch));
    let onclick = Callback::from(move |_: MouseEvent| {
        let (text, tell) = (text.clone(), tell.clone());
        wasm_bindgen_futures::spawn_local(async move { tell(browser::copy_text(&text).await) });
    });
    html! { <button type="button" class="secondary" {onclick}>{ label.to_string() }</button> }
}

pub(crate) fn share_button(dispatch: &UseReducerDispatcher<AppState>, title: String, text: String, label: &str) -> Html {
    if !browser::can_share_text() {
        return html! {};
    }
    let tell = std::rc::Rc::new(said(dispatch));
    let onclick = Callback::from(move |_: MouseEvent| {
        let (title, text, tell) = (title.clone(), text.clone(), tell.clone());
        wasm_bindgen_futures::spawn_local(async move { tell(browser::share_text(&title, &text).await) });
    });
    html! { <button type="button" class="secondary" {onclick}>{ label.to_string() }</button> }
}

pub fn view(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let (Some(iv), Some(round)) = (state.kit_interview(), state.kit_round()) else {
        return no_interview_screen(dispatch, "Plan sheet");
    };
    let s = sheet(&iv, &round, &state.kit.stories, state.clock.utc_offset_min);
    let text = s.text();
    let tick = |key: &'static str| {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            d.dispatch(Action::Kit(KitAction::Tick(key.to_string(), e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())))
        })
    };
    let empty = |what: &str| html! { <p class="help no-print">{ format!("Nothing yet: {what}") }</p> };
    html! {
        <section class="kit plan-sheet" aria-labelledby="sheet-title" data-testid="plan-sheet">
            <h1 id="sheet-title">{ "Plan sheet" }</h1>
            <p class="sheet-title" data-testid="sheet-interview"><strong>{ s.title.clone() }</strong></p>
            <p data-testid="sheet-when">{ s.when_where.clone() }</p>
            <h2>{ "Three things I want them to remember" }</h2>
            if s.remember.is_empty() { { empty("add them with Edit the plan.") } } else {
                <ol data-testid="sheet-remember">{ for s.remember.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ol>
            }
            <h2>{ "My stories" }</h2>
            if s.stories.is_empty() { { empty("choose them with Edit the plan.") } } else {
                <ul data-testid="sheet-stories">{ for s.stories.iter().map(|(name, result)| html! {
                    <li><strong>{ name.clone() }</strong>{ if result.is_empty() { String::new() } else { format!(": {result}") } }</li>
                }) }</ul>
            }
            <h2>{ "My questions" }</h2>
            if s.questions.is_empty() { { empty("add them under Questions to ask.") } } else {
                <ul data-testid="sheet-questions">{ for s.questions.iter().map(|q| html! { <li>{ q.clone() }</li> }) }</ul>
            }
            <h2>{ "Who I will meet" }</h2>
            if s.meet.is_empty() { { empty("name them with Edit the plan or in the round-one notes.") } } else {
                <ul data-testid="sheet-meet">{ for s.meet.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
            }
            <h2 id="checklist-title">{ "Checklist" }</h2>
            <ul class="checklist" aria-labelledby="checklist-title">
                { for s.checklist.iter().map(|(key, text, done)| html! {
                    <li><label class="check"><input type="checkbox" id={format!("check-{key}")} checked={*done} onchange={tick(key)} />{ *text }</label></li>
                }) }
            </ul>
            <div class="form-actions no-print">
                <button type="button" class="primary" onclick={show(dispatch, KitScreen::Plan)}>{ "Edit the plan" }</button>
                <button type="button" class="secondary" onclick={Callback::from(|_: MouseEvent| browser::print_page())}>{ "Print" }</button>
                { share_button(dispatch, format!("Plan: {}", s.title), text.clone(), "Share") }
                { copy_button(dispatch, text, "Copy as text") }
            </div>
            <p class="help no-print">{ interview_line(state, &iv) }{ " · " }<button class="link" onclick={show(dispatch, KitScreen::Hub)}>{ "Interview kit" }</button></p>
        </section>
    }
}

pub fn form(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let Some(iv) = state.kit_interview() else {
        return no_interview_screen(dispatch, "Edit the plan");
    };
    let f = Form::new(state, dispatch);
    let stories = state.kit.live_stories();
    html! {
        <section class="kit plan-form" aria-labelledby="plan-title">
            <h1 id="plan-title">{ "Edit the plan" }</h1>
            <p class="help">{ interview_line(state, &iv) }</p>
            { restored_view(state, dispatch) }
            <form onsubmit={f.submit()} novalidate=true>
                <fieldset>
                    <legend>{ "Three things you want them to remember" }</legend>
                    { for (0..3).map(|i| {
                        let id = ids::remember(i);
                        html! { <p class="field"><label for={id.clone()}>{ format!("{}.", i + 1) }</label>
                            <input id={id.clone()} type="text" value={f.value(&id)} oninput={f.input(id.clone())} /></p> }
                    }) }
                </fieldset>
                <fieldset>
                    <legend>{ "The stories you chose" }</legend>
                    if stories.is_empty() {
                        <p class="help">{ "No stories yet. " }<button type="button" class="link" onclick={kit(dispatch, KitAction::EditStory(None))}>{ "Add a story" }</button></p>
                    }
                    { for stories.iter().map(|s| {
                        let id = ids::story(&s.id);
                        html! { <label class="check"><input type="checkbox" id={id.clone()} checked={f.checked(&id)} onchange={f.change(id.clone())} />{ s.name() }</label> }
                    }) }
                </fieldset>
                <p class="field"><label for={ids::PLACE}>{ "Where" }</label>
                    <input id={ids::PLACE} type="text" value={f.value(ids::PLACE)} oninput={f.input(ids::PLACE)} aria-describedby="pl-place-help" />
                    <span class="help" id="pl-place-help">{ "The address, the floor, who to ask for at reception." }</span></p>
                <p class="field"><label for={ids::MEET}>{ "Who you will meet" }</label>
                    <textarea id={ids::MEET} rows="3" value={f.value(ids::MEET)} oninput={f.input(ids::MEET)} aria-describedby="pl-meet-help" />
                    <span class="help" id="pl-meet-help">{ "One a line: their name, then a comma and their role." }</span></p>
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save the plan" }</button>
                    <button type="button" class="link" onclick={f.cancel(Action::Show(Screen::Kit(KitScreen::Sheet)))}>{ "Cancel" }</button>
                </div>
            </form>
        </section>
    }
}
