//! Rehearse mode on the review screen: the countdown, the answer box and the recorder before the
//! reveal; after it, the key points as a checklist, the insights, the playback and the suggestion.

use super::form::Form;
use super::media;
use super::state::{Action, AppState};
use crate::domain::clock::minutes_seconds;
use crate::domain::insights::{self, Insights, WORDS_PER_MINUTE};
use crate::domain::words;
use crate::domain::{Card, Rating};
use yew::prelude::*;

fn send(dispatch: &UseReducerDispatcher<AppState>, action: Action) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_| dispatch.dispatch(action.clone()))
}

/// Before the reveal: countdown, answer box, recorder.
pub fn question(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let limit = state.answer_limit() as i64;
    let left = limit - (state.clock.now_ms - state.shown_at_ms).max(0) / 1000;
    let (class, figure, say) = match left {
        l if l < 0 => ("countdown over", format!("+{}", minutes_seconds(l)), "Time is up. Finish your point and show the answer."),
        l if l <= 15 => ("countdown warn", minutes_seconds(l), "15 seconds left."),
        l => ("countdown", minutes_seconds(l), ""),
    };
    let r = &state.rehearsal;
    let f = Form::new(state, dispatch);
    let recorder = if !media::can_record() {
        html! { <p class="help" data-testid="no-recorder">{ "Recording is not available in this browser (it needs a microphone and MediaRecorder). Type your answer, or say it aloud and tick the key points after the reveal." }</p> }
    } else if r.recording {
        html! {
            <>
                <button type="button" class="secondary record on" onclick={send(dispatch, Action::StopRecording)}>{ "■ Stop recording" }</button>
                <p class="help" role="status">{ if state.col().settings.speech && media::can_transcribe() { "Recording, with speech to text into the box above…" } else { "Recording on this device…" } }</p>
            </>
        }
    } else {
        html! {
            <>
                <button type="button" class="secondary record" onclick={send(dispatch, Action::Record)}>{ if r.take.is_some() { "● Record again" } else { "● Record" } }</button>
                if let Some(t) = &r.take {
                    <p class="help" data-testid="take">{ format!("Recorded {} ({} KB). It plays next to the model answer.", minutes_seconds((t.ms / 1000) as i64), t.bytes.div_ceil(1024)) }</p>
                }
            </>
        }
    };
    html! {
        <div class="rehearse" key={format!("q{}", state.turn)}>
            <p class={class} role="timer" aria-label="Time left" data-testid="countdown">{ figure }</p>
            <p class="sr-only" aria-live="assertive">{ say }</p>
            <label for={media::FIELD}>{ "Your answer" }</label>
            <textarea id={media::FIELD} rows="5" placeholder="Answer as you would aloud, or record it."
                value={f.value(media::FIELD)} oninput={f.input(media::FIELD)} />
            { recorder }
            if let Some(e) = &r.error {
                <p class="error" role="alert">{ e }</p>
            }
        </div>
    }
}

/// After the reveal: the key points to tick, in place of the plain list.
pub fn checklist(state: &AppState, card: &Card, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let ticks = &state.rehearsal.ticks;
    html! {
        <ul class="points checklist" data-testid="checklist">
            { for card.key_points.iter().enumerate().map(|(i, k)| {
                let d = dispatch.clone();
                let on = ticks.get(i).copied().unwrap_or(false);
                html! {
                    <li class={if on { "said" } else { "missed" }}>
                        <label class="check"><input type="checkbox" checked={on} onchange={Callback::from(move |_: Event| d.dispatch(Action::TogglePoint(i)))} />{ k }</label>
                    </li>
                }
            }) }
        </ul>
    }
}

fn facts(ins: &Insights) -> Html {
    let list = |items: &[(String, usize)]| items.iter().map(|(w, n)| format!("“{w}” ×{n}")).collect::<Vec<_>>().join(", ");
    let mut rows = vec![
        (
            "Length",
            "length",
            format!(
                "{} words, about {} aloud (at {WORDS_PER_MINUTE} words a minute). {}",
                ins.words,
                minutes_seconds(ins.speaking_seconds as i64),
                ins.length_hint.unwrap_or("")
            ),
        ),
        ("Fillers and hedges", "fillers", if ins.fillers.is_empty() { "None. Clean.".into() } else { list(&ins.fillers) }),
    ];
    if !ins.repeated.is_empty() {
        rows.push(("Most used words", "repeated", list(&ins.repeated)));
    }
    if let Some(s) = &ins.star {
        let mark = |on: bool| if on { "✓" } else { "✗" };
        rows.push((
            "STAR",
            "star",
            format!(
                "Situation {} · Task {} · Action {} · Result {}. {}",
                mark(s.situation),
                mark(s.task),
                mark(s.action),
                mark(s.result),
                if s.measurable {
                    "A measurable result: yes."
                } else {
                    "No measurable result: add a number, a percentage or the time saved."
                }
            ),
        ));
    }
    rows.push((
        "“I” and “we”",
        "i-we",
        format!(
            "“I” {}, “we” {}. {}",
            ins.i_count,
            ins.we_count,
            if ins.we_hint { "Say what you did yourself: the panel is hiring you, not the team." } else { "" }
        ),
    ));
    html! {
        <dl class="facts" data-testid="insights">
            { for rows.into_iter().map(|(term, id, text)| html! { <><dt>{ term }</dt><dd data-testid={id}>{ text }</dd></> }) }
        </dl>
    }
}

/// The answer as typed, with the words that matched a key point marked (and which point each is).
fn said(answer: &str, card: &Card) -> Html {
    let marks = insights::matched_words(answer, &card.key_points, &card.synonyms);
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end, point) in marks {
        if start > at {
            parts.push(html! { { &answer[at..start] } });
        }
        let title = format!("Key point {}: {}", point + 1, card.key_points[point]);
        parts.push(
            html! { <mark class={format!("p{}", point % 4)} data-point={(point + 1).to_string()} {title}>{ &answer[start..end] }</mark> },
        );
        at = end;
    }
    parts.push(html! { { &answer[at..] } });
    html! {
        <>
            <blockquote class="said" data-testid="said">{ for parts }</blockquote>
            <p class="help">{ "Marked: the words that matched a key point (its number in the list)." }</p>
        </>
    }
}

/// The result in one line, for right above the grade bar: "2 of 3 points · 1:12 · 1 filler →
/// Good" (with a spoken answer and nothing ticked yet, no grade is suggested).
pub fn summary(state: &AppState) -> Option<String> {
    let r = &state.rehearsal;
    let ins = r.insights.as_ref().filter(|_| state.revealed)?;
    let mut parts = Vec::new();
    let hits = r.ticks.iter().filter(|t| **t).count();
    if !r.ticks.is_empty() {
        parts.push(format!("{hits} of {} points", r.ticks.len()));
    }
    parts.push(minutes_seconds(r.seconds as i64));
    if !r.answer.trim().is_empty() {
        let fillers: usize = ins.fillers.iter().map(|(_, n)| n).sum();
        parts.push(if fillers == 0 { "no fillers".into() } else { words::count(fillers, "filler", "fillers") });
    }
    let line = parts.join(" · ");
    Some(match suggestion(state) {
        Some(g) => format!("{line} → {}", g.label()),
        None if !r.ticks.is_empty() => format!("{line} · tick what you said"),
        None => line,
    })
}

/// After the reveal: what the person said, how long it took, the insights and the suggestion.
pub fn review(state: &AppState, card: &Card, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let r = &state.rehearsal;
    let limit = state.answer_limit();
    let suggested = r.suggested(limit);
    let hits = r.ticks.iter().filter(|t| **t).count();
    let kept = state.kept_for(&card.id);
    let take = r.take.as_ref();
    let is_kept = take.is_some_and(|t| kept.is_some_and(|k| k.url == t.url));
    let earlier = kept.filter(|_| !is_kept);
    html! {
        <section class="insights" aria-labelledby="rehearsal-title">
            <h2 id="rehearsal-title" class="label" tabindex="-1">{ "Your answer" }</h2>
            <p data-testid="time-taken">{ format!("You took {} of {}.", minutes_seconds(r.seconds as i64), minutes_seconds(limit as i64)) }</p>
            if let Some(t) = take {
                <audio controls=true src={t.url.clone()} aria-label="Your recording"></audio>
                <button type="button" class="secondary keep" aria-pressed={if is_kept { "true" } else { "false" }}
                    onclick={send(dispatch, Action::Keep)}>{ if is_kept { "Kept until you close the app" } else { "Keep this recording" } }</button>
            } else if r.recording {
                <p class="help">{ "Finishing the recording…" }</p>
            }
            if let Some(k) = earlier {
                <p class="help">{ "The recording you kept of this card:" }</p>
                <audio controls=true src={k.url.clone()} aria-label="Your kept recording"></audio>
            }
            if r.answer.trim().is_empty() {
                <p class="help" data-testid="no-text">{ "No typed answer. Tick the key points you said aloud; the suggested grade follows your ticks." }</p>
            } else {
                { said(&r.answer, card) }
                if let Some(ins) = &r.insights { { facts(ins) } }
            }
            if r.ticks.is_empty() {
                <p class="help" data-testid="suggestion">{ "This card has no key points to check, so there is no suggested grade: compare your answer with the model answer." }</p>
            } else if suggestion(state).is_none() {
                <p class="help" data-testid="suggestion">{ "Tick the key points you said aloud: a grade is suggested from your ticks and your time." }</p>
            } else {
                <p class="suggestion" id="suggestion" data-testid="suggestion">
                    { "Suggested grade: " }<strong>{ suggested.label() }</strong>
                    { format!(" — {hits} of {} key points{}. You choose the grade.", r.ticks.len(), if r.seconds > limit { ", over time" } else { "" }) }
                </p>
            }
        </section>
    }
}

/// The suggested grade, when rehearse mode has one to offer.
/// With a spoken (untyped) answer and nothing ticked yet there is nothing to go on: no grade is
/// pressed on the person until they tick what they said.
pub fn suggestion(state: &AppState) -> Option<Rating> {
    let r = &state.rehearsal;
    let spoken_unticked = r.answer.trim().is_empty() && !r.ticks.iter().any(|t| *t);
    (state.revealed && r.insights.is_some() && !r.ticks.is_empty() && !spoken_unticked).then(|| r.suggested(state.answer_limit()))
}
