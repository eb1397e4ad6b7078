//! The presenter view: what the room sees on the projector or shared screen. The current question in large
//! type, its observations as they are added, and the timer; nothing to edit. It follows the facilitator's
//! window through storage events (the review's own parts, and where the facilitator is), and can be moved
//! question by question with the keyboard when it is used alone.

use gotlucky_core::catalogue::{self, LEDGER_QUESTION};
use gotlucky_core::meeting::{MeetingPlan, Presence};
use gotlucky_core::parts::Part;
use gotlucky_core::summary::describe_action;
use gotlucky_core::{Review, StepKind, STEPS};
use leptos::prelude::*;

use super::meeting_timer::ticking_clock;
use super::review_context::ReviewContext;
use super::review_screen::MissingReview;
use crate::workspace::Workspace;

/// The presenter view of one review.
#[component]
pub fn PresenterView(
    /// The review's id.
    review_id: String,
) -> impl IntoView {
    let workspace = expect_context::<Workspace>();
    let context = ReviewContext::new(review_id, workspace);
    provide_context(context);
    let title = Memo::new(move |_| context.read(Part::Title, |review| review.display_title().to_owned()));
    // Where the facilitator is, until the keyboard moves this view on its own; the facilitator's next move wins.
    let followed = Memo::new(move |_| context.id.with_value(|id| workspace.presence(id)));
    let place = RwSignal::new(followed.get_untracked().unwrap_or(Presence::at_step(STEPS[0].id)));
    Effect::new(move |_| {
        if let Some(presence) = followed.get() {
            place.set(presence);
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        let moved = match event.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" => place.get_untracked().next(),
            "ArrowLeft" | "ArrowUp" | "PageUp" => place.get_untracked().previous(),
            _ => None,
        };
        if let Some(moved) = moved {
            event.prevent_default();
            place.set(moved);
        }
    });
    on_cleanup(move || keys.remove());

    let step = move || catalogue::step(place.get().step).unwrap_or(&STEPS[0]);
    let body = move || {
        let place = place.get();
        match (step().kind, place.question.and_then(catalogue::question)) {
            (StepKind::Questions, Some(question)) => view! { <PresentedQuestion question=question/> }.into_any(),
            (StepKind::Scene, _) => view! {
                <PresentedList heading="When did we say \u{201c}we got lucky\u{201d}?" label="We got lucky moments"
                    part=Part::Moments lines=moment_lines/>
            }
            .into_any(),
            (StepKind::Actions, _) => view! {
                <PresentedList heading="What will we do?" label="Actions" part=Part::Actions lines=action_lines/>
            }
            .into_any(),
            _ => view! {
                <PresentedList heading=LEDGER_QUESTION label="We got lucky moments" part=Part::Moments lines=moment_lines/>
            }
            .into_any(),
        }
    };

    view! {
        {move || title.with(Option::is_none).then(|| view! { <MissingReview/> })}
        <main class="presenter" class:hidden=move || title.with(Option::is_none)>
            <header class="presenter-header">
                <p class="presenter-title">{move || title.get().unwrap_or_default()}</p>
                <p class="presenter-step">{move || step().label}</p>
                <PresentedTimer step=Signal::derive(move || place.get().step)/>
            </header>
            {body}
            <p class="presenter-help">"Arrow keys or Page Up and Page Down move question by question."</p>
        </main>
    }
}

/// One question and its observations, as they are added.
#[component]
fn PresentedQuestion(question: &'static catalogue::Question) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let ids = move || {
        context
            .read(Part::Answers(question.id), |review| {
                review.observations_for(question.id).map(|o| o.id).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <h1 class="presenter-question">{question.text}</h1>
        <ul class="presenter-items" aria-label="Observations">
            <For each=ids key=|id| *id let:id>
                <li>
                    {move || {
                        context
                            .read(Part::Observation(id), |review| review.observation(id).map(|o| o.text.clone()))
                            .flatten()
                    }}
                </li>
            </For>
        </ul>
    }
}

/// A heading and a list read from one part of the review: the moments on Set the scene and Review, the actions
/// on Actions.
#[component]
fn PresentedList(
    /// What the room is asked.
    heading: &'static str,
    /// The list's accessible name.
    label: &'static str,
    /// The part of the review the list shows.
    part: Part,
    /// The list's lines, from the review.
    lines: fn(&Review) -> Vec<String>,
) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let lines = move || context.read(part, lines).unwrap_or_default();
    view! {
        <h1 class="presenter-question">{heading}</h1>
        <ul class="presenter-items" aria-label=label>
            {move || lines().into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}
        </ul>
    }
}

fn moment_lines(review: &Review) -> Vec<String> {
    review.moments.iter().map(|moment| moment.text.clone()).collect()
}

fn action_lines(review: &Review) -> Vec<String> {
    review.actions.iter().map(describe_action).collect()
}

/// The timer, read-only: the facilitator's window runs it.
#[component]
fn PresentedTimer(step: Signal<&'static str>) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let now = ticking_clock();
    let plan = Memo::new(move |_| {
        context
            .read_parts([Part::Meeting, Part::Scene], |review| {
                review.timer_is_on().then(|| review.meeting_plan())
            })
            .flatten()
    });
    let shown = move |read: fn(&MeetingPlan, &'static str, u64) -> bool| {
        plan.with(|plan| plan.as_ref().is_some_and(|plan| read(plan, step.get(), now.get())))
    };
    view! {
        <p
            class="presenter-timer"
            class:over=move || shown(|plan, step, now| plan.is_over(step, now))
            class:hidden=move || plan.with(Option::is_none)
            role="timer"
            aria-label="Time left for this step"
        >
            {move || plan.with(|plan| plan.as_ref().map(|plan| plan.display(step.get(), now.get())))}
        </p>
    }
}
