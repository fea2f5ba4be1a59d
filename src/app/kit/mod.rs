//! The interview kit's screens: the kit of the interview prepared for (`Hub`), my stories and
//! their coverage (`stories.rs`), round-one notes and questions to ask (`round.rs`), the plan
//! sheet (`sheet.rs`), thank-you notes (`thanks.rs`); and the kit's lines on the home screen and
//! under a story card's model answer. What is typed lives in the draft (`form.rs`); the reducer
//! (`core/kit/`) saves it. Everything the person wrote is shown as text.

mod browser;
mod round;
mod sheet;
mod stories;
mod thanks;

use super::state::{Action, AppState, Screen};
use crate::core::kit::{KitAction, KitScreen};
use crate::domain::interview::Interview;
use crate::domain::Card;
use yew::prelude::*;

pub(crate) fn send(dispatch: &UseReducerDispatcher<AppState>, action: Action) -> Callback<MouseEvent> {
    let d = dispatch.clone();
    Callback::from(move |_: MouseEvent| d.dispatch(action.clone()))
}

pub(crate) fn show(dispatch: &UseReducerDispatcher<AppState>, k: KitScreen) -> Callback<MouseEvent> {
    send(dispatch, Action::Show(Screen::Kit(k)))
}

pub(crate) fn kit(dispatch: &UseReducerDispatcher<AppState>, a: KitAction) -> Callback<MouseEvent> {
    send(dispatch, Action::Kit(a))
}

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>, k: KitScreen) -> Html {
    match k {
        KitScreen::Hub => hub(state, &dispatch),
        KitScreen::Stories => stories::list(state, &dispatch),
        KitScreen::Story => stories::form(state, &dispatch),
        KitScreen::Notes => round::notes(state, &dispatch),
        KitScreen::Questions => round::questions(state, &dispatch),
        KitScreen::Sheet => sheet::view(state, &dispatch),
        KitScreen::Plan => sheet::form(state, &dispatch),
        KitScreen::Thanks => thanks::view(state, &dispatch),
        KitScreen::Rehearse => stories::rehearse(state, &dispatch),
    }
}

/// "Northwind — Analyst, Tue 8 Dec 10:00".
pub(crate) fn interview_line(state: &AppState, iv: &Interview) -> String {
    let offset = state.clock.utc_offset_min;
    format!(
        "{}, {} {}",
        iv.title(),
        crate::domain::kit::date::Date::of_ms(iv.at_ms, offset).label(),
        crate::domain::kit::date::time_label(iv.at_ms, offset)
    )
}

/// What to do when there is no interview yet.
pub(crate) fn no_interview(dispatch: &UseReducerDispatcher<AppState>) -> Html {
    html! {
        <p class="help">{ "Add your interview first: its notes, questions, plan sheet and thank-you notes belong to it. " }
            <button class="link" onclick={send(dispatch, Action::Show(Screen::Interviews))}>{ "Set interview date" }</button></p>
    }
}

/// A kit screen that belongs to an interview, with none set.
pub(crate) fn no_interview_screen(dispatch: &UseReducerDispatcher<AppState>, title: &'static str) -> Html {
    html! { <section class="kit"><h1>{ title }</h1>{ no_interview(dispatch) }</section> }
}

/// The interviews to choose from, when there are several.
fn picker(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let col = state.col();
    if col.interviews.len() < 2 {
        return html! {};
    }
    let current = state.kit_interview();
    let d = dispatch.clone();
    let onchange = Callback::from(move |e: Event| {
        let v = e.target().and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok()).and_then(|v| v.as_string()).unwrap_or_default();
        if let Ok(i) = v.parse() {
            d.dispatch(Action::Kit(KitAction::Interview(i)));
        }
    });
    html! {
        <p class="field">
            <label for="kit-interview">{ "Interview" }</label>
            <select id="kit-interview" {onchange}>
                { for col.interviews.iter().enumerate().map(|(i, iv)| html! {
                    <option value={i.to_string()} selected={current.as_ref() == Some(iv)}>{ interview_line(state, iv) }</option>
                }) }
            </select>
        </p>
    }
}

fn hub(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let live = state.kit.live_stories();
    let gaps = crate::domain::kit::story::coverage(&state.col().cards, &live).iter().filter(|r| r.gap().is_some()).count();
    let iv = state.kit_interview();
    let round = state.kit_round();
    let parts = match (&iv, &round) {
        (Some(iv), Some(round)) => {
            let noted = round.people.len();
            let questions = round.questions.len();
            let asked = round.questions.iter().filter(|q| q.asked).count();
            let names = round.interviewers().len();
            let sent = round.thanks.iter().filter(|t| t.sent.is_some()).count();
            html! {
                <>
                    <p data-testid="kit-interview">{ interview_line(state, iv) }</p>
                    { picker(state, dispatch) }
                    <ul class="kit-parts">
                        <li><button class="secondary" onclick={show(dispatch, KitScreen::Notes)}>{ "Round-one notes" }</button>
                            <span class="help">{ if noted == 0 { "Who you met and what they said matters.".to_string() } else { format!("{noted} {} noted.", if noted == 1 { "person" } else { "people" }) } }</span></li>
                        <li><button class="secondary" onclick={show(dispatch, KitScreen::Questions)}>{ "Questions to ask" }</button>
                            <span class="help">{ if questions == 0 { "Your questions for them, and their answers.".to_string() } else { format!("{questions} {}, {asked} asked.", if questions == 1 { "question" } else { "questions" }) } }</span></li>
                        <li><button class="secondary" onclick={show(dispatch, KitScreen::Sheet)}>{ "Plan sheet" }</button>
                            <span class="help">{ "One page for the waiting room: print it or keep it on your phone." }</span></li>
                        <li><button class="secondary" onclick={show(dispatch, KitScreen::Thanks)}>{ "Thank-you notes" }</button>
                            <span class="help">{ if names == 0 { "One for each interviewer, after the interview.".to_string() } else { format!("{sent} of {names} sent.") } }</span></li>
                    </ul>
                </>
            }
        }
        _ => no_interview(dispatch),
    };
    html! {
        <section class="kit" aria-labelledby="kit-title">
            <h1 id="kit-title">{ "Interview kit" }</h1>
            { parts }
            <h2>{ "My stories" }</h2>
            <p class="help">{ match (live.len(), gaps) {
                (0, _) => "Your own achievements, told as situation, task, action and result: the answers to every \"tell me about a time\" question.".to_string(),
                (n, 0) => format!("{n} {}; every competency the deck asks for is covered.", if n == 1 { "story" } else { "stories" }),
                (n, g) => format!("{n} {}; {g} {} no story yet.", if n == 1 { "story" } else { "stories" }, if g == 1 { "competency has" } else { "competencies have" }),
            } }</p>
            <div class="form-actions">
                <button class="secondary" onclick={show(dispatch, KitScreen::Stories)}>{ "See my stories and coverage" }</button>
                <button class="secondary" onclick={kit(dispatch, KitAction::EditStory(None))}>{ "Add a story" }</button>
                if !live.is_empty() {
                    <button class="secondary" onclick={kit(dispatch, KitAction::Rehearse)}>{ "Rehearse my stories" }</button>
                }
            </div>
        </section>
    }
}

/// The home screen's kit lines: the decision date they gave, the thank-you notes due, and the way
/// into the kit.
pub fn home_panel(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let (decision, due) = {
        let col = state.col();
        let offset = state.clock.utc_offset_min;
        let decision = state.kit.decision(&col.interviews, offset).map(|(iv, d)| (iv.title(), d));
        let due = state.kit.thanks_due(&col.interviews, state.clock.now_ms).map(|iv| col.interviews.iter().position(|i| i == iv));
        (decision, due)
    };
    let today = crate::domain::kit::date::Date::of_ms(state.clock.now_ms, state.clock.utc_offset_min);
    let stories_label = match state.kit.live_stories().len() {
        0 => "My stories".to_string(),
        n => format!("My stories ({n})"),
    };
    let open_thanks = due.flatten().map(|i| {
        let d = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            d.dispatch(Action::Kit(KitAction::Interview(i)));
            d.dispatch(Action::Show(Screen::Kit(KitScreen::Thanks)));
        })
    });
    html! {
        <section class="kit-panel" aria-labelledby="kit-panel-title">
            <h2 id="kit-panel-title">{ "Interview kit" }</h2>
            if let Some(open) = open_thanks {
                <p class="prompt" data-testid="thanks-due"><strong>{ "Send your thank-you notes today" }</strong>{ ": one to each interviewer, while they remember you." }</p>
                <button class="primary" onclick={open}>{ "Thank-you notes" }</button>
            }
            if let Some((title, date)) = decision {
                <p data-testid="decision-date">{
                    if date >= today { format!("They plan to decide by {}", date.label()) } else { format!("They planned to decide by {}: a good moment to follow up", date.label()) }
                }<span class="help">{ format!(" ({title})") }</span></p>
            }
            <div class="form-actions">
                <button class="secondary" onclick={show(dispatch, KitScreen::Hub)}>{ "Open the kit" }</button>
                <button class="secondary" onclick={show(dispatch, KitScreen::Stories)}>{ stories_label }</button>
            </div>
        </section>
    }
}

/// Under a story card's model answer: the person's stories that answer it.
pub fn review_stories(state: &AppState, card: &Card, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let matching = crate::domain::kit::story::matching(card, &state.kit.stories);
    if !crate::domain::kit::story::is_story_card(card) {
        return html! {};
    }
    html! {
        <section class="my-stories" aria-labelledby="my-stories-title" data-testid="matching-stories">
            <h3 id="my-stories-title">{ "Your stories for this" }</h3>
            if matching.is_empty() {
                <p class="help">{ "None of your stories shows what this question asks for yet. " }
                    <button class="link" onclick={kit(dispatch, KitAction::EditStory(None))}>{ "Add a story" }</button></p>
            } else {
                <ul>
                    { for matching.iter().take(3).map(|s| html! {
                        <li>
                            <strong>{ s.name() }</strong>
                            if !s.action.trim().is_empty() { <p>{ format!("What I did: {}", s.action.trim()) }</p> }
                            if !s.result.trim().is_empty() { <p>{ format!("Result: {}", s.result.trim()) }</p> }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}
