//! Everything a person (or the browser: a timer, the recorder, another tab) can ask of the app.

use super::Screen;
use crate::domain::library::CardState;
use crate::domain::merge::Choices;
use crate::domain::{Rating, Theme, Track};
use crate::store::schema::External;
use crate::store::storage::StorageReport;

/// Keyboard commands, resolved against the current screen by the reducer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyCmd {
    RevealOrStart,
    Grade(Rating),
    Undo,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    Tick,
    Start,
    Reveal,
    Grade(Rating),
    Undo,
    Key(KeyCmd),
    Show(Screen),
    /// A keystroke in a field of the form on screen (its id and its new value): the draft follows,
    /// in place and without a render, since the field already shows it.
    Type(String, String),
    /// A box ticked, a choice made, or text typed that changes something else on screen: the draft
    /// follows and the screen is rendered.
    Change(String, String),
    /// The form on screen's main button: the reducer reads the draft, saves or names what is wrong.
    Submit,
    /// "Discard changes": the form on screen lets go of the unsaved changes put back in it.
    DiscardDraft,
    Dismiss(usize),
    Storage(StorageReport),
    ActivateInterview(usize),
    /// Delete an interview (asked first when its kit holds notes: sent again, it deletes).
    RemoveInterview(usize),
    /// "Keep it": the interview asked about stays.
    KeepInterview,
    /// Take the interview plan's number of new cards a day.
    UsePlan(u32),
    /// Rehearse mode on or off for this session.
    SetRehearse(bool),
    Record,
    StopRecording,
    Media(MediaEvent),
    /// Keep the latest recording of the card on screen (until the page closes).
    Keep,
    /// Tick or untick a key point after the reveal.
    TogglePoint(usize),
    Browse(BrowseChange),
    /// Open the editor on a card (none: a new card).
    Edit(Option<String>),
    Suspend(String, bool),
    AskDelete(bool),
    Delete(String),
    EndFocus,
    /// The role track chosen (on the welcome card; Settings saves it with the other settings).
    SetTrack(Track),
    /// A role track's answers file arrived (its text), or why it could not be had.
    TrackLoaded(Track, Result<String, String>),
    /// A file (or pasted text) to import: its name and text, or why it could not be read.
    ImportText(Result<(String, String), String>),
    /// Whether a backup's settings and interviews come too.
    ImportChoices(Choices),
    ConfirmImport,
    CancelImport,
    Export(Export),
    /// Another tab saved these.
    External(Vec<External>),
    /// The interview kit's actions (`core/kit/`).
    Kit(super::kit::KitAction),
    /// The mock interview (`core/mock/`).
    Mock(super::mock::MockAction),
    /// The snackbar's Undo, or its time up.
    Snack(super::SnackAction),
    /// More to practise once all is done.
    KeepGoing(super::KeepGoing),
    /// An interview to change, or the last day's weakest answers.
    Planner(super::Planner),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Export {
    Backup,
    ShareBackup,
    Anki,
    /// Every card as a spreadsheet (CSV), coaching included.
    Csv,
    /// The raw text of everything that could not be read, as it was kept aside.
    Unreadable,
}

/// A change to the card browser's search, filters, sort or length.
#[derive(Debug, Clone, PartialEq)]
pub enum BrowseChange {
    Query(String),
    Theme(Option<Theme>),
    Tag(String),
    State(CardState),
    SortByDue(bool),
    More,
}

/// What the recorder reports.
#[derive(Debug, Clone, PartialEq)]
pub enum MediaEvent {
    Started,
    Stopped,
    Take { url: String, bytes: u32, ms: u32 },
    Error(String),
}
