//! What an action asks of the browser, as data: the yew layer (`app/effects.rs`) performs it, and
//! native tests read it.

/// One thing for the browser to do after an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Start the recorder (and speech to text into the answer field, when `speech`).
    StartRecording {
        speech: bool,
    },
    StopRecording,
    /// Free a recording's memory (its `blob:` URL): nothing keeps it any more.
    ForgetRecording(String),
    /// Offer a file to save.
    Download {
        name: String,
        mime: &'static str,
        text: String,
    },
    /// Offer a file to the system's share sheet (downloaded where sharing is not possible).
    Share {
        name: String,
        mime: &'static str,
        text: String,
    },
    /// Say a mock interview's question aloud with the device's speech synthesis (the voice by
    /// name, empty for the default; `rate_percent` 100 is normal speed), cutting off what was being said.
    Speak {
        text: String,
        voice: String,
        rate_percent: u32,
    },
    /// Stop speaking.
    Hush,
    /// Move the keyboard's and screen reader's focus, once the screen shows the change.
    Focus(FocusOn),
}

/// Where focus goes after an action, so what changed is what is read next.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FocusOn {
    /// The model answer, when it is revealed.
    Answer,
    /// The button "Delete for good", when the question is asked.
    ConfirmDelete,
    /// The screen's heading, scrolled to its top: an interview just added is in the list above
    /// the form, where the person sees it, not under the emptied form.
    Heading,
}
