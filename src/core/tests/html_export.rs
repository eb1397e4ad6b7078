//! Reads the HTML export back with a browser-grade parser (html5ever, through scraper): whatever a team typed,
//! the export holds only the elements and attributes gotlucky writes, and every text reads back as typed.

use ego_tree::NodeRef;
use gotlucky_core::html::HTML_ELEMENTS;
use gotlucky_core::{
    export_html, export_markdown, ActionField, DrillField, DrillKind, ExportOptions, Luck, Review, SceneField,
};
use scraper::{Html, Node};

mod hostile;
use hostile::{as_lines, CONTROL, HOSTILE};

const QUESTION: &str = "decreasing.normalised";

fn corpus() -> impl Iterator<Item = &'static str> {
    HOSTILE.iter().chain(CONTROL).copied()
}

/// A review with every text of the corpus in every kind of field.
fn hostile_review() -> Review {
    let mut review = Review::new("r", "Hostile strings", 0);
    for text in corpus() {
        let observation = review.add_observation(QUESTION, text, 1).unwrap();
        review.set_luck(observation, Some(Luck::Decreasing), 1);
        let moment = review.add_moment(text, 1).unwrap();
        review.toggle_explanation(moment, observation, 1);
        let action = review.add_action(text, Some(observation), 1).unwrap();
        review.set_action_field(action, ActionField::Owner, text, 1);
        review.set_action_field(action, ActionField::Due, text, 1);
    }
    review
}

/// Every element is one the export writes, with no attribute but an `a`'s `href`.
fn assert_only_our_markup(html: &str) {
    let document = Html::parse_fragment(html);
    for node in document.tree.nodes() {
        if let Node::Element(element) = node.value() {
            let name = element.name();
            // The parser puts a fragment in `html` and `body` elements of its own, the first two below the root.
            if ["html", "body"].contains(&name) && node.ancestors().count() <= 2 {
                continue;
            }
            assert!(HTML_ELEMENTS.contains(&name), "<{name}> in:\n{html}");
            for (attribute, value) in element.attrs() {
                assert!(
                    name == "a" && attribute == "href" && value.starts_with("http"),
                    "<{name} {attribute}={value:?}> in:\n{html}"
                );
            }
        }
        assert!(
            !matches!(
                node.value(),
                Node::Comment(_) | Node::ProcessingInstruction(_) | Node::Doctype(_)
            ),
            "{:?} in:\n{html}",
            node.value()
        );
    }
}

/// The text of a node with `<br>` as `\n`, leaving out our notes (`em` after the text), leads (`strong`
/// before it), the space that separates them from the text, and sub-lists.
fn own_text(node: NodeRef<Node>) -> String {
    let mut text = String::new();
    let mut after_lead = false;
    for child in node.children() {
        match child.value() {
            Node::Text(part) if after_lead => text.push_str(part.strip_prefix(' ').unwrap_or(part)),
            Node::Text(part) => text.push_str(part),
            Node::Element(element) if element.name() == "br" => text.push('\n'),
            Node::Element(element) if element.name() == "strong" => {}
            Node::Element(element) if element.name() == "em" && child.prev_sibling().is_some() => {
                text.pop();
            }
            Node::Element(element) if element.name() == "ul" => {}
            Node::Element(_) => text.push_str(&own_text(child)),
            _ => {}
        }
        after_lead = child
            .value()
            .as_element()
            .is_some_and(|element| element.name() == "strong");
    }
    text
}

/// The own text of every element named `name`, in document order.
fn texts_of(html: &str, name: &str) -> Vec<String> {
    let document = Html::parse_fragment(html);
    document
        .tree
        .nodes()
        .filter(|node| node.value().as_element().is_some_and(|element| element.name() == name))
        .map(own_text)
        .collect()
}

#[test]
fn hostile_texts_read_back_as_typed_in_items_and_cells() {
    let review = hostile_review();
    let html = export_html(&review, ExportOptions::default());
    assert_only_our_markup(&html);

    let expected: Vec<String> = corpus().map(as_lines).collect();
    let items = texts_of(&html, "li");
    // Moments, then observations, then the ledger: each moment with its explanation as a sub-item.
    let n = expected.len();
    assert_eq!(items.len(), 4 * n, "in:\n{html}");
    assert_eq!(items[..n], expected[..], "moments");
    assert_eq!(items[n..2 * n], expected[..], "observations");
    let ledger: Vec<String> = items[2 * n..].iter().step_by(2).cloned().collect();
    assert_eq!(ledger, expected, "ledger moments");
    let explanations: Vec<String> = items[2 * n + 1..].iter().step_by(2).cloned().collect();
    assert_eq!(explanations, expected, "ledger explanations");

    let cells = texts_of(&html, "td");
    // The details table holds the mode only; then four cells for each action.
    assert_eq!(cells.len(), 2 + 4 * n, "in:\n{html}");
    for (row, text) in cells[2..].chunks(4).zip(&expected) {
        assert_eq!(row, [text.clone(), text.clone(), text.clone(), text.clone()]);
    }
}

#[test]
fn hostile_titles_notes_and_details_read_back_as_typed() {
    for text in corpus() {
        let mut review = Review::new("r", text, 0);
        review.set_notes(text, 1);
        for field in [
            SceneField::WhatHappened,
            SceneField::Link,
            SceneField::Date,
            SceneField::Facilitator,
            SceneField::Participants,
        ] {
            review.set_scene_field(field, text, 1);
        }
        for field in [
            DrillField::Scenario,
            DrillField::Host,
            DrillField::Participants,
            DrillField::Date,
        ] {
            review.set_drill_field(field, text, 1);
        }
        review.set_drill_kind(Some(DrillKind::ChaosExperiment), 1);
        let html = export_html(&review, ExportOptions::default());
        assert_only_our_markup(&html);

        let one_line: Vec<&str> = text.split(['\r', '\n']).filter(|part| !part.is_empty()).collect();
        assert_eq!(texts_of(&html, "h1"), [one_line.join(" ")], "in:\n{html}");
        let expected = as_lines(text);
        let paragraphs = texts_of(&html, "p");
        assert_eq!(paragraphs[0], expected, "notes in:\n{html}");
        let cells = texts_of(&html, "td");
        let values: Vec<&String> = cells.iter().skip(1).step_by(2).collect();
        assert_eq!(values[..5], [&expected; 5], "details in:\n{html}");
        let drill = texts_of(&html, "li");
        assert_eq!(drill[..4], [&expected; 4].map(String::clone));
        assert_eq!(drill[4], "chaos experiment");
    }
}

#[test]
fn the_html_says_what_the_markdown_says() {
    let mut review = Review::new("r", "Checkout outage", 0);
    review.set_scene_field(SceneField::Link, "https://tickets.example/INC-2041", 1);
    review.set_scene_field(SceneField::Participants, "Amanda, Sam", 1);
    let observation = review
        .add_observation(QUESTION, "Only Amanda knows the gateway", 1)
        .unwrap();
    review.set_luck(observation, Some(Luck::Decreasing), 1);
    review.add_action("Pair with Amanda", Some(observation), 1);
    let html = export_html(&review, ExportOptions::default());
    assert_only_our_markup(&html);
    assert!(
        html.starts_with("<h1>Checkout outage</h1>\n<table>\n<thead><tr><th>Detail</th><th>Value</th></tr></thead>\n")
    );
    assert!(html.contains("<td><a href=\"https://tickets.example/INC-2041\">https://tickets.example/INC-2041</a></td>"));
    assert!(html.contains("<li>Only Amanda knows the gateway <em>(decreasing luck)</em></li>"));
    // The same headings, in the same order.
    let markdown = export_markdown(&review);
    let markdown_headings: Vec<&str> = markdown
        .lines()
        .filter_map(|line| line.split_once("# ").map(|(_, heading)| heading))
        .collect();
    let document = Html::parse_fragment(&html);
    let html_headings: Vec<String> = document
        .tree
        .nodes()
        .filter(|node| {
            node.value()
                .as_element()
                .is_some_and(|element| ["h1", "h2", "h3"].contains(&element.name()))
        })
        .map(own_text)
        .collect();
    assert_eq!(markdown_headings, html_headings);
}

#[test]
fn a_link_that_is_not_a_web_address_is_plain_text() {
    for link in [
        "javascript:alert(1)",
        "INC-2041",
        "data:text/html,<b>x</b>",
        "https://a b",
    ] {
        let mut review = Review::new("r", "t", 0);
        review.set_scene_field(SceneField::Link, link, 1);
        let html = export_html(&review, ExportOptions::default());
        assert_only_our_markup(&html);
        assert!(!html.contains("<a"), "{html}");
    }
}
