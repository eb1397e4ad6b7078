//! The review step: a read-only summary of the whole review, with the luck ledger.

use gotlucky_core::catalogue::{questions_of, LEDGER_PROMPT, LEDGER_QUESTION};
use gotlucky_core::summary::{describe_action, ledger};
use gotlucky_core::{Mode, Observation, Review, Route, StepKind, STEPS};
use leptos::prelude::*;

use super::history_panel::HistoryPanel;
use super::review_context::ReviewContext;

/// Everything entered, step by step. Re-rendered as a whole: it is read-only, so nothing holds focus in it.
#[component]
pub fn SummaryStep() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    view! {
        {move || context.read_whole(summary)}
        <p class="no-print">
            <a href=move || Route::Export { review: context.id.get_value() }.to_hash()>"Export this review as Markdown"</a>
            " "
            <button type="button" class="secondary" on:click=move |_| crate::browser::print()>"Print this summary"</button>
        </p>
        <HistoryPanel/>
    }
}

fn summary(review: &Review) -> impl IntoView {
    let scene = &review.scene;
    let self_reflection = scene.mode == Mode::SelfReflection;
    let details: Vec<(&'static str, String)> = [
        ("Title", review.display_title().to_owned()),
        ("What happened", scene.what_happened.clone()),
        ("Link or ticket", scene.link.clone()),
        ("Date", scene.date.clone()),
        ("Facilitator", scene.facilitator.clone()),
        (
            "Participants",
            if self_reflection {
                String::new()
            } else {
                scene.participants.clone()
            },
        ),
        ("Mode", scene.mode.label().to_owned()),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .collect();

    let steps = STEPS
        .iter()
        .filter(|step| step.kind == StepKind::Questions)
        .map(|step| {
            let questions = questions_of(step.id)
                .filter(|question| review.observations_for(question.id).next().is_some())
                .map(|question| {
                    let items = review
                        .observations_for(question.id)
                        .map(observation_line)
                        .collect_view();
                    view! {
                        <h4>{question.text}</h4>
                        <ul>{items}</ul>
                    }
                })
                .collect_view();
            view! {
                <h3>{step.heading}</h3>
                {questions}
            }
        })
        .collect_view();

    let drill = &review.drill;
    let drill_view = (!drill.is_empty()).then(|| {
        let lines: Vec<(&'static str, String)> = [
            ("Failure scenario", drill.scenario.clone()),
            ("Game host", drill.host.clone()),
            ("Participants", drill.participants.clone()),
            ("Date", drill.date.clone()),
            (
                "Where it runs",
                drill.kind.map(|kind| kind.label().to_owned()).unwrap_or_default(),
            ),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .collect();
        view! {
            <h3>"Drill plan"</h3>
            <dl>{lines.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}</dl>
        }
    });

    let actions = review
        .actions
        .iter()
        .map(|action| view! { <li>{describe_action(action)}</li> })
        .collect_view();

    let ledger_view = ledger(review)
        .into_iter()
        .map(|entry| {
            let explanations = entry.explanations.into_iter().map(observation_line).collect_view();
            view! {
                <li>
                    <p><q>{entry.moment.text.clone()}</q> " \u{2014} " <strong>{entry.source.label()}</strong></p>
                    <ul>{explanations}</ul>
                </li>
            }
        })
        .collect_view();

    view! {
        <div class="summary">
            <h3>"The scene"</h3>
            <dl>{details.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}</dl>
            {self_reflection.then(|| view! { <p>"A personal reflection."</p> })}
            {steps}
            {drill_view}
            <h3>"Actions"</h3>
            <ul aria-label="All actions">{actions}</ul>
            <h3>"Luck ledger"</h3>
            <p class="help">{LEDGER_QUESTION} " " {LEDGER_PROMPT}</p>
            <ul class="ledger" aria-label="Luck ledger">{ledger_view}</ul>
        </div>
    }
}

fn observation_line(observation: &Observation) -> impl IntoView {
    let labels: Vec<&str> = observation
        .luck
        .map(|luck| luck.label())
        .into_iter()
        .chain(observation.dial.map(|dial| dial.label()))
        .collect();
    let labels = (!labels.is_empty()).then(|| format!(" ({})", labels.join("; ")));
    view! { <li class="item-text">{observation.text.clone()} <span class="item-meta">{labels}</span></li> }
}
