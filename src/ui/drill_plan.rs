//! The drill plan: a failure scenario to practise, who hosts it, who takes part, when and where it runs, and
//! what success looks like; it exports on its own as a drill card.

use gotlucky_core::parts::Part;
use gotlucky_core::{DrillField, DrillKind, Route};
use leptos::prelude::*;

use super::export_view::open_drill_card;
use super::field::TextField;
use super::review_context::ReviewContext;

/// The drill plan form.
#[component]
pub fn DrillPlanForm() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let set = move |field: DrillField| {
        Callback::new(move |value: String| {
            context.edit(|review, now| review.set_drill_field(field, &value, now));
        })
    };
    let kind = move || context.read(Part::Drill, |review| review.drill.kind).flatten();
    let options = DrillKind::ALL
        .iter()
        .map(|kind_option| {
            let kind_option = *kind_option;
            view! {
                <label>
                    <input
                        type="radio"
                        name="drill-kind"
                        prop:checked=move || kind() == Some(kind_option)
                        on:change=move |_| {
                            context.update(|review, now| review.set_drill_kind(Some(kind_option), now));
                        }
                    />
                    {kind_option.label()}
                </label>
            }
        })
        .collect_view();

    view! {
        <section class="drill" aria-labelledby="drill-heading">
            <h3 id="drill-heading">"Drill plan"</h3>
            <TextField
                label="Failure scenario"
                multiline=true
                placeholder="The primary database stops answering during peak traffic"
                value=context.text(Part::Drill, |r| &r.drill.scenario)
                on_input=set(DrillField::Scenario)
            />
            <div class="field-row">
                <TextField label="Game host" value=context.text(Part::Drill, |r| &r.drill.host) on_input=set(DrillField::Host)/>
                <TextField label="Drill date" input_type="date" value=context.text(Part::Drill, |r| &r.drill.date) on_input=set(DrillField::Date)/>
            </div>
            <TextField
                label="Drill participants"
                value=context.text(Part::Drill, |r| &r.drill.participants)
                on_input=set(DrillField::Participants)
            />
            <fieldset>
                <legend>"Where it runs"</legend>
                {options}
            </fieldset>
            <TextField
                label="What success looks like"
                multiline=true
                placeholder="Checkout keeps taking payments, and the on-call engineer finds the runbook within 5 minutes"
                value=context.text(Part::Drill, |r| &r.drill.success)
                on_input=set(DrillField::Success)
            />
            <p>
                <a href=move || Route::Export { review: context.id.get_value() }.to_hash() on:click=move |_| open_drill_card()>
                    "Export the drill card"
                </a>
                " \u{2014} the plan on one page, with the luck it rehearses and its follow-up actions."
            </p>
        </section>
    }
}
