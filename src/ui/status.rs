//! Save indicator, storage warnings and the undo notice: what a facilitator needs to trust that nothing is lost.

use leptos::prelude::*;

use crate::workspace::{SaveStatus, Workspace};

/// "Saved" or "Not saved: <reason>", announced politely to screen readers.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let text = move || match workspace.save_status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saved => "Saved".to_owned(),
        SaveStatus::NotSaved(reason) => format!("Not saved: {reason}"),
    };
    let failed = move || matches!(workspace.save_status.get(), SaveStatus::NotSaved(_));
    view! { <p class="save-status" class:failed=failed role="status">{text}</p> }
}

/// Warnings about storage: running from memory, or stored drafts that could not be read.
#[component]
pub fn StorageBanner() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    view! {
        {move || workspace.storage_warning.get().map(|warning| view! { <p class="banner" role="alert">{warning}</p> })}
        {move || {
            let problems = workspace.problems.get();
            (!problems.is_empty()).then(|| view! {
                <div class="banner" role="alert">
                    <p>"Some saved drafts could not be opened. They are kept in this browser untouched:"</p>
                    <ul>{problems.into_iter().map(|problem| view! { <li>{problem.reason}</li> }).collect_view()}</ul>
                </div>
            })
        }}
    }
}

/// After a deletion: what was deleted, and a button to bring it back.
#[component]
pub fn UndoNotice() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    view! {
        <div class="undo" role="status">
            {move || workspace.deleted.with(|deleted| deleted.as_ref().map(|deleted| deleted.describe())).map(|message| view! {
                <p>
                    {message} " "
                    <button type="button" on:click=move |_| workspace.undo()>"Undo"</button>
                    <button type="button" class="secondary" on:click=move |_| workspace.deleted.set(None)>"Dismiss"</button>
                </p>
            })}
        </div>
    }
}
