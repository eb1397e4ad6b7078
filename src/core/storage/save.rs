//! Saving a review: only the parts that changed, then the head, in an order that leaves the stored review
//! whole whatever write fails.
//!
//! Each save has a generation, one more than the stored head's. The parts it changes are written under new keys
//! named by that generation, next to the ones they replace; then the head, which lists the part keys it belongs
//! with; only then are the replaced part keys removed. Until the head is written, the stored head still lists the
//! previous keys, which are untouched; once it is written, every key it lists is there. So a save that stops
//! half-way (a crash, a full quota) leaves exactly the previous version or exactly the new one, never a mix.
//! Generations count saves, not time, so a clock set wrong on this or another machine cannot reorder them.
//!
//! A crash can leave the new parts of a save whose head was never written; they are never read, a retry of the
//! same save writes over them, and deleting the review removes them.

use super::envelope::{encode_head, stored_layout};
use super::index::add_to_index;
use super::keys::{part_key, parts, review_key, OTHER_PART};
use super::migrations::Layout;
use crate::catalogue::QUESTIONS;
use crate::review::{Observation, Review};
use crate::store::{Store, StoreError};

/// What one save writes, in order, and the part keys it no longer needs once the head is written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SavePlan {
    /// The changed parts, then the head.
    pub writes: Vec<(String, String)>,
    /// Part keys the new head no longer lists, to remove after it is written.
    pub removals: Vec<String>,
}

/// The observations a part holds, in their order.
fn observations_in_part<'a>(review: &'a Review, part: &'a str) -> impl Iterator<Item = &'a Observation> + 'a {
    review.observations.iter().filter(move |observation| {
        if part == OTHER_PART {
            QUESTIONS.iter().all(|question| question.id != observation.question)
        } else {
            observation.question == part
        }
    })
}

/// Plans a save of `review` over a stored head with `base`'s layout, which holds `previous` (the version last
/// saved). Without a base, or without `previous`, every part with observations is written.
pub(crate) fn plan_save(
    review: &Review,
    previous: Option<&Review>,
    base: Option<&Layout>,
    now: u64,
    app_version: &str,
) -> SavePlan {
    let empty = Layout::default();
    let base_layout = base.unwrap_or(&empty);
    let previous = previous.filter(|_| base.is_some());
    let mut layout = Layout {
        generation: base_layout.generation + 1,
        parts: Default::default(),
    };
    let mut plan = SavePlan::default();
    for part in parts() {
        let current: Vec<&Observation> = observations_in_part(review, part).collect();
        if current.is_empty() {
            // An empty part needs no key: a part the head does not list has no observations.
            continue;
        }
        let stored = base_layout.parts.get(part).copied();
        let unchanged = stored.is_some()
            && previous.is_some_and(|previous| observations_in_part(previous, part).eq(current.iter().copied()));
        match stored {
            Some(generation) if unchanged => {
                layout.parts.insert(part.to_owned(), generation);
            }
            _ => {
                plan.writes.push((
                    part_key(&review.id, part, layout.generation),
                    serde_json::to_string(&current).unwrap_or_else(|_| "[]".into()),
                ));
                layout.parts.insert(part.to_owned(), layout.generation);
            }
        }
    }
    plan.writes
        .push((review_key(&review.id), encode_head(review, &layout, now, app_version)));
    for (part, generation) in &base_layout.parts {
        if layout.parts.get(part) != Some(generation) {
            plan.removals.push(part_key(&review.id, part, *generation));
        }
    }
    plan
}

/// The writes that save a review onto a store holding `previous` as a whole save of it left it (or holding
/// nothing without one): the parts that differ, then the head.
pub fn review_writes(review: &Review, previous: Option<&Review>, now: u64, app_version: &str) -> Vec<(String, String)> {
    let base = previous.map(|previous| Layout {
        generation: 1,
        parts: parts()
            .filter(|part| observations_in_part(previous, part).next().is_some())
            .map(|part| (part.to_owned(), 1))
            .collect(),
    });
    plan_save(review, previous, base.as_ref(), now, app_version).writes
}

/// Writes a review whole, and records it in the index.
pub fn save_review(store: &dyn Store, review: &Review, now: u64, app_version: &str) -> Result<(), StoreError> {
    save_review_since(store, review, None, now, app_version)
}

/// Writes what changed in a review since `previous`, the version last saved (or all of it without one), and
/// records it in the index when it is new.
pub fn save_review_since(
    store: &dyn Store,
    review: &Review,
    previous: Option<&Review>,
    now: u64,
    app_version: &str,
) -> Result<(), StoreError> {
    let base = store.read(&review_key(&review.id))?.and_then(|raw| stored_layout(&raw));
    let plan = plan_save(review, previous, base.as_ref(), now, app_version);
    for (key, value) in &plan.writes {
        store.write(key, value)?;
    }
    // The new head is written: the review is saved. A key left behind here is never read again and goes when
    // the review is deleted, so a failed removal is no reason to report the save as failed.
    for key in &plan.removals {
        let _ = store.remove(key);
    }
    if previous.is_some() {
        return Ok(());
    }
    add_to_index(store, &review.id)
}
