//! The Markdown export of a review, shown as text to select and copy.

use gotlucky_core::{export_markdown, Route};
use leptos::prelude::*;

use super::review_screen::MissingReview;
use crate::workspace::Workspace;

/// The export screen.
#[component]
pub fn ExportView(review_id: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let id = StoredValue::new(review_id);
    let markdown = Memo::new(move |_| {
        id.with_value(|id| workspace.review(id))
            .map(|review| export_markdown(&review))
    });

    view! {
        <Show when=move || markdown.with(Option::is_some) fallback=|| view! { <MissingReview/> }>
            <h1>"Export Markdown"</h1>
            <p>"Paste this into a wiki page. Everything typed shows there exactly as typed."</p>
            <textarea class="markdown" aria-label="Markdown" readonly rows="20" prop:value=move || markdown.get().unwrap_or_default()></textarea>
            <nav class="step-nav" aria-label="Export">
                <a href=move || id.with_value(|id| Route::start_of(id).to_hash())>"Back to the review"</a>
                <a href=move || id.with_value(|id| Route::Step { review: id.clone(), step: "review" }.to_hash())>
                    "Back to the summary"
                </a>
            </nav>
        </Show>
    }
}
