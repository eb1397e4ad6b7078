//! Small browser facts the app needs: the clock, fresh ids, the location hash.

use gotlucky_core::Route;
use wasm_bindgen::JsCast;

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

/// Offers text to the user as a downloaded file.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let failed = |what: &str| format!("the browser refused to {what}");
    let window = web_sys::window().ok_or_else(|| failed("open a window"))?;
    let document = window.document().ok_or_else(|| failed("find the page"))?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| failed("make the file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed("make the file"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| failed("make a link"))?
        .dyn_into()
        .map_err(|_| failed("make a link"))?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoking at once can cancel the download in some browsers; a minute later is safe.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// Today's date as YYYY-MM-DD in the user's time zone, for file names.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// Asks the browser to keep this site's storage when space runs low. `None` when the browser cannot say.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.persist().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.as_bool()
}

/// Milliseconds from the page's start on a clock that never jumps (`performance.now()`), for measuring waits.
pub fn monotonic_now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or_else(js_sys::Date::now, |performance| performance.now())
}

/// Whether nothing has the keyboard focus (it fell back to the page itself, as when a focused button is removed).
pub fn focus_is_lost() -> bool {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return false;
    };
    match (document.active_element(), document.body()) {
        (None, _) => true,
        (Some(active), Some(body)) => active == *body.as_ref(),
        (Some(_), None) => false,
    }
}

/// Puts the focus on the screen's heading (the open step's, or the screen's title), so keyboard and
/// screen-reader users go on from the top of what they were working on.
pub fn focus_screen_heading() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let heading = document
        .get_element_by_id("step-heading")
        .or_else(|| document.query_selector("main h1").ok().flatten());
    if let Some(heading) = heading.and_then(|heading| heading.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !heading.has_attribute("tabindex") {
            let _ = heading.set_attribute("tabindex", "-1");
        }
        let _ = heading.focus();
    }
}

/// Starts timing `name` in the browser's performance timeline, where the benchmark reads it.
pub fn mark_start(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(&format!("{name}:start"));
    }
}

/// Ends timing `name`: the duration since `mark_start(name)` becomes a performance measure.
pub fn mark_end(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.measure_with_start_mark(name, &format!("{name}:start"));
    }
}

/// Writes text to the clipboard. `Ok` only once the browser confirms the write.
pub async fn copy_to_clipboard(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window().ok_or("no browser window")?.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "the browser did not allow it".to_owned())
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
