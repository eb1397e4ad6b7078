//! The review step: a read-only summary of the whole review, with the luck ledger, where a moment with no
//! observation behind it gets its hint.

use gotlucky_core::catalogue::{questions_of, LEDGER_PROMPT, LEDGER_QUESTION};
use gotlucky_core::hints::HintedItem;
use gotlucky_core::parts::Part;
use gotlucky_core::scene_labels::scene_details;
use gotlucky_core::summary::{describe_action, ledger};
use gotlucky_core::{Mode, MomentId, Observation, Review, Route, StepKind, STEPS};
use leptos::prelude::*;

use super::export_view::open_drill_card;
use super::hint_notes::{Check, HintNotes};
use super::history_panel::HistoryPanel;
use super::review_context::ReviewContext;

/// Everything entered, step by step. Re-rendered as a whole: it is read-only, so nothing holds focus in it. The
/// ledger is apart, so that its hints keep their place (and focus) when one is dismissed.
#[component]
pub fn SummaryStep() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let export = move || {
        Route::Export {
            review: context.id.get_value(),
        }
        .to_hash()
    };
    let has_drill = move || {
        context
            .read(Part::Drill, |review| !review.drill.is_empty())
            .unwrap_or(false)
    };
    view! {
        <div class="summary">
            {move || context.read_whole(summary)}
            <LuckLedger/>
        </div>
        <p class="no-print">
            <a href=export>"Export this review as Markdown"</a>
            " "
            <button type="button" class="secondary" on:click=move |_| crate::browser::print()>"Print this summary"</button>
        </p>
        <Show when=has_drill>
            <p class="no-print">
                <a href=export on:click=move |_| open_drill_card()>"Export the drill card"</a>
            </p>
        </Show>
        <HistoryPanel/>
    }
}

/// For each "we got lucky" moment, whether the luck came from preparation or from a gap, and the observations
/// that say so; a moment that none explains gets the "luck without a why" hint.
#[component]
fn LuckLedger() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let ids = move || {
        context
            .read(Part::Moments, |review| {
                review.moments.iter().map(|m| m.id).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    view! {
        <h3>"Luck ledger"</h3>
        <p class="help">{LEDGER_QUESTION} " " {LEDGER_PROMPT}</p>
        <ul class="ledger" aria-label="Luck ledger">
            <For each=ids key=|id| *id let:id>
                <LedgerEntry id=id/>
            </For>
        </ul>
    }
}

#[component]
fn LedgerEntry(id: MomentId) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    // The entry reads the moments, every list (a deleted observation no longer explains) and the observations'
    // tags; it is redrawn on any change, but the hints below it stay, so focus in them is kept.
    let entry =
        move || {
            context.read_whole(|review| {
                ledger(review).into_iter().find(|entry| entry.moment.id == id).map(|entry| {
                let explanations = entry.explanations.into_iter().map(observation_line).collect_view();
                view! {
                    <p><q>{entry.moment.text.clone()}</q> " \u{2014} " <strong>{entry.source.label()}</strong></p>
                    <ul>{explanations}</ul>
                }
            })
            })
        };
    view! {
        <li>
            {entry}
            <HintNotes item=HintedItem::Moment(id) check=Check::Luck/>
        </li>
    }
}

fn summary(review: &Review) -> impl IntoView {
    let scene = &review.scene;
    let self_reflection = scene.mode == Mode::SelfReflection;
    // The same details, labelled the same way, as the export's table.
    let details: Vec<(&'static str, String)> = std::iter::once(("Title", review.display_title().to_owned()))
        .chain(
            scene_details(review)
                .into_iter()
                .map(|(label, value)| (label, value.to_owned())),
        )
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
            ("What success looks like", drill.success.clone()),
        ]
        .into_iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .collect();
        view! {
            <h3>"Drill plan"</h3>
            <dl>{lines.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}</dl>
        }
    });

    // The notes read as typed, line breaks included (see `.summary-notes`).
    let notes = (!review.notes.trim().is_empty()).then(|| {
        view! {
            <h3>"Notes"</h3>
            <p class="summary-notes">{review.notes.clone()}</p>
        }
    });

    let actions = review
        .actions
        .iter()
        .map(|action| view! { <li>{describe_action(action)}</li> })
        .collect_view();

    view! {
            <h3>"The scene"</h3>
            <dl>{details.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}</dl>
            {self_reflection.then(|| view! { <p>"A personal reflection."</p> })}
            {steps}
            {drill_view}
            <h3>"Actions"</h3>
            <ul aria-label="All actions">{actions}</ul>
            {notes}
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
