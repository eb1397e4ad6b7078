//! The meeting's time plan is saved with the review but reaches the Markdown only when asked, and an export
//! that has it imports back with the same plan.

use gotlucky_core::import::import_markdown;
use gotlucky_core::{export_markdown, export_markdown_with, ExportOptions, Review};

fn planned_review() -> Review {
    let mut review = Review::new("r1", "Checkout outage", 1);
    review.add_observation("decreasing.normalised", "Config pushes skip review", 2);
    review.edit_meeting(3, |plan| {
        plan.set_length(90);
        plan.set_step_minutes("scene", 12);
        plan.start_time = "14:00".to_owned();
        plan.start_timer("scene", 3);
    });
    review
}

fn with_plan() -> ExportOptions {
    ExportOptions {
        include_meeting_plan: true,
        ..ExportOptions::default()
    }
}

#[test]
fn the_plan_is_only_in_the_markdown_when_asked() {
    let review = planned_review();
    assert!(!export_markdown(&review).contains("Meeting plan"));
    let markdown = export_markdown_with(&review, with_plan());
    assert!(
        markdown.contains("## Meeting plan\n\n| Step | Minutes | Starts |"),
        "{markdown}"
    );
    assert!(markdown.contains("| Set the scene | 12 | 14:00 |"), "{markdown}");
}

#[test]
fn an_export_with_the_plan_imports_back_with_the_same_minutes_and_start() {
    let review = planned_review();
    let markdown = export_markdown_with(&review, with_plan());
    let imported = import_markdown(&markdown, "r2", 4).unwrap();
    let (ours, theirs) = (review.meeting_plan(), imported.meeting_plan());
    assert_eq!(theirs.step_minutes(), ours.step_minutes());
    assert_eq!(theirs.start_time, "14:00");
    assert!(
        imported.notes.is_empty(),
        "the plan is not left in the notes: {:?}",
        imported.notes
    );
    assert_eq!(export_markdown_with(&imported, with_plan()), markdown);
}
