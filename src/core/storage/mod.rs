//! The storage schema: how reviews are kept in a string key-value store (`Store`), one room per concern.
//!
//! - `keys`: every key and the `ReviewId` they are built from;
//! - `envelope`: the envelope around each stored review, and a review's head;
//! - `migrations`: schema versions, what each stored where, and reading older ones;
//! - `index`: the list of draft ids;
//! - `save`: writing a review part by part so that a save cut short leaves it whole;
//! - `load`: reading every draft, reporting what does not read;
//! - `trash`: deleting, restoring, emptying, and deleting when storage is full.
//!
//! Each review has its own keys, so one damaged entry never takes the others with it, and nothing here deletes
//! an entry it cannot read.

pub mod envelope;
pub mod index;
pub mod keys;
pub mod load;
pub mod migrations;
pub mod save;
pub mod space;
pub mod trash;

pub use envelope::{encode_review, stored_schema};
pub use keys::{
    backup_key, history_key, part_key, review_id_of_key, review_key, trash_key, InvalidReviewId, ReviewId, INDEX_KEY,
    KEY_PREFIX, TRASH_PREFIX,
};
pub use load::{load_reviews, load_with, read_review, LoadProblem, LoadedDrafts};
pub use migrations::{decode_review, decode_with, Migration, MIGRATIONS, SCHEMA_VERSION};
pub use save::{review_writes, save_review, save_review_since, SavePlan};
pub use trash::{
    delete_permanently, delete_review, empty_from_trash, move_to_trash, restore_from_trash, trashed_reviews, Deletion,
};
