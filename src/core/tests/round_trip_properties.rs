//! Property tests: for many generated reviews full of hostile text (Markdown, control characters, blank lines
//! inside a text), the export renders in a GFM parser with no formatting the user did not write, table rows
//! keep their cell count, and importing the export gives back the same review, also after the export is
//! rewritten in another spelling that renders the same. And whatever text imports at all exports and imports
//! again to the same review.

use gotlucky_core::import::import_markdown;
use gotlucky_core::{
    export_markdown, ActionField, Dial, DrillField, DrillKind, Luck, Mode, Review, SceneField, QUESTIONS, STEPS,
};
use proptest::prelude::*;

mod common;
use common::content;

mod gfm_rendering;
use gfm_rendering::only_our_formatting;

mod import_spellings;
use import_spellings::{rendering, spellings, Spelling};

/// Pieces of text that mean something to Markdown, HTML or a wiki, mixed with ordinary words.
const FRAGMENTS: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "`",
    "```",
    "#",
    "## ",
    "> ",
    "1. ",
    "2) ",
    "- ",
    "+ ",
    "=",
    "---",
    "    ",
    "  ",
    "\t",
    "|",
    "\\",
    "~~",
    "$",
    "<script>",
    "</b>",
    "<br>",
    "&amp;",
    "&#32;",
    "&",
    "[x](y)",
    "![i](s)",
    "<https://a.b>",
    "www.example.com",
    "https://example.com/a_b",
    "sam@example.com",
    "[^1]",
    "[^note]: ",
    "~",
    "[ ] ",
    "[x] ",
    " *(",
    ")*",
    "dial: stop",
    "increasing luck",
    "🎉",
    "🔥",
    "עברית",
    "وعربي",
    "\u{202e}",
    "\u{a0}",
    "é",
    "word",
    "Amanda",
    "on call",
    ".",
    ",",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "!",
    "?",
    "'",
    "\"",
    ":",
    ";",
    "@team",
    "#123",
    // Control characters (the export writes them as references) and references that look like them.
    "\u{0}",
    "\u{1}",
    "\u{1b}[31m",
    "\u{7}",
    "\u{8}",
    "\u{b}",
    "\u{c}",
    "\u{1f}",
    "\u{7f}",
    "\u{85}",
    "\u{2028}",
    "&#1;",
    "&#x1B;",
    "&#0;",
];

/// Hostile text: non-blank, not starting or ending with a line break (a break at either end shows as nothing),
/// with blank or white-space lines inside.
fn text(max_lines: usize) -> impl Strategy<Value = String> {
    let words = prop::collection::vec(prop::sample::select(FRAGMENTS), 1..6).prop_map(|parts| parts.concat());
    let line = prop_oneof![4 => words, 1 => prop::sample::select(vec![String::new(), "  ".to_owned()])];
    prop::collection::vec(line, 1..=max_lines)
        .prop_map(|lines| lines.join("\n"))
        .prop_filter("blank at either end", |text| {
            !text.trim().is_empty() && !text.starts_with('\n') && !text.ends_with('\n')
        })
}

fn optional_text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), text(2)]
}

fn review() -> impl Strategy<Value = Review> {
    (
        text(1),
        prop::collection::vec(optional_text(), 5),
        any::<bool>(),
        prop::collection::vec(text(3), 0..4),
        prop::collection::vec((0..QUESTIONS.len(), text(3), 0..3usize, 0..5usize), 0..12),
        prop::collection::vec(
            (text(2), optional_text(), optional_text(), any::<prop::sample::Index>()),
            0..5,
        ),
        (prop::collection::vec(optional_text(), 4), 0..4usize),
        prop::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..6),
        optional_text(),
    )
        .prop_map(
            |(title, scene, reflection, moments, observations, actions, drill, links, notes)| {
                let mut review = Review::new("gen", title.replace('\n', " "), 0);
                let fields = [
                    SceneField::WhatHappened,
                    SceneField::Link,
                    SceneField::Date,
                    SceneField::Facilitator,
                    SceneField::Participants,
                ];
                for (field, value) in fields.into_iter().zip(&scene) {
                    review.set_scene_field(field, value, 1);
                }
                if reflection {
                    review.set_mode(Mode::SelfReflection, 1);
                }
                for moment in &moments {
                    review.add_moment(moment, 1);
                }
                for (question, text, luck, dial) in &observations {
                    if let Some(id) = review.add_observation(QUESTIONS[*question].id, text, 1) {
                        review.set_luck(id, [None, Some(Luck::Decreasing), Some(Luck::Increasing)][*luck], 1);
                        review.set_dial(
                            id,
                            [
                                None,
                                Some(Dial::TurnUp),
                                Some(Dial::Start),
                                Some(Dial::Stop),
                                Some(Dial::Keep),
                            ][*dial],
                            1,
                        );
                    }
                }
                let observation_ids: Vec<_> = review.observations.iter().map(|o| o.id).collect();
                for (what, owner, due, from) in &actions {
                    let from = (!observation_ids.is_empty()).then(|| *from.get(&observation_ids));
                    if let Some(id) = review.add_action(what, from, 1) {
                        review.set_action_field(id, ActionField::Owner, owner, 1);
                        review.set_action_field(id, ActionField::Due, due, 1);
                    }
                }
                let (drill_fields, kind) = drill;
                for (field, value) in [
                    DrillField::Scenario,
                    DrillField::Host,
                    DrillField::Participants,
                    DrillField::Date,
                ]
                .into_iter()
                .zip(&drill_fields)
                {
                    review.set_drill_field(field, value, 1);
                }
                review.set_drill_kind(
                    [
                        None,
                        Some(DrillKind::PracticeDrill),
                        Some(DrillKind::GameDay),
                        Some(DrillKind::ChaosExperiment),
                    ][kind],
                    1,
                );
                let moment_ids: Vec<_> = review.moments.iter().map(|m| m.id).collect();
                for (moment, observation) in links {
                    if !moment_ids.is_empty() && !observation_ids.is_empty() {
                        let (moment, observation) = (*moment.get(&moment_ids), *observation.get(&observation_ids));
                        if !review
                            .moments
                            .iter()
                            .any(|m| m.id == moment && m.explained_by.contains(&observation))
                        {
                            review.toggle_explanation(moment, observation, 1);
                        }
                    }
                }
                review.set_notes(&notes, 1);
                review
            },
        )
}

/// Texts must be unique where the export links by text (moments, and observations that are linked).
fn links_are_unambiguous(review: &Review) -> bool {
    let unique = |texts: Vec<&String>| texts.iter().enumerate().all(|(i, t)| !texts[..i].contains(t));
    unique(review.moments.iter().map(|m| &m.text).collect())
        && unique(review.observations.iter().map(|o| &o.text).collect())
}

/// The export of `review`, rewritten in `spelling`, imports to the same review (unless a formatter changed
/// how it renders, which makes it no spelling of it).
fn imports_back_in_spelling(review: &Review, spelling: &Spelling) -> Result<(), TestCaseError> {
    let markdown = export_markdown(review);
    // CommonMark renders `&#x0;` as U+FFFD, and formatters write that; the import reads the export's
    // `&#x0;` as U+0000 so that the export reads back.
    if spelling.formatter && markdown.contains("&#x0;") {
        return Ok(());
    }
    let rewritten = (spelling.rewrite)(&markdown);
    if spelling.renders_the_same && rendering(&rewritten) != rendering(&markdown) {
        // A formatter that changes how a text renders is not a spelling of it; our own rewrites must not.
        prop_assert!(
            spelling.formatter,
            "{} renders differently:\n{}\nfrom:\n{}",
            spelling.name,
            rewritten,
            markdown
        );
        return Ok(());
    }
    let imported = import_markdown(&rewritten, "imported", 9);
    prop_assert!(imported.is_ok(), "{:?} for {}:\n{}", imported, spelling.name, rewritten);
    let imported = imported.unwrap();
    prop_assert_eq!(content(&imported), content(review), "{}:\n{}", spelling.name, rewritten);
    Ok(())
}

#[test]
fn a_web_link_imports_back_in_every_spelling() {
    // An autolink's text is literal: no rewrite may escape inside it.
    let mut review = Review::new("r", "|", 0);
    review.set_scene_field(SceneField::Link, "https://example.com/a_b?x=1&y=2", 1);
    for spelling in &spellings() {
        if let Err(error) = imports_back_in_spelling(&review, spelling) {
            panic!("{error}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn export_renders_only_our_formatting_and_imports_back_unchanged(review in review()) {
        prop_assume!(links_are_unambiguous(&review));
        let markdown = export_markdown(&review);
        let rendering = only_our_formatting(&markdown);
        prop_assert!(rendering.is_ok(), "{}", rendering.unwrap_err());
        let imported = import_markdown(&markdown, "imported", 9);
        prop_assert!(imported.is_ok(), "{:?} for:\n{}", imported, markdown);
        let imported = imported.unwrap();
        prop_assert_eq!(content(&imported), content(&review), "export:\n{}", markdown);
    }

    #[test]
    fn the_export_in_another_spelling_imports_to_the_same_review(
        review in review(),
        spelling in any::<prop::sample::Index>(),
    ) {
        prop_assume!(links_are_unambiguous(&review));
        let spellings = spellings();
        imports_back_in_spelling(&review, spelling.get(&spellings))?;
    }

    #[test]
    fn import_never_panics_on_arbitrary_text(text in ".{0,400}") {
        let _ = import_markdown(&text, "any", 1);
    }

    #[test]
    fn whatever_imports_exports_and_imports_again_to_the_same_review(text in markdown()) {
        if let Ok(first) = import_markdown(&text, "first", 1) {
            let exported = export_markdown(&first);
            let again = import_markdown(&exported, "again", 1);
            prop_assert!(again.is_ok(), "{:?} for the export:\n{}\nof:\n{}", again, exported, text);
            let again = again.unwrap();
            prop_assert_eq!(content(&again), content(&first), "export:\n{}\nof:\n{}", exported, text);
            prop_assert_eq!(export_markdown(&again), exported);
        }
    }
}

/// Pieces of a gotlucky export and of what people write in a wiki, to build documents from.
const BLOCK_FRAGMENTS: &[&str] = &[
    "# ",
    "## ",
    "### ",
    "#### ",
    "- ",
    "  - ",
    "    ",
    "* ",
    "+ ",
    "1. ",
    "> ",
    "| ",
    " | ",
    " |",
    "|---|---|",
    "---",
    "===",
    "```",
    "~~~",
    "*(",
    ")*",
    "_(",
    ")_",
    "**",
    "__",
    "increasing luck",
    "decreasing luck",
    "; ",
    "dial: stop",
    "dial: turn up",
    "a gap we got away with",
    "not explained yet",
    "We got lucky",
    "Luck ledger",
    "Actions",
    "Notes",
    "Drill plan",
    "Detail | Value",
    "Mode",
    "personal reflection",
    "Written by",
    "What happened",
    "Action | Owner | Due | From observation",
    "**Date:** ",
    "**Where it runs:** ",
    "game day",
    "No answer yet.",
    "Questions quoted from",
    "\\",
    "&#1;",
    "&#x0;",
    "&#32;",
    "&amp;",
    "\u{1}",
    "\u{1b}",
    "\u{7f}",
    "<br>",
    "`",
    "\t",
    " ",
    "  ",
    "word",
    "Amanda",
    "\u{a0}",
    "🎉",
    "title: ",
];

fn markdown() -> impl Strategy<Value = String> {
    let headings: Vec<String> = STEPS
        .iter()
        .map(|step| format!("## {}", step.heading))
        .chain(
            QUESTIONS
                .iter()
                .take(4)
                .map(|question| format!("### {}", question.text)),
        )
        .collect();
    let piece = prop_oneof![
        6 => prop::sample::select(BLOCK_FRAGMENTS).prop_map(str::to_owned),
        1 => prop::sample::select(headings),
    ];
    let line = prop::collection::vec(piece, 0..5).prop_map(|pieces| pieces.concat());
    (any::<bool>(), prop::collection::vec(line, 0..24)).prop_map(|(titled, lines)| {
        let body = lines.join("\n");
        if titled {
            format!("# Title\n\n{body}")
        } else {
            body
        }
    })
}
