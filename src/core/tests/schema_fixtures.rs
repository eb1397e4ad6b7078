//! Every released schema version has a fixture in `tests/fixtures/schema-<n>-*.json`; each must still load.
//! When the schema changes, add fixtures of the new version and keep the old ones: they prove the migrations.
//! Schema 1 stored a review in one key (the fixture is that value); schemas 2 and 3 split it over several keys
//! (the fixture maps each key to its value).

use std::collections::BTreeMap;

use gotlucky_core::drafts::{load_reviews, review_key, save_review_since, SCHEMA_VERSION};
use gotlucky_core::{Dial, DrillKind, Luck, MemoryStore, Mode, Review, Store};

fn load(raw: &str, id: &str) -> Review {
    let store = MemoryStore::default();
    store.write(&review_key(id), raw).unwrap();
    let mut loaded = load_reviews(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.reviews.remove(0)
}

/// A store holding the keys of a fixture that maps each key to its value.
fn store_of(fixture: &str) -> MemoryStore {
    let store = MemoryStore::default();
    let entries: BTreeMap<String, String> = serde_json::from_str(fixture).unwrap();
    for (key, value) in &entries {
        store.write(key, value).unwrap();
    }
    store
}

const SCHEMA_2: &str = include_str!("fixtures/schema-2-worksheet.json");
const SCHEMA_3: &str = include_str!("fixtures/schema-3-worksheet.json");

#[test]
fn schema_1_from_the_first_release_loads_with_defaults_for_later_fields() {
    let review = load(include_str!("fixtures/schema-1-slice.json"), "mi0slice01");
    assert_eq!(review.title, "Checkout outage");
    assert_eq!(review.observations.len(), 2);
    assert_eq!(review.observations[1].text, "Only Amanda knows the *billing* system");
    assert_eq!(review.scene.mode, Mode::Facilitated);
    assert!(review.moments.is_empty() && review.actions.is_empty());
}

#[test]
fn schema_1_with_the_whole_worksheet_loads_every_field() {
    let mut review = load(include_str!("fixtures/schema-1-worksheet.json"), "mi1work01");
    assert_eq!(review.scene.participants, "Amanda, Sam");
    assert_eq!(review.observations[0].luck, Some(Luck::Decreasing));
    assert_eq!(review.observations[1].dial, Some(Dial::TurnUp));
    assert_eq!(review.moments[0].explained_by.len(), 1);
    assert_eq!(review.actions[0].owner, "Sam");
    assert_eq!(review.drill.kind, Some(DrillKind::GameDay));
    // The id counter survives, so new items never reuse an id.
    assert_eq!(review.add_moment("new", 1).map(|id| id.0), Some(5));
}

#[test]
fn schema_2_split_over_keys_loads_the_same_review_as_schema_1() {
    let store = store_of(SCHEMA_2);
    let loaded = load_reviews(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let from_schema_1 = load(include_str!("fixtures/schema-1-worksheet.json"), "mi1work01");
    assert_eq!(loaded.reviews, vec![from_schema_1]);
}

#[test]
fn schema_3_with_parts_by_generation_loads_the_same_review_as_schema_1() {
    let store = store_of(SCHEMA_3);
    let loaded = load_reviews(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let from_schema_1 = load(include_str!("fixtures/schema-1-worksheet.json"), "mi1work01");
    assert_eq!(loaded.reviews, vec![from_schema_1]);
    // Current data is not migrated, so no backup copy is written.
    assert_eq!(SCHEMA_VERSION, 3);
    assert!(store.keys().unwrap().iter().all(|key| !key.contains(":backup:")));
}

#[test]
fn a_schema_1_draft_is_kept_as_a_backup_when_it_loads_through_the_migration() {
    let store = MemoryStore::default();
    let original = include_str!("fixtures/schema-1-slice.json");
    store.write(&review_key("mi0slice01"), original).unwrap();
    load_reviews(&store).unwrap();
    assert_eq!(
        store.read("gotlucky:v1:backup:mi0slice01:schema-1").unwrap().as_deref(),
        Some(original)
    );
}

#[test]
fn a_schema_2_draft_is_kept_whole_as_a_backup_and_its_old_parts_go_when_it_is_saved_again() {
    let store = store_of(SCHEMA_2);
    let loaded = load_reviews(&store).unwrap().reviews.remove(0);
    let backup = store.read("gotlucky:v1:backup:mi1work01:schema-2").unwrap().unwrap();
    let kept: BTreeMap<String, String> = serde_json::from_str(&backup).unwrap();
    let original: BTreeMap<String, String> = serde_json::from_str(SCHEMA_2).unwrap();
    // Every key of the review, head and parts: all but the index.
    assert_eq!(kept.len(), original.len() - 1);
    assert!(kept.iter().all(|(key, value)| original.get(key) == Some(value)));

    // The app's first save after loading writes the review whole, in schema 3.
    let mut edited = loaded.clone();
    edited.set_title("Payments near miss, again", 2);
    save_review_since(&store, &edited, None, 3, "test").unwrap();
    let keys = store.keys().unwrap();
    let legacy_parts = keys.iter().filter(|key| key.contains(":part:") && !key.ends_with(":1"));
    assert_eq!(legacy_parts.count(), 0, "{keys:?}");
    let reloaded = load_reviews(&store).unwrap();
    assert!(reloaded.problems.is_empty(), "{:?}", reloaded.problems);
    assert_eq!(reloaded.reviews, vec![edited]);
}

#[test]
fn a_schema_2_draft_saved_part_by_part_keeps_its_unchanged_parts_where_they_are() {
    let store = store_of(SCHEMA_2);
    let loaded = load_reviews(&store).unwrap().reviews.remove(0);
    let mut edited = loaded.clone();
    let first = edited.observations[0].id;
    edited.edit_observation(first, "Only Amanda and Sam know the gateway", 2);
    save_review_since(&store, &edited, Some(&loaded), 3, "test").unwrap();
    let unchanged = "gotlucky:v1:review:mi1work01:part:increasing.measuring";
    assert!(store.read(unchanged).unwrap().is_some());
    assert_eq!(load_reviews(&store).unwrap().reviews, vec![edited]);
}
