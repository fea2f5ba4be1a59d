//! The app's state and the reducer that applies actions through the domain and saves through the store.

use crate::domain::interview::{self, Interview};
use crate::domain::{self, session, Clock, Collection, Rating, Settings, UndoEntry};
use crate::store::local::{Health, StorageReport, Store};
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
}

#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    StorageUnavailable,
    NewerVersion,
    WriteFailed(String),
    Unreadable(Vec<String>),
}

impl Notice {
    pub fn text(&self) -> String {
        match self {
            Notice::StorageUnavailable => "This browser is not letting Second Round save (local storage is unavailable). You can keep drilling, but progress will be lost when this tab closes.".into(),
            Notice::NewerVersion => "Your progress was saved by a newer version of Second Round. It is shown here but nothing new is saved, so it cannot be overwritten. Reload to get the newer version.".into(),
            Notice::WriteFailed(why) => format!("Your last review could not be saved: {why}. Drilling goes on, and this session is kept in memory until the tab closes."),
            Notice::Unreadable(keys) => format!(
                "{} saved item{} could not be read and {} been kept aside untouched; everything else was loaded.",
                keys.len(),
                if keys.len() == 1 { "" } else { "s" },
                if keys.len() == 1 { "has" } else { "have" }
            ),
        }
    }
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
    SaveSettings(Settings),
    Dismiss(usize),
    Storage(StorageReport),
    AddInterview(Interview),
    ActivateInterview(usize),
    RemoveInterview(usize),
    /// Take the interview plan's number of new cards a day.
    UsePlan(u32),
    /// What is wrong with the form on screen (empty: nothing).
    FormErrors(Vec<String>),
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
    /// Problems with the form on screen, named for the person filling it in.
    pub form_errors: Vec<String>,
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
        let mut col = Collection::new(domain::deck::built_in(), loaded.progress, loaded.log, loaded.settings);
        col.interviews = loaded.interviews;
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
            form_errors: Vec::new(),
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
        session::build(&self.col(), self.clock)
    }

    fn next_card(&mut self) {
        self.current = self.queue().next.map(|(id, _)| id);
        self.revealed = false;
        self.shown_at_ms = self.clock.now_ms;
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
        let saved = self.store.borrow_mut().save_grade(&id, &progress, &entry);
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
        self.col_mut().undo(&entry);
        let saved = self.store.borrow_mut().save_undo(&entry.card_id, &entry.before, log_saved);
        self.note_write(saved);
        self.screen = Screen::Review;
        self.current = Some(entry.card_id);
        self.revealed = false;
        self.shown_at_ms = self.clock.now_ms;
        self.turn += 1;
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
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
        match action {
            Action::Tick => {
                if s.screen == Screen::Review && s.current.is_none() {
                    s.next_card();
                }
            }
            Action::Start => {
                s.screen = Screen::Review;
                s.next_card();
            }
            Action::Reveal => {
                if s.current.is_some() && !s.revealed {
                    s.revealed = true;
                }
            }
            Action::Grade(r) => s.grade(r),
            Action::Undo => s.undo(),
            Action::Show(screen) => {
                s.screen = screen;
                s.form_errors.clear();
                if screen == Screen::Review {
                    s.next_card();
                }
            }
            Action::SaveSettings(settings) => {
                s.col_mut().settings = settings.sanitised();
                let saved = s.store.borrow_mut().save_settings(&s.col().settings);
                s.note_write(saved);
                s.screen = Screen::Home;
                s.form_errors.clear();
            }
            Action::Dismiss(i) => {
                if i < s.notices.len() {
                    s.notices.remove(i);
                }
            }
            Action::Storage(report) => s.storage = Some(report),
            Action::FormErrors(list) => s.form_errors = list,
            Action::AddInterview(iv) => {
                s.form_errors.clear();
                interview::add(&mut s.col_mut().interviews, iv);
                s.save_interviews();
            }
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
            Action::Key(_) => {}
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
            form_errors: self.form_errors.clone(),
            store: self.store.clone(),
        }
    }
}
