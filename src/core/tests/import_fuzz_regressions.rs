//! Reviews the fuzz targets in `fuzz/` found that did not export and import back to themselves. Each test
//! opens with the bug it guards against.

use gotlucky_core::import::import_markdown;
use gotlucky_core::{export_markdown, Review};

/// The export of `review` imports to a review whose export is the same.
fn assert_round_trip(review: &Review) {
    let exported = export_markdown(review);
    let imported = import_markdown(&exported, "again", 2).unwrap();
    assert_eq!(export_markdown(&imported), exported);
}

/// Two observations with the same words both explain one moment: the ledger lists the words twice, and the
/// import linked the first observation twice (so once), losing the second link.
#[test]
fn observations_with_the_same_words_are_each_linked_to_a_moment() {
    let mut review = Review::new("r", "Same words", 0);
    let moment = review.add_moment("We were lucky", 1).unwrap();
    for _ in 0..2 {
        let observation = review
            .add_observation("decreasing.normalised", "notes\u{3}\n  ", 1)
            .unwrap();
        review.toggle_explanation(moment, observation, 1);
    }
    assert_round_trip(&review);
    let imported = import_markdown(&export_markdown(&review), "again", 2).unwrap();
    assert_eq!(imported.moments[0].explained_by.len(), 2);
}
