//! Reading files the user picked or dropped, as text.

use gotlucky_core::meeting::MergeFile;
use wasm_bindgen::JsCast;

/// Reads the first file chosen in the `<input type="file">` that fired `event`.
pub async fn read_chosen_file(event: &leptos::ev::Event) -> Option<Result<String, String>> {
    let file = chosen_files(event)?.get(0)?;
    Some(read_text(&file).await)
}

/// The files chosen in the `<input type="file">` that fired `event`.
pub fn chosen_files(event: &leptos::ev::Event) -> Option<web_sys::FileList> {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .and_then(|input| input.files())
}

/// Reads every file of a list, each at most one byte past `limit` (enough for the merge to refuse it as too
/// large without holding a huge file in memory). A file that cannot be read keeps its name and gets an empty
/// text, which the merge refuses with its reason; it never stops the others.
pub async fn read_all(files: web_sys::FileList, limit: usize) -> Vec<MergeFile> {
    let mut read = Vec::new();
    for index in 0..files.length() {
        if let Some(file) = files.get(index) {
            let text = match file.slice_with_f64_and_f64(0.0, limit as f64 + 1.0) {
                Ok(start) => read_text(&start).await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            read.push(MergeFile {
                name: file.name(),
                text,
            });
        }
    }
    read
}

async fn read_text(file: &web_sys::Blob) -> Result<String, String> {
    wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| "the file could not be read as text".to_owned())
}
