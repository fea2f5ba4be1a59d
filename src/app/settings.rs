//! Settings: desired retention, new cards per day, maximum reviews per day, maximum interval.

use super::state::{Action, AppState, Screen};
use crate::domain::Settings;
use crate::store::local::StorageReport;
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SettingsProps {
    pub settings: Settings,
    pub storage: Option<StorageReport>,
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

#[component]
pub fn SettingsForm(props: &SettingsProps) -> Html {
    let form = use_node_ref();
    // A plain cell and a re-render on demand (see swipe.rs: `use_state` costs kilobytes).
    let errors = use_mut_ref(Vec::<String>::new);
    let rerender = use_force_update();
    let s = props.settings;
    let onsubmit = {
        let form = form.clone();
        let errors = errors.clone();
        let rerender = rerender.clone();
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match parse(&form) {
                Ok(settings) => dispatch.dispatch(Action::SaveSettings(settings)),
                Err(list) => {
                    *errors.borrow_mut() = list;
                    rerender.force_update();
                }
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
                if !errors.borrow().is_empty() {
                    <ul class="errors" role="alert">{ for errors.borrow().iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                }
                <div class="form-actions">
                    <button type="submit" class="primary">{ "Save settings" }</button>
                    <button type="button" class="secondary" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </form>
            <h2>{ "Storage on this device" }</h2>
            { storage_view(props.storage.as_ref()) }
        </section>
    }
}
