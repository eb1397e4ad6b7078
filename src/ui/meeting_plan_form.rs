//! The meeting's time plan on the Set the scene step: the meeting length, the minutes of each step (proposed by
//! the core, each one changeable), when each step starts, and whether the timer is shown.

use gotlucky_core::meeting::{clamp_length, MeetingPlan, MAX_LENGTH_MINUTES, MIN_LENGTH_MINUTES};
use gotlucky_core::parts::Part;
use gotlucky_core::{catalogue, Route, STEPS};
use leptos::prelude::*;

use super::review_context::ReviewContext;

/// The time plan, and the switch that shows or hides the timer.
#[component]
pub fn MeetingPlanForm() -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let plan = Memo::new(move |_| {
        context
            .read(Part::Meeting, |review| review.meeting_plan())
            .unwrap_or_default()
    });
    let timer_on = Memo::new(move |_| {
        context
            .read_parts([Part::Meeting, Part::Scene], |review| review.timer_is_on())
            .unwrap_or(false)
    });
    let edit = move |change: Box<dyn FnOnce(&mut MeetingPlan)>| {
        context.update(|review, now| review.edit_meeting(now, change));
    };
    let set_length = move |event: leptos::ev::Event| {
        if let Ok(minutes) = event_target_value(&event).trim().parse::<u32>() {
            edit(Box::new(move |plan| {
                plan.set_length(clamp_length(minutes));
            }));
        }
    };
    let rows = move || {
        let plan = plan.get();
        let starts = plan.start_offsets();
        STEPS
            .iter()
            .map(|step| {
                let minutes = plan.minutes(step.id);
                let start = starts
                    .iter()
                    .find(|(id, _)| *id == step.id)
                    .map(|(_, offset)| plan.time_at(*offset))
                    .unwrap_or_default();
                let label = format!("Minutes for {}", step.label);
                view! {
                    <tr>
                        <th scope="row">{step.label}</th>
                        <td>
                            <input
                                type="number"
                                min="1"
                                max=MAX_LENGTH_MINUTES
                                aria-label=label
                                prop:value=minutes.to_string()
                                on:change=move |event| {
                                    if let Ok(minutes) = event_target_value(&event).trim().parse::<u32>() {
                                        edit(Box::new(move |plan| {
                                            plan.set_step_minutes(step.id, minutes);
                                        }));
                                    }
                                }
                            />
                        </td>
                        <td>{start}</td>
                    </tr>
                }
            })
            .collect_view()
    };

    view! {
        <details class="meeting-plan" open=move || timer_on.get()>
            <summary>"Timebox and meeting plan"</summary>
            <label class="inline">
                <input
                    type="checkbox"
                    prop:checked=move || timer_on.get()
                    on:change=move |event| {
                        let on = event_target_checked(&event);
                        edit(Box::new(move |plan| plan.set_timer_on(on)));
                    }
                />
                "Show a timer for each step"
            </label>
            <div class="field-row">
                <label class="field">
                    <span class="field-label">
                        {format!("Meeting length in minutes ({MIN_LENGTH_MINUTES}\u{2013}{MAX_LENGTH_MINUTES})")}
                    </span>
                    <input
                        type="number"
                        min=MIN_LENGTH_MINUTES
                        max=MAX_LENGTH_MINUTES
                        step="5"
                        prop:value=move || plan.with(|plan| plan.length_minutes.to_string())
                        on:change=set_length
                    />
                </label>
                <label class="field">
                    <span class="field-label">"Starts at (optional)"</span>
                    <input
                        type="time"
                        prop:value=move || plan.with(|plan| plan.start_time.clone())
                        on:change=move |event| {
                            let start = event_target_value(&event);
                            edit(Box::new(move |plan| plan.start_time = start));
                        }
                    />
                </label>
            </div>
            <table class="plan-table">
                <caption>"Minutes per step"</caption>
                <thead>
                    <tr><th scope="col">"Step"</th><th scope="col">"Minutes"</th><th scope="col">"Starts"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            <p class="help">{catalogue::TIMEBOX_HELP}</p>
            <p>
                <a href=move || Route::Plan { review: context.id.get_value() }.to_hash()>
                    "Meeting plan to send before the meeting"
                </a>
            </p>
        </details>
    }
}
