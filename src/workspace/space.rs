//! Giving storage back when it is full: earlier versions and the trash, each with its size, so the quota
//! banner's advice can be followed from the banner itself.

use gotlucky_core::storage::space::{self, SpaceUsed};
use leptos::prelude::*;

use super::Workspace;

impl Workspace {
    /// How much the earlier versions and the trash take; nothing when storage cannot be read.
    pub fn space_used(&self) -> SpaceUsed {
        self.store
            .with_value(|store| space::space_used(store.as_ref()))
            .unwrap_or_default()
    }

    /// Deletes every earlier version of every review, then saves what was waiting for room.
    pub fn clear_history(&self) {
        let result = self.store.with_value(|store| space::clear_history(store.as_ref()));
        self.revisions.set_value(Vec::new());
        self.report(result);
        self.flush();
    }

    /// Deletes everything in the trash for good, then saves what was waiting for room.
    pub fn empty_trash(&self) {
        let result = self.store.with_value(|store| space::empty_trash(store.as_ref()));
        if result.is_ok() {
            self.trash.set(Vec::new());
        }
        self.report(result);
        self.flush();
    }
}
