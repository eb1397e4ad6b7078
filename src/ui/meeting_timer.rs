//! The meeting timer in the review's header: the open step's time left (or how far over), the meeting's time
//! left, and start, pause, resume, +5 minutes and reset. The time is computed from wall-clock instants stored in
//! the review (`gotlucky_core::meeting`), so it survives reload and sleep and reads the same in every tab; this
//! component only ticks once a second to redraw, announces thresholds, and sounds the cue.

use std::time::Duration;

use gotlucky_core::meeting::{display_remaining, Announcement, MeetingPlan};
use gotlucky_core::parts::Part;
use leptos::prelude::*;

use super::review_context::ReviewContext;
use crate::browser;

/// The clock every timer view redraws from: the current time, updated once a second while it is shown.
pub fn ticking_clock() -> ReadSignal<u64> {
    let (now, set_now) = signal(browser::now());
    let tick = set_interval_with_handle(move || set_now.set(browser::now()), Duration::from_secs(1)).ok();
    on_cleanup(move || {
        if let Some(tick) = tick {
            tick.clear();
        }
    });
    now
}

/// The timer of the open step, for the facilitator.
#[component]
pub fn MeetingTimer(
    /// The open step's id.
    step: Signal<&'static str>,
) -> impl IntoView {
    let context = expect_context::<ReviewContext>();
    let workspace = context.workspace;
    let now = ticking_clock();
    let plan = Memo::new(move |_| context.read(Part::Meeting, |review| review.meeting_plan()));
    let with_plan = move |read: &dyn Fn(&MeetingPlan, &'static str, u64) -> String| {
        plan.with(|plan| plan.as_ref().map(|plan| read(plan, step.get(), now.get())))
            .unwrap_or_default()
    };
    let remaining = move || with_plan(&|plan, step, now| plan.display(step, now));
    let total =
        move || with_plan(&|plan, _, now| format!("Meeting: {}", display_remaining(plan.meeting_remaining_ms(now))));
    let state = move || {
        plan.with(|plan| {
            plan.as_ref().map_or(TimerState::NotStarted, |plan| {
                let timer = plan.timer(step.get());
                match (timer.is_running(), timer.elapsed_ms(now.get_untracked())) {
                    (true, _) => TimerState::Running,
                    (false, 0) => TimerState::NotStarted,
                    (false, _) => TimerState::Paused,
                }
            })
        })
    };
    let over = move || plan.with(|plan| plan.as_ref().is_some_and(|plan| plan.is_over(step.get(), now.get())));
    let change = move |change: fn(&mut MeetingPlan, &'static str, u64)| {
        let step = step.get_untracked();
        context.update(|review, now| review.edit_meeting(now, |plan| change(plan, step, now)));
    };

    let sound_on = RwSignal::new(workspace.timer_sound_on());
    let announcement = RwSignal::new(String::new());
    // Announces only when a threshold is crossed between two ticks of this step: never every second, and not
    // again after a reload or a move to another step (the first tick there compares an instant with itself).
    Effect::new(move |previous: Option<(&'static str, u64)>| {
        let (step, now) = (step.get(), now.get());
        let since = previous
            .filter(|(previous_step, _)| *previous_step == step)
            .map_or(now, |(_, at)| at);
        let crossed = plan.with_untracked(|plan| plan.as_ref().and_then(|plan| plan.announcement(step, since, now)));
        if let Some(crossed) = crossed {
            announcement.set(crossed.text());
            if crossed == Announcement::TimeIsUp && sound_on.get_untracked() {
                // Without sound the visual cue and the announcement remain; nothing to report.
                let _ = crate::sound::chime();
            }
        }
        (step, now)
    });

    view! {
        <div class="meeting-timer" class:over=over role="group" aria-label="Meeting timer">
            <p class="timer-left" role="timer" aria-label="Time left for this step">{remaining}</p>
            <p class="timer-total">{total}</p>
            <div class="timer-tools">
                {move || match state() {
                    TimerState::Running => view! {
                        <button type="button" on:click=move |_| change(|plan, step, now| plan.pause_timer(step, now))>"Pause"</button>
                    }.into_any(),
                    TimerState::Paused => view! {
                        <button type="button" on:click=move |_| change(|plan, step, now| plan.start_timer(step, now))>"Resume"</button>
                    }.into_any(),
                    TimerState::NotStarted => view! {
                        <button type="button" on:click=move |_| change(|plan, step, now| plan.start_timer(step, now))>"Start"</button>
                    }.into_any(),
                }}
                <button type="button" class="secondary" on:click=move |_| change(|plan, step, _| plan.add_five_minutes(step))>
                    "+5 minutes"
                </button>
                <button type="button" class="secondary" on:click=move |_| change(|plan, step, _| plan.reset_timer(step))>
                    "Reset"
                </button>
                <button
                    type="button"
                    class="secondary"
                    aria-pressed=move || if sound_on.get() { "true" } else { "false" }
                    on:click=move |_| {
                        let on = !sound_on.get_untracked();
                        sound_on.set(on);
                        workspace.set_timer_sound(on);
                    }
                >
                    "Sound"
                </button>
            </div>
            <p class="visually-hidden" aria-live="polite">{move || announcement.get()}</p>
        </div>
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum TimerState {
    NotStarted,
    Running,
    Paused,
}
