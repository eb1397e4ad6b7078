//! The workspace: every review in this browser, held in signals for the UI, with one way in for changes so
//! that every change is saved.

use gotlucky_core::{
    load_reviews, save_review, LoadProblem, MemoryStore, Review, Store, StoreError,
};
use leptos::prelude::*;

use crate::browser;
use crate::storage::LocalStore;

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What the save indicator shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing has been changed since the app opened.
    Idle,
    Saved,
    NotSaved(String),
}

/// Shared by every component through context. It is `Copy`: all its parts are reactive handles.
#[derive(Clone, Copy)]
pub struct Workspace {
    pub reviews: RwSignal<Vec<Review>>,
    pub save_status: RwSignal<SaveStatus>,
    /// Stored entries that could not be read; they stay in storage untouched.
    pub problems: RwSignal<Vec<LoadProblem>>,
    /// Set when the browser refuses storage and the app runs from memory.
    pub storage_warning: RwSignal<Option<String>>,
    // The store is not `Send`, so it lives in a local (this-thread) stored value.
    store: StoredValue<Box<dyn Store>, LocalStorage>,
}

impl Workspace {
    /// Opens localStorage (or memory, with a warning) and loads every review in it.
    pub fn open() -> Self {
        let (store, storage_warning): (Box<dyn Store>, Option<String>) = match LocalStore::open() {
            Ok(store) => (Box::new(store), None),
            Err(error) => (
                Box::new(MemoryStore::default()),
                Some(format!(
                    "Drafts are kept in this tab only: {error}. Export before you close it."
                )),
            ),
        };
        let (reviews, problems) = match load_reviews(store.as_ref()) {
            Ok(loaded) => (loaded.reviews, loaded.problems),
            Err(error) => (
                Vec::new(),
                vec![LoadProblem {
                    key: String::new(),
                    reason: error.to_string(),
                }],
            ),
        };
        Workspace {
            reviews: RwSignal::new(reviews),
            save_status: RwSignal::new(SaveStatus::Idle),
            problems: RwSignal::new(problems),
            storage_warning: RwSignal::new(storage_warning),
            store: StoredValue::new_local(store),
        }
    }

    /// Creates and saves a new review, and returns its id.
    pub fn start_review(&self, title: &str) -> String {
        let review = Review::new(browser::new_review_id(), title.trim(), browser::now());
        let id = review.id.clone();
        self.save(&review);
        self.reviews.update(|reviews| reviews.insert(0, review));
        id
    }

    /// A review by id, tracked: the caller re-runs when it changes.
    pub fn review(&self, id: &str) -> Option<Review> {
        self.reviews
            .with(|reviews| reviews.iter().find(|review| review.id == id).cloned())
    }

    /// Changes one review and saves it. This is the only way the UI changes a review.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Review, u64)) {
        let now = browser::now();
        let mut changed = None;
        self.reviews.update(|reviews| {
            if let Some(review) = reviews.iter_mut().find(|review| review.id == id) {
                change(review, now);
                changed = Some(review.clone());
            }
        });
        if let Some(review) = changed {
            self.save(&review);
        }
    }

    fn save(&self, review: &Review) {
        let result: Result<(), StoreError> = self
            .store
            .with_value(|store| save_review(store.as_ref(), review, browser::now(), APP_VERSION));
        self.save_status.set(match result {
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::NotSaved(error.to_string()),
        });
    }
}
