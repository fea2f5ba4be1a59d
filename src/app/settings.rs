//! Settings: how sure to be of each answer (desired retention), new cards per day, maximum reviews per day, maximum interval, the
//! readiness target, rehearse mode and speech to text.

use super::form::{restored_view, Form};
use super::state::{Action, AppState, Screen};
use crate::domain::settings::limits;
use crate::store::local::StorageReport;
use yew::prelude::*;

fn size(bytes: f64) -> String {
    let kb = (bytes / 1024.0).round() as u64;
    if kb < 1024 {
        format!("{} KB", kb.max(1))
    } else {
        format!("{} MB", (kb + 512) / 1024)
    }
}

/// Whether the browser keeps the data, and how much there is; a gentle nudge where it may not.
pub fn storage_view(report: Option<&StorageReport>) -> Html {
    let Some(r) = report else {
        return html! { <p class="help">{ "Checking storage…" }</p> };
    };
    let status = match r.persisted {
        Some(true) => "Persistent: the browser will not clear your progress to free up space.",
        Some(false) => "Not persistent: the browser may clear this site's data when space runs low, and some browsers do after days without use. Install Second Round on your home screen to keep your progress safe.",
        None => "This browser does not say whether it keeps this site's data. Installing Second Round on your home screen keeps it safest.",
    };
    html! {
        <>
            <p data-testid="storage-status">{ status }</p>
            <p class="help" data-testid="storage-usage">
                { format!("Your progress takes {} of local storage.", size(r.progress_bytes as f64)) }
                if let (Some(used), Some(quota)) = (r.usage, r.quota) {
                    { format!(" This site uses {} in all (the offline copy of the app included), of {} available.", size(used), size(quota)) }
                }
            </p>
        </>
    }
}

/// Errors under a form, announced when they appear.
pub fn errors_view(errors: &[String]) -> Html {
    if errors.is_empty() {
        return html! {};
    }
    html! { <ul class="errors" role="alert">{ for errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul> }
}

/// A number field with its label (`min`, `max`: its limits; `help`: the line under it).
fn number(f: &Form, id: &'static str, label: &'static str, (min, max): (u32, Option<u32>), step: u32, help: Option<&'static str>) -> Html {
    let help_id = help.map(|_| format!("{id}-help"));
    // Retention may be typed with a decimal point; the others are whole numbers.
    html! {
        <>
            <label for={id}>{ label }</label>
            <input id={id} type="number" inputmode={if id == "retention" { "decimal" } else { "numeric" }} min={min.to_string()} max={max.map(|m| m.to_string())}
                step={step.to_string()} value={f.value(id)} oninput={f.input(id)} aria-describedby={help_id.clone()} />
            if let Some(help) = help {
                <p class="help" id={help_id}>{ help }</p>
            }
        </>
    }
}

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let mock_settings = super::mock::settings(state, &dispatch);
    let f = Form::new(state, &dispatch);
    html! {
        <section class="settings" aria-labelledby="settings-title">
            <h1 id="settings-title">{ "Settings" }</h1>
            { restored_view(state, &dispatch) }
            <form onsubmit={f.submit()} novalidate=true>
                { number(&f, "retention", "How sure to be of each answer (%)", (*limits::RETENTION_PERCENT.start(), Some(*limits::RETENTION_PERCENT.end())), 1, Some("The chance you still remember an answer when its card comes back (what a scheduler calls desired retention). Higher means more reviews. 70–97, default 90.")) }
                { number(&f, "new-per-day", "New cards per day", (0, None), 1, None) }
                { number(&f, "max-reviews", "Maximum reviews per day", (0, None), 1, None) }
                { number(&f, "max-interval", "Longest gap between reviews (days)", (1, None), 1, None) }
                { number(&f, "target", "Readiness target for the interview (%)", (*limits::TARGET_PERCENT.start(), Some(*limits::TARGET_PERCENT.end())), 1, None) }
                <fieldset class="tracks" aria-describedby="track-help">
                    <legend>{ "Whose answers: your role track" }</legend>
                    <p class="help" id="track-help">{ "The model answers and key points are told by one person per track. Cards without a track's own answer show the general one." }</p>
                    { for state.tracks.iter().map(|t| {
                        let id = format!("track-{}", t.track.key());
                        let help = format!("{id}-help");
                        html! {
                            <div class="track-option">
                                <label class="check"><input type="radio" name="track" id={id.clone()} value={t.track.key()}
                                    checked={&*f.value("track") == t.track.key()} onchange={f.change("track")} aria-describedby={help.clone()} />{ &t.label }</label>
                                <p class="help" id={help}>{ t.summary() }</p>
                            </div>
                        }
                    }) }
                </fieldset>
                <h2>{ "Rehearse mode" }</h2>
                <label class="check"><input id="rehearse" type="checkbox" checked={f.checked("rehearse")} onchange={f.change("rehearse")} aria-describedby="rehearse-help" />
                    { "Rehearse: answer against the clock before the model answer shows" }</label>
                <p class="help" id="rehearse-help">{ "Type your answer or record it on this device, then see which key points you covered, your length, fillers and a suggested grade. You can also switch it for one session on the home screen." }</p>
                { number(&f, "answer-seconds", "Answer time (seconds)", (*limits::ANSWER_SECONDS.start(), Some(*limits::ANSWER_SECONDS.end())), 5, None) }
                <label class="check"><input id="speech" type="checkbox" checked={f.checked("speech")} onchange={f.change("speech")} aria-describedby="speech-help" disabled={!super::media::can_transcribe()} />
                    { "Speech to text while recording" }</label>
                <p class="help" id="speech-help">{ if super::media::can_transcribe() {
                    "Uses this browser's speech recognition to type what you say. Some browsers (Chrome, Edge, Safari) send the audio to their maker's servers to do it; Second Round itself uploads nothing. Off by default."
                } else {
                    "This browser has no speech recognition. Typing and recording work without it."
                } }</p>
                { errors_view(&state.form_errors) }
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save settings" }</button>
                    <button type="button" class="secondary" onclick={f.cancel(Action::Show(Screen::Home))}>{ "Cancel" }</button>
                </div>
            </form>
            { mock_settings }
            <h2>{ "Storage on this device" }</h2>
            { storage_view(state.storage.as_ref()) }
        </section>
    }
}
