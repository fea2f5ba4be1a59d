//! The interview kit: what a candidate does around a second interview besides drilling answers.
//! Stories (`story`: the story bank, competencies, coverage of the deck's story questions, the
//! stories matching a card), and per interview (`round`) the round-one notes, the questions to
//! ask with their answers (`date`: the decision date they name), the plan sheet (`sheet`) and the
//! thank-you notes (`thanks`). Pure: times and the time zone are parameters.
//!
//! Each story and each interview's round is one stored record with the moment it was last
//! changed; merging another device's kit keeps, per record, the newer one (a deleted story is a
//! record too, so a backup does not bring it back).

pub mod date;
pub mod round;
pub mod sheet;
pub mod story;
pub mod thanks;

use crate::domain::card::{Card, Theme};
use crate::domain::interview::Interview;
pub use round::{Person, Question, Round, Thanks};
pub use story::{Competency, Story};

/// The id prefix of a story's rehearsal card (its schedule and reviews are stored like any card's).
pub const STORY_CARD: &str = "story-";

/// Everything the kit keeps.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Kit {
    /// Every story, deleted ones included (as records without text), in the order written.
    pub stories: Vec<Story>,
    /// One per interview that has anything written for it.
    pub rounds: Vec<Round>,
}

/// What merging another device's kit changed.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Merged {
    pub stories_added: usize,
    pub stories_updated: usize,
    pub rounds_updated: usize,
}

impl Merged {
    pub fn any(&self) -> bool {
        self.stories_added + self.stories_updated + self.rounds_updated > 0
    }

    /// "2 stories from the other device will be added; 1 story and the notes of 1 interview will
    /// be updated."; none when nothing changes.
    pub fn sentence(&self) -> Option<String> {
        let n = |k: usize, one: &str, many: &str| format!("{k} {}", if k == 1 { one } else { many });
        let mut parts = Vec::new();
        if self.stories_added > 0 {
            parts.push(format!("{} from the other device will be added", n(self.stories_added, "story", "stories")));
        }
        let mut updated = Vec::new();
        if self.stories_updated > 0 {
            updated.push(n(self.stories_updated, "story", "stories"));
        }
        if self.rounds_updated > 0 {
            updated.push(format!("the notes of {}", n(self.rounds_updated, "interview", "interviews")));
        }
        if !updated.is_empty() {
            parts.push(format!("{} will be updated", updated.join(" and ")));
        }
        if parts.is_empty() {
            return None;
        }
        let text = parts.join("; ");
        Some(format!("{}{}.", text[..1].to_uppercase(), &text[1..]))
    }
}

impl Kit {
    /// The stories not deleted.
    pub fn live_stories(&self) -> Vec<Story> {
        self.stories.iter().filter(|s| !s.deleted).cloned().collect()
    }

    pub fn story(&self, id: &str) -> Option<&Story> {
        self.stories.iter().find(|s| s.id == id && !s.deleted)
    }

    /// Adds or replaces a story (by id).
    pub fn put_story(&mut self, story: Story) {
        match self.stories.iter_mut().find(|s| s.id == story.id) {
            Some(s) => *s = story,
            None => self.stories.push(story),
        }
    }

    /// Deletes a story at `now_ms`: its record stays, without text, so a merge knows; the
    /// interviews' plan sheets drop it. Returns the rounds that changed.
    pub fn delete_story(&mut self, id: &str, now_ms: i64) -> Vec<String> {
        if let Some(s) = self.stories.iter_mut().find(|s| s.id == id) {
            *s = Story { id: s.id.clone(), edited: now_ms, deleted: true, ..Story::default() };
        }
        let mut changed = Vec::new();
        for r in &mut self.rounds {
            if r.stories.iter().any(|s| s == id) {
                r.stories.retain(|s| s != id);
                r.edited = now_ms;
                changed.push(r.key());
            }
        }
        changed
    }

    /// A new story's id, not used yet: from the moment it is written.
    pub fn new_story_id(&self, now_ms: i64) -> String {
        let mut n = now_ms.max(0) as u64;
        loop {
            let id = format!("s{}", radix36(n));
            if self.stories.iter().all(|s| s.id != id) {
                return id;
            }
            n += 1;
        }
    }

    pub fn round(&self, iv: &Interview) -> Option<&Round> {
        self.rounds.iter().find(|r| r.is_for(iv))
    }

    /// The interview's round, made when it has none yet.
    pub fn round_mut(&mut self, iv: &Interview) -> &mut Round {
        match self.rounds.iter().position(|r| r.is_for(iv)) {
            Some(i) => &mut self.rounds[i],
            None => {
                self.rounds.push(Round::for_interview(iv));
                self.rounds.last_mut().expect("just pushed")
            }
        }
    }

    /// Merges another device's kit in: per story and per interview, the record changed last wins
    /// (on a tie, this device's stays).
    pub fn merge(&mut self, theirs: &Kit) -> Merged {
        let mut out = Merged::default();
        for t in &theirs.stories {
            match self.stories.iter_mut().find(|s| s.id == t.id) {
                None => {
                    self.stories.push(t.clone());
                    out.stories_added += !t.deleted as usize;
                }
                Some(mine) if t.edited > mine.edited && mine != t => {
                    *mine = t.clone();
                    out.stories_updated += 1;
                }
                Some(_) => {}
            }
        }
        for t in &theirs.rounds {
            match self.rounds.iter_mut().find(|r| r.key() == t.key()) {
                None => {
                    self.rounds.push(t.clone());
                    out.rounds_updated += 1;
                }
                Some(mine) if t.edited > mine.edited && mine != t => {
                    *mine = t.clone();
                    out.rounds_updated += 1;
                }
                Some(_) => {}
            }
        }
        out
    }

    /// The date the active interview (or else the latest one) said they would decide by, with the
    /// interview: "They plan to decide by Fri 11 Dec".
    pub fn decision<'a>(&self, interviews: &'a [Interview], utc_offset_min: i32) -> Option<(&'a Interview, date::Date)> {
        let with = |iv: &'a Interview| self.round(iv).and_then(|r| r.decision(utc_offset_min)).map(|d| (iv, d));
        interviews.iter().find(|i| i.active).and_then(with).or_else(|| interviews.iter().rev().find_map(with))
    }

    /// The interview whose thank-you notes are due now, if any (the active one first).
    pub fn thanks_due<'a>(&self, interviews: &'a [Interview], now_ms: i64) -> Option<&'a Interview> {
        let due = |iv: &&'a Interview| {
            let round = self.round(iv).cloned().unwrap_or_else(|| Round::for_interview(iv));
            round.thanks_due(now_ms)
        };
        interviews.iter().filter(|i| i.active).find(due).or_else(|| interviews.iter().rev().find(due))
    }
}

fn radix36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A story as a card to rehearse: "Tell the story: <title>", its parts as the answer and as the
/// key points a rehearsed answer is checked against.
pub fn story_card(story: &Story) -> Card {
    let parts = [("Situation", &story.situation), ("Task", &story.task), ("What I did", &story.action), ("Result", &story.result)];
    let answer = parts
        .iter()
        .filter(|(_, t)| !t.trim().is_empty())
        .map(|(label, t)| format!("{label}: {}", t.trim()))
        .collect::<Vec<_>>()
        .join("\n");
    Card {
        id: format!("{STORY_CARD}{}", story.id),
        theme: Theme::Own,
        tags: vec!["star".into(), "my-story".into()],
        question: format!("Tell the story: {}", story.name()),
        answer,
        key_points: story.key_points(),
        ..Card::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(id: &str, title: &str, edited: i64) -> Story {
        Story { id: id.into(), title: title.into(), edited, ..Story::default() }
    }

    #[test]
    fn merging_keeps_the_newer_record_of_each_story_and_interview() {
        let iv = Interview { at_ms: 5_000, company: "Acme".into(), role: String::new(), active: true, themes: vec![] };
        let mut mine = Kit { stories: vec![story("a", "Mine", 10), story("b", "Old", 10), story("gone", "x", 10)], rounds: vec![] };
        mine.round_mut(&iv).went_well = "Mine".into();
        mine.round_mut(&iv).edited = 20;
        let changed = mine.delete_story("gone", 30);
        assert!(changed.is_empty());
        let mut theirs = Kit {
            stories: vec![story("a", "Theirs, older", 5), story("b", "Newer", 11), story("c", "New", 1), story("gone", "Still here", 25)],
            rounds: vec![],
        };
        theirs.round_mut(&iv).went_well = "Theirs".into();
        theirs.round_mut(&iv).edited = 40;
        let out = mine.merge(&theirs);
        assert_eq!(out, Merged { stories_added: 1, stories_updated: 1, rounds_updated: 1 });
        assert_eq!(
            out.sentence().unwrap(),
            "1 story from the other device will be added; 1 story and the notes of 1 interview will be updated."
        );
        assert_eq!(mine.live_stories().len(), 3);
        assert_eq!(mine.story("a").unwrap().title, "Mine");
        assert_eq!(mine.story("b").unwrap().title, "Newer");
        assert!(mine.story("gone").is_none(), "deleted later than their edit: stays deleted");
        assert_eq!(mine.round(&iv).unwrap().went_well, "Theirs");
        assert_eq!(mine.merge(&theirs.clone()), Merged::default(), "merging again changes nothing");
        assert_eq!(Merged::default().sentence(), None);
    }

    #[test]
    fn deleting_a_story_takes_it_off_the_plan_sheets() {
        let iv = Interview { at_ms: 5_000, company: String::new(), role: String::new(), active: true, themes: vec![] };
        let mut kit = Kit::default();
        let id = kit.new_story_id(1_796_000_000_000);
        kit.put_story(story(&id, "One", 1));
        assert_ne!(kit.new_story_id(1_796_000_000_000), id, "ids are never reused");
        kit.round_mut(&iv).stories = vec![id.clone()];
        assert_eq!(kit.delete_story(&id, 9), vec![kit.rounds[0].key()]);
        assert!(kit.rounds[0].stories.is_empty() && kit.rounds[0].edited == 9);
        assert_eq!(kit.stories[0], Story { id, edited: 9, deleted: true, ..Story::default() });
    }

    #[test]
    fn home_finds_the_decision_date_and_the_notes_due() {
        let day = 86_400_000;
        let a = Interview { at_ms: 1_796_724_000_000, company: "Acme".into(), role: String::new(), active: false, themes: vec![] };
        let b = Interview { at_ms: 1_796_724_000_000 + 9 * day, company: "Beta".into(), role: String::new(), active: true, themes: vec![] };
        let list = vec![a.clone(), b.clone()];
        let mut kit = Kit::default();
        assert_eq!(kit.decision(&list, 0), None);
        kit.round_mut(&a).questions =
            vec![Question { text: "When will you decide?".into(), answer: "By Friday".into(), asked: true, card: None }];
        let (iv, d) = kit.decision(&list, 0).unwrap();
        assert_eq!((iv.company.as_str(), d.label()), ("Acme", "Fri 11 Dec".to_string()), "the active one has none: the latest that has");
        assert_eq!(kit.thanks_due(&list, a.at_ms + day).map(|i| i.company.as_str()), Some("Acme"));
        assert_eq!(kit.thanks_due(&list, a.at_ms - 1), None);
        assert_eq!(kit.thanks_due(&list, b.at_ms + 1).map(|i| i.company.as_str()), Some("Beta"));
    }

    #[test]
    fn a_story_becomes_a_card_to_rehearse() {
        let s = Story {
            id: "s1".into(),
            title: "The month-end fix".into(),
            situation: "Close took 9 days.".into(),
            action: "I rebuilt the checks.".into(),
            result: "4 days.".into(),
            ..Story::default()
        };
        let c = story_card(&s);
        assert_eq!((c.id.as_str(), c.question.as_str()), ("story-s1", "Tell the story: The month-end fix"));
        assert_eq!(c.answer, "Situation: Close took 9 days.\nWhat I did: I rebuilt the checks.\nResult: 4 days.");
        assert_eq!(c.key_points.len(), 3);
    }
}
