//! Another tab's writes, taken in.

use super::AppState;
use crate::store::schema::External;

impl AppState {
    /// Takes in what another tab saved: its reviews are merged into the log, a card's schedule is
    /// taken only when it is newer, and text, suspensions, settings and interviews follow.
    pub(super) fn external(&mut self, change: External) {
        match change {
            External::Log(entries) => {
                let (_, changed) = self.col_mut().merge_log(entries);
                // Written as worked out, so a reload finds it (the same value the other tab wrote,
                // unless it graded without knowing of a review here).
                for id in changed {
                    let p = self.col().progress.get(&id).copied();
                    let _ = self.store.borrow_mut().save_progress(&id, p.as_ref());
                }
            }
            External::Progress(id, p) => {
                self.col_mut().adopt_progress(&id, p);
            }
            External::Card(id, Some(card), at) => {
                self.col_mut().set_edited(&id, at);
                self.col_mut().put_card(card);
            }
            External::Card(id, None, at) => {
                self.col_mut().remove_card(&id);
                // A deleted built-in card is remembered with its moment; one's own is gone.
                self.note_edit(&id, self.is_built_in(&id).then_some(at));
            }
            External::Suspended(list) => self.col_mut().suspended = list,
            External::Settings(settings) => self.col_mut().settings = settings,
            External::Interviews(list) => self.col_mut().interviews = list,
            External::Unlogged(gone) => self.col_mut().unlog(&gone),
            External::Story(story) => self.kit_external(crate::domain::kit::Kit { stories: vec![story], rounds: vec![] }),
            External::Round(round) => self.kit_external(crate::domain::kit::Kit { stories: vec![], rounds: vec![round] }),
        }
        if self.current.as_deref().is_some_and(|id| self.col().card(id).is_none() || self.col().is_suspended(id)) {
            self.next_card();
        }
    }
}
