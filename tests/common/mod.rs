//! What the native tests of the app core share: a fixed moment and the app opened over storage in
//! memory, the way `src/app` opens it over the browser's.

#![allow(dead_code)]

use second_round::core::AppState;
use second_round::domain::Clock;
use second_round::store::memory::Memory;
use second_round::store::storage::Store;

/// 2026-11-26 10:00 UTC, in UTC+1.
pub const T0: i64 = 1_795_687_200_000;

/// `s` seconds after `T0`, in UTC+1.
pub fn at(s: i64) -> Clock {
    Clock::new(T0 + s * 1000, 60)
}

/// The app as it starts over what `memory` holds.
pub fn open(memory: &Memory, clock: Clock) -> AppState {
    let (store, loaded) = Store::open(Some(memory.boxed()));
    AppState::new(store, loaded, clock)
}
