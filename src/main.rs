#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<second_round::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Second Round runs in the browser: see the README to build and serve it.");
}
