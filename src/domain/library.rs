//! The card browser's search: text over question, answer and coaching, theme, tag and state
//! filters, and the order (deck order, or soonest due first). Cards retired from the deck are
//! listed only when the person studied or edited them.

use super::card::{Phase, Theme};
use super::clock::Clock;
use super::collection::Collection;
use super::sort_by_key;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CardState {
    #[default]
    Any,
    New,
    Learning,
    /// Due today (learning or review), with the reviews brought forward for the interview (as a
    /// session counts them).
    Due,
    Suspended,
}

impl CardState {
    pub const ALL: [CardState; 5] = [CardState::Any, CardState::New, CardState::Learning, CardState::Due, CardState::Suspended];

    pub fn key(self) -> &'static str {
        match self {
            CardState::Any => "any",
            CardState::New => "new",
            CardState::Learning => "learning",
            CardState::Due => "due",
            CardState::Suspended => "suspended",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            CardState::Any => "Any state",
            CardState::New => "New",
            CardState::Learning => "Learning",
            CardState::Due => "Due today",
            CardState::Suspended => "Suspended",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filter {
    /// Words that must all appear in the question, the answer or the coaching (why, avoid,
    /// probes), in any case of ASCII letters.
    pub query: String,
    pub theme: Option<Theme>,
    /// Empty: any tag.
    pub tag: String,
    pub state: CardState,
    pub sort_by_due: bool,
    /// Retired cards the person edited: listed, as retired cards with progress are.
    pub edited_retired: Vec<String>,
}

/// The positions (in `col.cards`) of the cards the filter lets through, in the chosen order.
pub fn find(col: &Collection, clock: Clock, f: &Filter) -> Vec<usize> {
    let words: Vec<String> = f.query.split_whitespace().map(super::fold).collect();
    let today = clock.today();
    let forward = if f.state == CardState::Due { super::session::brought_forward(col, clock) } else { Vec::new() };
    let mut found: Vec<usize> = col
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            let p = col.progress_of(&c.id);
            let state = match f.state {
                CardState::Any => true,
                CardState::New => p.is_new() && !col.is_suspended(&c.id),
                CardState::Learning => p.in_learning(),
                CardState::Due => {
                    col.in_sessions(&c.id) && !p.is_new() && (clock.day_of(p.due_ms) <= today || forward.contains(&c.id.as_str()))
                }
                CardState::Suspended => col.is_suspended(&c.id),
            };
            let listed = !c.is_retired() || col.progress.contains_key(&c.id) || f.edited_retired.contains(&c.id);
            listed
                && state
                && f.theme.is_none_or(|t| c.theme == t)
                && (f.tag.is_empty() || c.tags.contains(&f.tag))
                && (words.is_empty() || {
                    let text = super::fold(&format!("{}\n{}\n{}\n{}\n{}", c.question, c.answer, c.why, c.avoid, c.probes.join("\n")));
                    words.iter().all(|w| text.contains(w.as_str()))
                })
        })
        .map(|(i, _)| i)
        .collect();
    if f.sort_by_due {
        // New cards (never due) last, in deck order.
        sort_by_key(&mut found, |&i| {
            let p = col.progress_of(&col.cards[i].id);
            (p.phase == Phase::New, p.due_ms, i)
        });
    }
    found
}

/// Every tag in use, sorted.
pub fn tags(col: &Collection) -> Vec<String> {
    let mut all: Vec<String> = Vec::new();
    for c in &col.cards {
        for t in &c.tags {
            if let Err(at) = all.binary_search(t) {
                all.insert(at, t.clone());
            }
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::card::Rating;
    use crate::domain::collection::Settings;
    use crate::domain::deck;
    use std::collections::HashMap;

    fn col() -> Collection {
        Collection::new(deck::built_in(), HashMap::new(), vec![], Settings::default())
    }

    #[test]
    fn search_and_filters_narrow_the_list() {
        let mut c = col();
        let clock = Clock::new(1_795_600_000_000, 0);
        let n = c.cards.iter().filter(|x| !x.is_retired()).count();
        assert_eq!(find(&c, clock, &Filter::default()).len(), n, "retired cards nobody studied are not listed");
        let f = Filter { query: "RELEVANT role".into(), ..Filter::default() };
        let hits = find(&c, clock, &f);
        assert!(
            !hits.is_empty()
                && hits.iter().all(|&i| {
                    let x = &c.cards[i];
                    let t = format!("{} {} {} {} {}", x.question, x.answer, x.why, x.avoid, x.probes.join(" ")).to_lowercase();
                    t.contains("relevant") && t.contains("role")
                })
        );
        let follow_up = c.cards.iter().filter(|x| x.theme == Theme::FollowUp && !x.is_retired()).count();
        assert!(follow_up >= 10);
        assert_eq!(find(&c, clock, &Filter { theme: Some(Theme::FollowUp), ..Filter::default() }).len(), follow_up);
        assert!(find(&c, clock, &Filter { tag: "star".into(), ..Filter::default() })
            .iter()
            .all(|&i| c.cards[i].tags.contains(&"star".to_string())));
        let id = c.cards[5].id.clone();
        c.grade(&id, Rating::Again, clock, 1000).unwrap();
        c.set_suspended(&c.cards[6].id.clone(), true);
        assert_eq!(find(&c, clock, &Filter { state: CardState::Learning, ..Filter::default() }), vec![5]);
        assert_eq!(find(&c, clock.later(3_600_000), &Filter { state: CardState::Due, ..Filter::default() }), vec![5]);
        assert_eq!(find(&c, clock, &Filter { state: CardState::Suspended, ..Filter::default() }), vec![6]);
        assert_eq!(find(&c, clock, &Filter { state: CardState::New, ..Filter::default() }).len(), n - 2);
        assert_eq!(find(&c, clock, &Filter { sort_by_due: true, ..Filter::default() })[0], 5, "soonest due first, new cards last");
        assert!(tags(&c).windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn the_coaching_is_searched_and_retired_cards_are_listed_only_when_touched() {
        let mut c = col();
        let clock = Clock::new(1_795_600_000_000, 0);
        let i = c.cards.iter().position(|x| !x.probes.is_empty()).unwrap();
        let probe: String = c.cards[i].probes[0].split_whitespace().take(6).collect::<Vec<_>>().join(" ");
        assert!(find(&c, clock, &Filter { query: probe.to_uppercase(), ..Filter::default() }).contains(&i), "{probe}");
        let why: String = c.cards[i].why.split_whitespace().take(5).collect::<Vec<_>>().join(" ");
        assert!(find(&c, clock, &Filter { query: why, ..Filter::default() }).contains(&i));
        // Three retired cards: untouched, studied, edited.
        let n = c.cards.iter().filter(|x| !x.is_retired()).count();
        for k in 0..3 {
            let mut card = c.cards[k].clone();
            card.retired = Some("merged".into());
            c.put_card(card);
        }
        c.grade(&c.cards[1].id.clone(), Rating::Good, clock, 1000).unwrap();
        let f = Filter { edited_retired: vec![c.cards[2].id.clone()], ..Filter::default() };
        let all = find(&c, clock, &f);
        assert_eq!(all.len(), n - 1);
        assert!(!all.contains(&0) && all.contains(&1) && all.contains(&2));
    }
}
