//! The words that label the scene's details wherever they are shown: the export's details table, the import
//! that reads it back, and the Review step's summary. One place, so the three cannot drift apart.

use crate::review::{Mode, Review};

pub const WHAT_HAPPENED: &str = "What happened";
pub const LINK: &str = "Link";
pub const DATE: &str = "Date";
pub const FACILITATOR: &str = "Facilitator";
/// The facilitator field of a self-reflection: the one person writing it.
pub const WRITTEN_BY: &str = "Written by";
pub const PARTICIPANTS: &str = "Participants";
pub const MODE: &str = "Mode";
pub const FACILITATED_MEETING: &str = "facilitated meeting";
pub const PERSONAL_REFLECTION: &str = "personal reflection";

/// How a review's mode reads in its details.
pub fn mode_words(mode: Mode) -> &'static str {
    match mode {
        Mode::Facilitated => FACILITATED_MEETING,
        Mode::SelfReflection => PERSONAL_REFLECTION,
    }
}

/// The scene's details in the order they are shown, each with its label; blank values are left out, and a
/// self-reflection has no participants and names its author "Written by".
pub fn scene_details(review: &Review) -> Vec<(&'static str, &str)> {
    let scene = &review.scene;
    let self_reflection = scene.mode == Mode::SelfReflection;
    let mut details = vec![
        (WHAT_HAPPENED, scene.what_happened.as_str()),
        (LINK, scene.link.as_str()),
        (DATE, scene.date.as_str()),
        (
            if self_reflection { WRITTEN_BY } else { FACILITATOR },
            scene.facilitator.as_str(),
        ),
    ];
    if !self_reflection {
        details.push((PARTICIPANTS, scene.participants.as_str()));
    }
    details.push((MODE, mode_words(scene.mode)));
    details.retain(|(_, value)| !value.trim().is_empty());
    details
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SceneField;

    #[test]
    fn a_self_reflection_names_its_author_and_has_no_participants() {
        let mut review = Review::new("r", "t", 0);
        review.set_scene_field(SceneField::Facilitator, "Dev", 1);
        review.set_scene_field(SceneField::Participants, "left over", 1);
        assert_eq!(
            scene_details(&review),
            vec![
                (FACILITATOR, "Dev"),
                (PARTICIPANTS, "left over"),
                (MODE, FACILITATED_MEETING)
            ]
        );
        review.set_mode(Mode::SelfReflection, 2);
        assert_eq!(
            scene_details(&review),
            vec![(WRITTEN_BY, "Dev"), (MODE, PERSONAL_REFLECTION)]
        );
    }
}
