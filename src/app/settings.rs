//! Settings: desired retention, new cards per day, maximum reviews per day, maximum interval.

use super::state::{Action, AppState, Screen};
use crate::domain::Settings;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: Settings,
    pub dispatch: UseReducerDispatcher<AppState>,
}

fn read(form: &NodeRef, id: &str) -> String {
    form.cast::<web_sys::Element>()
        .and_then(|f| f.query_selector(&format!("#{id}")).ok().flatten())
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlInputElement>(e).ok())
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Reads and checks the form; every problem is named for the person filling it in.
fn parse(form: &NodeRef) -> Result<Settings, Vec<String>> {
    let mut errors = Vec::new();
    let retention_pct: Option<u32> = read(form, "retention").trim().parse().ok();
    let retention = match retention_pct {
        Some(p) if (70..=97).contains(&p) => p as f32 / 100.0,
        _ => {
            errors.push("Desired retention must be a number from 70 to 97 (%).".to_string());
            0.9
        }
    };
    let mut whole = |id: &str, name: &str, max: u32| -> u32 {
        match read(form, id).trim().parse::<u32>() {
            Ok(n) if n <= max => n,
            _ => {
                errors.push(format!("{name} must be a whole number from 0 to {max}."));
                0
            }
        }
    };
    let new_per_day = whole("new-per-day", "New cards per day", 9999);
    let max_reviews = whole("max-reviews", "Maximum reviews per day", 99_999);
    let max_interval = whole("max-interval", "Maximum interval", 36_500).max(1);
    if errors.is_empty() {
        Ok(Settings { desired_retention: retention, new_per_day, max_reviews_per_day: max_reviews, max_interval_days: max_interval })
    } else {
        Err(errors)
    }
}

#[component]
pub fn SettingsForm(props: &SettingsProps) -> Html {
    let form = use_node_ref();
    let errors = use_state(Vec::<String>::new);
    let s = props.settings;
    let onsubmit = {
        let form = form.clone();
        let errors = errors.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse(&form) {
                Ok(settings) => dispatch.dispatch(Action::SaveSettings(settings)),
                Err(list) => errors.set(list),
            }
        })
    };
    let cancel = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Show(Screen::Home)))
    };
    html! {
        <section class="settings" aria-labelledby="settings-title">
            <h1 id="settings-title">{ "Settings" }</h1>
            <form ref={form} {onsubmit} novalidate=true>
                <label for="retention">{ "Desired retention (%)" }</label>
                <input id="retention" type="number" inputmode="decimal" min="70" max="97" step="1"
                    value={((s.desired_retention * 100.0).round() as u32).to_string()} aria-describedby="retention-help" />
                <p class="help" id="retention-help">{ "How likely you want to be to recall a card when it comes back. Higher means more reviews. 70–97, default 90." }</p>
                <label for="new-per-day">{ "New cards per day" }</label>
                <input id="new-per-day" type="number" inputmode="numeric" min="0" step="1" value={s.new_per_day.to_string()} />
                <label for="max-reviews">{ "Maximum reviews per day" }</label>
                <input id="max-reviews" type="number" inputmode="numeric" min="0" step="1" value={s.max_reviews_per_day.to_string()} />
                <label for="max-interval">{ "Maximum interval (days)" }</label>
                <input id="max-interval" type="number" inputmode="numeric" min="1" step="1" value={s.max_interval_days.to_string()} />
                if !errors.is_empty() {
                    <ul class="errors" role="alert">{ for errors.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                }
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save settings" }</button>
                    <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </form>
        </section>
    }
}
