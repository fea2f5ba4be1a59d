//! The plan sheet: one page to read in the waiting room — the interview, three things to be
//! remembered for, the stories chosen, the questions, who they will meet, a checklist — as the
//! screen lists it and as plain text to share or copy.

use super::date::{time_label, Date};
use super::round::{Round, CHECKLIST};
use super::story::Story;
use crate::domain::interview::Interview;

/// The sheet's parts, in the order it shows them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Sheet {
    /// "Northwind — Analyst".
    pub title: String,
    /// "Tue 8 Dec, 10:00 · 4 Canal Street, 2nd floor".
    pub when_where: String,
    pub remember: Vec<String>,
    /// Each chosen story: its name and its result.
    pub stories: Vec<(String, String)>,
    pub questions: Vec<String>,
    /// Who they will meet: "Priya Shah (Head of Finance)".
    pub meet: Vec<String>,
    /// The checklist: what each item says and whether it is ticked.
    pub checklist: Vec<(&'static str, &'static str, bool)>,
}

/// The sheet for an interview. Who they will meet: the names given for it, or else the people of
/// the round-one notes.
pub fn sheet(iv: &Interview, round: &Round, stories: &[Story], utc_offset_min: i32) -> Sheet {
    let when = format!("{}, {}", Date::of_ms(iv.at_ms, utc_offset_min).label(), time_label(iv.at_ms, utc_offset_min));
    let place = round.place.split_whitespace().collect::<Vec<_>>().join(" ");
    Sheet {
        title: iv.title(),
        when_where: if place.is_empty() { when } else { format!("{when} · {place}") },
        remember: round.remember.iter().map(|r| r.trim().to_string()).filter(|r| !r.is_empty()).collect(),
        stories: round
            .stories
            .iter()
            .filter_map(|id| stories.iter().find(|s| s.id == *id && !s.deleted))
            .map(|s| (s.name(), s.result.trim().to_string()))
            .collect(),
        questions: round.questions.iter().map(|q| q.text.trim().to_string()).filter(|q| !q.is_empty()).collect(),
        meet: round.interviewers().into_iter().map(|(n, r)| if r.is_empty() { n } else { format!("{n} ({r})") }).collect(),
        checklist: CHECKLIST.iter().map(|(key, text)| (*key, *text, round.ticked.iter().any(|t| t == key))).collect(),
    }
}

impl Sheet {
    /// The sheet as plain text (share sheet, clipboard): headed sections, parts that are empty
    /// left out.
    pub fn text(&self) -> String {
        let mut out = format!("{}\n{}\n", self.title, self.when_where);
        let mut section = |heading: &str, lines: Vec<String>| {
            if !lines.is_empty() {
                out.push_str(&format!("\n{heading}\n{}\n", lines.join("\n")));
            }
        };
        section("Three things I want them to remember", self.remember.iter().enumerate().map(|(i, r)| format!("{}. {r}", i + 1)).collect());
        section(
            "My stories",
            self.stories
                .iter()
                .map(|(name, result)| if result.is_empty() { format!("- {name}") } else { format!("- {name}: {result}") })
                .collect(),
        );
        section("My questions", self.questions.iter().map(|q| format!("- {q}")).collect());
        section("Who I will meet", self.meet.iter().map(|m| format!("- {m}")).collect());
        section("Checklist", self.checklist.iter().map(|(_, text, done)| format!("[{}] {text}", if *done { "x" } else { " " })).collect());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::round::{Person, Question};
    use super::*;

    #[test]
    fn the_sheet_lists_everything_and_reads_as_plain_text() {
        let iv = Interview { at_ms: 1_796_724_000_000, company: "Northwind".into(), role: "Analyst".into(), active: true, themes: vec![] };
        let stories = vec![
            Story { id: "s1".into(), title: "The month-end fix".into(), result: "Close in 4 days, not 9".into(), ..Story::default() },
            Story { id: "s2".into(), title: "Gone".into(), deleted: true, ..Story::default() },
        ];
        let mut round = Round::for_interview(&iv);
        round.place = " 4 Canal Street,\n2nd floor ".into();
        round.remember = vec!["Ten years of reconciliations".into(), " ".into(), "Calm at month-end".into()];
        round.stories = vec!["s1".into(), "s2".into(), "missing".into()];
        round.questions = vec![Question { text: "When will you decide?".into(), ..Question::default() }];
        round.people = vec![Person { name: "Priya Shah".into(), role: "Head of Finance".into(), said: String::new() }];
        round.ticked = vec!["early".into()];
        let s = sheet(&iv, &round, &stories, 60);
        assert_eq!(s.when_where, "Tue 8 Dec, 11:00 · 4 Canal Street, 2nd floor");
        assert_eq!(
            s.text(),
            "Northwind — Analyst\nTue 8 Dec, 11:00 · 4 Canal Street, 2nd floor\n\n\
             Three things I want them to remember\n1. Ten years of reconciliations\n2. Calm at month-end\n\n\
             My stories\n- The month-end fix: Close in 4 days, not 9\n\n\
             My questions\n- When will you decide?\n\n\
             Who I will meet\n- Priya Shah (Head of Finance)\n\n\
             Checklist\n[ ] Documents: photo ID, two copies of your CV, anything they asked you to bring\n[ ] Route and travel time checked, with a spare half hour\n[x] Arrive 10 minutes early\n[ ] Phone on silent\n"
        );
        let bare = sheet(&iv, &Round::for_interview(&iv), &[], 0);
        assert_eq!(bare.text().lines().filter(|l| l.is_empty()).count(), 1, "only the checklist besides the heading: {}", bare.text());
    }
}
