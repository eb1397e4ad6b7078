//! The screen of one review: the stepper, the open step, and Back / Next. Moving never loses anything: every
//! change is already saved when it is typed.

use gotlucky_core::meeting::Presence;
use gotlucky_core::parts::Part;
use gotlucky_core::{Route, StepKind, STEPS};
use leptos::html::H2;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::actions_step::ActionsStep;
use super::hint_notes::HintsSetting;
use super::meeting_timer::MeetingTimer;
use super::merge_reflections::MergeReflections;
use super::question_card::QuestionsStep;
use super::review_context::ReviewContext;
use super::scene_step::SceneStep;
use super::stepper::Stepper;
use super::summary_step::SummaryStep;
use crate::browser;
use crate::workspace::Workspace;

/// One review, at one step.
#[component]
pub fn ReviewScreen(
    /// The review's id.
    review_id: String,
    /// The open step's id, from the URL.
    step: Signal<&'static str>,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let context = ReviewContext::new(review_id, workspace);
    let id = context.id;
    provide_context(context);
    // Only whether the review exists, and its title: the steps below read the parts they show themselves.
    let title = Memo::new(move |_| context.read(Part::Title, |review| review.display_title().to_owned()));
    let missing = move || title.with(Option::is_none);

    let position = Memo::new(move |_| {
        STEPS
            .iter()
            .position(|candidate| candidate.id == step.get())
            .unwrap_or(0)
    });
    let heading = NodeRef::<H2>::new();
    // Moving to a step puts focus on its heading, so keyboard and screen-reader users start reading there.
    // Moving also tells a presenter view in another window, and moves a running timer along.
    Effect::new(move |previous: Option<usize>| {
        let current = position.get();
        let step = STEPS[current].id;
        id.with_value(|id| workspace.set_presence(id, Presence::at_step(step)));
        if previous.is_some_and(|previous| previous != current) {
            context.update(|review, now| {
                if review.meeting_plan().running_step().is_some() {
                    review.edit_meeting(now, |plan| plan.follow_step(step, now));
                }
            });
            workspace.flush();
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        }
        current
    });
    let timer_on = Memo::new(move |_| {
        context
            .read_parts([Part::Meeting, Part::Scene], |review| review.timer_is_on())
            .unwrap_or(false)
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
        {move || missing().then(|| view! { <MissingReview/> })}
        <div class="review" class:hidden=missing>
            <div class="review-header">
                <h1 class="review-title">{move || title.get().unwrap_or_default()}</h1>
                {move || timer_on.get().then(|| view! { <MeetingTimer step=Signal::derive(move || current().id)/> })}
                // A plain link to a named window: no pop-up blocker stops it, and a second click brings the same
                // window back instead of opening another.
                <a
                    class="button secondary"
                    href=move || Route::Present { review: id.get_value() }.to_hash()
                    target="gotlucky-presenter"
                >
                    "Open presenter view"
                </a>
            </div>
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
            <HintsSetting/>
            <MergeReflections/>
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
