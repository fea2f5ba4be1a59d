//! How every form holds what the person types: the draft, and each form's starting values and
//! reading (see `app/form.rs` for how a view binds its fields to the draft).

pub mod cards;
pub mod edit;
pub mod interviews;
pub mod kit;
pub mod quizlet;
pub mod settings;

/// The values of the form on screen, by field id; a ticked box holds "1", an unticked one "".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft(Vec<(String, String)>);

impl Draft {
    /// What the field holds ("" for a field not typed into and not filled when the form opened).
    pub fn get(&self, id: &str) -> &str {
        self.0.iter().find(|(k, _)| k == id).map_or("", |(_, v)| v.as_str())
    }

    /// Whether a check box is ticked.
    pub fn on(&self, id: &str) -> bool {
        self.get(id) == "1"
    }

    pub fn set(&mut self, id: &str, value: String) {
        match self.0.iter_mut().find(|(k, _)| k == id) {
            Some((_, v)) => *v = value,
            None => self.0.push((id.to_string(), value)),
        }
    }

    pub fn tick(&mut self, id: &str, on: bool) {
        self.set(id, if on { "1" } else { "" }.to_string());
    }

    /// What was saved changed under the form (another tab, a filter): the fields the person has
    /// not changed follow it; what they typed stays.
    pub fn rebase(&mut self, old: &Draft, new: &Draft) {
        for (id, value) in &new.0 {
            if self.get(id) == old.get(id) {
                self.set(id, value.clone());
            }
        }
    }

    /// Every field, as `(id, value)` pairs (to keep a draft aside and put it back).
    pub fn fields(&self) -> &[(String, String)] {
        &self.0
    }

    /// A form's starting values, as `(id, value)` pairs.
    pub fn with(mut self, id: &str, value: impl Into<String>) -> Self {
        self.set(id, value.into());
        self
    }
}
