//! Stores for the storage tests: one that stops as a crashed tab would, and reviews to store.
#![allow(dead_code)]

use std::cell::Cell;

use gotlucky_core::{MemoryStore, Review, Store, StoreError};

/// A store over a `MemoryStore` that fails its `crash_at`-th change (write or remove, counting from 1) and every
/// change after it, as a tab that crashed at that moment would leave storage. Reads still work.
pub struct CrashingStore<'a> {
    pub inner: &'a MemoryStore,
    crash_at: usize,
    changes: Cell<usize>,
}

impl<'a> CrashingStore<'a> {
    pub fn new(inner: &'a MemoryStore, crash_at: usize) -> Self {
        CrashingStore {
            inner,
            crash_at,
            changes: Cell::new(0),
        }
    }

    /// How many changes were asked for, including refused ones.
    pub fn changes(&self) -> usize {
        self.changes.get()
    }

    fn change(&self) -> Result<(), StoreError> {
        self.changes.set(self.changes.get() + 1);
        if self.changes.get() >= self.crash_at {
            Err(StoreError::Failed("the tab crashed".to_owned()))
        } else {
            Ok(())
        }
    }
}

impl Store for CrashingStore<'_> {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.read(key)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.change()?;
        self.inner.write(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.change()?;
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}

/// A review with observations under several questions, one of a retired question, moments and actions.
pub fn filled_review(id: &str) -> Review {
    let mut review = Review::new(id, "Cache stampede", 100);
    review.add_observation("decreasing.normalised", "We ignore flaky alerts", 101);
    review.add_observation("decreasing.normalised", "Only Sam knows the cache", 102);
    review.add_observation("increasing.measuring", "The dashboard showed it", 103);
    review.add_observation("retired.question", "From an older catalogue", 104);
    review.add_moment("Sam was online", 105);
    review
}

/// The ids of the reviews a store loads, in their order.
pub fn loaded_ids(store: &dyn Store) -> Vec<String> {
    gotlucky_core::load_reviews(store)
        .unwrap()
        .reviews
        .into_iter()
        .map(|review| review.id)
        .collect()
}

/// A review as saving and loading it gives it back: observations grouped by question, in the catalogue's order
/// (their order within a question is kept).
pub fn as_stored(review: &Review) -> Review {
    let store = MemoryStore::default();
    gotlucky_core::save_review(&store, review, 0, "test").unwrap();
    gotlucky_core::load_reviews(&store).unwrap().reviews.remove(0)
}

/// A copy of `store` whose quota is exactly what it holds: it is full.
pub fn full_copy_of(store: &MemoryStore) -> MemoryStore {
    let full = MemoryStore::with_quota(store.used());
    for key in store.keys().unwrap() {
        full.write(&key, &store.read(&key).unwrap().unwrap()).unwrap();
    }
    full
}

/// A store with no room for any key starting with `prefix`, however much it frees.
pub struct NoRoomFor<'a> {
    pub inner: &'a MemoryStore,
    pub prefix: &'a str,
}

impl Store for NoRoomFor<'_> {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner.read(key)
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if key.starts_with(self.prefix) {
            return Err(StoreError::QuotaExceeded);
        }
        self.inner.write(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner.remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner.keys()
    }
}
