//! "Add reflections…": bringing the reflections participants wrote before the meeting into the meeting's review.
//! Files are chosen or dropped onto the page; a preview says, per file, whose it is and what it adds (or why it
//! is refused); nothing changes until the facilitator confirms, and one Undo takes the whole merge back.

use gotlucky_core::catalogue;
use gotlucky_core::meeting::{FilePlan, MergePlan, MAX_REFLECTION_BYTES};
use leptos::prelude::*;

use super::file_input::{chosen_files, read_all};
use super::review_context::ReviewContext;

/// The merge panel of the open review.
#[component]
pub fn MergeReflections() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let plan = RwSignal::new(None::<MergePlan>);
    let open = RwSignal::new(false);
    let message = RwSignal::new(String::new());
    let consider = move |files: web_sys::FileList| {
        leptos::task::spawn_local(async move {
            let files = read_all(files, MAX_REFLECTION_BYTES).await;
            if files.is_empty() {
                return;
            }
            let planned = context.id.with_value(|id| context.workspace.plan_merge(id, &files));
            message.set(String::new());
            plan.set(planned);
            open.set(true);
        });
    };
    // Files dropped anywhere on the review screen come here too, instead of the browser opening them.
    let dragover = window_event_listener(leptos::ev::dragover, |event| event.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |event| {
        event.prevent_default();
        if let Some(files) = event.data_transfer().and_then(|transfer| transfer.files()) {
            consider(files);
        }
    });
    on_cleanup(move || {
        dragover.remove();
        drop.remove();
    });
    let confirm = move |_| {
        if let Some(chosen) = plan.get_untracked() {
            context.id.with_value(|id| context.workspace.merge(id, &chosen));
            let added: usize = chosen
                .files
                .iter()
                .filter_map(|file| file.outcome.as_ref().ok())
                .map(|f| f.added())
                .sum();
            message.set(format!("Merged {added} new items. Undo takes the whole merge back."));
            plan.set(None);
        }
    };

    view! {
        <details class="merge no-print" prop:open=move || open.get() on:toggle=move |event| {
            open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open());
        }>
            <summary>"Add reflections\u{2026}"</summary>
            <p class="help">
                "Bring in the reflections people wrote before the meeting: the Markdown files or backups gotlucky "
                "exported for them. You can also drop the files anywhere on this page. Nothing changes until you "
                "confirm; what the review already has is never changed."
            </p>
            <label class="field">
                <span class="field-label">"Reflection files"</span>
                <input
                    type="file"
                    multiple
                    accept=".md,.markdown,.json,text/markdown,application/json,text/plain"
                    on:change=move |event| {
                        if let Some(files) = chosen_files(&event) {
                            consider(files);
                        }
                    }
                />
            </label>
            {move || plan.get().map(|chosen| {
                let adds = chosen.adds_anything();
                view! {
                    <section class="merge-preview" aria-labelledby="merge-preview-heading">
                        <h3 id="merge-preview-heading">"What the merge adds"</h3>
                        <ul>{chosen.files.iter().map(file_preview).collect_view()}</ul>
                        <button type="button" on:click=confirm disabled=!adds>"Merge into this review"</button>
                        " "
                        <button type="button" class="secondary" on:click=move |_| plan.set(None)>"Cancel"</button>
                    </section>
                }
            })}
            <p class="item-meta" role="status">{move || message.get()}</p>
        </details>
    }
}

/// One file of the preview: whose reflection it is and what it adds per question, or why it is refused.
fn file_preview(file: &FilePlan) -> impl IntoView {
    match &file.outcome {
        Err(reason) => view! {
            <li class="refused">
                <strong>{file.name.clone()}</strong>
                {format!(": refused, because {reason}. The other files still merge.")}
            </li>
        }
        .into_any(),
        Ok(merge) => {
            let questions = merge
                .questions
                .iter()
                .filter(|question| question.added + question.skipped > 0)
                .map(|question| {
                    let text = catalogue::question(&question.question).map_or(question.question.as_str(), |q| q.text);
                    let skipped = (question.skipped > 0)
                        .then(|| format!(" ({} duplicate{} skipped)", question.skipped, plural(question.skipped)));
                    view! { <li>{text.to_owned()} {format!(": {} new", question.added)} {skipped}</li> }
                })
                .collect_view();
            view! {
                <li>
                    <strong>{merge.describe()}</strong>
                    {format!(" \u{2014} from {}", file.name)}
                    <ul>{questions}</ul>
                </li>
            }
            .into_any()
        }
    }
}

fn plural(count: usize) -> &'static str {
    if count == 1 {
        ""
    } else {
        "s"
    }
}
