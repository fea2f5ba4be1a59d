//! Import and export files: a thin binding to `web/files.js`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/web/files.js")]
extern "C" {
    #[wasm_bindgen(js_name = readInput, catch)]
    async fn read_input_js(id: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = readDrop, catch)]
    async fn read_drop_js(event: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = download)]
    fn download_js(name: &str, kind: &str, text: &str);
    #[wasm_bindgen(js_name = canShare)]
    pub fn can_share() -> bool;
    #[wasm_bindgen(js_name = share)]
    async fn share_js(name: &str, kind: &str, text: &str) -> JsValue;
    #[wasm_bindgen(js_name = fetchText, catch)]
    async fn fetch_text_js(url: &str) -> Result<JsValue, JsValue>;
}

/// A file's name and text, or a sentence saying why it could not be read.
pub type Read = Result<(String, String), String>;

fn unpack(r: Result<JsValue, JsValue>) -> Read {
    match r {
        Ok(v) => {
            let pair = js_sys::Array::from(&v);
            Ok((pair.get(0).as_string().unwrap_or_default(), pair.get(1).as_string().unwrap_or_default()))
        }
        Err(e) => Err(js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "The file could not be read.".into())),
    }
}

/// The text of one of the app's own files, or why it could not be had.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    match fetch_text_js(url).await {
        Ok(v) => Ok(v.as_string().unwrap_or_default()),
        Err(e) => Err(js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "it could not be fetched".into())),
    }
}

pub async fn read_input(id: &str) -> Read {
    unpack(read_input_js(id).await)
}

pub async fn read_drop(event: JsValue) -> Read {
    unpack(read_drop_js(&event).await)
}

pub fn download(name: &str, kind: &str, text: &str) {
    download_js(name, kind, text);
}

/// "" when shared (or dismissed); otherwise why not.
pub async fn share(name: &str, kind: &str, text: &str) -> String {
    share_js(name, kind, text).await.as_string().unwrap_or_default()
}
