//! Reading a file the user picked, as text.

use wasm_bindgen::JsCast;

/// Reads the first file chosen in the `<input type="file">` that fired `event`.
pub async fn read_chosen_file(event: &leptos::ev::Event) -> Option<Result<String, String>> {
    let file = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
        .and_then(|files| files.get(0))?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string());
    Some(text.ok_or_else(|| "the file could not be read as text".to_owned()))
}
