//! Any text given to the Markdown import must come back as a review or a reason, never a panic; and whatever
//! it reads must export and import again to the same content.
#![no_main]

use gotlucky_core::export_markdown;
use gotlucky_core::import::import_markdown;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(review) = import_markdown(text, "fuzz", 1) {
        let again = import_markdown(&export_markdown(&review), "fuzz", 1);
        assert!(again.is_ok(), "an export did not import: {again:?}");
    }
});
