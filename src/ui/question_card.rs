//! A question step: each question of the step with its observations, and the drill plan on the frequency step.

use gotlucky_core::catalogue::{questions_of, DRILL_QUESTION};
use gotlucky_core::meeting::Presence;
use gotlucky_core::parts::Part;
use gotlucky_core::Question;
use leptos::prelude::*;

use super::add_form::AddForm;
use super::drill_plan::DrillPlanForm;
use super::observation_item::ObservationItem;
use super::review_context::ReviewContext;

/// Every question of one step.
#[component]
pub fn QuestionsStep(
    /// The step's id.
    step: &'static str,
) -> impl IntoView {
    questions_of(step)
        .map(|question| {
            view! {
                <QuestionCard question=question/>
                {(question.id == DRILL_QUESTION).then(|| view! { <DrillPlanForm/> })}
            }
        })
        .collect_view()
}

/// One question: its text, the article's follow-ups, help, observations and a field to add one.
#[component]
fn QuestionCard(question: &'static Question) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let heading_id = format!("q-{}", question.id.replace('.', "-"));
    let (section_label, field_label) = (heading_id.clone(), heading_id.clone());
    let add = Callback::new(move |text: String| {
        context
            .update(|review, now| review.add_observation(question.id, &text, now))
            .flatten()
            .is_some()
    });
    let ids = move || {
        context
            .read(Part::Answers(question.id), |review| {
                review.observations_for(question.id).map(|o| o.id).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    // The question whose field has focus is where the facilitator is: a presenter view shows that question.
    let follow = move |_| {
        let here = Presence {
            step: question.step,
            question: Some(question.id),
        };
        context.id.with_value(|id| context.workspace.set_presence(id, here));
    };
    let prompts = (!question.prompts.is_empty()).then(|| {
        view! {
            <ul class="prompts">
                {question.prompts.iter().map(|prompt| view! { <li>{*prompt}</li> }).collect_view()}
            </ul>
        }
    });

    view! {
        <section class="question" aria-labelledby=section_label on:focusin=follow>
            <h3 id=heading_id>{question.text}</h3>
            {prompts}
            <details class="help">
                <summary>"Hint"</summary>
                <p>{question.help}</p>
            </details>
            <ul class="items" aria-label=format!("Observations: {}", question.text)>
                <For each=ids key=|id| *id let:id>
                    <ObservationItem id=id/>
                </For>
            </ul>
            <AddForm draft_key=format!("{}:{}", context.id.get_value(), question.id) labelled_by=field_label placeholder=question.example button="Add observation" multiline=true on_add=add/>
        </section>
    }
}
