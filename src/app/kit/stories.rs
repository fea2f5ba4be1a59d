//! My stories: the list with its coverage of the deck's story questions (gaps first, in words),
//! and the story form (STAR parts, a nudge for a number, competencies).

use super::super::form::{restored_view, Form};
use super::super::settings::errors_view;
use super::super::state::{Action, AppState, Screen};
use super::{kit, show};
use crate::core::kit::{ids, KitAction, KitScreen};
use crate::domain::kit::story::{coverage, has_measure, own_competencies, Competency};
use yew::prelude::*;

pub fn list(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let stories = state.kit.live_stories();
    let rows = coverage(&state.col().cards, &stories);
    let name = |id: &String| stories.iter().find(|s| s.id == *id).map(|s| s.name()).unwrap_or_default();
    let own = own_competencies(&stories);
    html! {
        <section class="kit stories" aria-labelledby="stories-title">
            <h1 id="stories-title">{ "My stories" }</h1>
            <p class="help">{ "Your own achievements, each told as the situation, your task, what you did and the result. They answer every \"tell me about a time\" question, and show under those cards' model answers." }</p>
            <div class="form-actions">
                <button class="primary" onclick={kit(dispatch, KitAction::EditStory(None))}>{ "Add a story" }</button>
                if !stories.is_empty() {
                    <button class="secondary" onclick={kit(dispatch, KitAction::Rehearse)}>{ "Rehearse my stories" }</button>
                }
                <button class="link" onclick={show(dispatch, KitScreen::Hub)}>{ "Interview kit" }</button>
            </div>
            if stories.is_empty() {
                <p data-testid="no-stories">{ "No stories yet." }</p>
            } else {
                <ul class="story-list" data-testid="story-list">
                    { for stories.iter().map(|s| {
                        let shows: Vec<&str> = s.competencies().iter().map(|c| c.label()).chain(s.own.iter().map(String::as_str)).collect();
                        html! {
                            <li>
                                <p class="title">{ s.name() }</p>
                                if !s.result.trim().is_empty() { <p>{ format!("Result: {}", s.result.trim()) }</p> }
                                if !shows.is_empty() { <p class="help">{ format!("Shows: {}", shows.join(", ")) }</p> }
                                <div class="row">
                                    <button class="secondary" onclick={kit(dispatch, KitAction::EditStory(Some(s.id.clone())))} aria-label={format!("Edit {}", s.name())}>{ "Edit" }</button>
                                </div>
                            </li>
                        }
                    }) }
                </ul>
            }
            <h2 id="coverage-title">{ "Coverage" }</h2>
            <p class="help">{ "Which competencies the deck's story questions ask for, and which of your stories show each." }</p>
            <ul class="gaps" data-testid="gaps">
                { for rows.iter().filter_map(|r| r.gap()).map(|g| html! { <li>{ g }</li> }) }
            </ul>
            <table class="coverage" aria-labelledby="coverage-title" data-testid="coverage">
                <thead><tr><th scope="col">{ "Covered" }</th><th scope="col">{ "Cards" }</th><th scope="col">{ "Your stories" }</th></tr></thead>
                <tbody>
                    { for rows.iter().filter(|r| !r.stories.is_empty()).map(|r| html! {
                        <tr>
                            <th scope="row">{ r.competency.label() }</th>
                            <td>{ r.cards.len() }</td>
                            <td>{ r.stories.iter().map(name).collect::<Vec<_>>().join(", ") }</td>
                        </tr>
                    }) }
                    { for own.iter().map(|(label, ids)| html! {
                        <tr>
                            <th scope="row">{ label.clone() }</th>
                            <td>{ "—" }</td>
                            <td>{ ids.iter().map(name).collect::<Vec<_>>().join(", ") }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}

fn field(f: &Form, id: &'static str, label: &str, help: &str, rows: u32, live: bool) -> Html {
    let help_id = format!("{id}-help");
    html! {
        <p class="field">
            <label for={id}>{ label }</label>
            <textarea id={id} rows={rows.to_string()} value={f.value(id)} oninput={if live { f.live(id) } else { f.input(id) }} aria-describedby={help_id.clone()} />
            <span class="help" id={help_id}>{ help.to_string() }</span>
        </p>
    }
}

pub fn form(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let f = Form::new(state, dispatch);
    let editing = state.kit_view.story.clone().filter(|id| state.kit.story(id).is_some());
    let result = f.value(ids::RESULT);
    let nudge = !result.trim().is_empty() && !has_measure(&result);
    html! {
        <section class="kit story-form" aria-labelledby="story-title">
            <h1 id="story-title">{ if editing.is_some() { "Edit story" } else { "Add a story" } }</h1>
            { restored_view(state, dispatch) }
            { errors_view(&state.form_errors) }
            <form onsubmit={f.submit()} novalidate=true>
                <p class="field">
                    <label for={ids::TITLE}>{ "Title" }</label>
                    <input id={ids::TITLE} type="text" value={f.value(ids::TITLE)} oninput={f.input(ids::TITLE)} aria-describedby="st-title-help" />
                    <span class="help" id="st-title-help">{ "A few words you will know it by, such as \"The month-end close\"." }</span>
                </p>
                { field(&f, ids::SITUATION, "Situation", "Where you were and what was going on.", 3, false) }
                { field(&f, ids::TASK, "Task", "What needed doing, and why it fell to you.", 2, false) }
                { field(&f, ids::ACTION, "What I did", "Your own actions: \"I\", not \"we\".", 4, false) }
                { field(&f, ids::RESULT, "Result", "What changed because of it: a number if you can (how much, how many, how fast).", 2, true) }
                if nudge {
                    <p class="nudge" role="status" data-testid="measure-nudge">{ "Can you put a number on it? Results like \"cut errors by 80%\", \"two weeks early\" or \"40 customers a day\" are what interviewers remember." }</p>
                }
                <fieldset class="competencies">
                    <legend>{ "What it shows" }</legend>
                    { for Competency::ALL.into_iter().map(|c| {
                        let id = ids::shows(c.key());
                        html! { <label class="check"><input type="checkbox" id={id.clone()} checked={f.checked(&id)} onchange={f.change(id.clone())} />{ c.label() }</label> }
                    }) }
                </fieldset>
                <p class="field">
                    <label for={ids::OWN}>{ "Other competencies (your own words)" }</label>
                    <input id={ids::OWN} type="text" value={f.value(ids::OWN)} oninput={f.input(ids::OWN)} aria-describedby="st-own-help" />
                    <span class="help" id="st-own-help">{ "Separated by commas, such as \"negotiation, public speaking\"." }</span>
                </p>
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save story" }</button>
                    <button type="button" class="link" onclick={f.cancel(Action::Show(Screen::Kit(KitScreen::Stories)))}>{ "Cancel" }</button>
                </div>
            </form>
            if let Some(id) = editing {
                <div class="form-actions danger-zone">
                    if state.kit_view.confirm_delete {
                        <p class="confirm" role="alert">{ "Delete this story for good? The plan sheets that chose it let it go." }</p>
                        <button type="button" class="secondary danger" onclick={kit(dispatch, KitAction::DeleteStory(id))}>{ "Delete for good" }</button>
                        <button type="button" class="secondary" onclick={kit(dispatch, KitAction::AskDeleteStory(false))}>{ "Keep it" }</button>
                    } else {
                        <button type="button" class="secondary danger" onclick={kit(dispatch, KitAction::AskDeleteStory(true))}>{ "Delete story" }</button>
                    }
                </div>
            }
        </section>
    }
}

/// Rehearse my stories: "Tell the story: …", then the story as written, graded Again to Easy and
/// scheduled by FSRS like any card.
pub fn rehearse(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let story = state.kit_view.rehearsing.as_deref().and_then(|id| state.kit.story(id)).cloned();
    let Some(story) = story else {
        let next = state.next_story_due().filter(|at| *at > state.clock.now_ms);
        let offset = state.clock.utc_offset_min;
        return html! {
            <section class="kit rehearse-stories" aria-labelledby="rs-title">
                <h1 id="rs-title">{ "Rehearse my stories" }</h1>
                <p data-testid="stories-done">{ match (state.kit.live_stories().is_empty(), next) {
                    (true, _) => "No stories yet: add one, then tell it here until it comes easily.".to_string(),
                    (false, Some(at)) => format!("Every story is rehearsed for now. The next one comes back on {} at {}.", crate::domain::kit::date::Date::of_ms(at, offset).label(), crate::domain::kit::date::time_label(at, offset)),
                    (false, None) => "Every story is rehearsed for now.".to_string(),
                } }</p>
                <button class="secondary" onclick={show(dispatch, KitScreen::Stories)}>{ "My stories" }</button>
            </section>
        };
    };
    let card = crate::domain::kit::story_card(&story);
    let grade = |r: crate::domain::Rating| kit(dispatch, KitAction::GradeStory(r));
    html! {
        <section class="kit rehearse-stories" aria-labelledby="rs-title">
            <h1 id="rs-title">{ "Rehearse my stories" }</h1>
            <p class="help">{ format!("{} to tell now.", state.stories_due().len()) }</p>
            <h2 data-testid="story-question">{ card.question.clone() }</h2>
            if state.kit_view.told {
                <div class="answer" data-testid="story-answer">
                    { for card.answer.lines().map(|l| html! { <p>{ l.to_string() }</p> }) }
                </div>
                <div class="grades form-actions" role="group" aria-label="How well did you tell it?">
                    <button class="grade again" onclick={grade(crate::domain::Rating::Again)}>{ "Again" }</button>
                    <button class="grade hard" onclick={grade(crate::domain::Rating::Hard)}>{ "Hard" }</button>
                    <button class="grade good" onclick={grade(crate::domain::Rating::Good)}>{ "Good" }</button>
                    <button class="grade easy" onclick={grade(crate::domain::Rating::Easy)}>{ "Easy" }</button>
                </div>
            } else {
                <p class="help">{ "Tell it aloud — where you were, what you did, the result with its number — then check it against what you wrote." }</p>
                <button class="primary big" onclick={kit(dispatch, KitAction::RevealStory)}>{ "Show my story" }</button>
            }
        </section>
    }
}
