//! The migration of what schemas 1 and 2 wrote, step by step (see the module's notes above).

use super::*;

/// One step of the migration: a value to write, or a key to remove.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Set(Key, String),
    Remove(Key),
}

/// The steps that bring what `decode` read to version 4 (from 3: the version number only), in the order they must run; stop at the
/// first one storage refuses (the rest is done at a later start). Empty when there is nothing to
/// do (version 4 already, a first visit, or data of a newer version).
pub fn migration<'a>(l: &'a Loaded) -> Vec<Step> {
    if l.newer || (l.version == Some(VERSION) && l.old_chunks.is_empty() && l.old_values.is_empty()) {
        return Vec::new();
    }
    let mut steps = vec![Step::Set(Key::Meta, meta_value())];
    for key in &l.old_values {
        match key {
            Key::Settings => steps.push(Step::Set(Key::Settings, settings_value(&l.settings))),
            Key::Interviews => steps.push(Step::Set(Key::Interviews, interviews_value(&l.interviews))),
            Key::Suspended if l.suspended.is_empty() => steps.push(Step::Remove(Key::Suspended)),
            Key::Suspended => steps.push(Step::Set(Key::Suspended, suspended_value(&l.suspended))),
            _ => {}
        }
    }
    let mut by_card: HashMap<&str, Vec<Review>> = HashMap::new();
    for e in &l.log {
        by_card.entry(e.card_id.as_str()).or_default().push(Review::of(e));
    }
    // Each card is written once, with every review of it from every chunk.
    let mut done: Vec<&str> = Vec::new();
    let mut rewrite = |id: &'a str, steps: &mut Vec<Step>| {
        if let Err(at) = done.binary_search(&id) {
            done.insert(at, id);
            let reviews = by_card.get(id).map_or(&[][..], Vec::as_slice);
            steps.extend(card_records(id, l.progress.get(id), reviews).into_iter().map(|(k, v)| Step::Set(k, v)));
        }
    };
    for (n, ids) in &l.old_chunks {
        for id in ids {
            rewrite(id, &mut steps);
        }
        steps.push(Step::Remove(Key::LogChunk(*n)));
    }
    for key in &l.old_values {
        if let Key::Card(id) = key {
            rewrite(id, &mut steps);
        }
    }
    steps
}
