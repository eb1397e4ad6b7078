//! The top component: opens the workspace, follows the URL hash and shows the matching screen.

use gotlucky_core::Route;
use leptos::prelude::*;

use super::export_view::ExportView;
use super::home::Home;
use super::question_step::QuestionStep;
use super::status::{SaveIndicator, StorageBanner};
use crate::browser;
use crate::workspace::Workspace;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    provide_context(Workspace::open());
    let route = RwSignal::new(browser::current_route());
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        route.set(browser::current_route())
    });
    on_cleanup(move || listener.remove());

    view! {
        <header class="app-header">
            <a class="app-name" href="#/">"We got lucky"</a>
            <SaveIndicator/>
        </header>
        <StorageBanner/>
        <main id="main">
            {move || match route.get() {
                Route::Home => view! { <Home/> }.into_any(),
                Route::Question { review } => view! { <QuestionStep review_id=review/> }.into_any(),
                Route::Export { review } => view! { <ExportView review_id=review/> }.into_any(),
            }}
        </main>
    }
}
