//! This browser's preferences that are not part of any review: whether the writing hints show.
//!
//! A preference is stored under its own `prefs:` key (see `gotlucky_core::storage::keys`), never in a review, so
//! it stays with the browser and never travels in an export or a backup.

use std::sync::OnceLock;

use gotlucky_core::storage::keys::HINTS_KEY;
use leptos::prelude::*;

use super::Workspace;

/// Whether the writing hints show, read from storage once and then kept here, so that every hint on the screen
/// follows a change at once. There is one workspace per page, so one signal is enough; a reference-counted
/// signal belongs to no component, so no screen change can dispose of it.
static HINTS_ON: OnceLock<ArcRwSignal<bool>> = OnceLock::new();

impl Workspace {
    fn hints_signal(&self) -> &'static ArcRwSignal<bool> {
        HINTS_ON.get_or_init(|| {
            let stored = self.store.with_value(|store| store.read(HINTS_KEY).ok().flatten());
            ArcRwSignal::new(stored.as_deref() != Some("off"))
        })
    }

    /// Whether the writing hints show in this browser; tracked.
    pub fn hints_on(&self) -> bool {
        self.hints_signal().get()
    }

    /// Shows or hides the writing hints and remembers the choice in this browser. A refused write keeps the
    /// choice for this tab only, which is all a preference needs.
    pub fn set_hints_on(&self, on: bool) {
        let _ = self.store.with_value(|store| {
            if on {
                store.remove(HINTS_KEY)
            } else {
                store.write(HINTS_KEY, "off")
            }
        });
        self.hints_signal().set(on);
    }
}
