//! The time plan: how long the meeting is, how many minutes each step gets, and when each step starts.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::catalogue::{self, StepKind, STEPS};

use super::timer::StepTimer;

/// The length a new plan gets.
pub const DEFAULT_LENGTH_MINUTES: u32 = 60;
/// The shortest meeting a plan allows: less leaves no time for the questions.
pub const MIN_LENGTH_MINUTES: u32 = 30;
/// The longest meeting a plan allows.
pub const MAX_LENGTH_MINUTES: u32 = 180;

/// The minutes planned for one step of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlannedStep {
    /// The catalogue id of the step.
    pub step: String,
    pub minutes: u32,
}

/// A review's meeting: the time plan, the start time, and the timer of each step. Plain data, persisted in
/// `Review::meeting`, so another tab reading the stored review shows the same plan and the same remaining time.
///
/// The minutes of the steps are the truth about the meeting's length: every method keeps `length_minutes`
/// equal to their sum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingPlan {
    pub length_minutes: u32,
    /// One entry per step of the catalogue, in its order.
    pub steps: Vec<PlannedStep>,
    /// When the meeting starts, "HH:MM" as the time field gives it; empty when not set. Start times are shown as
    /// clock times when it reads as one, and as offsets from the start otherwise.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub start_time: String,
    /// Whether the timer is shown. `None` follows the review's mode: on for a facilitated meeting, off for a
    /// self-reflection until turned on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timer_on: Option<bool>,
    /// The timer of each step that has one, by step id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub timers: BTreeMap<String, StepTimer>,
}

impl Default for MeetingPlan {
    fn default() -> Self {
        MeetingPlan::new(DEFAULT_LENGTH_MINUTES)
    }
}

/// A meeting length within the bounds a plan allows.
pub fn clamp_length(minutes: u32) -> u32 {
    minutes.clamp(MIN_LENGTH_MINUTES, MAX_LENGTH_MINUTES)
}

/// How much of the meeting a kind of step gets, relative to the others: the scene is short, the question steps
/// take most of it, and the actions and the closing review come at the end.
fn weight(kind: StepKind) -> u32 {
    match kind {
        StepKind::Scene => 2,
        StepKind::Questions => 4,
        StepKind::Actions => 3,
        StepKind::Summary => 1,
    }
}

/// Proposes the minutes of every step for a meeting of `length_minutes` (clamped to 30–180). The minutes always
/// add up to exactly the clamped length: each step gets its share rounded down, and the minutes left over go to
/// the steps that lost the most in rounding (the earlier step on a tie).
pub fn propose_minutes(length_minutes: u32) -> Vec<PlannedStep> {
    let length = clamp_length(length_minutes);
    let total_weight: u32 = STEPS.iter().map(|step| weight(step.kind)).sum();
    let shares: Vec<(u32, u32)> = STEPS
        .iter()
        .map(|step| {
            let exact = length * weight(step.kind);
            (exact / total_weight, exact % total_weight)
        })
        .collect();
    let mut minutes: Vec<u32> = shares.iter().map(|(whole, _)| *whole).collect();
    let left_over = length - minutes.iter().sum::<u32>();
    let mut by_remainder: Vec<usize> = (0..STEPS.len()).collect();
    // A stable sort keeps catalogue order among equal remainders.
    by_remainder.sort_by(|a, b| shares[*b].1.cmp(&shares[*a].1));
    for index in by_remainder.into_iter().take(left_over as usize) {
        minutes[index] += 1;
    }
    STEPS
        .iter()
        .zip(minutes)
        .map(|(step, minutes)| PlannedStep {
            step: step.id.to_owned(),
            minutes,
        })
        .collect()
}

impl MeetingPlan {
    /// A plan for a meeting of `length_minutes` (clamped to 30–180), split by `propose_minutes`.
    pub fn new(length_minutes: u32) -> Self {
        MeetingPlan {
            length_minutes: clamp_length(length_minutes),
            steps: propose_minutes(length_minutes),
            start_time: String::new(),
            timer_on: None,
            timers: BTreeMap::new(),
        }
    }

    /// The minutes planned for a step; 0 for a step the plan does not list.
    pub fn minutes(&self, step: &str) -> u32 {
        self.steps
            .iter()
            .find(|planned| planned.step == step)
            .map_or(0, |planned| planned.minutes)
    }

    /// The planned minutes of every step of the catalogue, in order.
    pub fn step_minutes(&self) -> Vec<(&'static str, u32)> {
        STEPS.iter().map(|step| (step.id, self.minutes(step.id))).collect()
    }

    /// The sum of the planned minutes of the catalogue's steps.
    pub fn total_minutes(&self) -> u32 {
        self.step_minutes().iter().map(|(_, minutes)| minutes).sum()
    }

    /// Sets the meeting's length (clamped to 30–180) and splits it afresh with `propose_minutes`, replacing
    /// minutes changed by hand. Returns the length set.
    pub fn set_length(&mut self, length_minutes: u32) -> u32 {
        self.steps = propose_minutes(length_minutes);
        self.length_minutes = clamp_length(length_minutes);
        self.length_minutes
    }

    /// Sets one step's minutes; the other steps keep theirs and the meeting's length becomes the sum. The minutes
    /// are limited so that the length stays within 30–180 (asking for too many gives the most the length allows).
    /// Returns the minutes set, or `None` for a step that is not in the catalogue.
    pub fn set_step_minutes(&mut self, step: &str, minutes: u32) -> Option<u32> {
        let step = catalogue::step(step)?;
        self.normalise_steps();
        let others: u32 = self
            .steps
            .iter()
            .filter(|planned| planned.step != step.id)
            .map(|planned| planned.minutes)
            .sum();
        let lowest = MIN_LENGTH_MINUTES.saturating_sub(others);
        let highest = MAX_LENGTH_MINUTES.saturating_sub(others).max(lowest);
        let minutes = minutes.clamp(lowest, highest);
        if let Some(planned) = self.steps.iter_mut().find(|planned| planned.step == step.id) {
            planned.minutes = minutes;
        }
        self.length_minutes = self.total_minutes();
        Some(minutes)
    }

    /// Lists exactly the catalogue's steps, in its order, keeping their minutes (0 for a step added since).
    fn normalise_steps(&mut self) {
        self.steps = self
            .step_minutes()
            .into_iter()
            .map(|(step, minutes)| PlannedStep {
                step: step.to_owned(),
                minutes,
            })
            .collect();
    }

    /// When each step starts, in minutes from the start of the meeting, in catalogue order.
    pub fn start_offsets(&self) -> Vec<(&'static str, u32)> {
        let mut offset = 0;
        self.step_minutes()
            .into_iter()
            .map(|(step, minutes)| {
                let start = offset;
                offset += minutes;
                (step, start)
            })
            .collect()
    }

    /// When one step starts, in minutes from the start of the meeting.
    pub fn start_offset(&self, step: &str) -> Option<u32> {
        self.start_offsets()
            .into_iter()
            .find(|(id, _)| *id == step)
            .map(|(_, offset)| offset)
    }

    /// The meeting's start as minutes after midnight, when `start_time` reads as a clock time.
    pub fn start_clock(&self) -> Option<u32> {
        parse_clock(&self.start_time)
    }

    /// A time `offset_minutes` into the meeting, as a clock time ("14:05") when the start time is set, else as
    /// an offset ("0:05").
    pub fn time_at(&self, offset_minutes: u32) -> String {
        match self.start_clock() {
            Some(start) => format_clock(start + offset_minutes),
            None => format_offset(offset_minutes),
        }
    }
}

/// Reads "HH:MM" or "H:MM" (24-hour, as a time field gives it) into minutes after midnight.
pub fn parse_clock(text: &str) -> Option<u32> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&hours.len()) || minutes.len() != 2 || !all_digits(hours) || !all_digits(minutes) {
        return None;
    }
    let (hours, minutes): (u32, u32) = (hours.parse().ok()?, minutes.parse().ok()?);
    (hours < 24 && minutes < 60).then_some(hours * 60 + minutes)
}

/// Minutes after midnight as "HH:MM"; past midnight it wraps to the next day's clock.
pub fn format_clock(minutes: u32) -> String {
    let minutes = minutes % (24 * 60);
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Minutes from the start as "H:MM".
pub fn format_offset(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}
