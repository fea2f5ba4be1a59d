//! The only code that touches local storage. `schema` is the versioned layout and its decoding
//! (pure, tested natively); `local` is the browser adapter.

pub mod schema;

#[cfg(target_arch = "wasm32")]
pub mod local;
