//! The meeting timer: each step's elapsed time, kept as plain data computed from wall-clock instants.
//!
//! The core has no clock: every method takes `now`, in milliseconds since the Unix epoch. A running step stores
//! the instant it started running, not a count that ticks, so the state is the same in every tab and after a
//! reload, and a tab that slept in the background catches up at its next tick.
//!
//! Only one step runs at a time. Starting a step's timer pauses the one that was running; each step keeps its
//! own elapsed time, so moving back to a step continues where it stopped. A clock that goes backwards never
//! makes elapsed time negative: time before the instant a step started running counts as nothing.

use serde::{Deserialize, Serialize};

use crate::catalogue;
use crate::review::Mode;

use super::MeetingPlan;

const MINUTE_MS: u64 = 60_000;
/// "2 minutes left" is announced when the remaining time falls to this.
const WARNING_MS: i64 = 2 * 60_000;
/// Once over, an announcement every this many milliseconds.
const OVER_EVERY_MS: i64 = 5 * 60_000;

/// The timer of one step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct StepTimer {
    /// Time run before the current run, in milliseconds.
    pub elapsed_before_ms: u64,
    /// When the current run started; `None` while paused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub running_since: Option<u64>,
    /// Minutes added to the step's plan while it ran ("+5 minutes").
    #[serde(skip_serializing_if = "is_zero")]
    pub extra_minutes: u32,
}

fn is_zero(minutes: &u32) -> bool {
    *minutes == 0
}

impl StepTimer {
    /// Time run up to `now`; never less than the time run before the current run.
    pub fn elapsed_ms(&self, now: u64) -> u64 {
        let current = self.running_since.map_or(0, |since| now.saturating_sub(since));
        self.elapsed_before_ms.saturating_add(current)
    }

    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    fn pause(&mut self, now: u64) {
        self.elapsed_before_ms = self.elapsed_ms(now);
        self.running_since = None;
    }
}

/// What the timer says aloud (to a screen reader's live region) when a step's time crosses a threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Announcement {
    TwoMinutesLeft,
    TimeIsUp,
    /// Over by this many minutes, a multiple of five.
    OverBy(u32),
}

impl Announcement {
    pub fn text(self) -> String {
        match self {
            Announcement::TwoMinutesLeft => "2 minutes left".to_owned(),
            Announcement::TimeIsUp => "Time is up".to_owned(),
            Announcement::OverBy(minutes) => format!("Over by {minutes} minutes"),
        }
    }
}

/// Remaining time as the timer shows it: "12:04 left" (seconds rounded up, so "0:01 left" shows until the time
/// is up), "time is up" in the first second after, then "over by 3:20".
pub fn display_remaining(remaining_ms: i64) -> String {
    if remaining_ms > 0 {
        let seconds = (remaining_ms as u64).div_ceil(1000);
        format!("{} left", minutes_and_seconds(seconds))
    } else {
        let seconds = remaining_ms.unsigned_abs() / 1000;
        if seconds == 0 {
            "time is up".to_owned()
        } else {
            format!("over by {}", minutes_and_seconds(seconds))
        }
    }
}

fn minutes_and_seconds(seconds: u64) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The announcement due when a step's remaining time went from `before` to `after` (both in milliseconds), if
/// it crossed a threshold: the latest one only, so a tab waking from a long sleep says one thing, not a backlog.
fn crossed(before: i64, after: i64) -> Option<Announcement> {
    if after >= before {
        return None;
    }
    if after > 0 {
        return (after <= WARNING_MS && before > WARNING_MS).then_some(Announcement::TwoMinutesLeft);
    }
    // The lowest threshold at or above `after`: 0 for "time is up", then every five minutes over.
    let periods = after.unsigned_abs() / OVER_EVERY_MS as u64;
    let threshold = -(periods as i64) * OVER_EVERY_MS;
    (threshold < before).then(|| match periods {
        0 => Announcement::TimeIsUp,
        periods => Announcement::OverBy((periods * 5) as u32),
    })
}

impl MeetingPlan {
    /// Whether the timer is shown for a review in `mode`: on in a facilitated meeting unless turned off, off in
    /// a self-reflection unless turned on.
    pub fn timer_is_on(&self, mode: Mode) -> bool {
        self.timer_on.unwrap_or(mode == Mode::Facilitated)
    }

    pub fn set_timer_on(&mut self, on: bool) {
        self.timer_on = Some(on);
    }

    /// A step's timer; a step that never ran has an empty one.
    pub fn timer(&self, step: &str) -> StepTimer {
        self.timers.get(step).copied().unwrap_or_default()
    }

    /// The step whose timer is running, if any.
    pub fn running_step(&self) -> Option<&str> {
        self.timers
            .iter()
            .find(|(_, timer)| timer.is_running())
            .map(|(step, _)| step.as_str())
    }

    /// Starts or resumes a step's timer, pausing any other. A step already running keeps running. Steps that are
    /// not in the catalogue are ignored.
    pub fn start_timer(&mut self, step: &str, now: u64) {
        if catalogue::step(step).is_none() {
            return;
        }
        for (id, timer) in self.timers.iter_mut() {
            if id != step && timer.is_running() {
                timer.pause(now);
            }
        }
        let timer = self.timers.entry(step.to_owned()).or_default();
        if timer.running_since.is_none() {
            timer.running_since = Some(now);
        }
    }

    pub fn pause_timer(&mut self, step: &str, now: u64) {
        if let Some(timer) = self.timers.get_mut(step) {
            timer.pause(now);
        }
    }

    /// Moving to another step: if a timer is running, it moves along (the previous step is paused and this one
    /// starts). If none is running, nothing starts; the facilitator starts the timer when ready.
    pub fn follow_step(&mut self, step: &str, now: u64) {
        if self.running_step().is_some_and(|running| running != step) {
            self.start_timer(step, now);
        }
    }

    /// Gives a step five more minutes.
    pub fn add_five_minutes(&mut self, step: &str) {
        if catalogue::step(step).is_some() {
            let timer = self.timers.entry(step.to_owned()).or_default();
            timer.extra_minutes = timer.extra_minutes.saturating_add(5);
        }
    }

    /// Forgets a step's elapsed time and added minutes, and stops it.
    pub fn reset_timer(&mut self, step: &str) {
        self.timers.remove(step);
    }

    /// The time a step has: its planned minutes plus any added.
    pub fn allowed_ms(&self, step: &str) -> u64 {
        u64::from(self.minutes(step) + self.timer(step).extra_minutes) * MINUTE_MS
    }

    /// The time left for a step at `now`; negative once it is over.
    pub fn remaining_ms(&self, step: &str, now: u64) -> i64 {
        signed(self.allowed_ms(step)) - signed(self.timer(step).elapsed_ms(now))
    }

    /// Whether a step's time is up at `now`.
    pub fn is_over(&self, step: &str, now: u64) -> bool {
        self.remaining_ms(step, now) <= 0
    }

    /// The meeting's time left at `now`: the time of every step (with added minutes) less the time every step
    /// has run. A step that overruns eats into the meeting's time; one that ends early gives time back.
    pub fn meeting_remaining_ms(&self, now: u64) -> i64 {
        let allowed: u64 = catalogue::STEPS.iter().map(|step| self.allowed_ms(step.id)).sum();
        let elapsed: u64 = self.timers.values().map(|timer| timer.elapsed_ms(now)).sum();
        signed(allowed) - signed(elapsed)
    }

    /// A step's remaining time as the timer shows it ("12:04 left", "over by 3:20").
    pub fn display(&self, step: &str, now: u64) -> String {
        display_remaining(self.remaining_ms(step, now))
    }

    /// What to announce for a step between the previous tick and this one: "2 minutes left", "Time is up", or
    /// "Over by 5 minutes" every five minutes over. After a long sleep only the latest threshold is announced;
    /// a clock that went backwards announces nothing. After a reload, pass the same instant for both, so that
    /// nothing already announced is said again.
    pub fn announcement(&self, step: &str, previous: u64, now: u64) -> Option<Announcement> {
        crossed(self.remaining_ms(step, previous), self.remaining_ms(step, now))
    }
}

fn signed(ms: u64) -> i64 {
    i64::try_from(ms).unwrap_or(i64::MAX)
}
