//! The Markdown export: a review as GitHub-flavoured Markdown for a wiki.
//!
//! The review is first turned into blocks (`document`), which this module writes as Markdown and `crate::html`
//! writes as HTML. Every string goes through `escape_text` (or its one-line forms), so it renders as the same
//! literal text whatever it contains. The escaping is hand-written because a Markdown library would cost
//! hundreds of kilobytes of WebAssembly; the tests check it with a real CommonMark parser.

pub(crate) mod document;
mod escape;
mod front_matter;

use crate::review::Review;
use document::{Block, Inline, Item};

pub use escape::{escape_cell, escape_line, escape_text};
pub(crate) use escape::{is_escaped_control, normalise_line_breaks, push_control_reference, push_escaped_line};
pub use front_matter::{export_markdown_with_front_matter, front_matter, yaml_quoted, ReviewStatus};

/// Choices for the export. Build them with `..ExportOptions::default()`, so a new choice needs no change where
/// the others are set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// List every question, with "No answer yet." under the unanswered ones.
    pub include_unanswered: bool,
    /// Start the Markdown with YAML front matter for docs-as-code wikis (see `front_matter`). The HTML export
    /// has no front matter and ignores it.
    pub front_matter: bool,
    /// After each observation merged from a participant's reflection, say whose it was
    /// (` *(from: Sam’s reflection)*`). Off by default: the room's words are the team's.
    pub credit_contributors: bool,
    /// Add the meeting's time plan (each step's minutes and start) as a section. Off by default: the plan is
    /// for running the meeting, not for the wiki page.
    pub include_meeting_plan: bool,
}

/// What the export writes under an unanswered question when asked to include it.
pub const NO_ANSWER_YET: &str = "*No answer yet.*";

/// The whole review as Markdown. The same review always gives the same text.
pub fn export_markdown(review: &Review) -> String {
    export_markdown_with(review, ExportOptions::default())
}

/// The whole review as Markdown, with the given options.
pub fn export_markdown_with(review: &Review, options: ExportOptions) -> String {
    let body = write_markdown(&document::review_blocks(review, options));
    if options.front_matter {
        format!("{}\n{body}", front_matter(review))
    } else {
        body
    }
}

/// Writes blocks as Markdown: a blank line between blocks, one line break at the end.
pub(crate) fn write_markdown(blocks: &[Block]) -> String {
    let mut out = String::new();
    for (index, block) in blocks.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        match block {
            Block::Heading(level, text) => {
                out.push_str(&"#".repeat(usize::from(*level)));
                out.push(' ');
                out.push_str(&escape_line(text));
            }
            Block::Paragraph(inline) => out.push_str(&inline_markdown(inline, "")),
            Block::List(items) => {
                for item in items {
                    push_item(&mut out, item, "");
                }
                // Each item ends its own line; the block's own line break follows.
                if !items.is_empty() {
                    out.pop();
                }
            }
            Block::Table(head, rows) => {
                out.push_str(&format!("| {} |\n|", head.join(" | ")));
                out.push_str(&"---|".repeat(head.len()));
                for row in rows {
                    out.push_str("\n|");
                    for cell in row {
                        out.push(' ');
                        out.push_str(&cell_markdown(cell));
                        out.push_str(" |");
                    }
                }
            }
            Block::Rule => out.push_str("---"),
        }
        out.push('\n');
    }
    out
}

/// A list item holding user text, then our own note in emphasis, then its sub-items one level in.
fn push_item(out: &mut String, item: &Item, indent: &str) {
    out.push_str(indent);
    out.push_str("- ");
    if let Some(lead) = item.lead {
        out.push_str("**");
        push_escaped_line(out, lead);
        out.push_str("** ");
    }
    let continuation = format!("{indent}  ");
    out.push_str(&inline_markdown(&item.text, &continuation));
    if let Some(note) = &item.note {
        out.push_str(" *(");
        push_escaped_line(out, note);
        out.push_str(")*");
    }
    out.push('\n');
    for child in &item.children {
        push_item(out, child, &continuation);
    }
}

fn inline_markdown(inline: &Inline, indent: &str) -> String {
    match inline {
        Inline::Text(text) => escape_text(text, indent),
        Inline::Emphasis(text) => format!("*{}*", escape_text(text, indent)),
        Inline::Link(link) => autolink(link).unwrap_or_else(|| escape_text(link, indent)),
    }
}

fn cell_markdown(inline: &Inline) -> String {
    match inline {
        Inline::Text(text) => escape_cell(text),
        Inline::Emphasis(text) => format!("*{}*", escape_cell(text)),
        Inline::Link(link) => match autolink(link) {
            Some(autolink) => autolink,
            None => escape_cell(link),
        },
    }
}

/// A web address as a CommonMark autolink (`<https://…>`), which every wiki shows as the address itself and
/// makes clickable; anything else stays text. An autolink shows its content literally, so the address must be
/// exactly what was typed, with nothing that ends the autolink (`<`, `>`) or the table cell (`|`).
fn autolink(link: &str) -> Option<String> {
    let plain = crate::html::web_url(link) == Some(link) && !link.contains(['<', '>', '|']);
    plain.then(|| format!("<{link}>"))
}

/// A safe file name for the exported review: the title and date in lower-case ASCII letters, digits and
/// hyphens, e.g. `checkout-outage-2026-03-03.md`. `today` is used when the review has no date.
pub fn markdown_file_name(review: &Review, today: &str) -> String {
    let date = if review.scene.date.trim().is_empty() {
        today
    } else {
        review.scene.date.trim()
    };
    let mut name = String::new();
    // ASCII lower-casing only: the name keeps nothing but ASCII letters and digits, and full Unicode
    // lower-casing would bring its tables into the WebAssembly for no visible difference.
    for c in format!("{} {date}", review.title)
        .chars()
        .map(|c| c.to_ascii_lowercase())
    {
        if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('-') {
            name.push('-');
        }
        if name.len() >= 80 {
            break;
        }
    }
    let name = name.trim_end_matches('-');
    format!("{}.md", if name.is_empty() { "review" } else { name })
}

/// The file name of a redacted export: the usual name with `-redacted` before the extension, e.g.
/// `checkout-outage-2026-03-03-redacted.md`.
pub fn redacted_file_name(review: &Review, today: &str) -> String {
    let name = markdown_file_name(review, today);
    format!("{}-redacted.md", name.trim_end_matches(".md"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_safe_and_say_what_and_when() {
        let mut review = Review::new("r", "Checkout outage: 3/4 <script> ünïcode", 0);
        assert_eq!(
            markdown_file_name(&review, "2026-11-26"),
            "checkout-outage-3-4-script-n-code-2026-11-26.md"
        );
        review.set_scene_field(crate::review::SceneField::Date, "2026-03-03", 1);
        assert!(markdown_file_name(&review, "2026-11-26").ends_with("-2026-03-03.md"));
        assert_eq!(markdown_file_name(&Review::new("r", "../../", 0), ""), "review.md");
        assert!(markdown_file_name(&Review::new("r", "x".repeat(500), 0), "2026-01-01").len() <= 84);
    }

    #[test]
    fn the_link_is_clickable_only_when_it_is_one_web_address() {
        let link_row = |link: &str| {
            let mut review = Review::new("r", "Links", 0);
            review.set_scene_field(crate::review::SceneField::Link, link, 1);
            let markdown = export_markdown(&review);
            let row = markdown
                .lines()
                .find(|line| line.starts_with("| Link |"))
                .map(str::to_owned);
            row.unwrap_or_default()
        };
        assert_eq!(
            link_row("https://example.com/INC-1?a=1&b=2"),
            "| Link | <https://example.com/INC-1?a=1&b=2> |"
        );
        assert_eq!(link_row("INC-2041"), "| Link | INC-2041 |");
        assert_eq!(link_row("javascript:alert(1)"), "| Link | javascript:alert(1) |");
        assert_eq!(link_row("https://a.b/x|y"), r"| Link | https\://a.b/x\|y |");
        assert_eq!(link_row(" https://a.b"), r"| Link | &#32;https\://a.b |");

        let mut review = Review::new("r", "Links", 0);
        review.set_scene_field(crate::review::SceneField::Link, "https://example.com/INC-1?a=1&b=2", 1);
        let imported = crate::import::import_markdown(&export_markdown(&review), "i", 2);
        assert_eq!(
            imported.map(|review| review.scene.link),
            Ok("https://example.com/INC-1?a=1&b=2".to_owned())
        );
    }

    #[test]
    fn a_redacted_file_says_so() {
        let review = Review::new("r", "Checkout outage", 0);
        assert_eq!(
            redacted_file_name(&review, "2026-03-03"),
            "checkout-outage-2026-03-03-redacted.md"
        );
        assert_eq!(redacted_file_name(&Review::new("r", "", 0), ""), "review-redacted.md");
    }

    #[test]
    fn front_matter_is_a_choice_of_the_export() {
        let review = Review::new("r", "Disk full", 0);
        let plain = export_markdown(&review);
        assert!(plain.starts_with("# Disk full\n"));
        let options = ExportOptions {
            front_matter: true,
            ..ExportOptions::default()
        };
        assert_eq!(
            export_markdown_with(&review, options),
            format!("{}\n{plain}", front_matter(&review))
        );
        assert_eq!(
            export_markdown_with(&review, options),
            export_markdown_with_front_matter(&review, ExportOptions::default())
        );
    }

    #[test]
    fn what_success_looks_like_is_part_of_the_drill_plan() {
        use crate::review::DrillField;
        let mut review = Review::new("r", "Disk full", 0);
        review.set_drill_field(DrillField::Success, "The page fires within 2 minutes", 1);
        assert!(!review.drill.is_empty());
        assert!(export_markdown(&review)
            .contains("### Drill plan\n\n- **What success looks like:** The page fires within 2 minutes\n"));
    }

    #[test]
    fn the_export_has_title_question_and_observations() {
        let mut review = Review::new("r", "Disk full on db-2", 0);
        review.add_observation("decreasing.normalised", "Nobody watches disk usage", 1);
        let markdown = export_markdown(&review);
        assert!(markdown.starts_with("# Disk full on db-2\n"));
        assert!(markdown.contains(
            "\n## How have we been decreasing our luck?\n\n### What unsafe behaviour have we been normalising?\n\n- Nobody watches disk usage\n"
        ));
    }

    /// Every control character but tab and line feed, alone and inside text.
    fn control_texts() -> Vec<String> {
        (0u8..0x20)
            .chain([0x7f])
            .filter(|byte| *byte != b'\t' && *byte != b'\n')
            .flat_map(|byte| {
                let c = char::from(byte);
                [c.to_string(), format!("a{c}b"), format!("{c}- x {c}")]
            })
            .collect()
    }

    #[test]
    fn an_export_holds_no_raw_control_character() {
        use crate::review::{ActionField, DrillField, SceneField};
        let mut review = Review::new("r", "", 0);
        for text in control_texts() {
            review.set_title(&format!("{}{text}", review.title), 1);
            review.set_notes(&format!("{}{text}", review.notes), 1);
            review.add_observation("decreasing.normalised", &format!("x{text}"), 1);
            review.add_moment(&format!("x{text}"), 1);
            let action = review.add_action(&format!("x{text}"), None, 1).unwrap();
            review.set_action_field(action, ActionField::Owner, &text, 1);
            review.set_action_field(action, ActionField::Due, &text, 1);
        }
        let all = control_texts().concat();
        for field in [
            SceneField::WhatHappened,
            SceneField::Link,
            SceneField::Date,
            SceneField::Participants,
        ] {
            review.set_scene_field(field, &all, 1);
        }
        review.set_drill_field(DrillField::Scenario, &all, 1);
        for markdown in [
            export_markdown(&review),
            export_markdown_with_front_matter(
                &review,
                ExportOptions {
                    include_unanswered: true,
                    ..ExportOptions::default()
                },
            ),
            crate::html::export_html(&review, ExportOptions::default()),
        ] {
            let raw: Vec<char> = markdown
                .chars()
                .filter(|c| is_escaped_control(*c) && *c != '\r')
                .collect();
            assert!(raw.is_empty(), "{raw:?} in:\n{markdown:?}");
            assert!(!markdown.contains('\r'), "{markdown:?}");
        }
    }

    #[test]
    fn control_characters_read_back_from_the_references() {
        use pulldown_cmark::{Event, Parser, Tag, TagEnd};
        let mut review = Review::new("r", "Controls", 0);
        // A CommonMark reader turns the reference to U+0000 into U+FFFD, as it does a raw U+0000.
        let texts: Vec<String> = control_texts()
            .into_iter()
            .filter(|text| !text.contains(['\0', '\r']))
            .map(|text| format!("x{text}"))
            .collect();
        for text in &texts {
            review.add_observation("decreasing.normalised", text, 1);
        }
        let markdown = export_markdown(&review);
        let mut items = Vec::new();
        let mut current: Option<String> = None;
        for event in Parser::new(&markdown) {
            match event {
                Event::Start(Tag::Item) => current = Some(String::new()),
                Event::End(TagEnd::Item) => items.extend(current.take()),
                Event::Text(text) => {
                    if let Some(item) = current.as_mut() {
                        item.push_str(&text)
                    }
                }
                _ => {}
            }
        }
        assert_eq!(items, texts, "in:\n{markdown:?}");
    }

    #[test]
    fn questions_without_observations_are_left_out() {
        let markdown = export_markdown(&Review::new("r", "Quiet", 0));
        assert!(!markdown.contains("## "), "{markdown}");
    }
}
