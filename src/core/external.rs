//! Another tab's writes, taken in.

use super::cards::note_edit;
use super::transact::{Changes, Op, Write};
use super::AppState;
use crate::store::schema::External;

impl AppState {
    /// Takes in what another tab saved: its reviews are merged into the log, a card's schedule is
    /// taken only when it is newer, and text, suspensions, settings and interviews follow.
    pub(super) fn external(&mut self, change: External) {
        // The interview kit's records are the kit's own, not the collection's.
        let change = match change {
            External::Story(story) => return self.kit_external(crate::domain::kit::Kit { stories: vec![story], rounds: vec![] }),
            External::Round(round) => return self.kit_external(crate::domain::kit::Kit { stories: vec![], rounds: vec![round] }),
            other => other,
        };
        let built_in = matches!(&change, External::Card(id, None, _) if self.is_built_in(id));
        let _ = self.transact(Op::OtherTab, |col| {
            let mut writes = Vec::new();
            match change {
                External::Log(entries) => {
                    let (_, changed) = col.merge_log(entries);
                    // Written as worked out, so a reload finds it (the same value the other tab
                    // wrote, unless it graded without knowing of a review here).
                    writes.extend(changed.into_iter().map(Write::Schedule));
                }
                External::Progress(id, p) => {
                    col.adopt_progress(&id, p);
                }
                External::Card(id, Some(card), at) => {
                    col.set_edited(&id, at);
                    col.put_card(card);
                }
                External::Card(id, None, at) => {
                    col.remove_card(&id);
                    // A deleted built-in card is remembered with its moment; one's own is gone.
                    note_edit(col, &id, built_in.then_some(at));
                }
                External::Suspended(list) => col.suspended = list,
                External::Settings(settings) => col.settings = settings,
                External::Interviews(list) => col.interviews = list,
                External::Unlogged(gone) => col.unlog(&gone),
                External::Story(_) | External::Round(_) => {}
            }
            Changes::writing(writes)
        });
        if self.current.as_deref().is_some_and(|id| self.col().card(id).is_none() || self.col().is_suspended(id)) {
            self.next_card();
        }
    }
}
