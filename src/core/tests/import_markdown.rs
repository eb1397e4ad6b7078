//! Importing Markdown back into a review: exported files come back unchanged, files edited in a wiki come back
//! with the edits, unknown sections are kept as notes, and files that are not reviews are refused.

use gotlucky_core::import::import_markdown;
use gotlucky_core::{
    export_markdown, export_markdown_with, export_markdown_with_front_matter, ActionField, DrillField, ExportOptions,
    Review, SceneField,
};

mod common;
use common::{content, facilitated_review};

mod hostile;
use hostile::{as_lines, CONTROL, HOSTILE};

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
            ..ExportOptions::default()
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

/// A review holding `text` in every field, with its items linked.
fn review_holding(text: &str) -> Review {
    let mut review = Review::new("r", text, 0);
    for field in [
        SceneField::WhatHappened,
        SceneField::Link,
        SceneField::Date,
        SceneField::Facilitator,
    ] {
        review.set_scene_field(field, text, 1);
    }
    let moment = review.add_moment(text, 1).unwrap();
    let observation = review.add_observation("decreasing.normalised", text, 1).unwrap();
    review.set_luck(observation, Some(gotlucky_core::Luck::Increasing), 1);
    review.toggle_explanation(moment, observation, 1);
    let action = review.add_action(text, Some(observation), 1).unwrap();
    review.set_action_field(action, ActionField::Owner, text, 1);
    review.set_drill_field(DrillField::Scenario, text, 1);
    review.set_notes(text, 1);
    review
}

/// A review whose text holds control characters, as pasted from a terminal or read from `&#1;` in a file,
/// exports them as numeric references, which read back as the same characters.
#[test]
fn control_characters_survive_export_and_import() {
    for text in CONTROL.iter().chain(&["nul \u{0} here", "\u{1}"]) {
        let review = review_holding(text);
        let markdown = export_markdown(&review);
        let raw = markdown.chars().find(|c| c.is_control() && !matches!(c, '\n' | '\t'));
        assert_eq!(raw, None, "a raw control character in:\n{markdown}");
        let imported = import_markdown(&markdown, "back", 2).unwrap();
        assert_eq!(content(&imported), content(&review), "{text:?} in:\n{markdown}");
    }
}

#[test]
fn numeric_references_read_as_the_characters_they_name() {
    let markdown =
        "# T &#x41;&#66;\n\n## Notes\n\n&#1;&#x1B;[31m &#X7f; &#0; &#x1;&#9;&#32;&#xFFFFFF; &#; &#x; &#12345678;\n";
    let review = import_markdown(markdown, "r", 1).unwrap();
    assert_eq!(review.title, "T AB");
    assert_eq!(
        review.notes,
        "\u{1}\u{1b}[31m \u{7f} \u{0} \u{1}\t \u{fffd} &#; &#x; &#12345678;"
    );
    let again = import_markdown(&export_markdown(&review), "again", 1).unwrap();
    assert_eq!(content(&again), content(&review));
}

#[test]
fn an_export_with_front_matter_imports_like_the_plain_export() {
    for text in HOSTILE.iter().chain(CONTROL).chain(&["", "title: x", "---"]) {
        // The export writes every line break as `\n`.
        let text = &as_lines(text);
        let mut review = if text.is_empty() {
            facilitated_review()
        } else {
            review_holding(text)
        };
        // A title is one line; the export writes its line breaks as spaces.
        let title = text
            .split(['\r', '\n'])
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>();
        review.set_title(&title.join(" "), 1);
        let markdown = export_markdown_with_front_matter(&review, ExportOptions::default());
        let imported = import_markdown(&markdown, "back", 2).unwrap();
        assert_eq!(content(&imported), content(&review), "{text:?} from:\n{markdown}");
    }
}
