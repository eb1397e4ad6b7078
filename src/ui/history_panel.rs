//! Earlier versions of the review, on the review step: look at one, or restore it.

use gotlucky_core::export_markdown;
use gotlucky_core::history::Revision;
use leptos::prelude::*;

use super::review_context::ReviewContext;
use crate::browser;

/// The history of the open review, read from storage when the user asks for it.
#[component]
pub fn HistoryPanel() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let revisions = RwSignal::new(None::<Vec<Revision>>);
    let shown = RwSignal::new(None::<String>);
    let load = move |_| revisions.set(Some(context.id.with_value(|id| context.workspace.history(id))));
    let list = move || {
        revisions.get().map(|found| {
            if found.is_empty() {
                return view! { <p>"No earlier versions yet: one is kept every couple of minutes of editing."</p> }
                    .into_any();
            }
            found
                .into_iter()
                .map(|revision| {
                    let summary = format!(
                        "{}: {} observations, {} actions",
                        browser::format_time(revision.saved_at),
                        revision.review.observations.len(),
                        revision.review.actions.len()
                    );
                    let markdown = export_markdown(&revision.review);
                    let restore = move |_| {
                        context.workspace.restore_revision(revision.clone());
                        revisions.set(None);
                        shown.set(None);
                    };
                    view! {
                        <li class="item">
                            <p class="item-text">{summary}</p>
                            <button type="button" class="secondary" on:click=move |_| shown.set(Some(markdown.clone()))>
                                "Show"
                            </button>
                            " "
                            <button type="button" class="secondary" on:click=restore>"Restore this version"</button>
                        </li>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="history" aria-labelledby="history-heading">
            <h3 id="history-heading">"Earlier versions"</h3>
            <button type="button" class="secondary" on:click=load>"Show earlier versions"</button>
            <ul class="items" aria-label="Earlier versions">{list}</ul>
            <textarea
                class="markdown"
                aria-label="Earlier version"
                readonly
                rows="12"
                class:hidden=move || shown.with(Option::is_none)
                prop:value=move || shown.get().unwrap_or_default()
            ></textarea>
        </section>
    }
}
