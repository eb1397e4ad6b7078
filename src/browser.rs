//! Small browser facts the app needs: the clock, fresh ids, the location hash.

use gotlucky_core::Route;

/// Milliseconds since the Unix epoch.
pub fn now() -> u64 {
    js_sys::Date::now() as u64
}

/// A new review id: time and randomness in base 36, so ids from two tabs do not collide.
pub fn new_review_id() -> String {
    let random = (js_sys::Math::random() * 2_176_782_336.0) as u64; // 36^6
    format!("{}{}", base36(now()), base36(random))
}

fn base36(mut value: u64) -> String {
    const DIGITS: &[u8] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(value % 36) as usize]);
        value /= 36;
        if value == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8_lossy(&out).into_owned()
}

/// The route the address bar currently shows.
pub fn current_route() -> Route {
    let hash = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    Route::from_hash(&hash)
}

/// Moves to a route by changing the hash, so the browser's history records it.
pub fn navigate(route: &Route) {
    if let Some(window) = web_sys::window() {
        // Setting the hash only fails on detached documents; there is nothing better to do than stay put.
        let _ = window.location().set_hash(&route.to_hash());
    }
}

/// A moment as the user's browser writes dates and times, e.g. "26/11/2026, 09:14:03".
pub fn format_time(millis: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    String::from(date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED))
}
