//! Second Round: spaced-repetition drill for the questions of a second job interview.

pub mod core;
pub mod domain;
pub mod store;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// A smaller allocator than the default dlmalloc: the bundle has a byte budget.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
