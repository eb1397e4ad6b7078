//! The meeting timer, computed from the instants a tab passes in: pausing, moving between steps, overrunning,
//! a tab asleep in the background, a clock going backwards, and the announcements at each threshold.

use gotlucky_core::meeting::{display_remaining, Announcement, MeetingPlan};
use gotlucky_core::{Mode, Review, STEPS};

const SECOND: u64 = 1_000;
const MINUTE: u64 = 60 * SECOND;
/// An instant well after the epoch, as a browser clock gives.
const T0: u64 = 1_770_000_000_000;

/// A 60-minute plan and a question step with 11 minutes.
fn plan() -> (MeetingPlan, &'static str) {
    let plan = MeetingPlan::default();
    let step = STEPS[1].id;
    assert_eq!(plan.minutes(step), 11);
    (plan, step)
}

fn ms(minutes: u64, seconds: u64) -> i64 {
    (minutes * MINUTE + seconds * SECOND) as i64
}

#[test]
fn a_running_step_counts_down_from_its_minutes() {
    let (mut plan, step) = plan();
    assert_eq!(
        plan.remaining_ms(step, T0),
        ms(11, 0),
        "a step that never ran has all its time"
    );
    plan.start_timer(step, T0);
    assert_eq!(plan.running_step(), Some(step));
    assert_eq!(plan.remaining_ms(step, T0 + 3 * MINUTE + 20 * SECOND), ms(7, 40));
    assert_eq!(plan.display(step, T0 + 3 * MINUTE + 20 * SECOND), "7:40 left");
    assert!(!plan.is_over(step, T0 + 10 * MINUTE));
    assert!(plan.is_over(step, T0 + 11 * MINUTE));
    assert_eq!(plan.display(step, T0 + 14 * MINUTE + 20 * SECOND), "over by 3:20");
    assert_eq!(plan.remaining_ms(step, T0 + 14 * MINUTE + 20 * SECOND), -ms(3, 20));
}

#[test]
fn pausing_stops_the_count_and_resuming_continues_it() {
    let (mut plan, step) = plan();
    plan.start_timer(step, T0);
    plan.pause_timer(step, T0 + 2 * MINUTE);
    assert_eq!(plan.running_step(), None);
    assert_eq!(
        plan.remaining_ms(step, T0 + 30 * MINUTE),
        ms(9, 0),
        "paused time does not count"
    );
    plan.start_timer(step, T0 + 30 * MINUTE);
    assert_eq!(plan.remaining_ms(step, T0 + 31 * MINUTE), ms(8, 0));
    plan.start_timer(step, T0 + 32 * MINUTE);
    assert_eq!(
        plan.remaining_ms(step, T0 + 33 * MINUTE),
        ms(6, 0),
        "starting a running step changes nothing"
    );
}

#[test]
fn each_step_keeps_its_own_time_and_only_one_runs() {
    let (mut plan, first) = plan();
    let second = STEPS[2].id;
    plan.start_timer(first, T0);
    plan.start_timer(second, T0 + 4 * MINUTE);
    assert_eq!(plan.running_step(), Some(second));
    assert!(!plan.timer(first).is_running());
    assert_eq!(plan.remaining_ms(first, T0 + 20 * MINUTE), ms(7, 0));
    assert_eq!(plan.remaining_ms(second, T0 + 6 * MINUTE), ms(9, 0));
    // Moving back while the timer runs takes the timer along, continuing where the step stopped.
    plan.follow_step(first, T0 + 6 * MINUTE);
    assert_eq!(plan.running_step(), Some(first));
    assert_eq!(plan.remaining_ms(first, T0 + 7 * MINUTE), ms(6, 0));
    assert_eq!(plan.remaining_ms(second, T0 + 60 * MINUTE), ms(9, 0));
}

#[test]
fn moving_while_paused_starts_nothing() {
    let (mut plan, step) = plan();
    plan.follow_step(step, T0);
    assert_eq!(plan.running_step(), None);
    assert_eq!(plan, MeetingPlan::default());
}

#[test]
fn five_more_minutes_and_reset() {
    let (mut plan, step) = plan();
    plan.start_timer(step, T0);
    assert!(plan.is_over(step, T0 + 12 * MINUTE));
    plan.add_five_minutes(step);
    plan.add_five_minutes(step);
    assert_eq!(plan.remaining_ms(step, T0 + 12 * MINUTE), ms(9, 0));
    assert_eq!(plan.allowed_ms(step), 21 * MINUTE);
    plan.reset_timer(step);
    assert_eq!(plan.running_step(), None);
    assert_eq!(plan.remaining_ms(step, T0 + 20 * MINUTE), ms(11, 0));
    plan.add_five_minutes("no-such-step");
    plan.start_timer("no-such-step", T0);
    assert!(plan.timers.is_empty());
}

#[test]
fn a_clock_going_backwards_never_makes_elapsed_time_negative() {
    let (mut plan, step) = plan();
    plan.start_timer(step, T0);
    assert_eq!(plan.remaining_ms(step, T0 - 5 * MINUTE), ms(11, 0));
    plan.pause_timer(step, T0 + MINUTE);
    plan.start_timer(step, T0 + 10 * MINUTE);
    // The clock is set back while the step runs: the minute already run stays, nothing is taken off.
    assert_eq!(plan.remaining_ms(step, T0), ms(10, 0));
    plan.pause_timer(step, T0);
    assert_eq!(plan.timer(step).elapsed_ms(T0 + 99 * MINUTE), MINUTE);
}

#[test]
fn the_state_read_back_from_storage_shows_the_same_remaining_time() {
    let mut review = Review::new("r", "Outage", T0);
    let step = STEPS[3].id;
    review.edit_meeting(T0, |plan| plan.start_timer(step, T0));
    let stored = serde_json::to_string(&review).unwrap();
    let other_tab: Review = serde_json::from_str(&stored).unwrap();
    let now = T0 + 4 * MINUTE + 500;
    assert_eq!(
        other_tab.meeting_plan().display(step, now),
        review.meeting_plan().display(step, now)
    );
    assert_eq!(other_tab.meeting_plan().display(step, now), "7:00 left");
}

#[test]
fn the_meeting_has_the_time_of_every_step_less_what_every_step_ran() {
    let (mut plan, step) = plan();
    assert_eq!(plan.meeting_remaining_ms(T0), ms(60, 0));
    plan.start_timer(STEPS[0].id, T0);
    plan.start_timer(step, T0 + 8 * MINUTE);
    plan.add_five_minutes(step);
    assert_eq!(plan.meeting_remaining_ms(T0 + 10 * MINUTE), ms(55, 0));
    assert_eq!(plan.meeting_remaining_ms(T0 + 70 * MINUTE), -ms(5, 0));
}

#[test]
fn the_display_rounds_so_the_last_second_shows_until_time_is_up() {
    assert_eq!(display_remaining(ms(12, 4)), "12:04 left");
    assert_eq!(display_remaining(ms(12, 3) + 1), "12:04 left");
    assert_eq!(display_remaining(1), "0:01 left");
    assert_eq!(display_remaining(0), "time is up");
    assert_eq!(display_remaining(-999), "time is up");
    assert_eq!(display_remaining(-1_000), "over by 0:01");
    assert_eq!(display_remaining(-ms(3, 20)), "over by 3:20");
    assert_eq!(display_remaining(ms(75, 0)), "75:00 left");
}

/// Every announcement a tab ticking once a second from `from` to `to` would make, with its instant.
fn announcements_ticking(plan: &MeetingPlan, step: &str, from: u64, to: u64) -> Vec<(u64, String)> {
    let mut said = Vec::new();
    let mut previous = from;
    for now in (from..=to).step_by(SECOND as usize).skip(1) {
        if let Some(announcement) = plan.announcement(step, previous, now) {
            said.push(((now - T0) / SECOND, announcement.text()));
        }
        previous = now;
    }
    said
}

#[test]
fn thresholds_are_announced_once_each_as_they_are_crossed() {
    let (mut plan, step) = plan();
    plan.start_timer(step, T0);
    let said = announcements_ticking(&plan, step, T0, T0 + 27 * MINUTE);
    let expected: Vec<(u64, String)> = [
        (9 * 60, "2 minutes left"),
        (11 * 60, "Time is up"),
        (16 * 60, "Over by 5 minutes"),
        (21 * 60, "Over by 10 minutes"),
        (26 * 60, "Over by 15 minutes"),
    ]
    .iter()
    .map(|(second, text)| (*second, text.to_string()))
    .collect();
    assert_eq!(said, expected);
}

#[test]
fn a_long_sleep_announces_only_the_latest_threshold() {
    let (mut plan, step) = plan();
    plan.start_timer(step, T0);
    assert_eq!(
        plan.announcement(step, T0 + MINUTE, T0 + 12 * MINUTE),
        Some(Announcement::TimeIsUp)
    );
    assert_eq!(
        plan.announcement(step, T0 + MINUTE, T0 + 23 * MINUTE),
        Some(Announcement::OverBy(10))
    );
    assert_eq!(
        plan.announcement(step, T0 + 23 * MINUTE, T0 + 24 * MINUTE),
        None,
        "said once"
    );
    assert_eq!(
        plan.announcement(step, T0 + 26 * MINUTE, T0 + 26 * MINUTE),
        None,
        "after a reload the same instant is passed twice"
    );
}

#[test]
fn nothing_is_announced_backwards_paused_or_after_more_time() {
    let (mut plan, step) = plan();
    plan.start_timer(step, T0);
    assert_eq!(plan.announcement(step, T0 + 12 * MINUTE, T0 + MINUTE), None);
    plan.pause_timer(step, T0 + 10 * MINUTE);
    assert_eq!(plan.announcement(step, T0 + 10 * MINUTE, T0 + 40 * MINUTE), None);
    plan.start_timer(step, T0 + 40 * MINUTE);
    assert_eq!(
        plan.announcement(step, T0 + 40 * MINUTE, T0 + 41 * MINUTE),
        Some(Announcement::TimeIsUp)
    );
    plan.add_five_minutes(step);
    // Five more minutes lift the step back above the threshold without a word, and it is said again later.
    assert_eq!(plan.announcement(step, T0 + 41 * MINUTE, T0 + 42 * MINUTE), None);
    assert_eq!(
        plan.announcement(step, T0 + 42 * MINUTE, T0 + 44 * MINUTE),
        Some(Announcement::TwoMinutesLeft)
    );
}

#[test]
fn a_step_shorter_than_two_minutes_starts_without_a_warning() {
    let mut plan = MeetingPlan::new(30);
    let step = STEPS.last().unwrap().id;
    plan.set_step_minutes(step, 1);
    plan.set_step_minutes(STEPS[0].id, plan.minutes(STEPS[0].id) + 1);
    assert_eq!(plan.minutes(step), 1);
    plan.start_timer(step, T0);
    assert_eq!(
        announcements_ticking(&plan, step, T0 - 5 * SECOND, T0 + 2 * MINUTE),
        [(60, "Time is up".to_owned())]
    );
}

#[test]
fn the_timer_is_off_in_a_self_reflection_until_turned_on() {
    let mut review = Review::new("r", "Outage", 0);
    assert!(review.timer_is_on());
    review.set_mode(Mode::SelfReflection, 1);
    assert!(!review.timer_is_on());
    review.edit_meeting(2, |plan| plan.set_timer_on(true));
    assert!(review.timer_is_on());
    review.set_mode(Mode::Facilitated, 3);
    review.edit_meeting(4, |plan| plan.set_timer_on(false));
    assert!(!review.timer_is_on());
}
