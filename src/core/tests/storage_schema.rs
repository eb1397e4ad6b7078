//! The storage schema through its public functions: saving and loading, the index, damaged and newer entries,
//! migrations, and writing only what changed.

mod storage_common;

use gotlucky_core::drafts::{
    decode_with, load_reviews, load_with, part_key, read_review, review_key, review_writes, save_review,
    save_review_since, Migration, INDEX_KEY,
};
use gotlucky_core::{MemoryStore, Review, Store};
use serde_json::Value;
use storage_common::{filled_review, loaded_ids, CrashingStore};

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
    // A pretend history: schema 1 called the title "name"; schema 2 wrote it differently.
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
fn a_save_while_typing_writes_only_the_changed_part_and_the_head() {
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
    assert_eq!(
        keys,
        [part_key("parts", "increasing.measuring", 2), review_key("parts")]
    );

    let counting = CrashingStore::new(&store, usize::MAX);
    save_review_since(&counting, &review, Some(&previous), 5, "test").unwrap();
    // Two writes, and the replaced part's key removed.
    assert_eq!(counting.changes(), 3);
    assert_eq!(store.read(&part_key("parts", "increasing.measuring", 1)).unwrap(), None);
    let loaded = load_reviews(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.reviews, vec![review]);
    // The head itself holds no observation text.
    assert!(!store.read(&review_key("parts")).unwrap().unwrap().contains("dashboard"));
}

#[test]
fn a_save_of_the_scene_only_writes_the_head() {
    let store = MemoryStore::default();
    let mut review = filled_review("scene");
    save_review(&store, &review, 1, "test").unwrap();
    let previous = review.clone();
    review.set_title("Cache stampede, 3 March", 2);
    let counting = CrashingStore::new(&store, usize::MAX);
    save_review_since(&counting, &review, Some(&previous), 3, "test").unwrap();
    assert_eq!(counting.changes(), 1);
    assert_eq!(load_reviews(&store).unwrap().reviews, vec![review]);
}

#[test]
fn a_new_review_writes_no_key_for_an_empty_question() {
    let writes = review_writes(&filled_review("few"), None, 1, "test");
    // Two answered questions, the part for retired questions, and the head.
    assert_eq!(
        writes.len(),
        4,
        "{:?}",
        writes.iter().map(|(key, _)| key).collect::<Vec<_>>()
    );
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
fn a_part_a_head_lists_under_a_question_the_catalogue_dropped_still_loads() {
    let store = MemoryStore::default();
    let head = r#"{"schema":3,"saved_at":1,"app_version":"t","generation":4,"parts":{"gone.question":4},
        "data":{"id":"drop","title":"Dropped","next_id":2}}"#;
    store.write(&review_key("drop"), head).unwrap();
    store
        .write(
            &part_key("drop", "gone.question", 4),
            r#"[{"id":1,"question":"gone.question","text":"kept"}]"#,
        )
        .unwrap();
    let loaded = load_reviews(&store).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.reviews[0].observations[0].text, "kept");
    // Saved again, it moves to the part for retired questions and the old key goes.
    let review = loaded.reviews[0].clone();
    save_review_since(&store, &review, Some(&review), 2, "test").unwrap();
    assert_eq!(load_reviews(&store).unwrap().reviews, vec![review]);
    assert_eq!(store.read(&part_key("drop", "gone.question", 4)).unwrap(), None);
}

#[test]
fn a_missing_or_damaged_part_is_reported_and_the_rest_loads() {
    let store = MemoryStore::default();
    let mut review = Review::new("torn", "Torn", 1);
    review.add_observation("decreasing.normalised", "kept", 2);
    review.add_observation("incentives.slo", "lost", 2);
    review.add_observation("increasing.pairing", "damaged", 2);
    save_review(&store, &review, 3, "test").unwrap();
    store.remove(&part_key("torn", "incentives.slo", 1)).unwrap();
    store
        .write(&part_key("torn", "increasing.pairing", 1), "[{broken")
        .unwrap();
    let loaded = load_reviews(&store).unwrap();
    assert_eq!(loaded.reviews[0].observations.len(), 1);
    let keys: Vec<&str> = loaded.problems.iter().map(|p| p.key.as_str()).collect();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert!(read_review(&store, "torn").is_err());
}

#[test]
fn another_tab_reads_a_review_as_saved() {
    let store = MemoryStore::default();
    let review = filled_review("tab");
    assert_eq!(read_review(&store, "tab"), Ok(None));
    save_review(&store, &review, 1, "test").unwrap();
    assert_eq!(read_review(&store, "tab"), Ok(Some(review)));
}
