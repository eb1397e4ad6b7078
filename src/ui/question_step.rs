//! One question step: the review title, the question, its observations and a field to add more.

use gotlucky_core::{Route, QUESTIONS};
use leptos::prelude::*;

use crate::workspace::Workspace;

/// The question step of a review.
#[component]
pub fn QuestionStep(review_id: String) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let question = &QUESTIONS[0];
    let id = StoredValue::new(review_id);
    let exists = move || {
        id.with_value(|id| {
            workspace
                .reviews
                .with(|reviews| reviews.iter().any(|r| &r.id == id))
        })
    };
    let title = move || {
        id.with_value(|id| workspace.review(id))
            .map(|review| review.title)
            .unwrap_or_default()
    };
    let observations = move || {
        id.with_value(|id| workspace.review(id))
            .map(|review| {
                review
                    .observations_for(question.id)
                    .cloned()
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let draft = RwSignal::new(String::new());
    let add = move || {
        let text = draft.get_untracked();
        let mut added = false;
        id.with_value(|id| {
            workspace.update(id, |review, now| {
                added = review.add_observation(question.id, &text, now).is_some()
            })
        });
        if added {
            draft.set(String::new());
        }
    };

    view! {
        <Show when=exists fallback=|| view! { <MissingReview/> }>
            <div class="field">
                <label for="review-title">"Review title"</label>
                <input
                    id="review-title"
                    type="text"
                    autocomplete="off"
                    prop:value=title
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        id.with_value(|id| workspace.update(id, |review, now| review.set_title(&value, now)));
                    }
                />
            </div>
            <section class="question" aria-labelledby="question-heading">
                <h2 id="question-heading">{question.text}</h2>
                <p class="help">{question.help}</p>
                <ul class="observations" aria-label="Observations">
                    <For each=observations key=|observation| observation.id let:observation>
                        <li>{observation.text}</li>
                    </For>
                </ul>
                <form class="add-observation" on:submit=move |event| { event.prevent_default(); add(); }>
                    <textarea
                        aria-labelledby="question-heading"
                        aria-describedby="add-hint"
                        rows="2"
                        placeholder=question.example
                        prop:value=draft
                        on:input=move |event| draft.set(event_target_value(&event))
                        on:keydown=move |event| {
                            if event.key() == "Enter" && !event.shift_key() {
                                event.prevent_default();
                                add();
                            }
                        }
                    ></textarea>
                    <p id="add-hint" class="hint">"Enter adds the observation; Shift+Enter starts a new line."</p>
                    <button type="submit">"Add observation"</button>
                </form>
            </section>
            <nav class="step-nav" aria-label="Review">
                <a href="#/">"All reviews"</a>
                <a href=move || id.with_value(|id| Route::Export { review: id.clone() }.to_hash())>"Export Markdown"</a>
            </nav>
        </Show>
    }
}

/// Shown when the hash names a review this browser does not hold.
#[component]
pub fn MissingReview() -> impl IntoView {
    view! {
        <h1>"Review not found"</h1>
        <p>"This browser holds no review at this address. It may have been made in another browser or profile."</p>
        <p><a href="#/">"Back to all reviews"</a></p>
    }
}
