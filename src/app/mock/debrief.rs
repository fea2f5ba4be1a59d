//! The debrief: a summary on top (questions, total time, best and worst, three cards to drill),
//! then each question with its figures, the recording, the answer given, the model answer and its
//! key points beside it, and a grade to confirm or change; Save grades.

use super::super::state::AppState;
use super::send;
use crate::core::mock::MockAction;
use crate::domain::clock::minutes_seconds;
use crate::domain::mock::debrief::QuestionDebrief;
use crate::domain::Rating;
use yew::prelude::*;

fn time(seconds: u32) -> String {
    minutes_seconds(seconds as i64)
}

pub fn view(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let Some(d) = state.mock_debrief() else { return html! {} };
    let col = state.col();
    let question_of =
        |step: Option<usize>| step.and_then(|s| d.questions.iter().find(|q| q.step == s)).map(|q| q.question.clone()).unwrap_or_default();
    let s = &d.summary;
    let graded = state.mock.grades.len();
    html! {
        <section class="mock debrief" aria-labelledby="debrief-title">
            <h1 id="debrief-title">{ "Debrief" }</h1>
            <dl class="facts summary" data-testid="mock-summary">
                <dt>{ "Questions" }</dt><dd data-testid="mock-answered">{ format!("{} answered of {}", s.answered, s.asked) }</dd>
                <dt>{ "Time answering" }</dt><dd data-testid="mock-total">{ time(s.seconds) }</dd>
                if s.best.is_some() {
                    <dt>{ "Went best" }</dt><dd data-testid="mock-best">{ question_of(s.best) }</dd>
                    <dt>{ "Went worst" }</dt><dd data-testid="mock-worst">{ question_of(s.worst) }</dd>
                }
                if !s.drill.is_empty() {
                    <dt>{ "Drill next" }</dt>
                    <dd><ol class="drill" data-testid="mock-drill">{ for s.drill.iter().filter_map(|id| col.card(id)).map(|c| html! { <li>{ &c.question }</li> }) }</ol></dd>
                }
            </dl>
            { for d.questions.iter().enumerate().map(|(i, q)| question(state, dispatch, i, q)) }
            <p class="help">{ format!("{graded} of {} questions graded. Each grade you save is one ordinary review of its card, at the time you answered.", d.questions.len()) }</p>
            <button type="button" class="primary big" onclick={send(dispatch, MockAction::Save)}>{ "Save grades" }</button>
            <button type="button" class="link" onclick={send(dispatch, MockAction::Discard)}>{ "Let this mock go without saving" }</button>
        </section>
    }
}

fn question(state: &AppState, dispatch: &UseReducerDispatcher<AppState>, i: usize, q: &QuestionDebrief) -> Html {
    let col = state.col();
    let Some(card) = col.card(&q.card_id) else { return html! {} };
    let card = state.shown_card(card).into_owned();
    let chosen = state.mock.grades.iter().find(|(s, _)| *s == q.step).map(|(_, r)| *r);
    let title = format!("debrief-q{}", q.step);
    let (lo, hi) = q.guidance;
    let over = if q.seconds > hi {
        " — over"
    } else if q.seconds < lo * 3 / 4 {
        " — short"
    } else {
        ""
    };
    let mark = |on: bool| if on { "✓" } else { "✗" };
    let hits = q.hits();
    let audio = |follow: bool, label: &str| {
        state.mock.take(q.step, follow).map(|t| html! { <audio controls=true src={t.url.clone()} aria-label={label.to_string()}></audio> })
    };
    html! {
        <article class="debrief-q" aria-labelledby={title.clone()} data-testid="debrief-question">
            <h2 id={title}>{ format!("{}. {}", i + 1, q.segment.label()) }</h2>
            <p class="question">{ &q.question }</p>
            <dl class="facts">
                <dt>{ "Time" }</dt><dd data-testid="d-time">{ format!("{} (guidance {}–{}){over}", time(q.seconds), time(lo), time(hi)) }</dd>
                <dt>{ "Words" }</dt><dd data-testid="d-words">{ q.words }</dd>
                <dt>{ "Fillers" }</dt><dd data-testid="d-fillers">{ q.fillers }</dd>
                <dt>{ "Key points" }</dt><dd data-testid="d-points">{ format!("{hits} of {}", q.key_points.len()) }</dd>
                if let Some(s) = &q.star {
                    <dt>{ "STAR" }</dt><dd data-testid="d-star">{ format!("Situation {} · Task {} · Action {} · Result {} · {}", mark(s.situation), mark(s.task), mark(s.action), mark(s.result), if s.measurable { "a number ✓" } else { "no number ✗" }) }</dd>
                }
                <dt>{ "“I” and “we”" }</dt><dd data-testid="d-i-we">{ format!("“I” {}, “we” {}{}", q.i_count, q.we_count, if q.we_hint { ": say what you did yourself" } else { "" }) }</dd>
            </dl>
            if let Some(h) = q.length_hint { <p class="help">{ h }</p> }
            { audio(false, "Your recorded answer").unwrap_or_default() }
            if let Some(a) = &q.answer {
                if a.text.is_empty() {
                    <p class="help">{ "Nothing typed: compare what you said with the model answer." }</p>
                } else {
                    <blockquote class="said" data-testid="d-said">{ &a.text }</blockquote>
                }
            }
            if let Some((probe, answer)) = &q.follow_up {
                <p class="label">{ "Follow-up" }</p>
                <p class="question" data-testid="d-follow-up">{ probe }</p>
                { audio(true, "Your recorded follow-up answer").unwrap_or_default() }
                if let Some(a) = answer.as_ref().filter(|a| !a.text.is_empty()) {
                    <blockquote class="said">{ &a.text }</blockquote>
                }
                if let Some(a) = answer { <p class="help">{ format!("{} on the follow-up.", time(a.seconds)) }</p> }
            }
            <div class="model">
                <p class="label">{ "Model answer" }</p>
                <p class="answer-text">{ &card.answer }</p>
                <ul class="points">
                    { for q.key_points.iter().map(|k| html! { <li class={if k.hit { "hit" } else { "missed" }}>{ format!("{} {}", mark(k.hit), k.point) }</li> }) }
                </ul>
            </div>
            <div class="grades" role="group" aria-label={format!("Grade for question {}", i + 1)}>
                { for Rating::ALL.into_iter().map(|r| {
                    let suggested = q.suggested == Some(r);
                    let class = classes!("grade", r.class(), suggested.then_some("suggested"));
                    html! {
                        <button type="button" {class} aria-pressed={if chosen == Some(r) { "true" } else { "false" }}
                            onclick={send(dispatch, MockAction::Grade(q.step, r))}>{ r.label() }</button>
                    }
                }) }
            </div>
            <p class="help" data-testid="d-suggested">{ match q.suggested {
                Some(r) => format!("Suggested: {}.", r.label()),
                None => "No suggestion: nothing was typed. Choose a grade, or leave it ungraded.".to_string(),
            } }</p>
        </article>
    }
}
