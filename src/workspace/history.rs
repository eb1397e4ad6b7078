//! Earlier versions of a review: recorded while saving, listed on the review step, restorable with undo.

use gotlucky_core::history::{read_history, record_revision, revision_due, Revision};
use gotlucky_core::Review;
use leptos::prelude::*;

use super::{Deleted, Workspace};
use crate::browser;

impl Workspace {
    /// Records a revision after a successful save, at most every couple of minutes of editing. A failure here
    /// is not reported: the review itself is saved, and history is a convenience on top of it.
    pub(super) fn record_revision_if_due(&self, review: &Review) {
        let now = browser::now();
        let last = self
            .revisions
            .with_value(|revisions| revisions.iter().find(|(id, _)| *id == review.id).map(|(_, time)| *time));
        if !revision_due(last, now) {
            return;
        }
        let _ = self
            .store
            .with_value(|store| record_revision(store.as_ref(), review, now));
        self.revisions.update_value(|revisions| {
            revisions.retain(|(id, _)| *id != review.id);
            revisions.push((review.id.clone(), now));
        });
    }

    /// The earlier versions of a review, newest first, leaving out one identical to the current review.
    pub fn history(&self, id: &str) -> Vec<Revision> {
        let current = self.review_untracked(id);
        let mut revisions = self
            .store
            .with_value(|store| read_history(store.as_ref(), id))
            .unwrap_or_default();
        revisions.retain(|revision| Some(&revision.review) != current.as_ref());
        revisions.reverse();
        revisions
    }

    /// Makes an earlier version current. The version it replaces goes into the history and can be brought back
    /// with Undo.
    pub fn restore_revision(&self, revision: Revision) {
        let Some(current) = self.review_untracked(&revision.review.id) else {
            return;
        };
        let _ = self
            .store
            .with_value(|store| record_revision(store.as_ref(), &current, browser::now()));
        self.replace(revision.review);
        self.deleted.set(Some(Deleted::Replaced(current)));
    }

    /// Puts a whole review in place of the one with its id, and saves it at once.
    pub(super) fn replace(&self, review: Review) {
        let id = review.id.clone();
        self.update(&id, move |current, now| {
            *current = review;
            current.updated_at = now;
        });
    }
}
