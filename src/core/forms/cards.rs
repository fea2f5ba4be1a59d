//! The focused-session form of the card browser.

use super::Draft;
use crate::domain::library::Filter;
use crate::domain::session::Focus;
use crate::domain::Theme;

fn themes() -> impl Iterator<Item = Theme> {
    Theme::WITH_OWN.into_iter()
}

/// The focused session's form: the theme chosen in the filter is ticked (and follows the filter).
pub fn draft(filter: &Filter) -> Draft {
    let mut d = Draft::default();
    for t in themes() {
        d.tick(&format!("fs-{}", t.key()), filter.theme == Some(t));
    }
    d
}

/// The focused session the form asks for.
pub fn read(form: &Draft, filter: &Filter) -> Focus {
    let themes = themes().filter(|t| form.on(&format!("fs-{}", t.key()))).collect();
    Focus {
        themes,
        tags: (!filter.tag.is_empty()).then(|| filter.tag.clone()).into_iter().collect(),
        ahead: form.on("f-ahead"),
        ..Focus::default()
    }
}
