//! The interview kit in the app: its screens, its forms (their draft ids, starting values and
//! reading, in `forms/kit.rs`) and its actions — stories (`stories.rs`: written, deleted with
//! Undo, rehearsed as cards), and what is kept for each interview (`round.rs`: round-one notes,
//! questions to ask, the plan sheet, thank-you notes). Each change is saved as the one record it
//! touches (`store::schema`'s `story/<id>` or `round/<interview>`) through `persist`, so a full
//! storage keeps it waiting as it keeps a grade, and the snackbar says so. Pure, like the rest of
//! the core: the time is the clock's.

mod round;
mod stories;

pub use super::forms::kit::*;
use super::forms::Draft;
use super::{AppState, Screen, Write};
use crate::domain::interview::Interview;
use crate::domain::kit::{self, round as rounds, Kit, Round};
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
            _ => self.kit_interview().map(|iv| rounds::interview_key(iv.at_ms, &iv.company, &iv.role)),
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

    /// A kit form sent: saved, the snackbar saying so, and the screen it belongs to shown; or
    /// what is wrong.
    pub(super) fn kit_submit(&mut self, k: KitScreen, form: &Draft) -> Result<(), Vec<String>> {
        if k == KitScreen::Story {
            return self.submit_story(form);
        }
        let Some(mut round) = self.kit_round() else { return Ok(()) };
        let (said, next) = match k {
            KitScreen::Notes => {
                read_notes(form, people_rows(&round, self.kit_view.more_people), &mut round)?;
                self.kit_view.more_people = 0;
                ("Notes saved", KitScreen::Hub)
            }
            KitScreen::Questions => {
                for (i, q) in round.questions.iter_mut().enumerate() {
                    q.answer = form.get(&ids::answer(i)).trim().to_string();
                }
                ("Answers saved", KitScreen::Questions)
            }
            KitScreen::Plan => {
                read_plan(form, &self.kit.stories, &mut round);
                ("Plan saved", KitScreen::Sheet)
            }
            KitScreen::Thanks => {
                let decide = self.kit_decision(&round);
                read_thanks(form, decide.as_deref(), &mut round);
                ("Thank-you notes saved", KitScreen::Thanks)
            }
            KitScreen::Story | KitScreen::Hub | KitScreen::Stories | KitScreen::Sheet | KitScreen::Rehearse => return Ok(()),
        };
        self.save_round(round);
        self.say(said, None);
        self.screen = Screen::Kit(next);
        Ok(())
    }

    pub(super) fn kit_action(&mut self, action: KitAction) {
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
            KitAction::DeleteStory(id) => self.delete_story(&id),
            KitAction::AddPerson => self.kit_view.more_people += 1,
            KitAction::Rehearse => {
                self.screen = Screen::Kit(KitScreen::Rehearse);
                self.next_story();
            }
            KitAction::RevealStory => self.kit_view.told = true,
            KitAction::GradeStory(rating) => self.grade_story(rating),
            KitAction::Said(text) => self.say(text, None),
            KitAction::AddCard(id) => self.add_card_question(id),
            KitAction::AddOwnQuestion => self.add_own_question(),
            KitAction::RemoveQuestion(i) => self.remove_question(i),
            KitAction::Asked(i, asked) => self.mark_asked(i, asked),
            KitAction::Tick(key, on) => self.tick_checklist(key, on),
            KitAction::Sent(name, sent) => self.mark_sent(&name, sent),
        }
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
        let stories = self.kit.stories.iter().filter(|s| !before.stories.contains(s)).map(|s| Write::Story(s.id.clone()));
        let rounds = self.kit.rounds.iter().filter(|r| !before.rounds.contains(r)).map(|r| Write::Round(r.key()));
        let writes = stories.chain(rounds).collect();
        let _ = self.persist(writes);
    }
}
