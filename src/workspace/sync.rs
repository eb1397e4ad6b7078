//! Other tabs: a review saved in another tab appears here at once; if this tab was changing the same review,
//! both versions are kept until the user chooses.

use gotlucky_core::drafts::{
    read_review, review_id_of_key, stored_schema, trashed_reviews, SCHEMA_VERSION, TRASH_PREFIX,
};
use gotlucky_core::Review;
use leptos::prelude::*;

use super::Workspace;
use crate::browser;

impl Workspace {
    /// Handles a `storage` event: another tab wrote (`new_value`) or removed a key.
    pub fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        if key.as_deref().is_some_and(|key| self.on_presence_event(key)) {
            return;
        }
        if key.as_deref().is_some_and(|key| key.starts_with(TRASH_PREFIX)) {
            // A review deleted, restored or emptied in another tab: the trash list follows.
            self.trash.set(
                self.store
                    .with_value(|store| trashed_reviews(store.as_ref()))
                    .unwrap_or_default(),
            );
            return;
        }
        let Some(id) = key.as_deref().and_then(review_id_of_key) else {
            return;
        };
        let id = id.to_owned();
        self.forget_saved(&id);
        let dirty = self.is_dirty(&id);
        match new_value {
            // Deleted elsewhere: follow, unless this tab has unsaved changes, which will save it again.
            None if !dirty => self.watch.remove(&id),
            None => {}
            Some(raw) => {
                if stored_schema(&raw).is_some_and(|schema| schema > SCHEMA_VERSION) {
                    self.freeze(&id);
                    return;
                }
                // The other tab writes a review's parts before its head, so on the head's event all of it is there.
                // An entry it could not have written well is left for the load-time report.
                let Ok(Some(theirs)) = self.store.with_value(|store| read_review(store.as_ref(), &id)) else {
                    return;
                };
                if dirty {
                    // One pending conflict per review: a newer version from the other tab replaces the older one.
                    self.conflicts.update(|conflicts| {
                        conflicts.retain(|pending| pending.id != theirs.id);
                        conflicts.push(theirs);
                    });
                } else {
                    self.replace_or_insert(theirs);
                }
            }
        }
    }

    /// Another tab runs a newer gotlucky and saved this review in a format this tab cannot read: stop writing it
    /// here, and say so.
    fn freeze(&self, id: &str) {
        self.frozen.update_value(|frozen| frozen.push(id.to_owned()));
        let title = self
            .review_untracked(id)
            .map(|review| review.display_title().to_owned())
            .unwrap_or_default();
        self.storage_warning.set(Some(format!(
            "\u{201c}{title}\u{201d} was saved by a newer version of gotlucky in another tab. This tab no longer saves \
             it, so nothing the newer version wrote is overwritten: reload this tab to use the new version."
        )));
    }

    pub(super) fn replace_or_insert(&self, review: Review) {
        self.watch.put(review);
    }

    pub(super) fn in_conflict(&self, id: &str) -> bool {
        self.conflicts
            .with_untracked(|conflicts| conflicts.iter().any(|pending| pending.id == id))
    }

    /// Takes a review's pending conflict out of the list.
    fn resolve(&self, id: &str) -> Option<Review> {
        let mut theirs = None;
        self.conflicts.update(|conflicts| {
            if let Some(index) = conflicts.iter().position(|pending| pending.id == id) {
                theirs = Some(conflicts.remove(index));
            }
        });
        theirs
    }

    /// Keeps both versions of a review: the other tab's becomes a new draft, this tab's stays and is saved.
    pub fn keep_both(&self, id: &str) {
        let Some(theirs) = self.resolve(id) else {
            return;
        };
        let mut copy = theirs.duplicate(browser::new_review_id(), browser::now());
        copy.title = format!("{} (from another tab)", theirs.display_title());
        self.insert(copy);
        self.flush();
    }

    /// Keeps this tab's version of a review, saving it over the other tab's.
    pub fn keep_mine(&self, id: &str) {
        self.resolve(id);
        self.flush();
    }

    /// Takes the other tab's version of a review, dropping this tab's unsaved changes to it.
    pub fn take_theirs(&self, id: &str) {
        let Some(theirs) = self.resolve(id) else {
            return;
        };
        self.dirty.update_value(|dirty| dirty.retain(|dirty| dirty != id));
        self.replace_or_insert(theirs);
    }
}
