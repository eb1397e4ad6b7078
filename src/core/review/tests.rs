//! Unit tests of the review model (they reach its private id counter).

use super::*;

const Q: &str = "decreasing.normalised";
const OTHER: &str = "decreasing.stop";

fn texts(review: &Review, question: &str) -> Vec<String> {
    review
        .observations_for(question)
        .map(|observation| observation.text.clone())
        .collect()
}

#[test]
fn adding_keeps_the_text_exactly_and_in_order() {
    let mut review = Review::new("r1", "Payments outage", 10);
    let first = review.add_observation(Q, "  *We* skip reviews ", 20);
    let second = review.add_observation(Q, "No alerts on the queue", 30);
    assert_ne!(first, second);
    assert_eq!(texts(&review, Q), ["  *We* skip reviews ", "No alerts on the queue"]);
    assert_eq!(review.updated_at, 30);
}

#[test]
fn blank_items_are_not_added() {
    let mut review = Review::new("r1", "", 10);
    assert_eq!(review.add_observation(Q, " \n\t", 20), None);
    assert_eq!(review.add_moment("  ", 20), None);
    assert_eq!(review.add_action("", None, 20), None);
    assert!(review.observations.is_empty() && review.moments.is_empty() && review.actions.is_empty());
    assert_eq!(review.updated_at, 10);
}

#[test]
fn ids_are_shared_and_stay_unique_after_a_stale_counter() {
    let mut review = Review::new("r1", "", 0);
    let observation = review.add_observation(Q, "a", 1).unwrap();
    let moment = review.add_moment("b", 1).unwrap();
    review.next_id = 0;
    let action = review.add_action("c", Some(observation), 2).unwrap();
    assert_eq!((observation.0, moment.0, action.0), (1, 2, 3));
}

#[test]
fn moving_skips_observations_of_other_questions_and_stops_at_the_ends() {
    let mut review = Review::new("r", "", 0);
    let a = review.add_observation(Q, "a", 1).unwrap();
    review.add_observation(OTHER, "x", 1);
    let b = review.add_observation(Q, "b", 1).unwrap();
    review.move_observation(b, Direction::Up, 2);
    assert_eq!(texts(&review, Q), ["b", "a"]);
    assert_eq!(texts(&review, OTHER), ["x"]);
    review.move_observation(b, Direction::Up, 3);
    assert_eq!(texts(&review, Q), ["b", "a"]);
    review.move_observation(a, Direction::Down, 4);
    assert_eq!(texts(&review, Q), ["b", "a"]);
    review.move_observation(b, Direction::Down, 5);
    assert_eq!(texts(&review, Q), ["a", "b"]);
}

#[test]
fn undo_restores_a_deleted_observation_in_place_with_its_links() {
    let mut review = Review::new("r", "", 0);
    review.add_observation(Q, "first", 1);
    let middle = review.add_observation(Q, "middle", 1).unwrap();
    review.add_observation(Q, "last", 1);
    let moment = review.add_moment("lucky", 1).unwrap();
    review.toggle_explanation(moment, middle, 1);
    review.add_action("fix it", Some(middle), 1);
    let before = review.clone();

    let removed = review.remove_observation(middle, 2).unwrap();
    assert_eq!(texts(&review, Q), ["first", "last"]);
    review.restore_observation(removed, 3);
    assert_eq!(review.observations, before.observations);
    assert_eq!(review.actions_from(middle).count(), 1);
    assert_eq!(review.moments[0].explained_by, [middle]);
}

#[test]
fn undo_restores_actions_and_moments_in_place() {
    let mut review = Review::new("r", "", 0);
    let first = review.add_action("a", None, 1).unwrap();
    review.add_action("b", None, 1);
    let removed = review.remove_action(first, 2).unwrap();
    review.restore_action(removed, 3);
    assert_eq!(
        review.actions.iter().map(|a| a.what.as_str()).collect::<Vec<_>>(),
        ["a", "b"]
    );

    let moment = review.add_moment("m1", 1).unwrap();
    review.add_moment("m2", 1);
    let removed = review.remove_moment(moment, 2).unwrap();
    review.restore_moment(removed, 3);
    assert_eq!(review.moments[0].text, "m1");
}

#[test]
fn explanations_toggle() {
    let mut review = Review::new("r", "", 0);
    let observation = review.add_observation(Q, "o", 1).unwrap();
    let moment = review.add_moment("m", 1).unwrap();
    review.toggle_explanation(moment, observation, 2);
    assert_eq!(review.moments[0].explained_by, [observation]);
    review.toggle_explanation(moment, observation, 3);
    assert!(review.moments[0].explained_by.is_empty());
}

#[test]
fn fields_change_only_when_different() {
    let mut review = Review::new("r", "t", 0);
    review.set_scene_field(SceneField::Facilitator, "Kim", 5);
    review.set_scene_field(SceneField::Facilitator, "Kim", 9);
    assert_eq!((review.scene.facilitator.as_str(), review.updated_at), ("Kim", 5));
    review.set_drill_field(DrillField::Host, "Ana", 6);
    review.set_drill_kind(Some(DrillKind::GameDay), 7);
    assert!(!review.drill.is_empty());
    let action = review.add_action("Write the runbook", None, 8).unwrap();
    review.set_action_field(action, ActionField::Owner, "Liz", 10);
    assert_eq!(review.actions[0].owner, "Liz");
}

#[test]
fn a_duplicate_keeps_everything_but_id_title_and_times() {
    let mut review = Review::new("r", "Outage", 1);
    let observation = review.add_observation(Q, "a", 2).unwrap();
    review.add_action("b", Some(observation), 3);
    let copy = review.duplicate("r2", 9);
    assert_eq!(
        (copy.id.as_str(), copy.title.as_str(), copy.created_at),
        ("r2", "Copy of Outage", 9)
    );
    assert_eq!(
        (copy.observations.clone(), copy.actions.clone()),
        (review.observations, review.actions)
    );
}

#[test]
fn luck_and_dial_keys_round_trip() {
    for luck in Luck::ALL {
        assert_eq!(Luck::from_key(luck.key()), Some(luck));
    }
    for dial in Dial::ALL {
        assert_eq!(Dial::from_key(dial.key()), Some(dial));
    }
    assert_eq!(Dial::from_key(""), None);
}

#[test]
fn untitled_reviews_get_a_display_title() {
    assert_eq!(Review::new("r", "  ", 0).display_title(), "Untitled review");
    assert_eq!(Review::new("r", "DB failover", 0).display_title(), "DB failover");
}

#[test]
fn what_success_looks_like_is_stored_only_once_written() {
    let mut review = Review::new("r", "", 0);
    let json = serde_json::to_string(&review.drill).unwrap();
    assert!(!json.contains("success"), "{json}");
    review.set_drill_field(DrillField::Success, "The page fires within 2 minutes", 3);
    assert!(!review.drill.is_empty());
    assert_eq!(review.updated_at, 3);
    let json = serde_json::to_string(&review.drill).unwrap();
    let back: DrillPlan = serde_json::from_str(&json).unwrap();
    assert_eq!(back.success, "The page fires within 2 minutes");
    // Plans stored before the field existed load with it empty.
    let old: DrillPlan =
        serde_json::from_str(r#"{"scenario":"x","host":"","participants":"","date":"","kind":null}"#).unwrap();
    assert_eq!(old.success, "");
}
