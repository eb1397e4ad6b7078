//! Any files given to the merge of reflections must come back as a plan (each file merged or refused with a
//! reason), never a panic; and applying it must keep everything the meeting had, add exactly what the plan
//! says, add nothing when the same files are merged again, and export as Markdown that imports to the same
//! export. The input is split at 0xFF bytes: the meeting's Markdown first, then each file's text.
#![no_main]

use gotlucky_core::export_markdown;
use gotlucky_core::import::import_markdown;
use gotlucky_core::meeting::{plan_merge, MergeFile};
use gotlucky_core::Review;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut pieces = data.split(|&byte| byte == 0xFF).map(String::from_utf8_lossy);
    let meeting_text = pieces.next().unwrap_or_default();
    let meeting = import_markdown(&meeting_text, "meeting", 1).unwrap_or_else(|_| Review::new("meeting", "", 1));
    let files: Vec<MergeFile> = pieces
        .take(4)
        .enumerate()
        .map(|(index, text)| MergeFile {
            name: format!("reflection-{index}.md"),
            text: text.into_owned(),
        })
        .collect();

    let plan = plan_merge(&meeting, &files);
    assert_eq!(plan.files.len(), files.len(), "a file is missing from the plan");
    let merged = plan.apply(&meeting, 5);

    // Nothing the meeting had is changed or lost.
    assert!(
        merged.observations.starts_with(&meeting.observations),
        "the meeting's observations changed"
    );
    assert!(
        merged.moments.starts_with(&meeting.moments),
        "the meeting's moments changed"
    );
    assert!(
        merged.actions.starts_with(&meeting.actions),
        "the meeting's actions changed"
    );
    assert_eq!(merged.scene, meeting.scene, "the merge changed the scene");

    // The merge adds exactly what the preview promised.
    let accepted: Vec<_> = plan
        .files
        .iter()
        .filter_map(|file| file.outcome.as_ref().ok())
        .collect();
    let observations: usize = accepted.iter().map(|file| file.observations_added()).sum();
    let moments: usize = accepted.iter().map(|file| file.moments_added).sum();
    let actions: usize = accepted.iter().map(|file| file.actions_added).sum();
    assert_eq!(
        merged.observations.len(),
        meeting.observations.len() + observations,
        "observations"
    );
    assert_eq!(merged.moments.len(), meeting.moments.len() + moments, "moments");
    assert_eq!(merged.actions.len(), meeting.actions.len() + actions, "actions");
    if !plan.adds_anything() {
        assert_eq!(merged, meeting, "a merge that adds nothing changed the review");
    }

    // Merging the same files again adds nothing.
    assert!(
        !plan_merge(&merged, &files).adds_anything(),
        "the same files merged twice added more"
    );

    // The merged review exports and imports to the same export.
    let exported = export_markdown(&merged);
    let again = import_markdown(&exported, "again", 2)
        .unwrap_or_else(|error| panic!("a merged review's export did not import ({error}):\n{exported}"));
    assert_eq!(
        export_markdown(&again),
        exported,
        "a merged review's export imported to another review"
    );
});
