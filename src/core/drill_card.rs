//! The drill card: the frequency step's drill plan on its own, one page to hand to the game host.
//!
//! It lists the plan's fields (a blank one as "to decide"), the "we got lucky" moments the drill rehearses, and
//! the follow-up actions that came from the frequency step. The moments are all of the review's moments: a drill
//! rehearses the failure as a whole, and moments are linked to the observations that explain them (mostly in
//! the luck steps), not to the frequency step, so linking would leave the list empty in most reviews.
//!
use std::borrow::Cow;

use crate::catalogue::question;
use crate::html::write_html;
use crate::markdown::document::{heading_title, text, Block, Inline, Item};
use crate::markdown::{markdown_file_name, write_markdown};
use crate::review::{DrillKind, Review};

/// The step whose questions and actions the drill belongs to.
const FREQUENCY_STEP: &str = "frequency";

/// What the card writes for a field nobody has filled in.
pub const TO_DECIDE: &str = "to decide";

/// The drill card as Markdown.
pub fn drill_card_markdown(review: &Review) -> String {
    write_markdown(&drill_card_blocks(review))
}

/// The drill card as an HTML fragment, for rich paste.
pub fn drill_card_html(review: &Review) -> String {
    write_html(&drill_card_blocks(review))
}

/// The card's file name: the export's name with `-drill` before the extension.
pub fn drill_card_file_name(review: &Review, today: &str) -> String {
    let name = markdown_file_name(review, today);
    format!("{}-drill.md", name.trim_end_matches(".md"))
}

/// The file name of a redacted card, e.g. `checkout-outage-2026-03-03-drill-redacted.md`.
pub fn redacted_drill_card_file_name(review: &Review, today: &str) -> String {
    let name = drill_card_file_name(review, today);
    format!("{}-redacted.md", name.trim_end_matches(".md"))
}

fn drill_card_blocks(review: &Review) -> Vec<Block<'_>> {
    let drill = &review.drill;
    let value = |text: &str| -> Inline<'_> {
        if text.trim().is_empty() {
            Inline::Emphasis(Cow::Borrowed(TO_DECIDE))
        } else {
            Inline::Text(Cow::Owned(text.to_owned()))
        }
    };
    let details = vec![
        vec![text("Failure scenario"), value(&drill.scenario)],
        vec![
            text("Where it runs"),
            value(drill.kind.map(DrillKind::label).unwrap_or_default()),
        ],
        vec![text("Game host"), value(&drill.host)],
        vec![text("Participants"), value(&drill.participants)],
        vec![text("Date"), value(&drill.date)],
        vec![text("What success looks like"), value(&drill.success)],
    ];
    let mut blocks = vec![
        Block::Heading(1, Cow::Owned(format!("Drill plan: {}", heading_title(review)))),
        Block::Table(&["Detail", "Value"], details),
        Block::Heading(2, Cow::Borrowed("The luck it rehearses")),
    ];
    blocks.push(if review.moments.is_empty() {
        Block::Paragraph(Inline::Emphasis(Cow::Borrowed(
            "No \u{201c}we got lucky\u{201d} moment yet.",
        )))
    } else {
        Block::List(review.moments.iter().map(|moment| Item::text(&moment.text)).collect())
    });
    blocks.push(Block::Heading(2, Cow::Borrowed("Follow-up actions")));
    let rows: Vec<Vec<Inline>> = review
        .actions
        .iter()
        .filter_map(|action| {
            let observation = review.observation(action.from?)?;
            (question(&observation.question)?.step == FREQUENCY_STEP).then(|| {
                vec![
                    text(action.what.as_str()),
                    text(action.owner.as_str()),
                    text(action.due.as_str()),
                    text(observation.text.as_str()),
                ]
            })
        })
        .collect();
    blocks.push(if rows.is_empty() {
        Block::Paragraph(Inline::Emphasis(Cow::Borrowed("None yet.")))
    } else {
        Block::Table(&["Action", "Owner", "Due", "From observation"], rows)
    });
    blocks.push(Block::Rule);
    let date = review.scene.date.trim();
    let when = if date.is_empty() {
        String::new()
    } else {
        format!(" ({date})")
    };
    blocks.push(Block::Paragraph(text(format!(
        "From the review \u{201c}{}\u{201d}{when}. Written with gotlucky.",
        heading_title(review)
    ))));
    blocks
}
