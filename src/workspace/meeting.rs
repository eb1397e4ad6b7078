//! What the meeting shares between windows besides the review: where the facilitator is (for the presenter
//! view), and this browser's preferences for the timer.

use gotlucky_core::meeting::{plan_merge, MergeFile, MergePlan, Presence};
use gotlucky_core::storage::keys::{presence_key, PRESENCE_PREFIX, TIMER_SOUND_KEY};
use leptos::prelude::*;

use super::{Deleted, Workspace};
use crate::browser;

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

    /// What merging these reflection files into a review would do; nothing is written yet.
    pub fn plan_merge(&self, review: &str, files: &[MergeFile]) -> Option<MergePlan> {
        self.watch.read_untracked(review, |meeting| plan_merge(meeting, files))
    }

    /// Merges what a plan adds into the review and saves it at once; one Undo takes the whole merge back.
    pub fn merge(&self, review: &str, plan: &MergePlan) {
        let Some(before) = self.review_untracked(review) else {
            return;
        };
        self.replace(plan.apply(&before, browser::now()));
        self.deleted.set(Some(Deleted::Merged(before)));
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
