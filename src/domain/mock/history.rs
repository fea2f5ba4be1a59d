//! The history of finished mock interviews: each one's date, length, interview and, per question,
//! the grade, time, words and key points hit — never the answers' text or audio. Kept on the device
//! (`mocks`), carried in the backup and merged from another device's.

use super::debrief::Debrief;
use super::run::Mock;
use crate::domain::card::Rating;

/// A mock as the history keeps it: no text, no audio.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    pub at_ms: i64,
    pub minutes: u32,
    pub interview: Option<String>,
    pub seconds: u32,
    pub questions: Vec<HistoryQuestion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HistoryQuestion {
    pub card_id: String,
    pub grade: Option<Rating>,
    pub seconds: u32,
    pub words: u32,
    pub hit: u8,
    pub points: u8,
}

impl HistoryEntry {
    pub fn of(mock: &Mock, debrief: &Debrief, grades: &[(usize, Rating)]) -> HistoryEntry {
        HistoryEntry {
            at_ms: mock.started_ms,
            minutes: mock.length.minutes(),
            interview: mock.interview.clone(),
            seconds: debrief.summary.seconds,
            questions: debrief
                .questions
                .iter()
                .filter(|q| q.answer.is_some())
                .map(|q| HistoryQuestion {
                    card_id: q.card_id.clone(),
                    grade: grades.iter().find(|(i, _)| *i == q.step).map(|(_, r)| *r),
                    seconds: q.total_seconds(),
                    words: q.words as u32,
                    hit: q.hits() as u8,
                    points: q.key_points.len() as u8,
                })
                .collect(),
        }
    }

    /// Key points hit over every question, in percent.
    pub fn points_percent(&self) -> u32 {
        let (hit, all) = self.questions.iter().fold((0u32, 0u32), |(h, a), q| (h + q.hit as u32, a + q.points as u32));
        (hit * 100).checked_div(all).unwrap_or(0)
    }

    /// The mean grade given (1–4) in tenths, rounded (35: 3.5), if any was.
    pub fn mean_grade_tenths(&self) -> Option<u32> {
        let grades: Vec<u32> = self.questions.iter().filter_map(|q| q.grade.map(|g| g as u32)).collect();
        let n = grades.len() as u32;
        (n > 0).then(|| (grades.iter().sum::<u32>() * 20 + n) / (2 * n))
    }
}

/// Another device's history (from its backup) brought into this one: each mock not here yet (a
/// mock is its start moment) is added, in time order. Returns how many were added.
pub fn merge_history(mine: &mut Vec<HistoryEntry>, theirs: &[HistoryEntry]) -> usize {
    let before = mine.len();
    for h in theirs {
        if !mine.iter().any(|m| m.at_ms == h.at_ms) {
            let at = mine.partition_point(|m| m.at_ms < h.at_ms);
            mine.insert(at, h.clone());
        }
    }
    mine.len() - before
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::mock::debrief::debrief;
    use crate::domain::mock::debrief::tests::{answered, col, T0};

    #[test]
    fn the_history_keeps_figures_and_grades_without_text() {
        let c = col();
        let m = answered(&c);
        let d = debrief(&m, &c);
        let h = HistoryEntry::of(&m, &d, &[(0, Rating::Good), (1, Rating::Easy)]);
        assert_eq!((h.at_ms, h.minutes, h.interview.as_deref(), h.questions.len()), (T0, 10, Some("Acme"), 8));
        assert_eq!(h.mean_grade_tenths(), Some(35));
        let third = HistoryEntry {
            questions: h
                .questions
                .iter()
                .take(3)
                .cloned()
                .map(|q| HistoryQuestion { grade: Some(Rating::Good), ..q })
                .chain([HistoryQuestion { grade: Some(Rating::Easy), ..h.questions[0].clone() }])
                .collect(),
            ..h.clone()
        };
        assert_eq!(third.mean_grade_tenths(), Some(33), "(3+3+3+4)/4 = 3.25, rounded to 3.3");
        let (hit, all): (u32, u32) =
            d.questions.iter().map(|q| (q.hits() as u32, q.key_points.len() as u32)).fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
        assert_eq!(h.points_percent(), hit * 100 / all);
        assert_eq!(h.seconds, d.summary.seconds);
        // Another device's history merges in by the mocks' start moments, in time order, once.
        let later = HistoryEntry { at_ms: T0 + 99, ..h.clone() };
        let earlier = HistoryEntry { at_ms: T0 - 99, ..h.clone() };
        let mut mine = vec![h.clone()];
        assert_eq!(merge_history(&mut mine, &[later.clone(), h.clone(), earlier.clone()]), 2);
        assert_eq!(mine.iter().map(|m| m.at_ms).collect::<Vec<_>>(), vec![T0 - 99, T0, T0 + 99]);
        assert_eq!(merge_history(&mut mine, &[later]), 0);
    }
}
