//! Unsaved changes kept aside: a person who leaves a form where they typed (the tab bar, Back, a
//! link, a reload) without saving finds what they typed back in it when the same form opens
//! again, told so, with the choice to let it go.
//!
//! Every form that holds typed text has an identity (`draft_key`): the settings, a card in the
//! editor (or a new one), an interview added or changed, a story (or a new one), and each part of
//! an interview's kit (its round-one notes, questions, plan, thank-you notes). When the form on
//! screen changes, the fields the person changed (and only those) are kept under the identity of
//! the form they leave; when a form opens whose identity has changes kept, they are put back
//! over what is saved (`restored`). Saving the form lets its kept changes go, as does "Discard
//! changes" (`Action::DiscardDraft`) or deleting what the form edits. Pure: the browser keeps
//! `Drafts::kept` across a reload (in the tab's session storage) and hands it back at start.

use super::forms::Draft;
use super::kit::KitScreen;
use super::{AppState, Screen};
use crate::domain::kit::round::interview_key;

/// The changed fields of a form, by field id.
pub type Fields = Vec<(String, String)>;

/// The unsaved changes kept aside, by form.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Kept(Vec<(String, Fields)>);

impl Kept {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many forms have changes kept.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// The changes kept for the form `key`.
    pub fn get(&self, key: &str) -> Option<&Fields> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, f)| f)
    }

    /// Keeps `fields` for the form `key` (none: lets what was kept for it go).
    pub fn put(&mut self, key: &str, fields: Fields) {
        self.0.retain(|(k, _)| k != key);
        if !fields.is_empty() {
            self.0.push((key.to_string(), fields));
        }
    }

    pub fn take(&mut self, key: &str) -> Option<Fields> {
        let at = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(at).1)
    }

    /// As the browser keeps it (JSON); `from_json` reads it back, anything unreadable as nothing.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Kept {
        Kept(serde_json::from_str(text).unwrap_or_default())
    }
}

/// The fields of `draft` that differ from the form's starting values `saved`.
pub fn changed(draft: &Draft, saved: &Draft) -> Fields {
    draft.fields().iter().filter(|(id, value)| saved.get(id) != value).cloned().collect()
}

/// The kept changes and whether the form on screen shows some put back.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Drafts {
    pub kept: Kept,
    /// The form on screen holds changes put back from `kept`.
    pub restored: bool,
}

impl AppState {
    /// The identity of the form on screen whose typed changes are kept when the person leaves it
    /// unsaved (none: no such form — the card browser's filters, an answer being rehearsed, …).
    pub fn draft_key(&self) -> Option<String> {
        let interview = || self.kit_interview().map(|iv| interview_key(iv.at_ms, &iv.company, &iv.role));
        let (form, which) = match self.screen {
            Screen::Settings => ("settings", None),
            Screen::Edit => ("card", self.editing.clone()),
            Screen::Interviews => (
                "interview",
                self.editing_interview.and_then(|i| self.col().interviews.get(i).map(|iv| interview_key(iv.at_ms, &iv.company, &iv.role))),
            ),
            Screen::Kit(KitScreen::Story) => ("story", self.kit_view.story.clone()),
            Screen::Kit(KitScreen::Notes) => ("notes", Some(interview()?)),
            Screen::Kit(KitScreen::Questions) => ("questions", Some(interview()?)),
            Screen::Kit(KitScreen::Plan) => ("plan", Some(interview()?)),
            Screen::Kit(KitScreen::Thanks) => ("thanks", Some(interview()?)),
            _ => return None,
        };
        Some(format!("{form}/{}", which.as_deref().unwrap_or("new")))
    }

    /// Whether the form on screen shows unsaved changes put back ("Your unsaved changes are back").
    pub fn restored(&self) -> bool {
        self.drafts.restored
    }

    /// Every form's unsaved changes, the form on screen's included: what the browser keeps when
    /// the page goes (a reload, the tab closed or put away).
    pub fn drafts_to_keep(&self) -> Kept {
        let mut kept = self.drafts.kept.clone();
        if let Some(key) = self.draft_key() {
            kept.put(&key, changed(&self.draft(), &self.fresh_draft()));
        }
        kept
    }

    /// What the browser kept from before a reload, taken in (before the first form opens).
    pub fn keep_drafts(&mut self, kept: Kept) {
        self.drafts.kept = kept;
    }

    /// The form on screen changed (`left`: the identity of the one left, `saved`: its starting
    /// values, `keep`: whether its changes are kept — not when saved or deleted): its changes
    /// are kept, and the new form starts from what is saved with any changes kept for it put back.
    pub(super) fn switch_form(&mut self, left: Option<String>, saved: &Draft, keep: bool) {
        if let Some(key) = left.filter(|_| keep) {
            let fields = changed(&self.draft(), saved);
            self.drafts.kept.put(&key, fields);
        }
        self.set_draft(self.fresh_draft());
        self.drafts.restored = false;
        let Some(fields) = self.draft_key().and_then(|key| self.drafts.kept.take(&key)) else { return };
        let mut draft = self.draft().clone();
        for (id, value) in &fields {
            draft.set(id, value.clone());
        }
        self.set_draft(draft);
        self.drafts.restored = true;
        if self.screen == Screen::Kit(KitScreen::Notes) {
            // Every person row typed into shows again.
            let typed = fields.iter().filter_map(|(id, _)| id.strip_prefix("p-")?.rsplit_once('-')?.1.parse::<usize>().ok()).max();
            let shown = self.kit_round().map_or(1, |r| super::kit::people_rows(&r, 0));
            if let Some(last) = typed.filter(|last| *last >= shown) {
                self.kit_view.more_people = self.kit_view.more_people.max(last + 1 - shown);
            }
        }
    }

    /// The form on screen was saved (`key` its identity): nothing of it is kept any more.
    pub(super) fn form_saved(&mut self, key: Option<String>) {
        if let Some(key) = key {
            self.drafts.kept.put(&key, Vec::new());
        }
        self.drafts.restored = false;
    }

    /// "Discard changes": the form shows what is saved, and nothing of it is kept.
    pub(super) fn discard_draft(&mut self) {
        let key = self.draft_key();
        self.form_saved(key);
        self.set_draft(self.fresh_draft());
        self.form_errors.clear();
        if self.screen == Screen::Kit(KitScreen::Notes) {
            self.kit_view.more_people = 0;
        }
    }
}
