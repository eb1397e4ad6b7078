//! Revision history: earlier saved states of each review, so a facilitator can look back and restore one.
//!
//! A revision is recorded at most every `REVISION_INTERVAL_MS` of editing, and a review keeps its newest
//! revisions up to `MAX_REVISIONS` and `MAX_HISTORY_BYTES` of stored text, whichever comes first: the size bound
//! keeps one long review from filling the browser's storage.
//!
//! Revisions are kept in the order they were recorded, never sorted by their times: a clock set back or ahead
//! (by the user, by a time sync, on another machine) changes what a revision says about when it was recorded,
//! but never which one is the newest, nor which ones the bounds drop.

use serde::{Deserialize, Serialize};

use crate::review::Review;
pub use crate::storage::keys::history_key;
use crate::store::{Store, StoreError};

pub const REVISION_INTERVAL_MS: u64 = 2 * 60 * 1000;
pub const MAX_REVISIONS: usize = 30;
pub const MAX_HISTORY_BYTES: usize = 400_000;

/// One earlier state of a review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Revision {
    pub saved_at: u64,
    pub review: Review,
}

/// Whether a save at `now` should also record a revision, given when the last one was recorded: when the clock
/// has moved `REVISION_INTERVAL_MS` either way. A clock set back (so `now` is before the last record) records
/// again after the same interval instead of waiting for the clock to catch up, which could take years.
pub fn revision_due(last_recorded: Option<u64>, now: u64) -> bool {
    last_recorded.is_none_or(|last| now.abs_diff(last) >= REVISION_INTERVAL_MS)
}

/// Adds a revision as the newest, whatever its time, and drops the first recorded beyond the count and size
/// bounds. The newest is always kept.
pub fn add_revision(mut revisions: Vec<Revision>, review: &Review, now: u64) -> Vec<Revision> {
    if revisions.last().is_some_and(|last| last.review == *review) {
        return revisions;
    }
    revisions.push(Revision {
        saved_at: now,
        review: review.clone(),
    });
    while revisions.len() > MAX_REVISIONS
        || (revisions.len() > 1 && serde_json::to_string(&revisions).map_or(0, |text| text.len()) > MAX_HISTORY_BYTES)
    {
        revisions.remove(0);
    }
    revisions
}

/// The stored revisions of a review, oldest first. Unreadable history reads as empty: it is a convenience, and
/// the review itself is stored apart from it.
pub fn read_history(store: &dyn Store, review_id: &str) -> Result<Vec<Revision>, StoreError> {
    Ok(store
        .read(&history_key(review_id))?
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default())
}

/// Records the review as a revision, then keeps all history together within its bound (see
/// `storage::space::bound_all_history`).
pub fn record_revision(store: &dyn Store, review: &Review, now: u64) -> Result<(), StoreError> {
    let revisions = add_revision(read_history(store, &review.id)?, review, now);
    write_history(store, &review.id, &revisions)?;
    crate::storage::space::bound_all_history(store)
}

/// Stores a review's revisions, replacing what was there.
pub fn write_history(store: &dyn Store, review_id: &str, revisions: &[Revision]) -> Result<(), StoreError> {
    store.write(
        &history_key(review_id),
        &serde_json::to_string(revisions).unwrap_or_else(|_| "[]".to_owned()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    #[test]
    fn revisions_are_due_after_the_interval() {
        assert!(revision_due(None, 0));
        assert!(!revision_due(Some(1_000), 1_000 + REVISION_INTERVAL_MS - 1));
        assert!(revision_due(Some(1_000), 1_000 + REVISION_INTERVAL_MS));
    }

    #[test]
    fn a_clock_set_back_records_again_after_the_interval_not_after_catching_up() {
        let last = 10 * REVISION_INTERVAL_MS;
        assert!(!revision_due(Some(last), last - 1));
        assert!(revision_due(Some(last), last - REVISION_INTERVAL_MS));
        assert!(revision_due(Some(u64::MAX), 0));
        assert!(revision_due(Some(0), u64::MAX));
    }

    #[test]
    fn history_keeps_the_newest_within_count_and_size() {
        let mut revisions = Vec::new();
        for n in 0..(MAX_REVISIONS as u64 + 5) {
            revisions = add_revision(revisions, &Review::new("r", format!("title {n}"), n), n);
        }
        assert_eq!(revisions.len(), MAX_REVISIONS);
        assert_eq!(
            revisions.last().unwrap().review.title,
            format!("title {}", MAX_REVISIONS + 4)
        );

        let mut big = Review::new("r", "big", 0);
        big.add_observation("decreasing.normalised", &"x".repeat(MAX_HISTORY_BYTES / 3), 1);
        let mut revisions = Vec::new();
        for n in 0..5 {
            big.set_title(&format!("big {n}"), n);
            revisions = add_revision(revisions, &big, n);
        }
        assert!(revisions.len() < 5 && !revisions.is_empty());
        assert_eq!(revisions.last().unwrap().review.title, "big 4");
    }

    #[test]
    fn an_unchanged_review_is_not_recorded_twice_and_history_round_trips() {
        let store = MemoryStore::default();
        let review = Review::new("r", "same", 1);
        record_revision(&store, &review, 10).unwrap();
        record_revision(&store, &review, 20).unwrap();
        assert_eq!(
            read_history(&store, "r").unwrap(),
            vec![Revision { saved_at: 10, review }]
        );
        store.write(&history_key("r"), "{damaged").unwrap();
        assert!(read_history(&store, "r").unwrap().is_empty());
    }
}
