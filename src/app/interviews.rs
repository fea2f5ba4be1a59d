//! Interviews: add the date (and company and role), choose the one to prepare for, and on the home
//! screen a countdown, the readiness on the day and the plan to reach the target.

use super::form::{restored_view, Form};
use super::settings::errors_view;
use super::state::{Action, AppState, KeepGoing, Planner, Screen, WEAKEST};
use crate::domain::interview;
use crate::domain::words::count;
use crate::domain::Clock;
use crate::domain::{readiness, Theme};
use yew::prelude::*;

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "Thu 28 Nov 2026, 10:00", in local time.
pub fn when(ms: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{} {} {} {}, {:02}:{:02}",
        WEEKDAYS[d.get_day() as usize % 7],
        d.get_date(),
        MONTHS[d.get_month() as usize % 12],
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

fn percent(x: f64) -> String {
    format!("{}%", (x * 100.0).round() as i64)
}

/// A button that sends `action`.
fn sender(dispatch: &UseReducerDispatcher<AppState>) -> impl Fn(Action) -> Callback<MouseEvent> + '_ {
    move |a: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(a.clone()))
    }
}

/// The home screen's interview panel: countdown, readiness on the day, plan, weakest themes; after
/// the date, how it went; with none set, the invitation to set one.
pub fn panel(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let now = state.clock.now_ms;
    let col = state.col();
    let past = col.interviews.iter().enumerate().filter(|(_, i)| i.at_ms <= now).max_by_key(|(_, i)| i.at_ms);
    match (interview::upcoming(&col.interviews, now), past) {
        (Some(iv), _) => ahead(state, iv, &dispatch),
        (None, Some((i, iv))) => after(i, iv, state.clock, state.confirm_remove == Some(i), &dispatch),
        (None, None) => html! {
            <section class="interview-panel" aria-labelledby="interview-title">
                <h2 id="interview-title">{ "Your interview" }</h2>
                <p>{ "Add the date of your second interview to see how ready you will be on the day, and a daily plan to get there." }</p>
                <button class="secondary" onclick={sender(&dispatch)(Action::Show(Screen::Interviews))}>{ "Set interview date" }</button>
            </section>
        },
    }
}

/// After the date: how it went, and what comes next, before the interview is let go.
fn after(i: usize, iv: &interview::Interview, clock: Clock, asking: bool, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let send = sender(dispatch);
    html! {
        <section class="interview-panel after" aria-labelledby="interview-title" data-testid="how-it-went">
            <h2 id="interview-title">{ format!("How did it go at {}?", iv.title()) }</h2>
            <p data-testid="after-words">{ interview::after_words(iv.at_ms, clock) }</p>
            <div class="form-actions">
                <button class="primary" onclick={send(Action::KeepGoing(KeepGoing::Theme(Theme::FollowUp)))}>{ "Practise the follow-up" }</button>
                <button class="secondary" onclick={send(Action::Show(Screen::Interviews))}>{ "Plan the next round" }</button>
                <button class="secondary" onclick={send(Action::RemoveInterview(i))}>{ "Done with it" }</button>
            </div>
            if asking {
                { confirm_remove(i, dispatch) }
            }
        </section>
    }
}

/// Asked before an interview whose kit holds notes is deleted with them.
fn confirm_remove(i: usize, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let send = sender(dispatch);
    html! {
        <div class="confirm" role="alertdialog" aria-labelledby="iv-confirm-text">
            <p id="iv-confirm-text">{ "Delete this interview? Its notes, questions, plan and thank-you notes go too." }</p>
            <div class="form-actions">
                <button type="button" class="primary danger" onclick={send(Action::RemoveInterview(i))}>{ "Delete" }</button>
                <button type="button" class="secondary" onclick={send(Action::KeepInterview)}>{ "Keep it" }</button>
            </div>
        </div>
    }
}

/// What the plan says: the new cards and reviews a day that reach the target, or how close they
/// get; on the last day, the weakest answers instead.
fn plan_text(plan: &readiness::Plan, target: f64, last_day: Option<String>) -> String {
    if let Some(countdown) = last_day {
        format!("Today: your {WEAKEST} weakest answers. New cards learned now would not stick by the interview ({countdown}); going over what you already know will.")
    } else if plan.reaches_target {
        format!(
            "To reach {} by then: {} a day and about {} a day (at most {}).",
            percent(target),
            count(plan.new_per_day as usize, "new card", "new cards"),
            count(plan.mean_reviews.round() as usize, "review", "reviews"),
            plan.peak_reviews
        )
    } else {
        format!(
            "There is not enough time to reach {}: with {} a day you would be at about {}.",
            percent(target),
            count(plan.new_per_day as usize, "new card", "new cards"),
            percent(plan.expected)
        )
    }
}

/// The interview ahead: when, how ready on the day, the plan, and each theme to practise.
fn ahead(state: &AppState, iv: &interview::Interview, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    let (now, col, send) = (state.clock.now_ms, state.col(), sender(dispatch));
    let target = col.settings.readiness_target as f64;
    let ready = readiness::readiness(&col, iv.at_ms, &iv.themes);
    let plan = readiness::plan(&col, now, iv.at_ms, target, &iv.themes);
    // The last day: new cards learned now would not stick by the interview; the weakest answers would.
    let last_day = iv.at_ms - now <= crate::domain::clock::DAY_MS;
    let use_plan = !last_day && plan.new_per_day != col.settings.new_per_day && plan.new_per_day > 0;
    html! {
        <section class="interview-panel" aria-labelledby="interview-title">
            <h2 id="interview-title">{ iv.title() }</h2>
            <p data-testid="interview-when">{ format!("{} — {}", when(iv.at_ms), interview::countdown(iv.at_ms, now)) }</p>
            <p class="readiness"><span data-testid="readiness">{ percent(ready.overall) }</span>{ " ready for the day" }</p>
            <p class="help">{ ready.in_words(&iv.themes) }</p>
            <p data-testid="plan">{ plan_text(&plan, target, last_day.then(|| interview::countdown(iv.at_ms, now))) }</p>
            if use_plan {
                <button class="secondary" onclick={send(Action::UsePlan(plan.new_per_day))}>{ format!("Use the plan ({} a day)", count(plan.new_per_day as usize, "new card", "new cards")) }</button>
            }
            if last_day {
                <button class="primary" onclick={send(Action::Planner(Planner::Weakest))}>{ format!("Practise your {WEAKEST} weakest answers") }</button>
            }
            <h3>{ "By theme, on the day" }</h3>
            <p class="help" id="theme-practise-help">{ "Tap a theme to practise it, ahead of schedule." }</p>
            <ul class="themes" data-testid="theme-readiness">
                { for ready.by_theme.iter().map(|t| html! {
                    <li><button class="theme-row" onclick={send(Action::KeepGoing(KeepGoing::Theme(t.theme)))} aria-describedby="theme-practise-help">
                        <span>{ t.theme.label() }</span>{ " " }<span>{ percent(t.readiness) }</span></button></li>
                }) }
            </ul>
            <button class="link" onclick={send(Action::Show(Screen::Interviews))}>{ "Manage interviews" }</button>
        </section>
    }
}

pub fn view(state: &AppState, dispatch: UseReducerDispatcher<AppState>) -> Html {
    let now = state.clock.now_ms;
    let col = state.col();
    let list = &col.interviews;
    let editing = state.editing_interview.is_some();
    let f = Form::new(state, &dispatch);
    let send = |a: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(a.clone()))
    };
    html! {
        <section class="interviews" aria-labelledby="interviews-title">
            <h1 id="interviews-title">{ "Interviews" }</h1>
            if list.is_empty() {
                <p>{ "No interviews yet." }</p>
            } else {
                <ul class="interview-list">
                    { for list.iter().enumerate().map(|(i, iv)| html! {
                        <li class={classes!(iv.active.then_some("active"))}>
                            <p class="title">{ iv.title() }</p>
                            <p>{ when(iv.at_ms) }{ if iv.at_ms > now { format!(" — {}", interview::countdown(iv.at_ms, now)) } else { " — over".to_string() } }</p>
                            <div class="row">
                                if iv.active {
                                    <span class="badge">{ "Preparing for this one" }</span>
                                } else {
                                    <button class="secondary" onclick={send(Action::ActivateInterview(i))}>{ "Prepare for this one" }</button>
                                }
                                <button class="secondary" onclick={send(Action::Mock(crate::core::mock::MockAction::Open(Some(i))))}>{ "Mock interview" }</button>
                                <button class="secondary" onclick={send(Action::Planner(Planner::Edit(i)))} aria-label={format!("Edit {}", iv.title())}>{ "Edit" }</button>
                                <button class="secondary" onclick={send(Action::RemoveInterview(i))} aria-label={format!("Delete {}", iv.title())}>{ "Delete" }</button>
                            </div>
                            if state.confirm_remove == Some(i) {
                                { confirm_remove(i, &dispatch) }
                            }
                        </li>
                    }) }
                </ul>
            }
            <h2 id="iv-form-title">{ if editing { "Change the interview" } else { "Add an interview" } }</h2>
            { restored_view(state, &dispatch) }
            <form id="iv-form" onsubmit={f.submit()} novalidate=true>
                <label for="iv-when">{ "Date and time" }</label>
                <input id="iv-when" type="datetime-local" required=true value={f.value("iv-when")} oninput={f.input("iv-when")} />
                <label for="iv-company">{ "Company (optional)" }</label>
                <input id="iv-company" type="text" autocomplete="organization" value={f.value("iv-company")} oninput={f.input("iv-company")} />
                <label for="iv-role">{ "Role (optional)" }</label>
                <input id="iv-role" type="text" autocomplete="organization-title" value={f.value("iv-role")} oninput={f.input("iv-role")} />
                <fieldset class="themes-choice">
                    <legend>{ "Themes to prepare (none ticked: all)" }</legend>
                    { for Theme::WITH_OWN.iter().map(|t| {
                        let id = format!("iv-theme-{}", t.key());
                        html! { <label class="check" for={id.clone()}><input type="checkbox" id={id.clone()} checked={f.checked(&id)} onchange={f.change(id)} />{ t.label() }</label> }
                    }) }
                </fieldset>
                { errors_view(&state.form_errors) }
                <div class="form-actions">
                    <button type="submit" class="primary">{ if editing { "Save interview" } else { "Add interview" } }</button>
                    if editing {
                        <button type="button" class="secondary" onclick={f.cancel(Action::Show(Screen::Interviews))}>{ "Cancel changes" }</button>
                    }
                    <button type="button" class="secondary" onclick={send(Action::Show(Screen::Home))}>{ "Back to home" }</button>
                </div>
            </form>
        </section>
    }
}
