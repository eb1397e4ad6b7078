//! Saving: typing is saved shortly after the last keystroke, and never later than `MAX_WAIT` after the oldest
//! unsaved keystroke, however fast someone types; at once when the tab is hidden or closed or the step changes;
//! and retried every few seconds while the browser refuses.
//!
//! The maximum wait bounds what a crashed tab can lose: continuous typing would otherwise postpone a debounced
//! save for as long as it goes on. A save while typing writes one part and the head (about 1.4 ms at 4× CPU
//! slowdown), so saving up to five times a second costs well under 1 % of the time.

use std::time::Duration;

use gotlucky_core::drafts::save_review_since;
use gotlucky_core::StoreError;
use leptos::prelude::*;

use super::{Workspace, APP_VERSION};
use crate::browser;

/// A pause in typing this long saves what was typed.
const SAVE_DELAY: f64 = 150.0;
/// Nothing typed stays unsaved longer than this (in milliseconds); below 250 ms so that a late timer on a busy
/// page still keeps everything typed more than a quarter of a second before a crash.
const MAX_WAIT: f64 = 200.0;
const RETRY_DELAY: Duration = Duration::from_secs(5);

/// What the save indicator shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Nothing has been changed since the app opened.
    Idle,
    /// Changes are waiting for the debounce to save them.
    Saving,
    Saved,
    /// The last save failed; `quota` says it was because storage is full.
    NotSaved {
        reason: String,
        quota: bool,
    },
}

impl Workspace {
    pub(super) fn mark_dirty(&self, id: &str) {
        self.dirty.update_value(|dirty| {
            if !dirty.iter().any(|dirty| dirty == id) {
                dirty.push(id.to_owned());
            }
        });
        // The indicator keeps saying "Saved" while typing: flipping to "Saving…" and back several times a
        // second would flicker and be announced on every keystroke. A failure still shows at once.
        if self.save_status.get_untracked() == SaveStatus::Idle {
            self.set_status(SaveStatus::Saving);
        }
        let now = browser::monotonic_now();
        let since = self
            .pending_since
            .try_update_value(|since| *since.get_or_insert(now))
            .unwrap_or(now);
        let delay = SAVE_DELAY.min(since + MAX_WAIT - now).max(0.0);
        self.schedule(Duration::from_micros((delay * 1000.0) as u64));
    }

    /// Sets the save status only when it changes, so an unchanged "Saved" is neither redrawn nor announced.
    fn set_status(&self, status: SaveStatus) {
        if self.save_status.with_untracked(|current| *current != status) {
            self.save_status.set(status);
        }
    }

    /// Keeps the version just saved, so the next save writes only what changed since.
    fn remember_saved(&self, review: gotlucky_core::Review) {
        self.saved.update_value(|saved| {
            saved.retain(|saved| saved.id != review.id);
            saved.push(review);
        });
    }

    /// Forgets the version last saved, so the next save writes the review whole: after another tab wrote it, the
    /// stored parts may differ from what this tab last saved.
    pub(super) fn forget_saved(&self, id: &str) {
        self.saved.update_value(|saved| saved.retain(|saved| saved.id != id));
    }

    pub(super) fn is_dirty(&self, id: &str) -> bool {
        self.dirty.with_value(|dirty| dirty.iter().any(|dirty| dirty == id))
    }

    fn schedule(&self, delay: Duration) {
        let workspace = *self;
        let handle = set_timeout_with_handle(move || workspace.flush(), delay).ok();
        if let Some(previous) = self
            .timer
            .try_update_value(|timer| std::mem::replace(timer, handle))
            .flatten()
        {
            previous.clear();
        }
    }

    /// Saves every changed review now. Called by the debounce, and when the tab is hidden or closed.
    pub fn flush(&self) {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        self.pending_since.set_value(None);
        let dirty = self.dirty.get_value();
        if dirty.is_empty() {
            return;
        }
        // Every flush leaves a mark, so tests can wait for "the app tried to save" instead of for a fixed time.
        browser::mark_start("gotlucky:flush");
        let mut failure = None;
        let mut frozen_left_unsaved = false;
        let mut still_dirty = Vec::new();
        for id in dirty {
            // A review in conflict with another tab is not written until the user chooses which to keep, and one a
            // newer version has saved is not written at all.
            let in_conflict = self.in_conflict(&id);
            if self.frozen.with_value(|frozen| frozen.contains(&id)) {
                frozen_left_unsaved = true;
                still_dirty.push(id);
                continue;
            }
            if in_conflict {
                still_dirty.push(id);
                continue;
            }
            let Some(review) = self.review_untracked(&id) else {
                continue;
            };
            browser::mark_start("gotlucky:save");
            let result = self.store.with_value(|store| {
                self.saved.with_value(|saved| {
                    let previous = saved.iter().find(|saved| saved.id == review.id);
                    save_review_since(store.as_ref(), &review, previous, browser::now(), APP_VERSION)
                })
            });
            browser::mark_end("gotlucky:save");
            match result {
                Ok(()) => {
                    self.record_revision_if_due(&review);
                    self.remember_saved(review);
                }
                Err(error) => {
                    failure = Some(error);
                    still_dirty.push(id);
                }
            }
        }
        browser::mark_end("gotlucky:flush");
        let retry = !still_dirty.is_empty();
        self.dirty.set_value(still_dirty);
        match failure {
            Some(error) => self.report_failure(error),
            None if frozen_left_unsaved => self.set_status(SaveStatus::NotSaved {
                reason: "a newer version of gotlucky saved this review in another tab; reload to use it".to_owned(),
                quota: false,
            }),
            None if retry => self.set_status(SaveStatus::Saving),
            None => self.report_saved(),
        }
        if retry {
            self.schedule(RETRY_DELAY);
        }
    }

    /// Reports the outcome of a write that is not a review save (trash, import).
    pub(super) fn report(&self, result: Result<(), StoreError>) {
        match result {
            Ok(()) => self.report_saved(),
            Err(error) => self.report_failure(error),
        }
    }

    fn report_saved(&self) {
        self.set_status(SaveStatus::Saved);
        if self.persisted.get_untracked().is_none() {
            // Asked once, after the first save: the browser may then keep drafts when space runs low.
            let persisted = self.persisted;
            persisted.set(Some(false));
            leptos::task::spawn_local(async move {
                persisted.set(Some(browser::request_persistent_storage().await.unwrap_or(false)));
            });
        }
    }

    fn report_failure(&self, error: StoreError) {
        let quota = error == StoreError::QuotaExceeded;
        self.set_status(SaveStatus::NotSaved {
            reason: error.to_string(),
            quota,
        });
    }
}
