//! The review being worked on, shared with every component below the review screen.

use gotlucky_core::parts::Part;
use gotlucky_core::{Review, Route};
use leptos::prelude::*;

use crate::workspace::{Deleted, Workspace};

/// One review's id and the workspace, so a step component reads and changes "its" review without being told
/// which. Components read through `read` with the part they show, so they redraw only when that part changes.
#[derive(Clone, Copy)]
pub struct ReviewContext {
    pub id: StoredValue<String>,
    pub workspace: Workspace,
}

impl ReviewContext {
    pub fn new(id: String, workspace: Workspace) -> Self {
        ReviewContext {
            id: StoredValue::new(id),
            workspace,
        }
    }

    /// Reads one part of the review, tracked: the caller re-runs when that part changes. `read` must look at
    /// nothing but `part`.
    pub fn read<T>(&self, part: Part, read: impl FnOnce(&Review) -> T) -> Option<T> {
        self.id.with_value(|id| self.workspace.read(id, part, read))
    }

    /// Reads several parts of the review, tracked: the caller re-runs when any of them changes.
    pub fn read_parts<T>(&self, parts: impl IntoIterator<Item = Part>, read: impl FnOnce(&Review) -> T) -> Option<T> {
        self.id.with_value(|id| self.workspace.read_parts(id, parts, read))
    }

    /// Reads the whole review, tracked: for read-only views, which redraw on any change.
    pub fn read_whole<T>(&self, read: impl FnOnce(&Review) -> T) -> Option<T> {
        self.id.with_value(|id| self.workspace.read_whole(id, read))
    }

    /// Changes the review and saves it at once (a discrete action).
    pub fn update<T>(&self, change: impl FnOnce(&mut Review, u64) -> T) -> Option<T> {
        self.id.with_value(|id| self.workspace.update(id, change))
    }

    /// Changes the review as the user types; saved shortly after.
    pub fn edit<T>(&self, change: impl FnOnce(&mut Review, u64) -> T) -> Option<T> {
        self.id.with_value(|id| self.workspace.edit(id, change))
    }

    /// Deletes an item of the review through `remove`, remembering it for Undo.
    pub fn delete(&self, remove: impl FnOnce(&mut Review, u64) -> Option<Deleted>) {
        self.id.with_value(|id| self.workspace.delete_item(id, remove))
    }

    /// One text of the review as a signal, for a field that shows it; `part` is the part holding it.
    pub fn text(self, part: Part, read: fn(&Review) -> &str) -> Signal<String> {
        Signal::derive(move || self.read(part, |review| read(review).to_owned()).unwrap_or_default())
    }

    pub fn route_to(&self, step: &'static str) -> Route {
        Route::Step {
            review: self.id.get_value(),
            step,
        }
    }
}
