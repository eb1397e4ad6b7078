//! Which parts of a review a change touched: the screen redraws exactly those, so a missed part is a view that
//! shows stale text, and an extra part is a keystroke that redraws too much.

mod common;

use gotlucky_core::hints::HintedItem;
use gotlucky_core::parts::{sync_parts, Part};
use gotlucky_core::{ActionField, Direction, DrillField, Luck, Mode, SceneField};

const Q: &str = "decreasing.normalised";

/// Everything the screen shows is equal (the id counter is not shown, so it is not copied).
fn assert_same(shown: &gotlucky_core::Review, live: &gotlucky_core::Review) {
    assert_eq!(
        common::content(shown),
        common::content(live),
        "after syncing, the shown copy reads as the live one"
    );
    assert_eq!(shown.observations, live.observations);
    assert_eq!(shown.moments, live.moments);
    assert_eq!(shown.actions, live.actions);
    assert_eq!(
        (shown.updated_at, shown.last_exported_at),
        (live.updated_at, live.last_exported_at)
    );
}

fn changed_by(change: impl FnOnce(&mut gotlucky_core::Review)) -> Vec<Part> {
    let mut live = common::facilitated_review();
    let mut shown = live.clone();
    change(&mut live);
    let parts = sync_parts(&mut shown, &live);
    assert_same(&shown, &live);
    parts
}

#[test]
fn nothing_changed_touches_nothing() {
    assert_eq!(changed_by(|_| {}), Vec::<Part>::new());
}

#[test]
fn typing_into_one_observation_touches_only_it_and_the_dates() {
    let review = common::facilitated_review();
    let second = review.observations_for(Q).nth(1).map(|o| o.id).unwrap();
    let parts = changed_by(|review| review.edit_observation(second, "Config pushes skip review", 99));
    assert_eq!(parts, vec![Part::Dates, Part::Observation(second)]);
}

#[test]
fn tagging_an_observation_touches_only_it() {
    let review = common::facilitated_review();
    let first = review.observations[0].id;
    let parts = changed_by(|review| review.set_luck(first, Some(Luck::Increasing), 99));
    assert_eq!(parts, vec![Part::Dates, Part::Observation(first)]);
}

#[test]
fn each_scene_field_touches_the_scene() {
    assert_eq!(
        changed_by(|review| review.set_scene_field(SceneField::Link, "INC-1", 99)),
        vec![Part::Dates, Part::Scene]
    );
    assert_eq!(
        changed_by(|review| review.set_mode(Mode::SelfReflection, 99)),
        vec![Part::Dates, Part::Scene]
    );
    assert_eq!(
        changed_by(|review| review.set_title("New", 99)),
        vec![Part::Title, Part::Dates]
    );
    assert_eq!(
        changed_by(|review| review.set_notes("n", 99)),
        vec![Part::Dates, Part::Notes]
    );
    assert_eq!(
        changed_by(|review| review.set_drill_field(DrillField::Host, "Ana", 99)),
        vec![Part::Dates, Part::Drill]
    );
}

#[test]
fn the_timer_is_a_part_of_its_own() {
    let parts = changed_by(|review| review.edit_meeting(99, |plan| plan.start_timer("scene", 99)));
    assert_eq!(parts, vec![Part::Dates, Part::Meeting]);
}

#[test]
fn dismissing_a_hint_touches_only_the_hints() {
    let review = common::facilitated_review();
    let item = HintedItem::Observation(review.observations[0].id);
    let mut live = review.clone();
    let mut shown = review;
    live.dismiss_hint(item, "blame-name", 99);
    assert_eq!(sync_parts(&mut shown, &live), vec![Part::Dates, Part::Hints]);
    assert!(
        shown.is_hint_dismissed(item, "blame-name"),
        "the shown copy has the dismissal"
    );
    live.restore_hint(item, "blame-name", 100);
    assert_eq!(sync_parts(&mut shown, &live), vec![Part::Dates, Part::Hints]);
    assert_eq!(shown.dismissed_hints, live.dismissed_hints);
}

#[test]
fn adding_an_observation_touches_its_question_list() {
    let parts = changed_by(|review| {
        review.add_observation(Q, "A third one", 99);
    });
    assert!(parts.contains(&Part::Answers(Q)), "{parts:?}");
    assert!(
        !parts.contains(&Part::Answers("increasing.measuring")),
        "other questions' lists are untouched: {parts:?}"
    );
}

#[test]
fn moving_and_deleting_touch_the_list_of_that_question() {
    let review = common::facilitated_review();
    let second = review.observations_for(Q).nth(1).map(|o| o.id).unwrap();
    let moved = changed_by(|review| review.move_observation(second, Direction::Up, 99));
    assert_eq!(moved, vec![Part::Dates, Part::Answers(Q)]);
    let deleted = changed_by(|review| {
        review.remove_observation(second, 99);
    });
    assert_eq!(deleted, vec![Part::Dates, Part::Answers(Q), Part::Observation(second)]);
}

#[test]
fn moments_and_actions_are_parts_of_their_own() {
    let review = common::facilitated_review();
    let (moment, observation) = (review.moments[0].id, review.observations[1].id);
    assert_eq!(
        changed_by(|review| review.toggle_explanation(moment, observation, 99)),
        vec![Part::Dates, Part::Moments]
    );
    let action = review.actions[0].id;
    assert_eq!(
        changed_by(|review| review.set_action_field(action, ActionField::Owner, "Liz", 99)),
        vec![Part::Dates, Part::Actions]
    );
}

#[test]
fn a_replaced_review_touches_everything_that_differs() {
    let mut shown = common::facilitated_review();
    let live = gotlucky_core::Review::new("r1", "Other", 5);
    let parts = sync_parts(&mut shown, &live);
    for part in [
        Part::Title,
        Part::Dates,
        Part::Scene,
        Part::Moments,
        Part::Actions,
        Part::Drill,
        Part::Answers(Q),
    ] {
        assert!(parts.contains(&part), "{part:?} missing from {parts:?}");
    }
    assert_same(&shown, &live);
}

/// Progress is recomputed only when one of its parts changes: a change outside them must leave it as it was.
#[test]
fn progress_depends_only_on_its_parts() {
    use gotlucky_core::parts::parts_of_progress;
    use gotlucky_core::summary::step_progress;
    type Change = Box<dyn Fn(&mut gotlucky_core::Review)>;
    let changes: Vec<Change> = vec![
        Box::new(|review| review.set_title("", 9)),
        Box::new(|review| review.set_scene_field(SceneField::Date, "", 9)),
        Box::new(|review| {
            review.add_observation("incentives.celebrated", "x", 9);
        }),
        Box::new(|review| {
            let id = review.observations[0].id;
            review.remove_observation(id, 9);
        }),
        Box::new(|review| {
            let id = review.actions[1].id;
            review.set_action_field(id, ActionField::Owner, "Ana", 9);
            review.set_action_field(id, ActionField::Due, "2026-01-01", 9);
        }),
        Box::new(|review| {
            let id = review.moments[0].id;
            review.remove_moment(id, 9);
        }),
    ];
    for change in &changes {
        let before = common::facilitated_review();
        let mut after = before.clone();
        change(&mut after);
        let touched = sync_parts(&mut before.clone(), &after);
        for step in gotlucky_core::STEPS {
            let watched = parts_of_progress(step);
            if !touched.iter().any(|part| watched.contains(part)) {
                assert_eq!(
                    step_progress(&before, step),
                    step_progress(&after, step),
                    "{} changed unseen",
                    step.id
                );
            }
        }
    }
}
