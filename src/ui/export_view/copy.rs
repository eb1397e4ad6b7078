//! The two copy buttons of the export screen: the Markdown as text, and the same document with its formatting
//! for Confluence, Google Docs or Notion. Each says what happened only once the browser has answered.

use leptos::html::Textarea;
use leptos::prelude::*;

use crate::{browser, clipboard};

/// Copies the Markdown; when the browser refuses, selects it in `shown` so the usual copy keys work.
pub async fn copy_markdown(markdown: String, shown: NodeRef<Textarea>, message: RwSignal<String>) {
    match browser::copy_to_clipboard(&markdown).await {
        Ok(()) => message.set("Copied to the clipboard.".to_owned()),
        Err(reason) => message.set(select_for_copy_keys(shown, &reason)),
    }
}

/// Copies the document as HTML and as plain Markdown in one clipboard item. Where the browser refuses rich
/// clipboard writes, says so and copies the Markdown instead.
pub async fn copy_formatted(html: String, markdown: String, shown: NodeRef<Textarea>, message: RwSignal<String>) {
    match clipboard::copy_rich(&html, &markdown).await {
        Ok(()) => {
            message.set("Copied with its formatting: paste it into Confluence, Google Docs or Notion.".to_owned())
        }
        Err(reason) => match browser::copy_to_clipboard(&markdown).await {
            Ok(()) => message.set(format!(
                "Copying with formatting failed: {reason}. The Markdown was copied instead: paste it as Markdown \
                 (Notion and many wikis turn it into formatting), or try another browser."
            )),
            Err(plain_reason) => message.set(format!(
                "Copying with formatting failed: {reason}. {}",
                select_for_copy_keys(shown, &plain_reason)
            )),
        },
    }
}

/// Selects the shown Markdown and says how to copy it by hand.
fn select_for_copy_keys(shown: NodeRef<Textarea>, reason: &str) -> String {
    if let Some(shown) = shown.get_untracked() {
        let _ = shown.focus();
        shown.select();
    }
    format!("Copying failed: {reason}. The Markdown is selected: press Ctrl+C (\u{2318}C on a Mac).")
}
