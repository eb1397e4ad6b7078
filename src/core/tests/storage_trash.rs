//! The trash, and deleting when storage is full.
//!
//! The bug this guards against: when the quota was used up, the banner told the facilitator to empty the trash
//! or delete old drafts, but deleting a draft first wrote it whole to the trash, which failed for lack of room,
//! and nothing was deleted: there was no way out.

mod storage_common;

use gotlucky_core::drafts::{
    delete_permanently, delete_review, empty_from_trash, move_to_trash, restore_from_trash, review_key, save_review,
    trash_key, trashed_reviews, Deletion,
};
use gotlucky_core::history::{history_key, record_revision};
use gotlucky_core::{load_reviews, MemoryStore, Review, Store, StoreError};
use storage_common::{as_stored, filled_review, full_copy_of, loaded_ids, NoRoomFor};

/// A store holding two drafts, the first with a long text so that it takes most of the room.
fn two_drafts() -> (MemoryStore, Review) {
    let store = MemoryStore::default();
    let mut big = filled_review("big");
    big.add_observation("decreasing.stop", &"A long observation. ".repeat(200), 110);
    save_review(&store, &big, 1, "test").unwrap();
    save_review(&store, &filled_review("other"), 1, "test").unwrap();
    (store, as_stored(&big))
}

fn keys_naming(store: &MemoryStore, id: &str) -> Vec<String> {
    store
        .keys()
        .unwrap()
        .into_iter()
        .filter(|key| key.contains(&format!(":{id}")))
        .collect()
}

#[test]
fn deleting_moves_to_the_trash_and_restoring_brings_it_back() {
    let store = MemoryStore::default();
    let review = Review::new("gone", "x", 1);
    save_review(&store, &review, 1, "test").unwrap();
    save_review(&store, &Review::new("kept", "y", 1), 1, "test").unwrap();
    delete_review(&store, &review, 2, "test").unwrap();
    assert_eq!(loaded_ids(&store), ["kept"]);
    assert_eq!(trashed_reviews(&store).unwrap(), vec![review.clone()]);

    restore_from_trash(&store, &review, 2, "test").unwrap();
    assert_eq!(load_reviews(&store).unwrap().reviews.len(), 2);
    assert!(trashed_reviews(&store).unwrap().is_empty());
}

#[test]
fn a_full_store_still_moves_a_review_to_the_trash() {
    let (roomy, big) = two_drafts();
    let store = full_copy_of(&roomy);
    // Writing the trash entry first, as deleting used to, does not fit.
    assert_eq!(
        store.write(
            &trash_key("big"),
            &gotlucky_core::drafts::encode_review(&big, 2, "test")
        ),
        Err(StoreError::QuotaExceeded)
    );
    assert_eq!(move_to_trash(&store, &big, 2, "test"), Ok(Deletion::Trashed));
    assert_eq!(loaded_ids(&store), ["other"]);
    assert_eq!(trashed_reviews(&store).unwrap(), vec![big.clone()]);
    assert_eq!(keys_naming(&store, "big"), [trash_key("big")]);
    // Emptying it from the trash makes room for new work.
    empty_from_trash(&store, "big").unwrap();
    save_review(&store, &Review::new("new", "After the clean-up", 3), 3, "test").unwrap();
}

#[test]
fn with_no_room_even_for_the_trash_the_review_is_deleted_and_the_caller_told() {
    let (store, big) = two_drafts();
    let no_trash = NoRoomFor {
        inner: &store,
        prefix: "gotlucky:v1:trash:",
    };
    assert_eq!(move_to_trash(&no_trash, &big, 2, "test"), Ok(Deletion::NotKept));
    assert_eq!(loaded_ids(&store), ["other"]);
    assert!(keys_naming(&store, "big").is_empty());
    // A caller that only reports errors says storage is full.
    save_review(&store, &big, 3, "test").unwrap();
    assert_eq!(
        delete_review(&no_trash, &big, 4, "test"),
        Err(StoreError::QuotaExceeded)
    );
    // The caller's copy brings it back (Undo), now that there is room for it again.
    restore_from_trash(&store, &big, 5, "test").unwrap();
    assert_eq!(load_reviews(&store).unwrap().reviews[0], big);
}

#[test]
fn other_failures_are_reported_and_delete_nothing() {
    struct Refusing<'a>(&'a MemoryStore);
    impl Store for Refusing<'_> {
        fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
            self.0.read(key)
        }
        fn write(&self, _: &str, _: &str) -> Result<(), StoreError> {
            Err(StoreError::Failed("blocked".to_owned()))
        }
        fn remove(&self, key: &str) -> Result<(), StoreError> {
            self.0.remove(key)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            self.0.keys()
        }
    }
    let (store, big) = two_drafts();
    assert!(move_to_trash(&Refusing(&store), &big, 2, "test").is_err());
    assert_eq!(loaded_ids(&store).len(), 2);
}

#[test]
fn deleting_permanently_frees_everything_of_a_review_on_a_full_store() {
    let (roomy, big) = two_drafts();
    record_revision(&roomy, &big, 1).unwrap();
    roomy
        .write("gotlucky:v1:backup:big:schema-1", r#"{"schema":1,"data":{"id":"big"}}"#)
        .unwrap();
    let store = full_copy_of(&roomy);
    delete_permanently(&store, "big").unwrap();
    assert!(
        keys_naming(&store, "big").is_empty(),
        "{:?}",
        keys_naming(&store, "big")
    );
    assert_eq!(store.read(&history_key("big")).unwrap(), None);
    assert_eq!(loaded_ids(&store), ["other"]);
    save_review(&store, &Review::new("new", "Room again", 3), 3, "test").unwrap();
}

#[test]
fn deleting_permanently_also_clears_a_review_already_in_the_trash() {
    let (store, big) = two_drafts();
    delete_review(&store, &big, 2, "test").unwrap();
    delete_permanently(&store, "big").unwrap();
    assert!(trashed_reviews(&store).unwrap().is_empty());
    assert_eq!(store.read(&review_key("big")).unwrap(), None);
}

#[test]
fn the_trash_lists_in_the_shared_order() {
    let store = MemoryStore::default();
    for (id, title, updated) in [("c", "b", 5), ("a", "b", 5), ("d", "a", 5), ("n", "z", 9)] {
        delete_review(&store, &Review::new(id, title, updated), 10, "test").unwrap();
    }
    let ids: Vec<String> = trashed_reviews(&store).unwrap().into_iter().map(|r| r.id).collect();
    assert_eq!(ids, ["n", "d", "a", "c"]);
}
