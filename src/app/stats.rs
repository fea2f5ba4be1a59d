//! The stats screen: streak and time, a 26-week review heatmap, the 30-day due forecast, true
//! retention per theme and recall over the last 30 days. Charts are SVG drawn here, each followed
//! by a table for screen readers.

use super::state::AppState;
use crate::domain::{stats, words, Clock, Collection};
use yew::prelude::*;

const WEEKS: usize = 26;

fn pct(x: f64) -> String {
    format!("{}%", (x * 100.0).round() as i64)
}

/// A table only screen readers see: the chart's numbers. (Inside a hidden box: a table given a
/// size of 1 px still takes the room its rows need, which left a long blank scroll under the page.)
fn sr_table(caption: &str, head: (&str, &str), rows: Vec<(String, String)>) -> Html {
    html! {
        <div class="sr-only">
            <table>
                <caption>{ caption }</caption>
                <thead><tr><th scope="col">{ head.0 }</th><th scope="col">{ head.1 }</th></tr></thead>
                <tbody>{ for rows.into_iter().map(|(a, b)| html! { <tr><th scope="row">{ a }</th><td>{ b }</td></tr> }) }</tbody>
            </table>
        </div>
    }
}

/// A chart with its axes named: the values at the top and bottom of the vertical axis (with what
/// they count), and the labels along the bottom, first, middle and last. (The numbers are in the
/// table for screen readers; the labels are for the eye.)
fn axes(chart: Html, y: Option<(&str, String, String)>, x: [&str; 3]) -> Html {
    html! {
        <div class={classes!("chart-box", y.is_some().then_some("with-y"))} aria-hidden="true">
            if let Some((what, top, bottom)) = y {
                <div class="y-axis"><span>{ top }</span><span class="y-name">{ what }</span><span>{ bottom }</span></div>
            }
            { chart }
            <div class="x-axis"><span>{ x[0] }</span><span>{ x[1] }</span><span>{ x[2] }</span></div>
        </div>
    }
}

/// An SVG drawn from numbers the app computed (no text from anywhere else goes in), inserted as
/// markup: one string instead of hundreds of virtual DOM nodes, for speed and bundle size.
fn svg(class: &str, view_box: &str, shapes: String) -> Html {
    Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg class="chart {class}" viewBox="{view_box}" aria-hidden="true" preserveAspectRatio="none">{shapes}</svg>"#
    )))
}

/// Bars for a series, scaled to the largest value.
fn bars(values: &[f64], max: f64, class: &str) -> Html {
    let max = if max > 0.0 { max } else { 1.0 };
    let mut shapes = String::new();
    for (i, v) in values.iter().enumerate() {
        let h = ((v / max) * 96.0).round().max(if *v > 0.0 { 2.0 } else { 0.0 }) as i64;
        shapes += &format!(r#"<rect x="{}" y="{}" width="8" height="{h}"/>"#, i * 10 + 1, 100 - h);
    }
    svg(class, &format!("0 0 {} 100", values.len() * 10), shapes)
}

/// "Today", "Tomorrow", "Yesterday", "In 3 days", "3 days ago".
fn day_label(offset: i64) -> String {
    match offset {
        0 => "Today".to_string(),
        1 => "Tomorrow".to_string(),
        -1 => "Yesterday".to_string(),
        n if n > 0 => format!("In {n} days"),
        n => format!("{} days ago", -n),
    }
}

/// The streak and the time studied today and in all.
fn totals(col: &Collection, clock: Clock) -> Html {
    let (today_ms, all_ms) = stats::time_studied(col, clock);
    let streak = stats::streak(col, clock);
    html! {
        <dl class="today">
            <div class="stat"><dt>{ "Streak" }</dt><dd data-testid="streak">{ words::count(streak as usize, "day", "days") }</dd></div>
            <div class="stat"><dt>{ "Today" }</dt><dd data-testid="time-today">{ words::spent(today_ms) }</dd></div>
            <div class="stat"><dt>{ "In all" }</dt><dd data-testid="time-total">{ words::spent(all_ms) }</dd></div>
        </dl>
    }
}

/// The 26-week heatmap of reviews, a square a day, with its table for screen readers.
fn heatmap(col: &Collection, clock: Clock) -> Html {
    let heat = stats::heatmap(col, clock, WEEKS * 7);
    let total: u32 = heat.iter().sum();
    let active_days = heat.iter().filter(|c| **c > 0).count();
    let level = |c: u32| match c {
        0 => "h0",
        1..=4 => "h1",
        5..=9 => "h2",
        10..=19 => "h3",
        _ => "h4",
    };
    html! {
        <>
        <h2>{ "Reviews, last 26 weeks" }</h2>
        <p data-testid="heatmap-summary">{ format!("{} on {}.", words::count(total as usize, "review", "reviews"), words::count(active_days, "day", "days")) }</p>
        { axes(svg("heatmap", &format!("0 0 {} 49", WEEKS * 7), heat.iter().enumerate().map(|(i, c)| {
            format!(r#"<rect class="{}" x="{}" y="{}" width="6" height="6" rx="1"/>"#, level(*c), (i / 7) * 7, (i % 7) * 7)
        }).collect()), None, ["26 weeks ago", "13 weeks ago", "This week"]) }
        <p class="legend" aria-hidden="true">{ "Each square is a day; darker, more reviews." }</p>
        { sr_table("Reviews per week, oldest first", ("Week", "Reviews"),
            heat.chunks(7).enumerate().map(|(w, c)| (match WEEKS - 1 - w { 0 => "This week".into(), 1 => "Last week".into(), n => format!("{n} weeks ago") }, c.iter().sum::<u32>().to_string())).collect()) }
        </>
    }
}

/// Cards due each of the next 30 days.
fn forecast(col: &Collection, clock: Clock) -> Html {
    let forecast = stats::forecast(col, clock, 30);
    let due_total: u32 = forecast.iter().sum();
    let peak = forecast.iter().copied().max().unwrap_or(0);
    html! {
        <>
        <h2>{ "Due, next 30 days" }</h2>
        <p data-testid="forecast-summary">{ format!("{} due; today {}.", words::count(due_total as usize, "card", "cards"), forecast[0]) }</p>
        { axes(bars(&forecast.iter().map(|c| *c as f64).collect::<Vec<_>>(), peak as f64, "forecast"),
            Some(("cards", peak.to_string(), "0".into())), ["Today", "In 2 weeks", "In 4 weeks"]) }
        { sr_table("Cards due per day", ("Day", "Cards"), forecast.iter().enumerate().map(|(i, c)| (day_label(i as i64), c.to_string())).collect()) }
        </>
    }
}

/// Remembered when reviewed (true retention) per theme over the last 30 days.
fn retention(col: &Collection, clock: Clock) -> Html {
    html! {
        <>
        <h2>{ "Remembered when reviewed, last 30 days" }</h2>
        <table class="retention" data-testid="retention">
            <thead><tr><th scope="col">{ "Theme" }</th><th scope="col">{ "Reviews" }</th><th scope="col">{ "Recalled" }</th></tr></thead>
            <tbody>
                { for stats::retention(col, clock, 30).iter().map(|r| html! {
                    <tr class={classes!(r.theme.is_none().then_some("total"))}>
                        <th scope="row">{ r.theme.map_or("All themes", |t| t.label()) }</th>
                        <td>{ r.reviews }</td>
                        <td>{ r.rate().map_or("—".to_string(), pct) }</td>
                    </tr>
                }) }
            </tbody>
        </table>
        </>
    }
}

/// Predicted recall each of the last 30 days — with an interview ahead, readiness for it.
fn recall(col: &Collection, clock: Clock) -> Html {
    let interview = crate::domain::interview::upcoming(&col.interviews, clock.now_ms);
    let recall = stats::recall_over_time(col, clock, 30, interview.map(|i| i.at_ms), interview.map_or(&[][..], |i| &i.themes[..]));
    let title = match interview {
        Some(i) => format!("Readiness for {}, last 30 days", i.title()),
        None => "Recall, last 30 days".to_string(),
    };
    html! {
        <>
        <h2>{ title }</h2>
        <p data-testid="recall-summary">{ format!("Predicted recall: {} today, {} 30 days ago.", pct(recall[29]), pct(recall[0])) }</p>
        { axes(bars(&recall, 1.0, "recall"), Some(("recall", "100%".into(), "0%".into())), ["30 days ago", "15 days ago", "Today"]) }
        { sr_table("Predicted recall per day", ("Day", "Recall"), recall.iter().enumerate().map(|(i, r)| (day_label(i as i64 - 29), pct(*r))).collect()) }
        </>
    }
}

pub fn view(state: &AppState) -> Html {
    let col = state.col();
    let (col, clock) = (&*col, state.clock);
    html! {
        <section class="stats" aria-labelledby="stats-title">
            <h1 id="stats-title">{ "Progress" }</h1>
            { totals(col, clock) }
            { heatmap(col, clock) }
            { forecast(col, clock) }
            { retention(col, clock) }
            { recall(col, clock) }
            { super::mock::history::view(state) }
        </section>
    }
}
