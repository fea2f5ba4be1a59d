//! The mock interview's records (schema 4, keys in `schema::Key`): the interview in progress
//! (`mock`: so leaving and coming back resumes it), its settings (`mock-settings`) and the history
//! of finished ones (`mocks`, also in the backup: dates, questions, grades and figures, never the
//! answers' text or audio). JSON through serde, like the other records; fields with a default may
//! be missing.

use super::records::{from_json, to_json};
use crate::domain::card::{Rating, Track};
use crate::domain::mock::{Answer, HistoryEntry, HistoryQuestion, Length, Mock, MockSettings, Segment, Stage, Step};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MockSettingsRecord {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub voice: String,
    #[serde(default = "hundred")]
    pub rate_percent: u32,
    #[serde(default)]
    pub show_text: bool,
    #[serde(default = "fifty")]
    pub follow_up_percent: u32,
}

fn hundred() -> u32 {
    100
}
fn fifty() -> u32 {
    50
}

impl MockSettingsRecord {
    pub fn of(s: &MockSettings) -> Self {
        MockSettingsRecord {
            voice: s.voice.clone(),
            rate_percent: s.rate_percent,
            show_text: s.show_text,
            follow_up_percent: s.follow_up_percent,
        }
    }
    pub fn settings(&self) -> MockSettings {
        MockSettings {
            voice: self.voice.clone(),
            rate_percent: self.rate_percent,
            show_text: self.show_text,
            follow_up_percent: self.follow_up_percent,
        }
        .sanitised()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerRecord {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    pub secs: u32,
    pub at: i64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rec: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepRecord {
    pub id: String,
    pub part: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub probe: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<AnswerRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow: Option<AnswerRecord>,
}

/// `mock`: the mock interview in progress (or finished, until its grades are saved or it is let go).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MockRecord {
    pub seed: u64,
    pub started: i64,
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<String>,
    #[serde(default)]
    pub track: String,
    pub steps: Vec<StepRecord>,
    pub at: usize,
    /// "question", "follow-up" or "done".
    pub stage: String,
    pub asked: i64,
    #[serde(default)]
    pub paused_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused_since: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<i64>,
    #[serde(default)]
    pub saved: bool,
    /// The grades chosen in the debrief so far (step, 1–4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grades: Vec<(usize, u8)>,
}

fn answer_record(a: &Answer) -> AnswerRecord {
    AnswerRecord { text: a.text.clone(), secs: a.seconds, at: a.at_ms, rec: a.recorded }
}

fn answer(a: &AnswerRecord) -> Answer {
    Answer { text: a.text.clone(), seconds: a.secs, at_ms: a.at, recorded: a.rec }
}

impl MockRecord {
    pub fn of(m: &Mock, grades: &[(usize, Rating)]) -> Self {
        MockRecord {
            seed: m.seed,
            started: m.started_ms,
            minutes: m.length.minutes(),
            interview: m.interview.clone(),
            track: m.track.key().to_string(),
            steps: m
                .steps
                .iter()
                .zip(&m.answers)
                .map(|(s, (a, f))| StepRecord {
                    id: s.card_id.clone(),
                    part: s.segment.key().to_string(),
                    probe: s.probe,
                    answer: a.as_ref().map(answer_record),
                    follow: f.as_ref().map(answer_record),
                })
                .collect(),
            at: m.at,
            stage: match m.stage {
                Stage::Question => "question",
                Stage::FollowUp => "follow-up",
                Stage::Done => "done",
            }
            .to_string(),
            asked: m.asked_ms,
            paused_ms: m.paused_ms,
            paused_since: m.paused_since,
            ended: m.ended_ms,
            saved: m.saved,
            grades: grades.iter().map(|(i, r)| (*i, *r as u8)).collect(),
        }
    }

    /// The mock and its chosen grades; `None` when the record does not make a mock.
    pub fn mock(&self) -> Option<(Mock, Vec<(usize, Rating)>)> {
        let steps: Vec<Step> = self
            .steps
            .iter()
            .map(|s| Some(Step { card_id: s.id.clone(), segment: Segment::from_key(&s.part)?, probe: s.probe }))
            .collect::<Option<_>>()?;
        let stage = match self.stage.as_str() {
            "question" => Stage::Question,
            "follow-up" => Stage::FollowUp,
            "done" => Stage::Done,
            _ => return None,
        };
        if stage != Stage::Done && self.at >= steps.len() {
            return None;
        }
        let mut m = Mock::new(
            steps,
            self.seed,
            self.started,
            Length::from_minutes(self.minutes)?,
            self.interview.clone(),
            Track::from_key(&self.track).unwrap_or_default(),
        );
        m.answers = self.steps.iter().map(|s| (s.answer.as_ref().map(answer), s.follow.as_ref().map(answer))).collect();
        m.at = self.at;
        m.stage = stage;
        m.asked_ms = self.asked;
        m.paused_ms = self.paused_ms;
        m.paused_since = self.paused_since;
        m.ended_ms = self.ended;
        m.saved = self.saved;
        let grades = self.grades.iter().filter_map(|(i, g)| Some((*i, Rating::from_u8(*g)?))).collect();
        Some((m, grades))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryQuestionRecord {
    pub id: String,
    /// The grade saved, 1–4 (0: none).
    #[serde(default)]
    pub grade: u8,
    pub secs: u32,
    pub words: u32,
    pub hit: u8,
    pub points: u8,
}

/// One finished mock in `mocks` (a list, oldest first) and in the backup.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryRecord {
    pub at: i64,
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interview: Option<String>,
    pub secs: u32,
    pub questions: Vec<HistoryQuestionRecord>,
}

impl HistoryRecord {
    pub fn of(h: &HistoryEntry) -> Self {
        HistoryRecord {
            at: h.at_ms,
            minutes: h.minutes,
            interview: h.interview.clone(),
            secs: h.seconds,
            questions: h
                .questions
                .iter()
                .map(|q| HistoryQuestionRecord {
                    id: q.card_id.clone(),
                    grade: q.grade.map_or(0, |g| g as u8),
                    secs: q.seconds,
                    words: q.words,
                    hit: q.hit,
                    points: q.points,
                })
                .collect(),
        }
    }

    pub fn entry(&self) -> HistoryEntry {
        HistoryEntry {
            at_ms: self.at,
            minutes: self.minutes,
            interview: self.interview.clone(),
            seconds: self.secs,
            questions: self
                .questions
                .iter()
                .map(|q| HistoryQuestion {
                    card_id: q.id.clone(),
                    grade: Rating::from_u8(q.grade),
                    seconds: q.secs,
                    words: q.words,
                    hit: q.hit,
                    points: q.points,
                })
                .collect(),
        }
    }
}

pub fn mock_value(m: &Mock, grades: &[(usize, Rating)]) -> String {
    to_json(&MockRecord::of(m, grades))
}

pub fn read_mock(text: &str) -> Result<(Mock, Vec<(usize, Rating)>), String> {
    from_json::<MockRecord>(text)?.mock().ok_or_else(|| "not a mock interview".to_string())
}

pub fn history_value(list: &[HistoryEntry]) -> String {
    to_json(&list.iter().map(HistoryRecord::of).collect::<Vec<_>>())
}

pub fn read_history(text: &str) -> Result<Vec<HistoryEntry>, String> {
    Ok(from_json::<Vec<HistoryRecord>>(text)?.iter().map(HistoryRecord::entry).collect())
}

pub fn settings_value(s: &MockSettings) -> String {
    to_json(&MockSettingsRecord::of(s))
}

pub fn read_settings(text: &str) -> Result<MockSettings, String> {
    Ok(from_json::<MockSettingsRecord>(text)?.settings())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::collection::{Collection, Settings};
    use crate::domain::deck;
    use crate::domain::mock::{debrief, order};
    use crate::domain::Clock;
    use std::collections::HashMap;

    #[test]
    fn a_mock_in_progress_reads_back_as_it_was() {
        let col = Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default());
        let t = 1_795_600_000_000;
        let steps = order::build(&col, Clock::new(t, 0), None, Length::Twenty, 77, 50);
        let mut m = Mock::new(steps, 77, t, Length::Twenty, Some("Acme — Analyst".into()), Track::Graduate);
        m.answer(t + 30_000, "First answer, with \"quotes\".", true);
        m.answer(t + 60_000, "Second.", false);
        m.pause(t + 70_000);
        let grades = vec![(0, Rating::Hard)];
        let text = mock_value(&m, &grades);
        assert_eq!(read_mock(&text).unwrap(), (m.clone(), grades.clone()));
        m.finish(t + 80_000);
        assert_eq!(read_mock(&mock_value(&m, &[])).unwrap().0, m);
        assert!(read_mock("{\"seed\":1}").is_err());
        assert!(read_mock("[").is_err());
        let h = HistoryEntry::of(&m, &debrief::debrief(&m, &col), &grades);
        assert_eq!(read_history(&history_value(std::slice::from_ref(&h))).unwrap(), vec![h]);
        assert_eq!(read_settings("{}").unwrap(), MockSettings::default());
        let s = MockSettings { voice: "Daniel".into(), rate_percent: 120, show_text: true, follow_up_percent: 25 };
        assert_eq!(read_settings(&settings_value(&s)).unwrap(), s);
    }
}
