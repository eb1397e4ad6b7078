//! The workspace: every review in this browser, held in signals for the UI, with one way in for changes
//! (`update`) so that every change is saved.
//!
//! - `autosave`: debounced saving, flushing, and the save status;
//! - `sync`: changes made in other tabs, and conflicts with this one;
//! - `drafts`: creating, duplicating, deleting, the trash, undo, and backups;
//! - `history`: earlier versions of a review, and restoring one.

mod autosave;
mod drafts;
mod history;
mod meeting;
mod preferences;
mod space;
mod sync;
mod watch;

use gotlucky_core::drafts::{load_reviews, trashed_reviews};
use gotlucky_core::parts::Part;
use gotlucky_core::{Action, LoadProblem, MemoryStore, Moment, Observation, Removed, Review, Store};
use leptos::prelude::*;

pub use autosave::SaveStatus;

use crate::browser;
use crate::storage::LocalStore;

const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

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
    /// The version a restore replaced.
    Replaced(Review),
    /// The meeting's review before reflections were merged into it.
    Merged(Review),
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
            Deleted::Replaced(_) => "An earlier version was restored.".to_owned(),
            Deleted::Merged(_) => "Reflections merged.".to_owned(),
        }
    }
}

/// Shared by every component through context. It is `Copy`: all its parts are reactive or stored handles.
///
/// The reviews themselves are plain data outside the reactive graph; views subscribe to the parts they show
/// (see `watch`), so a keystroke in one field wakes only what reads that field. Nothing outside the workspace
/// writes its state: every change goes through `edit` or `update`, or one of the named operations.
#[derive(Clone, Copy)]
pub struct Workspace {
    /// Deleted reviews that can still be restored.
    trash: RwSignal<Vec<Review>>,
    save_status: RwSignal<SaveStatus>,
    /// Stored entries that could not be read; they stay in storage untouched.
    problems: RwSignal<Vec<LoadProblem>>,
    /// Set when the browser refuses storage and the app runs from memory.
    storage_warning: RwSignal<Option<String>>,
    /// The last thing deleted, until it is undone or replaced by another deletion.
    deleted: RwSignal<Option<Deleted>>,
    /// Other tabs' versions of reviews this tab was also changing, one per review; neither version of a review
    /// is saved over until the user resolves its conflict.
    conflicts: RwSignal<Vec<Review>>,
    /// Whether the browser agreed to keep this site's storage when space runs low (`None`: not asked yet).
    persisted: RwSignal<Option<bool>>,
    /// Every review in this browser, newest edit first, and which views read which of their parts.
    watch: watch::Reviews,
    /// Another window said where the facilitator is (see `meeting.rs`).
    presence_changed: Trigger,
    // The store and the bookkeeping below are not `Send`, so they live in local (this-thread) stored values.
    store: StoredValue<Box<dyn Store>, LocalStorage>,
    /// Ids of reviews changed in memory but not yet saved.
    dirty: StoredValue<Vec<String>, LocalStorage>,
    timer: StoredValue<Option<TimeoutHandle>, LocalStorage>,
    /// When the oldest unsaved change was made (`performance.now()`), so continuous typing cannot postpone its
    /// save past the maximum wait.
    pending_since: StoredValue<Option<f64>, LocalStorage>,
    /// Reviews another tab saved with a newer schema: this tab no longer writes them, so it cannot overwrite
    /// what the newer version wrote.
    frozen: StoredValue<Vec<String>, LocalStorage>,
    /// The version of each review this tab last saved, to write only what changed since.
    saved: StoredValue<Vec<Review>, LocalStorage>,
    /// Text typed into "add" fields but not added yet, by field, so moving between steps never loses it. Kept in
    /// memory only: it is not part of the review until it is added.
    unfinished: StoredValue<Vec<(String, String)>, LocalStorage>,
    /// When each review last had a revision recorded in its history, this session.
    revisions: StoredValue<Vec<(String, u64)>, LocalStorage>,
}

impl Workspace {
    /// Opens localStorage (or memory, with a warning) and loads every review in it.
    pub fn open() -> Self {
        // Two measures for the benchmark: the browser opening its storage, and gotlucky reading the drafts.
        browser::mark_start("gotlucky:open-storage");
        let opened = LocalStore::open();
        browser::mark_end("gotlucky:open-storage");
        browser::mark_start("gotlucky:load");
        let (store, storage_warning): (Box<dyn Store>, Option<String>) = match opened {
            Ok(store) => (Box::new(store), None),
            Err(error) => (
                Box::new(MemoryStore::default()),
                Some(format!(
                    "Drafts are kept in this tab only, because {error}. Use \u{201c}Download a backup\u{201d} \
                     on the home screen before you close it."
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
        let trash = trashed_reviews(store.as_ref()).unwrap_or_default();
        browser::mark_end("gotlucky:load");
        Workspace {
            trash: RwSignal::new(trash),
            save_status: RwSignal::new(SaveStatus::Idle),
            problems: RwSignal::new(problems),
            storage_warning: RwSignal::new(storage_warning),
            deleted: RwSignal::new(None),
            conflicts: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            watch: watch::Reviews::new(reviews),
            presence_changed: Trigger::new(),
            store: StoredValue::new_local(store),
            dirty: StoredValue::new_local(Vec::new()),
            timer: StoredValue::new_local(None),
            pending_since: StoredValue::new_local(None),
            frozen: StoredValue::new_local(Vec::new()),
            saved: StoredValue::new_local(Vec::new()),
            unfinished: StoredValue::new_local(Vec::new()),
            revisions: StoredValue::new_local(Vec::new()),
        }
    }

    /// The ids of every review, newest edit first; tracked: the caller re-runs when a review is added or removed.
    pub fn review_ids(&self) -> Vec<String> {
        self.watch.ids()
    }

    /// Reads one part of a review; tracked: the caller re-runs only when that part changes. `read` must look at
    /// nothing but `part`, or it will show stale values.
    pub fn read<T>(&self, id: &str, part: Part, read: impl FnOnce(&Review) -> T) -> Option<T> {
        self.watch.read(id, Some(part), read)
    }

    /// Reads several parts of a review; tracked: the caller re-runs when any of them changes.
    pub fn read_parts<T>(
        &self,
        id: &str,
        parts: impl IntoIterator<Item = Part>,
        read: impl FnOnce(&Review) -> T,
    ) -> Option<T> {
        parts.into_iter().for_each(|part| self.watch.track(id, Some(part)));
        self.watch.read_untracked(id, read)
    }

    /// Reads a whole review; tracked: the caller re-runs on any change to it. For views that show everything
    /// and are not on screen while someone types (the summary, the export, the drafts list).
    pub fn read_whole<T>(&self, id: &str, read: impl FnOnce(&Review) -> T) -> Option<T> {
        self.watch.read(id, None, read)
    }

    /// A copy of a whole review, tracked as `read_whole`.
    pub fn review(&self, id: &str) -> Option<Review> {
        self.read_whole(id, Review::clone)
    }

    fn review_untracked(&self, id: &str) -> Option<Review> {
        self.watch.read_untracked(id, Review::clone)
    }

    /// The deleted reviews that can be restored, tracked.
    pub fn trash(&self) -> Signal<Vec<Review>> {
        self.trash.into()
    }

    pub fn save_status(&self) -> Signal<SaveStatus> {
        self.save_status.into()
    }

    /// Stored entries that could not be read, tracked.
    pub fn problems(&self) -> Signal<Vec<LoadProblem>> {
        self.problems.into()
    }

    /// Why drafts are at risk (storage blocked, a newer version in another tab), tracked.
    pub fn storage_warning(&self) -> Signal<Option<String>> {
        self.storage_warning.into()
    }

    /// The deletion that Undo would bring back, tracked.
    pub fn last_deleted(&self) -> Signal<Option<Deleted>> {
        self.deleted.into()
    }

    /// Hides the Undo notice; the deletion stands.
    pub fn dismiss_undo(&self) {
        self.deleted.set(None);
    }

    /// Other tabs' versions of the reviews this tab also changed, until the user chooses for each; tracked.
    pub fn conflicts(&self) -> Signal<Vec<Review>> {
        self.conflicts.into()
    }

    /// Whether the browser keeps this site's storage when space runs low, tracked.
    pub fn persisted(&self) -> Signal<Option<bool>> {
        self.persisted.into()
    }

    /// Changes one review and saves it at once: for discrete actions (add, delete, move, tag, link), which must
    /// survive even a tab that crashes a moment later.
    pub fn update<T>(&self, id: &str, change: impl FnOnce(&mut Review, u64) -> T) -> Option<T> {
        let result = self.edit(id, change);
        self.flush();
        result
    }

    /// Changes one review as the user types; it is saved about 300 ms after the last keystroke (see
    /// `autosave`). Together with `update`, this is the only way the UI changes a review.
    pub fn edit<T>(&self, id: &str, change: impl FnOnce(&mut Review, u64) -> T) -> Option<T> {
        let result = self.watch.change(id, |review| change(review, browser::now()));
        if result.is_some() {
            self.mark_dirty(id);
        }
        result
    }

    /// Deletes an item of a review through `remove`, remembering it for undo.
    pub fn delete_item(&self, id: &str, remove: impl FnOnce(&mut Review, u64) -> Option<Deleted>) {
        if let Some(Some(deleted)) = self.update(id, remove) {
            self.deleted.set(Some(deleted));
        }
    }

    /// Text typed into an "add" field and not added yet.
    pub fn unfinished(&self, field: &str) -> String {
        self.unfinished
            .with_value(|all| all.iter().find(|(key, _)| key == field).map(|(_, text)| text.clone()))
            .unwrap_or_default()
    }

    /// Remembers (or, when empty, forgets) what an "add" field holds.
    pub fn set_unfinished(&self, field: &str, text: &str) {
        self.unfinished.update_value(|all| {
            all.retain(|(key, _)| key != field);
            if !text.is_empty() {
                all.push((field.to_owned(), text.to_owned()));
            }
        });
    }

    /// The raw text of a stored entry, for downloading one that could not be read.
    pub fn raw_entry(&self, key: &str) -> Option<String> {
        self.store.with_value(|store| store.read(key).ok().flatten())
    }
}
