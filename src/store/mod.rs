//! The only code that touches local storage. `records` holds one serde type per stored record
//! (shared with the backup file), `pack` the compact numbers of a card's schedule and reviews,
//! `schema` the versioned key layout, decoding of every version and the migration, `legacy` the
//! readers of versions 1 and 2 (all pure, tested natively); `local` is the browser adapter.

pub mod legacy;
pub mod mock;
pub mod pack;
pub mod records;
pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod local;
