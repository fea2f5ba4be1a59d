//! The interview kit in the app: its screens, its forms (their draft ids, starting values and
//! reading) and its actions — stories, round-one notes, questions to ask, the plan sheet and the
//! thank-you notes — each change saved as the one record it touches (`store::schema`'s
//! `story/<id>` or `round/<interview>`). Pure, like the rest of the core: the time is the clock's.

use super::forms::Draft;
use super::{AppState, Screen};
use crate::domain::interview::Interview;
use crate::domain::kit::{self, round, thanks, Competency, Kit, Person, Question, Round, Story, Thanks};
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

/// Draft ids.
pub mod ids {
    pub const TITLE: &str = "st-title";
    pub const SITUATION: &str = "st-situation";
    pub const TASK: &str = "st-task";
    pub const ACTION: &str = "st-action";
    pub const RESULT: &str = "st-result";
    pub const OWN: &str = "st-own";
    pub fn shows(key: &str) -> String {
        format!("st-c-{key}")
    }
    pub fn person(part: &str, i: usize) -> String {
        format!("p-{part}-{i}")
    }
    pub const WELL: &str = "n-well";
    pub const ADD: &str = "n-add";
    pub fn answer(i: usize) -> String {
        format!("q-answer-{i}")
    }
    pub const NEW_QUESTION: &str = "q-new";
    pub fn remember(i: usize) -> String {
        format!("pl-r-{i}")
    }
    pub const PLACE: &str = "pl-place";
    pub const MEET: &str = "pl-meet";
    pub fn story(id: &str) -> String {
        format!("pl-s-{id}")
    }
    pub fn body(i: usize) -> String {
        format!("th-body-{i}")
    }
    pub fn email(i: usize) -> String {
        format!("th-email-{i}")
    }
}

fn lines(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect()
}

/// The story form's starting values.
pub fn story_draft(s: Option<&Story>) -> Draft {
    let s = s.cloned().unwrap_or_default();
    let mut d = Draft::default()
        .with(ids::TITLE, s.title.clone())
        .with(ids::SITUATION, s.situation.clone())
        .with(ids::TASK, s.task.clone())
        .with(ids::ACTION, s.action.clone())
        .with(ids::RESULT, s.result.clone())
        .with(ids::OWN, s.own.join(", "));
    for c in Competency::ALL {
        d.tick(&ids::shows(c.key()), s.shows_competency(c));
    }
    d
}

/// Reads the story form into a story (`before`: the story edited, whose competency keys this
/// version does not know are kept), or says what is missing.
pub fn read_story(form: &Draft, id: String, before: Option<&Story>, now_ms: i64) -> Result<Story, Vec<String>> {
    let text = |k: &str| form.get(k).trim().to_string();
    if text(ids::TITLE).is_empty() {
        return Err(vec!["Give the story a title: a few words you will know it by.".into()]);
    }
    let mut shows: Vec<String> =
        Competency::ALL.into_iter().filter(|c| form.on(&ids::shows(c.key()))).map(|c| c.key().to_string()).collect();
    if let Some(b) = before {
        shows.extend(b.shows.iter().filter(|k| Competency::from_key(k).is_none()).cloned());
    }
    let mut own: Vec<String> = Vec::new();
    for o in form.get(ids::OWN).split([',', '\n']).map(str::trim).filter(|o| !o.is_empty()) {
        if !own.iter().any(|x| crate::domain::fold(x) == crate::domain::fold(o)) {
            own.push(o.to_string());
        }
    }
    Ok(Story {
        id,
        title: text(ids::TITLE),
        situation: text(ids::SITUATION),
        task: text(ids::TASK),
        action: text(ids::ACTION),
        result: text(ids::RESULT),
        shows,
        own,
        edited: now_ms,
        deleted: false,
    })
}

/// The round-one notes form's starting values (empty rows start empty).
pub fn notes_draft(r: &Round) -> Draft {
    let mut d = Draft::default().with(ids::WELL, r.went_well.clone()).with(ids::ADD, r.add.clone());
    for (i, p) in r.people.iter().enumerate() {
        d.set(&ids::person("name", i), p.name.clone());
        d.set(&ids::person("role", i), p.role.clone());
        d.set(&ids::person("said", i), p.said.clone());
    }
    d
}

/// How many person rows the notes form shows: one per person noted (one at least), and the
/// empty ones asked for.
pub fn people_rows(r: &Round, extra: usize) -> usize {
    r.people.len().max(1) + extra
}

pub fn read_notes(form: &Draft, rows: usize, round: &mut Round) -> Result<(), Vec<String>> {
    let mut people = Vec::new();
    let mut errors = Vec::new();
    for i in 0..rows {
        let get = |part: &str| form.get(&ids::person(part, i)).trim().to_string();
        let p = Person { name: get("name"), role: get("role"), said: get("said") };
        if p.name.is_empty() && !(p.role.is_empty() && p.said.is_empty()) {
            errors.push(format!("Person {}: add their name.", i + 1));
        }
        if !p.name.is_empty() {
            people.push(p);
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    round.people = people;
    round.went_well = form.get(ids::WELL).trim().to_string();
    round.add = form.get(ids::ADD).trim().to_string();
    Ok(())
}

pub fn questions_draft(r: &Round) -> Draft {
    let mut d = Draft::default();
    for (i, q) in r.questions.iter().enumerate() {
        d.set(&ids::answer(i), q.answer.clone());
    }
    d
}

pub fn plan_draft(r: &Round, stories: &[Story]) -> Draft {
    let mut d = Draft::default().with(ids::PLACE, r.place.clone());
    let meet = if r.meet.is_empty() {
        r.people.iter().map(|p| if p.role.is_empty() { p.name.clone() } else { format!("{}, {}", p.name, p.role) }).collect()
    } else {
        r.meet.clone()
    };
    d.set(ids::MEET, meet.join("\n"));
    for i in 0..3 {
        d.set(&ids::remember(i), r.remember.get(i).cloned().unwrap_or_default());
    }
    for s in stories.iter().filter(|s| !s.deleted) {
        d.tick(&ids::story(&s.id), r.stories.contains(&s.id));
    }
    d
}

pub fn read_plan(form: &Draft, stories: &[Story], round: &mut Round) {
    round.remember = (0..3).map(|i| form.get(&ids::remember(i)).trim().to_string()).collect();
    while round.remember.last().is_some_and(|r| r.is_empty()) {
        round.remember.pop();
    }
    round.place = form.get(ids::PLACE).trim().to_string();
    round.meet = lines(form.get(ids::MEET));
    round.stories = stories.iter().filter(|s| !s.deleted && form.on(&ids::story(&s.id))).map(|s| s.id.clone()).collect();
}

/// The thank-you notes form: each interviewer's note as it stands (edited, or composed) and
/// their address.
pub fn thanks_draft(r: &Round, decide: Option<&str>) -> Draft {
    let mut d = Draft::default();
    for (i, (name, _)) in r.interviewers().iter().enumerate() {
        let t = thanks::draft(r, name, decide);
        d.set(&ids::body(i), thanks::note(r, &t).body);
        d.set(&ids::email(i), t.email.clone());
    }
    d
}

/// Keeps each interviewer's note: its parts, the text when it differs from the composed one,
/// the address.
pub fn read_thanks(form: &Draft, decide: Option<&str>, round: &mut Round) {
    let mut kept: Vec<Thanks> = Vec::new();
    for (i, (name, _)) in round.interviewers().iter().enumerate() {
        let mut t = thanks::draft(round, name, decide);
        let composed = thanks::note(round, &Thanks { body: String::new(), ..t.clone() }).body;
        let body = form.get(&ids::body(i)).trim().to_string();
        t.body = if body == composed.trim() || body.is_empty() { String::new() } else { body };
        t.email = form.get(&ids::email(i)).trim().to_string();
        kept.push(t);
    }
    // Notes to people no longer named stay (one sent is history).
    for old in &round.thanks {
        if !kept.iter().any(|t| crate::domain::fold(&t.name) == crate::domain::fold(&old.name)) {
            kept.push(old.clone());
        }
    }
    round.thanks = kept;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_form_reads_back_what_it_was_filled_with() {
        let s = Story {
            id: "s1".into(),
            title: "Fix".into(),
            situation: "S".into(),
            task: "T".into(),
            action: "A".into(),
            result: "R 80%".into(),
            shows: vec!["accuracy".into(), "later".into()],
            own: vec!["Excel".into(), "SQL".into()],
            edited: 1,
            deleted: false,
        };
        let back = read_story(&story_draft(Some(&s)), "s1".into(), Some(&s), 9).unwrap();
        assert_eq!(back, Story { edited: 9, ..s });
        assert!(read_story(&Draft::default(), "x".into(), None, 1).is_err(), "a title is needed");
        let d = Draft::default().with(ids::TITLE, " T ").with(ids::OWN, "excel, Excel,\nSQL ,");
        assert_eq!(read_story(&d, "x".into(), None, 1).unwrap().own, vec!["excel", "SQL"]);
    }

    #[test]
    fn the_notes_form_keeps_named_people_and_asks_for_missing_names() {
        let mut r = Round::default();
        assert_eq!((people_rows(&r, 0), people_rows(&r, 2)), (1, 3));
        let d = Draft::default().with(&ids::person("name", 0), "Priya").with(&ids::person("said", 0), "Speed").with(ids::WELL, "Rapport");
        read_notes(&d, 2, &mut r).unwrap();
        assert_eq!((r.people.len(), r.went_well.as_str()), (1, "Rapport"));
        assert_eq!(notes_draft(&r).get(&ids::person("said", 0)), "Speed");
        let bad = Draft::default().with(&ids::person("role", 1), "Director");
        assert_eq!(read_notes(&bad, 2, &mut r).unwrap_err(), vec!["Person 2: add their name."]);
    }

    #[test]
    fn the_plan_and_thanks_forms_round_trip() {
        let stories = vec![
            Story { id: "a".into(), title: "A".into(), ..Story::default() },
            Story { id: "b".into(), title: "B".into(), ..Story::default() },
        ];
        let mut r = Round { people: vec![Person { name: "Priya".into(), role: "Head".into(), said: "Speed".into() }], ..Round::default() };
        let d = plan_draft(&r, &stories).with(&ids::remember(0), "One").with(&ids::story("b"), "1");
        assert_eq!(d.get(ids::MEET), "Priya, Head", "who to meet starts from the round-one notes");
        read_plan(&d, &stories, &mut r);
        assert_eq!(
            (r.remember.clone(), r.stories.clone(), r.meet.clone()),
            (vec!["One".to_string()], vec!["b".to_string()], vec!["Priya, Head".to_string()])
        );
        let t = thanks_draft(&r, Some("Fri 11 Dec"));
        assert!(t.get(&ids::body(0)).starts_with("Dear Priya,"));
        read_thanks(&t, Some("Fri 11 Dec"), &mut r);
        assert_eq!(r.thanks.len(), 1);
        assert!(r.thanks[0].body.is_empty(), "unchanged: stays the composed note");
        let edited = t.clone().with(&ids::body(0), "Dear Priya, thank you!").with(&ids::email(0), "p@x.example");
        read_thanks(&edited, None, &mut r);
        assert_eq!((r.thanks[0].body.as_str(), r.thanks[0].email.as_str()), ("Dear Priya, thank you!", "p@x.example"));
    }
}
