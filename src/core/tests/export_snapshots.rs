//! Snapshot tests of the Markdown export: the expected files in `tests/snapshots/` are reviewed like code.
//! After an intended change, run with `UPDATE_SNAPSHOTS=1` and review the diff of the `.md` files.

use gotlucky_core::{ActionField, Dial, DrillField, DrillKind, Luck, Mode, Review, SceneField};

fn check(name: &str, markdown: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(format!("{name}.md"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, markdown).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "missing snapshot {} ({error}); run with UPDATE_SNAPSHOTS=1",
            path.display()
        )
    });
    assert_eq!(markdown, expected, "export of {name} differs from {}", path.display());
}

/// A facilitated review with every part filled in.
fn facilitated_review() -> Review {
    let mut review = Review::new("r1", "Checkout outage, 3 March", 0);
    review.set_scene_field(
        SceneField::WhatHappened,
        "Card payments failed for 40 minutes after a config push",
        1,
    );
    review.set_scene_field(SceneField::Link, "INC-2041", 1);
    review.set_scene_field(SceneField::Date, "2026-03-03", 1);
    review.set_scene_field(SceneField::Facilitator, "Kim", 1);
    review.set_scene_field(SceneField::Participants, "Amanda, Sam, Liz (SRE), Emily", 1);
    let amanda = review.add_moment("We were lucky that Amanda was online", 1).unwrap();
    let sam = review
        .add_moment("Sam spotted the problem on our SLIs dashboard", 1)
        .unwrap();
    let only_amanda = review
        .add_observation("decreasing.normalised", "Only Amanda knows the payment gateway", 2)
        .unwrap();
    review.set_luck(only_amanda, Some(Luck::Decreasing), 2);
    review.set_dial(only_amanda, Some(Dial::Stop), 2);
    review.add_observation("decreasing.normalised", "Config pushes skip review\nwhen \"urgent\"", 2);
    let dashboard = review
        .add_observation("increasing.measuring", "The SLI dashboard covers checkout", 3)
        .unwrap();
    review.set_luck(dashboard, Some(Luck::Increasing), 3);
    review.set_dial(dashboard, Some(Dial::TurnUp), 3);
    review.add_observation("incentives.celebrated", "Heroics get the shout-outs", 3);
    review.toggle_explanation(amanda, only_amanda, 4);
    review.toggle_explanation(sam, dashboard, 4);
    review.set_drill_field(DrillField::Scenario, "The payment gateway times out", 5);
    review.set_drill_field(DrillField::Host, "Liz", 5);
    review.set_drill_field(DrillField::Date, "2026-04-01", 5);
    review.set_drill_kind(Some(DrillKind::GameDay), 5);
    let action = review
        .add_action("Pair with Amanda on the gateway | twice", Some(only_amanda), 6)
        .unwrap();
    review.set_action_field(action, ActionField::Owner, "Sam", 6);
    review.set_action_field(action, ActionField::Due, "2026-03-31", 6);
    review.add_action("Add SLIs to the *refund* service", Some(dashboard), 6);
    review
}

#[test]
fn a_complete_facilitated_review() {
    check("facilitated", &gotlucky_core::export_markdown(&facilitated_review()));
}

#[test]
fn a_personal_reflection() {
    let mut review = Review::new("r2", "Near miss: expired certificate", 0);
    review.set_mode(Mode::SelfReflection, 1);
    review.set_scene_field(SceneField::Facilitator, "Dev", 1);
    review.set_scene_field(SceneField::Participants, "should not be exported", 1);
    review.add_moment("We were lucky the renewal reminder went to someone still here", 1);
    review.add_observation("frequency.tested", "We never rehearse certificate expiry", 2);
    check("self-reflection", &gotlucky_core::export_markdown(&review));
}

#[test]
fn an_empty_review() {
    check("empty", &gotlucky_core::export_markdown(&Review::new("r3", "", 0)));
}
