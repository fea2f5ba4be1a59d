//! The only code that touches local storage. `records` holds one serde type per stored record
//! (shared with the backup file), `pack` the compact numbers of a card's schedule and reviews,
//! `schema` the versioned key layout, decoding of every version and the migration, `legacy` the
//! readers of versions 1 and 2, `storage` every write the app makes over a key-value `Storage`
//! trait, `memory` that trait in memory for the tests, `mock` the mock interview's records (all
//! pure, tested natively); `local` is the browser's local storage behind the same trait.

pub mod legacy;
pub mod memory;
pub mod mock;
pub mod pack;
pub mod records;
pub mod schema;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod local;
