//! The export screen: the review as Markdown, shown as text (never as HTML), to copy, download or print.

use gotlucky_core::{export_markdown_with, markdown_file_name, ExportOptions, Route};
use leptos::html::Textarea;
use leptos::prelude::*;

use super::review_screen::MissingReview;
use crate::browser;
use crate::workspace::Workspace;

/// The export screen.
#[component]
pub fn ExportView(review_id: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let id = StoredValue::new(review_id);
    let include_unanswered = RwSignal::new(false);
    let markdown = Memo::new(move |_| {
        let options = ExportOptions {
            include_unanswered: include_unanswered.get(),
            ..ExportOptions::default()
        };
        id.with_value(|id| workspace.review(id))
            .map(|review| export_markdown_with(&review, options))
    });
    let message = RwSignal::new(String::new());
    let preview = NodeRef::<Textarea>::new();

    let copy = move |_| {
        let text = markdown.get_untracked().unwrap_or_default();
        leptos::task::spawn_local(async move {
            match browser::copy_to_clipboard(&text).await {
                Ok(()) => message.set("Copied to the clipboard.".to_owned()),
                Err(reason) => {
                    // Without clipboard access the text is selected, so the usual copy keys work.
                    if let Some(preview) = preview.get_untracked() {
                        let _ = preview.focus();
                        preview.select();
                    }
                    message.set(format!(
                        "Copying failed: {reason}. The Markdown is selected: press Ctrl+C (\u{2318}C on a Mac)."
                    ));
                }
            }
        });
    };
    let download = move |_| {
        let Some(review) = id.with_value(|id| workspace.review(id)) else {
            return;
        };
        let text = markdown.get_untracked().unwrap_or_default();
        let name = markdown_file_name(&review, &browser::today());
        match browser::download(&name, "text/markdown", &text) {
            Ok(()) => {
                id.with_value(|id| workspace.update(id, |review, now| review.mark_exported(now)));
                message.set(format!("Downloaded {name}."));
            }
            Err(reason) => message.set(format!("The download failed: {reason}.")),
        }
    };

    view! {
        <Show when=move || markdown.with(Option::is_some) fallback=|| view! { <MissingReview/> }>
            <h1>"Export Markdown"</h1>
            <p class="no-print">"Paste this into a wiki page. Everything typed shows there exactly as typed."</p>
            <label class="inline no-print">
                <input type="checkbox" prop:checked=include_unanswered on:change=move |event| include_unanswered.set(event_target_checked(&event))/>
                "Include unanswered questions (as \u{201c}No answer yet\u{201d})"
            </label>
            <div class="export-actions no-print">
                <button type="button" on:click=copy>"Copy"</button>
                <button type="button" on:click=download>"Download .md"</button>
                <button type="button" on:click=move |_| browser::print()>"Print"</button>
            </div>
            <p class="item-meta no-print" role="status">{move || message.get()}</p>
            <textarea class="markdown no-print" aria-label="Markdown" readonly rows="20" node_ref=preview prop:value=move || markdown.get().unwrap_or_default()></textarea>
            // Paper shows the whole text, which a text area would cut at its height.
            <pre class="print-only">{move || markdown.get().unwrap_or_default()}</pre>
            <nav class="step-nav no-print" aria-label="Export">
                <a href=move || id.with_value(|id| Route::start_of(id).to_hash())>"Back to the review"</a>
                <a href=move || id.with_value(|id| Route::Step { review: id.clone(), step: "review" }.to_hash())>
                    "Back to the summary"
                </a>
            </nav>
        </Show>
    }
}
