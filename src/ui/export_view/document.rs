//! What the export screen writes, from the review and the choices on the screen: the whole review or the drill
//! card, as Markdown or HTML, with names replaced by roles or not, and the file name that says which.

use gotlucky_core::drill_card::redacted_drill_card_file_name;
use gotlucky_core::redact::describe_pseudonyms;
use gotlucky_core::{
    drill_card_file_name, drill_card_html, drill_card_markdown, export_html, export_markdown_with, markdown_file_name,
    redact_review, redacted_file_name, ExportOptions, Pseudonym, Review,
};

use crate::browser;

/// Which document leaves the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Document {
    /// The whole review.
    #[default]
    Review,
    /// The frequency step's drill plan on one page.
    DrillCard,
}

/// Everything chosen on the export screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Choices {
    pub document: Document,
    pub options: ExportOptions,
    /// Replace the names of the scene (and `extra_names`) with roles.
    pub redact: bool,
    /// More names to replace, as typed: a list like the participants.
    pub extra_names: String,
}

/// The review as it will be exported: a redacted copy when names are replaced (the review itself never
/// changes), and the names replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub review: Review,
    /// `Some` when names are replaced, even if there were none to replace.
    pub pseudonyms: Option<Vec<Pseudonym>>,
}

impl Prepared {
    pub fn new(review: Review, choices: &Choices) -> Prepared {
        if choices.redact {
            let redacted = redact_review(&review, &choices.extra_names);
            Prepared {
                review: redacted.review,
                pseudonyms: Some(redacted.pseudonyms),
            }
        } else {
            Prepared {
                review,
                pseudonyms: None,
            }
        }
    }

    pub fn markdown(&self, choices: &Choices) -> String {
        match choices.document {
            Document::Review => {
                // Timed so that `cargo xtask bench` can read the export's cost in the browser.
                browser::mark_start("gotlucky:export");
                let markdown = export_markdown_with(&self.review, choices.options);
                browser::mark_end("gotlucky:export");
                markdown
            }
            Document::DrillCard => drill_card_markdown(&self.review),
        }
    }

    /// The HTML for rich paste: only ever written to the clipboard, never into the page.
    pub fn html(&self, choices: &Choices) -> String {
        match choices.document {
            Document::Review => export_html(&self.review, choices.options),
            Document::DrillCard => drill_card_html(&self.review),
        }
    }

    /// The download's name, from the redacted title when names are replaced, so no name reaches it.
    pub fn file_name(&self, choices: &Choices, today: &str) -> String {
        let review = &self.review;
        match (choices.document, self.pseudonyms.is_some()) {
            (Document::Review, false) => markdown_file_name(review, today),
            (Document::Review, true) => redacted_file_name(review, today),
            (Document::DrillCard, false) => drill_card_file_name(review, today),
            (Document::DrillCard, true) => redacted_drill_card_file_name(review, today),
        }
    }

    /// The line under the preview that lets the facilitator check the replacements.
    pub fn mapping(&self) -> Option<String> {
        let pseudonyms = self.pseudonyms.as_ref()?;
        Some(if pseudonyms.is_empty() {
            "No names to replace: add the facilitator and participants in Set the scene, or list other names above."
                .to_owned()
        } else {
            format!("Names replaced: {}.", describe_pseudonyms(pseudonyms))
        })
    }
}
