//! Performs the core's effects in the browser: the recorder, downloads and the share sheet.

use crate::core::Effect;

pub fn perform(effects: Vec<Effect>) {
    for effect in effects {
        match effect {
            Effect::StartRecording { speech } => super::media::start(speech),
            Effect::StopRecording => super::media::stop(),
            Effect::Speak { text, voice, rate_percent } => super::mock::voice::say(&text, &voice, rate_percent as f32 / 100.0),
            Effect::Hush => super::mock::voice::hush(),
            Effect::ForgetRecording(url) => super::media::forget(&url),
            Effect::Download { name, mime, text } => super::files::download(&name, mime, &text),
            Effect::Share { name, mime, text } => wasm_bindgen_futures::spawn_local(async move {
                let why = super::files::share(&name, mime, &text).await;
                if !why.is_empty() {
                    super::files::download(&name, mime, &text);
                }
            }),
        }
    }
}
