//! What the person keeps for one interview (a record of its own in storage: `round/<key>`): the
//! round-one notes, the questions to ask and their answers, the plan sheet's own parts and the
//! thank-you notes.

use super::date::{decision_date, Date};
use crate::domain::card::Card;
use crate::domain::interview::Interview;
use serde::{Deserialize, Serialize};

/// Someone met in round one (or to be met): their name and role, and what they said matters.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Person {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// What they said matters.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub said: String,
}

/// A question to ask them: from a card of "Your questions for them" or the person's own.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Question {
    pub text: String,
    /// The card it came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub card: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub asked: bool,
    /// Their answer, as noted.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub answer: String,
}

/// A thank-you note to one interviewer. The parts the note is composed from, the text as the
/// person edited it (empty: composed from the parts), and when it was marked sent.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Thanks {
    pub name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub email: String,
    /// One specific point discussed with them.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub point: String,
    /// What the person would bring (their words).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub bring: String,
    /// The next step they mentioned.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub next: String,
    /// The note as edited; empty while it is the composed one.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent: Option<i64>,
}

/// The plan sheet's checklist: its items' keys and what they say.
pub const CHECKLIST: [(&str, &str); 4] = [
    ("documents", "Documents: photo ID, two copies of your CV, anything they asked you to bring"),
    ("route", "Route and travel time checked, with a spare half hour"),
    ("early", "Arrive 10 minutes early"),
    ("phone", "Phone on silent"),
];

/// Everything kept for one interview.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Round {
    /// The interview it belongs to: its moment, company and role, which is how interviews are
    /// told apart (here and when two devices' interviews are merged).
    pub at: i64,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub company: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub role: String,
    /// Round-one notes: who they met …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// … what went well …
    #[serde(skip_serializing_if = "String::is_empty")]
    pub went_well: String,
    /// … and what they would add or correct this time.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub add: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub questions: Vec<Question>,
    /// The plan sheet: three things they should remember (the person's words) …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub remember: Vec<String>,
    /// … the stories chosen (ids) …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stories: Vec<String>,
    /// … where it is …
    #[serde(skip_serializing_if = "String::is_empty")]
    pub place: String,
    /// … who they will meet (names, with a role if given) …
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub meet: Vec<String>,
    /// … and the checklist items ticked (keys of `CHECKLIST`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ticked: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub thanks: Vec<Thanks>,
    /// When it was last changed (ms) — what decides between two devices' versions.
    pub edited: i64,
}

/// The storage key part naming an interview: its moment and a hash of its company and role.
pub fn interview_key(at: i64, company: &str, role: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in company.bytes().chain([b'\n']).chain(role.bytes()) {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    format!("{at}-{h:08x}")
}

/// How long after an interview a thank-you note is still timely: a week.
pub const THANKS_WINDOW_MS: i64 = 7 * crate::domain::clock::DAY_MS;

impl Round {
    pub fn for_interview(iv: &Interview) -> Round {
        Round { at: iv.at_ms, company: iv.company.clone(), role: iv.role.clone(), ..Round::default() }
    }

    pub fn key(&self) -> String {
        interview_key(self.at, &self.company, &self.role)
    }

    pub fn is_for(&self, iv: &Interview) -> bool {
        self.at == iv.at_ms && self.company == iv.company && self.role == iv.role
    }

    /// Whether it holds nothing the person wrote.
    pub fn is_empty(&self) -> bool {
        Round { at: self.at, company: self.company.clone(), role: self.role.clone(), edited: self.edited, ..Round::default() } == *self
    }

    /// Whether a question has been added from this card.
    pub fn has_card(&self, id: &str) -> bool {
        self.questions.iter().any(|q| q.card.as_deref() == Some(id))
    }

    /// The people the interviewers are: those met in round one and those to meet (by name, each
    /// once, in that order), with their role where known.
    pub fn interviewers(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        let people = self.people.iter().map(|p| (p.name.trim().to_string(), p.role.trim().to_string()));
        let meet = self.meet.iter().map(|m| match m.split_once([',', '(', '—', '–']) {
            Some((name, role)) => (name.trim().to_string(), role.trim().trim_end_matches(')').trim().to_string()),
            None => (m.trim().to_string(), String::new()),
        });
        for (name, role) in people.chain(meet) {
            if name.is_empty() {
                continue;
            }
            match out.iter_mut().find(|(n, _)| crate::domain::fold(n) == crate::domain::fold(&name)) {
                Some((_, r)) if r.is_empty() => *r = role,
                Some(_) => {}
                None => out.push((name, role)),
            }
        }
        out
    }

    /// The date they said they would decide by, read from the answers to the questions about
    /// deciding (or the next step, the timeline, hearing back) relative to the interview's day;
    /// `None` when no answer names one.
    pub fn decision(&self, utc_offset_min: i32) -> Option<Date> {
        let day = Date::of_ms(self.at, utc_offset_min);
        let about = |q: &&Question| {
            let t = crate::domain::fold(&q.text);
            ["decid", "decision", "timeline", "timescale", "hear back", "hear from", "next step", "when "].iter().any(|w| t.contains(w))
        };
        let answered = || self.questions.iter().filter(|q| !q.answer.trim().is_empty());
        answered().filter(about).chain(answered()).find_map(|q| decision_date(&q.answer, day))
    }

    /// Whether the interview is over and a thank-you note is still to send: from the interview's
    /// start until a week after, while some interviewer (or, with none named, anyone) has no note
    /// marked sent.
    pub fn thanks_due(&self, now_ms: i64) -> bool {
        if now_ms < self.at || now_ms > self.at + THANKS_WINDOW_MS {
            return false;
        }
        let names = self.interviewers();
        names.is_empty()
            || names
                .iter()
                .any(|(n, _)| !self.thanks.iter().any(|t| t.sent.is_some() && crate::domain::fold(&t.name) == crate::domain::fold(n)))
    }
}

/// The question to ask, taken from a card of "Your questions for them": its model answer's first
/// quoted question ("…?"), or else its first sentence ending in a question mark; the card's own
/// question when the answer has none.
pub fn question_from_card(card: &Card) -> String {
    let a = card.answer.replace(['\u{201c}', '\u{201d}'], "\"");
    // A quoted question.
    let mut parts = a.split('"');
    parts.next();
    while let (Some(inside), rest) = (parts.next(), parts.next()) {
        let q = inside.trim();
        if q.ends_with('?') && q.len() > 12 {
            return q.split_whitespace().collect::<Vec<_>>().join(" ");
        }
        if rest.is_none() {
            break;
        }
    }
    // The first sentence that asks.
    let mut start = 0;
    for (i, c) in a.char_indices() {
        if matches!(c, '.' | '!' | '?' | ':') {
            let sentence = a[start..=i].trim();
            if c == '?' && sentence.len() > 12 {
                return sentence.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            start = i + 1;
        }
    }
    card.question.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::card::Theme;
    use crate::domain::deck;

    const AT: i64 = 1_796_724_000_000; // Tue 8 Dec 2026, 10:00 UTC

    fn round() -> Round {
        Round { at: AT, company: "Northwind".into(), role: "Analyst".into(), edited: 1, ..Round::default() }
    }

    #[test]
    fn every_question_card_gives_a_question_to_ask() {
        let cards = deck::built_in();
        let asks: Vec<&Card> = cards.iter().filter(|c| c.theme == Theme::YourQuestions && !c.is_retired()).collect();
        assert!(asks.len() >= 14);
        for c in &asks {
            let q = question_from_card(c);
            assert!(q.ends_with('?') && q.len() > 12 && !q.contains('\n') && !q.contains('"'), "{}: {q}", c.id);
        }
        let first = cards.iter().find(|c| c.id == "ask-01").unwrap();
        assert_eq!(question_from_card(first), "Could you tell me how you'll make the decision from here, and when you expect to make it?");
        let quoted = cards.iter().find(|c| c.id == "ask-02").unwrap();
        assert!(question_from_card(quoted).starts_with("If I'm in this role a year from now"), "{}", question_from_card(quoted));
    }

    #[test]
    fn the_decision_date_comes_from_the_answer_about_deciding() {
        let mut r = round();
        assert_eq!(r.decision(0), None);
        r.questions = vec![
            Question {
                text: "What would my first project be?".into(),
                answer: "Probably the March audit, starting Monday.".into(),
                asked: true,
                card: None,
            },
            Question {
                text: "When will you decide?".into(),
                answer: "By Friday, they hope.".into(),
                asked: true,
                card: Some("ask-01".into()),
            },
        ];
        assert_eq!(r.decision(0).map(|d| d.label()), Some("Fri 11 Dec".to_string()), "the answer about deciding, not the first date");
        r.questions[1].answer = "They didn't say.".into();
        assert_eq!(r.decision(0).map(|d| d.label()), Some("Mon 14 Dec".to_string()), "any answer with a date when that one has none");
        r.questions.clear();
        assert_eq!(r.decision(0), None);
    }

    #[test]
    fn interviewers_are_named_once_and_thanks_are_due_after_the_interview() {
        let mut r = round();
        r.people = vec![
            Person { name: "Priya Shah".into(), role: "Head of Finance".into(), said: "Month-end is too slow".into() },
            Person::default(),
        ];
        r.meet = vec!["priya shah".into(), "Tom Reid, Team lead".into(), " ".into()];
        assert_eq!(r.interviewers(), vec![("Priya Shah".into(), "Head of Finance".into()), ("Tom Reid".into(), "Team lead".into())]);
        assert!(!r.thanks_due(AT - 1), "before the interview");
        assert!(r.thanks_due(AT + 3_600_000));
        r.thanks = vec![Thanks { name: "Priya Shah".into(), sent: Some(AT + 7_200_000), ..Thanks::default() }];
        assert!(r.thanks_due(AT + 3_600_000), "one still to send");
        r.thanks.push(Thanks { name: "TOM REID".into(), sent: Some(AT + 7_200_000), ..Thanks::default() });
        assert!(!r.thanks_due(AT + 3_600_000), "all sent");
        assert!(!round().thanks_due(AT + 8 * 86_400_000), "a week later it is not asked any more");
        assert!(round().thanks_due(AT + 60_000), "no one named yet: still asked");
    }

    #[test]
    fn rounds_are_keyed_by_their_interview() {
        let iv = Interview { at_ms: AT, company: "Northwind".into(), role: "Analyst".into(), active: true, themes: vec![] };
        let r = Round::for_interview(&iv);
        assert!(r.is_for(&iv) && r.is_empty());
        assert_eq!(r.key(), interview_key(AT, "Northwind", "Analyst"));
        assert_ne!(r.key(), interview_key(AT, "Northwind", "Analyst II"));
        assert!(r.key().starts_with("1796724000000-"));
        assert!(!Round { went_well: "x".into(), ..r }.is_empty());
    }
}
