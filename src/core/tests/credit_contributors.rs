//! "Credit contributors": an observation merged from a participant's reflection says whose it was in the export
//! only when the facilitator asks, and such an export imports back with the same credit.

use gotlucky_core::import::import_markdown;
use gotlucky_core::{export_markdown, export_markdown_with, ExportOptions, Luck, Review};

const Q: &str = "decreasing.normalised";

fn merged_review() -> Review {
    let mut review = Review::new("r1", "Checkout outage", 1);
    let sam = review
        .add_observation(Q, "Friday deploys without anyone on call", 2)
        .unwrap();
    review.set_luck(sam, Some(Luck::Decreasing), 2);
    review.add_observation(Q, "Said in the room", 2);
    let liz = review.add_observation(Q, "Only Amanda knows the gateway", 2).unwrap();
    for observation in &mut review.observations {
        if observation.id == sam {
            observation.source = Some("Sam\u{2019}s reflection".to_owned());
        } else if observation.id == liz {
            observation.source = Some("Liz; SRE\u{2019}s reflection".to_owned());
        }
    }
    review
}

fn credited() -> ExportOptions {
    ExportOptions {
        credit_contributors: true,
        ..ExportOptions::default()
    }
}

#[test]
fn the_credit_is_only_in_the_export_when_asked() {
    let review = merged_review();
    assert!(!export_markdown(&review).contains("from:"));
    let markdown = export_markdown_with(&review, credited());
    assert!(
        markdown.contains("- Friday deploys without anyone on call *(decreasing luck; from: Sam\u{2019}s reflection)*"),
        "{markdown}"
    );
    assert!(markdown.contains("- Said in the room\n"), "{markdown}");
}

#[test]
fn a_credited_export_imports_back_with_its_credits() {
    let review = merged_review();
    let markdown = export_markdown_with(&review, credited());
    let imported = import_markdown(&markdown, "r2", 3).unwrap();
    let sources: Vec<Option<&str>> = imported.observations.iter().map(|o| o.source.as_deref()).collect();
    // A semicolon in a name would split the labels, so the export writes it as a comma.
    assert_eq!(
        sources,
        vec![
            Some("Sam\u{2019}s reflection"),
            None,
            Some("Liz, SRE\u{2019}s reflection")
        ]
    );
    assert_eq!(imported.observations[0].luck, Some(Luck::Decreasing));
    assert_eq!(export_markdown_with(&imported, credited()), markdown);
}

#[test]
fn what_success_looks_like_imports_back_into_the_drill_plan() {
    let mut review = merged_review();
    review.set_drill_field(gotlucky_core::DrillField::Scenario, "The gateway times out", 3);
    review.set_drill_field(
        gotlucky_core::DrillField::Success,
        "Checkout fails over in under a minute",
        3,
    );
    let markdown = export_markdown(&review);
    let imported = import_markdown(&markdown, "r2", 4).unwrap();
    assert_eq!(imported.drill.success, "Checkout fails over in under a minute");
    assert!(
        imported.notes.is_empty(),
        "nothing left over in the notes: {:?}",
        imported.notes
    );
}

#[test]
fn a_redacted_export_credits_roles_not_names() {
    let mut review = merged_review();
    review.set_scene_field(
        gotlucky_core::SceneField::Participants,
        "Sam (on-call engineer), Liz",
        3,
    );
    let redacted = gotlucky_core::redact_review(&review, "").review;
    let markdown = export_markdown_with(&redacted, credited());
    assert!(
        markdown.contains("from: on-call engineer\u{2019}s reflection"),
        "{markdown}"
    );
    assert!(!markdown.contains("Sam") && !markdown.contains("Liz"), "{markdown}");
}
