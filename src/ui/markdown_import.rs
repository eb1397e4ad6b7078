//! Importing a review from a Markdown file (one gotlucky exported, also after edits in a wiki). The user sees
//! what will be imported before anything is saved; it always becomes a new draft.

use gotlucky_core::{Mode, Review, Route};
use leptos::prelude::*;

use super::file_input::read_chosen_file;
use crate::browser;
use crate::workspace::Workspace;

/// The Markdown import on the home screen.
#[component]
pub fn MarkdownImport() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let found = RwSignal::new(None::<Review>);
    let message = RwSignal::new(None::<String>);
    let choose = move |event: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some(text) = read_chosen_file(&event).await else {
                return;
            };
            match text.and_then(|text| workspace.read_markdown(&text)) {
                Ok(review) => {
                    message.set(Some(describe(&review)));
                    found.set(Some(review));
                }
                Err(reason) => {
                    found.set(None);
                    message.set(Some(format!("Nothing was imported: {reason}.")));
                }
            }
        });
    };
    let confirm = move |_| {
        if let Some(review) = found.get_untracked() {
            found.set(None);
            message.set(None);
            let id = workspace.add_imported(review);
            browser::navigate(&Route::start_of(&id));
        }
    };

    view! {
        <label class="field">
            <span class="field-label">"Import a Markdown review"</span>
            <input type="file" accept=".md,.markdown,text/markdown,text/plain" on:change=choose/>
        </label>
        <p role="status" class="item-meta">{move || message.get()}</p>
        <p class:hidden=move || found.with(Option::is_none)>
            <button type="button" on:click=confirm>"Import as a new draft"</button>
            " "
            <button type="button" class="secondary" on:click=move |_| { found.set(None); message.set(None); }>
                "Cancel"
            </button>
        </p>
    }
}

fn describe(review: &Review) -> String {
    if review.scene.mode == Mode::SelfReflection && review.observations.is_empty() && review.moments.is_empty() {
        return format!(
            "This is the meeting plan for \u{201c}{}\u{201d}: importing it starts your own reflection for that \
             meeting. When you are done, export it and send the file to the facilitator.",
            review.display_title()
        );
    }
    let mut text = format!(
        "Found \u{201c}{}\u{201d}: {} observations, {} actions, {} \u{201c}we got lucky\u{201d} moments.",
        review.display_title(),
        review.observations.len(),
        review.actions.len(),
        review.moments.len()
    );
    if !review.notes.is_empty() {
        text.push_str(" Sections gotlucky does not know are kept in the review\u{2019}s notes.");
    }
    text
}
