//! The writing hints a team dismissed, kept with the review so that a dismissed hint stays dismissed on every
//! device the review travels to (backups, other tabs).
//!
//! A dismissal names one item and one rule: `"<item id>:<rule id>"`. Item ids are shared by moments,
//! observations and actions and never reused, so the key cannot point at another item later; rule ids never
//! change once shipped (see `hints::rules`). A dismissal outlives a deleted item, so Undo brings the item back
//! as it was.

use super::Review;
use crate::hints::HintedItem;

/// The key of one dismissed hint.
fn hint_key(item: HintedItem, rule: &str) -> String {
    let id = match item {
        HintedItem::Moment(id) => id.0,
        HintedItem::Observation(id) => id.0,
        HintedItem::Action(id) => id.0,
    };
    format!("{id}:{rule}")
}

impl Review {
    /// Dismisses the hint of `rule` on one item; dismissing it again changes nothing.
    pub fn dismiss_hint(&mut self, item: HintedItem, rule: &str, now: u64) {
        let key = hint_key(item, rule);
        if !self.dismissed_hints.contains(&key) {
            self.dismissed_hints.push(key);
            self.updated_at = now;
        }
    }

    /// Whether the hint of `rule` on one item was dismissed.
    pub fn is_hint_dismissed(&self, item: HintedItem, rule: &str) -> bool {
        self.dismissed_hints.contains(&hint_key(item, rule))
    }

    /// Shows a dismissed hint again (Undo).
    pub fn restore_hint(&mut self, item: HintedItem, rule: &str, now: u64) {
        let key = hint_key(item, rule);
        let before = self.dismissed_hints.len();
        self.dismissed_hints.retain(|dismissed| *dismissed != key);
        if self.dismissed_hints.len() != before {
            self.updated_at = now;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::{MomentId, ObservationId};

    #[test]
    fn a_dismissal_names_one_item_and_one_rule() {
        let mut review = Review::new("r", "", 0);
        let first = HintedItem::Observation(ObservationId(1));
        let eleventh = HintedItem::Observation(ObservationId(11));
        review.dismiss_hint(first, "blame-name", 5);
        assert_eq!(review.dismissed_hints, ["1:blame-name"]);
        assert_eq!(review.updated_at, 5);
        assert!(review.is_hint_dismissed(first, "blame-name"));
        assert!(!review.is_hint_dismissed(first, "just"));
        assert!(!review.is_hint_dismissed(eleventh, "blame-name"));
        // Moments, observations and actions share their ids, so the kind of item needs no place in the key.
        assert!(review.is_hint_dismissed(HintedItem::Moment(MomentId(1)), "blame-name"));
    }

    #[test]
    fn dismissing_twice_keeps_one_key_and_restoring_brings_back_only_that_hint() {
        let mut review = Review::new("r", "", 0);
        let first = HintedItem::Observation(ObservationId(1));
        let eleventh = HintedItem::Observation(ObservationId(11));
        review.dismiss_hint(first, "just", 1);
        review.dismiss_hint(first, "just", 2);
        assert_eq!(review.updated_at, 1);
        review.dismiss_hint(eleventh, "just", 3);
        review.dismiss_hint(first, "if-only", 4);
        review.restore_hint(first, "just", 5);
        assert_eq!(review.dismissed_hints, ["11:just", "1:if-only"]);
        assert_eq!(review.updated_at, 5);
        review.restore_hint(first, "just", 6);
        assert_eq!(review.updated_at, 5, "nothing to restore is not an edit");
    }

    #[test]
    fn dismissals_are_stored_only_once_there_is_one() {
        let mut review = Review::new("r", "", 0);
        let json = serde_json::to_string(&review).unwrap();
        assert!(!json.contains("dismissed_hints"), "{json}");
        review.dismiss_hint(HintedItem::Observation(ObservationId(3)), "just", 1);
        let json = serde_json::to_string(&review).unwrap();
        assert!(json.contains(r#""dismissed_hints":["3:just"]"#), "{json}");
        let back: Review = serde_json::from_str(&json).unwrap();
        assert_eq!(back, review);
    }

    #[test]
    fn dismissals_survive_saving_and_loading() {
        use crate::drafts::{load_reviews, save_review};
        use crate::store::MemoryStore;
        let mut review = Review::new("abc", "t", 0);
        let moment = review.add_moment("We got lucky", 1).unwrap();
        review.dismiss_hint(HintedItem::Moment(moment), "luck-unexplained", 2);
        let store = MemoryStore::default();
        save_review(&store, &review, 3, "test").unwrap();
        let loaded = load_reviews(&store).unwrap().reviews.remove(0);
        assert!(loaded.is_hint_dismissed(HintedItem::Moment(moment), "luck-unexplained"));
    }
}
