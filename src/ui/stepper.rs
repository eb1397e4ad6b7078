//! The stepper: every step with its progress; any step can be opened at any time.

use gotlucky_core::parts::parts_of_progress;
use gotlucky_core::summary::step_progress;
use gotlucky_core::STEPS;
use leptos::prelude::*;

use super::review_context::ReviewContext;

/// The list of steps, marking the open one.
#[component]
pub fn Stepper(
    /// The open step's id.
    current: Signal<&'static str>,
) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let items = STEPS
        .iter()
        .enumerate()
        .map(|(index, step)| {
            let progress = Memo::new(move |_| {
                context
                    .read_parts(parts_of_progress(step), |review| {
                        step_progress(review, step).describe(step.kind)
                    })
                    .unwrap_or_default()
            });
            let is_current = move || current.get() == step.id;
            view! {
                <li class:current=is_current>
                    <a
                        href=move || context.route_to(step.id).to_hash()
                        aria-current=move || is_current().then_some("step")
                    >
                        <span class="step-number">{index + 1}". "</span>
                        <span class="step-label">{step.label}</span>
                        <span class="step-progress">{progress}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="stepper" aria-label="Steps">
            <ol>{items}</ol>
        </nav>
    }
}
