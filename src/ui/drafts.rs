//! The drafts kept in this browser: open, rename, duplicate and delete (with confirmation and undo).

use gotlucky_core::summary::questions_answered;
use gotlucky_core::{Review, Route};
use leptos::prelude::*;

use crate::browser;
use crate::workspace::Workspace;

/// Every draft, most recently edited first.
#[component]
pub fn DraftList() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let ids = move || workspace.review_ids();
    view! {
        <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">"Drafts in this browser"</h2>
            {move || workspace.review_ids().is_empty().then(|| view! { <p>"No drafts yet."</p> })}
            <ul class="drafts" aria-label="Drafts">
                <For each=ids key=|id| id.clone() let:id>
                    <DraftItem id=id/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn DraftItem(id: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let title_id = format!("draft-{id}");
    let id = StoredValue::new(id);
    let read = move |read: fn(&Review) -> String| {
        move || id.with_value(|id| workspace.read_whole(id, read)).unwrap_or_default()
    };
    let renaming = RwSignal::new(false);
    // `autofocus` only works for elements present when the page loads: focus the new field through its node.
    let rename_field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(field) = rename_field.get() {
            let _ = field.focus();
        }
    });
    let confirming = RwSignal::new(false);

    let rename_view = move || {
        renaming.get().then(|| {
            view! {
                <label class="field">
                    <span class="field-label">"New title"</span>
                    <input
                        type="text"
                        node_ref=rename_field
                        prop:value=read(|r| r.title.clone())
                        on:input=move |event| {
                            let value = event_target_value(&event);
                            id.with_value(|id| workspace.edit(id, |review, now| review.set_title(&value, now)));
                        }
                        on:keydown=move |event| {
                            if event.key() == "Enter" || event.key() == "Escape" {
                                event.prevent_default();
                                renaming.set(false);
                            }
                        }
                    />
                </label>
            }
        })
    };
    let confirm_view = move || {
        confirming.get().then(|| {
            view! {
                <p class="confirm" role="alert">
                    "Delete \u{201c}" {read(|r| r.display_title().to_owned())} "\u{201d}? "
                    <button type="button" class="danger" on:click=move |_| id.with_value(|id| workspace.delete_review(id))>
                        "Yes, delete"
                    </button>
                    <button type="button" class="secondary" on:click=move |_| confirming.set(false)>"Keep it"</button>
                </p>
            }
        })
    };

    view! {
        <li class="draft">
            <a class="draft-title" id=title_id.clone() href=move || id.with_value(|id| Route::start_of(id).to_hash())>
                {read(|r| r.display_title().to_owned())}
            </a>
            <p class="item-meta">{read(|r| r.scene.what_happened.clone())}</p>
            <p class="item-meta">
                "Last edited " {read(|r| browser::format_time(r.updated_at))} " \u{b7} " {read(|r| {
                    let answered = questions_answered(r);
                    format!("{} of {} questions answered", answered.done, answered.total)
                })}
            </p>
            <p class="item-meta">
                {read(|r| match r.last_exported_at {
                    Some(time) => format!("Last exported {}", browser::format_time(time)),
                    None => "Never exported from this browser".to_owned(),
                })}
            </p>
            {rename_view}
            {confirm_view}
            <div class="item-tools" role="group" aria-labelledby=title_id>
                <button type="button" class="secondary" on:click=move |_| renaming.update(|on| *on = !*on)>
                    {move || if renaming.get() { "Done renaming" } else { "Rename" }}
                </button>
                <button
                    type="button"
                    class="secondary"
                    on:click=move |_| {
                        id.with_value(|id| workspace.duplicate_review(id));
                    }
                >
                    "Duplicate"
                </button>
                <button type="button" class="secondary" on:click=move |_| confirming.set(true)>"Delete"</button>
            </div>
        </li>
    }
}
