//! Copying a text shown in a read-only text area, with the fallback every copy button needs.

use leptos::html::Textarea;
use leptos::prelude::*;

/// Copies `text` to the clipboard and says so in `message`; when the browser refuses, selects the text in
/// `shown`, so the usual copy keys work, and says that instead. `what` names the text in the message.
pub fn copy_or_select(text: String, shown: NodeRef<Textarea>, message: RwSignal<String>, what: &'static str) {
    leptos::task::spawn_local(async move {
        match crate::browser::copy_to_clipboard(&text).await {
            Ok(()) => message.set("Copied to the clipboard.".to_owned()),
            Err(reason) => {
                if let Some(shown) = shown.get_untracked() {
                    let _ = shown.focus();
                    shown.select();
                }
                message.set(format!(
                    "Copying failed: {reason}. The {what} is selected: press Ctrl+C (\u{2318}C on a Mac)."
                ));
            }
        }
    });
}
