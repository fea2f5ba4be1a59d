//! The pure core of Second Round: cards, the built-in deck, FSRS scheduling, today's queue and undo.
//! Nothing here knows about the browser; the current time is always passed in.

pub mod card;
pub mod clock;
pub mod collection;
pub mod deck;
pub mod interview;
pub mod readiness;
pub mod schedule;
pub mod session;

pub use card::{Card, Phase, Progress, Rating, Theme};
pub use clock::Clock;
pub use collection::{Collection, LogEntry, Settings, UndoEntry};
pub use schedule::Scheduler;
pub use session::{Queue, QueueKind};
