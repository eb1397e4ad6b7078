//! The trash: a deleted review waits there, whole, until it is restored or emptied; and deleting for good.
//!
//! Deleting must work when storage is full, since deleting is how a facilitator makes room. Moving a review to
//! the trash first writes it whole under `trash:<id>` and only then removes its draft keys, so a crash in
//! between leaves it in both places rather than in neither. When that write does not fit, the draft's keys are
//! removed first, which frees about as much as the trash entry needs, and the write is tried again. If it still
//! does not fit, the review is no longer stored at all and `move_to_trash` says so: the caller still holds it,
//! to undo (which saves it again) or to export.

use super::envelope::encode_review;
use super::index::remove_from_index;
use super::keys::{backup_prefix, history_key, review_key, review_parts_prefix, trash_key, TRASH_PREFIX};
use super::migrations::decode_review;
use super::save::save_review;
use crate::order::sort_for_list;
use crate::review::Review;
use crate::store::{Store, StoreError};

/// Where a deleted review ended up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deletion {
    /// In the trash, from where `restore_from_trash` brings it back.
    Trashed,
    /// Removed from storage, but the trash had no room for it even after its draft was removed: the caller's
    /// copy is the only one left. Keep it for Undo, and say so.
    NotKept,
}

/// Moves a review to the trash, making room for it when storage is full (see the module's notes).
pub fn move_to_trash(store: &dyn Store, review: &Review, now: u64, app_version: &str) -> Result<Deletion, StoreError> {
    let entry = encode_review(review, now, app_version);
    let trash = trash_key(&review.id);
    match store.write(&trash, &entry) {
        Ok(()) => {
            remove_draft(store, &review.id)?;
            Ok(Deletion::Trashed)
        }
        Err(StoreError::QuotaExceeded) => {
            remove_draft(store, &review.id)?;
            match store.write(&trash, &entry) {
                Ok(()) => Ok(Deletion::Trashed),
                Err(StoreError::QuotaExceeded) => Ok(Deletion::NotKept),
                Err(error) => Err(error),
            }
        }
        Err(error) => Err(error),
    }
}

/// Moves a review to the trash, whole, from where `restore_from_trash` brings it back. When storage was too full
/// to keep it in the trash, the review is deleted anyway and the result is `Err(StoreError::QuotaExceeded)`, so a
/// caller that only reports errors says that storage is full; `move_to_trash` tells the two outcomes apart.
pub fn delete_review(store: &dyn Store, review: &Review, now: u64, app_version: &str) -> Result<(), StoreError> {
    match move_to_trash(store, review, now, app_version)? {
        Deletion::Trashed => Ok(()),
        Deletion::NotKept => Err(StoreError::QuotaExceeded),
    }
}

/// Removes a review's draft: its head first (so it no longer loads), then every part key of it, whatever its
/// generation (including any a crashed save left behind), then its index entry. Removing never needs room.
fn remove_draft(store: &dyn Store, review_id: &str) -> Result<(), StoreError> {
    store.remove(&review_key(review_id))?;
    remove_prefixed(store, &review_parts_prefix(review_id))?;
    remove_from_index(store, review_id)
}

fn remove_prefixed(store: &dyn Store, prefix: &str) -> Result<(), StoreError> {
    for key in store.keys()? {
        if key.starts_with(prefix) {
            store.remove(&key)?;
        }
    }
    Ok(())
}

/// The reviews in the trash, in list order (`sort_for_list`). Unreadable trash entries are left alone.
pub fn trashed_reviews(store: &dyn Store) -> Result<Vec<Review>, StoreError> {
    let mut reviews = Vec::new();
    for key in store.keys()? {
        if key.starts_with(TRASH_PREFIX) {
            if let Some(review) = store.read(&key)?.and_then(|raw| decode_review(&raw).ok()) {
                reviews.push(review);
            }
        }
    }
    sort_for_list(&mut reviews);
    Ok(reviews)
}

/// Takes a review out of the trash and saves it as a draft again.
pub fn restore_from_trash(store: &dyn Store, review: &Review, now: u64, app_version: &str) -> Result<(), StoreError> {
    save_review(store, review, now, app_version)?;
    store.remove(&trash_key(&review.id))
}

/// Deletes a review from the trash for good, with its history and migration backups.
pub fn empty_from_trash(store: &dyn Store, review_id: &str) -> Result<(), StoreError> {
    store.remove(&history_key(review_id))?;
    remove_prefixed(store, &backup_prefix(review_id))?;
    store.remove(&trash_key(review_id))
}

/// Deletes everything stored of a review at once, draft or trash, history and backups, writing nothing but a
/// shorter index: the way out when storage is too full even to move a review to the trash. The caller keeps its
/// copy (for Undo or export); nothing else does.
pub fn delete_permanently(store: &dyn Store, review_id: &str) -> Result<(), StoreError> {
    remove_draft(store, review_id)?;
    empty_from_trash(store, review_id)
}
