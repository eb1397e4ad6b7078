//! Loading drafts: every head found in storage or listed in the index, each read with the parts it lists.
//!
//! A damaged entry is reported, never deleted, and does not stop the others; a missing or damaged part is
//! reported and the rest of its review loads. A draft stored with an older schema is migrated after its original
//! is kept under a backup key (once: until it is re-saved, every start-up reads it again).

use std::collections::BTreeMap;

use super::envelope::Decoded;
use super::index::read_index;
use super::keys::{backup_key, part_key, parts, review_id_of_key, review_key};
use super::migrations::{decode_current, decode_migrating, Layout, Migration, SCHEMA_VERSION};
use crate::order::sort_for_list;
use crate::review::{Observation, Review};
use crate::store::{Store, StoreError};

/// A stored entry that could not be loaded. It is left where it is, untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub key: String,
    pub reason: String,
}

/// What loading found: the reviews that read well, in list order (`sort_for_list`), and the entries that did not.
#[derive(Debug, Default)]
pub struct LoadedDrafts {
    pub reviews: Vec<Review>,
    pub problems: Vec<LoadProblem>,
}

/// The order parts are read in: the catalogue's, then any part an older catalogue had, so that no observation
/// the head lists is left out.
fn parts_to_read(layout: &Layout) -> impl Iterator<Item = (&str, u64)> + '_ {
    let known = parts().filter_map(|part| layout.parts.get_key_value(part));
    let retired = layout
        .parts
        .iter()
        .filter(|(part, _)| parts().all(|known| known != part.as_str()));
    known
        .chain(retired)
        .map(|(part, generation)| (part.as_str(), *generation))
}

/// Adds the observations kept in the part keys a head lists.
fn read_parts(
    store: &dyn Store,
    review: &mut Review,
    layout: &Layout,
    problems: &mut Vec<LoadProblem>,
) -> Result<(), StoreError> {
    for (part, generation) in parts_to_read(layout) {
        let key = part_key(&review.id, part, generation);
        let title = review.display_title().to_owned();
        match store.read(&key)? {
            Some(raw) => match serde_json::from_str::<Vec<Observation>>(&raw) {
                Ok(observations) => review.observations.extend(observations),
                Err(error) => problems.push(LoadProblem {
                    key,
                    reason: format!(
                        "the observations of \u{201c}{title}\u{201d} for one question are damaged ({error})"
                    ),
                }),
            },
            None => problems.push(LoadProblem {
                key,
                reason: format!("the observations of \u{201c}{title}\u{201d} for one question are missing"),
            }),
        }
    }
    Ok(())
}

/// Reads one stored review, head and parts, as another tab left it.
pub fn read_review(store: &dyn Store, review_id: &str) -> Result<Option<Review>, String> {
    let Some(raw) = store.read(&review_key(review_id)).map_err(|error| error.to_string())? else {
        return Ok(None);
    };
    let Decoded { mut review, layout, .. } = decode_current(&raw)?;
    if let Some(layout) = layout {
        let mut problems = Vec::new();
        read_parts(store, &mut review, &layout, &mut problems).map_err(|error| error.to_string())?;
        if let Some(problem) = problems.into_iter().next() {
            return Err(problem.reason);
        }
    }
    Ok(Some(review))
}

/// Reads every stored review. A damaged entry is reported, never deleted, and does not stop the others.
/// A review stored with an older schema is migrated, after its original is kept under a backup key.
pub fn load_reviews(store: &dyn Store) -> Result<LoadedDrafts, StoreError> {
    load_using(store, SCHEMA_VERSION, decode_current)
}

/// `load_reviews` with the given migrations.
pub fn load_with(store: &dyn Store, migrations: &[Migration]) -> Result<LoadedDrafts, StoreError> {
    load_using(store, migrations.len() as u32 + 1, |raw| {
        decode_migrating(raw, migrations)
    })
}

fn load_using(
    store: &dyn Store,
    current: u32,
    decode: impl Fn(&str) -> Result<Decoded, String>,
) -> Result<LoadedDrafts, StoreError> {
    let mut loaded = LoadedDrafts::default();
    let keys = store.keys()?;
    let mut ids: Vec<String> = keys
        .iter()
        .filter_map(|key| review_id_of_key(key))
        .map(str::to_owned)
        .collect();
    for id in read_index(store)? {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    for id in ids {
        let key = review_key(&id);
        let Some(raw) = store.read(&key)? else {
            loaded.problems.push(LoadProblem {
                key,
                reason: format!("the draft {id} is listed but its entry is missing (cleared by the browser?)"),
            });
            continue;
        };
        match decode(&raw) {
            Ok(Decoded {
                mut review,
                schema,
                layout,
            }) => {
                if schema < current {
                    keep_original(store, &id, schema, &raw, layout.as_ref())?;
                }
                if let Some(layout) = layout {
                    read_parts(store, &mut review, &layout, &mut loaded.problems)?;
                }
                loaded.reviews.push(review);
            }
            Err(reason) => loaded.problems.push(LoadProblem { key, reason }),
        }
    }
    sort_for_list(&mut loaded.reviews);
    Ok(loaded)
}

/// Keeps the original of a draft about to be migrated, once: the head itself when it holds the whole review,
/// otherwise every key of it (head and parts) as one JSON object mapping each key to its text. The backup is
/// a precaution on top of a migration that keeps the data as it is, so a failure to write it (a full store) does
/// not stop the draft from loading.
fn keep_original(
    store: &dyn Store,
    id: &str,
    schema: u32,
    raw: &str,
    layout: Option<&Layout>,
) -> Result<(), StoreError> {
    let backup = backup_key(id, schema);
    if store.read(&backup)?.is_some() {
        return Ok(());
    }
    let original = match layout {
        None => raw.to_owned(),
        Some(layout) => {
            let mut entries = BTreeMap::from([(review_key(id), raw.to_owned())]);
            for (part, generation) in parts_to_read(layout) {
                let key = part_key(id, part, generation);
                if let Some(value) = store.read(&key)? {
                    entries.insert(key, value);
                }
            }
            serde_json::to_string(&entries).unwrap_or_default()
        }
    };
    let _ = store.write(&backup, &original);
    Ok(())
}
