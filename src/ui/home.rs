//! The home screen: start a review, or open a draft.

use gotlucky_core::Route;
use leptos::prelude::*;

use crate::browser;
use crate::workspace::Workspace;

/// Start screen with the list of drafts kept in this browser.
#[component]
pub fn Home() -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let title = RwSignal::new(String::new());
    let start = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let id = workspace.start_review(&title.get_untracked());
        browser::navigate(&Route::Question { review: id });
    };

    view! {
        <h1>"We got lucky"</h1>
        <p class="lead">
            "A worksheet for the moment someone says \u{201c}we got lucky\u{201d}: find out what made the luck, "
            "and what to change so the next escape does not depend on it."
        </p>
        <form class="start" on:submit=start>
            <label for="new-review-title">"Review title"</label>
            <input
                id="new-review-title"
                type="text"
                autocomplete="off"
                placeholder="Checkout outage, 3 March"
                prop:value=title
                on:input=move |event| title.set(event_target_value(&event))
            />
            <button type="submit">"Start review"</button>
        </form>
        <section aria-labelledby="drafts-heading">
            <h2 id="drafts-heading">"Drafts in this browser"</h2>
            <Show
                when=move || workspace.reviews.with(|reviews| !reviews.is_empty())
                fallback=|| view! { <p>"No drafts yet."</p> }
            >
                <ul class="drafts">
                    <For
                        each=move || workspace.reviews.get()
                        key=|review| (review.id.clone(), review.updated_at)
                        let:review
                    >
                        <li>
                            <a href=Route::Question { review: review.id.clone() }.to_hash()>
                                {review.display_title().to_owned()}
                            </a>
                        </li>
                    </For>
                </ul>
            </Show>
        </section>
    }
}
