//! The top component: opens the workspace, follows the URL hash and shows the matching screen.

use gotlucky_core::{Route, STEPS};
use leptos::prelude::*;

use super::export_view::ExportView;
use super::home::Home;
use super::review_screen::ReviewScreen;
use super::shortcuts::ShortcutsPanel;
use super::status::{SaveIndicator, StorageBanner, UndoNotice};
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

    // The review screen is kept while only the step changes, so moving between steps does not rebuild it.
    let review = Memo::new(move |_| route.with(|route| route.review().map(str::to_owned)));
    let step = Signal::derive(move || match route.get() {
        Route::Step { step, .. } => step,
        _ => STEPS[0].id,
    });
    let exporting = Memo::new(move |_| matches!(route.get(), Route::Export { .. }));
    let screen = move || match (review.get(), exporting.get()) {
        (None, _) => view! { <Home/> }.into_any(),
        (Some(review), true) => view! { <ExportView review_id=review/> }.into_any(),
        (Some(review), false) => view! { <ReviewScreen review_id=review step=step/> }.into_any(),
    };

    view! {
        <header class="app-header">
            <a class="app-name" href="#/">"We got lucky"</a>
            <SaveIndicator/>
            <ShortcutsPanel/>
        </header>
        <StorageBanner/>
        <main id="main">{screen}</main>
        <UndoNotice/>
    }
}
