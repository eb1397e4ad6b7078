//! The meeting plan's Markdown (snapshots in `tests/snapshots/meeting-*.md`, reviewed like code; after an
//! intended change run with `UPDATE_SNAPSHOTS=1` and review the diff), and the reflection drafts made from a
//! meeting or from its plan.

use gotlucky_core::meeting::{
    is_meeting_plan, meeting_plan_file_name, meeting_plan_markdown, prepare_reflection, reflection_from_meeting_plan,
};
use gotlucky_core::{Mode, Review, SceneField, QUESTIONS, STEPS};

mod common;
use common::facilitated_review;

fn check(name: &str, markdown: &str) {
    common::check_snapshot(name, markdown);
}

/// The facilitated review with a 90-minute plan starting at 14:00, the scene given 10 minutes instead of 8, so
/// the meeting takes 92.
fn planned_meeting() -> Review {
    let mut review = facilitated_review();
    review.edit_meeting(7, |plan| {
        plan.set_length(90);
        plan.set_step_minutes(STEPS[0].id, 10);
        plan.start_time = "14:00".to_owned();
    });
    review
}

#[test]
fn a_meeting_plan_with_clock_times() {
    check("meeting-plan", &meeting_plan_markdown(&planned_meeting()));
}

#[test]
fn a_meeting_plan_without_a_start_time_or_facilitator() {
    let mut review = Review::new("r9", "", 0);
    review.set_scene_field(SceneField::Date, "2026-05-04", 1);
    check("meeting-plan-offsets", &meeting_plan_markdown(&review));
}

#[test]
fn the_plan_lists_every_step_and_question_with_its_time() {
    let markdown = meeting_plan_markdown(&planned_meeting());
    let plan = planned_meeting().meeting_plan();
    for (step, offset) in plan.start_offsets() {
        let label = gotlucky_core::catalogue::step(step).unwrap().label;
        let row = format!("| {} | {label} | {} |", plan.time_at(offset), plan.minutes(step));
        assert!(markdown.contains(&row), "no row {row:?}");
    }
    assert!(markdown.contains(&format!("| {} | End |", plan.time_at(plan.total_minutes()))));
    assert!(markdown.contains("| 15:32 | End |"));
    assert!(markdown.contains("| Length | 92 minutes |"));
    for question in QUESTIONS {
        let escaped = gotlucky_core::markdown::escape_line(question.text);
        assert!(markdown.contains(&format!("- {escaped}\n")), "{}", question.id);
    }
    assert!(markdown.contains("send the file to Kim before the meeting"));
    assert!(markdown.trim_end().ends_with("Meeting plan written with gotlucky."));
    assert!(is_meeting_plan(&markdown));
    assert!(!is_meeting_plan(&gotlucky_core::export_markdown(&planned_meeting())));
}

#[test]
fn user_text_in_the_plan_stays_literal() {
    let mut review = Review::new("r", "# <b>Outage</b> | *now*", 0);
    review.set_scene_field(SceneField::Facilitator, "[Kim](http://evil) <script>", 0);
    review.set_scene_field(SceneField::WhatHappened, "line one\n- line two", 0);
    let markdown = meeting_plan_markdown(&review);
    assert!(markdown.starts_with("# Meeting plan: \\# \\<b\\>Outage\\</b\\> \\| \\*now\\*\n"));
    assert!(markdown.contains("| What happened | line one<br>\\- line two |"));
    assert!(markdown.contains("send the file to \\[Kim\\](http\\://evil) \\<script\\> before"));
    assert!(!markdown.contains("<script>") && !markdown.contains("<b>"));
}

#[test]
fn the_file_name_says_it_is_the_meeting_plan() {
    assert_eq!(
        meeting_plan_file_name(&planned_meeting(), "2026-01-01"),
        "meeting-plan-checkout-outage-3-march-2026-03-03.md"
    );
    assert_eq!(meeting_plan_file_name(&Review::new("r", "", 0), ""), "meeting-plan.md");
}

fn summary(review: &Review) -> (&str, Mode, &str, &str, &str, bool) {
    (
        review.title.as_str(),
        review.scene.mode,
        review.scene.date.as_str(),
        review.scene.link.as_str(),
        review.scene.facilitator.as_str(),
        review.observations.is_empty() && review.moments.is_empty() && review.actions.is_empty(),
    )
}

#[test]
fn a_reflection_from_the_meeting_is_a_blank_self_reflection_with_its_title_and_date() {
    let meeting = planned_meeting();
    let reflection = prepare_reflection(&meeting, "new-id", 99);
    assert_eq!(
        summary(&reflection),
        (
            "Checkout outage, 3 March",
            Mode::SelfReflection,
            "2026-03-03",
            "INC-2041",
            "",
            true
        )
    );
    assert_eq!((reflection.id.as_str(), reflection.created_at), ("new-id", 99));
    assert!(!reflection.timer_is_on());
    assert_eq!(reflection.meeting, None);
}

#[test]
fn the_plan_s_markdown_gives_the_same_reflection_as_the_meeting() {
    for meeting in [planned_meeting(), Review::new("r", "", 0)] {
        let from_meeting = prepare_reflection(&meeting, "id", 5);
        let from_plan = reflection_from_meeting_plan(&meeting_plan_markdown(&meeting), "id", 5).unwrap();
        assert_eq!(from_plan, from_meeting);
    }
    let mut tricky = Review::new("r", "Meeting plan: *DB* | failover #2", 0);
    tricky.set_scene_field(SceneField::Date, "3 | 4 March", 0);
    tricky.set_scene_field(SceneField::WhatHappened, "Two lines\nof text", 0);
    let from_plan = reflection_from_meeting_plan(&meeting_plan_markdown(&tricky), "id", 5).unwrap();
    assert_eq!(from_plan, prepare_reflection(&tricky, "id", 5));
}

#[test]
fn a_plan_edited_in_a_wiki_still_reads() {
    let edited = "\r\n\r\n## MEETING PLAN – Checkout outage ##\r\n\r\nSome intro the wiki added.\r\n\r\n\
                  * **date:** 2026-03-03\r\n- Link: INC-2041\r\n\r\n| Start | Step |\r\n|--|--|\r\n| 14:00 | Scene |\r\n";
    let reflection = reflection_from_meeting_plan(edited, "id", 1).unwrap();
    assert_eq!(
        summary(&reflection),
        (
            "Checkout outage",
            Mode::SelfReflection,
            "2026-03-03",
            "INC-2041",
            "",
            true
        )
    );
    let table = "# Outage\n\n|  **Date**  |  1 May  | extra |\n|---|---|---|\n";
    let reflection = reflection_from_meeting_plan(table, "id", 1).unwrap();
    assert_eq!(
        (reflection.title.as_str(), reflection.scene.date.as_str()),
        ("Outage", "1 May")
    );
}

#[test]
fn text_without_a_title_heading_is_refused() {
    let too_large = format!("# Outage\n\n{}", "x".repeat(2_000_000));
    for text in ["", "Just a note\n# Later heading", "#hashtag", &too_large] {
        assert!(
            reflection_from_meeting_plan(text, "id", 1).is_err(),
            "{:?}",
            &text[..text.len().min(30)]
        );
    }
}
