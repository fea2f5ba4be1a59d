//! The review screen: question, answer with key points, the four grades and undo.

use super::rehearse;
use super::state::{Action, AppState, KeepGoing, MORE_NEW};
use super::swipe::SwipeCard;
use crate::domain::session::{self, Queue};
use crate::domain::{words, Phase, Rating, Theme};
use yew::prelude::*;

/// The three Anki-style counts: new, learning, review.
pub fn counts(queue: &Queue) -> Html {
    html! {
        <p class="counts" data-testid="counts">
            <span class="count-new" title="New">{ queue.new }<span class="sr-only">{ " new," }</span></span>
            <span class="count-learn" title="Learning">{ queue.learning }<span class="sr-only">{ " learning," }</span></span>
            <span class="count-review" title="Review">{ queue.review }<span class="sr-only">{ " to review" }</span></span>
        </p>
    }
}

/// A button that sends an action.
fn act(dispatch: &UseReducerDispatcher<AppState>, action: Action) -> Callback<MouseEvent> {
    let d = dispatch.clone();
    Callback::from(move |_: MouseEvent| d.dispatch(action.clone()))
}

pub fn caught_up(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let outlook = session::outlook(&state.col(), state.clock);
    let next = outlook.words(state.clock);
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    // Keep going: new cards beyond today's limit, or a theme ahead of schedule.
    let (unseen, studied) = {
        let col = state.col();
        let unseen = col.cards.iter().any(|c| !col.progress.contains_key(&c.id) && col.in_sessions(&c.id));
        let studied: Vec<Theme> = Theme::WITH_OWN
            .into_iter()
            .filter(|t| col.cards.iter().any(|c| c.theme == *t && col.progress.get(&c.id).is_some_and(|p| p.phase == Phase::Review)))
            .collect();
        (unseen, studied)
    };
    html! {
        <div class="caught-up" data-testid="caught-up">
            <h2>{ "All caught up" }</h2>
            <p data-testid="next-due">{ next }</p>
            <p data-testid="tomorrow">{ format!(
                "Tomorrow: {} and {}.",
                plural(outlook.tomorrow_reviews, "review", "reviews"),
                plural(outlook.tomorrow_new, "new card", "new cards"),
            ) }</p>
            if unseen || !studied.is_empty() {
                <div class="keep-going" data-testid="keep-going">
                    <h3>{ "Want to keep going?" }</h3>
                    if unseen {
                        <button class="secondary" onclick={act(dispatch, Action::KeepGoing(KeepGoing::MoreNew))}>{ format!("Learn {MORE_NEW} more new cards") }</button>
                    }
                    if !studied.is_empty() {
                        <details class="practise">
                            <summary>{ "Practise a theme" }</summary>
                            <p class="help">{ "Cards you know, ahead of schedule: each answer counts as an ordinary review, so your schedule stays right." }</p>
                            <ul class="theme-buttons">
                                { for studied.iter().map(|t| html! { <li><button class="secondary" onclick={act(dispatch, Action::KeepGoing(KeepGoing::Theme(*t)))}>{ t.label() }</button></li> }) }
                            </ul>
                        </details>
                    }
                </div>
            }
        </div>
    }
}

/// "1 card" / "14 cards".
fn cards(n: usize) -> String {
    format!("{n} {}", if n == 1 { "card" } else { "cards" })
}

/// The session's progress in cards, not grades: the cards still to answer today, and those
/// answered that come back later today (a learning step) — "14 cards to go · 1 coming back again".
pub fn progress_words(queue: &Queue) -> String {
    let (to_go, back) = (queue.to_go(), queue.coming_back);
    match (to_go, back) {
        (0, 0) if queue.seen_today == 0 => "Nothing to answer today".to_string(),
        (0, 0) => format!("{} answered today", cards(queue.seen_today)),
        (0, back) => format!("{} coming back again", cards(back)),
        (to_go, 0) => format!("{} to go", cards(to_go)),
        (to_go, back) => format!("{} to go · {back} coming back again", cards(to_go)),
    }
}

fn progress_bar(queue: &Queue) -> Html {
    let seen = queue.seen_today;
    let total = seen + queue.to_go();
    // A native <progress>: no inline style, which the Content-Security-Policy forbids.
    html! {
        <div class="progress">
            <progress class="bar" aria-label="Cards answered today" max={total.max(1).to_string()}
                value={(if total == 0 { 1 } else { seen }).to_string()}></progress>
            // data-answers: the grades given today (each step of a card), for tools and tests.
            <span class="progress-text" data-testid="progress" data-answers={queue.done_today.to_string()}>
                // Each part kept whole on a line: "1 card to go ·" then "2 coming back again".
                { for progress_words(queue).split(" · ").enumerate().map(|(i, part)| html! {
                    <>{ if i > 0 { " · " } else { "" } }<span class="part">{ part.to_string() }</span></>
                }) }
            </span>
        </div>
    }
}

/// Reviews brought forward for the interview, said where the session counts them, as home does:
/// "17 due today (14 brought forward for your interview)".
fn advanced_note(queue: &Queue) -> Html {
    if queue.advanced == 0 {
        return html! {};
    }
    html! {
        <p class="hint session-advanced" data-testid="session-advanced">{ format!(
            "{} due today ({} brought forward for your interview)", queue.due(), queue.advanced) }</p>
    }
}

/// Above the card: the focus, the progress, the counts (while a card is up) and undo.
fn review_top(state: &AppState, queue: &Queue, dispatch: &UseReducerDispatcher<AppState>, with_counts: bool) -> Html {
    let d = dispatch.clone();
    let undo = html! {
        <button class="undo" onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::Undo))} disabled={state.undo.is_empty()}
            aria-label="Undo" title="Undo (U)">{ "↶ Undo" }</button>
    };
    html! {
        <>
        { focus_banner(state, dispatch) }
        <div class="review-top">{ progress_bar(queue) }if with_counts { { counts(queue) } }{ undo }</div>
        { advanced_note(queue) }
        </>
    }
}

/// A focused session with nothing (left) in it: why, and the way to more.
fn nothing_in_focus(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let f = &state.focus;
    let why = if !f.ahead {
        "Nothing of this focus is due now. Include the cards not due yet to practise them ahead of schedule."
    } else if !f.seen_today {
        "Every card of this focus is either new beyond today's limit or was seen today: cards you answered today wait for another day, so the practice counts."
    } else {
        "Every card of this focus has been answered in this session."
    };
    html! {
        <div class="caught-up" data-testid="caught-up">
            <h2>{ "Nothing left in this focus" }</h2>
            <p data-testid="focus-empty">{ why }</p>
            if !f.seen_today {
                <button class="primary" onclick={act(dispatch, Action::KeepGoing(KeepGoing::SeenToday))}>
                    { if f.ahead { "Include cards seen today" } else { "Include cards not due yet" } }</button>
            }
        </div>
    }
}

/// Says when the session is a focused one, with the way back to the whole collection.
fn focus_banner(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let f = &state.focus;
    if f.is_all() {
        return html! {};
    }
    let mut what: Vec<String> = f.themes.iter().map(|t| t.label().to_string()).collect();
    what.extend(f.tags.iter().map(|t| format!("tag {t}")));
    if f.ahead {
        what.push("cards not due yet included".into());
    }
    if f.seen_today {
        what.push("cards seen today included".into());
    }
    let text =
        if what.is_empty() { format!("{} more new cards today.", f.extra_new) } else { format!("Focused session: {}.", what.join(", ")) };
    let d = dispatch.clone();
    html! {
        <div class="focus-banner" data-testid="focus">
            <p>{ text }</p>
            <button class="secondary" onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::EndFocus))}>{ "End focus" }</button>
        </div>
    }
}

/// After the model answer: what the interviewer is assessing, the common mistake and the
/// follow-up questions, kept short for a phone.
fn coaching(card: &crate::domain::Card) -> Html {
    if card.why.is_empty() && card.avoid.is_empty() && card.probes.is_empty() {
        return html! {};
    }
    html! {
        <div class="coach" data-testid="coach">
            <h2 class="label">{ "Coach's notes" }</h2>
            if !card.why.is_empty() {
                <p><strong>{ "Why they ask: " }</strong><span data-testid="why">{ &card.why }</span></p>
            }
            if !card.avoid.is_empty() {
                <p><strong>{ "Avoid: " }</strong><span data-testid="avoid">{ &card.avoid }</span></p>
            }
            if !card.probes.is_empty() {
                <p><strong>{ "They may follow up:" }</strong></p>
                <ul class="probes" data-testid="probes">{ for card.probes.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
            }
        </div>
    }
}

/// The model answer: a story in short paragraphs of a few sentences each, easier to take in on a
/// phone than one block; an answer with line breaks of its own (an import) keeps them.
fn model_answer(answer: &str) -> Html {
    if answer.contains('\n') {
        return html! { <p data-testid="model-answer">{ answer }</p> };
    }
    let paragraphs = words::paragraphs(answer, 40);
    let last = paragraphs.len().saturating_sub(1);
    html! {
        <div class="model-answer" data-testid="model-answer">
            // The space after each paragraph but the last keeps the text whole when copied or read
            // as one (sentences never run together); on screen the paragraphs are apart.
            { for paragraphs.into_iter().enumerate().map(|(i, p)| html! { <p>{ p }{ if i < last { " " } else { "" } }</p> }) }
        </div>
    }
}

/// No card to show: all caught up, or nothing (left) in the focus.
fn no_card(state: &AppState, queue: &Queue, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    html! {
        <section class="review">
            <h1 class="sr-only">{ "Review" }</h1>
            { review_top(state, queue, dispatch, false) }
            if state.focus.is_all() || state.focus.extra_new > 0 {
                { caught_up(state, dispatch) }
            } else {
                { nothing_in_focus(state, dispatch) }
            }
            <button class="secondary" onclick={act(dispatch, Action::Show(super::state::Screen::Home))}>{ "Back to home" }</button>
        </section>
    }
}

/// A rehearsed answer's result in one line right above the grades; it opens the details.
fn rehearse_summary(state: &AppState) -> Option<Html> {
    rehearse::summary(state).map(|line| {
        let open = Callback::from(|_: MouseEvent| {
            let doc = gloo_utils::document();
            if let Some(h) =
                doc.get_element_by_id("rehearsal-title").and_then(|h| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h).ok())
            {
                h.scroll_into_view();
                let _ = h.focus();
            }
        });
        html! {
            <button type="button" class="rehearse-summary" data-testid="summary" onclick={open} aria-describedby="summary-help">
                <span>{ line }</span><span class="more" aria-hidden="true">{ "Details ›" }</span>
                <span class="sr-only" id="summary-help">{ "Shows your answer, its length, fillers and the key points found." }</span>
            </button>
        }
    })
}

/// The four grades, each with the interval it would give above it; the suggested one ringed.
fn grades(state: &AppState, card: &crate::domain::Card, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let intervals = state.col().preview(&card.id, state.clock);
    let suggested = rehearse::suggestion(state);
    html! {
        <>
        { for rehearse_summary(state) }
        <div class="grades" role="group" aria-label="Grade your answer">
            // As in Anki, each interval sits above its button; it is the button's description,
            // so the accessible name stays exactly the grade's name.
            { for Rating::ALL.iter().zip(intervals).map(|(r, ms)| {
                let ivl_id = format!("ivl-{}", r.class());
                let suggested = suggested == Some(*r);
                html! {
                    <div class="grade-cell">
                        <span class="ivl" id={ivl_id.clone()}>{ words::span(ms) }</span>
                        <button class={classes!("grade", r.class(), suggested.then_some("suggested"))} onclick={act(dispatch, Action::Grade(*r))}
                            aria-describedby={if suggested { format!("{ivl_id} suggestion") } else { ivl_id }} title={format!("{} ({})", r.label(), *r as u8)}>{ r.label() }</button>
                    </div>
                }
            }) }
        </div>
        </>
    }
}

/// The revealed answer: the model answer (the track's, named), key points (a checklist when
/// rehearsed), the person's matching stories and the coach's notes.
fn answer(state: &AppState, card: &crate::domain::Card, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let track_note = (!card.variants.is_empty()).then(|| state.track_info(state.track()).map(|t| t.label.clone())).flatten();
    let rehearsed = state.rehearsal.insights.is_some();
    html! {
        <div class="answer" data-testid="answer" tabindex="-1">
            <h2 class="label">{ "Model answer" }
                if let Some(t) = &track_note { <span class="track-note" data-testid="track-note">{ format!(" · {t}") }</span> }
            </h2>
            { model_answer(&card.answer) }
            if !card.key_points.is_empty() {
                <h2 class="label">{ "Key points" }</h2>
                if rehearsed {
                    { rehearse::checklist(state, card, dispatch) }
                } else {
                    <ul class="points" data-testid="key-points">{ for card.key_points.iter().map(|k| html! { <li>{ k }</li> }) }</ul>
                }
            }
            { super::kit::review_stories(state, card, dispatch) }
            { coaching(card) }
        </div>
    }
}

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let queue = state.queue();
    let col = state.col();
    let Some(card) = state.current.as_deref().and_then(|id| col.card(id)) else {
        return no_card(state, &queue, &dispatch);
    };
    let shown = state.shown_card(card);
    // Rehearse mode checks a story card's answer against the person's own story too.
    let shown = if state.rehearse { state.with_my_story(shown) } else { shown };
    let card = &*shown;
    let announce = format!("{}: {}", card.theme.label(), card.question);
    let rehearsed = state.revealed && state.rehearsal.insights.is_some();
    html! {
        <section class="review" aria-label="Review">
            { review_top(state, &queue, &dispatch, true) }
            <div class="sr-only" aria-live="polite" aria-atomic="true">{ announce }</div>
            <SwipeCard key={format!("{}-{}", card.id, state.turn)} revealed={state.revealed}
                onreveal={{ let d = dispatch.clone(); Callback::from(move |_| d.dispatch(Action::Reveal)) }}
                ongrade={{ let d = dispatch.clone(); Callback::from(move |r| d.dispatch(Action::Grade(r))) }}>
                <p class="theme">{ card.theme.label() }</p>
                <h1 class="question" data-testid="question">{ &card.question }</h1>
                if state.revealed {
                    { answer(state, card, &dispatch) }
                }
            </SwipeCard>
            if state.rehearse && !state.revealed {
                { rehearse::question(state, &dispatch) }
            }
            if rehearsed {
                { rehearse::review(state, card, &dispatch) }
            }
            <div class="actions">
                if state.revealed {
                    { grades(state, card, &dispatch) }
                } else {
                    <button class="primary big reveal" onclick={act(&dispatch, Action::Reveal)}>{ "Show answer" }</button>
                }
            </div>
        </section>
    }
}
