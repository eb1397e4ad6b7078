//! From blocks to a review: the sections of the export (the details table, the moments, the questions and their
//! observations, the drill plan, the actions, the luck ledger and the notes) read by what they render as.
//!
//! Headings, labels and links are compared as rendered text, so the spelling an editor chose does not matter.
//! What gotlucky does not recognise is kept in the notes, written back as Markdown in one spelling.

use super::blocks::Block;
use super::inline::{parse, plain, Inline};
use super::labels::{is_source_label, observation_labels, split_suffix};
use super::plan_table::meeting_plan;
use super::write::write;
use crate::catalogue::{StepKind, QUESTIONS, STEPS};
use crate::markdown::NO_ANSWER_YET;
use crate::review::{ActionField, DrillField, DrillKind, Mode, Review, SceneField};
use crate::scene_labels;

/// Where the reader is in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Details,
    Moments,
    /// A question step's heading before its first question.
    Step,
    Question(&'static str),
    Drill,
    Actions,
    Ledger,
    /// The meeting's time plan, exported only when asked.
    MeetingPlan,
    Notes,
    /// A section gotlucky does not know, or what follows the closing credit: kept in the notes.
    Unknown,
}

/// Reads the blocks after the title into `review`.
pub(super) fn read(review: Review, blocks: &[Block]) -> Review {
    let mut reader = Reader {
        now: review.created_at,
        review,
        section: Section::Details,
        notes: Vec::new(),
        unknown: Vec::new(),
        ledger_items: 0,
        ledger_matched: Vec::new(),
    };
    let mut index = 0;
    while index < blocks.len() {
        index = reader.block(blocks, index);
    }
    reader.finish()
}

struct Reader {
    review: Review,
    section: Section,
    /// The blocks of the Notes section, as Markdown.
    notes: Vec<String>,
    /// Sections and blocks gotlucky does not know, as Markdown.
    unknown: Vec<String>,
    /// How many moments the ledger has listed, and which of the review's moments they were.
    ledger_items: usize,
    ledger_matched: Vec<bool>,
    now: u64,
}

impl Reader {
    fn finish(mut self) -> Review {
        let notes: Vec<String> = self
            .notes
            .into_iter()
            .chain(self.unknown)
            .filter(|text| !text.is_empty())
            .collect();
        self.review.set_notes(
            &unless_blank(notes.join("\n\n").trim_end_matches('\n').to_owned()),
            self.now,
        );
        self.review
    }

    /// Reads the block at `index` and returns the index of the next one.
    fn block(&mut self, blocks: &[Block], index: usize) -> usize {
        match &blocks[index] {
            Block::Heading { level, text } if *level <= 2 => self.enter_section(*level, &rendered(text)),
            Block::Heading { level: 3, text } => self.enter_subsection(&rendered(text)),
            Block::Rule if blocks.get(index + 1).is_some_and(is_credit) => {
                self.section = Section::Unknown;
                return index + 2;
            }
            block => self.content(block),
        }
        index + 1
    }

    fn enter_section(&mut self, level: usize, heading: &str) {
        let is_step = |step: &&crate::catalogue::Step| step.kind == StepKind::Questions && step.heading == heading;
        self.section = match heading {
            _ if level == 1 => Section::Unknown,
            "We got lucky" => Section::Moments,
            "Actions" => Section::Actions,
            "Luck ledger" => Section::Ledger,
            crate::markdown::document::MEETING_PLAN_HEADING => Section::MeetingPlan,
            "Notes" => Section::Notes,
            _ if STEPS.iter().any(|step| is_step(&step)) => Section::Step,
            _ => Section::Unknown,
        };
        if self.section == Section::Unknown {
            self.unknown.push(format!("{} {heading}", "#".repeat(level)));
        }
    }

    fn enter_subsection(&mut self, heading: &str) {
        let in_step = matches!(self.section, Section::Step | Section::Question(_) | Section::Drill);
        let known = if heading == "Drill plan" {
            Some(Section::Drill)
        } else {
            QUESTIONS
                .iter()
                .find(|question| question.text == heading)
                .map(|question| Section::Question(question.id))
        };
        match known.filter(|_| in_step) {
            Some(section) => self.section = section,
            None => {
                self.unknown.push(format!("### {heading}"));
                self.section = Section::Unknown;
            }
        }
    }

    fn content(&mut self, block: &Block) {
        match (self.section, block) {
            (Section::Details, Block::Table { rows, .. }) => rows.iter().for_each(|row| self.detail(row)),
            (Section::Details, Block::Paragraph(text))
                if rendered(text).starts_with("This is a personal reflection") =>
            {
                self.review.set_mode(Mode::SelfReflection, self.now)
            }
            (Section::Moments, Block::List { items, .. }) => {
                for item in items {
                    let (text, rest) = item_text(item);
                    self.review.add_moment(&field(&text), self.now);
                    self.keep_unknown(rest);
                }
            }
            (Section::Question(question), Block::List { items, .. }) => {
                items.iter().for_each(|item| self.observation(question, item))
            }
            (Section::Question(_), Block::Paragraph(text)) if rendered(text) == NO_ANSWER_YET => {}
            (Section::Drill, Block::List { items, .. }) => items.iter().for_each(|item| self.drill_item(item)),
            (Section::Actions, Block::Table { header, rows }) => self.actions(header, rows),
            (Section::MeetingPlan, Block::Table { rows, .. }) => self.meeting_plan(rows),
            (Section::Ledger, Block::List { items, .. }) => items.iter().for_each(|item| self.ledger_item(item)),
            (Section::Notes, block) => self.notes.push(write(std::slice::from_ref(block))),
            (_, block) => self.keep_unknown(std::slice::from_ref(block)),
        }
    }

    fn keep_unknown(&mut self, blocks: &[Block]) {
        if !blocks.is_empty() {
            self.unknown.push(write(blocks));
        }
    }

    fn keep_unknown_item(&mut self, item: &[Block]) {
        self.keep_unknown(&[Block::List {
            start: None,
            items: vec![item.to_vec()],
        }]);
    }

    fn detail(&mut self, row: &[String]) {
        let [label, value, ..] = row else { return };
        let (label, value) = (rendered(label), rendered(value));
        let field = match label.as_str() {
            scene_labels::WHAT_HAPPENED => SceneField::WhatHappened,
            scene_labels::LINK => SceneField::Link,
            scene_labels::DATE => SceneField::Date,
            scene_labels::FACILITATOR => SceneField::Facilitator,
            scene_labels::WRITTEN_BY => {
                self.review.set_mode(Mode::SelfReflection, self.now);
                SceneField::Facilitator
            }
            scene_labels::PARTICIPANTS => SceneField::Participants,
            scene_labels::MODE => {
                let mode = if value == scene_labels::PERSONAL_REFLECTION {
                    Mode::SelfReflection
                } else {
                    Mode::Facilitated
                };
                self.review.set_mode(mode, self.now);
                return;
            }
            _ => return,
        };
        self.review.set_scene_field(field, &unless_blank(value), self.now);
    }

    fn observation(&mut self, question: &'static str, item: &[Block]) {
        let (text, rest) = item_text(item);
        let (text, labels) = observation_labels(text);
        if let Some(id) = self.review.add_observation(question, &field(&text), self.now) {
            if labels.luck.is_some() {
                self.review.set_luck(id, labels.luck, self.now);
            }
            if labels.dial.is_some() {
                self.review.set_dial(id, labels.dial, self.now);
            }
            if let Some(observation) = self.review.observations.iter_mut().find(|o| o.id == id) {
                observation.source = labels.source;
            }
        }
        self.keep_unknown(rest);
    }

    /// `**Label:** value`, in either spelling of strong emphasis.
    fn drill_item(&mut self, item: &[Block]) {
        let (text, rest) = item_text(item);
        let close = text.iter().position(|inline| *inline == Inline::Close(true));
        let parsed = match (text.first(), close) {
            (Some(Inline::Open(true)), Some(close)) => {
                let label = plain(&text[1..close]);
                let mut value = text[close + 1..].to_vec();
                // The one space (or line break) after the label; any more are the value's.
                match value.first_mut() {
                    Some(Inline::SoftBreak) => {
                        value.remove(0);
                    }
                    Some(Inline::Text(text)) if text.starts_with([' ', '\t']) => {
                        text.remove(0);
                    }
                    _ => {}
                }
                label
                    .trim()
                    .strip_suffix(':')
                    .map(|label| (label.trim().to_owned(), field(&value)))
            }
            _ => None,
        };
        let field = match parsed.as_ref().map(|(label, _)| label.as_str()) {
            Some("Failure scenario") => DrillField::Scenario,
            Some("Game host") => DrillField::Host,
            Some("Participants") => DrillField::Participants,
            Some("Date") => DrillField::Date,
            Some("What success looks like") => DrillField::Success,
            Some("Where it runs") => {
                let value = parsed.map(|(_, value)| value).unwrap_or_default();
                let kind = DrillKind::ALL.into_iter().find(|kind| kind.label() == value);
                self.review.set_drill_kind(kind, self.now);
                return self.keep_unknown(rest);
            }
            _ => return self.keep_unknown_item(item),
        };
        let value = parsed.map(|(_, value)| value).unwrap_or_default();
        self.review.set_drill_field(field, &unless_blank(value), self.now);
        self.keep_unknown(rest);
    }

    /// The actions table, its columns found by their headings.
    fn meeting_plan(&mut self, rows: &[Vec<String>]) {
        let plan = meeting_plan(rows, rendered);
        self.review.edit_meeting(self.now, |meeting| *meeting = plan);
    }

    fn actions(&mut self, header: &[String], rows: &[Vec<String>]) {
        let header: Vec<String> = header.iter().map(|cell| rendered(cell)).collect();
        let column = |name: &str, default: usize| header.iter().position(|cell| cell == name).unwrap_or(default);
        let columns = [
            column("Action", 0),
            column("Owner", 1),
            column("Due", 2),
            column("From observation", 3),
        ];
        for row in rows {
            let [what, owner, due, from] = columns.map(|column| row.get(column).map(|cell| rendered(cell)));
            let from = from.filter(|text| !text.is_empty()).and_then(|text| {
                let observation = self.review.observations.iter().find(|o| o.text == text);
                observation.map(|observation| observation.id)
            });
            let Some(id) = self.review.add_action(&what.unwrap_or_default(), from, self.now) else {
                continue;
            };
            for (field, value) in [(ActionField::Owner, owner), (ActionField::Due, due)] {
                self.review
                    .set_action_field(id, field, &value.unwrap_or_default(), self.now);
            }
        }
    }

    /// A moment of the ledger with its explanations. The ledger lists every moment in order, so the n-th item
    /// is the n-th moment when the texts agree, which keeps moments with the same text apart.
    fn ledger_item(&mut self, item: &[Block]) {
        let (text, rest) = item_text(item);
        let text = match split_suffix(&text) {
            Some((before, label)) if is_source_label(&label) => before,
            _ => text,
        };
        let text = field(&text);
        self.ledger_matched.resize(self.review.moments.len(), false);
        let expected = self.ledger_items;
        self.ledger_items += 1;
        let unmatched = |position: usize, reader: &Reader| {
            !reader.ledger_matched[position] && reader.review.moments[position].text == text
        };
        let position = if expected < self.review.moments.len() && unmatched(expected, self) {
            Some(expected)
        } else {
            (0..self.review.moments.len()).find(|&position| unmatched(position, self))
        };
        let position = position.or_else(|| {
            self.review.add_moment(&text, self.now)?;
            self.ledger_matched.push(false);
            Some(self.review.moments.len() - 1)
        });
        if let Some(position) = position {
            self.ledger_matched[position] = true;
        }
        for block in rest {
            match block {
                Block::List { items, .. } => items.iter().for_each(|item| self.explanation(position, item)),
                block => self.keep_unknown(std::slice::from_ref(block)),
            }
        }
    }

    /// An explanation of the ledger's moment at `moment`: the observation with its text and labels that the
    /// moment is not linked to yet, so that observations with the same words are each linked.
    fn explanation(&mut self, moment: Option<usize>, item: &[Block]) {
        let (text, rest) = item_text(item);
        let (text, labels) = observation_labels(text);
        let labels = (labels.luck, labels.dial);
        let text = field(&text);
        self.keep_unknown(rest);
        let Some(position) = moment else { return };
        let linked = &self.review.moments[position].explained_by;
        let rank = |o: &&crate::review::Observation| (linked.contains(&o.id), (o.luck, o.dial) != labels);
        let candidates = self.review.observations.iter().filter(|o| o.text == text);
        let Some(observation) = candidates.min_by_key(rank).map(|o| o.id) else {
            return;
        };
        if !linked.contains(&observation) {
            let id = self.review.moments[position].id;
            self.review.toggle_explanation(id, observation, self.now);
        }
    }
}

/// What an inline source renders as, in one spelling.
fn rendered(source: &str) -> String {
    field(&parse(source))
}

/// The text of a field: line breaks at the end show as nothing, and the export writes none.
fn field(inlines: &[Inline]) -> String {
    let mut text = plain(inlines);
    text.truncate(text.trim_end_matches('\n').len());
    text
}

/// A field the export leaves out when it is blank reads as empty.
fn unless_blank(text: String) -> String {
    if text.trim().is_empty() {
        String::new()
    } else {
        text
    }
}

/// The closing credit: the paragraph after the last rule.
fn is_credit(block: &Block) -> bool {
    matches!(block, Block::Paragraph(text) if rendered(text).starts_with("Questions quoted from"))
}

/// The text of a list item (its leading paragraphs) and the blocks after it.
fn item_text(item: &[Block]) -> (Vec<Inline>, &[Block]) {
    let mut text = Vec::new();
    let mut count = 0;
    for block in item {
        let Block::Paragraph(source) = block else { break };
        if count > 0 {
            text.extend([Inline::HardBreak, Inline::HardBreak]);
        }
        text.extend(parse(source));
        count += 1;
    }
    (text, &item[count..])
}
