//! The interviewer's voice: a thin binding to the speech synthesis part of `web/media.js`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/web/media.js")]
extern "C" {
    #[wasm_bindgen(js_name = voices)]
    fn js_voices() -> String;
    #[wasm_bindgen(js_name = say)]
    fn js_say(text: &str, voice: &str, rate: f32) -> u32;
    #[wasm_bindgen(js_name = hush)]
    fn js_hush();
    #[wasm_bindgen(js_name = watchVoices)]
    fn js_watch_voices();
}

/// The names of the device's voices (none where it cannot speak).
pub fn list() -> Vec<String> {
    js_voices().lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
}

/// Says `text`; when it cannot, the recorder's listener hears "mute" and the question is shown.
pub fn say(text: &str, voice: &str, rate: f32) {
    js_say(text, voice, rate);
}

pub fn hush() {
    js_hush();
}

/// Tells the listener ("voices") when the device's list of voices changes.
pub fn watch() {
    js_watch_voices();
}
