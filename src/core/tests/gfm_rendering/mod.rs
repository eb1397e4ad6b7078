//! Renders an export with comrak and every GitHub-flavoured extension whose syntax users may type by accident
//! (tables, strikethrough, autolinks, task lists, footnotes), and checks that every piece of formatting in it is
//! gotlucky's own: its headings, its bold drill-plan labels, its notes in emphasis, `<br>` inside table cells,
//! and the review's link when it is a web address. Anything else came from user text and is a defect.

use comrak::nodes::{AstNode, NodeValue};
use comrak::{parse_document, Arena, Options};
use gotlucky_core::{QUESTIONS, STEPS};

/// The level-2 headings gotlucky writes besides its steps.
const SECTIONS: [&str; 5] = ["We got lucky", "Notes", "Actions", "Meeting plan", "Luck ledger"];

/// The bold labels that lead the drill plan's items.
const DRILL_LABELS: [&str; 6] = [
    "Failure scenario:",
    "Game host:",
    "Participants:",
    "Date:",
    "Where it runs:",
    "What success looks like:",
];

/// The GFM extensions a wiki turns on.
fn gfm() -> Options<'static> {
    let mut options = Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.extension.autolink = true;
    options.extension.tasklist = true;
    options.extension.footnotes = true;
    options
}

/// The literal text of a node, with line breaks as `\n`.
fn text_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut text = String::new();
    for descendant in node.descendants() {
        match &descendant.data.borrow().value {
            NodeValue::Text(literal) => text.push_str(literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => text.push('\n'),
            _ => {}
        }
    }
    text
}

fn inside_table_cell<'a>(node: &'a AstNode<'a>) -> bool {
    node.ancestors()
        .any(|ancestor| matches!(ancestor.data.borrow().value, NodeValue::TableCell))
}

/// Whether `node` is in the value cell of the details table's "Link" row, the one link gotlucky writes.
fn in_the_link_row<'a>(node: &'a AstNode<'a>) -> bool {
    node.ancestors()
        .find(|ancestor| matches!(ancestor.data.borrow().value, NodeValue::TableRow(false)))
        .and_then(|row| row.first_child())
        .is_some_and(|label| text_of(label) == "Link")
}

/// `Err` names the first piece of formatting in `markdown` that is not gotlucky's own.
pub fn only_our_formatting(markdown: &str) -> Result<(), String> {
    let arena = Arena::new();
    let root = parse_document(&arena, markdown, &gfm());
    let mut top_headings = 0;
    for node in root.descendants() {
        let value = node.data.borrow().value.clone();
        let problem = match value {
            NodeValue::Heading(heading) => {
                let text = text_of(node);
                match heading.level {
                    1 => {
                        top_headings += 1;
                        (top_headings > 1).then(|| format!("a second top heading {text:?}"))
                    }
                    2 => (!STEPS.iter().any(|step| step.heading == text) && !SECTIONS.contains(&text.as_str()))
                        .then(|| format!("a heading {text:?} that is not gotlucky's")),
                    3 => (!QUESTIONS.iter().any(|question| question.text == text) && text != "Drill plan")
                        .then(|| format!("a question heading {text:?} that is not gotlucky's")),
                    level => Some(format!("a level-{level} heading {text:?}")),
                }
            }
            NodeValue::Strong => {
                let text = text_of(node);
                (!DRILL_LABELS.contains(&text.as_str())).then(|| format!("bold {text:?} that is not gotlucky's"))
            }
            NodeValue::Emph => {
                let text = text_of(node);
                let ours = (text.starts_with('(') && text.ends_with(')')) || text == "No answer yet.";
                (!ours).then(|| format!("emphasis {text:?} that is not gotlucky's"))
            }
            NodeValue::HtmlInline(html) => {
                (!(html == "<br>" && inside_table_cell(node))).then(|| format!("inline HTML {html:?}"))
            }
            NodeValue::HtmlBlock(_) => Some("an HTML block".into()),
            NodeValue::Code(_) | NodeValue::CodeBlock(_) => Some("code".into()),
            NodeValue::Link(link) => {
                (!(text_of(node) == link.url && in_the_link_row(node))).then(|| format!("a link to {:?}", link.url))
            }
            NodeValue::Image(image) => Some(format!("an image of {:?}", image.url)),
            NodeValue::Strikethrough => Some("strikethrough".into()),
            NodeValue::TaskItem(_) => Some("a task list item".into()),
            NodeValue::FootnoteReference(_) | NodeValue::FootnoteDefinition(_) => Some("a footnote".into()),
            NodeValue::BlockQuote => Some("a block quote".into()),
            _ => None,
        };
        if let Some(problem) = problem {
            return Err(format!("{problem} in:\n{markdown}"));
        }
    }
    if top_headings == 1 {
        Ok(())
    } else {
        Err(format!("{top_headings} top headings in:\n{markdown}"))
    }
}
