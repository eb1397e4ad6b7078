//! Room a facilitator can give back when storage is full: earlier versions (history) and the trash. The sizes
//! are in characters, which is what the browser's storage quota counts.

use super::keys::{review_id_of_trash_key, HISTORY_PREFIX, TRASH_PREFIX};
use super::trash::empty_from_trash;
use crate::history::{read_history, write_history};
use crate::store::{Store, StoreError};

/// Earlier versions of every review together keep at most this many characters; beyond it the largest history
/// gives back its earliest revisions first, so one long review cannot crowd out the drafts.
pub const MAX_ALL_HISTORY_CHARS: usize = 1_500_000;

/// How much history and trash take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpaceUsed {
    pub history: usize,
    pub trash: usize,
}

/// Measures the history and the trash.
pub fn space_used(store: &dyn Store) -> Result<SpaceUsed, StoreError> {
    let mut used = SpaceUsed::default();
    for key in store.keys()? {
        let size = || -> Result<usize, StoreError> {
            Ok(key.encode_utf16().count() + store.read(&key)?.map_or(0, |value| value.encode_utf16().count()))
        };
        if key.starts_with(HISTORY_PREFIX) {
            used.history += size()?;
        } else if key.starts_with(TRASH_PREFIX) {
            used.trash += size()?;
        }
    }
    Ok(used)
}

/// Deletes every earlier version of every review. The reviews themselves are untouched.
pub fn clear_history(store: &dyn Store) -> Result<(), StoreError> {
    for key in store.keys()? {
        if key.starts_with(HISTORY_PREFIX) {
            store.remove(&key)?;
        }
    }
    Ok(())
}

/// Deletes every review in the trash for good, with its history and migration backups.
pub fn empty_trash(store: &dyn Store) -> Result<(), StoreError> {
    for key in store.keys()? {
        if let Some(id) = review_id_of_trash_key(&key) {
            empty_from_trash(store, id)?;
        }
    }
    Ok(())
}

/// Keeps all history together within `MAX_ALL_HISTORY_CHARS`, dropping the earliest revision of the largest
/// history until it fits. A history's newest revision is never dropped.
pub fn bound_all_history(store: &dyn Store) -> Result<(), StoreError> {
    bound_all_history_to(store, MAX_ALL_HISTORY_CHARS)
}

pub(crate) fn bound_all_history_to(store: &dyn Store, limit: usize) -> Result<(), StoreError> {
    loop {
        let mut sizes = Vec::new();
        for key in store.keys()? {
            if let Some(id) = key.strip_prefix(HISTORY_PREFIX) {
                let size =
                    key.encode_utf16().count() + store.read(&key)?.map_or(0, |value| value.encode_utf16().count());
                sizes.push((size, id.to_owned()));
            }
        }
        if sizes.iter().map(|(size, _)| size).sum::<usize>() <= limit {
            return Ok(());
        }
        sizes.sort();
        let Some((_, largest)) = sizes.pop() else {
            return Ok(());
        };
        let mut revisions = read_history(store, &largest)?;
        if revisions.len() <= 1 {
            // Nothing left to give back here without losing a newest revision.
            return Ok(());
        }
        revisions.remove(0);
        write_history(store, &largest, &revisions)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::record_revision;
    use crate::review::Review;
    use crate::storage::trash::move_to_trash;
    use crate::store::MemoryStore;

    fn big(id: &str, title: &str) -> Review {
        let mut review = Review::new(id, title, 1);
        review.set_notes(&"x".repeat(10_000), 1);
        review
    }

    #[test]
    fn history_and_trash_are_measured_and_given_back() {
        let store = MemoryStore::default();
        let kept = big("kept", "kept");
        record_revision(&store, &kept, 1).unwrap();
        move_to_trash(&store, &big("gone", "gone"), 2, "t").unwrap();
        let used = space_used(&store).unwrap();
        assert!(used.history > 10_000 && used.trash > 10_000, "{used:?}");

        clear_history(&store).unwrap();
        assert_eq!(space_used(&store).unwrap().history, 0);
        empty_trash(&store).unwrap();
        assert_eq!(space_used(&store).unwrap(), SpaceUsed::default());
        assert!(store.keys().unwrap().iter().all(|key| !key.contains("gone")));
    }

    #[test]
    fn all_history_together_stays_bounded_and_keeps_each_newest_revision() {
        let store = MemoryStore::default();
        for round in 0..4u64 {
            for id in ["a", "b"] {
                let mut review = big(id, id);
                review.set_title(&format!("{id} {round}"), round);
                record_revision(&store, &review, round * 1_000_000).unwrap();
            }
        }
        let before = space_used(&store).unwrap().history;
        bound_all_history_to(&store, before / 2).unwrap();
        let after = space_used(&store).unwrap().history;
        assert!(after <= before / 2, "{after} > {}", before / 2);
        for id in ["a", "b"] {
            let revisions = read_history(&store, id).unwrap();
            assert_eq!(revisions.last().unwrap().review.title, format!("{id} 3"));
        }
    }
}
