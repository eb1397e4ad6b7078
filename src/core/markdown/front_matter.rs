//! Front matter for docs-as-code wikis (Jekyll, Hugo, MkDocs, Docusaurus…): a YAML block before the export.
//!
//! The block is exactly these lines, the `date` line left out when the review has no date:
//!
//! ```text
//! ---
//! title: "<title as the heading shows it, YAML double-quoted>"
//! date: "<the scene's date as typed, trimmed, YAML double-quoted>"
//! tags: [incident-review, we-got-lucky]
//! status: draft
//! ---
//! ```
//!
//! followed by one blank line and the usual export. `status` is `draft` or `complete` (see `ReviewStatus`).
//! Every value a user typed is a double-quoted scalar escaped by `yaml_quoted`, so no title can end the block,
//! start a new key or change a type.

use crate::catalogue::{questions_of, StepKind, STEPS};
use crate::review::Review;

use super::{document::heading_title, export_markdown_with, ExportOptions};

/// The tags every exported review carries.
pub const FRONT_MATTER_TAGS: [&str; 2] = ["incident-review", "we-got-lucky"];

/// How far along a review is, for the `status` of the front matter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewStatus {
    /// Something the review asks for is still missing.
    Draft,
    /// The review has a title, a date and a "we got lucky" moment, every question step has at least one answer,
    /// and every action has an owner and a due date.
    Complete,
}

impl ReviewStatus {
    pub fn of(review: &Review) -> ReviewStatus {
        let filled = |text: &str| !text.trim().is_empty();
        let steps_answered = STEPS
            .iter()
            .filter(|step| step.kind == StepKind::Questions)
            .all(|step| questions_of(step.id).any(|question| review.observations_for(question.id).next().is_some()));
        let actions_complete = review
            .actions
            .iter()
            .all(|action| filled(&action.owner) && filled(&action.due));
        if filled(&review.title)
            && filled(&review.scene.date)
            && !review.moments.is_empty()
            && steps_answered
            && actions_complete
        {
            ReviewStatus::Complete
        } else {
            ReviewStatus::Draft
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            ReviewStatus::Draft => "draft",
            ReviewStatus::Complete => "complete",
        }
    }
}

/// The YAML front matter block, from the opening `---` to the closing `---` and its line break.
pub fn front_matter(review: &Review) -> String {
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml_quoted(&heading_title(review))));
    let date = review.scene.date.trim();
    if !date.is_empty() {
        out.push_str(&format!("date: {}\n", yaml_quoted(date)));
    }
    out.push_str(&format!("tags: [{}]\n", FRONT_MATTER_TAGS.join(", ")));
    out.push_str(&format!("status: {}\n", ReviewStatus::of(review).key()));
    out.push_str("---\n");
    out
}

/// The export with front matter before it, for wikis kept as files in a repository: `export_markdown_with`
/// with `front_matter` set.
pub fn export_markdown_with_front_matter(review: &Review, options: ExportOptions) -> String {
    export_markdown_with(
        review,
        ExportOptions {
            front_matter: true,
            ..options
        },
    )
}

/// `text` as a YAML double-quoted scalar: `"` and `\` are escaped, and every character that is not printable
/// in YAML, or that some parsers take as a line break or byte order mark, is written as an escape sequence.
pub fn yaml_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\0' => out.push_str("\\0"),
            '\u{7}' => out.push_str("\\a"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{b}' => out.push_str("\\v"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            '\u{1b}' => out.push_str("\\e"),
            '\u{85}' => out.push_str("\\N"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c.is_control() => out.push_str(&format!("\\x{:02X}", u32::from(c))),
            '\u{feff}' | '\u{fffe}' | '\u{ffff}' => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_yaml_would_read_otherwise() {
        assert_eq!(yaml_quoted("plain"), "\"plain\"");
        assert_eq!(yaml_quoted(r#"a "b" \c"#), r#""a \"b\" \\c""#);
        assert_eq!(yaml_quoted("\u{0}\u{1}\u{1b}\u{7f}\u{9f}"), r#""\0\x01\e\x7F\x9F""#);
        assert_eq!(yaml_quoted("a\nb\r\tc\u{2028}"), r#""a\nb\r\tc\L""#);
        assert_eq!(yaml_quoted("\u{feff}x"), r#""\uFEFFx""#);
        assert_eq!(
            yaml_quoted("#: - [x] {y} 'z' &a *b !c |"),
            "\"#: - [x] {y} 'z' &a *b !c |\""
        );
    }

    #[test]
    fn the_block_has_title_date_tags_and_status() {
        let mut review = Review::new("r", "Disk full", 0);
        review.set_scene_field(crate::review::SceneField::Date, " 2026-03-03 ", 1);
        assert_eq!(
            front_matter(&review),
            "---\ntitle: \"Disk full\"\ndate: \"2026-03-03\"\ntags: [incident-review, we-got-lucky]\nstatus: draft\n---\n"
        );
        assert_eq!(
            front_matter(&Review::new("r", "", 0)),
            "---\ntitle: \"Untitled review\"\ntags: [incident-review, we-got-lucky]\nstatus: draft\n---\n"
        );
    }
}
