//! Snapshot tests of the Markdown export: the expected files in `tests/snapshots/` are reviewed like code.
//! After an intended change, run with `UPDATE_SNAPSHOTS=1` and review the diff of the `.md` files.

use gotlucky_core::{export_markdown_with, ExportOptions, Mode, Review, SceneField};

mod common;
use common::facilitated_review;

fn check(name: &str, markdown: &str) {
    common::check_snapshot(name, markdown);
}

#[test]
fn a_complete_facilitated_review() {
    check("facilitated", &gotlucky_core::export_markdown(&facilitated_review()));
}

#[test]
fn a_personal_reflection() {
    let mut review = Review::new("r2", "Near miss: expired certificate", 0);
    review.set_mode(Mode::SelfReflection, 1);
    review.set_scene_field(SceneField::Facilitator, "Dev", 1);
    review.set_scene_field(SceneField::Participants, "should not be exported", 1);
    review.add_moment("We were lucky the renewal reminder went to someone still here", 1);
    review.add_observation("frequency.tested", "We never rehearse certificate expiry", 2);
    check("self-reflection", &gotlucky_core::export_markdown(&review));
}

#[test]
fn an_empty_review() {
    check("empty", &gotlucky_core::export_markdown(&Review::new("r3", "", 0)));
}

#[test]
fn a_review_with_unanswered_questions_listed() {
    let markdown = export_markdown_with(
        &facilitated_review(),
        ExportOptions {
            include_unanswered: true,
            ..ExportOptions::default()
        },
    );
    check("facilitated-with-unanswered", &markdown);
}
