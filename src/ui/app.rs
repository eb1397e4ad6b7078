//! The top component: opens the workspace, follows the URL hash and shows the matching screen.

use gotlucky_core::{Route, STEPS};
use leptos::prelude::*;

use super::accessibility::AccessibilityPage;
use super::export_view::ExportView;
use super::home::Home;
use super::meeting_plan_view::MeetingPlanView;
use super::presenter::PresenterView;
use super::review_screen::ReviewScreen;
use super::shortcuts::ShortcutsPanel;
use super::status::{SaveIndicator, StorageBanners, UndoNotice, UpdateBanner};
use crate::browser;
use crate::workspace::Workspace;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let workspace = Workspace::open();
    provide_context(workspace);
    let route = RwSignal::new(browser::current_route());
    let listeners = [
        window_event_listener(leptos::ev::hashchange, move |_| route.set(browser::current_route())),
        // Hidden or closing: the debounce may never fire, so save now.
        window_event_listener(leptos::ev::pagehide, move |_| workspace.flush()),
        window_event_listener(leptos::ev::beforeunload, move |_| workspace.flush()),
        window_event_listener_untyped("visibilitychange", move |_| {
            if document().hidden() {
                workspace.flush();
            }
        }),
        window_event_listener(leptos::ev::storage, move |event| {
            workspace.on_storage_event(event.key(), event.new_value())
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
    let update_ready = RwSignal::new(false);
    crate::offline::register(update_ready);

    // The review screen is kept while only the step changes, so moving between steps does not rebuild it.
    let review = Memo::new(move |_| route.with(|route| route.review().map(str::to_owned)));
    let step = Signal::derive(move || match route.get() {
        Route::Step { step, .. } => step,
        _ => STEPS[0].id,
    });
    let exporting = Memo::new(move |_| matches!(route.get(), Route::Export { .. }));
    let planning = Memo::new(move |_| matches!(route.get(), Route::Plan { .. }));
    let presenting = Memo::new(move |_| matches!(route.get(), Route::Present { .. }));
    let statement = Memo::new(move |_| matches!(route.get(), Route::Accessibility));
    let screen = move || match (review.get(), exporting.get(), planning.get()) {
        (None, _, _) if statement.get() => view! { <AccessibilityPage/> }.into_any(),
        (None, _, _) => view! { <Home/> }.into_any(),
        (Some(review), true, _) => view! { <ExportView review_id=review/> }.into_any(),
        (Some(review), _, true) => view! { <MeetingPlanView review_id=review/> }.into_any(),
        (Some(review), false, false) => view! { <ReviewScreen review_id=review step=step/> }.into_any(),
    };

    // The presenter view is for the room: none of the facilitator's controls, banners or notices.
    let presenter = move || review.get().map(|review| view! { <PresenterView review_id=review/> });
    let app = move || {
        view! {
        <header class="app-header">
            <a class="app-name" href="#/">"We got lucky"</a>
            <SaveIndicator/>
            <ShortcutsPanel/>
        </header>
        <UpdateBanner update_ready=update_ready/>
        <StorageBanners/>
        <main id="main">{screen}</main>
        <footer class="app-footer no-print">
            <a href=Route::Accessibility.to_hash()>"Accessibility"</a>
        </footer>
        <UndoNotice/>
        }
    };
    move || {
        if presenting.get() {
            presenter().into_any()
        } else {
            app().into_any()
        }
    }
}
