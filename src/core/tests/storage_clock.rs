//! Clocks set wrong: a draft saved with a time far ahead of this machine's clock (another machine, a skewed
//! backup), or far behind, must never hide the user's latest edits. Which save is the latest is decided by the
//! order of saves (the head's generation), never by the times they carry.

mod storage_common;

use gotlucky_core::drafts::{load_reviews, read_review, save_review, save_review_since};
use gotlucky_core::{sort_for_list, MemoryStore, Review};
use storage_common::{as_stored, loaded_ids};

const NOW: u64 = 1_767_225_600_000;
const YEAR: u64 = 365 * 24 * 60 * 60 * 1000;

#[test]
fn an_edit_saved_with_a_clock_behind_a_future_save_is_the_one_that_loads() {
    let store = MemoryStore::default();
    let mut review = Review::new("skew", "Saved on a fast clock", NOW + YEAR);
    review.add_observation("decreasing.normalised", "from the future", NOW + YEAR);
    save_review(&store, &review, NOW + YEAR, "test").unwrap();
    let previous = review.clone();
    // Back on a correct clock, the user edits: the edit is older by the clock, newer in fact.
    let first = review.observations[0].id;
    review.edit_observation(first, "edited today", NOW);
    review.set_title("Edited today", NOW);
    save_review_since(&store, &review, Some(&previous), NOW, "test").unwrap();
    let loaded = load_reviews(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.reviews, vec![as_stored(&review)]);
    assert_eq!(loaded.reviews[0].updated_at, NOW);
    assert_eq!(read_review(&store, "skew").unwrap(), Some(review));
}

#[test]
fn a_whole_save_with_a_clock_far_behind_replaces_a_newer_looking_one() {
    let store = MemoryStore::default();
    let ahead = Review::new("behind", "Ahead", NOW);
    save_review(&store, &ahead, NOW, "test").unwrap();
    // A machine whose clock reads 1970 saves the review whole (after a reload, say).
    let mut behind = ahead.clone();
    behind.set_title("Typed on a clock reading 1970", 5);
    save_review(&store, &behind, 5, "test").unwrap();
    assert_eq!(load_reviews(&store).unwrap().reviews, vec![behind]);
}

#[test]
fn drafts_with_times_ahead_of_the_clock_are_listed_and_none_is_dropped() {
    let store = MemoryStore::default();
    for (id, updated) in [
        ("today", NOW),
        ("future", NOW + 10 * YEAR),
        ("epoch", 0),
        ("max", u64::MAX),
    ] {
        save_review(&store, &Review::new(id, id, updated), NOW, "test").unwrap();
    }
    assert_eq!(loaded_ids(&store), ["max", "future", "today", "epoch"]);
    let mut reviews = load_reviews(&store).unwrap().reviews;
    reviews.reverse();
    sort_for_list(&mut reviews);
    assert_eq!(reviews.len(), 4);
    assert_eq!(reviews[0].id, "max");
}
