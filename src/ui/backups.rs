//! Backups on the home screen: download every draft as one file, import such a file (shown before it is
//! saved), the trash, and whether the browser promised to keep the drafts.

use gotlucky_core::backup::ImportPlan;
use leptos::prelude::*;

use super::file_input::read_chosen_file;
use super::markdown_import::MarkdownImport;
use crate::browser;
use crate::workspace::Workspace;

/// The backups section.
#[component]
pub fn Backups() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let message = RwSignal::new(None::<String>);
    let plan = RwSignal::new(None::<ImportPlan>);
    let download = move |_| {
        message.set(Some(match workspace.download_backup() {
            Ok(()) => "Backup downloaded.".to_owned(),
            Err(error) => format!("The backup could not be downloaded: {error}."),
        }))
    };
    let choose_file = move |event: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            let Some(text) = read_chosen_file(&event).await else {
                return;
            };
            match text.and_then(|text| workspace.plan_import(&text)) {
                Ok(plan_found) => {
                    message.set(Some(format!("This file holds: {}.", plan_found.describe())));
                    plan.set(Some(plan_found));
                }
                Err(reason) => {
                    plan.set(None);
                    message.set(Some(format!("Nothing was imported: {reason}.")));
                }
            }
        });
    };
    let confirm = move |_| {
        if let Some(found) = plan.get_untracked() {
            let summary = found.describe();
            let outcome = workspace.import(found);
            plan.set(None);
            message.set(Some(match outcome {
                Ok(()) => format!("Imported: {summary}."),
                Err(reason) => format!("Imported into this tab, but {reason}."),
            }));
        }
    };
    let persisted = move || match workspace.persisted().get() {
        Some(true) => "This browser has agreed to keep your drafts until you clear them.",
        _ => "This browser may clear drafts when it runs short of space: download a backup now and then.",
    };

    view! {
        <section class="backups" aria-labelledby="backups-heading">
            <h2 id="backups-heading">"Backups"</h2>
            <p class="help">"Drafts live only in this browser. " {persisted}</p>
            <button type="button" on:click=download>"Download a backup"</button>
            <MarkdownImport/>
            <label class="field">
                <span class="field-label">"Import a backup file"</span>
                <input type="file" accept=".json,application/json" on:change=choose_file/>
            </label>
            <p role="status" class="item-meta">{move || message.get()}</p>
            <p class:hidden=move || plan.with(Option::is_none)>
                <button type="button" on:click=confirm>"Import these drafts"</button>
                " "
                <button type="button" class="secondary" on:click=move |_| { plan.set(None); message.set(None); }>
                    "Cancel"
                </button>
            </p>
        </section>
        <Trash/>
    }
}

/// Deleted drafts, until restored or deleted for good.
#[component]
fn Trash() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let items = move || {
        workspace
            .trash()
            .get()
            .into_iter()
            .map(|review| {
                let (restore_id, delete_id) = (review.id.clone(), review.id.clone());
                view! {
                    <li class="draft">
                        <span class="draft-title">{review.display_title().to_owned()}</span>
                        <p class="item-meta">"Last edited " {browser::format_time(review.updated_at)}</p>
                        <button type="button" on:click=move |_| workspace.restore(&restore_id)>"Restore"</button>
                        " "
                        <button type="button" class="secondary" on:click=move |_| workspace.empty_from_trash(&delete_id)>
                            "Delete for good"
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class:hidden=move || workspace.trash().with(Vec::is_empty) aria-labelledby="trash-heading">
            <h2 id="trash-heading">"Recently deleted"</h2>
            <ul class="drafts" aria-label="Recently deleted">{items}</ul>
        </section>
    }
}
