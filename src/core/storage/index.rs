//! The index: the ids of the drafts, so that a draft whose head vanished (cleared by the browser, say) is
//! noticed and reported instead of silently missing. Heads found in storage count as drafts too, so a damaged
//! or missing index never hides one.

use super::keys::INDEX_KEY;
use crate::store::{Store, StoreError};

/// The ids the index lists. A damaged index reads as empty: drafts are also found by their heads.
pub(crate) fn read_index(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    Ok(store
        .read(INDEX_KEY)?
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default())
}

fn write_index(store: &dyn Store, ids: &[String]) -> Result<(), StoreError> {
    store.write(
        INDEX_KEY,
        &serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned()),
    )
}

/// Lists a draft in the index, unless it is already there.
pub(crate) fn add_to_index(store: &dyn Store, review_id: &str) -> Result<(), StoreError> {
    let mut ids = read_index(store)?;
    if ids.iter().any(|id| id == review_id) {
        return Ok(());
    }
    ids.push(review_id.to_owned());
    write_index(store, &ids)
}

/// Takes a draft out of the index. The index only shrinks, so this works on a full store.
pub(crate) fn remove_from_index(store: &dyn Store, review_id: &str) -> Result<(), StoreError> {
    let ids = read_index(store)?;
    if !ids.iter().any(|id| id == review_id) {
        return Ok(());
    }
    let kept: Vec<String> = ids.into_iter().filter(|id| id != review_id).collect();
    write_index(store, &kept)
}
