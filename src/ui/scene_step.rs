//! Step 1, set the scene: what happened, who is here, and the "we got lucky" moments.

use gotlucky_core::catalogue::{LEDGER_PROMPT, MOMENT_EXAMPLE};
use gotlucky_core::hints::HintedItem;
use gotlucky_core::parts::{every_answer_list, Part};
use gotlucky_core::{Mode, MomentId, SceneField};
use leptos::prelude::*;

use super::add_form::AddForm;
use super::field::TextField;
use super::hint_notes::HintNotes;
use super::meeting_plan_form::MeetingPlanForm;
use super::review_context::ReviewContext;
use crate::workspace::Deleted;

/// The scene form and the moments list.
#[component]
pub fn SceneStep() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let set = move |field: SceneField| {
        Callback::new(move |value: String| {
            context.edit(|review, now| review.set_scene_field(field, &value, now));
        })
    };
    let mode = move || {
        context
            .read(Part::Scene, |review| review.scene.mode)
            .unwrap_or_default()
    };
    let set_mode = move |mode: Mode| {
        context.update(|review, now| review.set_mode(mode, now));
    };
    let self_reflection = move || mode() == Mode::SelfReflection;

    view! {
        <TextField
            label="Review title"
            value=context.text(Part::Title, |r| &r.title)
            on_input=Callback::new(move |value: String| {
                context.edit(|review, now| review.set_title(&value, now));
            })
        />
        <TextField
            label="What happened"
            multiline=true
            placeholder="Card payments failed for 40 minutes after a config change"
            value=context.text(Part::Scene, |r| &r.scene.what_happened)
            on_input=set(SceneField::WhatHappened)
        />
        <div class="field-row">
            <TextField label="Link or ticket" value=context.text(Part::Scene, |r| &r.scene.link) on_input=set(SceneField::Link)/>
            <TextField label="Date" input_type="date" value=context.text(Part::Scene, |r| &r.scene.date) on_input=set(SceneField::Date)/>
        </div>
        <fieldset class="mode">
            <legend>"How is this review run?"</legend>
            <label>
                <input type="radio" name="mode" prop:checked=move || !self_reflection() on:change=move |_| set_mode(Mode::Facilitated)/>
                "Facilitated meeting with a team"
            </label>
            <label>
                <input type="radio" name="mode" prop:checked=self_reflection on:change=move |_| set_mode(Mode::SelfReflection)/>
                "Self-reflection, on my own"
            </label>
        </fieldset>
        <div class="field-row">
            // The same field, named for who holds it: a facilitator, or the one person reflecting.
            <div class:hidden=self_reflection>
                <TextField
                    label="Facilitator"
                    value=context.text(Part::Scene, |r| &r.scene.facilitator)
                    on_input=set(SceneField::Facilitator)
                />
            </div>
            <div class:hidden=move || !self_reflection()>
                <TextField
                    label="Your name"
                    value=context.text(Part::Scene, |r| &r.scene.facilitator)
                    on_input=set(SceneField::Facilitator)
                />
            </div>
            <div class:hidden=self_reflection>
                <TextField
                    label="Participants (names or roles)"
                    value=context.text(Part::Scene, |r| &r.scene.participants)
                    on_input=set(SceneField::Participants)
                />
            </div>
        </div>
        <MeetingPlanForm/>
        <MomentList/>
        <TextField
            label="Notes"
            multiline=true
            placeholder="Anything else worth keeping with this review"
            value=context.text(Part::Notes, |r| &r.notes)
            on_input=Callback::new(move |value: String| {
                context.edit(|review, now| review.set_notes(&value, now));
            })
        />
    }
}

/// The "we got lucky" moments: each as someone said it.
#[component]
fn MomentList() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let add = Callback::new(move |text: String| {
        context
            .update(|review, now| review.add_moment(&text, now))
            .flatten()
            .is_some()
    });
    let ids = move || {
        context
            .read(Part::Moments, |review| {
                review.moments.iter().map(|m| m.id).collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };

    view! {
        <section class="moments" aria-labelledby="moments-heading">
            <h3 id="moments-heading">"\u{201c}We got lucky\u{201d} moments"</h3>
            <p class="help">
                "Write each one as someone said it. Later steps link them to what explains them: "
                <q>{LEDGER_PROMPT}</q>
            </p>
            <ul class="items" aria-label="We got lucky moments">
                <For each=ids key=|id| *id let:id>
                    <MomentItem id=id/>
                </For>
            </ul>
            <AddForm
                draft_key=format!("{}:moment", context.id.get_value())
                label="New \u{201c}we got lucky\u{201d} moment"
                placeholder=MOMENT_EXAMPLE
                button="Add moment"
                multiline=true
                on_add=add
            />
        </section>
    }
}

#[component]
fn MomentItem(id: MomentId) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let text = Signal::derive(move || {
        context
            .read(Part::Moments, |review| {
                review.moments.iter().find(|m| m.id == id).map(|m| m.text.clone())
            })
            .flatten()
            .unwrap_or_default()
    });
    let explained = move || {
        // Links to deleted observations are kept for Undo but not counted, so this also follows every list.
        let parts = every_answer_list().chain([Part::Moments]);
        let count = context
            .read_parts(parts, |review| {
                let moment = review.moments.iter().find(|m| m.id == id);
                moment.map_or(0, |m| {
                    m.explained_by
                        .iter()
                        .filter(|o| review.observation(**o).is_some())
                        .count()
                })
            })
            .unwrap_or(0);
        match count {
            0 => "Not linked to an observation yet".to_owned(),
            1 => "Explained by 1 observation".to_owned(),
            n => format!("Explained by {n} observations"),
        }
    };
    let delete = move |_| {
        context.delete(|review, now| {
            review.remove_moment(id, now).map(|removed| Deleted::Moment {
                review: review.id.clone(),
                removed,
            })
        })
    };
    view! {
        <li class="item">
            <TextField
                label="Moment"
                multiline=true
                value=text
                on_input=Callback::new(move |value: String| {
                    context.edit(|review, now| review.edit_moment(id, &value, now));
                })
            />
            // The moment's words only: whether it is explained is flagged on the Review step, once the team has
            // had the chance to link it.
            <HintNotes item=HintedItem::Moment(id)/>
            <p class="item-meta">{explained}</p>
            <button type="button" class="secondary" on:click=delete>"Delete moment"</button>
        </li>
    }
}
