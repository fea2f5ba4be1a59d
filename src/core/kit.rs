//! The interview kit in the app: its screens, its forms (their draft ids, starting values and
//! reading) and its actions — stories, round-one notes, questions to ask, the plan sheet and the
//! thank-you notes — each change saved as the one record it touches (`store::schema`'s
//! `story/<id>` or `round/<interview>`). Pure, like the rest of the core: the time is the clock's.

pub use super::forms::kit::*;
use super::forms::Draft;
use super::{AppState, Screen};
use crate::domain::interview::Interview;
use crate::domain::kit::{self, round, thanks, Kit, Question, Round, Story};
use crate::domain::Theme;

/// The kit's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KitScreen {
    /// The kit of the interview being prepared for: its parts, and the stories.
    Hub,
    /// My stories and their coverage of the deck's story questions.
    Stories,
    /// A story written or edited (`KitView::story` says which; none: a new one).
    Story,
    /// Round-one notes.
    Notes,
    /// Questions to ask, asked, answered.
    Questions,
    /// The plan sheet, to read (and print, share, copy).
    Sheet,
    /// The plan sheet's own parts, edited.
    Plan,
    /// Thank-you notes.
    Thanks,
    /// Rehearse my stories: each story a card, graded and scheduled by FSRS.
    Rehearse,
}

impl KitScreen {
    pub const ALL: [KitScreen; 9] = [
        KitScreen::Hub,
        KitScreen::Stories,
        KitScreen::Story,
        KitScreen::Notes,
        KitScreen::Questions,
        KitScreen::Sheet,
        KitScreen::Plan,
        KitScreen::Thanks,
        KitScreen::Rehearse,
    ];
}

/// What the kit's screens ask of the app besides `Action::Show` and `Action::Submit`.
#[derive(Debug, Clone, PartialEq)]
pub enum KitAction {
    /// Work on the interview at this place of the list.
    Interview(usize),
    /// Open the story form (none: a new story).
    EditStory(Option<String>),
    /// "Delete story" pressed (true) or "Keep it" (false): the question is asked first.
    AskDeleteStory(bool),
    DeleteStory(String),
    /// One more person row in the round-one notes.
    AddPerson,
    /// A card of "Your questions for them" added to the interview's questions.
    AddCard(String),
    /// The question typed in the "Your own question" field added.
    AddOwnQuestion,
    RemoveQuestion(usize),
    /// A question marked asked or not.
    Asked(usize, bool),
    /// A checklist item of the plan sheet ticked or not.
    Tick(String, bool),
    /// A thank-you note (by interviewer) marked sent or not.
    Sent(String, bool),
    /// What a copy or a share did, to tell the person.
    Said(String),
    /// Rehearse my stories: start (the first story due), show the story, grade it.
    Rehearse,
    RevealStory,
    GradeStory(crate::domain::Rating),
}

/// Which interview and story the kit's screens are on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct KitView {
    /// The interview, by its place in the list (none: the active one, or else the latest).
    pub interview: Option<usize>,
    /// The story being edited (none: a new one).
    pub story: Option<String>,
    /// Extra empty person rows asked for in the round-one notes.
    pub more_people: usize,
    /// "Delete this story for good?" is asked.
    pub confirm_delete: bool,
    /// Rehearse my stories: the story on screen, whether it is shown, since when it is up.
    pub rehearsing: Option<String>,
    pub told: bool,
    pub shown_at_ms: i64,
}

impl AppState {
    /// The interview the kit is on: the one chosen, else the active one, else the latest.
    pub fn kit_interview(&self) -> Option<Interview> {
        let col = self.col();
        let list = &col.interviews;
        self.kit_view.interview.and_then(|i| list.get(i)).or_else(|| list.iter().find(|i| i.active)).or_else(|| list.last()).cloned()
    }

    /// That interview's round as kept (an empty one when nothing is kept yet).
    pub fn kit_round(&self) -> Option<Round> {
        let iv = self.kit_interview()?;
        Some(self.kit.round(&iv).cloned().unwrap_or_else(|| Round::for_interview(&iv)))
    }

    /// "Fri 11 Dec": the date the interview's answers say they will decide by.
    pub fn kit_decision(&self, round: &Round) -> Option<String> {
        round.decision(self.clock.utc_offset_min).map(|d| d.label())
    }

    /// The cards of "Your questions for them", in deck order, with the role track's answers.
    pub fn question_cards(&self) -> Vec<crate::domain::Card> {
        self.col()
            .cards
            .iter()
            .filter(|c| c.theme == Theme::YourQuestions && !c.is_retired())
            .map(|c| self.shown_card(c).into_owned())
            .collect()
    }

    pub(super) fn kit_form_key(&self, k: KitScreen) -> Option<String> {
        match k {
            KitScreen::Story => Some(self.kit_view.story.clone().unwrap_or_default()),
            _ => self.kit_interview().map(|iv| round::interview_key(iv.at_ms, &iv.company, &iv.role)),
        }
    }

    /// A kit form's starting values, as it opens.
    pub(super) fn kit_draft(&self, k: KitScreen) -> Draft {
        let round = self.kit_round().unwrap_or_default();
        match k {
            KitScreen::Story => story_draft(self.kit_view.story.as_deref().and_then(|id| self.kit.story(id))),
            KitScreen::Notes => notes_draft(&round),
            KitScreen::Questions => questions_draft(&round),
            KitScreen::Plan => plan_draft(&round, &self.kit.stories),
            KitScreen::Thanks => thanks_draft(&round, self.kit_decision(&round).as_deref()),
            KitScreen::Hub | KitScreen::Stories | KitScreen::Sheet | KitScreen::Rehearse => Draft::default(),
        }
    }

    /// A kit form sent: saved, and the screen it belongs to shown; or what is wrong.
    pub(super) fn kit_submit(&mut self, k: KitScreen, form: &Draft) -> Result<(), Vec<String>> {
        match k {
            KitScreen::Story => {
                let id = self.kit_view.story.clone().unwrap_or_else(|| self.kit.new_story_id(self.clock.now_ms));
                let before = self.kit.story(&id).cloned();
                let story = read_story(form, id, before.as_ref(), self.clock.now_ms)?;
                self.save_story(story);
                self.kit_view.story = None;
                self.screen = Screen::Kit(KitScreen::Stories);
            }
            KitScreen::Notes => {
                let Some(mut round) = self.kit_round() else { return Ok(()) };
                read_notes(form, people_rows(&round, self.kit_view.more_people), &mut round)?;
                self.save_round(round);
                self.kit_view.more_people = 0;
                self.screen = Screen::Kit(KitScreen::Hub);
            }
            KitScreen::Questions => {
                let Some(mut round) = self.kit_round() else { return Ok(()) };
                for (i, q) in round.questions.iter_mut().enumerate() {
                    q.answer = form.get(&ids::answer(i)).trim().to_string();
                }
                self.save_round(round);
                self.kit_saved("Answers saved.");
            }
            KitScreen::Plan => {
                let Some(mut round) = self.kit_round() else { return Ok(()) };
                read_plan(form, &self.kit.stories, &mut round);
                self.save_round(round);
                self.screen = Screen::Kit(KitScreen::Sheet);
            }
            KitScreen::Thanks => {
                let Some(mut round) = self.kit_round() else { return Ok(()) };
                let decide = self.kit_decision(&round);
                read_thanks(form, decide.as_deref(), &mut round);
                self.save_round(round);
                self.kit_saved("Notes saved.");
            }
            KitScreen::Hub | KitScreen::Stories | KitScreen::Sheet | KitScreen::Rehearse => {}
        }
        Ok(())
    }

    fn kit_saved(&mut self, what: &str) {
        self.notices.retain(|n| !matches!(n, super::Notice::Done(t) if t == "Answers saved." || t == "Notes saved."));
        self.notices.push(super::Notice::Done(what.to_string()));
    }

    pub(super) fn kit_action(&mut self, action: KitAction) {
        let now = self.clock.now_ms;
        match action {
            KitAction::Interview(i) => {
                self.kit_view.interview = Some(i);
                self.kit_view.more_people = 0;
            }
            KitAction::AskDeleteStory(ask) => self.kit_view.confirm_delete = ask,
            KitAction::EditStory(id) => {
                self.kit_view.story = id;
                self.kit_view.confirm_delete = false;
                self.screen = Screen::Kit(KitScreen::Story);
            }
            KitAction::DeleteStory(id) => {
                let changed = self.kit.delete_story(&id, now);
                if let Some(s) = self.kit.stories.iter().find(|s| s.id == id).cloned() {
                    let saved = self.store.borrow_mut().save_story(&s);
                    self.note_write(saved);
                }
                for key in changed {
                    if let Some(r) = self.kit.rounds.iter().find(|r| r.key() == key).cloned() {
                        let saved = self.store.borrow_mut().save_round(&r);
                        self.note_write(saved);
                    }
                }
                self.kit_view.story = None;
                self.kit_view.confirm_delete = false;
                self.screen = Screen::Kit(KitScreen::Stories);
            }
            KitAction::AddPerson => self.kit_view.more_people += 1,
            KitAction::Rehearse => {
                self.screen = Screen::Kit(KitScreen::Rehearse);
                self.next_story();
            }
            KitAction::RevealStory => self.kit_view.told = true,
            KitAction::GradeStory(rating) => {
                let Some(story) = self.kit_view.rehearsing.clone() else { return };
                let id = format!("{}{story}", kit::STORY_CARD);
                let before = self.col().progress_of(&id);
                let after = self.col().settings.scheduler().grade(&before, rating, now);
                let entry = crate::domain::LogEntry {
                    card_id: id.clone(),
                    at_ms: now,
                    rating,
                    phase_before: before.phase,
                    duration_ms: ((now - self.kit_view.shown_at_ms).max(0) as u32).min(crate::domain::LogEntry::MAX_DURATION_MS),
                };
                let _ = self.transact(super::transact::Op::Grade, |col| {
                    col.progress.insert(id, after);
                    col.log.push(entry.clone());
                    super::transact::Changes::writing(vec![super::transact::Write::Review(entry)])
                });
                self.next_story();
            }
            KitAction::Said(text) => {
                self.notices.retain(|n| !matches!(n, super::Notice::Done(_)));
                self.notices.push(super::Notice::Done(text));
            }
            KitAction::AddCard(id) => {
                let Some(mut round) = self.kit_round() else { return };
                let card = self.col().card(&id).map(|c| self.shown_card(c).into_owned());
                if let Some(card) = card.filter(|_| !round.has_card(&id)) {
                    round.questions.push(Question {
                        text: kit::round::question_from_card(&card),
                        card: Some(id),
                        asked: false,
                        answer: String::new(),
                    });
                    self.save_round(round);
                }
            }
            KitAction::AddOwnQuestion => {
                let Some(mut round) = self.kit_round() else { return };
                let text = self.draft().get(ids::NEW_QUESTION).trim().to_string();
                if text.is_empty() {
                    self.form_errors = vec!["Write your question first.".into()];
                    return;
                }
                round.questions.push(Question { text, ..Question::default() });
                self.draft.borrow_mut().set(ids::NEW_QUESTION, String::new());
                self.form_errors.clear();
                self.save_round(round);
            }
            KitAction::RemoveQuestion(i) => {
                let Some(mut round) = self.kit_round() else { return };
                if i < round.questions.len() {
                    round.questions.remove(i);
                    self.save_round(round);
                    // The answers' fields move up a place: they start again from what is saved.
                    let fresh = self.kit_draft(KitScreen::Questions);
                    self.set_draft(fresh);
                }
            }
            KitAction::Asked(i, asked) => {
                let Some(mut round) = self.kit_round() else { return };
                if let Some(q) = round.questions.get_mut(i) {
                    q.asked = asked;
                    self.save_round(round);
                }
            }
            KitAction::Tick(key, on) => {
                let Some(mut round) = self.kit_round() else { return };
                round.ticked.retain(|k| *k != key);
                if on && round::CHECKLIST.iter().any(|(k, _)| *k == key) {
                    round.ticked.push(key);
                }
                self.save_round(round);
            }
            KitAction::Sent(name, sent) => {
                let Some(mut round) = self.kit_round() else { return };
                let decide = self.kit_decision(&round);
                let key = crate::domain::fold(&name);
                match round.thanks.iter_mut().find(|t| crate::domain::fold(&t.name) == key) {
                    Some(t) => t.sent = sent.then_some(now),
                    None => {
                        let mut t = thanks::draft(&round, &name, decide.as_deref());
                        t.sent = sent.then_some(now);
                        round.thanks.push(t);
                    }
                }
                self.save_round(round);
            }
        }
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

    fn next_story(&mut self) {
        self.kit_view.rehearsing = self.stories_due().first().map(|s| s.id.clone());
        self.kit_view.told = false;
        self.kit_view.shown_at_ms = self.clock.now_ms;
    }

    /// Keeps a story (written now) and stores its record.
    pub(super) fn save_story(&mut self, story: Story) {
        let saved = self.store.borrow_mut().save_story(&story);
        self.kit.put_story(story);
        self.note_write(saved);
    }

    /// Keeps an interview's round (changed now) and stores its record.
    pub(super) fn save_round(&mut self, mut round: Round) {
        round.edited = self.clock.now_ms.max(round.edited + 1);
        let saved = self.store.borrow_mut().save_round(&round);
        match self.kit.rounds.iter_mut().find(|r| r.key() == round.key()) {
            Some(r) => *r = round,
            None => self.kit.rounds.push(round),
        }
        self.note_write(saved);
    }

    /// A story card as rehearse mode checks an answer against it: its key points, then the parts
    /// of the person's best-matching story (situation, what I did, the result with its number).
    pub fn with_my_story<'a>(&self, card: std::borrow::Cow<'a, crate::domain::Card>) -> std::borrow::Cow<'a, crate::domain::Card> {
        let points = match kit::story::matching(&card, &self.kit.stories).first() {
            Some(story) => story.key_points(),
            None => return card,
        };
        let mut card = card.into_owned();
        card.key_points.extend(points);
        std::borrow::Cow::Owned(card)
    }

    /// Another tab's story or round, taken in when newer.
    pub(super) fn kit_external(&mut self, theirs: Kit) {
        self.kit.merge(&theirs);
    }

    /// Another device's kit (from its backup) merged in: per story and per interview the record
    /// changed last; the records that changed here are stored.
    pub(super) fn merge_kit(&mut self, theirs: &Kit) {
        let before = self.kit.clone();
        if !self.kit.merge(theirs).any() {
            return;
        }
        let stories: Vec<Story> = self.kit.stories.iter().filter(|s| !before.stories.contains(s)).cloned().collect();
        let rounds: Vec<Round> = self.kit.rounds.iter().filter(|r| !before.rounds.contains(r)).cloned().collect();
        for s in &stories {
            let saved = self.store.borrow_mut().save_story(s);
            self.note_write(saved);
        }
        for r in &rounds {
            let saved = self.store.borrow_mut().save_round(r);
            self.note_write(saved);
        }
    }
}
