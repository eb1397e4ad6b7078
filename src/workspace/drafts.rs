//! Whole drafts: start, duplicate, delete to the trash, undo, restore, and backups in and out.

use gotlucky_core::backup::{export_backup, plan_import_at, ImportPlan};
use gotlucky_core::drafts::{empty_from_trash, restore_from_trash, save_review};
use gotlucky_core::storage::{move_to_trash, Deletion};
use gotlucky_core::Review;
use leptos::prelude::*;

use super::{Deleted, Workspace, APP_VERSION};
use crate::browser;

impl Workspace {
    /// Creates and saves a new review, and returns its id.
    pub fn start_review(&self, title: &str) -> String {
        self.insert(Review::new(browser::new_review_id(), title.trim(), browser::now()))
    }

    /// Copies a review under a new id, and returns the copy's id.
    pub fn duplicate_review(&self, id: &str) -> Option<String> {
        let copy = self
            .review_untracked(id)?
            .duplicate(browser::new_review_id(), browser::now());
        Some(self.insert(copy))
    }

    pub(super) fn insert(&self, review: Review) -> String {
        let id = review.id.clone();
        self.watch.put(review);
        self.mark_dirty(&id);
        self.flush();
        id
    }

    /// Moves a review to the trash; `undo` or `restore` brings it back.
    pub fn delete_review(&self, id: &str) {
        self.flush();
        let Some(review) = self.review_untracked(id) else {
            return;
        };
        let result = self
            .store
            .with_value(|store| move_to_trash(store.as_ref(), &review, browser::now(), APP_VERSION));
        self.forget_saved(id);
        match result {
            Ok(Deletion::Trashed) => {
                self.report(Ok(()));
                self.trash.update(|trash| trash.insert(0, review.clone()));
            }
            // Storage was too full for the trash: the draft is gone from storage, and this tab's copy, kept for
            // Undo, is the only one left. Say so, so the facilitator can undo or download a backup.
            Ok(Deletion::NotKept) => self.storage_warning.set(Some(format!(
                "\u{201c}{}\u{201d} was deleted to make room, but storage was too full to keep it in \
                 \u{201c}Recently deleted\u{201d}. Undo brings it back while this tab is open.",
                review.display_title()
            ))),
            Err(error) => {
                // Nothing was deleted from storage: keep the draft where it was.
                self.report(Err(error));
                return;
            }
        }
        self.watch.remove(id);
        self.deleted.set(Some(Deleted::Review(review)));
    }

    /// Brings a review back from the trash.
    pub fn restore(&self, id: &str) {
        let Some(review) = self
            .trash
            .with_untracked(|trash| trash.iter().find(|r| r.id == id).cloned())
        else {
            return;
        };
        let result = self
            .store
            .with_value(|store| restore_from_trash(store.as_ref(), &review, browser::now(), APP_VERSION));
        self.report(result);
        self.trash.update(|trash| trash.retain(|review| review.id != id));
        self.watch.put(review);
        self.watch.sort();
    }

    fn in_trash(&self, id: &str) -> bool {
        self.trash
            .with_untracked(|trash| trash.iter().any(|review| review.id == id))
    }

    /// Deletes a review from the trash for good.
    pub fn empty_from_trash(&self, id: &str) {
        let result = self.store.with_value(|store| empty_from_trash(store.as_ref(), id));
        self.report(result);
        self.trash.update(|trash| trash.retain(|review| review.id != id));
    }

    /// Brings back the last deletion, where it was.
    pub fn undo(&self) {
        let Some(deleted) = self.deleted.get_untracked() else {
            return;
        };
        self.deleted.set(None);
        match deleted {
            // From the trash; or, when storage had no room for the trash, from this tab's copy, saved again.
            Deleted::Review(review) if self.in_trash(&review.id) => self.restore(&review.id),
            Deleted::Review(review) => {
                self.insert(review);
            }
            Deleted::Observation { review, removed } => {
                self.update(&review, |review, now| review.restore_observation(removed, now));
            }
            Deleted::Moment { review, removed } => {
                self.update(&review, |review, now| review.restore_moment(removed, now));
            }
            Deleted::Action { review, removed } => {
                self.update(&review, |review, now| review.restore_action(removed, now));
            }
            Deleted::Replaced(previous) | Deleted::Merged(previous) => self.replace(previous),
        }
    }

    /// Downloads every draft as one backup file and records the export on each.
    pub fn download_backup(&self) -> Result<(), String> {
        self.flush();
        let now = browser::now();
        let text = self.watch.with_all(|reviews| export_backup(reviews, now));
        browser::download(
            &format!("gotlucky-backup-{}.json", browser::today()),
            "application/json",
            &text,
        )?;
        let ids: Vec<String> = self
            .watch
            .with_all(|reviews| reviews.iter().map(|r| r.id.clone()).collect());
        for id in ids {
            self.update(&id, |review, now| review.mark_exported(now));
        }
        Ok(())
    }

    /// Reads a backup file and says what importing it would do; nothing is written yet.
    pub fn plan_import(&self, text: &str) -> Result<ImportPlan, String> {
        self.watch
            .with_all(|reviews| plan_import_at(text, reviews, browser::now()))
    }

    /// Saves what a plan imports.
    /// Saves what a plan imports. A review the browser refuses to store stays in this tab and is retried with
    /// the autosave, like any unsaved change; the result says how many were not saved yet, and why.
    pub fn import(&self, plan: ImportPlan) -> Result<(), String> {
        let mut refused = Vec::new();
        for review in plan.to_save {
            let id = review.id.clone();
            self.forget_saved(&id);
            let result = self
                .store
                .with_value(|store| save_review(store.as_ref(), &review, browser::now(), APP_VERSION));
            self.replace_or_insert(review);
            if let Err(error) = result.clone() {
                refused.push(error);
                self.mark_dirty(&id);
            }
            self.report(result);
        }
        self.watch.sort();
        match refused.first() {
            None => Ok(()),
            Some(error) => Err(format!(
                "{} of the imported drafts could not be saved yet ({error}); they are open in this tab and are \
                 saved as soon as the browser allows",
                refused.len()
            )),
        }
    }
}

impl Workspace {
    /// Reads a Markdown review into a new draft that is not saved yet, or says why the file is not one.
    /// A meeting plan a facilitator sent becomes a personal reflection for that meeting.
    pub fn read_markdown(&self, text: &str) -> Result<Review, String> {
        let (id, now) = (browser::new_review_id(), browser::now());
        if gotlucky_core::meeting::is_meeting_plan(text) {
            gotlucky_core::meeting::reflection_from_meeting_plan(text, &id, now)
        } else {
            gotlucky_core::import::import_markdown(text, &id, now)
        }
    }

    /// Adds a review read from a file as a new draft, and returns its id.
    pub fn add_imported(&self, review: Review) -> String {
        self.insert(review)
    }
}
