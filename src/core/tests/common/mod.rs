//! Reviews and comparisons shared by the export and import tests.
#![allow(dead_code)]

use gotlucky_core::{ActionField, Dial, DrillField, DrillKind, DrillPlan, Luck, Mode, Review, Scene, SceneField};

/// A facilitated review with every part filled in.
pub fn facilitated_review() -> Review {
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

/// What a review says, without ids and times: links are by text, as a reader of the export sees them.
pub type Content = (
    String,
    Scene,
    Vec<(String, Vec<String>)>,
    Vec<(String, String, Option<Luck>, Option<Dial>)>,
    Vec<(String, String, String, Option<String>)>,
    DrillPlan,
    String,
);

pub fn content(review: &Review) -> Content {
    let text_of = |id| review.observation(id).map(|o| o.text.clone());
    let mut scene = review.scene.clone();
    if scene.mode == Mode::SelfReflection {
        // A personal reflection has no participants; the export leaves them out.
        scene.participants.clear();
    }
    (
        review.display_title().to_owned(),
        scene,
        review
            .moments
            .iter()
            .map(|m| {
                (
                    m.text.clone(),
                    m.explained_by.iter().filter_map(|id| text_of(*id)).collect(),
                )
            })
            .collect(),
        // Observations in question order: the export groups them by question, keeping their order within one.
        gotlucky_core::QUESTIONS
            .iter()
            .flat_map(|question| review.observations_for(question.id))
            .map(|o| (o.question.clone(), o.text.clone(), o.luck, o.dial))
            .collect(),
        review
            .actions
            .iter()
            .map(|a| (a.what.clone(), a.owner.clone(), a.due.clone(), a.from.and_then(text_of)))
            .collect(),
        review.drill.clone(),
        review.notes.clone(),
    )
}

/// Compares `markdown` with the snapshot file `tests/snapshots/<name>.md`, or writes it there when the tests run
/// with `UPDATE_SNAPSHOTS=1` (then review the diff like code).
pub fn check_snapshot(name: &str, markdown: &str) {
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
    assert_eq!(markdown, expected, "{name} differs from {}", path.display());
}
