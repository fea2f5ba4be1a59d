//! After "All caught up": more to do when the person wants it — five more new cards today, a theme
//! practised ahead of schedule (ordinary FSRS reviews with their real elapsed time), and, when a
//! focused session finds nothing, the cards already seen today too.

use super::{AppState, Screen};
use crate::domain::session::Focus;
use crate::domain::Theme;

/// What "keep going" asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeepGoing {
    /// Five more new cards than today's limit.
    MoreNew,
    /// One theme, cards not due yet included.
    Theme(Theme),
    /// The focused session under way, with the cards seen today included.
    SeenToday,
}

/// How many more new cards "Learn more" brings.
pub const MORE_NEW: usize = 5;

impl AppState {
    pub(super) fn keep_going(&mut self, what: KeepGoing) {
        match what {
            KeepGoing::MoreNew => self.focus.extra_new += MORE_NEW,
            KeepGoing::Theme(theme) => self.focus = Focus { themes: vec![theme], ahead: true, ..Focus::default() },
            KeepGoing::SeenToday => {
                self.focus.ahead = true;
                self.focus.seen_today = true;
                self.focus.since_ms = self.clock.now_ms;
            }
        }
        self.screen = Screen::Review;
        self.next_card();
    }
}
