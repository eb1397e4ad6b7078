//! The meeting's time plan: how a length splits over the steps, editing one step, start times, and how the plan
//! is stored in a review without changing reviews that have none.

use gotlucky_core::meeting::{
    format_clock, parse_clock, propose_minutes, MeetingPlan, DEFAULT_LENGTH_MINUTES, MAX_LENGTH_MINUTES,
    MIN_LENGTH_MINUTES,
};
use gotlucky_core::{Review, StepKind, STEPS};
use proptest::prelude::*;

fn minutes_of(plan: &MeetingPlan, kind: StepKind) -> Vec<u32> {
    STEPS
        .iter()
        .filter(|step| step.kind == kind)
        .map(|step| plan.minutes(step.id))
        .collect()
}

#[test]
fn every_length_splits_into_exactly_its_minutes_over_every_step() {
    for length in MIN_LENGTH_MINUTES..=MAX_LENGTH_MINUTES {
        let split = propose_minutes(length);
        let ids: Vec<&str> = split.iter().map(|planned| planned.step.as_str()).collect();
        let catalogue: Vec<&str> = STEPS.iter().map(|step| step.id).collect();
        assert_eq!(ids, catalogue, "length {length}");
        assert_eq!(
            split.iter().map(|planned| planned.minutes).sum::<u32>(),
            length,
            "length {length}"
        );
        assert!(
            split.iter().all(|planned| planned.minutes >= 1),
            "length {length}: {split:?}"
        );
    }
}

#[test]
fn the_scene_is_short_the_questions_take_most_and_actions_and_review_close() {
    for length in MIN_LENGTH_MINUTES..=MAX_LENGTH_MINUTES {
        let plan = MeetingPlan::new(length);
        let scene = minutes_of(&plan, StepKind::Scene)[0];
        let questions = minutes_of(&plan, StepKind::Questions);
        let closing = minutes_of(&plan, StepKind::Actions)[0] + minutes_of(&plan, StepKind::Summary)[0];
        assert_eq!(questions.len(), 4);
        assert!(
            questions.iter().all(|minutes| *minutes > scene),
            "length {length}: {questions:?} vs {scene}"
        );
        assert!(
            questions.iter().sum::<u32>() * 2 > length,
            "length {length}: questions get most of it"
        );
        assert!(closing < questions.iter().sum::<u32>(), "length {length}");
        let last_two: Vec<StepKind> = STEPS[STEPS.len() - 2..].iter().map(|step| step.kind).collect();
        assert_eq!(last_two, [StepKind::Actions, StepKind::Summary]);
    }
    let hour: Vec<u32> = MeetingPlan::default().step_minutes().iter().map(|(_, m)| *m).collect();
    assert_eq!(hour, [5, 11, 11, 11, 11, 8, 3]);
}

#[test]
fn lengths_are_clamped_to_half_an_hour_to_three_hours() {
    assert_eq!(MeetingPlan::default().length_minutes, DEFAULT_LENGTH_MINUTES);
    assert_eq!(DEFAULT_LENGTH_MINUTES, 60);
    for (asked, got) in [(0, 30), (29, 30), (30, 30), (181, 180), (10_000, 180), (u32::MAX, 180)] {
        let plan = MeetingPlan::new(asked);
        assert_eq!((plan.length_minutes, plan.total_minutes()), (got, got), "asked {asked}");
        let mut edited = MeetingPlan::default();
        assert_eq!(edited.set_length(asked), got);
        assert_eq!(edited.total_minutes(), got);
    }
}

#[test]
fn changing_one_step_keeps_the_others_and_the_length_becomes_the_sum() {
    let mut plan = MeetingPlan::default();
    let before = plan.step_minutes();
    let scene = STEPS[0].id;
    assert_eq!(plan.set_step_minutes(scene, 15), Some(15));
    assert_eq!(plan.length_minutes, 70);
    assert_eq!(plan.total_minutes(), 70);
    for ((step, old), (_, new)) in before.iter().zip(plan.step_minutes()).skip(1) {
        assert_eq!(*old, new, "{step} changed");
    }
    assert_eq!(plan.set_step_minutes("no-such-step", 5), None);
    assert_eq!(plan.total_minutes(), 70);
}

#[test]
fn a_step_cannot_push_the_length_out_of_bounds() {
    let mut plan = MeetingPlan::new(30);
    let review_step = STEPS.last().unwrap().id;
    let others = 30 - plan.minutes(review_step);
    // Asking for 0 would make the meeting shorter than 30 minutes; the step keeps what the bound needs.
    assert_eq!(plan.set_step_minutes(review_step, 0), Some(30 - others));
    assert_eq!(plan.length_minutes, 30);
    let mut plan = MeetingPlan::new(170);
    let others = 170 - plan.minutes(review_step);
    assert_eq!(plan.set_step_minutes(review_step, 500), Some(180 - others));
    assert_eq!(plan.length_minutes, 180);
}

#[test]
fn a_new_length_splits_afresh() {
    let mut plan = MeetingPlan::default();
    plan.set_step_minutes(STEPS[0].id, 40);
    plan.set_length(90);
    assert_eq!(plan, MeetingPlan::new(90));
}

#[test]
fn steps_start_one_after_another_as_offsets_or_clock_times() {
    let mut plan = MeetingPlan::default();
    let offsets: Vec<u32> = plan.start_offsets().iter().map(|(_, offset)| *offset).collect();
    assert_eq!(offsets, [0, 5, 16, 27, 38, 49, 57]);
    assert_eq!(plan.start_offset(STEPS[2].id), Some(16));
    assert_eq!(plan.time_at(16), "0:16");
    assert_eq!(plan.time_at(75), "1:15");
    plan.start_time = "14:30".to_owned();
    assert_eq!(plan.time_at(16), "14:46");
    plan.start_time = "23:50".to_owned();
    assert_eq!(plan.time_at(16), "00:06", "wraps past midnight");
    plan.start_time = "half past two".to_owned();
    assert_eq!(plan.time_at(16), "0:16", "an unreadable start time gives offsets");
}

#[test]
fn clock_times_read_only_as_24_hour_hours_and_minutes() {
    assert_eq!(parse_clock("09:05"), Some(545));
    assert_eq!(parse_clock(" 9:05 "), Some(545));
    assert_eq!(parse_clock("23:59"), Some(1439));
    for bad in [
        "", "24:00", "12:60", "9:5", "123:00", "ab:cd", "12", "12:00:00", "-1:00",
    ] {
        assert_eq!(parse_clock(bad), None, "{bad:?}");
    }
    assert_eq!(format_clock(545), "09:05");
}

#[test]
fn a_review_without_a_meeting_stores_exactly_as_before() {
    let mut review = Review::new("r1", "Outage", 5);
    let observation = review.add_observation("decreasing.normalised", "a", 6).unwrap();
    review.add_moment("m", 6);
    review.add_action("b", Some(observation), 6);
    let json = serde_json::to_string(&review).unwrap();
    assert!(!json.contains("meeting") && !json.contains("source"), "{json}");
    let read: Review = serde_json::from_str(&json).unwrap();
    assert_eq!(read, review);
}

#[test]
fn a_meeting_plan_with_its_timer_round_trips_through_json() {
    let mut review = Review::new("r1", "Outage", 5);
    review.edit_meeting(7, |plan| {
        plan.set_length(90);
        plan.start_time = "10:00".to_owned();
        plan.start_timer(STEPS[1].id, 1_000);
        plan.add_five_minutes(STEPS[1].id);
    });
    assert_eq!(review.updated_at, 7);
    let json = serde_json::to_value(&review).unwrap();
    assert_eq!(json["meeting"]["length_minutes"], 90);
    assert_eq!(json["meeting"]["steps"][0]["step"], STEPS[0].id);
    assert_eq!(json["meeting"]["timers"][STEPS[1].id]["running_since"], 1_000);
    assert_eq!(json["meeting"]["timers"][STEPS[1].id]["extra_minutes"], 5);
    let read: Review = serde_json::from_value(json).unwrap();
    assert_eq!(read, review);
}

#[test]
fn editing_the_meeting_without_a_change_is_not_an_edit() {
    let mut review = Review::new("r1", "Outage", 5);
    review.edit_meeting(6, |plan| plan.set_length(60));
    assert_eq!(review.updated_at, 6, "making the plan is an edit");
    review.edit_meeting(9, |plan| plan.set_length(60));
    assert_eq!(review.updated_at, 6);
}

proptest! {
    #[test]
    fn any_edits_keep_the_length_equal_to_the_sum_and_within_bounds(
        length in 0u32..400,
        edits in proptest::collection::vec((0usize..STEPS.len(), 0u32..300), 0..20),
    ) {
        let mut plan = MeetingPlan::new(length);
        prop_assert_eq!(plan.total_minutes(), length.clamp(30, 180));
        for (step, minutes) in edits {
            let set = plan.set_step_minutes(STEPS[step].id, minutes).unwrap();
            prop_assert_eq!(plan.minutes(STEPS[step].id), set);
            prop_assert_eq!(plan.length_minutes, plan.total_minutes());
            prop_assert!((30..=180).contains(&plan.length_minutes));
            if set != minutes {
                // Only the bounds change what was asked for.
                prop_assert!(plan.length_minutes == 30 || plan.length_minutes == 180);
            }
        }
    }
}
