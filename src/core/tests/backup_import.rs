//! Backup files: export, validation, and the merge into the drafts already here, including machines whose
//! clocks are set wrong.
//!
//! The bug this guards against: the merge let the newer `updated_at` win, so a copy edited on a machine whose
//! clock ran a year ahead replaced the drafts here, however much had been typed here since, and a copy edited on a
//! machine whose clock had been set back was skipped as "already here in a newer version".

use gotlucky_core::backup::{
    export_backup, plan_import, plan_import_at, ImportPlan, CLOCK_TOLERANCE_MS, MAX_BACKUP_BYTES,
};
use gotlucky_core::storage::ReviewId;
use gotlucky_core::Review;

const NOW: u64 = 1_767_225_600_000;
const HOUR: u64 = 60 * 60 * 1000;
const YEAR: u64 = 365 * 24 * HOUR;

fn counts(plan: &ImportPlan) -> (usize, usize, usize, usize) {
    (plan.added, plan.updated, plan.copied, plan.skipped)
}

/// A review as it stands here: edited at `edited`, and last exported at `exported`.
fn here(id: &str, title: &str, edited: u64, exported: Option<u64>) -> Review {
    let mut review = Review::new(id, title, NOW - YEAR);
    review.set_title(&format!("{title}."), edited);
    if let Some(exported) = exported {
        review.mark_exported(exported);
    }
    review
}

#[test]
fn a_backup_round_trips_into_an_empty_browser() {
    let mut review = Review::new("abc", "Outage | *with* text", 5);
    review.add_observation("decreasing.normalised", "<script>", 6);
    let text = export_backup(std::slice::from_ref(&review), 10);
    let plan = plan_import_at(&text, &[], NOW).unwrap();
    review.mark_exported(10);
    assert_eq!(plan.to_save, vec![review]);
    assert_eq!(counts(&plan), (1, 0, 0, 0));
}

#[test]
fn the_newer_edit_wins_when_the_one_here_is_in_a_backup_and_nothing_is_deleted() {
    let older = here("same", "old", NOW - 2 * HOUR, Some(NOW - HOUR));
    let mut newer = older.clone();
    newer.set_title("new", NOW - HOUR / 2);
    let only_here = Review::new("here", "stays", 1);
    let from_file = Review::new("fresh", "added", 1);

    let text = export_backup(&[newer.clone(), from_file.clone()], NOW);
    let plan = plan_import_at(&text, &[older.clone(), only_here], NOW).unwrap();
    let ids: Vec<&str> = plan.to_save.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["same", "fresh"]);
    assert_eq!(plan.to_save[0].title, "new");
    assert_eq!(counts(&plan), (1, 1, 0, 0));

    let text = export_backup(&[older], NOW);
    let plan = plan_import_at(&text, &[newer], NOW).unwrap();
    assert!(plan.to_save.is_empty());
    assert_eq!(counts(&plan), (0, 0, 0, 1));
}

#[test]
fn when_both_changed_both_are_kept() {
    // Edited here since the last backup, and edited (later) elsewhere.
    let local = here("both", "Typed here", NOW - HOUR, Some(NOW - 2 * HOUR));
    let mut theirs = local.clone();
    theirs.set_title("Typed elsewhere", NOW - HOUR / 2);
    let text = export_backup(std::slice::from_ref(&theirs), NOW);
    let plan = plan_import_at(&text, std::slice::from_ref(&local), NOW).unwrap();
    assert_eq!(counts(&plan), (0, 0, 1, 0));
    let copy = &plan.to_save[0];
    assert_ne!(copy.id, local.id);
    assert!(ReviewId::parse(&copy.id).is_ok());
    assert_eq!(copy.title, "Typed elsewhere (from backup)");
    assert!(
        plan.describe().contains("1 kept as a separate copy"),
        "{}",
        plan.describe()
    );
}

#[test]
fn a_copy_from_a_clock_far_ahead_never_replaces_the_draft_here() {
    let local = here("fast", "Here", NOW - HOUR, Some(NOW - HOUR / 2));
    let mut skewed = local.clone();
    skewed.set_title("From a machine a year ahead", NOW + YEAR);
    let text = export_backup(std::slice::from_ref(&skewed), NOW + YEAR);
    let plan = plan_import_at(&text, std::slice::from_ref(&local), NOW).unwrap();
    assert_eq!(counts(&plan), (0, 0, 1, 0));
    assert_ne!(plan.to_save[0].id, "fast");
    // Within the tolerance, clocks agree well enough and the newer edit wins.
    skewed.updated_at = NOW + CLOCK_TOLERANCE_MS;
    let text = export_backup(std::slice::from_ref(&skewed), NOW);
    let plan = plan_import_at(&text, std::slice::from_ref(&local), NOW).unwrap();
    assert_eq!(counts(&plan), (0, 1, 0, 0));
}

#[test]
fn a_copy_from_a_clock_set_back_is_kept_not_skipped() {
    let local = here("slow", "Here", NOW - HOUR, Some(NOW - HOUR / 2));
    let mut skewed = local.clone();
    // Edited on a machine whose clock reads 1970: before the review was even created.
    skewed.set_title("Typed on a clock set back", 5);
    let text = export_backup(std::slice::from_ref(&skewed), 6);
    let plan = plan_import_at(&text, std::slice::from_ref(&local), NOW).unwrap();
    assert_eq!(counts(&plan), (0, 0, 1, 0));
    assert_eq!(plan.to_save[0].title, "Typed on a clock set back (from backup)");
}

#[test]
fn a_draft_here_stamped_by_a_fast_clock_does_not_win_every_merge() {
    // This machine's clock ran a year ahead when the draft was edited, and has since been corrected.
    let local = here("stuck", "Here", NOW + YEAR, Some(NOW + YEAR));
    let mut theirs = local.clone();
    theirs.set_title("Edited elsewhere today", NOW - HOUR);
    let text = export_backup(std::slice::from_ref(&theirs), NOW);
    let plan = plan_import_at(&text, std::slice::from_ref(&local), NOW).unwrap();
    assert_eq!(counts(&plan), (0, 0, 1, 0));
}

#[test]
fn a_new_review_from_a_clock_far_ahead_is_brought_back_to_now() {
    let skewed = Review::new("ahead", "From the future", NOW + YEAR);
    let text = export_backup(std::slice::from_ref(&skewed), NOW + YEAR);
    let plan = plan_import_at(&text, &[], NOW).unwrap();
    assert_eq!(counts(&plan), (1, 0, 0, 0));
    assert_eq!((plan.to_save[0].created_at, plan.to_save[0].updated_at), (NOW, NOW));
    assert_eq!(plan.to_save[0].title, "From the future");
}

#[test]
fn the_same_review_with_other_times_or_order_is_skipped() {
    let mut local = here("same", "Same", NOW - HOUR, None);
    local.add_observation("increasing.measuring", "second question", NOW - HOUR);
    local.add_observation("decreasing.normalised", "first question", NOW - HOUR);
    let mut theirs = local.clone();
    theirs.updated_at = NOW + YEAR;
    theirs.observations.reverse();
    let text = export_backup(std::slice::from_ref(&theirs), NOW);
    let plan = plan_import_at(&text, std::slice::from_ref(&local), NOW).unwrap();
    assert_eq!(counts(&plan), (0, 0, 0, 1));
}

#[test]
fn importing_the_same_file_twice_keeps_one_copy() {
    let local = here("twice", "Here", NOW - HOUR, None);
    let mut theirs = local.clone();
    theirs.set_title("Elsewhere", NOW - HOUR / 2);
    let text = export_backup(std::slice::from_ref(&theirs), NOW);
    let first = plan_import_at(&text, std::slice::from_ref(&local), NOW).unwrap();
    assert_eq!(counts(&first), (0, 0, 1, 0));
    let mut existing = vec![local];
    existing.extend(first.to_save);
    let again = plan_import_at(&text, &existing, NOW + HOUR).unwrap();
    assert_eq!(counts(&again), (0, 0, 0, 1));
}

#[test]
fn a_copy_gets_a_free_id_even_from_the_longest_id() {
    let long = "a".repeat(64);
    let local = here(&long, "Here", NOW - HOUR, None);
    let taken = Review::new(format!("{}b1", &long[..62]), "Taken", 1);
    let mut theirs = local.clone();
    theirs.set_title("Elsewhere", NOW - HOUR / 2);
    let text = export_backup(std::slice::from_ref(&theirs), NOW);
    let plan = plan_import_at(&text, &[local, taken], NOW).unwrap();
    let copy = &plan.to_save[0];
    assert!(ReviewId::parse(&copy.id).is_ok(), "{}", copy.id);
    assert_eq!(copy.id, format!("{}b2", &long[..62]));
}

#[test]
fn a_file_exported_here_and_imported_back_changes_nothing() {
    let mut local = here("back", "Here", NOW - HOUR, None);
    let text = export_backup(std::slice::from_ref(&local), NOW);
    // The app records the export on the draft here as well.
    local.mark_exported(NOW + 1);
    let plan = plan_import_at(&text, std::slice::from_ref(&local), NOW + HOUR).unwrap();
    assert_eq!(counts(&plan), (0, 0, 0, 1));
}

#[test]
fn without_the_time_both_changed_still_keeps_both() {
    let local = here("notime", "Here", NOW - HOUR, None);
    let mut theirs = local.clone();
    theirs.set_title("Elsewhere", NOW);
    let text = export_backup(std::slice::from_ref(&theirs), NOW);
    let plan = plan_import(&text, std::slice::from_ref(&local)).unwrap();
    assert_eq!(counts(&plan), (0, 0, 1, 0));
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let cases = [
        ("", "not a gotlucky backup"),
        ("# A Markdown file", "not a gotlucky backup"),
        ("\u{0}\u{1}binary", "not a gotlucky backup"),
        (r#"{"format":"other","schema":1,"reviews":[]}"#, "its format is"),
        (
            r#"{"format":"gotlucky-backup","schema":99,"reviews":[]}"#,
            "newer version",
        ),
        (
            r#"{"format":"gotlucky-backup","schema":1,"reviews":[{"id":"../x"}]}"#,
            "invalid id",
        ),
        (
            r#"{"format":"gotlucky-backup","schema":1,"reviews":[{"title":"no id"}]}"#,
            "not a gotlucky backup",
        ),
    ];
    for (text, reason) in cases {
        let error = plan_import_at(text, &[], NOW).unwrap_err();
        assert!(error.contains(reason), "{text:?} gave {error:?}");
    }
    assert!(plan_import_at(&" ".repeat(MAX_BACKUP_BYTES + 1), &[], NOW)
        .unwrap_err()
        .contains("too large"));
}

#[test]
fn files_of_every_released_backup_version_are_read() {
    for schema in [1, 2] {
        let text = format!(r#"{{"format":"gotlucky-backup","schema":{schema},"reviews":[{{"id":"v{schema}"}}]}}"#);
        assert_eq!(plan_import_at(&text, &[], NOW).unwrap().added, 1);
    }
    assert!(export_backup(&[], NOW).contains("\"schema\": 2"));
}
