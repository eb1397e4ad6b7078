//! The one order of every list of reviews (drafts, trash): the most recently edited first; reviews edited at
//! the same moment by title, then by id, so the order never depends on how the list was built.
//!
//! It follows `updated_at` as stored, even a time ahead of this machine's clock (a draft from a machine whose
//! clock ran fast): such a review stays on top until it is edited here, and no review is ever left out.

use std::cmp::Reverse;

use crate::review::Review;

/// Sorts reviews for a list: newest edit first, ties by title (ignoring ASCII case: full Unicode case folding
/// would bring its tables into the WebAssembly for a tie-break), then by id.
pub fn sort_for_list(reviews: &mut [Review]) {
    reviews.sort_by_cached_key(|review| {
        (
            Reverse(review.updated_at),
            review.display_title().to_ascii_lowercase(),
            review.id.clone(),
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(reviews: &[Review]) -> Vec<&str> {
        reviews.iter().map(|review| review.id.as_str()).collect()
    }

    #[test]
    fn newest_edit_first_then_title_then_id() {
        let mut reviews = vec![
            Review::new("c", "beta", 5),
            Review::new("b", "Alpha", 5),
            Review::new("a", "alpha", 5),
            Review::new("old", "Zulu", 1),
            Review::new("new", "Zulu", 9),
        ];
        sort_for_list(&mut reviews);
        assert_eq!(ids(&reviews), ["new", "a", "b", "c", "old"]);
    }

    #[test]
    fn a_time_from_a_fast_clock_sorts_first_and_nothing_is_dropped() {
        let far_future = u64::MAX / 2;
        let mut reviews = vec![
            Review::new("here", "Here", 1_700_000_000_000),
            Review::new("skewed", "Skewed", far_future),
        ];
        sort_for_list(&mut reviews);
        assert_eq!(ids(&reviews), ["skewed", "here"]);
    }
}
