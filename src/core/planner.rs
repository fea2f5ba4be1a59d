//! The interview planner's actions: an interview edited in place, and on the last day the ten
//! weakest answers practised instead of new cards.

use super::{AppState, Screen};
use crate::domain::interview;
use crate::domain::readiness::recall_at;
use crate::domain::session::Focus;
use crate::domain::Phase;

/// What the planner asks for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Planner {
    /// Open the interview form on this interview (by its place in the list), to change it.
    Edit(usize),
    /// A session of the weakest answers for the interview ahead.
    Weakest,
}

/// How many answers the last day's practice holds.
pub const WEAKEST: usize = 10;

impl AppState {
    pub(super) fn planner(&mut self, what: Planner) {
        match what {
            Planner::Edit(i) => {
                if i < self.col().interviews.len() {
                    self.editing_interview = Some(i);
                    self.form_errors.clear();
                    self.screen = Screen::Interviews;
                }
            }
            Planner::Weakest => {
                let ids = self.weakest(WEAKEST);
                self.focus = Focus { ids, ahead: true, seen_today: true, since_ms: self.clock.now_ms, ..Focus::default() };
                self.screen = Screen::Review;
                self.next_card();
            }
        }
    }

    /// The studied cards least likely to be recalled at the interview ahead (or now), weakest
    /// first, within the interview's themes.
    pub fn weakest(&self, n: usize) -> Vec<String> {
        let col = self.col();
        let now = self.clock.now_ms;
        let iv = interview::upcoming(&col.interviews, now);
        let at = iv.map_or(now, |i| i.at_ms);
        let mut cards: Vec<(f64, &str)> = col
            .progress
            .iter()
            .filter(|(id, p)| {
                p.phase != Phase::New && col.in_sessions(id) && col.card(id).is_some_and(|c| iv.is_none_or(|i| i.covers(c.theme)))
            })
            .map(|(id, p)| (recall_at(p, at), id.as_str()))
            .collect();
        cards.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        cards.into_iter().take(n).map(|(_, id)| id.to_string()).collect()
    }
}
