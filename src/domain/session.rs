//! Today's queue: which card comes next and how many are left, derived from the collection and the
//! clock alone, so a reload resumes exactly where the session stood.
//!
//! Order: learning cards that are due, then due reviews (oldest due first, within the daily review
//! limit), then new cards in deck order (within the daily new-card limit). When nothing else is left,
//! a learning card due within the learn-ahead window comes early, as in Anki.

use super::card::{Card, Phase, Theme};
use super::clock::{Clock, DAY_MS, MINUTE_MS};
use super::collection::Collection;
use super::interview;
use super::readiness::recall_at;

/// Learning cards due within this window are shown early when nothing else is left.
pub const LEARN_AHEAD_MS: i64 = 20 * MINUTE_MS;
/// In the last days before the active interview, review cards whose predicted recall on the date
/// is below the readiness target come forward (after the due reviews, weakest first).
pub const ADVANCE_WINDOW_MS: i64 = 7 * DAY_MS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueueKind {
    Learning,
    Review,
    New,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Queue {
    /// New cards still to introduce today.
    pub new: usize,
    /// Learning and relearning cards due before the day ends.
    pub learning: usize,
    /// Review cards due today, within the review limit.
    pub review: usize,
    /// Grades given today.
    pub done_today: usize,
    /// Cards answered today (each once, however many times it was graded).
    pub seen_today: usize,
    /// Of `learning`, the cards answered today that come back later today (a learning step:
    /// graded Again or Hard, or Good while still learning).
    pub coming_back: usize,
    /// The card to show now, if any.
    pub next: Option<(String, QueueKind)>,
    /// Of `review`, the cards brought forward for the interview (not due yet, but likely to be
    /// forgotten by the day).
    pub advanced: usize,
}

impl Queue {
    pub fn left(&self) -> usize {
        self.new + self.learning + self.review
    }

    /// Cards still to answer for the first time today: those left, less those coming back.
    pub fn to_go(&self) -> usize {
        self.left() - self.coming_back
    }

    /// Cards due today: reviews (those brought forward included) and learning cards.
    pub fn due(&self) -> usize {
        self.review + self.learning
    }
}

/// What today's log has used of the daily limits.
fn used_today(col: &Collection, clock: Clock) -> (usize, usize, usize) {
    let start = clock.day_start_ms(clock.today());
    let (mut new, mut reviews, mut all) = (0, 0, 0);
    for e in col.log.iter().rev().take_while(|e| e.at_ms >= start) {
        all += 1;
        match e.phase_before {
            Phase::New => new += 1,
            Phase::Review => reviews += 1,
            _ => {}
        }
    }
    (new, reviews, all)
}

/// A focused session (like Anki's filtered decks): only cards of the chosen themes and tags, and
/// optionally review cards before they are due. Grades given in it are ordinary FSRS reviews, with
/// the real time since the last one, so the main schedule stays correct.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Focus {
    /// Empty: every theme.
    pub themes: Vec<Theme>,
    /// Empty: any tags; otherwise a card needs one of them.
    pub tags: Vec<String>,
    /// Also bring review cards that are not due yet (soonest due first) once the due ones are done.
    pub ahead: bool,
    /// With `ahead`, cards reviewed earlier today come too (otherwise they wait for another day),
    /// but not those answered since `since_ms` (the moment this focus began): each comes once.
    pub seen_today: bool,
    pub since_ms: i64,
    /// New cards beyond today's limit ("Learn 5 more new cards" once all is done).
    pub extra_new: usize,
    /// Empty: any card; otherwise only these (the weakest answers before an interview).
    pub ids: Vec<String>,
}

impl Focus {
    pub fn is_all(&self) -> bool {
        self.themes.is_empty() && self.tags.is_empty() && !self.ahead && self.extra_new == 0 && self.ids.is_empty()
    }

    pub fn matches(&self, card: &Card) -> bool {
        (self.themes.is_empty() || self.themes.contains(&card.theme))
            && (self.tags.is_empty() || card.tags.iter().any(|t| self.tags.contains(t)))
            && (self.ids.is_empty() || self.ids.contains(&card.id))
    }
}

pub fn build(col: &Collection, clock: Clock) -> Queue {
    build_for(col, clock, &Focus::default())
}

/// Today's queue, within a focus. Suspended and retired cards are never in it.
pub fn build_for(col: &Collection, clock: Clock, focus: &Focus) -> Queue {
    let (new_used, reviews_used, done_today) = used_today(col, clock);
    // Each card answered today carries today's review as its last (an undo takes it back).
    let seen_today = col.progress.values().filter(|p| p.last_review_ms.is_some_and(|l| clock.day_of(l) == clock.today())).count();
    let in_scope = |id: &str| col.card(id).is_some_and(|c| focus.matches(c)) && col.in_sessions(id);
    let mut ahead: Option<(i64, &str)> = None;
    let today = clock.today();
    let end_of_today = clock.end_of_today_ms();
    let now = clock.now_ms;

    let mut learning_now: Option<(i64, &str)> = None;
    let mut learning_ahead: Option<(i64, &str)> = None;
    let mut learning = 0;
    let mut coming_back = 0;
    let mut reviews: Vec<(i64, &str)> = Vec::new();
    for (id, p) in &col.progress {
        if !in_scope(id) {
            continue;
        }
        match p.phase {
            Phase::Review
                if focus.ahead
                    && clock.day_of(p.due_ms) > today
                    && p.last_review_ms.is_none_or(|l| if focus.seen_today { l < focus.since_ms } else { clock.day_of(l) < today })
                    && ahead.is_none_or(|(due, best)| (p.due_ms, id.as_str()) < (due, best)) =>
            {
                ahead = Some((p.due_ms, id.as_str()));
            }
            Phase::Learning | Phase::Relearning if p.due_ms < end_of_today => {
                learning += 1;
                coming_back += p.last_review_ms.is_some_and(|l| clock.day_of(l) == today) as usize;
                let slot = if p.due_ms <= now { &mut learning_now } else { &mut learning_ahead };
                if slot.is_none_or(|(due, best)| (p.due_ms, id.as_str()) < (due, best)) {
                    *slot = Some((p.due_ms, id.as_str()));
                }
            }
            Phase::Review if clock.day_of(p.due_ms) <= today => reviews.push((p.due_ms, id.as_str())),
            _ => {}
        }
    }
    // Advance reviews before the interview: real FSRS reviews, with their real elapsed time. They
    // come after the due reviews, the card least likely to be recalled on the day first.
    let weak = brought_forward_in(col, clock, &in_scope);
    let weakest = weak.iter().copied().min_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let weak = weak.len();
    let review_room = (col.settings.max_reviews_per_day as usize).saturating_sub(reviews_used);
    let review = (reviews.len() + weak).min(review_room);
    let new_room = (col.settings.new_per_day as usize + focus.extra_new).saturating_sub(new_used);
    let unseen = || col.cards.iter().filter(|c| !col.progress.contains_key(&c.id) && focus.matches(c) && col.in_sessions(&c.id));
    let new = if new_room > 0 { unseen().count().min(new_room) } else { 0 };
    let first_new = if new > 0 { unseen().next() } else { None };

    let next = if let Some((_, id)) = learning_now {
        Some((id.to_string(), QueueKind::Learning))
    } else if review > 0 {
        reviews.iter().min().map(|(_, id)| *id).or(weakest.map(|(_, id)| id)).map(|id| (id.to_string(), QueueKind::Review))
    } else if let Some(card) = first_new {
        Some((card.id.clone(), QueueKind::New))
    } else if let Some((_, id)) = learning_ahead.filter(|(due, _)| *due <= now + LEARN_AHEAD_MS) {
        Some((id.to_string(), QueueKind::Learning))
    } else {
        ahead.filter(|_| review_room > 0).map(|(_, id)| (id.to_string(), QueueKind::Review))
    };
    let advanced = review.saturating_sub(reviews.len());
    Queue { new, learning, review, done_today, seen_today, coming_back, next, advanced }
}

/// The review cards brought forward for the active interview today, each with its predicted
/// recall on the day: not due yet, not answered today, of the interview's themes, and below the
/// readiness target on the day. Only in the last `ADVANCE_WINDOW_MS` before the interview.
fn brought_forward_in<'a>(col: &'a Collection, clock: Clock, in_scope: &dyn Fn(&str) -> bool) -> Vec<(f64, &'a str)> {
    let (now, today) = (clock.now_ms, clock.today());
    let Some(iv) = interview::upcoming(&col.interviews, now).filter(|i| i.at_ms - now <= ADVANCE_WINDOW_MS) else {
        return Vec::new();
    };
    let target = col.settings.readiness_target as f64;
    let mut weak = Vec::new();
    for (id, p) in &col.progress {
        let studied_today = p.last_review_ms.is_some_and(|l| clock.day_of(l) == today);
        let covered = col.card(id).is_some_and(|c| iv.covers(c.theme)) && in_scope(id);
        if p.phase != Phase::Review || clock.day_of(p.due_ms) <= today || studied_today || !covered {
            continue;
        }
        let r = recall_at(p, iv.at_ms);
        if r < target {
            weak.push((r, id.as_str()));
        }
    }
    weak
}

/// The ids of the cards a session brings forward today for the interview (see `build_for`): due
/// today in the card browser too, labelled as brought forward.
pub fn brought_forward(col: &Collection, clock: Clock) -> Vec<&str> {
    brought_forward_in(col, clock, &|id| col.in_sessions(id)).into_iter().map(|(_, id)| id).collect()
}

/// What the "All caught up" screen tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlook {
    /// When the next review becomes due (a learning card's exact time, or the start of a review's day).
    pub next_due_ms: Option<i64>,
    /// Cards the next study day will hold: due reviews and learning cards, plus its new cards.
    pub tomorrow_reviews: usize,
    pub tomorrow_new: usize,
}

impl Outlook {
    /// "New cards tomorrow. Your next review: Thu 3 Dec." — a review's day by its date (never the
    /// hour the study day rolls over), a learning card by its time ("in 10 minutes", "today at 13:00").
    pub fn words(&self, clock: Clock) -> String {
        let review = self.next_due_ms.map(|ms| {
            let day = clock.day_of(ms);
            let when = if ms != clock.day_start_ms(day) {
                super::clock::describe_moment(ms, clock)
            } else if day == clock.today() + 1 {
                "tomorrow".into()
            } else {
                super::kit::date::Date::of_ms(ms, clock.utc_offset_min).label()
            };
            format!("Your next review: {when}.")
        });
        match (self.tomorrow_new > 0, review) {
            (true, Some(r)) => format!("New cards tomorrow. {r}"),
            (true, None) => "New cards tomorrow.".into(),
            (false, Some(r)) => r,
            (false, None) => "No cards are scheduled.".into(),
        }
    }
}

pub fn outlook(col: &Collection, clock: Clock) -> Outlook {
    let tomorrow = clock.today() + 1;
    let mut next_due_ms: Option<i64> = None;
    let mut tomorrow_reviews = 0;
    for (id, p) in &col.progress {
        if !col.in_sessions(id) {
            continue;
        }
        // A review card becomes available when its study day starts; a learning card at its exact time.
        let due = match p.phase {
            Phase::Review => clock.day_start_ms(clock.day_of(p.due_ms)),
            _ => p.due_ms,
        };
        if due > clock.now_ms && next_due_ms.is_none_or(|n| due < n) {
            next_due_ms = Some(due);
        }
        if p.phase != Phase::New && clock.day_of(p.due_ms) <= tomorrow {
            tomorrow_reviews += 1;
        }
    }
    let unseen = col.cards.iter().filter(|c| !col.progress.contains_key(&c.id) && col.in_sessions(&c.id)).count();
    Outlook {
        next_due_ms,
        tomorrow_reviews: tomorrow_reviews.min(col.settings.max_reviews_per_day as usize),
        tomorrow_new: unseen.min(col.settings.new_per_day as usize),
    }
}

#[cfg(test)]
mod tests;
