//! What the meeting shares between windows besides the review: where the facilitator is (for the presenter
//! view), and this browser's preferences for the timer.

use gotlucky_core::meeting::Presence;
use gotlucky_core::storage::keys::{presence_key, PRESENCE_PREFIX, TIMER_SOUND_KEY};
use leptos::prelude::*;

use super::Workspace;

impl Workspace {
    /// Says where the facilitator is in a review, for a presenter view in another window. A refused write only
    /// means the presenter view does not follow: it is not the facilitator's text, so it is not reported.
    pub fn set_presence(&self, review: &str, presence: Presence) {
        let text = presence.encode();
        let key = presence_key(review);
        let unchanged = self
            .store
            .with_value(|store| store.read(&key).ok().flatten().as_deref() == Some(&text));
        if !unchanged {
            let _ = self.store.with_value(|store| store.write(&key, &text));
        }
    }

    /// Where the facilitator is in a review, as another window last said; tracked.
    pub fn presence(&self, review: &str) -> Option<Presence> {
        self.presence_changed.track();
        self.store
            .with_value(|store| store.read(&presence_key(review)).ok().flatten())
            .and_then(|text| Presence::decode(&text))
    }

    /// A `storage` event about presence: wake the views that follow it.
    pub(super) fn on_presence_event(&self, key: &str) -> bool {
        if key.starts_with(PRESENCE_PREFIX) {
            self.presence_changed.notify();
            true
        } else {
            false
        }
    }

    /// Whether the timer may sound its cue in this browser.
    pub fn timer_sound_on(&self) -> bool {
        self.store
            .with_value(|store| store.read(TIMER_SOUND_KEY).ok().flatten())
            .as_deref()
            != Some("off")
    }

    /// Remembers in this browser whether the timer sounds its cue. A refused write keeps today's choice for this
    /// tab only, which is all a preference needs.
    pub fn set_timer_sound(&self, on: bool) {
        let _ = self.store.with_value(|store| {
            if on {
                store.remove(TIMER_SOUND_KEY)
            } else {
                store.write(TIMER_SOUND_KEY, "off")
            }
        });
    }
}
