//! The workspace: every review in this browser, held in signals for the UI, with one way in for changes so
//! that every change is saved.

use gotlucky_core::{
    delete_review, load_reviews, save_review, Action, LoadProblem, MemoryStore, Moment,
    Observation, Removed, Review, Store, StoreError,
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

/// The last deletion, kept so that one Undo brings it back where it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    Review(Review),
    Observation {
        review: String,
        removed: Removed<Observation>,
    },
    Moment {
        review: String,
        removed: Removed<Moment>,
    },
    Action {
        review: String,
        removed: Removed<Action>,
    },
}

impl Deleted {
    /// What the undo notice says.
    pub fn describe(&self) -> String {
        match self {
            Deleted::Review(review) => {
                format!("Deleted \u{201c}{}\u{201d}.", review.display_title())
            }
            Deleted::Observation { .. } => "Observation deleted.".to_owned(),
            Deleted::Moment { .. } => "\u{201c}We got lucky\u{201d} moment deleted.".to_owned(),
            Deleted::Action { .. } => "Action deleted.".to_owned(),
        }
    }
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
    /// The last thing deleted, until it is undone or replaced by another deletion.
    pub deleted: RwSignal<Option<Deleted>>,
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
            deleted: RwSignal::new(None),
            store: StoredValue::new_local(store),
        }
    }

    /// Creates and saves a new review, and returns its id.
    pub fn start_review(&self, title: &str) -> String {
        self.insert(Review::new(
            browser::new_review_id(),
            title.trim(),
            browser::now(),
        ))
    }

    /// Copies a review under a new id, and returns the copy's id.
    pub fn duplicate_review(&self, id: &str) -> Option<String> {
        let copy = self
            .review_untracked(id)?
            .duplicate(browser::new_review_id(), browser::now());
        Some(self.insert(copy))
    }

    /// Deletes a review; `undo` brings it back.
    pub fn delete_review(&self, id: &str) {
        let Some(review) = self.review_untracked(id) else {
            return;
        };
        let result = self
            .store
            .with_value(|store| delete_review(store.as_ref(), id));
        self.report(result);
        self.reviews
            .update(|reviews| reviews.retain(|review| review.id != id));
        self.deleted.set(Some(Deleted::Review(review)));
    }

    /// A review by id, tracked: the caller re-runs when any review changes.
    pub fn review(&self, id: &str) -> Option<Review> {
        self.reviews
            .with(|reviews| reviews.iter().find(|review| review.id == id).cloned())
    }

    fn review_untracked(&self, id: &str) -> Option<Review> {
        self.reviews
            .with_untracked(|reviews| reviews.iter().find(|review| review.id == id).cloned())
    }

    /// Changes one review and saves it. This is the only way the UI changes a review.
    pub fn update<T>(&self, id: &str, change: impl FnOnce(&mut Review, u64) -> T) -> Option<T> {
        let now = browser::now();
        let mut outcome = None;
        self.reviews.update(|reviews| {
            if let Some(review) = reviews.iter_mut().find(|review| review.id == id) {
                outcome = Some((change(review, now), review.clone()));
            }
        });
        let (result, review) = outcome?;
        self.save(&review);
        Some(result)
    }

    /// Deletes an item of a review through `remove`, remembering it for undo.
    pub fn delete_item(&self, id: &str, remove: impl FnOnce(&mut Review, u64) -> Option<Deleted>) {
        if let Some(Some(deleted)) = self.update(id, remove) {
            self.deleted.set(Some(deleted));
        }
    }

    /// Brings back the last deletion, where it was.
    pub fn undo(&self) {
        let Some(deleted) = self.deleted.get_untracked() else {
            return;
        };
        self.deleted.set(None);
        match deleted {
            Deleted::Review(review) => {
                self.save(&review);
                self.reviews.update(|reviews| {
                    reviews.push(review);
                    reviews.sort_by_key(|review| std::cmp::Reverse(review.updated_at));
                });
            }
            Deleted::Observation { review, removed } => {
                self.update(&review, |review, now| {
                    review.restore_observation(removed, now)
                });
            }
            Deleted::Moment { review, removed } => {
                self.update(&review, |review, now| review.restore_moment(removed, now));
            }
            Deleted::Action { review, removed } => {
                self.update(&review, |review, now| review.restore_action(removed, now));
            }
        }
    }

    fn insert(&self, review: Review) -> String {
        let id = review.id.clone();
        self.save(&review);
        self.reviews.update(|reviews| reviews.insert(0, review));
        id
    }

    fn save(&self, review: &Review) {
        let result = self
            .store
            .with_value(|store| save_review(store.as_ref(), review, browser::now(), APP_VERSION));
        self.report(result);
    }

    fn report(&self, result: Result<(), StoreError>) {
        self.save_status.set(match result {
            Ok(()) => SaveStatus::Saved,
            Err(error) => SaveStatus::NotSaved(error.to_string()),
        });
    }
}
