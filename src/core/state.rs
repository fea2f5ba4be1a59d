//! The app's state: the collection (shared, changed in place), the screen, the card on screen,
//! undo, notices, forms, rehearse mode, imports, and what storage has not taken yet.

use super::forms::{self, Draft};
use super::{Effect, Notice, Write};
use crate::domain::deck::TrackInfo;
use crate::domain::insights::{self, Insights};
use crate::domain::library::Filter;
use crate::domain::merge::{Choices, Outcome};
use crate::domain::session::Focus;
use crate::domain::transfer::Preview;
use crate::domain::{self, session, Card, Clock, Collection, Rating, Track, UndoEntry, Variant};
use crate::store::schema::{self, Loaded};
use crate::store::storage::{Health, StorageReport, Store};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Review,
    Settings,
    Interviews,
    Stats,
    /// The card browser.
    Cards,
    /// The card editor (`AppState::editing` says which card; none: a new one).
    Edit,
    /// Import and export.
    Transfer,
    /// The interview kit (`core/kit/`).
    Kit(super::kit::KitScreen),
    /// The mock interview: its start, the interview, the debrief (`AppState::mock`).
    Mock,
}

/// Rows the browser shows at first, and adds with "Show more".
pub const PAGE: usize = 50;

#[derive(Debug, Clone, PartialEq)]
pub struct Browse {
    pub filter: Filter,
    pub shown: usize,
}

impl Default for Browse {
    fn default() -> Self {
        Browse { filter: Filter::default(), shown: PAGE }
    }
}

/// An import read and previewed, waiting for the person's confirmation.
#[derive(Debug, Clone)]
pub struct Pending {
    pub name: String,
    /// What a file of cards would add, update and skip.
    pub preview: Preview,
    /// A backup, to be merged.
    pub backup: Option<BackupImport>,
    /// Quizlet's export: its text, read again when the person chooses other separators.
    pub quizlet: Option<Rc<str>>,
}

/// A backup read and compared with this collection.
#[derive(Debug, Clone)]
pub struct BackupImport {
    /// The backup as a collection to merge (see `transfer::backup_collection`).
    pub theirs: Collection,
    /// Whether its settings and interviews come too.
    pub choices: Choices,
    /// What the merge does with these choices.
    pub outcome: Outcome,
    /// Whether its settings differ from this device's, and how many of its interviews this
    /// device lacks (what the choices offer).
    pub offers: (bool, usize),
    /// Its interview kit, and what merging it into this device's would change.
    pub kit: crate::domain::kit::Kit,
    pub kit_merged: crate::domain::kit::Merged,
    /// Its mock interviews' history, merged into this device's when the import is confirmed.
    pub mocks: Vec<crate::domain::mock::HistoryEntry>,
}

/// A recording in memory (a blob: URL); nothing is uploaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Take {
    pub url: String,
    pub bytes: u32,
    pub ms: u32,
}

/// Rehearse mode's state for the card on screen; it starts afresh with every card.
#[derive(Debug, Clone, Default)]
pub struct Rehearsal {
    pub recording: bool,
    /// The turn a recording was started in: a take that arrives later belongs to a graded card.
    pub recording_turn: Option<u32>,
    /// The latest recording of this answer.
    pub take: Option<Take>,
    pub error: Option<String>,
    /// Captured at the reveal: the typed (or transcribed) answer and the seconds it took.
    pub answer: String,
    pub seconds: u32,
    pub insights: Option<Insights>,
    /// The key points ticked as said (first from the insights, then by the person).
    pub ticks: Vec<bool>,
}

impl Rehearsal {
    /// The grade the ticks and the time suggest.
    pub fn suggested(&self, limit_seconds: u32) -> Rating {
        let hits = self.ticks.iter().filter(|t| **t).count();
        insights::suggest(hits, self.ticks.len(), self.seconds as usize, limit_seconds as usize)
    }
}

#[derive(Clone)]
pub struct AppState {
    /// Shared by every version of the state: an action changes it in place instead of copying
    /// the whole collection (and its growing review log) on every grade.
    pub(super) col: Rc<RefCell<Collection>>,
    pub clock: Clock,
    pub screen: Screen,
    /// The card on screen, kept until it is graded so a timer tick never swaps it.
    pub current: Option<String>,
    pub revealed: bool,
    pub shown_at_ms: i64,
    /// Grades that can be taken back, newest last, each with whether it reached storage.
    pub undo: Vec<(UndoEntry, bool)>,
    pub notices: Vec<Notice>,
    /// Bumped on every grade, so the live region and focus follow each new card.
    pub turn: u32,
    /// Grades given since the page loaded (the moment to ask for persistent storage is the first).
    pub graded: u32,
    /// The browser's word on keeping this site's data, once asked.
    pub storage: Option<StorageReport>,
    /// What the person is typing into the form on screen, kept until they save or leave (see
    /// `form.rs`): every field renders it, so no render puts an old value back. Shared by the
    /// versions of the state, so a keystroke changes it in place without a render.
    pub(super) draft: Rc<RefCell<Draft>>,
    /// Problems with the form on screen, named for the person filling it in.
    pub form_errors: Vec<String>,
    /// Rehearse mode for this session (starts as the setting says).
    pub rehearse: bool,
    pub rehearsal: Rehearsal,
    /// Recordings kept per card, until the page closes.
    pub kept: Vec<(String, Take)>,
    /// The deck as built in (edits are compared with it; a deleted built-in card is remembered).
    pub built_in: Rc<Vec<Card>>,
    /// The role tracks as the deck describes them (label and persona).
    pub tracks: Rc<Vec<TrackInfo>>,
    /// The chosen track's own answers and key points, by card id, once its file has arrived
    /// (`tracks/<key>.txt`), and which track they are.
    pub variants: Rc<Vec<(String, Variant)>>,
    pub variants_for: Option<Track>,
    /// The focused session under way (the default: everything).
    pub focus: Focus,
    pub browse: Browse,
    pub editing: Option<String>,
    pub confirm_delete: bool,
    /// The interview whose deletion is asked about (its kit holds notes).
    pub confirm_remove: Option<usize>,
    /// Shared, not copied with every new state: a preview can hold thousands of cards.
    pub import: Option<Rc<Pending>>,
    pub import_error: Option<String>,
    /// Writes a full (or failing) storage did not take, in order; tried again on every tick.
    pub pending: Vec<Write>,
    pub(super) store: Rc<RefCell<Store>>,
    /// How a local date and time typed into a form is read (the browser's reading in the app).
    pub local_time: forms::interviews::LocalTime,
    /// What the browser must do after the action under way (taken by `apply`).
    pub(super) effects: Vec<Effect>,
    /// The interview kit: stories and each interview's round.
    pub kit: crate::domain::kit::Kit,
    /// Which interview and story the kit's screens are on.
    pub kit_view: super::kit::KitView,
    /// The mock interview: under way or finished, its settings and history.
    pub mock: super::mock::MockState,
    /// The snackbar's line, after an action that changed data (see `snack.rs`).
    pub snack: Option<super::Snack>,
    /// The interview the form on the interviews screen changes (none: it adds one).
    pub editing_interview: Option<usize>,
    /// Unsaved changes kept aside by form, and whether the form on screen shows some put back.
    pub drafts: super::drafts::Drafts,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// How many undo steps are kept.
pub const UNDO_DEPTH: usize = 50;

impl AppState {
    /// The app as storage holds it, at `clock`: the built-in deck with the person's cards, their
    /// schedules and reviews, settings and interviews (`Store::open` has read and migrated them).
    pub fn new(store: Store, loaded: Loaded, clock: Clock) -> AppState {
        let mut notices = Vec::new();
        match store.health() {
            Health::Unavailable => notices.push(Notice::StorageUnavailable),
            Health::NewerVersion => notices.push(Notice::NewerVersion),
            Health::Saving => {}
        }
        let unreadable: Vec<String> = loaded.unreadable.iter().map(|u| u.key.clone()).collect();
        if !unreadable.is_empty() {
            notices.push(Notice::Unreadable(unreadable));
        }
        let rehearse = loaded.settings.rehearse;
        let deck = domain::deck::built_in_deck();
        let built_in = deck.cards;
        let cards = schema::assemble(built_in.clone(), &loaded.own);
        let mut col = Collection::new(cards, loaded.progress, loaded.log, loaded.settings);
        col.interviews = loaded.interviews;
        col.suspended = loaded.suspended;
        col.edited = loaded.edited;
        let kit = loaded.kit;
        let queue = session::build(&col, clock);
        // Mid-session on reload: go straight back to the next card.
        let resume = queue.done_today > 0 && queue.next.is_some();
        AppState {
            current: if resume { queue.next.map(|(id, _)| id) } else { None },
            screen: if resume { Screen::Review } else { Screen::Home },
            col: Rc::new(RefCell::new(col)),
            clock,
            revealed: false,
            shown_at_ms: clock.now_ms,
            undo: Vec::new(),
            notices,
            turn: 0,
            graded: 0,
            storage: None,
            draft: Rc::default(),
            form_errors: Vec::new(),
            rehearse,
            rehearsal: Rehearsal::default(),
            kept: Vec::new(),
            built_in: Rc::new(built_in),
            tracks: Rc::new(deck.tracks),
            variants: Rc::new(Vec::new()),
            variants_for: None,
            focus: Focus::default(),
            browse: Browse::default(),
            editing: None,
            confirm_delete: false,
            confirm_remove: None,
            import: None,
            import_error: None,
            pending: Vec::new(),
            mock: super::mock::MockState::load(loaded.mock, loaded.mock_settings, loaded.mocks, clock.now_ms),
            store: Rc::new(RefCell::new(store)),
            local_time: forms::interviews::local_ms,
            effects: Vec::new(),
            kit,
            kit_view: Default::default(),
            snack: None,
            editing_interview: None,
            drafts: Default::default(),
        }
    }

    pub fn col(&self) -> std::cell::Ref<'_, Collection> {
        self.col.borrow()
    }

    pub fn queue(&self) -> session::Queue {
        session::build_for(&self.col(), self.clock, &self.focus)
    }

    pub fn is_built_in(&self, id: &str) -> bool {
        self.built_in.iter().any(|c| c.id == id)
    }

    /// A built-in card the person has not edited (its text is the deck's).
    pub fn is_unedited(&self, card: &Card) -> bool {
        self.built_in.iter().find(|b| b.id == card.id) == Some(card)
    }

    /// The role track in use (General/office until one is chosen).
    pub fn track(&self) -> Track {
        self.col().settings.track()
    }

    pub fn track_info(&self, track: Track) -> Option<&TrackInfo> {
        self.tracks.iter().find(|t| t.track == track)
    }

    /// The card as the person drills it: on a role track, a built-in card they have not edited
    /// shows that track's answer and key points (once the track's file has arrived); everything
    /// else shows as it is.
    pub fn shown_card<'a>(&self, card: &'a Card) -> Cow<'a, Card> {
        let track = self.track();
        if track == Track::Office || self.variants_for != Some(track) || !self.is_unedited(card) {
            return Cow::Borrowed(card);
        }
        match self.variants.iter().find(|(id, _)| *id == card.id) {
            Some((_, v)) => {
                Cow::Owned(Card { answer: v.answer.clone(), key_points: v.key_points.clone(), variants: vec![v.clone()], ..card.clone() })
            }
            None => Cow::Borrowed(card),
        }
    }

    /// The track's file should be fetched: a role track is chosen and its answers are not here.
    pub fn track_to_load(&self) -> Option<Track> {
        let track = self.track();
        (track != Track::Office && self.variants_for != Some(track)).then_some(track)
    }
}
