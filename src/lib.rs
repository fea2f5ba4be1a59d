//! Second Round: spaced-repetition drill for the questions of a second job interview.

pub mod domain;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod app;
