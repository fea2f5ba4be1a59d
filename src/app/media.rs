//! The recorder and speech recognition of rehearse mode: a thin binding to `web/media.js`.

use super::state::{Action, AppState, MediaEvent};
use wasm_bindgen::prelude::*;
use yew::UseReducerDispatcher;

#[wasm_bindgen(module = "/web/media.js")]
extern "C" {
    fn support() -> u32;
    fn listen(cb: &js_sys::Function);
    #[wasm_bindgen(js_name = start)]
    fn js_start(speech: bool, field_id: &str);
    #[wasm_bindgen(js_name = stop)]
    fn js_stop();
    #[wasm_bindgen(js_name = forget)]
    fn js_forget(url: &str);
}

/// The id of the answer field that speech to text fills.
pub const FIELD: &str = crate::core::ANSWER_FIELD;

/// Whether this browser can record (microphone and MediaRecorder).
pub fn can_record() -> bool {
    support() & 1 != 0
}

/// Whether this browser has speech recognition.
pub fn can_transcribe() -> bool {
    support() & 2 != 0
}

pub fn start(speech: bool) {
    js_start(speech, FIELD);
}

pub fn stop() {
    js_stop();
}

/// Frees a recording's memory.
pub fn forget(url: &str) {
    js_forget(url);
}

/// Routes the recorder's events to the reducer (once, when the app starts).
pub fn connect(dispatch: UseReducerDispatcher<AppState>) {
    let cb = Closure::<dyn Fn(String, String, f64, f64)>::new(move |kind: String, text: String, bytes: f64, ms: f64| {
        let event = match kind.as_str() {
            "start" => MediaEvent::Started,
            "stop" => MediaEvent::Stopped,
            "url" => MediaEvent::Take { url: text, bytes: bytes as u32, ms: ms as u32 },
            "error" => MediaEvent::Error(text),
            // The mock interview's voice: the device's voices changed, or a question could not be said.
            "voices" => return dispatch.dispatch(Action::Mock(crate::core::mock::MockAction::Voices(super::mock::voice::list()))),
            "mute" => return dispatch.dispatch(Action::Mock(crate::core::mock::MockAction::Mute(text))),
            _ => return,
        };
        dispatch.dispatch(Action::Media(event));
    });
    listen(cb.as_ref().unchecked_ref());
    cb.forget();
}
