//! Copying with formatting: the clipboard gets both `text/html` (for Confluence, Google Docs, Notion) and
//! `text/plain` (for everything else) in one `ClipboardItem`.
//!
//! The HTML goes to the clipboard as a `Blob` and nowhere else: it is never put into the page. Every failure
//! comes back as a sentence a facilitator can act on, and the caller falls back to copying the Markdown.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Clipboard, ClipboardItem};

/// Writes `html` as `text/html` and `plain` as `text/plain` to the clipboard. `Ok` only once the browser
/// confirms the write.
pub async fn copy_rich(html: &str, plain: &str) -> Result<(), String> {
    let clipboard = rich_clipboard()?;
    let record = Object::new();
    for (mime, text) in [("text/html", html), ("text/plain", plain)] {
        Reflect::set(&record, &JsValue::from_str(mime), &JsValue::from(blob(mime, text)?))
            .map_err(|_| "this browser could not prepare the formatted copy".to_owned())?;
    }
    let item = ClipboardItem::new_with_record_from_str_to_blob_promise(&record)
        .map_err(|_| "this browser does not copy formatted text".to_owned())?;
    JsFuture::from(clipboard.write(&Array::of1(&item)))
        .await
        .map(|_| ())
        .map_err(|error| refusal(&error))
}

/// The clipboard, if this browser can write formatted text to it: the API is missing outside secure pages and
/// in older browsers, and calling what is missing would throw.
fn rich_clipboard() -> Result<Clipboard, String> {
    let unsupported = || "this browser does not copy formatted text".to_owned();
    let window = web_sys::window().ok_or_else(unsupported)?;
    let has = |target: &JsValue, name: &str| {
        Reflect::get(target, &JsValue::from_str(name)).is_ok_and(|value| !value.is_undefined() && !value.is_null())
    };
    if !has(&window, "ClipboardItem") {
        return Err(unsupported());
    }
    let clipboard = Reflect::get(&window.navigator(), &JsValue::from_str("clipboard")).map_err(|_| unsupported())?;
    if !has(&clipboard, "write") {
        return Err(unsupported());
    }
    clipboard.dyn_into::<Clipboard>().map_err(|_| unsupported())
}

fn blob(mime: &str, text: &str) -> Result<Blob, String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), &options)
        .map_err(|_| "this browser could not prepare the formatted copy".to_owned())
}

/// Why the browser refused the write, in words: mostly a permission, or the page not having the focus.
fn refusal(error: &JsValue) -> String {
    let name = Reflect::get(error, &JsValue::from_str("name"))
        .ok()
        .and_then(|name| name.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "NotAllowedError" => "the browser did not allow it".to_owned(),
        "NotSupportedError" | "DataError" => "this browser does not copy formatted text".to_owned(),
        _ => "the browser refused it".to_owned(),
    }
}
