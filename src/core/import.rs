//! Reading a review back from Markdown: a file gotlucky exported, also after people edited it in a wiki.
//!
//! The reader follows the document's structure (headings, list items, table rows), not a hidden copy of the
//! data, so edits made in the wiki come back. Sections it does not recognise are kept in the review's notes.
//! Hand-written for the same reason as the export: a Markdown library would be hundreds of kilobytes of
//! WebAssembly. It never panics on any input; the fuzz target in `fuzz/` checks that.

use crate::catalogue::{StepKind, QUESTIONS, STEPS};
use crate::markdown::NO_ANSWER_YET;
use crate::review::{ActionField, Dial, DrillField, DrillKind, Luck, Mode, ObservationId, Review, SceneField};

/// Larger files are refused: no review comes near it, and it keeps a pasted file from stalling the page.
pub const MAX_IMPORT_BYTES: usize = 2_000_000;

/// The white space Markdown itself strips; other white space (such as a no-break space) is content.
const MARKDOWN_SPACE: [char; 2] = [' ', '\t'];

/// Where the reader is in the document.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Section {
    Details,
    Moments,
    Question(&'static str),
    /// A question step's heading before its first question.
    Step,
    Drill,
    Actions,
    Ledger,
    Notes,
    /// A section gotlucky does not know: kept in the notes as it is.
    Unknown,
    /// After the closing rule: the credit line.
    Credit,
}

/// Reads a Markdown review into a new review with the given id. A file that is not one is refused with the
/// reason.
pub fn import_markdown(text: &str, id: &str, now: u64) -> Result<Review, String> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(format!("the file is too large for a review ({} bytes)", text.len()));
    }
    if text
        .chars()
        .any(|c| c == '\u{0}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t')))
    {
        return Err("the file holds binary data, not Markdown text".to_owned());
    }
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.lines().collect();
    let first = lines
        .iter()
        .position(|line| !line.trim_matches(MARKDOWN_SPACE).is_empty());
    let title = first
        .and_then(|index| lines[index].strip_prefix("# "))
        .ok_or("this does not look like a gotlucky review: it should start with the review's title as a heading")?;

    let mut reader = Reader::new(Review::new(id, unescape(title.trim_matches(MARKDOWN_SPACE)), now));
    let mut index = first.unwrap_or(0) + 1;
    while index < lines.len() {
        index = reader.line(&lines, index);
    }
    Ok(reader.finish())
}

struct Reader {
    review: Review,
    section: Section,
    notes: Vec<String>,
    /// The moment the ledger is currently listing explanations for.
    ledger_moment: Option<usize>,
    now: u64,
}

impl Reader {
    fn new(review: Review) -> Self {
        let now = review.created_at;
        Reader {
            review,
            section: Section::Details,
            notes: Vec::new(),
            ledger_moment: None,
            now,
        }
    }

    fn finish(mut self) -> Review {
        let unknown = self
            .notes
            .join("\n")
            .trim_matches(MARKDOWN_SPACE)
            .trim_matches('\n')
            .to_owned();
        if !unknown.is_empty() {
            let notes = if self.review.notes.is_empty() {
                unknown
            } else {
                format!("{}\n\n{unknown}", self.review.notes)
            };
            self.review.set_notes(&notes, self.now);
        }
        self.review
    }

    /// Reads the block starting at `lines[index]` and returns the index of the next one.
    fn line(&mut self, lines: &[&str], index: usize) -> usize {
        let line = lines[index];
        let trimmed = line.trim_matches(MARKDOWN_SPACE);
        if let Some(heading) = line.strip_prefix("## ") {
            self.enter_section(heading.trim_matches(MARKDOWN_SPACE), line);
            return index + 1;
        }
        if let Some(heading) = line.strip_prefix("### ") {
            self.enter_subsection(heading.trim_matches(MARKDOWN_SPACE), line);
            return index + 1;
        }
        if self.section == Section::Unknown {
            self.notes.push(line.to_owned());
            return index + 1;
        }
        if trimmed.is_empty() {
            return index + 1;
        }
        if trimmed == "---" || trimmed == "***" || trimmed == "___" {
            self.section = Section::Credit;
            return index + 1;
        }
        if trimmed.starts_with('|') {
            let is_header = lines.get(index + 1).is_some_and(|next| is_separator_row(next));
            if is_header {
                return index + 2;
            }
            self.table_row(&split_row(trimmed));
            return index + 1;
        }
        if let Some((indent, first)) = item_start(line) {
            let (text, next) = collect_item(lines, index, indent, first);
            self.item(indent, &text);
            return next;
        }
        let (paragraph, next) = collect_paragraph(lines, index);
        self.paragraph(&paragraph);
        next
    }

    fn enter_section(&mut self, heading: &str, line: &str) {
        self.ledger_moment = None;
        let heading_text = unescape(heading);
        self.section = match heading_text.as_str() {
            "We got lucky" => Section::Moments,
            "Actions" => Section::Actions,
            "Luck ledger" => Section::Ledger,
            "Notes" => Section::Notes,
            text if STEPS
                .iter()
                .any(|step| step.kind == StepKind::Questions && step.heading == text) =>
            {
                Section::Step
            }
            _ => {
                self.notes.push(line.to_owned());
                Section::Unknown
            }
        };
    }

    fn enter_subsection(&mut self, heading: &str, line: &str) {
        let heading_text = unescape(heading);
        let in_step = matches!(self.section, Section::Step | Section::Question(_) | Section::Drill);
        if !in_step && self.section != Section::Unknown {
            self.notes.push(line.to_owned());
            self.section = Section::Unknown;
            return;
        }
        self.section = if heading_text == "Drill plan" {
            Section::Drill
        } else if let Some(question) = QUESTIONS.iter().find(|question| question.text == heading_text) {
            Section::Question(question.id)
        } else {
            self.notes.push(line.to_owned());
            Section::Unknown
        };
    }

    fn item(&mut self, indent: usize, raw: &str) {
        let now = self.now;
        match self.section.clone() {
            Section::Moments => {
                self.review.add_moment(&unescape(raw), now);
            }
            Section::Question(question) => {
                let (text, labels) = split_labels(raw);
                if let Some(id) = self.review.add_observation(question, &unescape(text), now) {
                    self.apply_labels(id, labels);
                }
            }
            Section::Drill => self.drill_item(raw),
            Section::Ledger if indent == 0 => {
                let (text, _) = split_labels(raw);
                let text = unescape(text);
                let position = match self.review.moments.iter().position(|moment| moment.text == text) {
                    Some(position) => Some(position),
                    None => self
                        .review
                        .add_moment(&text, now)
                        .map(|_| self.review.moments.len() - 1),
                };
                self.ledger_moment = position;
            }
            Section::Ledger => {
                let (text, _) = split_labels(raw);
                let text = unescape(text);
                let observation = self.review.observations.iter().find(|o| o.text == text).map(|o| o.id);
                if let (Some(position), Some(observation)) = (self.ledger_moment, observation) {
                    let moment = self.review.moments[position].id;
                    if !self.review.moments[position].explained_by.contains(&observation) {
                        self.review.toggle_explanation(moment, observation, now);
                    }
                }
            }
            Section::Notes => self.append_note(&unescape(raw)),
            _ => self.notes.push(format!("- {raw}")),
        }
    }

    fn apply_labels(&mut self, id: ObservationId, labels: Vec<String>) {
        for label in labels {
            if let Some(luck) = Luck::ALL.into_iter().find(|luck| luck.label() == label) {
                self.review.set_luck(id, Some(luck), self.now);
            } else if let Some(dial) = label
                .strip_prefix("dial: ")
                .and_then(|name| Dial::ALL.into_iter().find(|dial| dial.label() == name))
            {
                self.review.set_dial(id, Some(dial), self.now);
            }
        }
    }

    fn drill_item(&mut self, raw: &str) {
        let Some(rest) = raw.strip_prefix("**") else { return };
        let Some((label, value)) = rest.split_once(":**") else {
            return;
        };
        let value = unescape(value.strip_prefix(' ').unwrap_or(value));
        let field = match label {
            "Failure scenario" => DrillField::Scenario,
            "Game host" => DrillField::Host,
            "Participants" => DrillField::Participants,
            "Date" => DrillField::Date,
            "Where it runs" => {
                let kind = DrillKind::ALL.into_iter().find(|kind| kind.label() == value);
                self.review.set_drill_kind(kind, self.now);
                return;
            }
            _ => return,
        };
        self.review.set_drill_field(field, &value, self.now);
    }

    fn table_row(&mut self, cells: &[String]) {
        let now = self.now;
        match self.section {
            Section::Details if cells.len() >= 2 => {
                let value = &cells[1];
                let field = match cells[0].as_str() {
                    "What happened" => SceneField::WhatHappened,
                    "Link" => SceneField::Link,
                    "Date" => SceneField::Date,
                    "Facilitator" => SceneField::Facilitator,
                    "Written by" => {
                        self.review.set_mode(Mode::SelfReflection, now);
                        SceneField::Facilitator
                    }
                    "Participants" => SceneField::Participants,
                    "Mode" => {
                        let mode = if value == "personal reflection" {
                            Mode::SelfReflection
                        } else {
                            Mode::Facilitated
                        };
                        self.review.set_mode(mode, now);
                        return;
                    }
                    _ => return,
                };
                self.review.set_scene_field(field, value, now);
            }
            Section::Actions if !cells.is_empty() => {
                let from = cells.get(3).filter(|text| !text.is_empty()).and_then(|text| {
                    self.review
                        .observations
                        .iter()
                        .find(|observation| observation.text == **text)
                        .map(|o| o.id)
                });
                if let Some(id) = self.review.add_action(&cells[0], from, now) {
                    for (field, value) in [(ActionField::Owner, cells.get(1)), (ActionField::Due, cells.get(2))] {
                        if let Some(value) = value {
                            self.review.set_action_field(id, field, value, now);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn paragraph(&mut self, raw: &str) {
        match self.section {
            Section::Details if raw.starts_with("This is a personal reflection") => {
                self.review.set_mode(Mode::SelfReflection, self.now);
            }
            Section::Notes => self.append_note(&unescape(raw)),
            Section::Question(_) if raw.trim_matches(MARKDOWN_SPACE) == NO_ANSWER_YET => {}
            Section::Credit => {}
            _ => self.notes.push(raw.to_owned()),
        }
    }

    fn append_note(&mut self, text: &str) {
        let notes = if self.review.notes.is_empty() {
            text.to_owned()
        } else {
            format!("{}\n\n{text}", self.review.notes)
        };
        self.review.set_notes(&notes, self.now);
    }
}

/// `Some((indent, rest))` when the line opens a bullet list item.
fn item_start(line: &str) -> Option<(usize, &str)> {
    let content = line.trim_start_matches(' ');
    let indent = line.len() - content.len();
    let mut chars = content.chars();
    let marker = chars.next()?;
    if !matches!(marker, '-' | '*' | '+') {
        return None;
    }
    let rest = chars.as_str();
    if rest.is_empty() {
        return Some((indent, ""));
    }
    rest.strip_prefix(' ').map(|rest| (indent, rest))
}

/// A list item's text with its continuation lines; hard breaks become newlines.
fn collect_item<'a>(lines: &[&'a str], index: usize, indent: usize, first: &'a str) -> (String, usize) {
    let mut parts = vec![first];
    let mut next = index + 1;
    while let Some(line) = lines.get(next) {
        let content = line.trim_start_matches(' ');
        let line_indent = line.len() - content.len();
        if content.is_empty() || line_indent <= indent || item_start(line).is_some() {
            break;
        }
        parts.push(content);
        next += 1;
    }
    (join_lines(&parts), next)
}

/// A paragraph: lines up to a blank line or the start of another block.
fn collect_paragraph(lines: &[&str], index: usize) -> (String, usize) {
    let mut parts = vec![lines[index].trim_start_matches(MARKDOWN_SPACE)];
    let mut next = index + 1;
    while let Some(line) = lines.get(next) {
        let trimmed = line.trim_matches(MARKDOWN_SPACE);
        if trimmed.is_empty() || line.starts_with('#') || trimmed.starts_with('|') || item_start(line).is_some() {
            break;
        }
        parts.push(line.trim_start_matches(MARKDOWN_SPACE));
        next += 1;
    }
    (join_lines(&parts), next)
}

/// Joins the lines of one block; a line ending in an odd number of backslashes is a hard break, and the
/// backslash goes.
fn join_lines(parts: &[&str]) -> String {
    let mut out = String::new();
    for (position, part) in parts.iter().enumerate() {
        let trailing = part.len() - part.trim_end_matches('\\').len();
        let last = position + 1 == parts.len();
        if !last && trailing % 2 == 1 {
            out.push_str(&part[..part.len() - 1]);
        } else {
            out.push_str(part);
        }
        if !last {
            out.push('\n');
        }
    }
    out
}

/// Splits our own label suffix ` *(a; b)*` off an item. A user's asterisks are escaped, so a suffix ending in
/// an unescaped `)*` is gotlucky's.
fn split_labels(raw: &str) -> (&str, Vec<String>) {
    let Some(body) = raw.strip_suffix(")*") else {
        return (raw, Vec::new());
    };
    let Some(start) = body.rfind(" *(") else {
        return (raw, Vec::new());
    };
    let labels = body[start + 3..].split("; ").map(str::to_owned).collect();
    (&raw[..start], labels)
}

fn is_separator_row(line: &str) -> bool {
    let cells = split_row(line.trim_matches(MARKDOWN_SPACE));
    !cells.is_empty()
        && cells.iter().all(|cell| {
            let cell = cell.trim_matches(':');
            !cell.is_empty() && cell.chars().all(|c| c == '-')
        })
}

/// The cells of a table row, unescaped, with `<br>` as a line break.
fn split_row(row: &str) -> Vec<String> {
    let inner = row.strip_prefix('|').unwrap_or(row);
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cell.push(c);
                if let Some(next) = chars.next() {
                    cell.push(next);
                }
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            _ => cell.push(c),
        }
    }
    if !cell.trim_matches(MARKDOWN_SPACE).is_empty() {
        cells.push(cell);
    }
    cells
        .iter()
        .map(|cell| unescape_cell(cell.trim_matches(MARKDOWN_SPACE)))
        .collect()
}

fn unescape_cell(cell: &str) -> String {
    let mut text = cell.to_owned();
    for br in ["<br>", "<br/>", "<br />", "<BR>"] {
        text = text.replace(br, "\n");
    }
    text.split('\n').map(unescape).collect::<Vec<_>>().join("\n")
}

/// Turns Markdown text back into what was typed: backslash escapes and character references are resolved.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '\\' {
            if let Some(next) = rest[1..].chars().next().filter(char::is_ascii_punctuation) {
                out.push(next);
                rest = &rest[1 + next.len_utf8()..];
                continue;
            }
        } else if c == '&' {
            if let Some((decoded, length)) = character_reference(rest) {
                out.push(decoded);
                rest = &rest[length..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A character reference at the start of `text`: the character and the reference's length.
fn character_reference(text: &str) -> Option<(char, usize)> {
    let end = text
        .char_indices()
        .take(12)
        .find(|(_, c)| *c == ';')
        .map(|(position, _)| position)?;
    let name = &text[1..end];
    let decoded = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(value).filter(|c| *c != '\u{0}')?
        }
    };
    Some((decoded, end + 1))
}
