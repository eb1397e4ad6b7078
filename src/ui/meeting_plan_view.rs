//! The meeting plan to send before the meeting: the agenda with each step's minutes and start time, the
//! questions of each step, and a note asking people to reflect alone first. Shown as Markdown text (never
//! rendered), to copy, download or print on one page; "Prepare a reflection" starts a personal reflection
//! linked to the meeting.

use gotlucky_core::meeting::{meeting_plan_file_name, meeting_plan_markdown, prepare_reflection};
use gotlucky_core::Route;
use leptos::html::Textarea;
use leptos::prelude::*;

use super::export_view::copy::copy_markdown;
use super::review_screen::MissingReview;
use crate::browser;
use crate::workspace::Workspace;

/// The meeting plan screen of one review.
#[component]
pub fn MeetingPlanView(
    /// The meeting's review id.
    review_id: String,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let id = StoredValue::new(review_id);
    let markdown = Memo::new(move |_| id.with_value(|id| workspace.read_whole(id, meeting_plan_markdown)));
    let message = RwSignal::new(String::new());
    let preview = NodeRef::<Textarea>::new();

    let copy = move |_| {
        let text = markdown.get_untracked().unwrap_or_default();
        leptos::task::spawn_local(copy_markdown(text, preview, message));
    };
    let download = move |_| {
        let Some(name) =
            id.with_value(|id| workspace.read_whole(id, |review| meeting_plan_file_name(review, &browser::today())))
        else {
            return;
        };
        let text = markdown.get_untracked().unwrap_or_default();
        match browser::download(&name, "text/markdown", &text) {
            Ok(()) => message.set(format!("Downloaded {name}.")),
            Err(reason) => message.set(format!("The download failed: {reason}.")),
        }
    };
    let prepare = move |_| {
        let Some(reflection) = id.with_value(|id| {
            workspace.read_whole(id, |meeting| {
                prepare_reflection(meeting, &browser::new_review_id(), browser::now())
            })
        }) else {
            return;
        };
        let reflection = workspace.add_imported(reflection);
        browser::navigate(&Route::start_of(&reflection));
    };

    view! {
        <Show when=move || markdown.with(Option::is_some) fallback=|| view! { <MissingReview/> }>
            <h1 class="no-print">"Meeting plan"</h1>
            <p class="no-print">
                "Send this before the meeting. It asks everyone to reflect alone first with gotlucky and to send "
                "you the file they export; \u{201c}Add reflections\u{2026}\u{201d} on the review then brings them in. "
                "Someone who opens this file with \u{201c}Import a Markdown review\u{201d} starts a reflection "
                "for this meeting."
            </p>
            <div class="export-actions no-print">
                <button type="button" on:click=copy>"Copy"</button>
                <button type="button" on:click=download>"Download .md"</button>
                <button type="button" on:click=move |_| browser::print()>"Print"</button>
                <button type="button" class="secondary" on:click=prepare>"Prepare a reflection"</button>
            </div>
            <p class="item-meta no-print" role="status">{move || message.get()}</p>
            <textarea
                class="markdown no-print"
                aria-label="Meeting plan"
                readonly
                rows="20"
                node_ref=preview
                prop:value=move || markdown.get().unwrap_or_default()
            ></textarea>
            <pre class="print-only">{move || markdown.get().unwrap_or_default()}</pre>
            <nav class="step-nav no-print" aria-label="Meeting plan">
                <a href=move || id.with_value(|id| Route::start_of(id).to_hash())>"Back to the review"</a>
            </nav>
        </Show>
    }
}
