//! The card on the review screen: tap it to show the answer; on the answer, swipe right for Good and
//! left for Again. The card follows the finger, a hint names the grade once past the threshold, and
//! a mostly vertical movement is left to the page (it scrolls, nothing is graded).

use crate::domain::Rating;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, PointerEvent};
use yew::prelude::*;

/// Movement before a gesture is read as horizontal (a swipe) or vertical (a scroll).
const DECIDE_PX: f64 = 10.0;
/// A swipe grades once it passes this share of the card's width (capped at 120 px).
const THRESHOLD_SHARE: f64 = 0.3;
const THRESHOLD_MAX_PX: f64 = 120.0;

#[derive(Properties, PartialEq)]
pub struct SwipeCardProps {
    pub revealed: bool,
    pub onreveal: Callback<()>,
    pub ongrade: Callback<Rating>,
    pub children: Html,
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    Idle,
    Undecided,
    Swiping,
    Scrolling,
}

struct Drag {
    mode: Mode,
    pointer: i32,
    x0: f64,
    y0: f64,
    dx: f64,
    /// A gesture just ended: the click that follows it is not a tap.
    swallow_click: bool,
    /// The grade a release would give now, shown as a hint.
    hint: Option<Rating>,
}

fn threshold(el: &HtmlElement) -> f64 {
    (el.offset_width() as f64 * THRESHOLD_SHARE).min(THRESHOLD_MAX_PX)
}

fn place(el: &HtmlElement, dx: f64, animate: bool) {
    let style = el.style();
    let _ = style.set_property("transition", if animate { "" } else { "none" });
    if dx == 0.0 {
        let _ = style.remove_property("transform");
    } else {
        let _ = style.set_property("transform", &format!("translateX({}px) rotate({}deg)", dx as i32, (dx / 24.0) as i32));
    }
}

#[component]
pub fn SwipeCard(props: &SwipeCardProps) -> Html {
    let node = use_node_ref();
    // Plain cells and a re-render on demand: `use_state` would add a whole hook instantiation
    // (kilobytes of the bundle) for one small value.
    let drag = use_mut_ref(|| Drag { mode: Mode::Idle, pointer: 0, x0: 0.0, y0: 0.0, dx: 0.0, swallow_click: false, hint: None });
    let rerender = use_force_update();

    let element = {
        let node = node.clone();
        move || node.cast::<HtmlElement>()
    };

    let onpointerdown = {
        let drag = drag.clone();
        let revealed = props.revealed;
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            d.swallow_click = false;
            // Touch and pen only: with a mouse, dragging selects text and the buttons and keys grade.
            if !revealed || !e.is_primary() || e.pointer_type() == "mouse" {
                return;
            }
            *d = Drag {
                mode: Mode::Undecided,
                pointer: e.pointer_id(),
                x0: e.client_x() as f64,
                y0: e.client_y() as f64,
                dx: 0.0,
                swallow_click: false,
                hint: None,
            };
        })
    };

    let onpointermove = {
        let drag = drag.clone();
        let rerender = rerender.clone();
        let element = element.clone();
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            if e.pointer_id() != d.pointer || matches!(d.mode, Mode::Idle | Mode::Scrolling) {
                return;
            }
            let (dx, dy) = (e.client_x() as f64 - d.x0, e.client_y() as f64 - d.y0);
            if d.mode == Mode::Undecided {
                if dx.abs().max(dy.abs()) < DECIDE_PX {
                    return;
                }
                if dy.abs() >= dx.abs() {
                    d.mode = Mode::Scrolling;
                    return;
                }
                d.mode = Mode::Swiping;
                if let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    let _ = target.set_pointer_capture(e.pointer_id());
                }
            }
            d.dx = dx;
            let Some(el) = element() else { return };
            place(&el, dx, false);
            let limit = threshold(&el);
            let next = if dx >= limit {
                Some(Rating::Good)
            } else if dx <= -limit {
                Some(Rating::Again)
            } else {
                None
            };
            if d.hint != next {
                d.hint = next;
                rerender.force_update();
            }
        })
    };

    let finish = {
        let drag = drag.clone();
        let rerender = rerender.clone();
        let element = element.clone();
        let ongrade = props.ongrade.clone();
        move |e: PointerEvent, cancelled: bool| {
            let mut d = drag.borrow_mut();
            if e.pointer_id() != d.pointer || d.mode == Mode::Idle {
                return;
            }
            let swiped = d.mode == Mode::Swiping;
            let dx = d.dx;
            d.mode = Mode::Idle;
            d.swallow_click = swiped;
            if d.hint.take().is_some() {
                rerender.force_update();
            }
            drop(d);
            let Some(el) = element() else { return };
            let limit = threshold(&el);
            place(&el, 0.0, true);
            if swiped && !cancelled {
                if dx >= limit {
                    ongrade.emit(Rating::Good);
                } else if dx <= -limit {
                    ongrade.emit(Rating::Again);
                }
            }
        }
    };
    let onpointerup = {
        let finish = finish.clone();
        Callback::from(move |e: PointerEvent| finish(e, false))
    };
    let onpointercancel = Callback::from(move |e: PointerEvent| finish(e, true));

    let onclick = {
        let drag = drag.clone();
        let onreveal = props.onreveal.clone();
        let revealed = props.revealed;
        Callback::from(move |_: MouseEvent| {
            let swallow = std::mem::replace(&mut drag.borrow_mut().swallow_click, false);
            if !revealed && !swallow {
                onreveal.emit(());
            }
        })
    };

    let hint = drag.borrow().hint;
    let hint_view = match hint {
        Some(Rating::Good) => html! { <p class="swipe-hint good" aria-hidden="true">{ "Good →" }</p> },
        Some(_) => html! { <p class="swipe-hint again" aria-hidden="true">{ "← Again" }</p> },
        None => html! {},
    };
    html! {
        <article ref={node} class={classes!("card", props.revealed.then_some("swipeable"), (!props.revealed).then_some("tappable"))}
            {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onclick} data-testid="card">
            { hint_view }
            { props.children.clone() }
        </article>
    }
}
