//! Banners that say when progress is not being saved or could not be read.

use super::state::{Action, AppState, Export, Notice};
use yew::prelude::*;

pub fn view(notices: &[Notice], dispatch: UseReducerDispatcher<AppState>) -> Html {
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <div class="notices">
            { for notices.iter().enumerate().map(|(i, n)| {
                let d = dispatch.clone();
                let dismiss = Callback::from(move |_: MouseEvent| d.dispatch(Action::Dismiss(i)));
                html! {
                    <div class={if matches!(n, Notice::Done(_)) { "notice done" } else { "notice" }} role={if matches!(n, Notice::Done(_)) { "status" } else { "alert" }}>
                        <p>{ n.text() }</p>
                        if matches!(n, Notice::Unreadable(_)) {
                            <button class="secondary" onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::Export(Export::Unreadable))) }}>{ "Download what could not be read" }</button>
                        }
                        if matches!(n, Notice::WriteFailed(_)) {
                            <button class="secondary" onclick={{ let d = dispatch.clone(); Callback::from(move |_: MouseEvent| d.dispatch(Action::Export(Export::Backup))) }}>{ "Download a backup" }</button>
                        }
                        <button class="dismiss" onclick={dismiss} aria-label="Dismiss message">{ "×" }</button>
                    </div>
                }
            }) }
        </div>
    }
}
