//! The meeting plan as Markdown, to send before the meeting, and the reflection drafts participants start from.
//!
//! Every string a user typed goes through the export's escaping, so it renders literally. The plan reads back
//! only as far as a reflection needs (title, date, link, what happened), by labels rather than positions, so a
//! plan edited in a wiki still reads.

use crate::catalogue::{
    questions_of, Step, StepKind, ARTICLE_AUTHOR, ARTICLE_TITLE, LEDGER_PROMPT, LEDGER_QUESTION, STEPS,
};
use crate::import::{unescape, MAX_IMPORT_BYTES};
use crate::markdown::{escape_cell, escape_line, markdown_file_name};
use crate::review::{Mode, Review, SceneField};

use super::MeetingPlan;

/// Starts the title of a meeting plan, so a reader tells it from the review's own export.
const TITLE_PREFIX: &str = "Meeting plan";
/// The plan's closing line; also how a merge recognises a plan sent back instead of a reflection.
const PLAN_CREDIT: &str = "Meeting plan written with gotlucky.";

/// The meeting plan as Markdown: details, a note asking participants to reflect alone first, the agenda with
/// each step's start and minutes, then each step with its questions. The same review always gives the same text.
pub fn meeting_plan_markdown(review: &Review) -> String {
    let plan = review.meeting_plan();
    let mut out = String::new();
    let title = single_line(&review.title);
    if title.trim().is_empty() {
        out.push_str(&format!("# {TITLE_PREFIX}\n\n"));
    } else {
        out.push_str(&format!("# {TITLE_PREFIX}: {}\n\n", escape_line(title.trim())));
    }
    push_details(&mut out, review, &plan);
    push_note(&mut out, review);
    push_agenda(&mut out, &plan);
    let offsets = plan.start_offsets();
    for (step, (_, offset)) in STEPS.iter().zip(offsets) {
        push_step(&mut out, &plan, step, offset);
    }
    out.push_str("---\n\n");
    out.push_str(&format!(
        "Questions quoted from \u{201c}{ARTICLE_TITLE}\u{201d} by {ARTICLE_AUTHOR}. {PLAN_CREDIT}\n"
    ));
    out
}

/// Whether a text is a meeting plan gotlucky wrote (rather than a review's export), so that opening it makes a
/// reflection draft with `reflection_from_meeting_plan`.
pub fn is_meeting_plan(text: &str) -> bool {
    text.contains(PLAN_CREDIT)
}

/// A file name for the meeting plan, e.g. `meeting-plan-checkout-outage-2026-03-03.md`.
pub fn meeting_plan_file_name(review: &Review, today: &str) -> String {
    match markdown_file_name(review, today).as_str() {
        "review.md" => "meeting-plan.md".to_owned(),
        name => format!("meeting-plan-{name}"),
    }
}

fn push_details(out: &mut String, review: &Review, plan: &MeetingPlan) {
    let scene = &review.scene;
    let start = plan.start_clock().map(|_| plan.time_at(0)).unwrap_or_default();
    let length = minutes_text(plan.total_minutes());
    let rows = [
        ("What happened", scene.what_happened.as_str()),
        ("Link", scene.link.as_str()),
        ("Date", scene.date.as_str()),
        ("Starts at", start.as_str()),
        ("Length", length.as_str()),
        ("Facilitator", scene.facilitator.as_str()),
    ];
    out.push_str("| Detail | Value |\n|---|---|\n");
    for (label, value) in rows.into_iter().filter(|(_, value)| !value.trim().is_empty()) {
        out.push_str(&format!("| {label} | {} |\n", escape_cell(value)));
    }
    out.push('\n');
}

fn push_note(out: &mut String, review: &Review) {
    let facilitator = single_line(&review.scene.facilitator);
    let facilitator = facilitator.trim();
    let (send_to, merges) = if facilitator.is_empty() {
        ("the facilitator".to_owned(), "The facilitator merges".to_owned())
    } else {
        let name = escape_line(facilitator);
        (name.clone(), name + " merges")
    };
    out.push_str("## Before the meeting\n\n");
    out.push_str(
        "Please reflect alone first. Open gotlucky, choose \u{201c}Prepare a reflection\u{201d} (or import this \
         file) and answer the questions below in your own words. Then export your reflection and send the file \
         to ",
    );
    out.push_str(&send_to);
    out.push_str(&format!(
        " before the meeting. {merges} everyone\u{2019}s reflections into the meeting\u{2019}s review, so we \
         start from what each of us noticed.\n\n"
    ));
}

fn push_agenda(out: &mut String, plan: &MeetingPlan) {
    let start_header = if plan.start_clock().is_some() {
        "Start"
    } else {
        "From start"
    };
    out.push_str(&format!(
        "## Agenda\n\n| {start_header} | Step | Minutes |\n|---|---|---|\n"
    ));
    for (step, offset) in plan.start_offsets() {
        let label = crate::catalogue::step(step).map_or(step, |step| step.label);
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            plan.time_at(offset),
            escape_cell(label),
            plan.minutes(step)
        ));
    }
    out.push_str(&format!("| {} | End |  |\n\n", plan.time_at(plan.total_minutes())));
}

fn push_step(out: &mut String, plan: &MeetingPlan, step: &Step, offset: u32) {
    let minutes = plan.minutes(step.id);
    out.push_str(&format!("## {}\n\n", escape_line(step.heading)));
    out.push_str(&format!(
        "*{} to {}, {}.* {}\n\n",
        plan.time_at(offset),
        plan.time_at(offset + minutes),
        minutes_text(minutes),
        escape_line(step.intro)
    ));
    let questions: Vec<(&str, &[&str])> = match step.kind {
        StepKind::Scene => vec![(LEDGER_QUESTION, &[LEDGER_PROMPT][..])],
        StepKind::Questions => questions_of(step.id)
            .map(|question| (question.text, question.prompts))
            .collect(),
        StepKind::Actions | StepKind::Summary => Vec::new(),
    };
    for (text, prompts) in &questions {
        out.push_str(&format!("- {}\n", escape_line(text)));
        for prompt in *prompts {
            out.push_str(&format!("  - {}\n", escape_line(prompt)));
        }
    }
    if !questions.is_empty() {
        out.push('\n');
    }
}

fn minutes_text(minutes: u32) -> String {
    if minutes == 1 {
        "1 minute".to_owned()
    } else {
        format!("{minutes} minutes")
    }
}

/// Headings and table cells hold one line; line breaks in them become spaces.
fn single_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A new draft for a participant's own reflection before the meeting: a self-reflection (so the timer is off)
/// with the meeting's title, date, link and what happened, and nothing else.
pub fn prepare_reflection(meeting: &Review, id: &str, now: u64) -> Review {
    let scene = &meeting.scene;
    reflection(
        id,
        &meeting.title,
        [&scene.date, &scene.link, &scene.what_happened],
        now,
    )
}

/// A reflection draft from a meeting plan's Markdown, as `prepare_reflection` makes from the meeting itself.
/// Reads the title from the first heading and the date, link and what happened from lines labelled so (table
/// rows or "Date: …" lines), tolerating wiki edits. Refuses text that does not open with a heading.
pub fn reflection_from_meeting_plan(text: &str, id: &str, now: u64) -> Result<Review, String> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(format!(
            "the file is too large for a meeting plan ({} bytes)",
            text.len()
        ));
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    let title = lines
        .iter()
        .map(|line| line.trim())
        .find(|line| !line.is_empty())
        .and_then(heading_text)
        .ok_or(
            "this does not look like a meeting plan: it should start with the meeting\u{2019}s title as a heading",
        )?;
    let title = strip_title_prefix(&unescape(&title));
    let [date, link, what_happened] =
        ["Date", "Link", "What happened"].map(|label| detail(&lines, label).unwrap_or_default());
    Ok(reflection(id, &title, [&date, &link, &what_happened], now))
}

fn reflection(id: &str, title: &str, [date, link, what_happened]: [&String; 3], now: u64) -> Review {
    let mut review = Review::new(id, title.trim(), now);
    review.set_mode(Mode::SelfReflection, now);
    review.set_scene_field(SceneField::Date, date.trim(), now);
    review.set_scene_field(SceneField::Link, link.trim(), now);
    review.set_scene_field(SceneField::WhatHappened, what_happened.trim(), now);
    review
}

/// The text of an ATX heading of any level, without its optional closing run of `#`.
fn heading_text(line: &str) -> Option<String> {
    let rest = line.trim_start_matches('#');
    if rest.len() == line.len() || line.len() - rest.len() > 6 || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim();
    let without_closing = text.trim_end_matches('#');
    if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        text = without_closing.trim_end();
    }
    Some(text.to_owned())
}

/// "Meeting plan: Checkout outage" gives "Checkout outage"; a title without the prefix stays as it is.
fn strip_title_prefix(title: &str) -> String {
    let trimmed = title.trim();
    let prefix_len = TITLE_PREFIX.len();
    let has_prefix = trimmed
        .get(..prefix_len)
        .is_some_and(|start| start.eq_ignore_ascii_case(TITLE_PREFIX));
    if !has_prefix {
        return trimmed.to_owned();
    }
    let rest = trimmed[prefix_len..].trim_start();
    match rest.chars().next() {
        None => String::new(),
        Some(separator @ (':' | '-' | '\u{2013}' | '\u{2014}')) => rest[separator.len_utf8()..].trim().to_owned(),
        Some(_) => trimmed.to_owned(),
    }
}

/// The value of the first detail with this label: a table row `| Date | … |`, or a line such as
/// `- **Date:** …` or `Date: …`. Labels compare without case, emphasis or a closing colon.
fn detail(lines: &[&str], label: &str) -> Option<String> {
    lines.iter().find_map(|line| {
        let line = line.trim();
        if line.starts_with('|') {
            let cells = split_row(line);
            let value = cells.get(1).filter(|_| same_label(&cells[0], label))?;
            let value = value
                .replace("<br />", "\n")
                .replace("<br/>", "\n")
                .replace("<br>", "\n");
            return Some(
                value
                    .split('\n')
                    .map(|line| unescape(line.trim()))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        let line = line
            .strip_prefix(['-', '*', '+'])
            .filter(|rest| rest.starts_with(' '))
            .unwrap_or(line)
            .trim()
            .replace("**", "");
        let (name, value) = line.split_once(':')?;
        same_label(name, label).then(|| unescape(value.trim()))
    })
}

fn same_label(text: &str, label: &str) -> bool {
    text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | ':'))
        .eq_ignore_ascii_case(label)
}

/// The cells of a table row, still escaped: `|` splits cells unless a backslash escapes it.
fn split_row(row: &str) -> Vec<String> {
    let inner = row.strip_prefix('|').unwrap_or(row);
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        let cell = cells.last_mut().expect("cells start with one");
        match c {
            '\\' => {
                cell.push(c);
                cell.extend(chars.next());
            }
            '|' => cells.push(String::new()),
            _ => cell.push(c),
        }
    }
    cells
}
