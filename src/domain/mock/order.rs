//! The running order of a mock interview, the way a second round runs: an opening (what changed
//! since round one), two or three stories, your attributes, a curve-ball or an improper question,
//! money or logistics, "What questions do you have for us?", then the close. Within each part the
//! cards that are due, or weak for the interview date, come first; no card is asked twice.

use super::{mix, Rng};
use crate::domain::card::{Card, Phase, Theme};
use crate::domain::clock::Clock;
use crate::domain::collection::Collection;
use crate::domain::deck::is_story;
use crate::domain::insights::Kind;
use crate::domain::interview::Interview;
use crate::domain::readiness::recall_at;

/// The parts of a second interview, in the order they come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    Opening,
    Stories,
    Attributes,
    CurveBall,
    Money,
    YourQuestions,
    Close,
}

impl Segment {
    pub const ALL: [Segment; 7] = [
        Segment::Opening,
        Segment::Stories,
        Segment::Attributes,
        Segment::CurveBall,
        Segment::Money,
        Segment::YourQuestions,
        Segment::Close,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Segment::Opening => "Opening",
            Segment::Stories => "Your stories",
            Segment::Attributes => "Your attributes",
            Segment::CurveBall => "A curve-ball",
            Segment::Money => "Money and logistics",
            Segment::YourQuestions => "Your questions for them",
            Segment::Close => "The close",
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Segment::Opening => "opening",
            Segment::Stories => "stories",
            Segment::Attributes => "attributes",
            Segment::CurveBall => "curve-ball",
            Segment::Money => "money",
            Segment::YourQuestions => "questions",
            Segment::Close => "close",
        }
    }

    pub fn from_key(key: &str) -> Option<Segment> {
        Segment::ALL.into_iter().find(|s| s.key() == key)
    }

    /// What the interviewer says before the first question of this part, if anything.
    pub fn lead_in(self) -> Option<&'static str> {
        match self {
            Segment::YourQuestions => Some("That's all from us. What questions do you have for us?"),
            _ => None,
        }
    }

    /// Whether a card belongs to this part. Follow-up cards (after the interview) are never asked.
    pub fn takes(self, card: &Card) -> bool {
        let tag = |t: &str| card.tags.iter().any(|x| x == t);
        let any = |ts: &[&str]| ts.iter().any(|t| tag(t));
        let theme = card.theme;
        match self {
            Segment::Opening => {
                matches!(theme, Theme::Plan | Theme::Interviewers)
                    && tag("about-you")
                    && any(&["opening", "untrained", "cv", "motivation"])
                    && !tag("closing")
            }
            Segment::Stories => is_story(card) && theme != Theme::FollowUp,
            Segment::Attributes => {
                matches!(theme, Theme::Attributes | Theme::SellYourself | Theme::CulturalFit)
                    && tag("about-you")
                    && !is_story(card)
                    && !tag("accept")
            }
            Segment::CurveBall => {
                (theme == Theme::Tricky && !is_story(card))
                    || (theme == Theme::Interviewers && any(&["curveball", "hostile", "small-talk", "future"]))
            }
            Segment::Money => theme == Theme::Offer && !any(&["in-writing", "verbal-offer"]),
            Segment::YourQuestions => theme == Theme::YourQuestions,
            Segment::Close => (theme == Theme::Plan && any(&["closing", "summary"])) || (theme == Theme::CulturalFit && tag("accept")),
        }
    }

    /// Parts every interview has, whatever themes it prepares: they are how it opens and ends.
    fn always(self) -> bool {
        matches!(self, Segment::Opening | Segment::YourQuestions | Segment::Close)
    }
}

/// How long the mock runs: about 10, 20 or 30 minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Length {
    Ten,
    Twenty,
    Thirty,
}

impl Length {
    pub const ALL: [Length; 3] = [Length::Ten, Length::Twenty, Length::Thirty];

    pub fn minutes(self) -> u32 {
        match self {
            Length::Ten => 10,
            Length::Twenty => 20,
            Length::Thirty => 30,
        }
    }

    pub fn from_minutes(m: u32) -> Option<Length> {
        Length::ALL.into_iter().find(|l| l.minutes() == m)
    }

    /// Questions per part, in running order.
    pub fn plan(self) -> [(Segment, usize); 7] {
        let n = match self {
            Length::Ten => [1, 2, 1, 1, 1, 1, 1],
            Length::Twenty => [2, 3, 3, 2, 2, 2, 1],
            Length::Thirty => [2, 3, 6, 3, 3, 3, 1],
        };
        let mut out = [(Segment::Opening, 0); 7];
        for (i, s) in Segment::ALL.into_iter().enumerate() {
            out[i] = (s, n[i]);
        }
        out
    }
}

/// Seconds a question is expected to take: hearing it, the answer at the middle of its kind's
/// guidance, and the follow-up's share (a follow-up answer is about 40 seconds).
pub fn expected_seconds(card: &Card, follow_up_percent: u32) -> u32 {
    let r = Kind::of(card).ideal_seconds();
    let answer = (*r.start() + *r.end()) as u32 / 2;
    let follow = if card.probes.is_empty() { 0 } else { 40 * follow_up_percent.min(100) / 100 };
    10 + answer + follow
}

/// One question of the running order.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub card_id: String,
    pub segment: Segment,
    /// The probe (index into the card's `probes`) asked after the answer, chosen when the order
    /// is built.
    pub probe: Option<usize>,
}

/// How a card stands for the interview: due now, weak on the day, never studied, or strong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    Due,
    Weak,
    New,
    Strong,
}

/// Due: a studied card due today (learning by now). Weak: predicted recall at `target_ms` below
/// the readiness target. New: never studied (nothing to recall yet).
pub fn standing(col: &Collection, id: &str, clock: Clock, target_ms: i64) -> (Standing, f64) {
    let p = col.progress_of(id);
    if p.phase == Phase::New {
        return (Standing::New, 0.0);
    }
    let due = match p.phase {
        Phase::Review => clock.day_of(p.due_ms) <= clock.today(),
        _ => p.due_ms <= clock.now_ms,
    };
    let r = recall_at(&p, target_ms);
    if due {
        (Standing::Due, r)
    } else if r < col.settings.readiness_target as f64 {
        (Standing::Weak, r)
    } else {
        (Standing::Strong, r)
    }
}

/// The running order for a mock of `length`, preparing for `interview` (its themes, and its date
/// for what is weak; now when none), varied by `seed`. Follow-ups are chosen with
/// `follow_up_percent` (see `choose_probe`).
pub fn build(
    col: &Collection,
    clock: Clock,
    interview: Option<&Interview>,
    length: Length,
    seed: u64,
    follow_up_percent: u32,
) -> Vec<Step> {
    let target_ms = interview.map_or(clock.now_ms, |i| i.at_ms.max(clock.now_ms));
    let covers = |c: &Card| interview.is_none_or(|i| i.covers(c.theme));
    let mut used: Vec<&str> = Vec::new();
    let mut steps = Vec::new();
    for (segment, wanted) in length.plan() {
        let mut pool: Vec<(Standing, i64, &Card)> = col
            .cards
            .iter()
            .filter(|c| col.in_sessions(&c.id) && segment.takes(c) && (segment.always() || covers(c)) && !used.contains(&c.id.as_str()))
            .map(|c| {
                let (s, r) = standing(col, &c.id, clock, target_ms);
                // Due cards by when they fell due, weak ones weakest first, the rest varied by the seed.
                let p = col.progress_of(&c.id);
                let within = match s {
                    Standing::Due => p.due_ms,
                    Standing::Weak => (r * 1e9) as i64,
                    _ => (mix(seed, &c.id) >> 2) as i64,
                };
                (s, within, c)
            })
            .collect();
        crate::domain::sort_by_key(&mut pool, |(s, within, c)| (*s, opening_first(segment, c), *within));
        for (_, _, card) in pool.into_iter().take(wanted) {
            used.push(&card.id);
            steps.push(Step { card_id: card.id.clone(), segment, probe: None });
        }
    }
    let mut rng = Rng(seed);
    for step in steps.iter_mut() {
        let probes = col.card(&step.card_id).map_or(0, |c| c.probes.len());
        step.probe = choose_probe(&mut rng, probes, follow_up_percent);
    }
    steps
}

/// In the opening, "what changed since round one" cards (tagged `opening`) come before the rest of
/// their standing.
fn opening_first(segment: Segment, card: &Card) -> u8 {
    u8::from(segment == Segment::Opening && !card.tags.iter().any(|t| t == "opening"))
}

/// Whether a follow-up is asked (with `percent` chance) and which of the card's `probes`: one
/// draw for the chance and one for the probe, always both, so each question's choice depends on
/// the seed and its place alone.
pub fn choose_probe(rng: &mut Rng, probes: usize, percent: u32) -> Option<usize> {
    let roll = rng.below(100) as u32;
    let which = rng.below(probes.max(1) as u64) as usize;
    (probes > 0 && roll < percent.min(100)).then_some(which)
}

/// The running order's expected length, in seconds.
pub fn expected_total(col: &Collection, steps: &[Step], follow_up_percent: u32) -> u32 {
    steps.iter().filter_map(|s| col.card(&s.card_id)).map(|c| expected_seconds(c, follow_up_percent)).sum()
}

#[cfg(test)]
mod tests;
