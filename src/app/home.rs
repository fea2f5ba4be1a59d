//! The home screen: today's counts and the start button, or the caught-up message.

use super::review::caught_up;
use super::state::{Action, AppState};
use yew::prelude::*;

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let mock_button = super::mock::home_button(state, &dispatch);
    let queue = state.queue();
    let (seen, total) = {
        let col = state.col();
        let active = col.cards.iter().filter(|c| !c.is_retired());
        (active.clone().filter(|c| col.progress.contains_key(&c.id)).count(), active.count())
    };
    let first_start = state.col().settings.track.is_none();
    let welcome_card = if first_start {
        super::welcome::view(state, &dispatch)
    } else {
        html! {}
    };
    // On the interview's last day, and after it, the interview comes first (before the kit and the mock).
    let first = {
        let (col, now) = (state.col(), state.clock.now_ms);
        crate::domain::interview::upcoming(&col.interviews, now)
            .map_or(col.interviews.iter().any(|i| i.at_ms <= now), |iv| iv.at_ms - now <= crate::domain::clock::DAY_MS)
    };
    let panel = super::interviews::panel(state, dispatch.clone());
    let (panel_first, panel_last) = if first { (panel, html! {}) } else { (html! {}, panel) };
    let dispatch_for_panel = dispatch.clone();
    let dispatch_for_caught_up = dispatch.clone();
    let toggle = dispatch.clone();
    let start = Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Start));
    let label = if queue.done_today > 0 { "Continue session" } else { "Start session" };
    html! {
        <section class="home" aria-labelledby="home-title">
            <h1 id="home-title">{ "Today's drill" }</h1>
            { welcome_card }
            <dl class="today" aria-describedby={(queue.advanced > 0).then_some("advanced-note")}>
                <div class="stat due"><dt>{ "Due" }</dt><dd data-testid="due-count">{ queue.due() }</dd></div>
                <div class="stat new"><dt>{ "New" }</dt><dd data-testid="new-count">{ queue.new }</dd></div>
                <div class="stat done"><dt>{ "Done today" }</dt><dd data-testid="done-count">{ queue.done_today }</dd></div>
            </dl>
            if queue.advanced > 0 {
                <p class="hint" id="advanced-note" data-testid="advanced">{ format!(
                    "{} of the {} due {} brought forward for your interview: not due yet, but likely to be forgotten by the day.",
                    queue.advanced, queue.due(), if queue.advanced == 1 { "is" } else { "are" }) }</p>
            }
            { panel_first }
            if queue.next.is_some() || queue.left() > 0 {
                <button class="primary big" onclick={start}>{ label }</button>
                <label class="check session-rehearse"><input type="checkbox" checked={state.rehearse}
                        onchange={Callback::from(move |e: Event| toggle.dispatch(Action::SetRehearse(e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())))} />
                    { "Rehearse this session: timed answers, typed or recorded" }</label>
                <p class="hint keys-tip">{ "Tip: Space shows the answer, 1–4 grade it, U undoes." }</p>
                <p class="hint touch-tip">{ "Tip: tap the card to see the answer, then swipe right for Good or left for Again." }</p>
            } else {
                { caught_up(state, &dispatch_for_caught_up) }
            }
            if state.storage.as_ref().is_some_and(|r| r.persisted == Some(false)) {
                <p class="hint" data-testid="install-reminder">{ "Your browser may clear this site's data after a while. Install Second Round on your home screen to keep your progress safe." }</p>
            }
            { super::kit::home_panel(state, &dispatch_for_panel) }
            { mock_button }
            { panel_last }
            <p class="deck-size">{ format!("{seen} of {total} cards studied so far.") }</p>
        </section>
    }
}
