//! The app's state and the reducer that applies actions through the domain and saves through the store.

use super::form::Draft;
use crate::domain::insights::{self, Insights};
use crate::domain::interview;
use crate::domain::library::{CardState, Filter};
use crate::domain::session::Focus;
use crate::domain::merge::{self, Choices, Outcome};
use crate::domain::transfer::{self, Preview};
use crate::domain::deck::TrackInfo;
use crate::domain::{self, session, Card, Clock, Collection, Rating, Theme, Track, UndoEntry, Variant};
use std::borrow::Cow;
use crate::store::schema;
use crate::store::local::{External, Health, StorageReport, Store};
use std::cell::RefCell;
use std::rc::Rc;
use yew::Reducible;

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
}

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    StorageUnavailable,
    NewerVersion,
    WriteFailed(String),
    Unreadable(Vec<String>),
    /// Something finished (an import, a deletion): said once, dismissable.
    Done(String),
}

impl Notice {
    pub fn text(&self) -> String {
        match self {
            Notice::StorageUnavailable => "This browser is not letting Second Round save (local storage is unavailable). You can keep drilling, but progress will be lost when this tab closes.".into(),
            Notice::NewerVersion => "Your progress was saved by a newer version of Second Round. It is shown here but nothing new is saved, so it cannot be overwritten. Reload to get the newer version.".into(),
            Notice::WriteFailed(why) => format!("Your last review could not be saved: {why}. Nothing saved before is lost, and drilling goes on in memory; what could not be saved is stored as soon as there is room (the app tries again every 15 seconds). Until then, a backup keeps it safe."),
            Notice::Done(text) => text.clone(),
            Notice::Unreadable(keys) => format!(
                "{} saved item{} could not be read and {} been kept aside untouched ({}); everything else was loaded.",
                keys.len(),
                if keys.len() == 1 { "" } else { "s" },
                if keys.len() == 1 { "has" } else { "have" },
                describe_unreadable(keys)
            ),
        }
    }
}

/// What the unreadable keys held, in words.
fn describe_unreadable(keys: &[String]) -> String {
    let count = |f: fn(&schema::Key) -> bool| keys.iter().filter(|k| schema::Key::parse(k).is_some_and(|k| f(&k))).count();
    let plural = |n: usize, one: &str, many: &str| if n == 1 { one.to_string() } else { format!("{n} {many}") };
    let mut parts = Vec::new();
    let cards = count(|k| matches!(k, schema::Key::Card(_)));
    if cards > 0 {
        parts.push(format!("the schedule of {}, which start{} again as new", plural(cards, "1 card", "cards"), if cards == 1 { "s" } else { "" }));
    }
    let chunks = count(|k| matches!(k, schema::Key::LogChunk(_) | schema::Key::Older(..)));
    if chunks > 0 {
        parts.push(format!("part of your review history ({})", plural(chunks, "1 block", "blocks")));
    }
    let own = count(|k| matches!(k, schema::Key::Own(_)));
    if own > 0 {
        parts.push(format!("the text of {} you wrote or edited", plural(own, "1 card", "cards")));
    }
    if count(|k| matches!(k, schema::Key::Settings)) > 0 {
        parts.push("your settings, so the defaults are used".into());
    }
    if count(|k| matches!(k, schema::Key::Interviews)) > 0 {
        parts.push("your interview dates".into());
    }
    if count(|k| matches!(k, schema::Key::Meta)) > 0 {
        parts.push("the storage version".into());
    }
    parts.join("; ")
}

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
    Dismiss(usize),
    Storage(StorageReport),
    ActivateInterview(usize),
    RemoveInterview(usize),
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
}

/// What the recorder reports.
#[derive(Debug, Clone, PartialEq)]
pub enum MediaEvent {
    Started,
    Stopped,
    Take { url: String, bytes: u32, ms: u32 },
    Error(String),
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

pub struct AppState {
    /// Shared by every version of the state: an action changes it in place instead of copying
    /// the whole collection (and its growing review log) on every grade.
    col: Rc<RefCell<Collection>>,
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
    draft: Rc<RefCell<Draft>>,
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
    /// Shared, not copied with every new state: a preview can hold thousands of cards.
    pub import: Option<Rc<Pending>>,
    pub import_error: Option<String>,
    /// Reviews and card schedules a full (or failing) storage did not take; saved again as soon
    /// as there is room.
    pub pending_log: Vec<crate::domain::LogEntry>,
    pub pending_cards: Vec<String>,
    store: Rc<RefCell<Store>>,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub fn now() -> Clock {
    let date = js_sys::Date::new_0();
    Clock::new(date.get_time() as i64, -(date.get_timezone_offset() as i32))
}

/// How many undo steps are kept.
pub const UNDO_DEPTH: usize = 50;

impl AppState {
    pub fn load() -> AppState {
        let (store, loaded) = Store::open();
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
        let clock = now();
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
            import: None,
            import_error: None,
            pending_log: Vec::new(),
            pending_cards: Vec::new(),
            store: Rc::new(RefCell::new(store)),
        }
    }

    pub fn col(&self) -> std::cell::Ref<'_, Collection> {
        self.col.borrow()
    }

    fn col_mut(&self) -> std::cell::RefMut<'_, Collection> {
        self.col.borrow_mut()
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
            Some((_, v)) => Cow::Owned(Card { answer: v.answer.clone(), key_points: v.key_points.clone(), variants: vec![v.clone()], ..card.clone() }),
            None => Cow::Borrowed(card),
        }
    }

    /// The track's file should be fetched: a role track is chosen and its answers are not here.
    pub fn track_to_load(&self) -> Option<Track> {
        let track = self.track();
        (track != Track::Office && self.variants_for != Some(track)).then_some(track)
    }

    fn set_track(&mut self, track: Track) {
        self.col_mut().settings.track = Some(track);
        let saved = self.store.borrow_mut().save_settings(&self.col().settings);
        self.note_write(saved);
    }

    fn save_card(&mut self, card: Card) {
        // Its place in the collection (a new card goes last), as a full rewrite would write it.
        let order = {
            let col = self.col();
            col.cards.iter().position(|c| c.id == card.id).unwrap_or(col.cards.len())
        };
        let now = self.clock.now_ms;
        let saved = self.store.borrow_mut().save_card(&card, order, now);
        self.note_write(saved);
        self.col_mut().set_edited(&card.id, now);
        self.col_mut().put_card(card);
    }

    /// When a card was last edited or deleted; `None`: nothing of it is kept any more.
    fn note_edit(&mut self, id: &str, at: Option<i64>) {
        match at {
            Some(at) => self.col_mut().set_edited(id, at),
            None => self.col_mut().edited.retain(|(e, _)| e != id),
        }
    }

    fn delete(&mut self, id: &str) {
        let built_in = self.is_built_in(id);
        if self.col_mut().remove_card(id).is_none() {
            return;
        }
        let now = self.clock.now_ms;
        let saved = self.store.borrow_mut().delete_card(id, built_in, now);
        self.note_write(saved);
        self.note_edit(id, built_in.then_some(now));
        let suspended = self.col().suspended.clone();
        let saved = self.store.borrow_mut().save_suspended(&suspended);
        self.note_write(saved);
        self.undo.retain(|(u, _)| u.card_id != id);
        if self.current.as_deref() == Some(id) {
            self.current = None;
        }
        self.notices.push(Notice::Done("The card and its schedule were deleted.".into()));
    }

    fn read_import(&mut self, name: String, text: String) {
        self.import = None;
        self.import_error = None;
        match transfer::read(&name, &text) {
            Ok(read) => {
                let col = self.col();
                let backup = read.backup.map(|b| {
                    let theirs = transfer::backup_collection(&b, &self.built_in);
                    let choices = Choices::for_device(&col);
                    BackupImport { outcome: merge::preview(&col, &theirs, &self.built_in, choices), offers: merge::offers(&col, &theirs), theirs, choices }
                });
                let preview = if backup.is_some() { Preview::default() } else { transfer::preview(&col, read.parsed) };
                drop(col);
                if let Some(s) = &read.separators {
                    super::transfer::choose(&mut self.draft.borrow_mut(), s);
                }
                let quizlet = read.separators.map(|_| Rc::from(text.as_str()));
                self.import = Some(Rc::new(Pending { name, preview, backup, quizlet }));
            }
            Err(why) => self.import_error = Some(why),
        }
    }

    /// Quizlet's export read again with the separators now chosen.
    fn reread_quizlet(&mut self) {
        let Some(p) = self.import.clone() else { return };
        let Some(text) = p.quizlet.clone() else { return };
        let parsed = transfer::read_quizlet(&text, &super::transfer::separators(&self.draft.borrow()));
        let preview = transfer::preview(&self.col(), parsed);
        self.import = Some(Rc::new(Pending { name: p.name.clone(), preview, backup: None, quizlet: Some(text) }));
    }

    /// A backup's settings or interviews ticked or unticked: what the merge does is worked out again.
    fn choose(&mut self, choices: Choices) {
        let Some(pending) = self.import.take() else { return };
        let mut pending = Rc::unwrap_or_clone(pending);
        if let Some(b) = &mut pending.backup {
            b.choices = choices;
            b.outcome = merge::preview(&self.col(), &b.theirs, &self.built_in, choices);
        }
        self.import = Some(Rc::new(pending));
    }

    /// Takes in what another tab saved: its reviews are merged into the log, a card's schedule is
    /// taken only when it is newer, and text, suspensions, settings and interviews follow.
    fn external(&mut self, change: External) {
        match change {
            External::Log(entries) => {
                let (_, changed) = self.col_mut().merge_log(entries);
                // Written as worked out, so a reload finds it (the same value the other tab wrote,
                // unless it graded without knowing of a review here).
                for id in changed {
                    let p = self.col().progress.get(&id).copied();
                    let _ = self.store.borrow_mut().save_progress(&id, p.as_ref());
                }
            }
            External::Progress(id, p) => {
                self.col_mut().adopt_progress(&id, p);
            }
            External::Card(id, Some(card), at) => {
                self.col_mut().set_edited(&id, at);
                self.col_mut().put_card(card);
            }
            External::Card(id, None, at) => {
                self.col_mut().remove_card(&id);
                // A deleted built-in card is remembered with its moment; one's own is gone.
                self.note_edit(&id, self.is_built_in(&id).then_some(at));
            }
            External::Suspended(list) => self.col_mut().suspended = list,
            External::Settings(settings) => self.col_mut().settings = settings,
            External::Interviews(list) => self.col_mut().interviews = list,
            External::Unlogged(gone) => self.col_mut().unlog(&gone),
        }
        if self.current.as_deref().is_some_and(|id| self.col().card(id).is_none() || self.col().is_suspended(id)) {
            self.next_card();
        }
    }

    /// Builds the file when asked (not at every render: a collection can hold thousands of cards).
    fn export(&self, kind: Export) {
        let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(self.clock.now_ms as f64));
        let day = format!("{}-{:02}-{:02}", d.get_full_year(), d.get_month() + 1, d.get_date());
        let col = self.col();
        match kind {
            Export::Unreadable => {
                let copies = self.store.borrow().kept_aside();
                let json = crate::store::records::to_json(&copies.into_iter().collect::<std::collections::BTreeMap<_, _>>());
                super::files::download(&format!("second-round-unreadable-{day}.json"), "application/json", &json);
            }
            Export::Anki => super::files::download(&format!("second-round-cards-{day}.txt"), "text/plain", &transfer::write_anki(&col.cards)),
            Export::Csv => super::files::download(&format!("second-round-cards-{day}.csv"), "text/csv", &transfer::write_csv(&col.cards)),
            Export::Backup | Export::ShareBackup => {
                let name = format!("second-round-backup-{day}.json");
                let text = transfer::write_backup(&col, &self.built_in, self.clock.now_ms);
                if kind == Export::Backup {
                    super::files::download(&name, "application/json", &text);
                } else {
                    wasm_bindgen_futures::spawn_local(async move {
                        let why = super::files::share(&name, "application/json", &text).await;
                        if !why.is_empty() {
                            super::files::download(&name, "application/json", &text);
                        }
                    });
                }
            }
        }
    }

    fn confirm_import(&mut self) {
        let Some(pending) = self.import.take() else { return };
        let before = self.col().clone();
        let now = self.clock.now_ms;
        let done = {
            let mut col = self.col_mut();
            match &pending.backup {
                Some(b) => merge::merge(&mut col, &b.theirs, &self.built_in, b.choices).summary(),
                None => {
                    let p = &pending.preview;
                    transfer::apply(&mut col, p);
                    // Text written on this device now: it wins over an older edit elsewhere.
                    for c in p.add.iter().chain(&p.update) {
                        col.set_edited(&c.id, now);
                    }
                    format!("{} added, {} updated, {} skipped.", p.add.len(), p.update.len(), p.skipped)
                }
            }
        };
        let saved = self.store.borrow_mut().replace_all(&self.col(), &self.built_in);
        match saved {
            Ok(()) => {
                self.notices.push(Notice::Done(format!("Imported from {}: {done}", pending.name)));
                self.undo.clear();
                let rehearse = self.col().settings.rehearse;
                self.rehearse = rehearse;
            }
            Err(why) => {
                // All or nothing: the collection is as it was, and so is storage.
                *self.col_mut() = before;
                self.import_error = Some(format!("The import could not be saved ({why}). Nothing was changed."));
            }
        }
    }

    /// Which form is on screen: when it changes, the draft starts afresh.
    fn form_key(&self) -> (Screen, Option<String>, u32) {
        match self.screen {
            Screen::Edit => (Screen::Edit, self.editing.clone(), 0),
            // The rehearse answer box: a fresh one for every card shown (and none after the reveal).
            Screen::Review => (Screen::Review, self.current.clone(), self.turn * 2 + self.revealed as u32),
            screen => (screen, None, 0),
        }
    }

    /// A form's starting values, as it opens.
    fn fresh_draft(&self) -> Draft {
        let col = self.col();
        match self.screen {
            Screen::Settings => super::settings::draft(&col.settings),
            Screen::Edit => super::edit::draft(self.editing.as_deref().and_then(|id| col.card(id)).map(|c| self.shown_card(c)).as_deref()),
            Screen::Cards => super::cards::draft(&self.browse.filter),
            _ => Draft::default(),
        }
    }

    /// The form on screen, as typed so far.
    pub fn draft(&self) -> std::cell::Ref<'_, Draft> {
        self.draft.borrow()
    }

    fn set_draft(&self, draft: Draft) {
        *self.draft.borrow_mut() = draft;
    }

    /// The form on screen is sent: what its draft says is saved (or started, or read), or what is
    /// wrong with it is named and the draft stays as typed.
    fn submit(&mut self) {
        let form = self.draft().clone();
        let done = match self.screen {
            Screen::Settings => super::settings::parse(&form).map(|mut settings| {
                // The form leaves the track alone unless it chose one.
                settings.track = settings.track.or(self.col().settings.track);
                self.col_mut().settings = settings.sanitised();
                self.rehearse = settings.rehearse;
                let saved = self.store.borrow_mut().save_settings(&self.col().settings);
                self.note_write(saved);
                self.screen = Screen::Home;
            }),
            Screen::Edit => {
                let edited = self.editing.as_deref().and_then(|id| self.col().card(id).cloned());
                super::edit::read(&form, edited.as_ref()).map(|mut card| {
                    // A new card whose question makes an id already in use gets a fresh one.
                    while edited.is_none() && self.col().card(&card.id).is_some() {
                        card.id.push('x');
                    }
                    self.save_card(card);
                    self.screen = Screen::Cards;
                })
            }
            Screen::Interviews => super::interviews::read(&form, self.clock.now_ms).map(|iv| {
                interview::add(&mut self.col_mut().interviews, iv);
                self.save_interviews();
                // Added: the form is empty again for the next one.
                self.set_draft(Draft::default());
            }),
            Screen::Transfer => {
                let text = form.get("import-paste").to_string();
                if text.trim().is_empty() {
                    self.import = None;
                    self.import_error = Some("Paste the text of a card file first.".into());
                } else {
                    self.read_import("the pasted text".into(), text);
                }
                Ok(())
            }
            Screen::Cards => {
                self.focus = super::cards::read(&form, &self.browse.filter);
                self.screen = Screen::Review;
                self.next_card();
                Ok(())
            }
            Screen::Home | Screen::Review | Screen::Stats => Ok(()),
        };
        self.form_errors = done.err().unwrap_or_default();
    }

    fn next_card(&mut self) {
        let next = self.queue().next.map(|(id, _)| id);
        self.show(next);
    }

    /// Puts a card on screen with its question showing; a recording of the previous card that was
    /// not kept is let go.
    fn show(&mut self, card: Option<String>) {
        if card != self.current || self.revealed {
            let old = std::mem::take(&mut self.rehearsal);
            if old.recording {
                super::media::stop();
            }
            if let Some(take) = old.take {
                if !self.kept.iter().any(|(_, k)| k.url == take.url) {
                    super::media::forget(&take.url);
                }
            }
        }
        self.current = card;
        self.revealed = false;
        self.shown_at_ms = self.clock.now_ms;
    }

    /// The countdown of rehearse mode, in seconds.
    pub fn answer_limit(&self) -> u32 {
        self.col().settings.answer_seconds
    }

    fn reveal(&mut self) {
        let Some(id) = self.current.clone().filter(|_| !self.revealed) else { return };
        self.revealed = true;
        if !self.rehearse {
            return;
        }
        if self.rehearsal.recording {
            super::media::stop();
        }
        let answer = self.draft().get(super::media::FIELD).to_string();
        let seconds = ((self.clock.now_ms - self.shown_at_ms).max(0) / 1000) as u32;
        let limit = self.answer_limit();
        let insights = self.col().card(&id).map(|card| insights::analyse(&self.shown_card(card), &answer, seconds as usize, limit as usize));
        let r = &mut self.rehearsal;
        r.ticks = insights.as_ref().map(|i| i.key_points.iter().map(|k| k.hit).collect()).unwrap_or_default();
        r.insights = insights;
        r.answer = answer;
        r.seconds = seconds;
    }

    fn media(&mut self, event: MediaEvent) {
        let r = &mut self.rehearsal;
        match event {
            MediaEvent::Started => r.recording = true,
            MediaEvent::Stopped => r.recording = false,
            MediaEvent::Error(why) => {
                r.recording = false;
                r.error = Some(why);
            }
            MediaEvent::Take { url, bytes, ms } => {
                if r.recording_turn != Some(self.turn) {
                    // The card it belongs to has been graded meanwhile.
                    super::media::forget(&url);
                    return;
                }
                if let Some(old) = r.take.replace(Take { url, bytes, ms }) {
                    if !self.kept.iter().any(|(_, k)| k.url == old.url) {
                        super::media::forget(&old.url);
                    }
                }
            }
        }
    }

    fn keep(&mut self) {
        let (Some(id), Some(take)) = (self.current.clone(), self.rehearsal.take.clone()) else { return };
        if let Some(i) = self.kept.iter().position(|(card, _)| *card == id) {
            let (_, old) = self.kept.remove(i);
            if old.url != take.url {
                super::media::forget(&old.url);
            }
        }
        self.kept.push((id, take));
    }

    /// The recording kept for a card, if any.
    pub fn kept_for(&self, id: &str) -> Option<&Take> {
        self.kept.iter().find(|(card, _)| card == id).map(|(_, t)| t)
    }

    /// A failed write is reported once and stays reported (until dismissed): a later write that
    /// succeeds does not bring back what was lost.
    fn note_write(&mut self, result: Result<(), String>) {
        if let Err(why) = result {
            let known = self.notices.iter().any(|n| matches!(n, Notice::StorageUnavailable | Notice::NewerVersion | Notice::WriteFailed(_)));
            if !known {
                self.notices.push(Notice::WriteFailed(why));
            }
        }
    }

    /// Tries again to save what storage refused; when all of it is in, says so.
    fn retry_pending(&mut self) {
        if self.pending_log.is_empty() && self.pending_cards.is_empty() {
            return;
        }
        let waiting = self.pending_log.len();
        {
            let mut store = self.store.borrow_mut();
            while let Some(e) = self.pending_log.first() {
                let p = self.col.borrow().progress_of(&e.card_id);
                if store.save_review(e, &p).is_err() {
                    return;
                }
                self.pending_log.remove(0);
            }
            while let Some(id) = self.pending_cards.first() {
                let p = self.col.borrow().progress.get(id).copied();
                if store.save_progress(id, p.as_ref()).is_err() {
                    return;
                }
                self.pending_cards.remove(0);
            }
        }
        self.notices.retain(|n| !matches!(n, Notice::WriteFailed(_)));
        self.notices.push(Notice::Done(format!(
            "There is room again: {waiting} review{} that could not be saved {} now stored.",
            if waiting == 1 { "" } else { "s" },
            if waiting == 1 { "is" } else { "are" }
        )));
    }

    fn save_interviews(&mut self) {
        let saved = self.store.borrow_mut().save_interviews(&self.col().interviews);
        self.note_write(saved);
    }

    fn grade(&mut self, rating: Rating) {
        let Some(id) = self.current.clone().filter(|_| self.revealed) else { return };
        let duration = (self.clock.now_ms - self.shown_at_ms).clamp(0, u32::MAX as i64) as u32;
        let Some(undo) = self.col_mut().grade(&id, rating, self.clock, duration) else { return };
        let progress = self.col().progress_of(&id);
        let Some(entry) = self.col().log.last().cloned() else { return };
        // One write: the review and the card's schedule are one record.
        let saved = self.store.borrow_mut().save_review(&entry, &progress);
        if saved.is_err() && self.store.borrow().health() == Health::Saving {
            self.pending_log.push(entry);
        }
        self.undo.push((undo, saved.is_ok()));
        self.note_write(saved);
        if self.undo.len() > UNDO_DEPTH {
            self.undo.remove(0);
        }
        self.turn += 1;
        self.graded += 1;
        self.next_card();
    }

    fn undo(&mut self) {
        let Some((entry, log_saved)) = self.undo.pop() else { return };
        let same = |e: &crate::domain::LogEntry| e.card_id == entry.card_id && e.at_ms == entry.at_ms;
        // A review storage refused first may have been stored since, on a later tick.
        let waiting = self.pending_log.iter().any(same);
        let stored = log_saved || (!waiting && self.store.borrow().health() == Health::Saving);
        self.col_mut().undo(&entry);
        // It no longer waits to be stored.
        self.pending_log.retain(|e| !same(e));
        let state = self.col().progress.get(&entry.card_id).copied();
        let saved = self.store.borrow_mut().save_undo(&entry.card_id, entry.at_ms, state.as_ref(), stored);
        if saved.is_err() && self.store.borrow().health() == Health::Saving && !self.pending_cards.contains(&entry.card_id) {
            self.pending_cards.push(entry.card_id.clone());
        }
        self.note_write(saved);
        self.screen = Screen::Review;
        self.show(Some(entry.card_id));
        self.turn += 1;
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::Type(id, value) = action {
            // The field already shows the keystroke: only the draft changes, and nothing renders,
            // so typing costs the same however large the collection is.
            self.draft.borrow_mut().set(&id, value);
            return self;
        }
        let mut s = Rc::try_unwrap(self).unwrap_or_else(|rc| rc.duplicate());
        s.clock = now();
        let action = match action {
            Action::Key(cmd) => match (s.screen, cmd) {
                (Screen::Home, KeyCmd::RevealOrStart) => Action::Start,
                (Screen::Review, KeyCmd::RevealOrStart) => Action::Reveal,
                (Screen::Review, KeyCmd::Grade(r)) => Action::Grade(r),
                (Screen::Home | Screen::Review, KeyCmd::Undo) => Action::Undo,
                _ => return Rc::new(s),
            },
            other => other,
        };
        let (form, saved) = (s.form_key(), s.fresh_draft());
        match action {
            Action::Tick => {
                s.retry_pending();
                if s.screen == Screen::Review && s.current.is_none() {
                    s.next_card();
                }
            }
            Action::Start => {
                s.screen = Screen::Review;
                s.next_card();
            }
            Action::Reveal => s.reveal(),
            Action::Grade(r) => s.grade(r),
            Action::Undo => s.undo(),
            Action::Show(screen) => {
                s.screen = screen;
                s.form_errors.clear();
                if screen == Screen::Review {
                    s.next_card();
                }
            }
            Action::Type(..) => {}
            Action::Change(id, value) => {
                let separator = id.starts_with("q-");
                s.draft.borrow_mut().set(&id, value);
                if separator {
                    s.reread_quizlet();
                }
            }
            Action::Submit => s.submit(),
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            Action::Storage(report) => s.storage = Some(report),
            Action::ActivateInterview(i) => {
                interview::activate(&mut s.col_mut().interviews, i);
                s.save_interviews();
            }
            Action::RemoveInterview(i) => {
                let now = s.clock.now_ms;
                interview::remove(&mut s.col_mut().interviews, i, now);
                s.save_interviews();
            }
            Action::UsePlan(n) => {
                s.col_mut().settings.new_per_day = n;
                let saved = s.store.borrow_mut().save_settings(&s.col().settings);
                s.note_write(saved);
            }
            Action::SetRehearse(on) => s.rehearse = on,
            Action::Record => {
                if !s.rehearsal.recording && !s.revealed {
                    s.rehearsal.error = None;
                    s.rehearsal.recording = true;
                    s.rehearsal.recording_turn = Some(s.turn);
                    super::media::start(s.col().settings.speech);
                }
            }
            Action::StopRecording => super::media::stop(),
            Action::Media(event) => s.media(event),
            Action::Keep => s.keep(),
            Action::TogglePoint(i) => {
                if let Some(t) = s.rehearsal.ticks.get_mut(i) {
                    *t = !*t;
                }
            }
            Action::Browse(change) => {
                let b = &mut s.browse;
                if change != BrowseChange::More {
                    b.shown = PAGE;
                }
                match change {
                    BrowseChange::Query(q) => b.filter.query = q,
                    BrowseChange::Theme(t) => b.filter.theme = t,
                    BrowseChange::Tag(t) => b.filter.tag = t,
                    BrowseChange::State(st) => b.filter.state = st,
                    BrowseChange::SortByDue(on) => b.filter.sort_by_due = on,
                    BrowseChange::More => b.shown += PAGE,
                }
            }
            Action::Edit(id) => {
                s.editing = id;
                s.confirm_delete = false;
                s.form_errors.clear();
                s.screen = Screen::Edit;
            }
            Action::Suspend(id, on) => {
                s.col_mut().set_suspended(&id, on);
                let list = s.col().suspended.clone();
                let saved = s.store.borrow_mut().save_suspended(&list);
                s.note_write(saved);
                if on && s.current.as_deref() == Some(id.as_str()) {
                    s.current = None;
                }
            }
            Action::AskDelete(on) => s.confirm_delete = on,
            Action::Delete(id) => {
                s.delete(&id);
                s.confirm_delete = false;
                s.screen = Screen::Cards;
            }
            Action::EndFocus => {
                s.focus = Focus::default();
                s.next_card();
            }
            Action::SetTrack(track) => s.set_track(track),
            Action::TrackLoaded(track, Ok(text)) => {
                s.variants = Rc::new(domain::deck::read_track(&text, track));
                s.variants_for = Some(track);
            }
            Action::TrackLoaded(track, Err(why)) => {
                if s.track() == track {
                    let name = s.track_info(track).map_or(track.key(), |t| t.label.as_str()).to_string();
                    s.notices.push(Notice::Done(format!("The {name} answers could not be loaded ({why}); the general answers show until they can.")));
                }
            }
            Action::ImportText(Ok((name, text))) => s.read_import(name, text),
            Action::ImportText(Err(why)) => {
                s.import = None;
                s.import_error = Some(why);
            }
            Action::ImportChoices(choices) => s.choose(choices),
            Action::ConfirmImport => s.confirm_import(),
            Action::Export(kind) => s.export(kind),
            Action::External(changes) => {
                for change in changes {
                    s.external(change);
                }
            }
            Action::CancelImport => {
                s.import = None;
                s.import_error = None;
            }
            Action::Key(_) => {}
        }
        let now_saved = s.fresh_draft();
        if s.form_key() != form {
            // Another form (or none) is on screen: what was typed into the last one is let go.
            s.set_draft(now_saved);
            s.form_errors.clear();
        } else if now_saved != saved {
            s.draft.borrow_mut().rebase(&saved, &now_saved);
        }
        Rc::new(s)
    }
}

impl AppState {
    fn duplicate(&self) -> AppState {
        AppState {
            col: self.col.clone(),
            clock: self.clock,
            screen: self.screen,
            current: self.current.clone(),
            revealed: self.revealed,
            shown_at_ms: self.shown_at_ms,
            undo: self.undo.clone(),
            notices: self.notices.clone(),
            turn: self.turn,
            graded: self.graded,
            storage: self.storage.clone(),
            draft: self.draft.clone(),
            form_errors: self.form_errors.clone(),
            rehearse: self.rehearse,
            rehearsal: self.rehearsal.clone(),
            kept: self.kept.clone(),
            built_in: self.built_in.clone(),
            tracks: self.tracks.clone(),
            variants: self.variants.clone(),
            variants_for: self.variants_for,
            focus: self.focus.clone(),
            browse: self.browse.clone(),
            editing: self.editing.clone(),
            confirm_delete: self.confirm_delete,
            import: self.import.clone(),
            import_error: self.import_error.clone(),
            pending_log: self.pending_log.clone(),
            pending_cards: self.pending_cards.clone(),
            store: self.store.clone(),
        }
    }
}
