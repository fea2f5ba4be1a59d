//! What the app tells the person in its banner: storage trouble, unreadable records, things done.

use crate::store::schema;

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    StorageUnavailable,
    NewerVersion,
    WriteFailed(String),
    Unreadable(Vec<String>),
    /// Something finished (an import, a deletion): said once, dismissable.
    Done(String),
}

impl Notice {
    pub fn text(&self) -> String {
        match self {
            Notice::StorageUnavailable => "This browser is not letting Second Round save (local storage is unavailable). You can keep drilling, but progress will be lost when this tab closes.".into(),
            Notice::NewerVersion => "Your progress was saved by a newer version of Second Round. It is shown here but nothing new is saved, so it cannot be overwritten. Reload to get the newer version.".into(),
            Notice::WriteFailed(why) => format!("Your last review could not be saved: {why}. Nothing saved before is lost, and drilling goes on in memory; what could not be saved is stored as soon as there is room (the app tries again every 15 seconds). Until then, a backup keeps it safe."),
            Notice::Done(text) => text.clone(),
            Notice::Unreadable(keys) => format!(
                "{} saved item{} could not be read and {} been kept aside untouched ({}); everything else was loaded.",
                keys.len(),
                if keys.len() == 1 { "" } else { "s" },
                if keys.len() == 1 { "has" } else { "have" },
                describe_unreadable(keys)
            ),
        }
    }
}

/// What the unreadable keys held, in words.
fn describe_unreadable(keys: &[String]) -> String {
    let count = |f: fn(&schema::Key) -> bool| keys.iter().filter(|k| schema::Key::parse(k).is_some_and(|k| f(&k))).count();
    let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_string() } else { format!("{n} {many}") };
    let mut parts = Vec::new();
    let cards = count(|k| matches!(k, schema::Key::Card(_)));
    if cards > 0 {
        parts.push(format!(
            "the schedule of {}, which start{} again as new",
            plural(cards, "1 card", "cards"),
            if cards == 1 { "s" } else { "" }
        ));
    }
    let chunks = count(|k| matches!(k, schema::Key::LogChunk(_) | schema::Key::Older(..)));
    if chunks > 0 {
        parts.push(format!("part of your review history ({})", plural(chunks, "1 block", "blocks")));
    }
    let own = count(|k| matches!(k, schema::Key::Own(_)));
    if own > 0 {
        parts.push(format!("the text of {} you wrote or edited", plural(own, "1 card", "cards")));
    }
    if count(|k| matches!(k, schema::Key::Settings)) > 0 {
        parts.push("your settings, so the defaults are used".into());
    }
    if count(|k| matches!(k, schema::Key::Interviews)) > 0 {
        parts.push("your interview dates".into());
    }
    let stories = count(|k| matches!(k, schema::Key::Story(_)));
    if stories > 0 {
        parts.push(plural(stories, "1 of your stories", "of your stories"));
    }
    let rounds = count(|k| matches!(k, schema::Key::Round(_)));
    if rounds > 0 {
        parts.push(format!("your notes for {}", plural(rounds, "1 interview", "interviews")));
    }
    if count(|k| matches!(k, schema::Key::Meta)) > 0 {
        parts.push("the storage version".into());
    }
    parts.join("; ")
}
