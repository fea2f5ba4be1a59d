//! The mock interview in the app: starting one, the interviewer's voice (as `Effect::Speak`),
//! answers, pauses, the debrief, the grades saved as reviews and the history. The interview itself
//! is `domain::mock`; this file keeps it stored, so leaving and coming back resumes it.

mod saving;

use super::{AppState, Effect, Screen, Take, Write, ANSWER_FIELD};
use crate::domain::mock::{debrief, order, Debrief, HistoryEntry, Length, Mock, MockSettings, Stage};
use crate::domain::{interview, Rating};
use std::rc::Rc;

/// The form fields of the mock's start: its length in minutes, and the interview (its index in
/// the list; "" for none).
pub const LENGTH_FIELD: &str = "mock-length";
pub const INTERVIEW_FIELD: &str = "mock-interview";

#[derive(Debug, Clone, PartialEq)]
pub enum MockAction {
    /// Open the mock interview's screen (to prepare for this interview, by its place in the list).
    Open(Option<usize>),
    /// Start a mock with the length and interview chosen on its start screen.
    Begin,
    /// The answer on screen is given (the big Next question button).
    Next,
    /// Say the question again.
    Repeat,
    Pause,
    Resume,
    /// Stop asking: the questions answered so far make the debrief.
    End,
    /// A grade chosen in the debrief for a question (by its place in the running order).
    Grade(usize, Rating),
    /// Save the chosen grades as reviews, keep the mock in the history.
    Save,
    /// Let the mock go without saving anything.
    Discard,
    Record,
    StopRecording,
    /// The device's voices (their names), as the browser lists them; none: it cannot speak.
    Voices(Vec<String>),
    /// The voice could not say the question (why, from the browser).
    Mute(String),
    SetVoice(String),
    SetRate(u32),
    SetShowText(bool),
    SetFollowUp(u32),
}

/// The mock interview's part of the app state.
#[derive(Debug, Clone, Default)]
pub struct MockState {
    /// The interview under way or finished (until its grades are saved or it is let go).
    pub run: Option<Mock>,
    /// The grades chosen in the debrief, by step.
    pub grades: Vec<(usize, Rating)>,
    /// Worked out once the last answer is in.
    pub debrief: Option<Rc<Debrief>>,
    pub settings: MockSettings,
    pub history: Vec<HistoryEntry>,
    /// The device's voices; empty: nothing to speak with.
    pub voices: Vec<String>,
    /// Why the question cannot be heard, when it cannot: it is then shown.
    pub mute: Option<String>,
    /// Times a question was said (a repeat too), so the screen can say so to screen readers.
    pub said: u32,
    pub recording: bool,
    /// Which answer the recorder is on (step, follow-up or not).
    pub recording_for: Option<(usize, bool)>,
    /// Recordings, by step and whether it was the follow-up's; kept in memory until the mock is
    /// saved or let go.
    pub takes: Vec<(usize, bool, Take)>,
    pub error: Option<String>,
    /// The interview the start screen was opened for.
    pub open_for: Option<usize>,
}

/// The sentence shown when the device cannot speak the question.
pub const NO_VOICE: &str = "This device has no voice to read the question aloud, so it is shown instead.";

impl MockState {
    /// From what storage held at start-up (`schema::Loaded`'s mock records).
    pub fn load(
        current: Option<(Mock, Vec<(usize, Rating)>)>,
        settings: MockSettings,
        history: Vec<HistoryEntry>,
        now_ms: i64,
    ) -> MockState {
        let mut s = MockState { settings, history, ..MockState::default() };
        if let Some((mut run, grades)) = current {
            // Back after the page was closed: the question on screen is asked afresh, paused.
            if !run.is_done() {
                run.asked_ms = now_ms;
                run.paused_ms = 0;
                run.paused_since = Some(now_ms);
            }
            s.run = Some(run);
            s.grades = grades;
        }
        s
    }

    /// Where the interview is, for a fresh answer box with every question.
    pub fn turn(&self) -> u32 {
        self.run.as_ref().map_or(u32::MAX, |m| (m.at as u32) * 3 + m.stage as u32)
    }

    pub fn take(&self, step: usize, follow_up: bool) -> Option<&Take> {
        self.takes.iter().find(|(s, f, _)| *s == step && *f == follow_up).map(|(_, _, t)| t)
    }
}

impl AppState {
    pub(super) fn mock_action(&mut self, action: MockAction) {
        let now = self.clock.now_ms;
        match action {
            MockAction::Open(which) => {
                self.mock.open_for = which;
                if which.is_some() && self.mock.run.as_ref().is_some_and(|m| !m.is_done()) {
                    // Another interview chosen: the one under way stays, paused, until let go.
                    self.mock.open_for = None;
                }
                self.screen = Screen::Mock;
            }
            MockAction::Begin => self.mock_begin(),
            MockAction::Next => self.mock_next(),
            MockAction::Repeat | MockAction::Resume => {
                if let Some(m) = self.mock.run.as_mut() {
                    m.resume(now);
                }
                self.mock_say();
                self.mock_save();
            }
            MockAction::Pause => {
                if let Some(m) = self.mock.run.as_mut() {
                    m.pause(now);
                }
                self.effects.push(Effect::Hush);
                self.mock_stop_recording();
                self.mock_save();
            }
            MockAction::End => self.mock_end(),
            MockAction::Grade(step, rating) => {
                self.mock.grades.retain(|(s, _)| *s != step);
                self.mock.grades.push((step, rating));
                self.mock_save();
            }
            MockAction::Save => self.mock_save_grades(),
            MockAction::Discard => self.mock_discard(),
            MockAction::Record => self.mock_record(),
            MockAction::StopRecording => self.mock_stop_recording(),
            MockAction::Voices(list) => self.mock.voices = list,
            MockAction::Mute(why) => {
                self.mock.mute = Some(if why.is_empty() {
                    NO_VOICE.to_string()
                } else {
                    format!("The question could not be read aloud ({why}), so it is shown instead.")
                });
            }
            MockAction::SetVoice(v) => self.mock_set(|s| s.voice = v),
            MockAction::SetRate(r) => self.mock_set(|s| s.rate_percent = r),
            MockAction::SetShowText(on) => self.mock_set(|s| s.show_text = on),
            MockAction::SetFollowUp(p) => self.mock_set(|s| s.follow_up_percent = p),
        }
    }

    /// Stop asking: what is in the answer box counts as the answer to the question on screen,
    /// and the questions answered so far make the debrief.
    fn mock_end(&mut self) {
        if !self.draft().get(ANSWER_FIELD).trim().is_empty() {
            self.mock_take_answer();
        }
        if let Some(m) = self.mock.run.as_mut() {
            m.finish(self.clock.now_ms);
        }
        self.effects.push(Effect::Hush);
        self.mock_stop_recording();
        self.mock_done();
        self.mock_save();
    }

    /// Starts the recorder for the answer on screen.
    fn mock_record(&mut self) {
        let Some(m) = self.mock.run.as_ref().filter(|m| !m.is_done() && !self.mock.recording) else { return };
        self.mock.error = None;
        self.mock.recording = true;
        self.mock.recording_for = Some((m.at, m.stage == Stage::FollowUp));
        let speech = self.col().settings.speech;
        self.effects.push(Effect::StartRecording { speech });
    }

    /// The mock's screen is left: a question under way waits, paused, and the voice stops.
    pub(super) fn mock_leave(&mut self) {
        let now = self.clock.now_ms;
        if let Some(m) = self.mock.run.as_mut().filter(|m| !m.is_done()) {
            m.pause(now);
            self.effects.push(Effect::Hush);
            self.mock_stop_recording();
            self.mock_save();
        }
        self.mock.open_for = None;
    }

    fn mock_set(&mut self, change: impl FnOnce(&mut MockSettings)) {
        let mut s = self.mock.settings.clone();
        change(&mut s);
        self.mock.settings = s.sanitised();
        let _ = self.persist(vec![Write::MockSettings]);
        self.say("Mock interview settings saved", None);
    }

    fn mock_begin(&mut self) {
        let (minutes, which) = {
            let d = self.draft();
            (d.get(LENGTH_FIELD).parse().unwrap_or(10), d.get(INTERVIEW_FIELD).parse::<usize>().ok())
        };
        let length = Length::from_minutes(minutes).unwrap_or(Length::Ten);
        let clock = self.clock;
        let seed = clock.now_ms as u64;
        let run = {
            let col = self.col();
            let chosen = which.and_then(|i| col.interviews.get(i));
            let steps = order::build(&col, clock, chosen, length, seed, self.mock.settings.follow_up_percent);
            Mock::new(steps, seed, clock.now_ms, length, chosen.map(|i| i.title()), col.settings.track())
        };
        self.mock_let_go();
        self.mock.run = Some(run);
        self.mock_say();
        self.mock_save();
    }

    /// The answer box (and any recording) as the answer to the question on screen.
    fn mock_take_answer(&mut self) {
        let now = self.clock.now_ms;
        let text = self.draft().get(ANSWER_FIELD).to_string();
        let Some(m) = self.mock.run.as_ref().filter(|m| !m.is_done()) else { return };
        let here = (m.at, m.stage == Stage::FollowUp);
        let recorded = self.mock.recording_for == Some(here) || self.mock.take(here.0, here.1).is_some();
        self.mock_stop_recording();
        if let Some(m) = self.mock.run.as_mut() {
            m.resume(now);
            m.answer(now, &text, recorded);
        }
    }

    fn mock_next(&mut self) {
        if self.mock.run.as_ref().is_none_or(Mock::is_done) {
            return;
        }
        self.mock_take_answer();
        if self.mock.run.as_ref().is_some_and(Mock::is_done) {
            self.effects.push(Effect::Hush);
            self.mock_done();
        } else {
            self.mock_say();
        }
        self.mock_save();
    }

    /// The last answer is in: the debrief, with each suggested grade chosen to start with.
    fn mock_done(&mut self) {
        let Some(m) = self.mock.run.as_ref() else { return };
        let d = {
            let col = self.col();
            debrief::debrief(m, &col)
        };
        for q in &d.questions {
            if let (Some(g), false) = (q.suggested, self.mock.grades.iter().any(|(s, _)| *s == q.step)) {
                self.mock.grades.push((q.step, g));
            }
        }
        self.mock.debrief = Some(Rc::new(d));
    }

    /// The debrief of the finished mock, worked out when it is not yet (after a reload).
    pub fn mock_debrief(&self) -> Option<Rc<Debrief>> {
        let m = self.mock.run.as_ref().filter(|m| m.is_done())?;
        self.mock.debrief.clone().or_else(|| Some(Rc::new(debrief::debrief(m, &self.col()))))
    }

    /// Says the question on screen, or shows why it cannot be heard.
    fn mock_say(&mut self) {
        let Some(text) = self.mock.run.as_ref().and_then(|m| m.to_say(&self.col())) else { return };
        if self.mock.voices.is_empty() {
            self.mock.mute = Some(NO_VOICE.to_string());
            return;
        }
        self.mock.mute = None;
        self.mock.said += 1;
        let s = &self.mock.settings;
        self.effects.push(Effect::Speak { text, voice: s.voice.clone(), rate_percent: s.rate_percent });
    }

    fn mock_stop_recording(&mut self) {
        if self.mock.recording {
            self.effects.push(Effect::StopRecording);
        }
    }

    /// A recorder event while the mock is on screen.
    pub(super) fn mock_media(&mut self, event: super::MediaEvent) {
        use super::MediaEvent;
        let m = &mut self.mock;
        match event {
            MediaEvent::Started => m.recording = true,
            MediaEvent::Stopped => m.recording = false,
            MediaEvent::Error(why) => {
                m.recording = false;
                m.error = Some(why);
            }
            MediaEvent::Take { url, bytes, ms } => {
                let Some((step, follow)) = m.recording_for.take() else {
                    self.effects.push(Effect::ForgetRecording(url));
                    return;
                };
                if let Some(i) = m.takes.iter().position(|(s, f, _)| *s == step && *f == follow) {
                    let (_, _, old) = m.takes.remove(i);
                    self.effects.push(Effect::ForgetRecording(old.url));
                }
                m.takes.push((step, follow, Take { url, bytes, ms }));
            }
        }
    }

    /// Whether the recorder's events are the mock's (it is recording, or a take is on its way).
    pub(super) fn mock_records(&self) -> bool {
        self.mock.recording || self.mock.recording_for.is_some()
    }

    /// The interview a mock would prepare for by default: the active one ahead, if any.
    pub fn mock_default_interview(&self) -> Option<usize> {
        let col = self.col();
        let now = self.clock.now_ms;
        let active = interview::upcoming(&col.interviews, now)?;
        col.interviews.iter().position(|i| std::ptr::eq(i, active))
    }
}

/// The start screen's form: about 10 minutes, for the interview being prepared for.
pub fn draft(default_interview: Option<usize>) -> super::Draft {
    super::Draft::default().with(LENGTH_FIELD, "10").with(INTERVIEW_FIELD, default_interview.map_or(String::new(), |i| i.to_string()))
}
