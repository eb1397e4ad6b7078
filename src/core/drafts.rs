//! The storage schema for drafts: which keys hold what, and the envelope around every stored review.
//!
//! Each review is stored under its own key as `{schema, saved_at, app_version, data}`, so one damaged entry
//! never takes the others with it.

use serde::{Deserialize, Serialize};

use crate::review::Review;
use crate::store::{Store, StoreError};

/// Every key gotlucky writes starts with this, so other apps on the same origin are left alone.
pub const KEY_PREFIX: &str = "gotlucky:v1:";
const REVIEW_PREFIX: &str = "gotlucky:v1:review:";

/// The shape of `data` in the envelope. Raise it only together with a migration.
pub const SCHEMA_VERSION: u32 = 1;

/// The key under which a review is stored.
pub fn review_key(review_id: &str) -> String {
    format!("{REVIEW_PREFIX}{review_id}")
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    saved_at: u64,
    app_version: &'a str,
    data: &'a Review,
}

#[derive(Deserialize)]
struct EnvelopeIn {
    schema: u32,
    data: serde_json::Value,
}

/// Serialises and writes one review.
pub fn save_review(
    store: &dyn Store,
    review: &Review,
    now: u64,
    app_version: &str,
) -> Result<(), StoreError> {
    let envelope = EnvelopeOut {
        schema: SCHEMA_VERSION,
        saved_at: now,
        app_version,
        data: review,
    };
    // Serialising plain data with string keys cannot fail; report it as a store failure all the same.
    let json =
        serde_json::to_string(&envelope).map_err(|error| StoreError::Failed(error.to_string()))?;
    store.write(&review_key(&review.id), &json)
}

/// Removes a review from the store.
pub fn delete_review(store: &dyn Store, review_id: &str) -> Result<(), StoreError> {
    store.remove(&review_key(review_id))
}

/// A stored entry that could not be loaded. It is left where it is, untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub key: String,
    pub reason: String,
}

/// What loading found: the reviews that read well, newest first, and the entries that did not.
#[derive(Debug, Default)]
pub struct LoadedDrafts {
    pub reviews: Vec<Review>,
    pub problems: Vec<LoadProblem>,
}

/// Reads every stored review. A damaged entry is reported, never deleted, and does not stop the others.
pub fn load_reviews(store: &dyn Store) -> Result<LoadedDrafts, StoreError> {
    let mut loaded = LoadedDrafts::default();
    for key in store.keys()? {
        if !key.starts_with(REVIEW_PREFIX) {
            continue;
        }
        let Some(raw) = store.read(&key)? else {
            continue;
        };
        match decode_review(&raw) {
            Ok(review) => loaded.reviews.push(review),
            Err(reason) => loaded.problems.push(LoadProblem { key, reason }),
        }
    }
    loaded.reviews.sort_by(|a, b| {
        b.updated_at
            .cmp(&a.updated_at)
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(loaded)
}

fn decode_review(raw: &str) -> Result<Review, String> {
    let envelope: EnvelopeIn = serde_json::from_str(raw)
        .map_err(|error| format!("the saved draft is damaged ({error})"))?;
    if envelope.schema > SCHEMA_VERSION {
        return Err(format!(
            "this draft was saved by a newer version of gotlucky (format {}); it is kept as it is",
            envelope.schema
        ));
    }
    serde_json::from_value(envelope.data)
        .map_err(|error| format!("the saved draft has an unexpected shape ({error})"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    #[test]
    fn a_saved_review_loads_back_equal() {
        let store = MemoryStore::default();
        let mut review = Review::new("abc", "Cache stampede", 100);
        review.add_observation("decreasing.normalised", "We ignore flaky alerts", 200);
        save_review(&store, &review, 300, "test").unwrap();
        let loaded = load_reviews(&store).unwrap();
        assert_eq!(loaded.reviews, vec![review]);
        assert!(loaded.problems.is_empty());
    }

    #[test]
    fn a_deleted_review_no_longer_loads() {
        let store = MemoryStore::default();
        save_review(&store, &Review::new("gone", "x", 1), 1, "test").unwrap();
        save_review(&store, &Review::new("kept", "y", 1), 1, "test").unwrap();
        delete_review(&store, "gone").unwrap();
        let ids: Vec<String> = load_reviews(&store)
            .unwrap()
            .reviews
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["kept"]);
    }

    #[test]
    fn reviews_load_newest_first() {
        let store = MemoryStore::default();
        for (id, updated) in [("old", 1), ("new", 3), ("mid", 2)] {
            save_review(&store, &Review::new(id, id, updated), 9, "test").unwrap();
        }
        let ids: Vec<String> = load_reviews(&store)
            .unwrap()
            .reviews
            .into_iter()
            .map(|r| r.id)
            .collect();
        assert_eq!(ids, ["new", "mid", "old"]);
    }

    #[test]
    fn damaged_and_newer_entries_are_reported_and_left_in_place() {
        let store = MemoryStore::default();
        save_review(&store, &Review::new("good", "fine", 1), 1, "test").unwrap();
        store.write(&review_key("broken"), "{not json").unwrap();
        let newer = r#"{"schema":99,"saved_at":1,"app_version":"9","data":{}}"#;
        store.write(&review_key("future"), newer).unwrap();
        store.write("someone-else", "{").unwrap();

        let loaded = load_reviews(&store).unwrap();
        assert_eq!(loaded.reviews.len(), 1);
        let keys: Vec<&str> = loaded.problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys, [review_key("broken"), review_key("future")]);
        assert!(loaded.problems[1].reason.contains("newer version"));
        assert_eq!(
            store.read(&review_key("future")).unwrap().as_deref(),
            Some(newer)
        );
        assert_eq!(
            store.read(&review_key("broken")).unwrap().as_deref(),
            Some("{not json")
        );
    }
}
