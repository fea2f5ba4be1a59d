//! What is kept of a mock interview: the one under way stored as it changes, its grades saved as
//! reviews and the interview kept in the history, a mock let go (and back with Undo), another
//! device's history merged. Every write goes through `persist`, so a full storage keeps it waiting.

use super::MockState;
use crate::core::{AppState, Changes, Effect, Op, Restore, Screen, Write};
use crate::domain::mock::{debrief, history, HistoryEntry, Mock};
use crate::domain::{self, Rating};

impl AppState {
    /// The mock let go without saving; the snackbar offers Undo (its recordings are let go all
    /// the same: they are freed now).
    pub(super) fn mock_discard(&mut self) {
        let kept = self.mock.run.clone().map(|run| (run, self.mock.grades.clone()));
        self.mock_let_go();
        self.effects.push(Effect::Hush);
        if let Some(kept) = kept {
            self.say("Mock interview let go", Some(Restore::Mock(Box::new(kept))));
        }
    }

    /// Undo of a mock let go: back as it was (paused, when it was under way), and stored again.
    pub(in crate::core) fn mock_restore(&mut self, run: Mock, grades: Vec<(usize, Rating)>) {
        let now = self.clock.now_ms;
        self.mock = MockState { run: Some(run), grades, ..std::mem::take(&mut self.mock) };
        if let Some(m) = self.mock.run.as_mut().filter(|m| !m.is_done()) {
            m.pause(now);
        }
        self.mock.debrief = None;
        if self.mock.run.as_ref().is_some_and(Mock::is_done) {
            self.mock_done();
        }
        self.mock_save();
    }

    /// Stores the mock under way as it is now (its record removed when there is none).
    pub(super) fn mock_save(&mut self) {
        let _ = self.persist(vec![Write::Mock]);
    }

    /// Forgets the mock (its recordings too) and its stored record.
    pub(super) fn mock_let_go(&mut self) {
        for (_, _, t) in self.mock.takes.drain(..) {
            self.effects.push(Effect::ForgetRecording(t.url));
        }
        self.mock_stop_recording();
        self.mock.run = None;
        self.mock.grades.clear();
        self.mock.debrief = None;
        self.mock.mute = None;
        self.mock.error = None;
        self.mock.recording_for = None;
        self.mock_save();
    }

    /// Save grades: each chosen grade an ordinary review at the time of its answer, the mock kept
    /// in the history (without its text or audio), and the mock let go.
    pub(super) fn mock_save_grades(&mut self) {
        let Some(mut m) = self.mock.run.clone().filter(|m| m.is_done() && !m.saved) else { return };
        let Some(d) = self.mock_debrief() else { return };
        let grades = self.mock.grades.clone();
        let offset = self.clock.utc_offset_min;
        let mut written = Vec::new();
        let _ = self.transact(Op::Grade, |col| {
            written = debrief::save_grades(&mut m, col, &grades, offset);
            Changes::writing(written.iter().cloned().map(Write::Review).collect())
        });
        self.graded += written.len() as u32;
        self.mock.history.push(HistoryEntry::of(&m, &d, &grades));
        let _ = self.persist(vec![Write::MockHistory]);
        self.mock_let_go();
        let n = written.len();
        self.say(format!("Mock interview saved: {}", domain::words::count(n, "grade saved as a review", "grades saved as reviews")), None);
        self.screen = Screen::Stats;
        self.turn += 1;
    }

    /// Another device's mock interviews (from its backup) join the history.
    pub(in crate::core) fn merge_mocks(&mut self, theirs: &[HistoryEntry]) {
        if history::merge_history(&mut self.mock.history, theirs) > 0 {
            let _ = self.persist(vec![Write::MockHistory]);
        }
    }
}
