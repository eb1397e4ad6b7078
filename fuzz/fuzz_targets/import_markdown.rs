//! Any text given to the Markdown import must come back as a review or a reason, never a panic; and whatever it
//! reads must export and import again to the same review: the second import's export is the first export, byte
//! for byte, also with front matter before it. Input starting with a zero byte builds a review instead (every
//! field full of control characters, blank lines and Markdown), whose export must import to the same export.
#![no_main]

use gotlucky_core::import::import_markdown;
use gotlucky_core::{
    export_markdown, export_markdown_with_front_matter, ActionField, Dial, DrillField, DrillKind, ExportOptions, Luck,
    Mode, Review, SceneField, QUESTIONS,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        // Text never starts with U+0000 (the import refuses it), so that byte asks for a built review.
        Some((0, rest)) => review_round_trip(&build_review(rest)),
        _ => {
            let Ok(text) = std::str::from_utf8(data) else { return };
            if let Ok(review) = import_markdown(text, "fuzz", 1) {
                review_round_trip(&review);
            }
        }
    }
});

/// The export of `review` imports to a review whose export is the same, with or without front matter.
fn review_round_trip(review: &Review) {
    let exported = export_markdown(review);
    let again = import_markdown(&exported, "again", 2)
        .unwrap_or_else(|error| panic!("an export did not import ({error}):\n{exported}"));
    assert_eq!(
        export_markdown(&again),
        exported,
        "an export imported to another review"
    );
    assert_eq!(
        content(&again),
        content(&import_markdown(&exported, "third", 3).unwrap())
    );
    let with_front_matter = export_markdown_with_front_matter(review, ExportOptions::default());
    let again = import_markdown(&with_front_matter, "front", 2)
        .unwrap_or_else(|error| panic!("an export with front matter did not import ({error}):\n{with_front_matter}"));
    assert_eq!(export_markdown(&again), exported, "front matter changed the review");
}

/// What a review says, with links by text.
fn content(review: &Review) -> String {
    format!(
        "{:?}",
        (
            review.display_title(),
            &review.scene,
            review
                .moments
                .iter()
                .map(|m| (&m.text, m.explained_by.len()))
                .collect::<Vec<_>>(),
            review
                .observations
                .iter()
                .map(|o| (&o.question, &o.text, o.luck, o.dial))
                .collect::<Vec<_>>(),
            review
                .actions
                .iter()
                .map(|a| (&a.what, &a.owner, &a.due, a.from.is_some()))
                .collect::<Vec<_>>(),
            &review.drill,
            &review.notes,
        )
    )
}

/// Pieces of text a byte from 0x80 to 0xBF stands for: Markdown, blank lines, references, labels, Unicode.
const FRAGMENTS: &[&str] = &[
    "\n\n",
    "\n  \n",
    "\n",
    "  ",
    "\t",
    "*",
    "**",
    "_",
    "`",
    "#",
    "## ",
    "- ",
    "+ ",
    "1. ",
    "> ",
    "|",
    "\\",
    "<br>",
    "&#1;",
    "&#x0;",
    "&amp;",
    "&#32;",
    " *(",
    ")*",
    "increasing luck",
    "dial: stop",
    "---",
    "===",
    "~~",
    "$",
    "[x](y)",
    "<https://a.b>",
    "\u{a0}",
    "\u{85}",
    "\u{2028}",
    "\u{feff}",
    "é",
    "🎉",
    "\u{202e}",
    "\r\n",
    "\r",
    "We got lucky",
    "Notes",
    "**Date:** ",
    "| a | b |",
    "|---|---|",
    "```",
    "    ",
    "\u{fffd}",
];

/// Builds a review from bytes: 0x00 to 0x7F are themselves (control characters included), 0x80 to 0xBF are
/// fragments, and 0xC0 and above end one text and say what the next one is for.
fn build_review(data: &[u8]) -> Review {
    let mut review = Review::new("built", "", 0);
    let mut text = String::new();
    let mut observations = Vec::new();
    let mut moments = Vec::new();
    for &byte in data.iter().chain(&[0xC0]) {
        match byte {
            0x00..=0x7F => text.push(char::from(byte)),
            0x80..=0xBF => text.push_str(FRAGMENTS[usize::from(byte - 0x80) % FRAGMENTS.len()]),
            _ => {
                let value = std::mem::take(&mut text);
                let pick = usize::from(byte - 0xC0);
                match pick % 8 {
                    0 => review.set_title(&value, 1),
                    1 => {
                        let fields = [
                            SceneField::WhatHappened,
                            SceneField::Link,
                            SceneField::Date,
                            SceneField::Facilitator,
                            SceneField::Participants,
                        ];
                        review.set_scene_field(fields[pick / 8 % fields.len()], &value, 1);
                        if pick / 8 == 7 {
                            review.set_mode(Mode::SelfReflection, 1);
                        }
                    }
                    2 => moments.extend(review.add_moment(&value, 1)),
                    3 | 4 => {
                        let question = QUESTIONS[pick % QUESTIONS.len()].id;
                        if let Some(id) = review.add_observation(question, &value, 1) {
                            review.set_luck(id, [None, Some(Luck::Decreasing), Some(Luck::Increasing)][pick % 3], 1);
                            review.set_dial(id, [None, Some(Dial::TurnUp), Some(Dial::Keep)][pick / 3 % 3], 1);
                            observations.push(id);
                        }
                    }
                    5 => {
                        let from = observations.get(pick / 8 % (observations.len() + 1)).copied();
                        if let Some(id) = review.add_action(&value, from, 1) {
                            review.set_action_field(id, ActionField::Owner, &value, 1);
                            review.set_action_field(id, ActionField::Due, &value, 1);
                        }
                    }
                    6 => {
                        let fields = [
                            DrillField::Scenario,
                            DrillField::Host,
                            DrillField::Participants,
                            DrillField::Date,
                        ];
                        review.set_drill_field(fields[pick / 8 % 4], &value, 1);
                        review.set_drill_kind(DrillKind::ALL.get(pick / 8 % 4).copied(), 1);
                    }
                    _ => {
                        if let (Some(&moment), Some(&observation)) = (moments.last(), observations.last()) {
                            review.toggle_explanation(moment, observation, 1);
                        }
                        review.set_notes(&value, 1);
                    }
                }
            }
        }
    }
    review
}
