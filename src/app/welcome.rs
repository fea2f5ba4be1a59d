//! The first-visit welcome, in two steps: what Second Round is and whose answers to practise,
//! then the interview's date (or skip it). Shown until a track is chosen or the choice skipped.

use super::form::Form;
use super::settings::errors_view;
use super::state::{Action, AppState};
use crate::domain::Track;
use yew::prelude::*;

/// Which step the welcome is on, kept in the home screen's draft.
const STEP: &str = "welcome-step";

pub fn view(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let f = Form::new(state, dispatch);
    let chosen = Track::from_key(&f.value("welcome-track")).unwrap_or_default();
    let body = if f.value(STEP) == "date" { date_step(state, dispatch, chosen) } else { track_step(state, dispatch, chosen) };
    html! {
        <section class="welcome" aria-labelledby="welcome-title" data-testid="welcome">
            <h2 id="welcome-title">{ "Welcome to Second Round" }</h2>
            { body }
        </section>
    }
}

/// Step one: what this is, and the role track (its persona in a line).
fn track_step(state: &AppState, dispatch: &UseReducerDispatcher<AppState>, chosen: Track) -> Html {
    let f = Form::new(state, dispatch);
    let summary = state.track_info(chosen).map(|t| t.summary()).unwrap_or_default();
    // On to the date, with the track chosen (or the general answers, skipped).
    let next = |t: Track| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Change("welcome-track".into(), t.key().into()));
            d.dispatch(Action::Change(STEP.into(), "date".into()));
        })
    };
    html! {
        <>
        <p class="intro">{ "A bank of the questions a second interview asks, each with a model answer to make your own. Answer aloud or in your head, see the model answer, say how it went: each card comes back just before you would forget it." }</p>
        <h3>{ "Whose answers do you want to practise?" }</h3>
        <label for="welcome-track">{ "Your role track" }</label>
        <select id="welcome-track" onchange={f.change("welcome-track")} aria-describedby="welcome-summary">
            { for state.tracks.iter().map(|t| html! { <option value={t.track.key()} selected={t.track == chosen}>{ &t.label }</option> }) }
        </select>
        <p class="help" id="welcome-summary" data-testid="welcome-summary">{ summary }</p>
        <div class="form-actions">
            <button class="secondary" onclick={next(chosen)}>{ "Use this track" }</button>
            <button class="link" onclick={next(Track::Office)}>{ "Skip (general answers)" }</button>
        </div>
        <p class="help">{ "You can change it any time in Settings." }</p>
        </>
    }
}

/// Step two: the interview's date and time, added as the interview form adds it — or skipped.
fn date_step(state: &AppState, dispatch: &UseReducerDispatcher<AppState>, chosen: Track) -> Html {
    let f = Form::new(state, dispatch);
    let d = dispatch.clone();
    let skip = Callback::from(move |_: MouseEvent| d.dispatch(Action::SetTrack(chosen)));
    html! {
        <form id="welcome-date" onsubmit={f.submit()} novalidate=true aria-labelledby="welcome-date-title">
            <h3 id="welcome-date-title">{ "When is your second interview?" }</h3>
            <p class="help" id="welcome-date-help">{ "With its date you get a countdown, how ready you would be on the day, and a daily plan to get there." }</p>
            <label for="welcome-when">{ "Date and time" }</label>
            <input id="welcome-when" type="datetime-local" value={f.value("welcome-when")} oninput={f.input("welcome-when")}
                aria-describedby="welcome-date-help" />
            { errors_view(&state.form_errors) }
            <div class="form-actions">
                <button type="submit" class="primary">{ "Save the date" }</button>
                <button type="button" class="link" onclick={skip}>{ "Skip for now" }</button>
            </div>
            <p class="help">{ "No date yet? Add it later under Your interview on this screen." }</p>
        </form>
    }
}
