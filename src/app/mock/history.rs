//! The Progress screen's mock interviews: key points hit in each, over time, as a small SVG chart
//! with a table of every mock (date, length, questions, key points, mean grade) as its alternative.

use super::super::interviews::when;
use super::super::state::AppState;
use crate::domain::clock::minutes_seconds;
use yew::prelude::*;

/// The latest mocks the chart shows.
const SHOWN: usize = 20;

pub fn view(state: &AppState) -> Html {
    let history = &state.mock.history;
    if history.is_empty() {
        return html! {
            <>
                <h2>{ "Mock interviews" }</h2>
                <p data-testid="mock-history-none">{ "No mock interview yet. Start one from the home screen." }</p>
            </>
        };
    }
    let recent = &history[history.len().saturating_sub(SHOWN)..];
    // Points joined by a line: x by order, y by the share of key points hit (the chart is drawn
    // from numbers only; no text goes into it).
    let step = if recent.len() > 1 { 100.0 / (recent.len() - 1) as f64 } else { 0.0 };
    let points: Vec<(f64, f64)> = recent.iter().enumerate().map(|(i, h)| (if recent.len() > 1 { i as f64 * step } else { 50.0 }, 100.0 - h.points_percent() as f64)).collect();
    let mut shapes = String::from(r#"<line class="axis" x1="0" y1="100" x2="100" y2="100"/><line class="axis" x1="0" y1="50" x2="100" y2="50"/>"#);
    if points.len() > 1 {
        let path: Vec<String> = points.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect();
        shapes += &format!(r#"<polyline points="{}"/>"#, path.join(" "));
    }
    for (x, y) in &points {
        // A dot that stays round however the chart is stretched: a line of no length, round-capped.
        shapes += &format!(r#"<path class="dot" d="M{x:.1} {y:.1}h0"/>"#);
    }
    let svg = Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg class="chart mocks" viewBox="-4 -4 108 108" aria-hidden="true" preserveAspectRatio="none" data-testid="mock-chart">{shapes}</svg>"#
    )));
    let last = &history[history.len() - 1];
    html! {
        <>
            <h2 id="mocks-title">{ "Mock interviews" }</h2>
            <p data-testid="mock-history-summary">{ format!(
                "{} mock interview{}; the latest hit {}% of the key points.",
                history.len(), if history.len() == 1 { "" } else { "s" }, last.points_percent()
            ) }</p>
            <p class="help">{ "Key points hit in each mock, oldest on the left." }</p>
            { svg }
            <table class="mocks" data-testid="mock-history" aria-labelledby="mocks-title">
                <thead><tr>
                    <th scope="col">{ "Date" }</th><th scope="col">{ "Length" }</th><th scope="col">{ "Questions" }</th>
                    <th scope="col">{ "Key points" }</th><th scope="col">{ "Mean grade" }</th>
                </tr></thead>
                <tbody>
                    { for history.iter().rev().map(|h| html! {
                        <tr>
                            <th scope="row">{ when(h.at_ms) }{ h.interview.as_ref().map(|i| format!(" · {i}")).unwrap_or_default() }</th>
                            <td>{ format!("{} min ({})", h.minutes, minutes_seconds(h.seconds as i64)) }</td>
                            <td>{ h.questions.len() }</td>
                            <td>{ format!("{}%", h.points_percent()) }</td>
                            <td>{ h.mean_grade().map_or("—".to_string(), |g| format!("{g:.1}")) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}
