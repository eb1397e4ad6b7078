//! Revision history under a clock set wrong: a clock moved back must neither stop history from being recorded
//! (it used to wait until the clock caught up with the last record) nor make the bounds drop the newest revision.

use gotlucky_core::history::{
    add_revision, read_history, record_revision, revision_due, MAX_REVISIONS, REVISION_INTERVAL_MS,
};
use gotlucky_core::{MemoryStore, Review};

const NOW: u64 = 1_767_225_600_000;
const YEAR: u64 = 365 * 24 * 60 * 60 * 1000;

#[test]
fn after_a_revision_recorded_on_a_fast_clock_history_goes_on() {
    let last = NOW + YEAR;
    assert!(!revision_due(Some(last), last - REVISION_INTERVAL_MS + 1));
    assert!(revision_due(Some(last), NOW));
    assert!(revision_due(Some(last), NOW + REVISION_INTERVAL_MS));
    // And when the clock jumps ahead.
    assert!(revision_due(Some(NOW), NOW + YEAR));
}

#[test]
fn a_revision_recorded_with_an_earlier_time_is_still_the_newest() {
    let store = MemoryStore::default();
    let first = Review::new("r", "recorded on a fast clock", NOW + YEAR);
    record_revision(&store, &first, NOW + YEAR).unwrap();
    let second = Review::new("r", "recorded on a correct clock", NOW);
    record_revision(&store, &second, NOW).unwrap();
    let history = read_history(&store, "r").unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history.last().unwrap().review, second);
}

#[test]
fn the_bounds_drop_the_first_recorded_whatever_their_times() {
    let mut revisions = Vec::new();
    // Times that go backwards: each recorded revision carries an earlier time than the one before.
    for n in 0..(MAX_REVISIONS as u64 + 3) {
        let time = NOW + YEAR - n * REVISION_INTERVAL_MS;
        revisions = add_revision(revisions, &Review::new("r", format!("title {n}"), time), time);
    }
    assert_eq!(revisions.len(), MAX_REVISIONS);
    assert_eq!(revisions.first().unwrap().review.title, "title 3");
    assert_eq!(
        revisions.last().unwrap().review.title,
        format!("title {}", MAX_REVISIONS + 2)
    );
}

#[test]
fn times_at_the_ends_of_the_range_neither_panic_nor_stop_history() {
    assert!(revision_due(Some(0), u64::MAX));
    assert!(revision_due(Some(u64::MAX), 0));
    let revisions = add_revision(Vec::new(), &Review::new("r", "a", u64::MAX), u64::MAX);
    let revisions = add_revision(revisions, &Review::new("r", "b", 0), 0);
    assert_eq!(revisions.last().unwrap().review.title, "b");
}
