//! Entry point: mounts the Leptos app (browser only).

#[cfg(target_arch = "wasm32")]
fn main() {
    nanbyo_chiiki_shindan::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("このプログラムはブラウザで動きます。README の「起動」を参照してください。");
}
