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
    // Points joined by a line: x by order (0–1000), y by the share of key points hit (0–100, drawn
    // 0–1000). Whole numbers only: the chart is drawn from numbers the app computed (no text goes
    // into it), and formatting floats would cost the bundle kilobytes.
    let n = recent.len();
    let points: Vec<(usize, usize)> = recent
        .iter()
        .enumerate()
        .map(|(i, h)| (if n > 1 { i * 1000 / (n - 1) } else { 500 }, 1000 - h.points_percent().min(100) as usize * 10))
        .collect();
    let mut shapes =
        String::from(r#"<line class="axis" x1="0" y1="1000" x2="1000" y2="1000"/><line class="axis" x1="0" y1="500" x2="1000" y2="500"/>"#);
    if points.len() > 1 {
        let path: Vec<String> = points.iter().map(|(x, y)| format!("{x},{y}")).collect();
        shapes += &format!(r#"<polyline points="{}"/>"#, path.join(" "));
    }
    for (x, y) in &points {
        // A dot that stays round however the chart is stretched: a line of no length, round-capped.
        shapes += &format!(r#"<path class="dot" d="M{x} {y}h0"/>"#);
    }
    let svg = Html::from_html_unchecked(AttrValue::from(format!(
        r#"<svg class="chart mocks" viewBox="-40 -40 1080 1080" aria-hidden="true" preserveAspectRatio="none" data-testid="mock-chart">{shapes}</svg>"#
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
                            <td>{ h.mean_grade_tenths().map_or("—".to_string(), |t| format!("{}.{}", t / 10, t % 10)) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </>
    }
}
