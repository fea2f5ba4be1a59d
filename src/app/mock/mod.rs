//! The mock interview's screens: its start (length and interview), the interview itself (the
//! question heard, the answer clock, the answer typed or recorded, Next question) and the debrief
//! (`debrief.rs`); its history on the Progress screen (`history.rs`), its settings (`settings`).

mod debrief;
pub mod history;
pub mod voice;

use super::form::Form;
use super::media;
use super::state::{Action, AppState};
use crate::core::mock::{MockAction, INTERVIEW_FIELD, LENGTH_FIELD};
use crate::domain::clock::minutes_seconds;
use crate::domain::mock::{Length, Stage};
use yew::prelude::*;

pub(crate) fn send(dispatch: &UseReducerDispatcher<AppState>, action: MockAction) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(Action::Mock(action.clone())))
}

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    match &state.mock.run {
        None => start(state, &dispatch),
        Some(m) if m.is_done() => debrief::view(state, &dispatch),
        Some(_) => interview(state, &dispatch),
    }
}

/// Home's way in: start a mock, or resume the one under way (or its debrief).
pub fn home_button(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let label = match &state.mock.run {
        Some(m) if m.is_done() => "Finish the mock interview's debrief".to_string(),
        Some(m) => format!("Resume the mock interview (question {} of {})", m.position().0, m.position().1),
        None => "Mock interview".to_string(),
    };
    html! { <button class="secondary mock-start" onclick={send(dispatch, MockAction::Open(None))}>{ label }</button> }
}

fn start(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let f = Form::new(state, dispatch);
    let col = state.col();
    let d = dispatch.clone();
    let onsubmit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        d.dispatch(Action::Mock(MockAction::Begin));
        // The first question opens at the top, its heading focused, as a new screen does.
        super::effects::arrive_after_render();
    });
    let voice = if state.mock.voices.is_empty() {
        "This device has no voice for reading questions aloud: each question will be shown instead."
    } else {
        "Each question is read aloud by this device's own voice (it works offline): earphones in, and answer aloud, by typing or by recording."
    };
    html! {
        <section class="mock" aria-labelledby="mock-title">
            <h1 id="mock-title">{ "Mock interview" }</h1>
            <p>{ "A second round from start to finish: an opening, your stories, your attributes, a curve-ball, money and logistics, your questions for them and the close. Cards that are due or weak come first. The model answers stay hidden until the debrief." }</p>
            <p class="help" data-testid="mock-voice">{ voice }</p>
            <form {onsubmit}>
                <fieldset>
                    <legend>{ "Length" }</legend>
                    { for Length::ALL.into_iter().map(|l| {
                        let v = l.minutes().to_string();
                        let id = format!("mock-len-{v}");
                        html! {
                            <label class="check" for={id.clone()}>
                                <input type="radio" id={id} name={LENGTH_FIELD} value={v.clone()} checked={f.value(LENGTH_FIELD) == v.as_str()}
                                    onchange={{ let d = dispatch.clone(); let v = v.clone(); Callback::from(move |_: Event| d.dispatch(Action::Change(LENGTH_FIELD.into(), v.clone()))) }} />
                                { format!("About {} minutes", l.minutes()) }
                            </label>
                        }
                    }) }
                </fieldset>
                <label for={INTERVIEW_FIELD}>{ "Preparing for" }</label>
                <select id={INTERVIEW_FIELD} onchange={f.change(INTERVIEW_FIELD)}>
                    <option value="" selected={f.value(INTERVIEW_FIELD).is_empty()}>{ "No particular interview (every theme)" }</option>
                    { for col.interviews.iter().enumerate().map(|(i, iv)| html! {
                        <option value={i.to_string()} selected={f.value(INTERVIEW_FIELD) == i.to_string().as_str()}>{ iv.title() }</option>
                    }) }
                </select>
                <button type="submit" class="primary big">{ "Start the mock interview" }</button>
            </form>
        </section>
    }
}

fn interview(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let Some(m) = state.mock.run.as_ref() else { return html! {} };
    let col = state.col();
    let (n, total) = m.position();
    let follow = m.stage == Stage::FollowUp;
    let question = m.question(&col).unwrap_or_default();
    let allowed = m.allowed_seconds(&col) as i64;
    let left = allowed - m.elapsed_ms(state.clock.now_ms) / 1000;
    let paused = m.is_paused();
    let (class, figure) = match left {
        l if l < 0 => ("countdown over", format!("+{}", minutes_seconds(l))),
        l if l <= 15 => ("countdown warn", minutes_seconds(l)),
        l => ("countdown", minutes_seconds(l)),
    };
    let show = state.mock.settings.show_text || state.mock.mute.is_some();
    let f = Form::new(state, dispatch);
    let last = m.at + 1 == m.steps.len() && (follow || m.steps[m.at].probe.is_none());
    let recorder = if !media::can_record() {
        html! { <p class="help" data-testid="no-recorder">{ "Recording is not available in this browser: answer aloud or type your answer." }</p> }
    } else if state.mock.recording {
        html! { <button type="button" class="secondary record on" onclick={send(dispatch, MockAction::StopRecording)}>{ "■ Stop recording" }</button> }
    } else {
        let has = state.mock.take(m.at, follow).is_some();
        html! { <button type="button" class="secondary record" onclick={send(dispatch, MockAction::Record)}>{ if has { "● Record again" } else { "● Record" } }</button> }
    };
    let part = m.segment().map_or("", |s| s.label());
    html! {
        <section class="mock running" aria-labelledby="mock-q-title" key={format!("mock-{}", state.mock.turn())}>
            <p class="progress" data-testid="mock-progress">{ format!("Question {n} of {total} · {part}{}", if follow { " · follow-up" } else { "" }) }</p>
            <h1 id="mock-q-title" class="sr-only">{ if follow { "Follow-up question" } else { "Interview question" } }</h1>
            if let Some(why) = &state.mock.mute {
                <p class="notice" role="status" data-testid="mock-mute">{ why }</p>
            } else {
                <p class="help" role="status" data-testid="mock-listen">{ if follow { "The interviewer follows up. Listen, then answer." } else { "Listen to the question, then answer." } }</p>
            }
            if show {
                <p class="question" data-testid="mock-question">{ question }</p>
            }
            <div class="row">
                if state.mock.mute.is_none() {
                    <button type="button" class="secondary" onclick={send(dispatch, MockAction::Repeat)}>{ "Repeat the question" }</button>
                }
                if paused {
                    <button type="button" class="secondary" onclick={send(dispatch, MockAction::Resume)}>{ "Resume" }</button>
                } else {
                    <button type="button" class="secondary" onclick={send(dispatch, MockAction::Pause)}>{ "Pause" }</button>
                }
            </div>
            if paused {
                <p class="countdown" role="timer" aria-label="Time left" data-testid="countdown">{ format!("Paused · {figure}") }</p>
            } else {
                <p class={class} role="timer" aria-label="Time left" data-testid="countdown">{ figure }</p>
            }
            <label for={media::FIELD}>{ "Your answer" }</label>
            <textarea id={media::FIELD} rows="5" placeholder="Answer aloud, type it here, or record it."
                value={f.value(media::FIELD)} oninput={f.input(media::FIELD)} />
            { recorder }
            if let Some(e) = &state.mock.error {
                <p class="error" role="alert">{ e }</p>
            }
            <button type="button" class="primary big next" onclick={send(dispatch, MockAction::Next)}>{ if last { "Finish the interview" } else { "Next question" } }</button>
            <button type="button" class="link" onclick={send(dispatch, MockAction::End)}>{ "End the interview here" }</button>
        </section>
    }
}

/// Settings → Mock interview: the voice, its speed, the question's text, the follow-ups.
pub fn settings(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let s = &state.mock.settings;
    let on = |id: &'static str, f: fn(String) -> MockAction| {
        let d = dispatch.clone();
        Callback::from(move |_: Event| d.dispatch(Action::Mock(f(super::text_value(id)))))
    };
    let show = {
        let d = dispatch.clone();
        let now = s.show_text;
        Callback::from(move |_: Event| d.dispatch(Action::Mock(MockAction::SetShowText(!now))))
    };
    let rates = [(75, "Slower"), (100, "Normal"), (125, "Faster"), (150, "Fast")];
    let chances =
        [(0, "Never"), (25, "One question in four"), (50, "One question in two"), (75, "Three questions in four"), (100, "Every question")];
    html! {
        <fieldset class="mock-settings" data-testid="mock-settings">
            <legend>{ "Mock interview" }</legend>
            <label for="mock-voice">{ "Interviewer's voice" }</label>
            if state.mock.voices.is_empty() {
                <p class="help" id="mock-voice">{ "This device offers no voice: the mock shows each question instead." }</p>
            } else {
                <select id="mock-voice" onchange={on("mock-voice", MockAction::SetVoice)}>
                    <option value="" selected={s.voice.is_empty()}>{ "The device's default" }</option>
                    { for state.mock.voices.iter().map(|v| html! { <option value={v.clone()} selected={*v == s.voice}>{ v }</option> }) }
                </select>
            }
            <label for="mock-rate">{ "Speed" }</label>
            <select id="mock-rate" onchange={on("mock-rate", |v| MockAction::SetRate(v.parse().unwrap_or(100)))}>
                { for rates.iter().map(|(r, name)| html! { <option value={r.to_string()} selected={*r == s.rate_percent}>{ *name }</option> }) }
            </select>
            <label for="mock-follow">{ "Follow-up questions" }</label>
            <select id="mock-follow" onchange={on("mock-follow", |v| MockAction::SetFollowUp(v.parse().unwrap_or(50)))}>
                { for chances.iter().map(|(p, name)| html! { <option value={p.to_string()} selected={*p == s.follow_up_percent}>{ *name }</option> }) }
            </select>
            <label class="check" for="mock-show"><input type="checkbox" id="mock-show" checked={s.show_text} onchange={show} />{ "Show each question's text as well (off: heard only, as in the room)" }</label>
        </fieldset>
    }
}
