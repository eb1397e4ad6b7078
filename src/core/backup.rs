//! Backups: every draft in one JSON file, and merging such a file back in.
//!
//! Import validates the whole file before anything is written, merges by review id (the newer edit wins) and
//! never deletes: a draft missing from the file stays as it is.

use serde::{Deserialize, Serialize};

use crate::drafts::SCHEMA_VERSION;
use crate::review::Review;
use crate::route::is_review_id;

const FORMAT: &str = "gotlucky-backup";
/// Larger files are refused before parsing: far beyond any real set of reviews, and too big for localStorage.
pub const MAX_BACKUP_BYTES: usize = 20_000_000;

#[derive(Serialize)]
struct BackupOut<'a> {
    format: &'a str,
    schema: u32,
    exported_at: u64,
    reviews: &'a [Review],
}

#[derive(Deserialize)]
struct BackupIn {
    format: String,
    schema: u32,
    reviews: Vec<Review>,
}

/// Every review as one backup file.
pub fn export_backup(reviews: &[Review], now: u64) -> String {
    let backup = BackupOut {
        format: FORMAT,
        schema: SCHEMA_VERSION,
        exported_at: now,
        reviews,
    };
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}

/// What an import will do, shown before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// Reviews to save: new ones and newer versions of existing ones.
    pub to_save: Vec<Review>,
    pub added: usize,
    pub updated: usize,
    /// Reviews already here in the same or a newer version.
    pub skipped: usize,
}

impl ImportPlan {
    pub fn describe(&self) -> String {
        format!(
            "{} added, {} updated, {} skipped (already here in the same or a newer version)",
            self.added, self.updated, self.skipped
        )
    }
}

/// Reads a backup file and plans the merge with the reviews already here. A bad file is refused with the reason.
pub fn plan_import(text: &str, existing: &[Review]) -> Result<ImportPlan, String> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(format!(
            "the file is too large for a gotlucky backup ({} bytes)",
            text.len()
        ));
    }
    let backup: BackupIn = serde_json::from_str(text)
        .map_err(|error| format!("this is not a gotlucky backup file (it does not read as one: {error})"))?;
    if backup.format != FORMAT {
        return Err(format!(
            "this is not a gotlucky backup file (its format is \u{201c}{}\u{201d})",
            backup.format
        ));
    }
    if backup.schema > SCHEMA_VERSION {
        return Err(format!(
            "this backup was made by a newer version of gotlucky (format {}); update the app to import it",
            backup.schema
        ));
    }
    if let Some(bad) = backup.reviews.iter().find(|review| !is_review_id(&review.id)) {
        return Err(format!(
            "the backup holds a review with an invalid id \u{201c}{}\u{201d}",
            bad.id
        ));
    }
    let mut plan = ImportPlan::default();
    for incoming in backup.reviews {
        match existing.iter().find(|review| review.id == incoming.id) {
            None => plan.added += 1,
            Some(current) if incoming.updated_at > current.updated_at => plan.updated += 1,
            Some(_) => {
                plan.skipped += 1;
                continue;
            }
        }
        plan.to_save.push(incoming);
    }
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_backup_round_trips_into_an_empty_browser() {
        let mut review = Review::new("abc", "Outage | *with* text", 5);
        review.add_observation("decreasing.normalised", "<script>", 6);
        let text = export_backup(std::slice::from_ref(&review), 10);
        let plan = plan_import(&text, &[]).unwrap();
        assert_eq!(plan.to_save, vec![review]);
        assert_eq!((plan.added, plan.updated, plan.skipped), (1, 0, 0));
    }

    #[test]
    fn the_newer_edit_wins_and_nothing_is_deleted() {
        let older = Review::new("same", "old", 1);
        let mut newer = older.clone();
        newer.set_title("new", 9);
        let only_here = Review::new("here", "stays", 1);
        let from_file = Review::new("fresh", "added", 1);

        let text = export_backup(&[newer.clone(), from_file.clone()], 10);
        let plan = plan_import(&text, &[older.clone(), only_here]).unwrap();
        assert_eq!(plan.to_save, vec![newer.clone(), from_file]);
        assert_eq!((plan.added, plan.updated, plan.skipped), (1, 1, 0));

        let text = export_backup(&[older], 10);
        let plan = plan_import(&text, &[newer]).unwrap();
        assert!(plan.to_save.is_empty());
        assert_eq!(plan.skipped, 1);
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
            let error = plan_import(text, &[]).unwrap_err();
            assert!(error.contains(reason), "{text:?} gave {error:?}");
        }
        assert!(plan_import(&" ".repeat(MAX_BACKUP_BYTES + 1), &[])
            .unwrap_err()
            .contains("too large"));
    }
}
