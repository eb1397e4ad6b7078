//! The localStorage adapter against the real localStorage of headless Chromium.
#![cfg(target_arch = "wasm32")]

use gotlucky::storage::LocalStore;
use gotlucky_core::drafts::review_key;
use gotlucky_core::{load_reviews, save_review, Review, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn open() -> LocalStore {
    match LocalStore::open() {
        Ok(store) => store,
        Err(error) => panic!("localStorage should be available in the test browser: {error}"),
    }
}

#[wasm_bindgen_test]
fn writes_then_reads_back_the_same_text() {
    let store = open();
    let text = "We were lucky that Amanda was online 🍀 | <b>&amp;";
    store.write("gotlucky:test:roundtrip", text).unwrap();
    assert_eq!(store.read("gotlucky:test:roundtrip").unwrap().as_deref(), Some(text));
    // The write really reached localStorage, not a copy in memory.
    let raw = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("gotlucky:test:roundtrip");
    assert_eq!(raw.unwrap().as_deref(), Some(text));
    store.remove("gotlucky:test:roundtrip").unwrap();
}

#[wasm_bindgen_test]
fn a_missing_key_is_none_not_an_error() {
    let store = open();
    store.remove("gotlucky:test:never-written").unwrap();
    assert_eq!(store.read("gotlucky:test:never-written"), Ok(None));
}

#[wasm_bindgen_test]
fn a_review_saved_through_the_adapter_loads_back() {
    let store = open();
    let mut review = Review::new("browsertest1", "Queue backlog", 1);
    review.add_observation("decreasing.normalised", "Nobody owns the queue alerts", 2);
    save_review(&store, &review, 3, "test").unwrap();
    let loaded = load_reviews(&store).unwrap();
    assert!(loaded.reviews.contains(&review));
    assert!(store.keys().unwrap().contains(&review_key("browsertest1")));
    store.remove(&review_key("browsertest1")).unwrap();
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_such_and_nothing_is_half_written() {
    let store = open();
    let mut chunk = "x".repeat(1 << 20);
    let mut fillers = Vec::new();
    while chunk.len() > 16 {
        let key = format!("gotlucky:test:filler:{}", fillers.len());
        match store.write(&key, &chunk) {
            Ok(()) => fillers.push(key),
            Err(_) => chunk.truncate(chunk.len() / 2),
        }
    }
    let result = store.write("gotlucky:test:too-much", &"y".repeat(64 * 1024));
    assert_eq!(result, Err(gotlucky_core::StoreError::QuotaExceeded));
    assert_eq!(store.read("gotlucky:test:too-much"), Ok(None));
    for key in fillers {
        store.remove(&key).unwrap();
    }
    assert!(store.write("gotlucky:test:too-much", "fits again").is_ok());
    store.remove("gotlucky:test:too-much").unwrap();
}
