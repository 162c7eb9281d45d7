//! The user interface (browser only): renders and binds. Arithmetic, filtering and
//! validation live in the domain.

pub mod app;
#[cfg(feature = "bench")]
pub mod bench;
#[cfg(feature = "bench")]
pub mod bench_lock;
#[cfg(feature = "bench")]
pub mod bench_map;
#[cfg(feature = "bench")]
pub mod bench_map_draw;
#[cfg(feature = "bench")]
pub mod bench_regional;
pub mod charts;
pub mod components;
pub mod ctx;
pub mod editor;
pub mod erase;
pub mod form;
pub mod help_tip;
pub mod io_client;
pub mod lock_screen;
pub mod modal;
pub mod pages;
pub mod panic_screen;
pub mod platform;
pub mod print;
pub mod section_links;
pub mod staff;
pub mod status;
pub mod trash_list;

use wasm_bindgen::JsCast;

/// Installs the panic screen and mounts the app.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.clone().into());
        panic_screen::show_panic_screen(&detail);
    }));
    platform::mark("wasm-main");
    leptos::mount::mount_to_body(app::App);
    platform::mark("mounted");
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        if let Some(el) = boot.dyn_ref::<web_sys::Element>() {
            el.remove();
        }
    }
}
