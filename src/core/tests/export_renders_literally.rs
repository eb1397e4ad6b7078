//! Parses the export with a real CommonMark/GFM parser and checks that what users typed comes out as the
//! same literal text: no emphasis, link, HTML, code or heading that they did not write.

use gotlucky_core::{export_markdown, Review};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

const QUESTION: &str = "decreasing.normalised";

mod hostile;
/// Strings a team might type that mean something to Markdown, HTML or a wiki.
use hostile::MARKDOWN as HOSTILE;

/// The literal text of each list item, with hard and soft breaks as newlines.
fn list_item_texts(markdown: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut current: Option<String> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Item) => current = Some(String::new()),
            Event::End(TagEnd::Item) => items.extend(current.take()),
            Event::Text(text) => {
                if let Some(item) = current.as_mut() {
                    item.push_str(&text)
                }
            }
            Event::HardBreak | Event::SoftBreak => {
                if let Some(item) = current.as_mut() {
                    item.push('\n')
                }
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::List(_)) | Event::End(TagEnd::List(_)) => {}
            Event::Start(Tag::Heading { .. }) | Event::End(TagEnd::Heading(_)) => {
                assert!(current.is_none(), "a heading inside an item in:\n{markdown}")
            }
            Event::Rule => {}
            Event::Start(Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell) => {}
            Event::End(TagEnd::Table | TagEnd::TableHead | TagEnd::TableRow | TagEnd::TableCell) => {}
            other if current.is_none() => {
                panic!("unexpected {other:?} outside items in:\n{markdown}")
            }
            other => panic!("unexpected {other:?} in an item in:\n{markdown}"),
        }
    }
    items
}

#[test]
fn hostile_observations_render_as_typed() {
    let mut review = Review::new("r", "Hostile strings", 0);
    for text in HOSTILE {
        review.add_observation(QUESTION, text, 1);
    }
    let markdown = export_markdown(&review);
    let expected: Vec<String> = HOSTILE.iter().map(|text| text.to_string()).collect();
    assert_eq!(list_item_texts(&markdown), expected, "in:\n{markdown}");
}

#[test]
fn the_title_is_the_only_top_heading_and_reads_as_typed() {
    for title in HOSTILE.iter().filter(|title| !title.contains('\n')) {
        let review = Review::new("r", *title, 0);
        let markdown = export_markdown(&review);
        let mut headings = Vec::new();
        let mut in_heading = None;
        for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => in_heading = Some((level as u8, String::new())),
                Event::End(TagEnd::Heading(_)) => headings.extend(in_heading.take()),
                Event::Text(text) => {
                    if let Some((_, heading)) = in_heading.as_mut() {
                        heading.push_str(&text)
                    }
                }
                Event::Html(_) | Event::InlineHtml(_) | Event::Code(_) => {
                    panic!("markup in:\n{markdown}")
                }
                Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Strikethrough) => {
                    panic!("formatting in:\n{markdown}")
                }
                _ => {}
            }
        }
        assert_eq!(headings, vec![(1, title.to_string())], "in:\n{markdown}");
    }
}

/// The text of every table body cell, row by row; `<br>` is the export's line break inside a cell.
fn table_rows(markdown: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut in_head, mut row, mut cell): (bool, Vec<String>, Option<String>) = (false, Vec::new(), None);
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                row.clear();
            }
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.extend(cell.take()),
            Event::End(TagEnd::TableRow) if !in_head => rows.push(std::mem::take(&mut row)),
            Event::End(TagEnd::TableRow) => row.clear(),
            Event::Text(text) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&text)
                }
            }
            Event::InlineHtml(html) if cell.is_some() && html.as_ref() == "<br>" => {
                if let Some(cell) = cell.as_mut() {
                    cell.push('\n')
                }
            }
            Event::Start(Tag::Emphasis | Tag::Strong | Tag::Link { .. } | Tag::Strikethrough | Tag::Image { .. })
            | Event::Code(_)
            | Event::InlineHtml(_)
                if cell.is_some() =>
            {
                panic!("formatting in a table cell in:\n{markdown}")
            }
            _ => {}
        }
    }
    rows
}

#[test]
fn hostile_actions_stay_in_their_cells_as_typed() {
    let mut review = Review::new("r", "Actions", 0);
    for text in HOSTILE {
        let id = review.add_action(text, None, 1).unwrap();
        review.set_action_field(id, gotlucky_core::ActionField::Owner, text, 1);
    }
    let markdown = export_markdown(&review);
    let rows = table_rows(&markdown);
    // The first table is the review's details (only the mode here); the actions table follows.
    let actions = &rows[rows.len() - HOSTILE.len()..];
    for (row, text) in actions.iter().zip(HOSTILE) {
        let expected = text.trim_start_matches([' ', '\t']).trim_end_matches([' ', '\t']);
        assert_eq!(row.len(), 4, "row for {text:?} in:\n{markdown}");
        // A cell's surrounding white space is not part of its text in GFM.
        assert_eq!(row[0].trim(), expected, "in:\n{markdown}");
        assert_eq!(row[1].trim(), expected, "in:\n{markdown}");
    }
}
