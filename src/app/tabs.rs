//! The bottom tab bar: the app's screens within thumb reach, the one on screen marked. Each tab is a
//! link to its screen's address (a long press copies it), followed in place.

use super::state::{Action, AppState, Screen};
use crate::core::kit::KitScreen;
use yew::prelude::*;

/// A tab: its name, its address, the screen it opens, whether a screen is one it stands for, its icon (SVG
/// path data on a 24-unit square, drawn with the text colour).
struct Tab {
    label: &'static str,
    href: &'static str,
    opens: Screen,
    covers: fn(Screen) -> bool,
    icon: &'static str,
}

/// The tabs, in order (a part of the app with screens of its own adds its tab here).
const TABS: &[Tab] = &[
    Tab {
        label: "Drill",
        href: "#/",
        opens: Screen::Home,
        covers: |s| matches!(s, Screen::Home | Screen::Review | Screen::Interviews | Screen::Mock),
        icon: "M4 6h16v12H4zM8 10h8M8 14h5",
    },
    Tab {
        label: "Cards",
        href: "#/cards",
        opens: Screen::Cards,
        covers: |s| matches!(s, Screen::Cards | Screen::Edit | Screen::Transfer),
        icon: "M7 4h13v13M4 7h13v13H4z",
    },
    Tab {
        label: "Kit",
        href: "#/kit",
        opens: Screen::Kit(KitScreen::Hub),
        covers: |s| matches!(s, Screen::Kit(_)),
        icon: "M4 8h16v11H4zM9 8V5h6v3M4 13h16",
    },
    Tab { label: "Progress", href: "#/progress", opens: Screen::Stats, covers: |s| s == Screen::Stats, icon: "M5 20V11M12 20V5M19 20v-6" },
    Tab {
        label: "Settings",
        href: "#/settings",
        opens: Screen::Settings,
        covers: |s| s == Screen::Settings,
        icon: "M4 7h10M18 7h2M4 17h4M12 17h8M14 4v6M8 14v6",
    },
];

pub fn view(state: &AppState, dispatch: &UseReducerDispatcher<AppState>) -> Html {
    html! {
        <nav class="tabbar" aria-label="Screens">
            { for TABS.iter().map(|t| {
                let here = (t.covers)(state.screen);
                let root = here && state.screen == t.opens;
                let go = super::router::link(dispatch, Action::Show(t.opens));
                // Tapping the tab of the screen already open takes it back to its top.
                let onclick = Callback::from(move |e: MouseEvent| {
                    if root {
                        e.prevent_default();
                        gloo_utils::window().scroll_to_with_x_and_y(0.0, 0.0);
                    } else {
                        go.emit(e);
                    }
                });
                html! {
                    <a class={classes!("tab", here.then_some("active"))} href={t.href} aria-current={here.then_some("page")} {onclick}>
                        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d={t.icon} /></svg>
                        <span>{ t.label }</span>
                    </a>
                }
            }) }
        </nav>
    }
}
