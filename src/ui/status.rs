//! Save indicator, storage warnings, conflicts and the undo notice: what a facilitator needs to trust that
//! nothing is lost.

use leptos::prelude::*;

use gotlucky_core::storage::space::SpaceUsed;

use crate::browser;
use crate::workspace::{SaveStatus, Workspace};

/// "Saved", "Saving…" or "Not saved: <reason>", announced politely to screen readers.
#[component]
pub fn SaveIndicator() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let text = move || match workspace.save_status().get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Saving => "Saving\u{2026}".to_owned(),
        SaveStatus::Saved => "Saved".to_owned(),
        SaveStatus::NotSaved { reason, .. } => format!("Not saved: {reason}"),
    };
    let failed = move || matches!(workspace.save_status().get(), SaveStatus::NotSaved { .. });
    view! { <p class="save-status" class:failed=failed role="status">{text}</p> }
}

/// Everything that threatens a draft, each with what to do about it.
#[component]
pub fn StorageBanners() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let export_error = RwSignal::new(None::<String>);
    let export_now = move |_| export_error.set(workspace.download_backup().err());
    let quota_full = move || matches!(workspace.save_status().get(), SaveStatus::NotSaved { quota: true, .. });
    // Measured when the banner appears, and again after each button, so the sizes say what is left to give back.
    let space = RwSignal::new(SpaceUsed::default());
    Effect::new(move |_| {
        if quota_full() {
            space.set(workspace.space_used());
        }
    });
    let give_back = move |free: fn(&Workspace)| {
        move |_| {
            free(&workspace);
            space.set(workspace.space_used());
        }
    };
    let kilobytes = |characters: usize| format!("{} KB", characters.div_ceil(1000));
    let problems = move || {
        workspace
            .problems()
            .get()
            .into_iter()
            .map(|problem| {
                let key = problem.key.clone();
                let download = move |_| {
                    let raw = workspace.raw_entry(&key).unwrap_or_default();
                    let name = format!("{}.txt", key.replace(':', "-"));
                    let _ = browser::download(&name, "text/plain", &raw);
                };
                view! {
                    <li>
                        {problem.reason} " "
                        <button type="button" class="secondary" on:click=download>"Download it as text"</button>
                    </li>
                }
            })
            .collect_view()
    };

    view! {
        {move || workspace.storage_warning().get().map(|warning| view! { <p class="banner" role="alert">{warning}</p> })}
        <div class="banner" role="alert" class:hidden=move || !quota_full()>
            <p>
                "This browser\u{2019}s storage for gotlucky is full, so changes are not being saved. Everything "
                "is still here in this tab. Download a backup now; saving starts again by itself once space is "
                "freed: delete earlier versions or empty the trash here, or delete old drafts on the home screen."
            </p>
            <button type="button" on:click=export_now>"Export now"</button>
            " "
            <button type="button" class="secondary" class:hidden=move || space.get().history == 0 on:click=give_back(Workspace::clear_history)>
                {move || format!("Delete earlier versions ({})", kilobytes(space.get().history))}
            </button>
            " "
            <button type="button" class="secondary" class:hidden=move || space.get().trash == 0 on:click=give_back(Workspace::empty_trash)>
                {move || format!("Empty the trash ({})", kilobytes(space.get().trash))}
            </button>
            {move || export_error.get().map(|error| view! { <p>"The download failed: " {error}</p> })}
        </div>
        <div class="banner" role="alert" class:hidden=move || workspace.problems().with(Vec::is_empty)>
            <p>"Some saved drafts could not be opened. They are kept in this browser untouched:"</p>
            <ul>{problems}</ul>
        </div>
        <ConflictBanner/>
    }
}

/// Other tabs changed reviews this tab is changing: for each, keep both or choose one. Nothing is overwritten
/// first, and each review's conflict is resolved on its own.
#[component]
fn ConflictBanner() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let pending = move || {
        workspace.conflicts().with(|conflicts| {
            conflicts
                .iter()
                .map(|r| (r.id.clone(), r.display_title().to_owned()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <For each=pending key=|(id, title)| (id.clone(), title.clone()) let:conflict>
            <ConflictNotice id=conflict.0 title=conflict.1/>
        </For>
    }
}

/// One review changed in another tab while this tab was changing it.
#[component]
fn ConflictNotice(id: String, title: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let id = StoredValue::new(id);
    view! {
        <div class="banner" role="alert">
            <p>
                "\u{201c}" {title} "\u{201d} was changed in another tab while you were changing it here. "
                "Neither version has been overwritten."
            </p>
            <button type="button" on:click=move |_| id.with_value(|id| workspace.keep_both(id))>"Keep both"</button>
            " "
            <button type="button" class="secondary" on:click=move |_| id.with_value(|id| workspace.keep_mine(id))>
                "Keep this tab\u{2019}s"
            </button>
            " "
            <button type="button" class="secondary" on:click=move |_| id.with_value(|id| workspace.take_theirs(id))>
                "Use the other tab\u{2019}s"
            </button>
        </div>
    }
}

/// After a deletion: what was deleted, and a button to bring it back.
#[component]
pub fn UndoNotice() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let undo_button = NodeRef::<leptos::html::Button>::new();
    // The deleted item took the focus with it: give it to Undo, the likeliest next key, so it is never lost.
    Effect::new(move |_| {
        if let Some(button) = undo_button.get() {
            if browser::focus_is_lost() {
                let _ = button.focus();
            }
        }
    });
    // Undo and Dismiss remove the notice, and with it the focused button: focus goes back to the screen.
    let then_back_to_screen = move |act: fn(&Workspace)| {
        move |_| {
            act(&workspace);
            browser::focus_screen_heading();
        }
    };
    view! {
        <div class="undo" role="status">
            {move || workspace.last_deleted().with(|deleted| deleted.as_ref().map(|deleted| deleted.describe())).map(|message| view! {
                <p>
                    {message} " "
                    <button type="button" node_ref=undo_button on:click=then_back_to_screen(Workspace::undo)>"Undo"</button>
                    <button type="button" class="secondary" on:click=then_back_to_screen(Workspace::dismiss_undo)>
                        "Dismiss"
                    </button>
                </p>
            })}
        </div>
    }
}

/// "A new version is available" with a Reload button. The app never reloads by itself: drafts are saved first,
/// and only when the user chooses.
#[component]
pub fn UpdateBanner(
    /// Set when a new version is installed and waiting.
    update_ready: RwSignal<bool>,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let reload = move |_| {
        workspace.flush();
        crate::offline::activate_update();
    };
    view! {
        <div class="banner" role="status" class:hidden=move || !update_ready.get()>
            <p>"A new version of gotlucky is available. Your drafts are saved; reload when it suits you."</p>
            <button type="button" on:click=reload>"Reload"</button>
        </div>
    }
}
