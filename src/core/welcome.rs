//! The first-visit welcome, sent: the role track chosen, and the interview date when one was
//! given — added as the interview form adds one (the same reading, the same change).

use super::forms::{self, Draft};
use super::AppState;
use crate::domain::{interview, Track};

impl AppState {
    /// The welcome's "Set interview date": the date read as the interview form reads it (what is
    /// wrong is named and nothing is saved), then the interview and the track saved.
    pub(super) fn welcome_submit(&mut self, form: &Draft) -> Result<(), Vec<String>> {
        if self.col().settings.track.is_some() {
            return Ok(());
        }
        let track = Track::from_key(form.get("welcome-track")).unwrap_or_default();
        let iv = forms::interviews::read(&Draft::default().with("iv-when", form.get("welcome-when")), self.clock, self.local_time)?;
        self.change_interviews(|list| interview::add(list, iv));
        self.set_track(track);
        self.set_draft(Draft::default());
        self.say("Interview added", None);
        Ok(())
    }
}
