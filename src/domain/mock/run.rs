//! A mock interview as it runs: which question is being asked (the main one or its follow-up),
//! the answers given, the answer clock and its pauses. Every change takes the moment as a
//! parameter, so a stored mock resumes exactly where it stood.

use super::order::{Length, Segment, Step};
use super::spoken;
use crate::domain::card::{Card, Track};
use crate::domain::collection::Collection;
use crate::domain::insights::Kind;

/// One answer: what was typed (or transcribed), how long it took (pauses left out), when it ended,
/// and whether it was recorded too.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answer {
    pub text: String,
    pub seconds: u32,
    pub at_ms: i64,
    pub recorded: bool,
}

/// Where the interview is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// The step's question is being asked and answered.
    Question,
    /// Its follow-up probe is.
    FollowUp,
    /// Every question answered: the debrief.
    Done,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mock {
    pub seed: u64,
    pub started_ms: i64,
    pub length: Length,
    /// The interview it prepares for, in words ("Northwind — Analyst"), if one was chosen.
    pub interview: Option<String>,
    pub track: Track,
    pub steps: Vec<Step>,
    /// Per step: the answer to its question, and to its follow-up.
    pub answers: Vec<(Option<Answer>, Option<Answer>)>,
    pub at: usize,
    pub stage: Stage,
    /// When the question on screen was asked: its answer clock runs from here.
    pub asked_ms: i64,
    /// Time paused since then.
    pub paused_ms: i64,
    /// Paused since this moment.
    pub paused_since: Option<i64>,
    /// When the last answer was given.
    pub ended_ms: Option<i64>,
    /// The grades were saved as reviews (once only).
    pub saved: bool,
}

impl Mock {
    pub fn new(steps: Vec<Step>, seed: u64, now_ms: i64, length: Length, interview: Option<String>, track: Track) -> Mock {
        let answers = vec![(None, None); steps.len()];
        let stage = if steps.is_empty() { Stage::Done } else { Stage::Question };
        Mock {
            seed,
            started_ms: now_ms,
            length,
            interview,
            track,
            steps,
            answers,
            at: 0,
            stage,
            asked_ms: now_ms,
            paused_ms: 0,
            paused_since: None,
            ended_ms: (stage == Stage::Done).then_some(now_ms),
            saved: false,
        }
    }

    pub fn step(&self) -> Option<&Step> {
        (self.stage != Stage::Done).then(|| self.steps.get(self.at)).flatten()
    }

    pub fn is_done(&self) -> bool {
        self.stage == Stage::Done
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    /// Seconds on the answer clock of the question on screen (pauses left out).
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        let paused = self.paused_ms + self.paused_since.map_or(0, |p| (now_ms - p).max(0));
        (now_ms - self.asked_ms - paused).max(0)
    }

    /// The answer time the question on screen wants, in seconds: its kind's longest (a story two
    /// minutes, anything else one), a follow-up one minute.
    pub fn allowed_seconds(&self, col: &Collection) -> u32 {
        match (self.stage, self.step().and_then(|s| col.card(&s.card_id))) {
            (Stage::Question, Some(card)) => *Kind::of(card).ideal_seconds().end() as u32,
            _ => 60,
        }
    }

    /// The words of the question on screen (the card's question, or its follow-up probe).
    pub fn question(&self, col: &Collection) -> Option<String> {
        let step = self.step()?;
        let card = col.card(&step.card_id)?;
        match self.stage {
            Stage::FollowUp => step.probe.and_then(|p| card.probes.get(p)).cloned(),
            _ => Some(card.question.clone()),
        }
    }

    /// What the interviewer's voice says now: the part's lead-in before its first question, then
    /// the question as spoken (see `spoken`); a follow-up as written.
    pub fn to_say(&self, col: &Collection) -> Option<String> {
        let text = self.question(col)?;
        if self.stage == Stage::FollowUp {
            return Some(text);
        }
        let step = self.step()?;
        let first_of_part = self.at == 0 || self.steps[self.at - 1].segment != step.segment;
        let own = spoken(&text);
        match step.segment.lead_in() {
            Some(lead) if first_of_part && !asks_for_their_questions(&own) => Some(format!("{lead} {own}")),
            _ => Some(own),
        }
    }

    /// The answer is given (the big Next question button): it is kept with its time, and the
    /// follow-up comes next when the step has one, else the next question, else the debrief.
    pub fn answer(&mut self, now_ms: i64, text: &str, recorded: bool) {
        if self.stage == Stage::Done {
            return;
        }
        let answer = Answer { text: text.trim().to_string(), seconds: (self.elapsed_ms(now_ms) / 1000) as u32, at_ms: now_ms, recorded };
        let has_probe = self.steps[self.at].probe.is_some();
        match self.stage {
            Stage::Question => {
                self.answers[self.at].0 = Some(answer);
                if has_probe {
                    self.stage = Stage::FollowUp;
                } else {
                    self.advance();
                }
            }
            _ => {
                self.answers[self.at].1 = Some(answer);
                self.advance();
            }
        }
        self.asked_ms = now_ms;
        self.paused_ms = 0;
        self.paused_since = None;
        if self.stage == Stage::Done {
            self.ended_ms = Some(now_ms);
        }
    }

    fn advance(&mut self) {
        self.at += 1;
        self.stage = if self.at < self.steps.len() { Stage::Question } else { Stage::Done };
    }

    /// Ends the interview early: the questions answered so far make the debrief.
    pub fn finish(&mut self, now_ms: i64) {
        if self.stage != Stage::Done {
            self.stage = Stage::Done;
            self.ended_ms = Some(now_ms);
            self.paused_since = None;
        }
    }

    pub fn pause(&mut self, now_ms: i64) {
        if self.paused_since.is_none() && self.stage != Stage::Done {
            self.paused_since = Some(now_ms);
        }
    }

    pub fn resume(&mut self, now_ms: i64) {
        if let Some(since) = self.paused_since.take() {
            self.paused_ms += (now_ms - since).max(0);
        }
    }

    /// The part on screen, with its place: "Question 3 of 8".
    pub fn position(&self) -> (usize, usize) {
        ((self.at + 1).min(self.steps.len()), self.steps.len())
    }

    pub fn segment(&self) -> Option<Segment> {
        self.step().map(|s| s.segment)
    }

    /// The cards of the running order, in order, that still exist.
    pub fn cards<'a>(&self, col: &'a Collection) -> Vec<&'a Card> {
        self.steps.iter().filter_map(|s| col.card(&s.card_id)).collect()
    }
}

fn asks_for_their_questions(text: &str) -> bool {
    let t = crate::domain::fold(text);
    t.starts_with("do you have any questions") || t.starts_with("what questions do you have")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::collection::Settings;
    use crate::domain::deck;
    use crate::domain::mock::order::{build, Segment};
    use crate::domain::Clock;
    use std::collections::HashMap;

    const T0: i64 = 1_795_564_800_000 + 9 * 3_600_000;

    pub(crate) fn col() -> Collection {
        Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default())
    }

    #[test]
    fn answers_move_through_questions_and_follow_ups_to_the_debrief() {
        let c = col();
        let steps = build(&c, Clock::new(T0, 0), None, Length::Ten, 5, 100);
        assert!(steps.iter().all(|s| s.probe.is_some()));
        let mut m = Mock::new(steps, 5, T0, Length::Ten, None, Track::Office);
        let first = m.question(&c).unwrap();
        assert_eq!(first, c.card(&m.steps[0].card_id).unwrap().question);
        m.answer(T0 + 40_000, "  I learned a lot.  ", false);
        assert_eq!(m.stage, Stage::FollowUp);
        let probe = m.question(&c).unwrap();
        assert!(c.card(&m.steps[0].card_id).unwrap().probes.contains(&probe));
        assert_eq!(m.to_say(&c).unwrap(), probe);
        m.pause(T0 + 50_000);
        assert_eq!(m.elapsed_ms(T0 + 500_000), 10_000, "the clock stops while paused");
        m.resume(T0 + 110_000);
        m.answer(T0 + 130_000, "More.", true);
        assert_eq!(m.answers[0].0.as_ref().map(|a| (a.text.as_str(), a.seconds, a.at_ms)), Some(("I learned a lot.", 40, T0 + 40_000)));
        assert_eq!(m.answers[0].1.as_ref().map(|a| (a.seconds, a.recorded)), Some((30, true)), "30 s: the minute paused left out");
        assert_eq!((m.at, m.stage, m.position()), (1, Stage::Question, (2, 8)));
        let mut t = T0 + 130_000;
        while !m.is_done() {
            t += 20_000;
            m.answer(t, "x", false);
        }
        assert_eq!((m.ended_ms, m.step()), (Some(t), None));
        m.answer(t + 1, "ignored", false);
        assert_eq!(m.answers.iter().filter(|a| a.0.is_some() && a.1.is_some()).count(), 8);
    }

    #[test]
    fn the_questions_part_is_introduced_once_and_a_mock_can_end_early() {
        let c = col();
        let steps = build(&c, Clock::new(T0, 0), None, Length::Twenty, 8, 0);
        let mut m = Mock::new(steps, 8, T0, Length::Twenty, Some("Acme".into()), Track::Office);
        let mut said = Vec::new();
        while !m.is_done() {
            said.push((m.segment().unwrap(), m.to_say(&c).unwrap()));
            m.answer(T0, "", false);
        }
        let asks: Vec<&(Segment, String)> = said.iter().filter(|(s, _)| *s == Segment::YourQuestions).collect();
        assert_eq!(asks.len(), 2);
        let lead = Segment::YourQuestions.lead_in().unwrap();
        assert!(asks[0].1.starts_with(lead) || asks[0].1.starts_with("Do you have any questions"), "{:?}", asks[0]);
        assert!(!asks[1].1.contains(lead));
        assert!(said.iter().all(|(_, s)| !s.contains("(The interviewer")));
        let mut early = Mock::new(build(&c, Clock::new(T0, 0), None, Length::Ten, 1, 0), 1, T0, Length::Ten, None, Track::Office);
        early.answer(T0 + 5_000, "One.", false);
        early.finish(T0 + 6_000);
        assert!(early.is_done() && early.answers[1].0.is_none());
    }
}
