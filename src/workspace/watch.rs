//! The reviews in memory, and who is watching which part of them.
//!
//! Reviews are plain data kept outside the reactive graph. A view reads a review through `read`, naming the
//! part it shows (`Part`), and is subscribed to that part alone. After every change, `sync_parts` from the core
//! compares the review with the copy last shown and names the parts that differ; only their watchers wake. So a
//! keystroke in one observation of three hundred redraws that observation, not the other 299, and no view
//! clones the whole review to find out whether its piece changed.

use std::collections::HashMap;

use gotlucky_core::parts::{sync_parts, Part};
use gotlucky_core::{sort_for_list, Review};
use leptos::prelude::*;

/// Who watches: one part of one review, or (`None`) the whole review.
type Watcher = (String, Option<Part>);

#[derive(Clone, Copy)]
pub(super) struct Reviews {
    /// Every review, newest edit first: the data the app works on.
    live: StoredValue<Vec<Review>, LocalStorage>,
    /// Each review as its watchers last saw it, to find what a change touched.
    shown: StoredValue<Vec<Review>, LocalStorage>,
    watchers: StoredValue<HashMap<Watcher, ArcTrigger>, LocalStorage>,
    /// Which reviews exist, in what order, with their titles and dates: what the drafts list shows.
    list: Trigger,
}

impl Reviews {
    pub fn new(reviews: Vec<Review>) -> Self {
        Reviews {
            shown: StoredValue::new_local(reviews.clone()),
            live: StoredValue::new_local(reviews),
            watchers: StoredValue::new_local(HashMap::new()),
            list: Trigger::new(),
        }
    }

    /// The ids of every review, in list order; tracked.
    pub fn ids(&self) -> Vec<String> {
        self.list.track();
        self.live
            .with_value(|reviews| reviews.iter().map(|review| review.id.clone()).collect())
    }

    /// Reads a review, subscribing the caller to `part` of it (or to all of it).
    pub fn read<T>(&self, id: &str, part: Option<Part>, read: impl FnOnce(&Review) -> T) -> Option<T> {
        self.watcher(id, part).track();
        self.read_untracked(id, read)
    }

    /// Subscribes the caller to `part` of a review (or to all of it).
    pub fn track(&self, id: &str, part: Option<Part>) {
        self.watcher(id, part).track();
    }

    pub fn read_untracked<T>(&self, id: &str, read: impl FnOnce(&Review) -> T) -> Option<T> {
        self.live
            .with_value(|reviews| reviews.iter().find(|review| review.id == id).map(read))
    }

    /// Every review, untracked: for backups.
    pub fn with_all<T>(&self, read: impl FnOnce(&[Review]) -> T) -> T {
        self.live.with_value(|reviews| read(reviews))
    }

    /// Changes one review and wakes the watchers of the parts that changed.
    pub fn change<T>(&self, id: &str, change: impl FnOnce(&mut Review) -> T) -> Option<T> {
        let result = self
            .live
            .try_update_value(|reviews| reviews.iter_mut().find(|review| review.id == id).map(change))
            .flatten();
        if result.is_some() {
            self.wake_changed(id);
        }
        result
    }

    /// Adds a review at the top of the list, or puts it in place of the one with its id.
    pub fn put(&self, review: Review) {
        let id = review.id.clone();
        let added = self
            .live
            .try_update_value(
                |reviews| match reviews.iter_mut().find(|current| current.id == review.id) {
                    Some(current) => {
                        *current = review;
                        false
                    }
                    None => {
                        reviews.insert(0, review);
                        true
                    }
                },
            )
            .unwrap_or(false);
        if added {
            self.wake_all(&id);
        } else {
            self.wake_changed(&id);
        }
    }

    pub fn remove(&self, id: &str) {
        self.live
            .update_value(|reviews| reviews.retain(|review| review.id != id));
        self.shown
            .update_value(|reviews| reviews.retain(|review| review.id != id));
        self.wake_all(id);
    }

    /// Orders the list as every list of drafts is ordered (`sort_for_list`: newest edit first).
    pub fn sort(&self) {
        self.live.update_value(|reviews| sort_for_list(reviews));
        self.list.notify();
    }

    fn watcher(&self, id: &str, part: Option<Part>) -> ArcTrigger {
        self.watchers
            .try_update_value(|watchers| watchers.entry((id.to_owned(), part)).or_default().clone())
            .unwrap_or_default()
    }

    /// Compares the review with what its watchers last saw, and wakes the watchers of each part that differs.
    fn wake_changed(&self, id: &str) {
        let parts = self
            .live
            .with_value(|reviews| {
                let live = reviews.iter().find(|review| review.id == id)?;
                self.shown
                    .try_update_value(|shown| match shown.iter_mut().find(|review| review.id == id) {
                        Some(shown) => Some(sync_parts(shown, live)),
                        None => {
                            shown.push(live.clone());
                            None
                        }
                    })
            })
            .flatten();
        let Some(parts) = parts else {
            // Not shown before: everything about it is new.
            return self.wake_all(id);
        };
        if parts.is_empty() {
            return;
        }
        if parts.iter().any(|part| matches!(part, Part::Title | Part::Dates)) {
            self.list.notify();
        }
        let to_wake: Vec<ArcTrigger> = self.watchers.with_value(|watchers| {
            std::iter::once(None)
                .chain(parts.into_iter().map(Some))
                .filter_map(|part| watchers.get(&(id.to_owned(), part)).cloned())
                .collect()
        });
        to_wake.notify();
    }

    /// Wakes everything that watches a review, and the list: it was added, removed or replaced.
    fn wake_all(&self, id: &str) {
        self.shown.update_value(|shown| {
            shown.retain(|review| review.id != id);
        });
        if let Some(review) = self.read_untracked(id, Review::clone) {
            self.shown.update_value(|shown| shown.push(review));
        }
        let to_wake: Vec<ArcTrigger> = self.watchers.with_value(|watchers| {
            watchers
                .iter()
                .filter(|((watched, _), _)| watched == id)
                .map(|(_, trigger)| trigger.clone())
                .collect()
        });
        to_wake.notify();
        self.list.notify();
    }
}
