//! The crash screen's Rust side: a panic hook that hands the panic's message to the page's plain-JavaScript crash
//! screen (in `index.html`), which then replaces the page. The JavaScript also catches traps that run no hook.

use wasm_bindgen::{JsCast, JsValue};

/// Installs the panic hook. Safe to call more than once.
pub fn install() {
    std::panic::set_hook(Box::new(|info| show(&info.to_string())));
}

/// Shows the crash screen with `detail`, if the page has one.
fn show(detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(crashed) = js_sys::Reflect::get(&window, &JsValue::from_str("gotluckyCrashed")) else {
        return;
    };
    if let Some(crashed) = crashed.dyn_ref::<js_sys::Function>() {
        let _ = crashed.call1(&JsValue::NULL, &JsValue::from_str(detail));
    }
}

/// Panics on purpose when the page is opened with `?gotlucky-test-panic` on this machine (localhost), so the
/// end-to-end tests can check the crash screen against the real release build. Deployed sites never honour it.
pub fn panic_if_testing() {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return;
    };
    let local = location
        .hostname()
        .is_ok_and(|host| host == "127.0.0.1" || host == "localhost");
    let asked = location
        .search()
        .is_ok_and(|search| search.contains("gotlucky-test-panic"));
    if local && asked {
        panic!("a test asked gotlucky to stop (gotlucky-test-panic)");
    }
}
