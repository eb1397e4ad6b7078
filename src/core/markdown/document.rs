//! The export's model: a review as headings, paragraphs, lists and tables, before it is written as Markdown
//! or as HTML. Both writers walk the same blocks, so the two exports always say the same thing.
//!
//! Every string in a block is written out as literal text: user text and our own words alike go through the
//! writer's escaping. Only the shape (which block, emphasis, a bold lead) is markup.

use crate::scene_labels;
use std::borrow::Cow;

use crate::catalogue::{questions_of, Step, StepKind, ARTICLE_AUTHOR, ARTICLE_TITLE, STEPS};
use crate::review::{DrillKind, DrillPlan, Mode, Observation, Review};
use crate::summary::ledger;

use super::escape::single_line;
use super::ExportOptions;

/// A run of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Inline<'a> {
    Text(Cow<'a, str>),
    Emphasis(Cow<'a, str>),
    /// A link or ticket id as typed. HTML makes a link of an http(s) URL; Markdown writes it as text.
    Link(&'a str),
}

/// A list item: an optional bold lead (ours), the text, an optional note in parentheses (ours), sub-items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Item<'a> {
    pub lead: Option<&'static str>,
    pub text: Inline<'a>,
    pub note: Option<String>,
    pub children: Vec<Item<'a>>,
}

impl<'a> Item<'a> {
    pub fn text(text: &'a str) -> Self {
        Item {
            lead: None,
            text: Inline::Text(Cow::Borrowed(text)),
            note: None,
            children: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Block<'a> {
    /// A heading of level 1 to 3, holding one line.
    Heading(u8, Cow<'a, str>),
    Paragraph(Inline<'a>),
    List(Vec<Item<'a>>),
    /// Column headings (ours) and rows of cells.
    Table(&'static [&'static str], Vec<Vec<Inline<'a>>>),
    Rule,
}

/// Plain text, for brevity.
pub(crate) fn text<'a>(text: impl Into<Cow<'a, str>>) -> Inline<'a> {
    Inline::Text(text.into())
}

/// A review's title as its heading shows it: one line, or "Untitled review".
pub(crate) fn heading_title(review: &Review) -> String {
    let title = single_line(&review.title);
    if title.trim().is_empty() {
        review.display_title().to_owned()
    } else {
        title
    }
}

/// The whole review as blocks.
pub(crate) fn review_blocks(review: &Review, options: ExportOptions) -> Vec<Block<'_>> {
    let mut blocks = vec![Block::Heading(1, Cow::Owned(heading_title(review)))];
    push_scene(&mut blocks, review);
    if !review.moments.is_empty() {
        blocks.push(Block::Heading(2, Cow::Borrowed("We got lucky")));
        blocks.push(Block::List(
            review.moments.iter().map(|moment| Item::text(&moment.text)).collect(),
        ));
    }
    for step in STEPS.iter().filter(|step| step.kind == StepKind::Questions) {
        push_question_step(&mut blocks, review, step, options);
    }
    if options.include_meeting_plan {
        push_meeting_plan(&mut blocks, review);
    }
    push_actions(&mut blocks, review);
    push_ledger(&mut blocks, review, options);
    if !review.notes.trim().is_empty() {
        blocks.push(Block::Heading(2, Cow::Borrowed("Notes")));
        blocks.push(Block::Paragraph(text(review.notes.as_str())));
    }
    blocks.push(Block::Rule);
    blocks.push(Block::Paragraph(text(format!(
        "Questions quoted from \u{201c}{ARTICLE_TITLE}\u{201d} by {ARTICLE_AUTHOR}. Review written with gotlucky."
    ))));
    blocks
}

fn push_scene<'a>(blocks: &mut Vec<Block<'a>>, review: &'a Review) {
    let self_reflection = review.scene.mode == Mode::SelfReflection;
    let rows = scene_labels::scene_details(review)
        .into_iter()
        .map(|(label, value)| {
            let value = if label == scene_labels::LINK {
                Inline::Link(value)
            } else {
                text(value)
            };
            vec![text(label), value]
        })
        .collect();
    blocks.push(Block::Table(&["Detail", "Value"], rows));
    if self_reflection {
        blocks.push(Block::Paragraph(text("This is a personal reflection, written alone.")));
    }
}

fn push_question_step<'a>(blocks: &mut Vec<Block<'a>>, review: &'a Review, step: &Step, options: ExportOptions) {
    let shown: Vec<_> = questions_of(step.id)
        .filter(|question| options.include_unanswered || review.observations_for(question.id).next().is_some())
        .collect();
    let with_drill = step.id == "frequency" && !review.drill.is_empty();
    if shown.is_empty() && !with_drill {
        return;
    }
    blocks.push(Block::Heading(2, Cow::Borrowed(step.heading)));
    for question in shown {
        blocks.push(Block::Heading(3, Cow::Borrowed(question.text)));
        let items: Vec<Item> = review
            .observations_for(question.id)
            .map(|observation| observation_item(observation, options.credit_contributors))
            .collect();
        blocks.push(if items.is_empty() {
            Block::Paragraph(Inline::Emphasis(Cow::Borrowed("No answer yet.")))
        } else {
            Block::List(items)
        });
    }
    if with_drill {
        blocks.push(Block::Heading(3, Cow::Borrowed("Drill plan")));
        blocks.push(Block::List(drill_items(&review.drill)));
    }
}

fn observation_item(observation: &Observation, credit: bool) -> Item<'_> {
    Item {
        note: observation_note(observation, credit),
        ..Item::text(&observation.text)
    }
}

/// Our own labels after an observation, in emphasis so they read apart from what the team said.
fn observation_note(observation: &Observation, credit: bool) -> Option<String> {
    // Labels are separated by semicolons, so a contributor's own semicolon is written as a comma.
    let source = observation
        .source
        .as_deref()
        .filter(|_| credit)
        .map(|source| format!("from: {}", source.replace(';', ",")));
    let labels: Vec<String> = observation
        .luck
        .map(|luck| luck.label().to_owned())
        .into_iter()
        .chain(observation.dial.map(|dial| format!("dial: {}", dial.label())))
        .chain(source)
        .collect();
    (!labels.is_empty()).then(|| labels.join("; "))
}

/// The filled fields of a drill plan, each led by its label.
pub(crate) fn drill_items(drill: &DrillPlan) -> Vec<Item<'_>> {
    let kind = drill.kind.map(DrillKind::label).unwrap_or_default();
    [
        ("Failure scenario:", drill.scenario.as_str()),
        ("Game host:", drill.host.as_str()),
        ("Participants:", drill.participants.as_str()),
        ("Date:", drill.date.as_str()),
        ("Where it runs:", kind),
        ("What success looks like:", drill.success.as_str()),
    ]
    .into_iter()
    .filter(|(_, value)| !value.trim().is_empty())
    .map(|(lead, value)| Item {
        lead: Some(lead),
        ..Item::text(value)
    })
    .collect()
}

fn push_actions<'a>(blocks: &mut Vec<Block<'a>>, review: &'a Review) {
    if review.actions.is_empty() {
        return;
    }
    blocks.push(Block::Heading(2, Cow::Borrowed("Actions")));
    let rows = review
        .actions
        .iter()
        .map(|action| {
            let from = action
                .from
                .and_then(|id| review.observation(id))
                .map(|observation| observation.text.as_str())
                .unwrap_or_default();
            vec![
                text(action.what.as_str()),
                text(action.owner.as_str()),
                text(action.due.as_str()),
                text(from),
            ]
        })
        .collect();
    blocks.push(Block::Table(&["Action", "Owner", "Due", "From observation"], rows));
}

/// The heading of the meeting plan's section, also read back by the import.
pub const MEETING_PLAN_HEADING: &str = "Meeting plan";

/// The meeting's time plan as the timer uses it (the proposed one until the facilitator changes it): each step
/// with its minutes and when it starts.
fn push_meeting_plan(blocks: &mut Vec<Block<'_>>, review: &Review) {
    let plan = review.meeting_plan();
    let rows = plan
        .start_offsets()
        .into_iter()
        .filter_map(|(step, start)| {
            let label = crate::catalogue::step(step)?.label;
            Some(vec![
                text(label),
                text(plan.minutes(step).to_string()),
                text(plan.time_at(start)),
            ])
        })
        .collect();
    blocks.push(Block::Heading(2, Cow::Borrowed(MEETING_PLAN_HEADING)));
    blocks.push(Block::Table(&["Step", "Minutes", "Starts"], rows));
}

fn push_ledger<'a>(blocks: &mut Vec<Block<'a>>, review: &'a Review, options: ExportOptions) {
    let entries = ledger(review);
    if entries.is_empty() {
        return;
    }
    blocks.push(Block::Heading(2, Cow::Borrowed("Luck ledger")));
    let items = entries
        .into_iter()
        .map(|entry| Item {
            note: Some(entry.source.label().to_owned()),
            children: entry
                .explanations
                .into_iter()
                .map(|observation| observation_item(observation, options.credit_contributors))
                .collect(),
            ..Item::text(&entry.moment.text)
        })
        .collect();
    blocks.push(Block::List(items));
}
