//! The screen of one review: the stepper, the open step, and Back / Next. Moving never loses anything: every
//! change is already saved when it is typed.

use gotlucky_core::{catalogue, Review, Route, StepKind, STEPS};
use leptos::html::H2;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::actions_step::ActionsStep;
use super::question_card::QuestionsStep;
use super::scene_step::SceneStep;
use super::stepper::Stepper;
use super::summary_step::SummaryStep;
use crate::browser;
use crate::workspace::{Deleted, Workspace};

/// The review being worked on, shared with the step components below the review screen.
#[derive(Clone, Copy)]
pub struct ReviewContext {
    pub id: StoredValue<String>,
    pub review: Memo<Option<Review>>,
    pub workspace: Workspace,
}

impl ReviewContext {
    /// Reads the review, tracked.
    pub fn read<T>(&self, read: impl FnOnce(&Review) -> T) -> Option<T> {
        self.review.with(|review| review.as_ref().map(read))
    }

    /// Changes the review and saves it at once (a discrete action).
    pub fn update<T>(&self, change: impl FnOnce(&mut Review, u64) -> T) -> Option<T> {
        self.id.with_value(|id| self.workspace.update(id, change))
    }

    /// Changes the review as the user types; saved shortly after the last keystroke.
    pub fn edit<T>(&self, change: impl FnOnce(&mut Review, u64) -> T) -> Option<T> {
        self.id.with_value(|id| self.workspace.edit(id, change))
    }

    /// Deletes an item of the review through `remove`, remembering it for Undo.
    pub fn delete(&self, remove: impl FnOnce(&mut Review, u64) -> Option<Deleted>) {
        self.id.with_value(|id| self.workspace.delete_item(id, remove))
    }

    /// One text of the review as a signal, for a field that shows it.
    pub fn text(self, read: fn(&Review) -> &str) -> Signal<String> {
        Signal::derive(move || self.read(|review| read(review).to_owned()).unwrap_or_default())
    }

    pub fn route_to(&self, step: &'static str) -> Route {
        Route::Step {
            review: self.id.get_value(),
            step,
        }
    }
}

/// One review, at one step.
#[component]
pub fn ReviewScreen(
    /// The review's id.
    review_id: String,
    /// The open step's id, from the URL.
    step: Signal<&'static str>,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let id = StoredValue::new(review_id);
    let review = Memo::new(move |_| id.with_value(|id| workspace.review(id)));
    let context = ReviewContext { id, review, workspace };
    provide_context(context);

    let position = Memo::new(move |_| {
        STEPS
            .iter()
            .position(|candidate| candidate.id == step.get())
            .unwrap_or(0)
    });
    let heading = NodeRef::<H2>::new();
    // Moving to a step puts focus on its heading, so keyboard and screen-reader users start reading there.
    Effect::new(move |previous: Option<usize>| {
        let current = position.get();
        if previous.is_some_and(|previous| previous != current) {
            workspace.flush();
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        }
        current
    });
    let go = move |offset: isize| {
        let target = position.get_untracked() as isize + offset;
        if let Some(step) = usize::try_from(target).ok().and_then(|target| STEPS.get(target)) {
            browser::navigate(&context.route_to(step.id));
        }
    };
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        if let Some(offset) = step_shortcut(&event) {
            event.prevent_default();
            go(offset);
        }
    });
    on_cleanup(move || keys.remove());

    let current = move || STEPS[position.get()];
    let body = move || {
        let step = current();
        match step.kind {
            StepKind::Scene => view! { <SceneStep/> }.into_any(),
            StepKind::Questions => view! { <QuestionsStep step=step.id/> }.into_any(),
            StepKind::Actions => view! { <ActionsStep/> }.into_any(),
            StepKind::Summary => view! { <SummaryStep/> }.into_any(),
        }
    };

    view! {
        {move || review.with(Option::is_none).then(|| view! { <MissingReview/> })}
        <div class="review" class:hidden=move || review.with(Option::is_none)>
            <h1 class="review-title">{move || context.read(|review| review.display_title().to_owned())}</h1>
            <Stepper current=Signal::derive(move || current().id)/>
            <section class="step" aria-labelledby="step-heading">
                <h2 id="step-heading" tabindex="-1" node_ref=heading>{move || current().heading}</h2>
                <p class="step-intro">{move || current().intro}</p>
                {body}
            </section>
            <nav class="step-nav" aria-label="Step">
                <button type="button" on:click=move |_| go(-1) disabled=move || position.get() == 0>"Back"</button>
                <button type="button" on:click=move |_| go(1) disabled=move || position.get() + 1 == STEPS.len()>
                    "Next"
                </button>
                <a href=move || Route::Export { review: id.get_value() }.to_hash()>"Export Markdown"</a>
            </nav>
        </div>
    }
}

/// Shown when the address names a review this browser does not hold.
#[component]
pub fn MissingReview() -> impl IntoView {
    view! {
        <h1>"Review not found"</h1>
        <p>"This browser holds no review at this address. It may have been made in another browser or profile."</p>
        <p><a href="#/">"Back to all reviews"</a></p>
    }
}

/// The step a question belongs to, for links from the actions and summary steps.
pub fn step_of_question(question: &str) -> &'static str {
    catalogue::question(question)
        .map(|question| question.step)
        .unwrap_or(STEPS[0].id)
}

/// The step a key press moves by: Alt+PageDown / Alt+PageUp anywhere, and Alt+Shift+→ / Alt+Shift+← outside
/// text fields, where they select by word on some systems.
fn step_shortcut(event: &leptos::ev::KeyboardEvent) -> Option<isize> {
    if !event.alt_key() || event.ctrl_key() || event.meta_key() {
        return None;
    }
    let in_text_field = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA"));
    match event.key().as_str() {
        "PageDown" => Some(1),
        "PageUp" => Some(-1),
        "ArrowRight" if event.shift_key() && !in_text_field => Some(1),
        "ArrowLeft" if event.shift_key() && !in_text_field => Some(-1),
        _ => None,
    }
}
