//! The card editor's form: a card's text, and the card it makes.

use super::Draft;
use crate::domain::transfer::{own_id, MAX_FIELD_CHARS};
use crate::domain::{Card, Theme};

/// The form's starting values: the card's text (a new card: empty, theme "Your own").
pub fn draft(card: Option<&Card>) -> Draft {
    let d = Draft::default();
    match card {
        None => d.with("e-theme", Theme::Own.key()),
        Some(c) => d
            .with("e-q", c.question.clone())
            .with("e-a", c.answer.clone())
            .with("e-k", c.key_points.join("\n"))
            .with("e-theme", c.theme.key())
            .with("e-tags", c.tags.join(", "))
            .with("e-why", c.why.clone())
            .with("e-avoid", c.avoid.clone())
            .with("e-probes", c.probes.join("\n")),
    }
}

/// Reads the form into a card (`card`: the one edited, none for a new one), or says what is missing.
pub fn read(form: &Draft, card: Option<&Card>) -> Result<Card, Vec<String>> {
    let question = form.get("e-q").trim().to_string();
    let answer = form.get("e-a").trim().to_string();
    let mut errors = Vec::new();
    if question.is_empty() {
        errors.push("Write the question.".to_string());
    }
    if answer.is_empty() {
        errors.push("Write a model answer: what you would say.".to_string());
    }
    if question.chars().count() > MAX_FIELD_CHARS || answer.chars().count() > MAX_FIELD_CHARS {
        errors.push("Keep the question and the answer under 5,000 characters each.".to_string());
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let lines = |text: &str| text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let tags = form.get("e-tags").split(',').map(|t| crate::domain::fold(t.trim())).filter(|t| !t.is_empty()).collect();
    Ok(Card {
        id: card.map_or_else(|| own_id(&question), |c| c.id.clone()),
        theme: Theme::from_key(form.get("e-theme")).unwrap_or(Theme::Own),
        tags,
        key_points: lines(form.get("e-k")),
        question,
        answer,
        why: form.get("e-why").trim().to_string(),
        avoid: form.get("e-avoid").trim().to_string(),
        probes: lines(form.get("e-probes")),
        // What the form does not show (synonyms, coaching, other tracks' answers) stays as it was.
        ..card.cloned().unwrap_or_default()
    })
}
