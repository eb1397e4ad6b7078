//! Every storage key gotlucky writes, and the review id they are built from.
//!
//! All keys start with `gotlucky:v1:`, so other apps on the same origin are left alone:
//! - `index`: the ids of the drafts, so a draft whose entry vanished is noticed;
//! - `review:<id>`: a review's head: everything but its observations, in an envelope;
//! - `review:<id>:part:<part>:<generation>`: the observations answering one question, written by the save of that
//!   generation (schema 3). Generation 0 is the key without the suffix, as schema 2 wrote it;
//! - `trash:<id>`: a deleted review, whole, until it is restored or emptied;
//! - `history:<id>`: a review's earlier revisions;
//! - `backup:<id>:schema-<n>`: the original of a draft before it was migrated from schema `n`;
//! - `presence:<id>`: where the facilitator is in a review (step and question), for the presenter view; not part
//!   of the review, never exported;
//! - `prefs:<name>`: this browser's preferences (the timer's sound, the writing hints).

use std::fmt;

use crate::catalogue::QUESTIONS;

/// Every key gotlucky writes starts with this.
pub const KEY_PREFIX: &str = "gotlucky:v1:";
pub const INDEX_KEY: &str = "gotlucky:v1:index";
pub const REVIEW_PREFIX: &str = "gotlucky:v1:review:";
pub const TRASH_PREFIX: &str = "gotlucky:v1:trash:";
pub const HISTORY_PREFIX: &str = "gotlucky:v1:history:";
pub const PRESENCE_PREFIX: &str = "gotlucky:v1:presence:";
/// "off" when the timer's sound is muted in this browser.
pub const TIMER_SOUND_KEY: &str = "gotlucky:v1:prefs:timer-sound";
/// "off" when the writing hints are turned off in this browser.
pub const HINTS_KEY: &str = "gotlucky:v1:prefs:hints";
const BACKUP_PREFIX: &str = "gotlucky:v1:backup:";

/// Where the facilitator is in a review, for the presenter view in another window.
pub fn presence_key(review_id: &str) -> String {
    format!("{PRESENCE_PREFIX}{review_id}")
}

/// The longest review id accepted.
pub const MAX_REVIEW_ID_LEN: usize = 64;

/// The part that holds observations of questions the catalogue no longer has (from an old backup, say), so that
/// no observation is ever left out of the parts.
pub const OTHER_PART: &str = "other";

/// A review id checked once: not empty, at most `MAX_REVIEW_ID_LEN` characters, ASCII letters and digits only,
/// so it can never reach outside its own keys (no `:`), nor a URL path (no `/`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReviewId(String);

/// Why a text is not a review id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidReviewId(pub String);

impl fmt::Display for InvalidReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\u{201c}{}\u{201d} is not a review id", self.0)
    }
}

impl std::error::Error for InvalidReviewId {}

impl ReviewId {
    /// Checks a text once; every key built from the result is safe.
    pub fn parse(text: &str) -> Result<ReviewId, InvalidReviewId> {
        if is_valid_review_id(text) {
            Ok(ReviewId(text.to_owned()))
        } else {
            Err(InvalidReviewId(text.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key of the review's head.
    pub fn review_key(&self) -> String {
        review_key(&self.0)
    }

    /// The key of one part of the review, as written by the save of `generation`.
    pub fn part_key(&self, part: &str, generation: u64) -> String {
        part_key(&self.0, part, generation)
    }

    pub fn trash_key(&self) -> String {
        trash_key(&self.0)
    }

    pub fn history_key(&self) -> String {
        history_key(&self.0)
    }

    /// The key keeping the original of the review as it was stored with `schema`, before a migration.
    pub fn backup_key(&self, schema: u32) -> String {
        backup_key(&self.0, schema)
    }
}

impl fmt::Display for ReviewId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for ReviewId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl TryFrom<&str> for ReviewId {
    type Error = InvalidReviewId;

    fn try_from(text: &str) -> Result<Self, Self::Error> {
        ReviewId::parse(text)
    }
}

/// The rule `ReviewId::parse` applies.
pub fn is_valid_review_id(text: &str) -> bool {
    !text.is_empty() && text.len() <= MAX_REVIEW_ID_LEN && text.bytes().all(|b| b.is_ascii_alphanumeric())
}

// The functions below take the id as text, for callers that hold a `String`; prefer `ReviewId`'s methods.

/// The key under which a review's head is stored.
pub fn review_key(review_id: &str) -> String {
    format!("{REVIEW_PREFIX}{review_id}")
}

/// The key holding the observations of one part of a review, as written by the save of `generation`.
pub fn part_key(review_id: &str, part: &str, generation: u64) -> String {
    if generation == 0 {
        format!("{REVIEW_PREFIX}{review_id}:part:{part}")
    } else {
        format!("{REVIEW_PREFIX}{review_id}:part:{part}:{generation}")
    }
}

/// The prefix of every key of a review but its head: its parts, whatever their generation.
pub fn review_parts_prefix(review_id: &str) -> String {
    format!("{REVIEW_PREFIX}{review_id}:")
}

/// The key under which a deleted review waits in the trash.
pub fn trash_key(review_id: &str) -> String {
    format!("{TRASH_PREFIX}{review_id}")
}

/// The key holding a review's revision history.
pub fn history_key(review_id: &str) -> String {
    format!("{HISTORY_PREFIX}{review_id}")
}

/// The key keeping a draft's original as it was stored with `schema`, before it was migrated.
pub fn backup_key(review_id: &str, schema: u32) -> String {
    format!("{BACKUP_PREFIX}{review_id}:schema-{schema}")
}

/// The prefix of every migration backup of a review.
pub fn backup_prefix(review_id: &str) -> String {
    format!("{BACKUP_PREFIX}{review_id}:")
}

/// The review id a storage key belongs to, if it is a review's head (not one of its parts).
pub fn review_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(REVIEW_PREFIX).filter(|id| !id.contains(':'))
}

/// The review id of a trash key, if it is one.
pub fn review_id_of_trash_key(key: &str) -> Option<&str> {
    key.strip_prefix(TRASH_PREFIX).filter(|id| !id.contains(':'))
}

/// The names of the parts, in the order their observations are read back: one per question, then the rest.
pub fn parts() -> impl Iterator<Item = &'static str> {
    QUESTIONS.iter().map(|question| question.id).chain([OTHER_PART])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn review_ids_are_checked_once() {
        assert!(ReviewId::parse("mi0slice01").is_ok());
        for bad in ["", "a:b", "../x", "a b", "é", &"x".repeat(MAX_REVIEW_ID_LEN + 1)] {
            assert!(ReviewId::parse(bad).is_err(), "{bad:?}");
        }
        let id = ReviewId::parse("abc").unwrap();
        assert_eq!(id.review_key(), "gotlucky:v1:review:abc");
        assert_eq!(
            id.part_key("incentives.slo", 0),
            "gotlucky:v1:review:abc:part:incentives.slo"
        );
        assert_eq!(
            id.part_key("incentives.slo", 7),
            "gotlucky:v1:review:abc:part:incentives.slo:7"
        );
        assert_eq!(id.backup_key(2), "gotlucky:v1:backup:abc:schema-2");
    }

    #[test]
    fn only_heads_name_a_review() {
        assert_eq!(review_id_of_key(&review_key("abc")), Some("abc"));
        assert_eq!(review_id_of_key(&part_key("abc", "other", 3)), None);
        assert_eq!(review_id_of_key(&trash_key("abc")), None);
    }
}
