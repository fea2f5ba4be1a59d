//! The kit's stories in the app: written or edited, deleted (with Undo in the snackbar), and
//! rehearsed as FSRS cards (`story-<id>`).

use super::{read_story, KitScreen};
use crate::core::transact::{Changes, Op, Write};
use crate::core::{AppState, Draft, Restore, Screen};
use crate::domain::kit::{self, Story};
use crate::domain::{LogEntry, Rating};

impl AppState {
    /// The story form sent: the story kept and stored, and the list of stories shown.
    pub(super) fn submit_story(&mut self, form: &Draft) -> Result<(), Vec<String>> {
        let id = self.kit_view.story.clone().unwrap_or_else(|| self.kit.new_story_id(self.clock.now_ms));
        let before = self.kit.story(&id).cloned();
        let story = read_story(form, id, before.as_ref(), self.clock.now_ms)?;
        self.save_story(story);
        self.say(if before.is_some() { "Story saved" } else { "Story added" }, None);
        self.kit_view.story = None;
        self.screen = Screen::Kit(KitScreen::Stories);
        Ok(())
    }

    /// Keeps a story (written now) and stores its record.
    pub(crate) fn save_story(&mut self, story: Story) {
        let id = story.id.clone();
        self.kit.put_story(story);
        let _ = self.persist(vec![Write::Story(id)]);
    }

    /// Deletes a story (its record stays, without text, so another device's backup does not bring
    /// it back) and takes it off the plan sheets that named it; the snackbar offers Undo.
    pub(super) fn delete_story(&mut self, id: &str) {
        let Some(story) = self.kit.story(id).cloned() else { return };
        // Where each plan sheet named it, to put it back there.
        let places: Vec<(String, usize)> =
            self.kit.rounds.iter().filter_map(|r| r.stories.iter().position(|s| s == id).map(|i| (r.key(), i))).collect();
        let changed = self.kit.delete_story(id, self.clock.now_ms);
        let writes = std::iter::once(Write::Story(id.to_string())).chain(changed.into_iter().map(Write::Round)).collect();
        let _ = self.persist(writes);
        self.say("Story deleted", Some(Restore::Story(story, places)));
        self.kit_view.story = None;
        self.kit_view.confirm_delete = false;
        self.screen = Screen::Kit(KitScreen::Stories);
    }

    /// Undo of a deletion: the story back as it was (changed now, so it wins over its deletion
    /// on every device), and on the plan sheets where it was.
    pub(crate) fn restore_story(&mut self, mut story: Story, places: Vec<(String, usize)>) {
        let deleted_at = self.kit.stories.iter().find(|s| s.id == story.id).map_or(0, |s| s.edited);
        story.edited = self.clock.now_ms.max(deleted_at + 1);
        let id = story.id.clone();
        self.save_story(story);
        for (key, i) in places {
            let Some(mut round) = self.kit.rounds.iter().find(|r| r.key() == key).cloned() else { continue };
            if !round.stories.contains(&id) {
                round.stories.insert(i.min(round.stories.len()), id.clone());
                self.save_round(round);
            }
        }
    }

    /// A story rehearsed and graded: one review of its card, then the next story due.
    pub(super) fn grade_story(&mut self, rating: Rating) {
        let Some(story) = self.kit_view.rehearsing.clone() else { return };
        let now = self.clock.now_ms;
        let id = format!("{}{story}", kit::STORY_CARD);
        let before = self.col().progress_of(&id);
        let after = self.col().settings.scheduler().grade(&before, rating, now);
        let entry = LogEntry {
            card_id: id.clone(),
            at_ms: now,
            rating,
            phase_before: before.phase,
            duration_ms: ((now - self.kit_view.shown_at_ms).max(0) as u32).min(LogEntry::MAX_DURATION_MS),
        };
        let _ = self.transact(Op::Grade, |col| {
            col.progress.insert(id, after);
            col.log.push(entry.clone());
            Changes::writing(vec![Write::Review(entry)])
        });
        self.next_story();
    }

    /// The stories to rehearse now, first first: those due (soonest due first), then those never
    /// rehearsed (in the order written).
    pub fn stories_due(&self) -> Vec<Story> {
        let col = self.col();
        let now = self.clock.now_ms;
        let mut due: Vec<(i64, Story)> = Vec::new();
        for s in self.kit.live_stories() {
            match col.progress.get(&format!("{}{}", kit::STORY_CARD, s.id)) {
                Some(p) if p.due_ms <= now => due.push((p.due_ms, s)),
                Some(_) => {}
                None => due.push((i64::MAX, s)),
            }
        }
        crate::domain::sort_by_key(&mut due, |(at, _)| *at);
        due.into_iter().map(|(_, s)| s).collect()
    }

    /// When the next story comes back (none: no story has been rehearsed).
    pub fn next_story_due(&self) -> Option<i64> {
        let col = self.col();
        self.kit.live_stories().iter().filter_map(|s| col.progress.get(&format!("{}{}", kit::STORY_CARD, s.id)).map(|p| p.due_ms)).min()
    }

    pub(super) fn next_story(&mut self) {
        self.kit_view.rehearsing = self.stories_due().first().map(|s| s.id.clone());
        self.kit_view.told = false;
        self.kit_view.shown_at_ms = self.clock.now_ms;
    }
}
