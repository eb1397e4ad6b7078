//! The export screen: the review (or its drill card) as Markdown, shown as text (never as HTML), to copy, copy
//! with formatting, download or print, with names replaced by roles if asked. Every choice works on a copy:
//! the review itself never changes here, except to note when it was downloaded.

// The meeting plan screen copies its Markdown the same way.
pub(super) mod copy;
mod document;

use std::cell::Cell;

use gotlucky_core::{ExportOptions, Route};
use leptos::html::Textarea;
use leptos::prelude::*;

use self::copy::{copy_formatted, copy_markdown};
use self::document::{Choices, Document, Prepared};
use super::review_screen::MissingReview;
use crate::browser;
use crate::workspace::Workspace;

thread_local! {
    /// Set by a link that opens the export screen on the drill card (see `open_drill_card`).
    static DRILL_CARD_NEXT: Cell<bool> = const { Cell::new(false) };
}

/// Makes the next export screen start on the drill card; for links to it, called as they are followed.
pub fn open_drill_card() {
    DRILL_CARD_NEXT.set(true);
}

/// The export screen.
#[component]
pub fn ExportView(review_id: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    // The extra names are kept across screens, like an unfinished "add" field, and never stored.
    let names_key = StoredValue::new(format!("{review_id}:redact-names"));
    let id = StoredValue::new(review_id);
    let document = RwSignal::new(if DRILL_CARD_NEXT.replace(false) {
        Document::DrillCard
    } else {
        Document::Review
    });
    let include_unanswered = RwSignal::new(false);
    let front_matter = RwSignal::new(false);
    let credit = RwSignal::new(false);
    let meeting_plan = RwSignal::new(false);
    let redact = RwSignal::new(false);
    let extra_names = RwSignal::new(names_key.with_value(|key| workspace.unfinished(key)));
    // Every option is set here today; the default fills any added later until the screen offers it.
    #[allow(clippy::needless_update)]
    let choices = Memo::new(move |_| Choices {
        document: document.get(),
        options: ExportOptions {
            include_unanswered: include_unanswered.get(),
            front_matter: front_matter.get(),
            credit_contributors: credit.get(),
            include_meeting_plan: meeting_plan.get(),
            ..ExportOptions::default()
        },
        redact: redact.get(),
        extra_names: extra_names.get(),
    });
    let prepared = Memo::new(move |_| {
        let choices = choices.get();
        id.with_value(|id| workspace.review(id))
            .map(|review| Prepared::new(review, &choices))
    });
    let markdown = Memo::new(move |_| {
        prepared.with(|prepared| prepared.as_ref().map(|prepared| prepared.markdown(&choices.get())))
    });
    let mapping = move || prepared.with(|prepared| prepared.as_ref().and_then(Prepared::mapping));
    let message = RwSignal::new(String::new());
    let preview = NodeRef::<Textarea>::new();

    let copy = move |_| {
        let text = markdown.get_untracked().unwrap_or_default();
        leptos::task::spawn_local(copy_markdown(text, preview, message));
    };
    let copy_rich = move |_| {
        let choices = choices.get_untracked();
        let Some(html) = prepared.with_untracked(|prepared| prepared.as_ref().map(|prepared| prepared.html(&choices)))
        else {
            return;
        };
        let text = markdown.get_untracked().unwrap_or_default();
        leptos::task::spawn_local(copy_formatted(html, text, preview, message));
    };
    let download = move |_| {
        let choices = choices.get_untracked();
        let Some(name) = prepared.with_untracked(|prepared| {
            prepared
                .as_ref()
                .map(|prepared| prepared.file_name(&choices, &browser::today()))
        }) else {
            return;
        };
        let text = markdown.get_untracked().unwrap_or_default();
        match browser::download(&name, "text/markdown", &text) {
            Ok(()) => {
                id.with_value(|id| workspace.update(id, |review, now| review.mark_exported(now)));
                message.set(format!("Downloaded {name}."));
            }
            Err(reason) => message.set(format!("The download failed: {reason}.")),
        }
    };
    let set_names = move |event: leptos::ev::Event| {
        let names = event_target_value(&event);
        names_key.with_value(|key| workspace.set_unfinished(key, &names));
        extra_names.set(names);
    };
    let is_review = move || document.get() == Document::Review;

    view! {
        <Show when=move || markdown.with(Option::is_some) fallback=|| view! { <MissingReview/> }>
            <h1>"Export Markdown"</h1>
            <p class="no-print">"Paste this into a wiki page. Everything typed shows there exactly as typed."</p>
            <fieldset class="no-print">
                <legend>"What to export"</legend>
                <label>
                    <input type="radio" name="export-document" prop:checked=is_review on:change=move |_| document.set(Document::Review)/>
                    "The whole review"
                </label>
                <label>
                    <input type="radio" name="export-document" prop:checked=move || !is_review() on:change=move |_| document.set(Document::DrillCard)/>
                    "The drill card: the drill plan on one page for the game host"
                </label>
            </fieldset>
            <div class="export-options no-print">
                <label class="inline" class:hidden=move || !is_review()>
                    <input type="checkbox" prop:checked=include_unanswered on:change=move |event| include_unanswered.set(event_target_checked(&event))/>
                    "Include unanswered questions (as \u{201c}No answer yet\u{201d})"
                </label>
                <label class="inline" class:hidden=move || !is_review()>
                    <input type="checkbox" prop:checked=front_matter on:change=move |event| front_matter.set(event_target_checked(&event))/>
                    "Start with front matter for docs-as-code wikis (title, date, tags, status)"
                </label>
                <label class="inline" class:hidden=move || !is_review()>
                    <input type="checkbox" prop:checked=credit on:change=move |event| credit.set(event_target_checked(&event))/>
                    "Credit contributors (after each observation merged from someone\u{2019}s reflection)"
                </label>
                <label class="inline" class:hidden=move || !is_review()>
                    <input type="checkbox" prop:checked=meeting_plan on:change=move |event| meeting_plan.set(event_target_checked(&event))/>
                    "Include the meeting\u{2019}s time plan"
                </label>
                <label class="inline">
                    <input type="checkbox" prop:checked=redact on:change=move |event| redact.set(event_target_checked(&event))/>
                    "Replace names with roles"
                </label>
                <label class="field" class:hidden=move || !redact.get()>
                    <span class="field-label">"Other names to replace (separated by commas)"</span>
                    <input type="text" autocomplete="off" placeholder="Priya, the vendor's Jo" prop:value=extra_names on:input=set_names/>
                </label>
            </div>
            <div class="export-actions no-print">
                <button type="button" on:click=copy>"Copy"</button>
                <button type="button" on:click=download>"Download .md"</button>
                <button type="button" on:click=move |_| browser::print()>"Print"</button>
            </div>
            <p class="item-meta no-print" role="status">{move || message.get()}</p>
            <textarea
                class="markdown no-print"
                aria-label="Markdown"
                aria-describedby="redaction-mapping"
                readonly
                rows="20"
                node_ref=preview
                prop:value=move || markdown.get().unwrap_or_default()
            ></textarea>
            // Names and their roles, to check the replacements; never printed, since it holds the names.
            <p id="redaction-mapping" class="item-meta no-print">{mapping}</p>
            <section class="rich-paste no-print" aria-labelledby="rich-paste-heading">
                <h2 id="rich-paste-heading">"Paste with formatting"</h2>
                <p class="help">
                    "Headings, lists and tables arrive as they are, with the same choices as above. The clipboard also "
                    "gets the Markdown, for places that take plain text."
                </p>
                <button type="button" on:click=copy_rich>"Copy for Confluence, Google Docs or Notion"</button>
            </section>
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
