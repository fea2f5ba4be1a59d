//! What the kit keeps for one interview, changed from its screens: questions to ask added,
//! removed (with Undo), asked; the plan sheet's checklist; thank-you notes marked sent. Each
//! change stores the interview's one record and the snackbar says so.

use crate::core::{AppState, Restore, Write};
use crate::domain::interview::Interview;
use crate::domain::kit::{round, thanks, Question, Round};

use super::{ids, KitScreen};

impl AppState {
    /// Keeps an interview's round (changed now) and stores its record.
    pub(crate) fn save_round(&mut self, mut round: Round) {
        round.edited = self.clock.now_ms.max(round.edited + 1);
        let key = round.key();
        match self.kit.rounds.iter_mut().find(|r| r.key() == key) {
            Some(r) => *r = round,
            None => self.kit.rounds.push(round),
        }
        let _ = self.persist(vec![Write::Round(key)]);
    }

    /// A round's record removed (`gone`: its key) and/or one put back whole (`back`), stored in
    /// that order after the new record: with a full storage the old record waits behind it.
    pub(crate) fn replace_round(&mut self, gone: Option<String>, back: Option<Round>) {
        let mut writes = Vec::new();
        if let Some(round) = back {
            let key = round.key();
            self.kit.rounds.retain(|r| r.key() != key);
            self.kit.rounds.push(round);
            writes.push(Write::Round(key));
        }
        if let Some(key) = gone.filter(|k| !writes.contains(&Write::Round(k.clone()))) {
            self.kit.rounds.retain(|r| r.key() != key);
            writes.push(Write::Round(key));
        }
        let _ = self.persist(writes);
    }

    /// An interview changed (its moment, company or role): its round goes with it.
    pub(crate) fn move_round(&mut self, from: &Interview, to: &Interview) {
        let Some(mut round) = self.kit.round(from).cloned().filter(|_| !Round::for_interview(from).is_for(to)) else { return };
        let gone = round.key();
        (round.at, round.company, round.role) = (to.at_ms, to.company.clone(), to.role.clone());
        round.edited = self.clock.now_ms.max(round.edited + 1);
        self.replace_round(Some(gone), Some(round));
    }

    /// A card of "Your questions for them" added to the interview's questions (once).
    pub(super) fn add_card_question(&mut self, id: String) {
        let Some(mut round) = self.kit_round() else { return };
        let card = self.col().card(&id).map(|c| self.shown_card(c).into_owned());
        let Some(card) = card.filter(|_| !round.has_card(&id)) else { return };
        round.questions.push(Question { text: round::question_from_card(&card), card: Some(id), asked: false, answer: String::new() });
        self.save_round(round);
        self.say("Question added", None);
    }

    /// The question typed in "Your own question" added, and the field emptied.
    pub(super) fn add_own_question(&mut self) {
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
        self.say("Question added", None);
    }

    /// A question removed; the snackbar offers Undo.
    pub(super) fn remove_question(&mut self, i: usize) {
        let Some(mut round) = self.kit_round().filter(|r| i < r.questions.len()) else { return };
        let question = round.questions.remove(i);
        let key = round.key();
        self.save_round(round);
        self.questions_afresh();
        self.say("Question removed", Some(Restore::Question(key, i, question)));
    }

    /// Undo of a removal: the question back in its place.
    pub(crate) fn restore_question(&mut self, key: String, i: usize, question: Question) {
        let Some(mut round) = self.kit.rounds.iter().find(|r| r.key() == key).cloned() else { return };
        round.questions.insert(i.min(round.questions.len()), question);
        self.save_round(round);
        self.questions_afresh();
    }

    /// The answers' fields have moved a place: on the questions' screen they start again from
    /// what is saved.
    fn questions_afresh(&mut self) {
        if self.screen == crate::core::Screen::Kit(KitScreen::Questions) {
            let fresh = self.kit_draft(KitScreen::Questions);
            self.set_draft(fresh);
        }
    }

    pub(super) fn mark_asked(&mut self, i: usize, asked: bool) {
        let Some(mut round) = self.kit_round() else { return };
        let Some(q) = round.questions.get_mut(i) else { return };
        q.asked = asked;
        self.save_round(round);
        self.say(if asked { "Question marked as asked" } else { "Question marked as not asked" }, None);
    }

    /// A checklist item of the plan sheet ticked or not.
    pub(super) fn tick_checklist(&mut self, key: String, on: bool) {
        let Some(mut round) = self.kit_round() else { return };
        if !round::CHECKLIST.iter().any(|(k, _)| *k == key) {
            return;
        }
        round.ticked.retain(|k| *k != key);
        if on {
            round.ticked.push(key);
        }
        let ticked = round.ticked.len();
        self.save_round(round);
        self.say(format!("Checklist: {ticked} of {} ticked", round::CHECKLIST.len()), None);
    }

    /// A thank-you note (by interviewer) marked sent or not.
    pub(super) fn mark_sent(&mut self, name: &str, sent: bool) {
        let Some(mut round) = self.kit_round() else { return };
        let now = self.clock.now_ms;
        let decide = self.kit_decision(&round);
        let key = crate::domain::fold(name);
        match round.thanks.iter_mut().find(|t| crate::domain::fold(&t.name) == key) {
            Some(t) => t.sent = sent.then_some(now),
            None => {
                let mut t = thanks::draft(&round, name, decide.as_deref());
                t.sent = sent.then_some(now);
                round.thanks.push(t);
            }
        }
        self.save_round(round);
        self.say(if sent { "Thank-you note marked as sent" } else { "Thank-you note marked as not sent" }, None);
    }
}
