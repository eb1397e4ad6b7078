//! The Markdown export: a review as GitHub-flavoured Markdown for a wiki.
//!
//! Every string a user typed goes through `escape_text`, so it renders as the same literal text whatever it
//! contains. The escaping is hand-written because a Markdown library would cost hundreds of kilobytes of
//! WebAssembly; the tests check it with a real CommonMark parser.

use crate::catalogue::{questions_of, Step, StepKind, ARTICLE_AUTHOR, ARTICLE_TITLE, STEPS};
use crate::review::{DrillKind, DrillPlan, Mode, Observation, Review};
use crate::summary::ledger;

/// Characters that mean something inline in CommonMark or GFM wherever they stand. `$` is included because
/// GitHub renders `$…$` as maths, and `#` because a heading drops a trailing run of them.
const ALWAYS_ESCAPED: &[char] = &['\\', '`', '*', '_', '[', ']', '<', '>', '&', '|', '~', '$', '#'];

/// Characters that start a block (list item, heading underline) when they open a line.
const ESCAPED_AT_LINE_START: &[char] = &['+', '-', '='];

/// Choices for the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExportOptions {
    /// List every question, with "No answer yet." under the unanswered ones.
    pub include_unanswered: bool,
}

/// What the export writes under an unanswered question when asked to include it.
pub const NO_ANSWER_YET: &str = "*No answer yet.*";

/// The whole review as Markdown. The same review always gives the same text.
pub fn export_markdown(review: &Review) -> String {
    export_markdown_with(review, ExportOptions::default())
}

/// The whole review as Markdown, with the given options.
pub fn export_markdown_with(review: &Review, options: ExportOptions) -> String {
    let mut out = String::new();
    out.push_str("# ");
    let title = single_line(&review.title);
    out.push_str(&if title.trim().is_empty() {
        review.display_title().to_owned()
    } else {
        escape_line(&title)
    });
    out.push_str("\n\n");
    push_scene(&mut out, review);
    push_moments(&mut out, review);
    for step in STEPS.iter().filter(|step| step.kind == StepKind::Questions) {
        push_question_step(&mut out, review, step, options);
    }
    push_actions(&mut out, review);
    push_ledger(&mut out, review);
    if !review.notes.trim().is_empty() {
        out.push_str("## Notes\n\n");
        out.push_str(&escape_text(&review.notes, ""));
        out.push_str("\n\n");
    }
    out.push_str("---\n\n");
    out.push_str(&format!(
        "Questions quoted from \u{201c}{ARTICLE_TITLE}\u{201d} by {ARTICLE_AUTHOR}. Review written with gotlucky.\n"
    ));
    out
}

fn push_scene(out: &mut String, review: &Review) {
    let scene = &review.scene;
    let self_reflection = scene.mode == Mode::SelfReflection;
    let mut rows = vec![
        ("What happened", scene.what_happened.as_str()),
        ("Link", scene.link.as_str()),
        ("Date", scene.date.as_str()),
        (
            if self_reflection { "Written by" } else { "Facilitator" },
            scene.facilitator.as_str(),
        ),
    ];
    if !self_reflection {
        rows.push(("Participants", scene.participants.as_str()));
    }
    rows.push((
        "Mode",
        if self_reflection {
            "personal reflection"
        } else {
            "facilitated meeting"
        },
    ));
    out.push_str("| Detail | Value |\n|---|---|\n");
    for (label, value) in rows.into_iter().filter(|(_, value)| !value.trim().is_empty()) {
        out.push_str(&format!("| {label} | {} |\n", escape_cell(value)));
    }
    out.push('\n');
    if self_reflection {
        out.push_str("This is a personal reflection, written alone.\n\n");
    }
}

fn push_moments(out: &mut String, review: &Review) {
    if review.moments.is_empty() {
        return;
    }
    out.push_str("## We got lucky\n\n");
    for moment in &review.moments {
        push_item(out, &moment.text, "");
    }
    out.push('\n');
}

fn push_question_step(out: &mut String, review: &Review, step: &Step, options: ExportOptions) {
    let shown: Vec<_> = questions_of(step.id)
        .filter(|question| options.include_unanswered || review.observations_for(question.id).next().is_some())
        .collect();
    let with_drill = step.id == "frequency" && !review.drill.is_empty();
    if shown.is_empty() && !with_drill {
        return;
    }
    out.push_str(&format!("## {}\n\n", escape_line(step.heading)));
    for question in shown {
        out.push_str(&format!("### {}\n\n", escape_line(question.text)));
        let mut answered = false;
        for observation in review.observations_for(question.id) {
            push_item(out, &observation.text, &observation_labels(observation));
            answered = true;
        }
        if !answered {
            out.push_str(NO_ANSWER_YET);
            out.push('\n');
        }
        out.push('\n');
    }
    if with_drill {
        push_drill(out, &review.drill);
    }
}

/// Our own labels after an observation, in emphasis so they read apart from what the team said.
pub(crate) fn observation_labels(observation: &Observation) -> String {
    let labels: Vec<String> = observation
        .luck
        .map(|luck| luck.label().to_owned())
        .into_iter()
        .chain(observation.dial.map(|dial| format!("dial: {}", dial.label())))
        .collect();
    if labels.is_empty() {
        String::new()
    } else {
        format!(" *({})*", labels.join("; "))
    }
}

fn push_drill(out: &mut String, drill: &DrillPlan) {
    out.push_str("### Drill plan\n\n");
    let kind = drill.kind.map(DrillKind::label).unwrap_or_default();
    for (label, value) in [
        ("Failure scenario", drill.scenario.as_str()),
        ("Game host", drill.host.as_str()),
        ("Participants", drill.participants.as_str()),
        ("Date", drill.date.as_str()),
        ("Where it runs", kind),
    ] {
        if !value.trim().is_empty() {
            out.push_str(&format!("- **{label}:** {}\n", escape_text(value, "  ")));
        }
    }
    out.push('\n');
}

fn push_actions(out: &mut String, review: &Review) {
    if review.actions.is_empty() {
        return;
    }
    out.push_str("## Actions\n\n| Action | Owner | Due | From observation |\n|---|---|---|---|\n");
    for action in &review.actions {
        let from = action
            .from
            .and_then(|id| review.observation(id))
            .map(|o| o.text.as_str())
            .unwrap_or_default();
        out.push_str(&format!(
            "| {} | {} | {} | {} |\n",
            escape_cell(&action.what),
            escape_cell(&action.owner),
            escape_cell(&action.due),
            escape_cell(from)
        ));
    }
    out.push('\n');
}

fn push_ledger(out: &mut String, review: &Review) {
    let entries = ledger(review);
    if entries.is_empty() {
        return;
    }
    out.push_str("## Luck ledger\n\n");
    for entry in entries {
        push_item(out, &entry.moment.text, &format!(" *({})*", entry.source.label()));
        for explanation in entry.explanations {
            out.push_str("  - ");
            out.push_str(&escape_text(&explanation.text, "    "));
            out.push_str(&observation_labels(explanation));
            out.push('\n');
        }
    }
    out.push('\n');
}

/// A list item holding user text, followed by our own `suffix` (already Markdown).
fn push_item(out: &mut String, text: &str, suffix: &str) {
    out.push_str("- ");
    out.push_str(&escape_text(text, "  "));
    out.push_str(suffix);
    out.push('\n');
}

/// Escapes user text for a table cell: a cell holds one line, so line breaks become `<br>`, the one piece of
/// HTML the export writes; GFM has no other way to break a line inside a cell.
pub fn escape_cell(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    normalised
        .trim_end_matches('\n')
        .split('\n')
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("<br>")
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
    for c in format!("{} {date}", review.title).chars().flat_map(char::to_lowercase) {
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

/// Escapes text that may span several lines. Line breaks become hard breaks, and continuation lines are
/// indented by `indent` so they stay inside the enclosing list item.
pub fn escape_text(text: &str, indent: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = normalised.trim_end_matches('\n').split('\n').collect();
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in lines.iter().enumerate() {
        if index > 0 {
            // A backslash before the newline is a hard break, which keeps the user's line break visible.
            out.push_str("\\\n");
            out.push_str(indent);
        }
        out.push_str(&escape_line(line));
    }
    out
}

/// Escapes one line so that it renders as literal text.
pub fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let content = line.trim_start_matches([' ', '\t']);
    let trailing_content = content.trim_end_matches([' ', '\t']);
    // Leading white space would indent (a code block at four spaces) and trailing white space is dropped or
    // becomes a line break; numeric character references keep both as plain characters.
    push_whitespace_as_references(&mut out, &line[..line.len() - content.len()]);
    let mut at_line_start = true;
    let mut chars = trailing_content.char_indices().peekable();
    while let Some((position, c)) = chars.next() {
        if ALWAYS_ESCAPED.contains(&c) || (at_line_start && ESCAPED_AT_LINE_START.contains(&c)) {
            out.push('\\');
            out.push(c);
        } else if at_line_start && c.is_ascii_digit() {
            // "1." or "1)" at the start of a line opens an ordered list: escape the delimiter after the digits.
            let digits_end = trailing_content[position..]
                .find(|d: char| !d.is_ascii_digit())
                .map_or(trailing_content.len(), |offset| position + offset);
            out.push_str(&trailing_content[position..digits_end]);
            while chars.peek().is_some_and(|&(next, _)| next < digits_end) {
                chars.next();
            }
            if let Some(&(_, delimiter @ ('.' | ')'))) = chars.peek() {
                out.push('\\');
                out.push(delimiter);
                chars.next();
            }
        } else {
            out.push(c);
        }
        at_line_start = false;
    }
    push_whitespace_as_references(&mut out, &content[trailing_content.len()..]);
    out
}

fn push_whitespace_as_references(out: &mut String, whitespace: &str) {
    for c in whitespace.chars() {
        out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
    }
}

/// Headings and table cells hold one line; line breaks in them become spaces.
fn single_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
    fn plain_text_is_left_readable() {
        assert_eq!(
            escape_line("We skip code review on hotfixes."),
            "We skip code review on hotfixes."
        );
        assert_eq!(
            escape_line("Amanda's runbook (v2) works!"),
            "Amanda's runbook (v2) works!"
        );
    }

    #[test]
    fn inline_punctuation_is_escaped() {
        assert_eq!(escape_line("*bold* _it_ `code`"), r"\*bold\* \_it\_ \`code\`");
        assert_eq!(escape_line("<script>&amp;"), r"\<script\>\&amp;");
        assert_eq!(escape_line("[x](y) a|b ~~s~~ $x$"), r"\[x\](y) a\|b \~\~s\~\~ \$x\$");
    }

    #[test]
    fn block_starts_are_escaped_only_at_the_line_start() {
        assert_eq!(escape_line("# not a heading"), r"\# not a heading");
        assert_eq!(escape_line("- a - b"), r"\- a - b");
        assert_eq!(escape_line("1. first 2. second"), r"1\. first 2. second");
        assert_eq!(escape_line("12) twelve"), r"12\) twelve");
        assert_eq!(escape_line("2026 was fine"), "2026 was fine");
        assert_eq!(escape_line("> quote"), r"\> quote");
    }

    #[test]
    fn surrounding_whitespace_is_kept_as_references() {
        assert_eq!(escape_line("    code?"), "&#32;&#32;&#32;&#32;code?");
        assert_eq!(escape_line("\tx  "), "&#9;x&#32;&#32;");
    }

    #[test]
    fn line_breaks_become_hard_breaks_inside_the_item() {
        assert_eq!(escape_text("a\r\n- b\n", "  "), "a\\\n  \\- b");
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

    #[test]
    fn questions_without_observations_are_left_out() {
        let markdown = export_markdown(&Review::new("r", "Quiet", 0));
        assert!(!markdown.contains("## "), "{markdown}");
    }
}
