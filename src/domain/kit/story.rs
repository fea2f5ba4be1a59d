//! My stories: the person's own achievements told in STAR form (situation, task, what I did,
//! result), each showing competencies — from a fixed list, plus the person's own words. The
//! coverage of the deck's story questions ("tell me about a time…", tagged `star`) by these
//! stories, its gaps in plain words, and the stories that match a card.

use crate::domain::card::Card;
use serde::{Deserialize, Serialize};

/// The competencies a second interview's story questions ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Competency {
    Leadership,
    Teamwork,
    Conflict,
    Mistake,
    Initiative,
    Analysis,
    Accuracy,
    Customer,
    Change,
    Pressure,
    Learning,
}

impl Competency {
    pub const ALL: [Competency; 11] = [
        Competency::Leadership,
        Competency::Teamwork,
        Competency::Conflict,
        Competency::Mistake,
        Competency::Initiative,
        Competency::Analysis,
        Competency::Accuracy,
        Competency::Customer,
        Competency::Change,
        Competency::Pressure,
        Competency::Learning,
    ];

    /// The key stored in a story's record.
    pub fn key(self) -> &'static str {
        match self {
            Competency::Leadership => "leadership",
            Competency::Teamwork => "teamwork",
            Competency::Conflict => "conflict",
            Competency::Mistake => "mistake",
            Competency::Initiative => "initiative",
            Competency::Analysis => "analysis",
            Competency::Accuracy => "accuracy",
            Competency::Customer => "customer",
            Competency::Change => "change",
            Competency::Pressure => "pressure",
            Competency::Learning => "learning",
        }
    }

    pub fn from_key(key: &str) -> Option<Competency> {
        Competency::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The name a person reads (a checkbox, a heading).
    pub fn label(self) -> &'static str {
        match self {
            Competency::Leadership => "Leadership",
            Competency::Teamwork => "Teamwork",
            Competency::Conflict => "Conflict",
            Competency::Mistake => "A mistake owned",
            Competency::Initiative => "Initiative",
            Competency::Analysis => "Analysis",
            Competency::Accuracy => "Accuracy",
            Competency::Customer => "Customer",
            Competency::Change => "Change",
            Competency::Pressure => "Pressure",
            Competency::Learning => "Learning fast",
        }
    }

    /// What a story showing it shows, as the end of "No story yet shows …".
    pub fn shows(self) -> &'static str {
        match self {
            Competency::Leadership => "you leading people",
            Competency::Teamwork => "you working as part of a team",
            Competency::Conflict => "you handling a conflict or disagreement",
            Competency::Mistake => "a mistake you owned",
            Competency::Initiative => "you taking the initiative",
            Competency::Analysis => "your analysis or judgement",
            Competency::Accuracy => "you getting the detail right",
            Competency::Customer => "you looking after a customer",
            Competency::Change => "you handling change",
            Competency::Pressure => "you working under pressure",
            Competency::Learning => "you learning something fast",
        }
    }

    /// The deck's tags that ask for it.
    fn tags(self) -> &'static [&'static str] {
        match self {
            Competency::Leadership => &["leadership", "influence", "coaching", "developing-others", "managing"],
            Competency::Teamwork => &["teamwork", "team", "collaboration", "diversity", "colleagues"],
            Competency::Conflict => &["conflict", "disagreement", "ethics"],
            Competency::Mistake => &["mistake", "failure", "reflection"],
            Competency::Initiative => &["initiative", "improvement", "efficiency", "savings", "achievement", "project"],
            Competency::Analysis => &["analysis", "data", "problem-solving", "judgement"],
            Competency::Accuracy => &["accuracy"],
            Competency::Customer => &["customer"],
            Competency::Change => &["change", "adaptability"],
            Competency::Pressure => &["pressure", "resilience"],
            Competency::Learning => &["learning", "learning-fast"],
        }
    }
}

/// One story of the person's (a record of its own in storage: `story/<id>`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Story {
    pub id: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub situation: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub task: String,
    /// What *I* did.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub action: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub result: String,
    /// Keys of the fixed competencies it shows (a key this version does not know is kept as it is).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub shows: Vec<String>,
    /// Competencies in the person's own words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub own: Vec<String>,
    /// When it was written or last changed (ms) — what decides between two devices' versions.
    pub edited: i64,
    /// Deleted (kept as a record so another device's backup does not bring it back).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub deleted: bool,
}

impl Story {
    /// The fixed competencies it shows.
    pub fn competencies(&self) -> Vec<Competency> {
        self.shows.iter().filter_map(|k| Competency::from_key(k)).collect()
    }

    pub fn shows_competency(&self, c: Competency) -> bool {
        self.shows.iter().any(|k| k == c.key())
    }

    /// Whether the result holds a number or a measurable word (the form nudges for one).
    pub fn has_measure(&self) -> bool {
        has_measure(&self.result)
    }

    /// The story's parts as key points a rehearsed answer is checked against: the situation,
    /// what I did and the result (with its number, when it has one), each in its first sentence.
    /// The words before the colon are what the rehearse matcher ignores or asks for (a number).
    pub fn key_points(&self) -> Vec<String> {
        let result = if self.has_measure() { "Give the result with its number" } else { "Give the result" };
        [("Say where you were", &self.situation), ("Say what you did", &self.action), (result, &self.result)]
            .into_iter()
            .filter(|(_, t)| !t.trim().is_empty())
            .map(|(label, t)| format!("{label}: {}", first_sentence(t)))
            .collect()
    }

    /// The title, or the start of the situation when there is none.
    pub fn name(&self) -> String {
        let t = self.title.trim();
        if !t.is_empty() {
            return t.to_string();
        }
        let s = first_sentence(&self.situation);
        if s.is_empty() {
            "Untitled story".to_string()
        } else {
            s
        }
    }
}

/// Whether a result names a number, a percentage or a measurable change.
pub fn has_measure(text: &str) -> bool {
    let lower = crate::domain::fold(text);
    lower.chars().any(|c| c.is_ascii_digit())
        || lower.split(|c: char| !c.is_ascii_alphabetic()).any(|w| {
            [
                "percent", "half", "halved", "double", "doubled", "tripled", "third", "quarter", "twice", "thousand", "million", "hundred",
                "dozen",
            ]
            .contains(&w)
                || ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "fifty"].contains(&w)
        })
}

fn first_sentence(text: &str) -> String {
    let t = text.trim();
    let end = t
        .char_indices()
        .find(|&(i, c)| matches!(c, '.' | '!' | '?' | '\n') && t[i + c.len_utf8()..].starts_with([' ', '\n']))
        .map_or(t.len(), |(i, _)| i);
    t[..end].trim().trim_end_matches('.').to_string()
}

/// The competencies a card asks for: a story question (tagged `star`) asks for those its tags
/// name; other cards ask for none.
pub fn asks_for(card: &Card) -> Vec<Competency> {
    if !card.tags.iter().any(|t| t == "star") || card.is_retired() {
        return Vec::new();
    }
    Competency::ALL.into_iter().filter(|c| c.tags().iter().any(|t| card.tags.iter().any(|k| k == t))).collect()
}

/// Whether a card is a story question.
pub fn is_story_card(card: &Card) -> bool {
    card.tags.iter().any(|t| t == "star") && !card.is_retired()
}

/// One competency's line of the coverage view.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    pub competency: Competency,
    /// The story cards that ask for it, by id.
    pub cards: Vec<String>,
    /// The stories that show it, by id.
    pub stories: Vec<String>,
}

impl Coverage {
    /// The gap in plain words, when cards ask for it and no story shows it: "No story yet shows a
    /// mistake you owned: 6 cards ask for one."
    pub fn gap(&self) -> Option<String> {
        (self.stories.is_empty() && !self.cards.is_empty()).then(|| {
            let n = self.cards.len();
            format!("No story yet shows {}: {n} {} for one.", self.competency.shows(), if n == 1 { "card asks" } else { "cards ask" })
        })
    }
}

/// Which competencies the story cards among `cards` ask for, and which of `stories` show each —
/// every competency of the fixed list, those with gaps first (most cards first), then the rest.
pub fn coverage(cards: &[Card], stories: &[Story]) -> Vec<Coverage> {
    let live: Vec<&Story> = stories.iter().filter(|s| !s.deleted).collect();
    let mut rows: Vec<Coverage> = Competency::ALL
        .into_iter()
        .map(|c| Coverage {
            competency: c,
            cards: cards.iter().filter(|card| asks_for(card).contains(&c)).map(|card| card.id.clone()).collect(),
            stories: live.iter().filter(|s| s.shows_competency(c)).map(|s| s.id.clone()).collect(),
        })
        .collect();
    // Gaps first, the most asked first; a stable sort keeps the list's order otherwise.
    crate::domain::sort_by_key(&mut rows, |r| {
        (!r.stories.is_empty() || r.cards.is_empty(), std::cmp::Reverse(if r.stories.is_empty() { r.cards.len() } else { 0 }))
    });
    rows
}

/// The person's own competencies (as typed, first spelling kept), each with its stories, in the
/// order first used.
pub fn own_competencies(stories: &[Story]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for s in stories.iter().filter(|s| !s.deleted) {
        for name in s.own.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
            let key = crate::domain::fold(name);
            match out.iter_mut().find(|(n, _)| crate::domain::fold(n) == key) {
                Some((_, ids)) if !ids.contains(&s.id) => ids.push(s.id.clone()),
                Some(_) => {}
                None => out.push((name.to_string(), vec![s.id.clone()])),
            }
        }
    }
    out
}

/// The stories that answer a story card: those showing a competency it asks for (or one of the
/// person's own competencies named by one of its tags), the most shared first.
pub fn matching<'a>(card: &Card, stories: &'a [Story]) -> Vec<&'a Story> {
    if !is_story_card(card) {
        return Vec::new();
    }
    let wanted = asks_for(card);
    let tags: Vec<String> = card.tags.iter().map(|t| crate::domain::fold(t)).collect();
    let mut scored: Vec<(usize, &Story)> = stories
        .iter()
        .filter(|s| !s.deleted)
        .map(|s| {
            let fixed = wanted.iter().filter(|c| s.shows_competency(**c)).count();
            let own = s.own.iter().filter(|o| tags.contains(&crate::domain::fold(o.trim()))).count();
            (fixed + own, s)
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    crate::domain::sort_by_key(&mut scored, |(n, _)| std::cmp::Reverse(*n));
    scored.into_iter().map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests;
