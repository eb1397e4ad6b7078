//! Every released schema version has a fixture in `tests/fixtures/schema-<n>-*.json`; each must still load.
//! When the schema changes, add fixtures of the new version and keep the old ones: they prove the migrations.
//! Schema 1 stored a review in one key (the fixture is that value); schema 2 splits it over several keys (the
//! fixture maps each key to its value).

use gotlucky_core::drafts::{load_reviews, review_key};
use gotlucky_core::{Dial, DrillKind, Luck, MemoryStore, Mode, Store};

fn load(raw: &str, id: &str) -> gotlucky_core::Review {
    let store = MemoryStore::default();
    store.write(&review_key(id), raw).unwrap();
    let mut loaded = load_reviews(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.reviews.remove(0)
}

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
    let store = MemoryStore::default();
    let entries: std::collections::BTreeMap<String, String> =
        serde_json::from_str(include_str!("fixtures/schema-2-worksheet.json")).unwrap();
    for (key, value) in &entries {
        store.write(key, value).unwrap();
    }
    let loaded = load_reviews(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let from_schema_1 = load(include_str!("fixtures/schema-1-worksheet.json"), "mi1work01");
    assert_eq!(loaded.reviews, vec![from_schema_1]);
    // Nothing was migrated, so no backup copy was written.
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
