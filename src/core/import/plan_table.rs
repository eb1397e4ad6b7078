//! The meeting plan's table, exported only when asked: each step's label, its minutes and its start.

use crate::catalogue::STEPS;
use crate::meeting::{parse_clock, MeetingPlan, PlannedStep};

/// The plan a table describes. Steps it does not name keep no minutes; the first start, when it is a time of
/// day, is the meeting's start time. `rendered` turns a cell's Markdown into its text.
pub(super) fn meeting_plan(rows: &[Vec<String>], rendered: fn(&str) -> String) -> MeetingPlan {
    let cell = |row: &Vec<String>, column: usize| row.get(column).map(|cell| rendered(cell)).unwrap_or_default();
    let minutes_of = |label: &str| {
        rows.iter()
            .find(|row| cell(row, 0) == label)
            .and_then(|row| cell(row, 1).trim().parse::<u32>().ok())
    };
    let steps: Vec<PlannedStep> = STEPS
        .iter()
        .map(|step| PlannedStep {
            step: step.id.to_owned(),
            minutes: minutes_of(step.label).unwrap_or(0),
        })
        .collect();
    let start = rows
        .first()
        .map(|row| cell(row, 2))
        .filter(|start| parse_clock(start).is_some());
    MeetingPlan {
        length_minutes: steps.iter().map(|step| step.minutes).sum(),
        steps,
        start_time: start.unwrap_or_default(),
        ..MeetingPlan::default()
    }
}
