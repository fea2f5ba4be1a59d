//! The snackbar: the core's line after an action that changed data, at the bottom of the screen
//! above the tab bar, in a live region that is always there so screen readers announce each new
//! line; hidden after a few seconds (longer when it offers Undo).

use super::state::{Action, AppState, SnackAction};
use yew::prelude::*;

#[hook]
pub fn use_snackbar(state: &AppState, dispatch: UseReducerDispatcher<AppState>) {
    let shown = state.snack.as_ref().map(|s| (s.id, s.undo.is_some()));
    use_effect_with(shown, move |shown| {
        let timer = shown.map(|(id, undo)| {
            let ms = if undo { 8_000 } else { 5_000 };
            gloo_timers::callback::Timeout::new(ms, move || dispatch.dispatch(Action::Snack(SnackAction::Hide(id))))
        });
        move || drop(timer)
    });
}

pub fn view(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let line = state.snack.as_ref().map(|s| {
        let undo = s.undo.is_some().then(|| {
            let d = dispatch.clone();
            html! { <button class="snack-undo" onclick={Callback::from(move |_: MouseEvent| d.dispatch(Action::Snack(SnackAction::Undo)))}>{ "Undo" }</button> }
        });
        html! {
            <div class="snackbar" key={s.id.to_string()} data-testid="snackbar">
                <p>{ &s.text }</p>
                { for undo }
            </div>
        }
    });
    html! { <div class="snackbar-region" role="status" aria-live="polite">{ for line }</div> }
}
