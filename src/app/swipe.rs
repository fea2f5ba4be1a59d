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

impl Drag {
    fn idle() -> Self {
        Drag { mode: Mode::Idle, pointer: 0, x0: 0.0, y0: 0.0, dx: 0.0, swallow_click: false, hint: None }
    }

    /// A finger (or pen) down on the answer: a gesture may start. A mouse never swipes (dragging
    /// selects text; the buttons and keys grade).
    fn start(&mut self, e: &PointerEvent, revealed: bool) {
        self.swallow_click = false;
        if !revealed || !e.is_primary() || e.pointer_type() == "mouse" {
            return;
        }
        *self = Drag { mode: Mode::Undecided, pointer: e.pointer_id(), x0: e.client_x() as f64, y0: e.client_y() as f64, ..Drag::idle() };
    }

    /// The finger moved: once it has moved far enough the gesture is a swipe (the card takes the
    /// pointer) or a scroll (left to the page). Swiping: how far across it is now.
    fn moved(&mut self, e: &PointerEvent) -> Option<f64> {
        if e.pointer_id() != self.pointer || matches!(self.mode, Mode::Idle | Mode::Scrolling) {
            return None;
        }
        let (dx, dy) = (e.client_x() as f64 - self.x0, e.client_y() as f64 - self.y0);
        if self.mode == Mode::Undecided {
            if dx.abs().max(dy.abs()) < DECIDE_PX {
                return None;
            }
            if dy.abs() >= dx.abs() {
                self.mode = Mode::Scrolling;
                return None;
            }
            self.mode = Mode::Swiping;
            if let Some(target) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = target.set_pointer_capture(e.pointer_id());
            }
        }
        self.dx = dx;
        Some(dx)
    }

    /// The finger lifted (or the gesture was cancelled): how far a swipe went, if it was one.
    /// The click that follows a swipe is not a tap.
    fn end(&mut self, e: &PointerEvent) -> Option<Option<f64>> {
        if e.pointer_id() != self.pointer || self.mode == Mode::Idle {
            return None;
        }
        let swiped = self.mode == Mode::Swiping;
        self.mode = Mode::Idle;
        self.swallow_click = swiped;
        Some(swiped.then_some(self.dx))
    }
}

/// The grade a swipe this far across gives: right past the threshold Good, left past it Again.
fn grade_at(dx: f64, limit: f64) -> Option<Rating> {
    if dx >= limit {
        Some(Rating::Good)
    } else if dx <= -limit {
        Some(Rating::Again)
    } else {
        None
    }
}

fn hint_view(hint: Option<Rating>) -> Html {
    match hint {
        Some(Rating::Good) => html! { <p class="swipe-hint good" aria-hidden="true">{ "Good →" }</p> },
        Some(_) => html! { <p class="swipe-hint again" aria-hidden="true">{ "← Again" }</p> },
        None => html! {},
    }
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
    let drag = use_mut_ref(Drag::idle);
    let rerender = use_force_update();
    let element = {
        let node = node.clone();
        move || node.cast::<HtmlElement>()
    };
    let onpointerdown = {
        let (drag, revealed) = (drag.clone(), props.revealed);
        Callback::from(move |e: PointerEvent| drag.borrow_mut().start(&e, revealed))
    };
    // The card follows the finger; the hint names the grade once past the threshold.
    let onpointermove = {
        let (drag, rerender, element) = (drag.clone(), rerender.clone(), element.clone());
        Callback::from(move |e: PointerEvent| {
            let mut d = drag.borrow_mut();
            let (Some(dx), Some(el)) = (d.moved(&e), element()) else { return };
            place(&el, dx, false);
            let next = grade_at(dx, threshold(&el));
            if d.hint != next {
                d.hint = next;
                rerender.force_update();
            }
        })
    };
    // Released past the threshold, the swipe grades; the card goes back either way.
    let finish = {
        let (drag, rerender, element, ongrade) = (drag.clone(), rerender.clone(), element.clone(), props.ongrade.clone());
        move |e: PointerEvent, cancelled: bool| {
            let mut d = drag.borrow_mut();
            let Some(swiped) = d.end(&e) else { return };
            if d.hint.take().is_some() {
                rerender.force_update();
            }
            drop(d);
            let Some(el) = element() else { return };
            place(&el, 0.0, true);
            if let Some(grade) = swiped.filter(|_| !cancelled).and_then(|dx| grade_at(dx, threshold(&el))) {
                ongrade.emit(grade);
            }
        }
    };
    let onpointerup = {
        let finish = finish.clone();
        Callback::from(move |e: PointerEvent| finish(e, false))
    };
    let onpointercancel = Callback::from(move |e: PointerEvent| finish(e, true));
    // A tap on the question shows the answer (not the click that ends a swipe).
    let onclick = {
        let (drag, onreveal, revealed) = (drag.clone(), props.onreveal.clone(), props.revealed);
        Callback::from(move |_: MouseEvent| {
            let swallow = std::mem::replace(&mut drag.borrow_mut().swallow_click, false);
            if !revealed && !swallow {
                onreveal.emit(());
            }
        })
    };
    let hint = drag.borrow().hint;
    html! {
        <>
        { hint_view(hint) }
        <article ref={node} class={classes!("card", props.revealed.then_some("swipeable"), (!props.revealed).then_some("tappable"))}
            {onpointerdown} {onpointermove} {onpointerup} {onpointercancel} {onclick} data-testid="card">
            { props.children.clone() }
        </article>
        </>
    }
}
