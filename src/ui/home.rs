//! The home screen: start a review, or open a draft.

use gotlucky_core::catalogue::{ARTICLE_AUTHOR, ARTICLE_TITLE};
use gotlucky_core::Route;
use leptos::prelude::*;

use super::backups::Backups;
use super::drafts::DraftList;
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
        browser::navigate(&Route::start_of(&id));
    };

    view! {
        <h1>"We got lucky"</h1>
        <p class="lead">
            "A worksheet for the moment someone says \u{201c}we got lucky\u{201d}: find out what made the luck, "
            "and what to change so the next escape does not depend on it. Run it with your team, or on your own."
        </p>
        <p class="credit">
            "The questions are quoted from \u{201c}" {ARTICLE_TITLE} "\u{201d} by " {ARTICLE_AUTHOR} "."
        </p>
        <form class="start" on:submit=start>
            <label class="field">
                <span class="field-label">"Review title"</span>
                <input
                    type="text"
                    autocomplete="off"
                    placeholder="Checkout outage, 3 March"
                    prop:value=title
                    on:input=move |event| title.set(event_target_value(&event))
                />
            </label>
            <button type="submit">"Start review"</button>
        </form>
        <DraftList/>
        <Backups/>
    }
}
