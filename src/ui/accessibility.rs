//! The Accessibility page: what gotlucky aims for, how each promise is tested, what is known not to work, and
//! when it was last checked. It shows the same list the end-to-end tests run, so the two cannot drift apart.

use gotlucky_core::accessibility::statement;
use leptos::prelude::*;

/// The accessibility statement.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let body = match statement() {
        Ok(statement) => view! {
            <p>
                "gotlucky aims to meet " {statement.target} " on every screen, for facilitators, participants and "
                "anyone who files the result."
            </p>
            <h2>"How it is tested"</h2>
            <p>"Every item below is an automated test that runs against the release build in Chromium:"</p>
            <ul>{statement.checks.into_iter().map(|check| view! { <li>{check.what}</li> }).collect_view()}</ul>
            <h2>"Known limitations"</h2>
            <ul>{statement.limitations.into_iter().map(|limit| view! { <li>{limit}</li> }).collect_view()}</ul>
            <p>"Last checked: " <time>{statement.last_checked}</time> "."</p>
        }
        .into_any(),
        Err(reason) => view! { <p>{reason}</p> }.into_any(),
    };
    view! {
        <h1>"Accessibility"</h1>
        {body}
        <p>
            "If something gets in your way, tell the people who run gotlucky for your team: what you were doing, "
            "and with which browser and assistive technology."
        </p>
        <p><a href="#/">"Back to all reviews"</a></p>
    }
}
