#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(module = "/web/first-paint.js")]
extern "C" {
    /// Resolves once the browser has reported the page's first paint (see web/first-paint.js).
    #[wasm_bindgen(js_name = firstPaintShown)]
    async fn first_paint_shown() -> wasm_bindgen::JsValue;
    /// Resolves in a later task (see web/first-paint.js).
    #[wasm_bindgen(js_name = nextTask)]
    async fn next_task() -> wasm_bindgen::JsValue;
}

/// Starts the app in place of index.html's first paint (the prerendered first screen of a first
/// visit, or the splash), which has been on screen while this code downloaded. The app's first
/// screen replaces it before the browser paints again, so nothing flashes in between.
#[cfg(target_arch = "wasm32")]
fn main() {
    wasm_bindgen_futures::spawn_local(async {
        first_paint_shown().await;
        // The records are read and the deck assembled in one task, the first screen rendered in
        // the next: two shorter tasks on a slow phone instead of one long one.
        second_round::app::state::open_ahead();
        next_task().await;
        if let Some(first_paint) = gloo_utils::document().get_element_by_id("first-paint") {
            first_paint.remove();
        }
        yew::Renderer::<second_round::app::App>::new().render();
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Second Round runs in the browser: see the README to build and serve it.");
}
