//! The application: its state and every action, over the storage trait (`store::storage`), with
//! time passed in and what the browser must do returned as `Effect`s. No yew, web-sys, gloo or
//! js-sys here: it is tested natively (`tests/core.rs`) through the same `AppState::apply` the app
//! runs. The yew layer (`app/`) renders the state, dispatches actions and performs the effects.
//!
//! A feature adds its state as a field of `AppState` (a struct of its own, in its file), its
//! actions as one `Action` variant holding an enum of its own, routed by one arm of `dispatch`
//! (`reducer.rs`) to a method in `core/<feature>.rs`, and what the browser must do as `Effect`
//! variants (performed in `app/effects.rs`). Every change to the collection goes through
//! `transact` (`transact.rs`): the change names the records it touched as `Write`s, which are
//! written in one place (and kept for later when storage refuses them); a feature with records of
//! its own adds a `Write` variant for each and changes its state before or inside `transact`.

mod action;
mod cards;
pub mod drafts;
mod effect;
mod external;
pub mod forms;
mod keep_going;
pub mod kit;
pub mod mock;
mod notice;
mod planner;
mod reducer;
mod review;
mod snack;
mod state;
mod submit;
mod transact;
mod transfer;
mod welcome;

pub use action::{Action, BrowseChange, Export, KeyCmd, MediaEvent};
pub use effect::{Effect, FocusOn};
pub use forms::Draft;
pub use keep_going::{KeepGoing, MORE_NEW};
pub use notice::Notice;
pub use planner::{Planner, WEAKEST};
pub use snack::{Restore, Snack, SnackAction};
pub use state::{AppState, BackupImport, Browse, Pending, Rehearsal, Screen, Take, PAGE, UNDO_DEPTH};
pub use transact::{Changes, Op, Write};

/// The id of the rehearse answer field that speech to text fills.
pub const ANSWER_FIELD: &str = "answer-text";
