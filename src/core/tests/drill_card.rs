//! The drill card: the frequency step's drill plan on one page. Snapshot files in `tests/snapshots/` are
//! reviewed like code; after an intended change, run with `UPDATE_SNAPSHOTS=1` and review the diff.

use gotlucky_core::drill_card::redacted_drill_card_file_name;
use gotlucky_core::{
    drill_card_file_name, drill_card_html, drill_card_markdown, ActionField, DrillField, Review, SceneField,
};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

mod common;
mod hostile;

fn check(name: &str, markdown: &str) {
    common::check_snapshot(name, markdown);
}

/// The facilitated review with follow-up actions from the frequency step, and one from elsewhere.
fn review_with_drill_actions() -> Review {
    let mut review = common::facilitated_review();
    let tested = review
        .add_observation("frequency.tested", "Our last failover test was over a year ago", 7)
        .unwrap();
    let drill = review
        .add_observation("frequency.drills", "Run a drill where the gateway times out", 7)
        .unwrap();
    let action = review.add_action("Book the game day room", Some(drill), 7).unwrap();
    review.set_action_field(action, ActionField::Owner, "Liz", 7);
    review.set_action_field(action, ActionField::Due, "2026-03-20", 7);
    review.add_action("Write the failover runbook", Some(tested), 7);
    review.set_drill_field(DrillField::Participants, "Sam, Emily", 7);
    review.set_drill_field(
        DrillField::Success,
        "Checkout keeps taking payments within 5 minutes of the gateway failing",
        7,
    );
    review
}

#[test]
fn a_planned_drill() {
    let review = review_with_drill_actions();
    let card = drill_card_markdown(&review);
    check("drill-card", &card);
    // The actions from the luck steps stay on the review; the card lists the frequency step's.
    assert!(!card.contains("Pair with Amanda"));
    assert_eq!(
        drill_card_file_name(&review, "2026-11-26"),
        "checkout-outage-3-march-2026-03-03-drill.md"
    );
    assert_eq!(
        redacted_drill_card_file_name(&review, "2026-11-26"),
        "checkout-outage-3-march-2026-03-03-drill-redacted.md"
    );
}

#[test]
fn an_empty_plan_is_all_to_decide() {
    check("drill-card-empty", &drill_card_markdown(&Review::new("r", "", 0)));
}

#[test]
fn the_html_card_has_the_same_headings_and_cells() {
    let review = review_with_drill_actions();
    let html = drill_card_html(&review);
    assert!(html.starts_with("<h1>Drill plan: Checkout outage, 3 March</h1>\n<table>\n"));
    assert!(html.contains(
        "<tr><td>What success looks like</td><td>Checkout keeps taking payments within 5 minutes of the gateway failing</td></tr>"
    ));
    let empty = drill_card_html(&Review::new("r", "", 0));
    assert!(empty.contains("<tr><td>What success looks like</td><td><em>to decide</em></td></tr>"));
    assert!(html.contains("<tr><td>Book the game day room</td><td>Liz</td><td>2026-03-20</td>"));
}

#[test]
fn hostile_plans_read_back_as_typed() {
    for text in hostile::HOSTILE.iter().chain(hostile::CONTROL) {
        let mut review = Review::new("r", "t", 0);
        review.set_scene_field(SceneField::Date, "2026-01-01", 1);
        for field in [
            DrillField::Scenario,
            DrillField::Host,
            DrillField::Participants,
            DrillField::Date,
            DrillField::Success,
        ] {
            review.set_drill_field(field, text, 1);
        }
        review.add_moment(text, 1);
        let markdown = drill_card_markdown(&review);
        let (mut cells, mut items, mut current) = (Vec::new(), Vec::new(), None::<String>);
        for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Start(Tag::TableCell | Tag::Item) => current = Some(String::new()),
                Event::End(TagEnd::TableCell) => cells.extend(current.take()),
                Event::End(TagEnd::Item) => items.extend(current.take()),
                Event::Text(part) => {
                    if let Some(current) = current.as_mut() {
                        current.push_str(&part)
                    }
                }
                Event::InlineHtml(html) if html.as_ref() == "<br>" => {
                    if let Some(current) = current.as_mut() {
                        current.push('\n')
                    }
                }
                Event::HardBreak => {
                    if let Some(current) = current.as_mut() {
                        current.push('\n')
                    }
                }
                // Emphasis or a link would drop characters from the text, which the comparison below catches;
                // the card's own "to decide" is in emphasis.
                Event::Start(Tag::Heading { .. }) | Event::Html(_) | Event::Code(_) if current.is_some() => {
                    panic!("markup in a cell or item in:\n{markdown}")
                }
                _ => {}
            }
        }
        let lines = hostile::as_lines(text);
        // GFM trims a cell's surrounding white space.
        let in_cell = lines.trim_matches([' ', '\t']);
        let values: Vec<&str> = cells.iter().skip(3).step_by(2).map(|cell| cell.trim()).collect();
        assert_eq!(values[0], in_cell, "scenario in:\n{markdown}");
        assert_eq!(
            values[2..6],
            [in_cell; 4],
            "host, participants, date, success in:\n{markdown}"
        );
        assert_eq!(items, [lines], "moment in:\n{markdown}");
    }
}
