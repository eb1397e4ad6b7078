//! Reading a reflection from a file: a gotlucky Markdown export or a backup, refused with a reason otherwise.

use crate::backup;
use crate::import::{import_markdown, MAX_IMPORT_BYTES};
use crate::review::Review;

use super::agenda::is_meeting_plan;
use super::merge::{fold, MergeFile};

/// Larger files are refused: no reflection comes near it (the same bound as the Markdown import).
pub const MAX_REFLECTION_BYTES: usize = MAX_IMPORT_BYTES;

/// The reflection in a file, with whose it is and the source its items will carry.
pub(super) fn read_reflection(meeting: &Review, file: &MergeFile) -> Result<(String, String, Review), String> {
    let text = file.text.as_str();
    if text.len() > MAX_REFLECTION_BYTES {
        return Err(format!("the file is larger than 2 MB ({} bytes)", text.len()));
    }
    if text.trim().is_empty() {
        return Err("the file is empty".to_owned());
    }
    let reflection = if text.trim_start().starts_with('{') {
        reflection_in_backup(meeting, text)?
    } else if is_meeting_plan(text) {
        return Err("this is the meeting plan, not a reflection: ask for the file exported after reflecting".into());
    } else {
        let review = import_markdown(text, "reflection", 0)
            .map_err(|error| format!("this is not a gotlucky export or backup ({error})"))?;
        let recognised = has_content(&review) || text.contains("written with gotlucky");
        if !recognised {
            return Err("this is not a gotlucky export or backup: nothing in it reads as a review".to_owned());
        }
        review
    };
    let name = reflection
        .scene
        .facilitator
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Ok(if name.is_empty() {
        let file_name = file.name.trim();
        (file_name.to_owned(), format!("reflection from {file_name}"), reflection)
    } else {
        (name.clone(), format!("{name}\u{2019}s reflection"), reflection)
    })
}

/// The reflection in a backup file: the review titled like the meeting (the latest edited, if several), or the
/// only review it holds. The meeting's own review, should the backup hold it, is never a reflection.
fn reflection_in_backup(meeting: &Review, text: &str) -> Result<Review, String> {
    let reviews = backup::plan_import(text, &[])
        .map_err(|error| format!("this is not a gotlucky export or backup: {error}"))?
        .to_save;
    let candidates: Vec<Review> = reviews.into_iter().filter(|review| review.id != meeting.id).collect();
    let title = fold(&meeting.title);
    let titled_alike = candidates
        .iter()
        .filter(|review| !title.is_empty() && fold(&review.title) == title)
        .max_by_key(|review| review.updated_at);
    match (titled_alike, candidates.as_slice()) {
        (Some(review), _) => Ok(review.clone()),
        (None, [only]) => Ok(only.clone()),
        (None, []) => Err("the backup holds no reflection (no review other than this meeting\u{2019}s)".to_owned()),
        (None, many) => Err(format!(
            "the backup holds {} reviews and none is titled \u{201c}{}\u{201d}; export the reflection on its own",
            many.len(),
            meeting.display_title()
        )),
    }
}

fn has_content(review: &Review) -> bool {
    let scene = &review.scene;
    !review.observations.is_empty()
        || !review.moments.is_empty()
        || !review.actions.is_empty()
        || !review.drill.is_empty()
        || [
            &scene.what_happened,
            &scene.link,
            &scene.date,
            &scene.facilitator,
            &scene.participants,
        ]
        .iter()
        .any(|text| !text.trim().is_empty())
}
