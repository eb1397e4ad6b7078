//! Save indicator and storage warnings: what a facilitator needs to trust that nothing is lost.

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
