//! Round-one notes (who they met, what those people said matters, what went well, what to add or
//! correct this time) and the questions to ask (from the deck's "Your questions for them" or their
//! own; asked, and the answer noted).

use super::super::form::{restored_view, Form};
use super::super::settings::errors_view;
use super::super::state::{Action, AppState, Screen};
use super::{interview_line, kit, no_interview_screen, show};
use crate::core::kit::{ids, people_rows, KitAction, KitScreen};
use yew::prelude::*;

pub fn notes(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let (Some(iv), Some(round)) = (state.kit_interview(), state.kit_round()) else {
        return no_interview_screen(dispatch, "Round-one notes");
    };
    let f = Form::new(state, dispatch);
    let rows = people_rows(&round, state.kit_view.more_people);
    html! {
        <section class="kit notes" aria-labelledby="notes-title">
            <h1 id="notes-title">{ "Round-one notes" }</h1>
            <p class="help">{ interview_line(state, &iv) }</p>
            { restored_view(state, dispatch) }
            { errors_view(&state.form_errors) }
            <form onsubmit={f.submit()} novalidate=true>
                <h2>{ "Who you met" }</h2>
                { for (0..rows).map(|i| {
                    let (name, role, said) = (ids::person("name", i), ids::person("role", i), ids::person("said", i));
                    html! {
                        <fieldset class="person">
                            <legend>{ format!("Person {}", i + 1) }</legend>
                            <p class="field"><label for={name.clone()}>{ "Name" }</label>
                                <input id={name.clone()} type="text" autocomplete="off" value={f.value(&name)} oninput={f.input(name.clone())} /></p>
                            <p class="field"><label for={role.clone()}>{ "Role" }</label>
                                <input id={role.clone()} type="text" autocomplete="off" value={f.value(&role)} oninput={f.input(role.clone())} /></p>
                            <p class="field"><label for={said.clone()}>{ "What they said matters" }</label>
                                <textarea id={said.clone()} rows="2" value={f.value(&said)} oninput={f.input(said.clone())} /></p>
                        </fieldset>
                    }
                }) }
                <button type="button" class="secondary" onclick={kit(dispatch, KitAction::AddPerson)}>{ "Add a person" }</button>
                <p class="field"><label for={ids::WELL}>{ "What went well" }</label>
                    <textarea id={ids::WELL} rows="3" value={f.value(ids::WELL)} oninput={f.input(ids::WELL)} /></p>
                <p class="field"><label for={ids::ADD}>{ "What you would add or correct this time" }</label>
                    <textarea id={ids::ADD} rows="3" value={f.value(ids::ADD)} oninput={f.input(ids::ADD)} /></p>
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save notes" }</button>
                    <button type="button" class="link" onclick={f.cancel(Action::Show(Screen::Kit(KitScreen::Hub)))}>{ "Cancel" }</button>
                </div>
            </form>
        </section>
    }
}

pub fn questions(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let (Some(iv), Some(round)) = (state.kit_interview(), state.kit_round()) else {
        return no_interview_screen(dispatch, "Questions to ask");
    };
    let f = Form::new(state, dispatch);
    let cards = state.question_cards();
    let decide = state.kit_decision(&round);
    let asked = |i: usize| {
        let d = dispatch.clone();
        Callback::from(move |e: Event| {
            d.dispatch(super::super::state::Action::Kit(KitAction::Asked(
                i,
                e.target_unchecked_into::<web_sys::HtmlInputElement>().checked(),
            )))
        })
    };
    html! {
        <section class="kit questions" aria-labelledby="questions-title">
            <h1 id="questions-title">{ "Questions to ask" }</h1>
            <p class="help">{ interview_line(state, &iv) }</p>
            { restored_view(state, dispatch) }
            { errors_view(&state.form_errors) }
            if let Some(date) = decide {
                <p data-testid="questions-decision">{ format!("They plan to decide by {date}.") }</p>
            }
            if round.questions.is_empty() {
                <p>{ "No questions yet: add some of the ones below, or write your own." }</p>
            } else {
                <form onsubmit={f.submit()} novalidate=true>
                    <ol class="question-list" data-testid="my-questions">
                        { for round.questions.iter().enumerate().map(|(i, q)| {
                            let answer = ids::answer(i);
                            let tick = format!("q-asked-{i}");
                            html! {
                                <li>
                                    <p class="title">{ q.text.clone() }</p>
                                    <label class="check"><input type="checkbox" id={tick} checked={q.asked} onchange={asked(i)} />{ "Asked" }</label>
                                    <p class="field"><label for={answer.clone()}>{ "Their answer" }</label>
                                        <textarea id={answer.clone()} rows="2" value={f.value(&answer)} oninput={f.input(answer.clone())} /></p>
                                    <button type="button" class="link" onclick={kit(dispatch, KitAction::RemoveQuestion(i))} aria-label={format!("Remove question {}", i + 1)}>{ "Remove" }</button>
                                </li>
                            }
                        }) }
                    </ol>
                    <p class="help">{ "When they say when they will decide (\"by Friday\", \"in two weeks\"), note it as the answer: the home screen shows the date." }</p>
                    <div class="form-actions"><button type="submit" class="primary">{ "Save answers" }</button></div>
                </form>
            }
            <h2>{ "Your own question" }</h2>
            <p class="field"><label for={ids::NEW_QUESTION}>{ "Question" }</label>
                <input id={ids::NEW_QUESTION} type="text" value={f.value(ids::NEW_QUESTION)} oninput={f.input(ids::NEW_QUESTION)} /></p>
            <button type="button" class="secondary" onclick={kit(dispatch, KitAction::AddOwnQuestion)}>{ "Add my question" }</button>
            <h2>{ "From \"Your questions for them\"" }</h2>
            <ul class="card-questions" data-testid="question-cards">
                { for cards.iter().map(|c| {
                    let q = crate::domain::kit::round::question_from_card(c);
                    let added = round.has_card(&c.id);
                    html! {
                        <li>
                            <p>{ q.clone() }</p>
                            if added {
                                <span class="badge">{ "Added" }</span>
                            } else {
                                <button type="button" class="secondary" onclick={kit(dispatch, KitAction::AddCard(c.id.clone()))} aria-label={format!("Add: {q}")}>{ "Add" }</button>
                            }
                        </li>
                    }
                }) }
            </ul>
            <button class="link" onclick={show(dispatch, KitScreen::Hub)}>{ "Back to the interview kit" }</button>
        </section>
    }
}
