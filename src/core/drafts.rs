//! The storage schema for drafts: which keys hold what, the envelope around every stored review, migrations
//! between schema versions, and the trash.
//!
//! Keys (all under `gotlucky:v1:`):
//! - `index`: the ids of the drafts, so a draft whose entry vanished is noticed;
//! - `review:<id>`: a review's head in an envelope `{schema, saved_at, app_version, data}`: everything but its
//!   observations;
//! - `review:<id>:part:<question>`: the observations answering one question, as a JSON array. Splitting them off
//!   means a save while typing rewrites the head and the one question that changed, not the whole review;
//! - `trash:<id>`: a deleted review, whole, in one envelope, until it is restored or emptied;
//! - `backup:<id>:schema-<n>`: the original of a draft before it was migrated from schema `n`.
//!
//! Schema 1 kept the observations inside the head; schema 2 moved them to the parts. Each review has its own keys
//! so one damaged entry never takes the others with it. Nothing here deletes an entry it cannot read.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::catalogue::QUESTIONS;
use crate::review::{Action, DrillPlan, Moment, Observation, Review, Scene};
use crate::store::{Store, StoreError};

/// Every key gotlucky writes starts with this, so other apps on the same origin are left alone.
pub const KEY_PREFIX: &str = "gotlucky:v1:";
pub const INDEX_KEY: &str = "gotlucky:v1:index";
const REVIEW_PREFIX: &str = "gotlucky:v1:review:";
pub const TRASH_PREFIX: &str = "gotlucky:v1:trash:";

/// The shape of `data` in the envelope. Raise it only together with a migration in `MIGRATIONS`.
pub const SCHEMA_VERSION: u32 = 2;

/// Turns data of schema `n` into data of schema `n + 1`; `None` when the data kept its shape and only where it
/// is stored changed.
pub type Migration = Option<fn(Value) -> Result<Value, String>>;

/// `MIGRATIONS[i]` migrates schema `i + 1` to `i + 2`; its length is always `SCHEMA_VERSION - 1`.
/// - 1 to 2: the same data; a schema-2 head leaves its observations to the part keys, while a schema-1 head holds
///   them itself and they are read from there.
pub const MIGRATIONS: &[Migration] = &[None];

/// Whether any of the app's migrations transforms data. While none does, drafts are read straight into a
/// `Review` and the JSON-tree code a transform needs is left out of the WebAssembly (about 14 KB gzip).
const TRANSFORMS_DATA: bool = transforms_data(MIGRATIONS);

const fn transforms_data(migrations: &[Migration]) -> bool {
    let mut index = 0;
    while index < migrations.len() {
        if migrations[index].is_some() {
            return true;
        }
        index += 1;
    }
    false
}

/// The key under which a review is stored.
pub fn review_key(review_id: &str) -> String {
    format!("{REVIEW_PREFIX}{review_id}")
}

/// The key under which a deleted review waits in the trash.
pub fn trash_key(review_id: &str) -> String {
    format!("{TRASH_PREFIX}{review_id}")
}

/// The key holding the observations of one question of a review.
pub fn part_key(review_id: &str, question_id: &str) -> String {
    format!("{REVIEW_PREFIX}{review_id}:part:{question_id}")
}

/// The review id a storage key belongs to, if it is a review's head (not one of its parts).
pub fn review_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(REVIEW_PREFIX).filter(|id| !id.contains(':'))
}

/// The part that holds observations of questions the catalogue no longer has (from an old backup, say), so that
/// no observation is ever left out of the parts.
const OTHER_PART: &str = "other";

/// The part keys' names: one per question, and the part for the rest.
fn parts() -> impl Iterator<Item = &'static str> {
    QUESTIONS.iter().map(|question| question.id).chain([OTHER_PART])
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

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    saved_at: u64,
    app_version: &'a str,
    data: &'a Review,
}

/// Only the version of an envelope; `data` is skipped without being built.
#[derive(Deserialize)]
struct EnvelopeVersion {
    schema: u32,
}

#[derive(Deserialize)]
struct EnvelopeIn<T> {
    data: T,
}

/// A review's head: every field but the observations (same names as `Review`, so it reads back as one).
#[derive(Serialize)]
struct Head<'a> {
    id: &'a str,
    title: &'a str,
    scene: &'a Scene,
    moments: &'a [Moment],
    actions: &'a [Action],
    drill: &'a DrillPlan,
    notes: &'a str,
    created_at: u64,
    updated_at: u64,
    last_exported_at: Option<u64>,
    next_id: u32,
}

#[derive(Serialize)]
struct HeadEnvelope<'a> {
    schema: u32,
    saved_at: u64,
    app_version: &'a str,
    data: Head<'a>,
}

fn encode_head(review: &Review, now: u64, app_version: &str) -> String {
    let data = Head {
        id: &review.id,
        title: &review.title,
        scene: &review.scene,
        moments: &review.moments,
        actions: &review.actions,
        drill: &review.drill,
        notes: &review.notes,
        created_at: review.created_at,
        updated_at: review.updated_at,
        last_exported_at: review.last_exported_at,
        next_id: review.next_id(),
    };
    serde_json::to_string(&HeadEnvelope {
        schema: SCHEMA_VERSION,
        saved_at: now,
        app_version,
        data,
    })
    .unwrap_or_default()
}

/// The writes that save a review: the parts that differ from `previous` (all of them without one), then the head,
/// so that a reader never sees a head newer than its parts.
pub fn review_writes(review: &Review, previous: Option<&Review>, now: u64, app_version: &str) -> Vec<(String, String)> {
    let mut writes = Vec::new();
    for question in parts() {
        let current: Vec<&Observation> = observations_in_part(review, question).collect();
        let unchanged =
            previous.is_some_and(|previous| observations_in_part(previous, question).eq(current.iter().copied()));
        if !unchanged {
            writes.push((
                part_key(&review.id, question),
                serde_json::to_string(&current).unwrap_or_else(|_| "[]".into()),
            ));
        }
    }
    writes.push((review_key(&review.id), encode_head(review, now, app_version)));
    writes
}

/// A whole review (head and observations) in one envelope, as the trash keeps it.
pub fn encode_review(review: &Review, now: u64, app_version: &str) -> String {
    let envelope = EnvelopeOut {
        schema: SCHEMA_VERSION,
        saved_at: now,
        app_version,
        data: review,
    };
    // Plain data with string keys always serialises; an empty object is never read back as a review.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// Reads a stored review, migrating it from an older schema. Newer schemas are refused, never guessed at.
pub fn decode_review(raw: &str) -> Result<Review, String> {
    decode_current(raw).map(|(review, _)| review)
}

/// `decode_with` for the app's own migrations; also returns the schema the text was stored with.
fn decode_current(raw: &str) -> Result<(Review, u32), String> {
    if TRANSFORMS_DATA {
        decode_with(raw, MIGRATIONS)
    } else {
        decode_same_shape(raw, SCHEMA_VERSION)
    }
}

/// Reads an envelope whose data needs no transform, refusing schemas above `current`.
fn decode_same_shape(raw: &str, current: u32) -> Result<(Review, u32), String> {
    let schema = checked_schema(raw, current)?;
    let envelope: EnvelopeIn<Review> =
        serde_json::from_str(raw).map_err(|error| format!("the saved draft has an unexpected shape ({error})"))?;
    Ok((envelope.data, schema))
}

/// The schema an envelope names, if this version can read it.
fn checked_schema(raw: &str, current: u32) -> Result<u32, String> {
    let EnvelopeVersion { schema } =
        serde_json::from_str(raw).map_err(|error| format!("the saved draft is damaged ({error})"))?;
    if schema > current {
        return Err(format!(
            "this draft was saved by a newer version of gotlucky (format {schema}, this version reads up to \
             {current}); it is kept as it is"
        ));
    }
    if schema == 0 {
        return Err("the saved draft names no format version".to_owned());
    }
    Ok(schema)
}

/// Decodes with the given migrations; also returns the schema the text was stored with.
pub fn decode_with(raw: &str, migrations: &[Migration]) -> Result<(Review, u32), String> {
    let current = migrations.len() as u32 + 1;
    let schema = checked_schema(raw, current)?;
    let transforms = &migrations[schema as usize - 1..];
    if transforms.iter().all(Option::is_none) {
        return decode_same_shape(raw, current);
    }
    let envelope: EnvelopeIn<Value> =
        serde_json::from_str(raw).map_err(|error| format!("the saved draft is damaged ({error})"))?;
    let mut data = envelope.data;
    for transform in transforms.iter().flatten() {
        data = transform(data)?;
    }
    let review =
        serde_json::from_value(data).map_err(|error| format!("the saved draft has an unexpected shape ({error})"))?;
    Ok((review, schema))
}

/// The schema version a stored entry says it has, if it can be read at all.
pub fn stored_schema(raw: &str) -> Option<u32> {
    serde_json::from_str::<EnvelopeVersion>(raw)
        .ok()
        .map(|envelope| envelope.schema)
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
    for (key, value) in review_writes(review, previous, now, app_version) {
        store.write(&key, &value)?;
    }
    if previous.is_some() {
        return Ok(());
    }
    let mut ids = read_index(store)?;
    if !ids.iter().any(|id| id == &review.id) {
        ids.push(review.id.clone());
        write_index(store, &ids)?;
    }
    Ok(())
}

/// Moves a review to the trash, whole, from where `restore_from_trash` brings it back.
pub fn delete_review(store: &dyn Store, review: &Review, now: u64, app_version: &str) -> Result<(), StoreError> {
    let review_id = review.id.as_str();
    store.write(&trash_key(review_id), &encode_review(review, now, app_version))?;
    store.remove(&review_key(review_id))?;
    for question in parts() {
        store.remove(&part_key(review_id, question))?;
    }
    let ids: Vec<String> = read_index(store)?.into_iter().filter(|id| id != review_id).collect();
    write_index(store, &ids)
}

/// The reviews in the trash, most recently edited first. Unreadable trash entries are left alone.
pub fn trashed_reviews(store: &dyn Store) -> Result<Vec<Review>, StoreError> {
    let mut reviews = Vec::new();
    for key in store.keys()? {
        if key.starts_with(TRASH_PREFIX) {
            if let Some(review) = store.read(&key)?.and_then(|raw| decode_review(&raw).ok()) {
                reviews.push(review);
            }
        }
    }
    reviews.sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.id.cmp(&b.id)));
    Ok(reviews)
}

/// Takes a review out of the trash and saves it as a draft again.
pub fn restore_from_trash(store: &dyn Store, review: &Review, now: u64, app_version: &str) -> Result<(), StoreError> {
    save_review(store, review, now, app_version)?;
    store.remove(&trash_key(&review.id))
}

/// Deletes a review from the trash for good.
pub fn empty_from_trash(store: &dyn Store, review_id: &str) -> Result<(), StoreError> {
    store.remove(&crate::history::history_key(review_id))?;
    store.remove(&trash_key(review_id))
}

fn read_index(store: &dyn Store) -> Result<Vec<String>, StoreError> {
    // A damaged index is rebuilt from the entries themselves, so it is never a reason to lose a draft.
    Ok(store
        .read(INDEX_KEY)?
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default())
}

fn write_index(store: &dyn Store, ids: &[String]) -> Result<(), StoreError> {
    store.write(
        INDEX_KEY,
        &serde_json::to_string(ids).unwrap_or_else(|_| "[]".to_owned()),
    )
}

/// Adds the observations kept in a review's part keys. A missing or damaged part is reported and the rest of
/// the review still loads.
fn read_parts(store: &dyn Store, review: &mut Review, problems: &mut Vec<LoadProblem>) -> Result<(), StoreError> {
    for question in parts() {
        let key = part_key(&review.id, question);
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
    let (mut review, schema) = decode_current(&raw)?;
    if schema >= 2 {
        let mut problems = Vec::new();
        read_parts(store, &mut review, &mut problems).map_err(|error| error.to_string())?;
        if let Some(problem) = problems.into_iter().next() {
            return Err(problem.reason);
        }
    }
    Ok(Some(review))
}

/// A stored entry that could not be loaded. It is left where it is, untouched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadProblem {
    pub key: String,
    pub reason: String,
}

/// What loading found: the reviews that read well, newest first, and the entries that did not.
#[derive(Debug, Default)]
pub struct LoadedDrafts {
    pub reviews: Vec<Review>,
    pub problems: Vec<LoadProblem>,
}

/// Reads every stored review. A damaged entry is reported, never deleted, and does not stop the others.
/// A review stored with an older schema is migrated, after its original text is kept under a backup key.
pub fn load_reviews(store: &dyn Store) -> Result<LoadedDrafts, StoreError> {
    load_using(store, SCHEMA_VERSION, decode_current)
}

/// `load_reviews` with the given migrations.
pub fn load_with(store: &dyn Store, migrations: &[Migration]) -> Result<LoadedDrafts, StoreError> {
    load_using(store, migrations.len() as u32 + 1, |raw| decode_with(raw, migrations))
}

fn load_using(
    store: &dyn Store,
    current: u32,
    decode: impl Fn(&str) -> Result<(Review, u32), String>,
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
            Ok((mut review, schema)) => {
                // Kept once: until the draft is next saved in the current schema, every start-up reads it again.
                let backup = format!("{KEY_PREFIX}backup:{id}:schema-{schema}");
                if schema < current && store.read(&backup)?.is_none() {
                    store.write(&backup, &raw)?;
                }
                if schema >= 2 {
                    read_parts(store, &mut review, &mut loaded.problems)?;
                }
                loaded.reviews.push(review);
            }
            Err(reason) => loaded.problems.push(LoadProblem { key, reason }),
        }
    }
    loaded
        .reviews
        .sort_by(|a, b| b.updated_at.cmp(&a.updated_at).then_with(|| a.id.cmp(&b.id)));
    Ok(loaded)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;

    fn loaded_ids(store: &MemoryStore) -> Vec<String> {
        load_reviews(store)
            .unwrap()
            .reviews
            .into_iter()
            .map(|review| review.id)
            .collect()
    }

    #[test]
    fn a_saved_review_loads_back_equal() {
        let store = MemoryStore::default();
        let mut review = Review::new("abc", "Cache stampede", 100);
        review.add_observation("decreasing.normalised", "We ignore flaky alerts", 200);
        save_review(&store, &review, 300, "test").unwrap();
        let loaded = load_reviews(&store).unwrap();
        assert_eq!(loaded.reviews, vec![review]);
        assert!(loaded.problems.is_empty());
        assert_eq!(store.read(INDEX_KEY).unwrap().as_deref(), Some(r#"["abc"]"#));
    }

    #[test]
    fn deleting_moves_to_the_trash_and_restoring_brings_it_back() {
        let store = MemoryStore::default();
        let review = Review::new("gone", "x", 1);
        save_review(&store, &review, 1, "test").unwrap();
        save_review(&store, &Review::new("kept", "y", 1), 1, "test").unwrap();
        delete_review(&store, &review, 2, "test").unwrap();
        assert_eq!(loaded_ids(&store), ["kept"]);
        assert_eq!(trashed_reviews(&store).unwrap(), vec![review.clone()]);

        restore_from_trash(&store, &review, 2, "test").unwrap();
        assert_eq!(load_reviews(&store).unwrap().reviews.len(), 2);
        assert!(trashed_reviews(&store).unwrap().is_empty());
    }

    #[test]
    fn reviews_load_newest_first() {
        let store = MemoryStore::default();
        for (id, updated) in [("old", 1), ("new", 3), ("mid", 2)] {
            save_review(&store, &Review::new(id, id, updated), 9, "test").unwrap();
        }
        assert_eq!(loaded_ids(&store), ["new", "mid", "old"]);
    }

    #[test]
    fn damaged_and_newer_entries_are_reported_and_left_in_place() {
        let store = MemoryStore::default();
        save_review(&store, &Review::new("good", "fine", 1), 1, "test").unwrap();
        store.write(&review_key("broken"), "{not json").unwrap();
        let newer = r#"{"schema":99,"saved_at":1,"app_version":"9","data":{}}"#;
        store.write(&review_key("future"), newer).unwrap();
        store
            .write(&review_key("shape"), r#"{"schema":1,"data":{"title":3}}"#)
            .unwrap();
        store.write("someone-else", "{").unwrap();

        let loaded = load_reviews(&store).unwrap();
        assert_eq!(loaded.reviews.len(), 1);
        let mut keys: Vec<&str> = loaded.problems.iter().map(|p| p.key.as_str()).collect();
        keys.sort();
        assert_eq!(keys, [review_key("broken"), review_key("future"), review_key("shape")]);
        assert!(loaded.problems.iter().any(|p| p.reason.contains("newer version")));
        assert_eq!(store.read(&review_key("future")).unwrap().as_deref(), Some(newer));
        assert_eq!(store.read(&review_key("broken")).unwrap().as_deref(), Some("{not json"));
    }

    #[test]
    fn a_draft_listed_in_the_index_but_missing_is_reported() {
        let store = MemoryStore::default();
        save_review(&store, &Review::new("vanished", "x", 1), 1, "test").unwrap();
        store.remove(&review_key("vanished")).unwrap();
        let loaded = load_reviews(&store).unwrap();
        assert_eq!(loaded.problems.len(), 1);
        assert!(loaded.problems[0].reason.contains("missing"));
    }

    #[test]
    fn migrations_run_in_order_and_keep_the_original() {
        // A pretend history: schema 1 called the title "name"; schema 2 wrapped observations differently.
        fn rename_title(mut data: Value) -> Result<Value, String> {
            let name = data.get("name").cloned().unwrap_or_default();
            data["title"] = name;
            Ok(data)
        }
        fn upper_title(mut data: Value) -> Result<Value, String> {
            let title = data["title"].as_str().unwrap_or_default().to_uppercase();
            data["title"] = Value::String(title);
            Ok(data)
        }
        let migrations: &[Migration] = &[Some(rename_title), Some(upper_title)];
        let store = MemoryStore::default();
        let original = r#"{"schema":1,"saved_at":1,"app_version":"0","data":{"id":"old","name":"db outage"}}"#;
        store.write(&review_key("old"), original).unwrap();

        let loaded = load_with(&store, migrations).unwrap();
        assert_eq!(loaded.reviews[0].title, "DB OUTAGE");
        assert_eq!(
            store.read("gotlucky:v1:backup:old:schema-1").unwrap().as_deref(),
            Some(original)
        );
        // Data from schema 3 is current for these migrations; schema 4 is newer and refused.
        assert!(decode_with(r#"{"schema":3,"data":{"id":"x"}}"#, migrations).is_ok());
        assert!(decode_with(r#"{"schema":4,"data":{"id":"x"}}"#, migrations)
            .unwrap_err()
            .contains("newer"));
    }

    #[test]
    fn a_save_while_typing_rewrites_only_the_head_and_the_changed_step() {
        let store = MemoryStore::default();
        let mut review = Review::new("parts", "Split", 1);
        review.add_observation("decreasing.normalised", "a gap", 2);
        let measuring = review
            .add_observation("increasing.measuring", "a dashboard", 2)
            .unwrap();
        save_review(&store, &review, 3, "test").unwrap();
        let previous = review.clone();
        review.edit_observation(measuring, "a better dashboard", 4);

        let keys: Vec<String> = review_writes(&review, Some(&previous), 5, "test")
            .into_iter()
            .map(|(key, _)| key)
            .collect();
        assert_eq!(keys, [part_key("parts", "increasing.measuring"), review_key("parts")]);
        save_review_since(&store, &review, Some(&previous), 5, "test").unwrap();
        let loaded = load_reviews(&store).unwrap();
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.reviews, vec![review]);
        // The head itself holds no observation text.
        assert!(!store.read(&review_key("parts")).unwrap().unwrap().contains("dashboard"));
    }

    #[test]
    fn observations_of_unknown_questions_are_kept_in_their_own_part() {
        let store = MemoryStore::default();
        let mut review = Review::new("old", "Old questions", 1);
        review.add_observation("retired.question", "still here", 2);
        save_review(&store, &review, 3, "test").unwrap();
        assert_eq!(load_reviews(&store).unwrap().reviews, vec![review]);
    }

    #[test]
    fn a_missing_or_damaged_part_is_reported_and_the_rest_loads() {
        let store = MemoryStore::default();
        let mut review = Review::new("torn", "Torn", 1);
        review.add_observation("decreasing.normalised", "kept", 2);
        review.add_observation("incentives.slo", "lost", 2);
        save_review(&store, &review, 3, "test").unwrap();
        store.remove(&part_key("torn", "incentives.slo")).unwrap();
        store
            .write(&part_key("torn", "increasing.pairing"), "[{broken")
            .unwrap();
        let loaded = load_reviews(&store).unwrap();
        assert_eq!(loaded.reviews[0].observations.len(), 1);
        let keys: Vec<&str> = loaded.problems.iter().map(|p| p.key.as_str()).collect();
        assert_eq!(keys.len(), 2, "{keys:?}");
        assert!(read_review(&store, "torn").is_err());
    }

    #[test]
    fn the_stored_schema_is_read_without_the_data() {
        assert_eq!(stored_schema(r#"{"schema":7,"data":{"anything":[1,2]}}"#), Some(7));
        assert_eq!(stored_schema("{damaged"), None);
    }

    #[test]
    fn a_same_shape_migration_reads_the_old_data_as_it_is() {
        let old = r#"{"schema":1,"data":{"id":"same","title":"kept"}}"#;
        let (review, schema) = decode_with(old, &[None]).unwrap();
        assert_eq!((review.title.as_str(), schema), ("kept", 1));
        assert_eq!(decode_review(old).unwrap().title, "kept");
    }

    #[test]
    fn the_migration_list_matches_the_schema_version() {
        assert_eq!(MIGRATIONS.len() as u32 + 1, SCHEMA_VERSION);
    }
}
