//! Copy, share and print: a thin binding to `web/kit.js`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/web/kit.js")]
extern "C" {
    #[wasm_bindgen(js_name = copyText)]
    async fn copy_text_js(text: &str) -> JsValue;
    #[wasm_bindgen(js_name = shareText)]
    async fn share_text_js(title: &str, text: &str) -> JsValue;
    #[wasm_bindgen(js_name = canShareText)]
    pub fn can_share_text() -> bool;
    #[wasm_bindgen(js_name = printPage)]
    pub fn print_page();
}

/// Copies text; says what happened.
pub async fn copy_text(text: &str) -> String {
    copy_text_js(text).await.as_string().unwrap_or_default()
}

/// Hands text to the share sheet (copies it where there is none); "" when shared or dismissed.
pub async fn share_text(title: &str, text: &str) -> String {
    share_text_js(title, text).await.as_string().unwrap_or_default()
}
