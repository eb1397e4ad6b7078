//! Drafts as the app handles them: loading, saving, the trash. This is the app's way into `storage`, where
//! each concern has its own module; the names here are the same items.

pub use crate::storage::{
    decode_review, decode_with, delete_permanently, delete_review, empty_from_trash, encode_review, load_reviews,
    load_with, move_to_trash, part_key, read_review, restore_from_trash, review_id_of_key, review_key, review_writes,
    save_review, save_review_since, stored_schema, trash_key, trashed_reviews, Deletion, LoadProblem, LoadedDrafts,
    Migration, INDEX_KEY, KEY_PREFIX, MIGRATIONS, SCHEMA_VERSION, TRASH_PREFIX,
};
