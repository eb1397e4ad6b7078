//! Importing Markdown back into a review: exported files come back unchanged, files edited in a wiki come back
//! with the edits, unknown sections are kept as notes, and files that are not reviews are refused.

use gotlucky_core::import::import_markdown;
use gotlucky_core::{export_markdown, export_markdown_with, ExportOptions, Review};

mod common;
use common::{content, facilitated_review};

#[test]
fn an_exported_review_imports_back_unchanged() {
    let review = facilitated_review();
    let imported = import_markdown(&export_markdown(&review), "new1", 5).unwrap();
    assert_eq!(content(&imported), content(&review));
    assert_eq!(imported.id, "new1");
    let with_unanswered = export_markdown_with(
        &review,
        ExportOptions {
            include_unanswered: true,
        },
    );
    assert_eq!(
        content(&import_markdown(&with_unanswered, "new2", 5).unwrap()),
        content(&review)
    );
}

#[test]
fn edits_made_in_a_wiki_come_back() {
    let markdown = export_markdown(&facilitated_review())
        .replace(
            "- Only Amanda knows the payment gateway *(",
            "- Only Amanda and Sam know the payment gateway *(",
        )
        .replace("| Sam | 2026-03-31 |", "| Priya | 2026-04-15 |")
        .replace(
            "- The SLI dashboard covers checkout *(increasing luck; dial: turn up)*\n",
            "- The SLI dashboard covers checkout *(increasing luck; dial: turn up)*\n* Alerts page the right team\n",
        );
    let imported = import_markdown(&markdown, "wiki", 1).unwrap();
    let texts: Vec<&str> = imported.observations.iter().map(|o| o.text.as_str()).collect();
    assert!(
        texts.contains(&"Only Amanda and Sam know the payment gateway"),
        "{texts:?}"
    );
    assert!(texts.contains(&"Alerts page the right team"), "{texts:?}");
    assert_eq!(imported.actions[0].owner, "Priya");
    assert_eq!(imported.actions[0].due, "2026-04-15");
}

#[test]
fn unknown_sections_are_kept_as_notes() {
    let markdown = export_markdown(&facilitated_review()).replace(
        "## Actions\n",
        "## Timeline\n\n- 09:14 alert fired\n- 09:20 Amanda joined\n\n## Actions\n",
    );
    let imported = import_markdown(&markdown, "notes", 1).unwrap();
    assert!(imported.notes.contains("## Timeline"), "{}", imported.notes);
    assert!(imported.notes.contains("- 09:20 Amanda joined"), "{}", imported.notes);
    assert_eq!(imported.actions.len(), 2);
}

#[test]
fn files_that_are_not_reviews_are_refused_with_a_reason() {
    let cases = [
        ("", "should start with the review's title"),
        ("just some text", "should start with the review's title"),
        ("## Not a title\n", "should start with the review's title"),
        ("# Title\u{0}\u{1}\u{2}", "binary"),
    ];
    for (text, reason) in cases {
        let error = import_markdown(text, "x", 1).unwrap_err();
        assert!(error.contains(reason), "{text:?} gave {error}");
    }
    let huge = format!("# Huge\n{}", "- x\n".repeat(600_000));
    assert!(import_markdown(&huge, "x", 1).unwrap_err().contains("too large"));
}

#[test]
fn a_minimal_file_gives_a_review_with_its_title() {
    let imported = import_markdown("# Written by hand\n\n- stray bullet\n", "hand", 1).unwrap();
    assert_eq!(imported.title, "Written by hand");
    assert!(imported.notes.contains("stray bullet"));
    assert_eq!(
        content(&import_markdown(&export_markdown(&Review::new("e", "", 0)), "e2", 0).unwrap()).0,
        "Untitled review"
    );
}
