//! A save cut short leaves the stored review exactly as it was or exactly as saved, never a mix.
//!
//! The bug this guards against: a review is stored as a head and one part per question, and a save writes the
//! changed parts before the head. When schema 2 overwrote the parts in place, a tab that crashed (or hit the
//! quota) between the parts and the head left new observations under an old head: the loaded review was one no
//! one had ever saved. Each test here stops a save at every one of its writes and removes in turn, then loads.

mod storage_common;

use gotlucky_core::drafts::{load_reviews, read_review, review_key, save_review, save_review_since};
use gotlucky_core::{MemoryStore, Review, Store};
use storage_common::{as_stored, filled_review, CrashingStore};

/// The changes a save makes, counted without failing any.
fn changes_in(prepare: &dyn Fn(&MemoryStore), save: &dyn Fn(&dyn Store)) -> usize {
    let store = MemoryStore::default();
    prepare(&store);
    let counting = CrashingStore::new(&store, usize::MAX);
    save(&counting);
    counting.changes()
}

/// Stops `save` at each of its changes in turn and checks what loads is `before` or `after`.
fn crash_at_every_change(
    prepare: &dyn Fn(&MemoryStore),
    save: &dyn Fn(&dyn Store),
    before: Option<&Review>,
    after: &Review,
) {
    let before = before.map(as_stored);
    let before = before.as_ref();
    let after = &as_stored(after);
    let total = changes_in(prepare, save);
    assert!(total >= 2, "a save makes at least two changes here, found {total}");
    for crash_at in 1..=total + 1 {
        let store = MemoryStore::default();
        prepare(&store);
        save(&CrashingStore::new(&store, crash_at));
        let loaded = load_reviews(&store).unwrap();
        assert!(loaded.problems.is_empty(), "crash at {crash_at}: {:?}", loaded.problems);
        let found = loaded.reviews.iter().find(|review| review.id == after.id);
        assert!(
            found == before || found == Some(after),
            "crash at change {crash_at} of {total} loaded a review never saved: {found:#?}"
        );
        // Another tab reading it sees the same.
        assert_eq!(read_review(&store, &after.id).unwrap().as_ref(), found);
        // The head, once written, is what loads: a crash after it (while removing old parts) keeps the new one.
        if crash_at > total {
            assert_eq!(found, Some(after));
        }
    }
}

/// A version of `filled_review` changed in every way a save can see: the title, an edited observation, a new
/// question answered, and a question left with no observation.
fn changed(review: &Review) -> Review {
    let mut changed = review.clone();
    changed.set_title("Cache stampede, 3 March", 200);
    let first = changed.observations[0].id;
    changed.edit_observation(first, "We silence flaky alerts", 201);
    changed.add_observation("incentives.slo", "The SLO hid it", 202);
    let measuring = changed.observations[2].id;
    changed.remove_observation(measuring, 203);
    changed
}

#[test]
fn an_edit_cut_short_loads_as_the_old_or_the_new_version() {
    let old = filled_review("edit");
    let new = changed(&old);
    assert_ne!(old, new);
    let prepare = |store: &MemoryStore| save_review(store, &old, 1, "test").unwrap();
    let save = |store: &dyn Store| {
        let _ = save_review_since(store, &new, Some(&old), 2, "test");
    };
    crash_at_every_change(&prepare, &save, Some(&old), &new);
}

#[test]
fn a_whole_save_over_a_stored_review_cut_short_loads_as_one_version() {
    // After a reload, or after another tab wrote the review, the next save writes it whole.
    let old = filled_review("whole");
    let new = changed(&old);
    let prepare = |store: &MemoryStore| save_review(store, &old, 1, "test").unwrap();
    let save = |store: &dyn Store| {
        let _ = save_review(store, &new, 2, "test");
    };
    crash_at_every_change(&prepare, &save, Some(&old), &new);
}

#[test]
fn a_new_review_cut_short_is_either_absent_or_whole() {
    let new = filled_review("fresh");
    let prepare = |_: &MemoryStore| {};
    let save = |store: &dyn Store| {
        let _ = save_review(store, &new, 1, "test");
    };
    crash_at_every_change(&prepare, &save, None, &new);
}

#[test]
fn a_save_over_schema_2_parts_cut_short_loads_as_one_version() {
    let entries: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/schema-2-worksheet.json")).unwrap();
    let prepare = |store: &MemoryStore| {
        for (key, value) in &entries {
            store.write(key, value).unwrap();
        }
    };
    let store = MemoryStore::default();
    prepare(&store);
    let old = load_reviews(&store).unwrap().reviews.remove(0);
    let mut new = old.clone();
    let first = new.observations[0].id;
    new.edit_observation(first, "Only Amanda and Sam know the gateway", 10);
    let save = |store: &dyn Store| {
        let _ = save_review_since(store, &new, Some(&old), 11, "test");
    };
    crash_at_every_change(&prepare, &save, Some(&old), &new);
}

#[test]
fn a_save_retried_after_a_crash_stores_the_new_version_with_nothing_missing() {
    let old = filled_review("retry");
    let new = changed(&old);
    let total = changes_in(&|store| save_review(store, &old, 1, "test").unwrap(), &|store| {
        let _ = save_review_since(store, &new, Some(&old), 2, "test");
    });
    for crash_at in 1..=total {
        let store = MemoryStore::default();
        save_review(&store, &old, 1, "test").unwrap();
        let _ = save_review_since(&CrashingStore::new(&store, crash_at), &new, Some(&old), 2, "test");
        // The app keeps the last version it saved, so the retry is planned against the old one again.
        save_review_since(&store, &new, Some(&old), 3, "test").unwrap();
        let mut newer = new.clone();
        newer.add_observation("decreasing.stop", "and one more", 4);
        save_review_since(&store, &newer, Some(&new), 4, "test").unwrap();
        let loaded = load_reviews(&store).unwrap();
        assert!(loaded.problems.is_empty(), "crash at {crash_at}: {:?}", loaded.problems);
        assert_eq!(loaded.reviews, vec![as_stored(&newer)]);
    }
}

#[test]
fn a_crash_while_removing_replaced_parts_leaves_only_unread_keys() {
    let old = filled_review("leftover");
    let new = changed(&old);
    let store = MemoryStore::default();
    save_review(&store, &old, 1, "test").unwrap();
    let writes = gotlucky_core::drafts::review_writes(&new, Some(&old), 2, "test").len();
    // Crash right after the head: no replaced part is removed.
    let _ = save_review_since(&CrashingStore::new(&store, writes + 1), &new, Some(&old), 2, "test");
    assert_eq!(load_reviews(&store).unwrap().reviews, vec![as_stored(&new)]);
    let keys_of_review = |store: &MemoryStore| {
        store
            .keys()
            .unwrap()
            .into_iter()
            .filter(|key| key.starts_with(&review_key("leftover")))
            .count()
    };
    assert!(keys_of_review(&store) > writes);
    // Deleting the review removes those too.
    gotlucky_core::drafts::delete_review(&store, &new, 3, "test").unwrap();
    assert_eq!(keys_of_review(&store), 0);
}
