//! Backups: every draft in one JSON file, and merging such a file back in.
//!
//! Import validates the whole file before anything is written, merges by review id and never deletes: a draft
//! missing from the file stays as it is. The newer edit wins only when that loses nothing and the times can be
//! trusted; otherwise both are kept, the file's copy as a separate draft titled "… (from backup)":
//! - when the draft here was edited since it last left the browser (in a backup or an export), its edits exist
//!   nowhere else, so a newer copy from the file does not replace it;
//! - when either copy's last edit is implausible (ahead of this machine's clock, or before the review was
//!   created): a machine with a wrong clock would otherwise win, or lose, every merge whatever was edited.
//!
//! A review new to this browser whose times are ahead of its clock is brought back to now, so it is not pinned
//! at the top of the list nor wins every later merge.

use serde::{Deserialize, Serialize};

use crate::catalogue::QUESTIONS;
use crate::review::Review;
use crate::storage::keys::{ReviewId, MAX_REVIEW_ID_LEN};

const FORMAT: &str = "gotlucky-backup";
/// The version of the file format: reviews as plain data. The data has kept its shape through every storage
/// schema so far; raise this only when it changes, so that older versions of the app keep reading new files.
pub const BACKUP_SCHEMA: u32 = 2;
/// Larger files are refused before parsing: far beyond any real set of reviews, and too big for localStorage.
pub const MAX_BACKUP_BYTES: usize = 20_000_000;
/// How far ahead of this machine's clock a time may be and still be trusted: clocks that are set automatically
/// differ by seconds, so a time further ahead comes from a clock set wrong.
pub const CLOCK_TOLERANCE_MS: u64 = 5 * 60 * 1000;

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

/// Every review as one backup file. Each copy in the file records that it was exported `now`, so that importing
/// the file elsewhere knows those copies hold no edit the file lacks.
pub fn export_backup(reviews: &[Review], now: u64) -> String {
    let reviews: Vec<Review> = reviews
        .iter()
        .map(|review| {
            let mut review = review.clone();
            review.mark_exported(now);
            review
        })
        .collect();
    let backup = BackupOut {
        format: FORMAT,
        schema: BACKUP_SCHEMA,
        exported_at: now,
        reviews: &reviews,
    };
    serde_json::to_string_pretty(&backup).unwrap_or_default()
}

/// What an import will do, shown before anything is saved.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// Reviews to save: new ones, newer versions of existing ones, and copies kept beside existing ones.
    pub to_save: Vec<Review>,
    pub added: usize,
    pub updated: usize,
    /// Reviews that differ from the one here with the same id, but cannot replace it without losing edits or
    /// trusting a wrong clock: saved as separate drafts, titled "… (from backup)".
    pub copied: usize,
    /// Reviews already here in the same or a newer version.
    pub skipped: usize,
}

impl ImportPlan {
    pub fn describe(&self) -> String {
        let copied = match self.copied {
            0 => String::new(),
            1 => "1 kept as a separate copy (both versions changed), ".to_owned(),
            n => format!("{n} kept as separate copies (both versions changed), "),
        };
        format!(
            "{} added, {} updated, {copied}{} skipped (already here in the same or a newer version)",
            self.added, self.updated, self.skipped
        )
    }
}

/// Reads a backup file and plans the merge with the reviews already here, `now` being this machine's time. A bad
/// file is refused with the reason.
pub fn plan_import_at(text: &str, existing: &[Review], now: u64) -> Result<ImportPlan, String> {
    Ok(plan(read_backup(text)?, existing, Some(now)))
}

/// `plan_import_at` without the time: times ahead of the clock are not recognised. Prefer `plan_import_at`.
pub fn plan_import(text: &str, existing: &[Review]) -> Result<ImportPlan, String> {
    Ok(plan(read_backup(text)?, existing, None))
}

fn read_backup(text: &str) -> Result<Vec<Review>, String> {
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
    if backup.schema > BACKUP_SCHEMA {
        return Err(format!(
            "this backup was made by a newer version of gotlucky (format {}); update the app to import it",
            backup.schema
        ));
    }
    if let Some(bad) = backup
        .reviews
        .iter()
        .find(|review| ReviewId::parse(&review.id).is_err())
    {
        return Err(format!(
            "the backup holds a review with an invalid id \u{201c}{}\u{201d}",
            bad.id
        ));
    }
    Ok(backup.reviews)
}

fn plan(incoming: Vec<Review>, existing: &[Review], now: Option<u64>) -> ImportPlan {
    let mut plan = ImportPlan::default();
    let mut taken: Vec<String> = existing
        .iter()
        .chain(&incoming)
        .map(|review| review.id.clone())
        .collect();
    for incoming in incoming {
        let Some(local) = existing.iter().find(|review| review.id == incoming.id) else {
            plan.added += 1;
            plan.to_save.push(brought_to(incoming, now));
            continue;
        };
        if same_content(local, &incoming) {
            plan.skipped += 1;
            continue;
        }
        let trusted = plausible(local, now) && plausible(&incoming, now);
        if trusted && incoming.updated_at <= local.updated_at {
            plan.skipped += 1;
            continue;
        }
        if trusted && !edited_since_exported(local) {
            plan.updated += 1;
            plan.to_save.push(incoming);
            continue;
        }
        let copy = copy_of(&incoming, &mut taken, now);
        if existing
            .iter()
            .chain(&plan.to_save)
            .any(|review| same_copy(review, &copy))
        {
            // Imported as a copy before: the same file imported again adds nothing.
            plan.skipped += 1;
        } else {
            plan.copied += 1;
            plan.to_save.push(copy);
        }
    }
    plan
}

/// Whether two versions hold the same review, whatever their times say, and in whatever order their
/// observations of different questions are (storage keeps them by question).
fn same_content(a: &Review, b: &Review) -> bool {
    let (mut a, mut b) = (a.clone(), b.clone());
    b.created_at = a.created_at;
    b.updated_at = a.updated_at;
    b.last_exported_at = a.last_exported_at;
    for review in [&mut a, &mut b] {
        review.observations.sort_by_key(|observation| {
            QUESTIONS
                .iter()
                .position(|question| question.id == observation.question)
        });
    }
    a == b
}

/// Whether `review` is `copy` under another id: a copy an earlier import of the same file made.
fn same_copy(review: &Review, copy: &Review) -> bool {
    let mut copy = copy.clone();
    copy.id.clone_from(&review.id);
    same_content(review, &copy)
}

/// Whether a review's last edit time can be trusted: not ahead of this machine's clock, and not before the
/// review was created.
fn plausible(review: &Review, now: Option<u64>) -> bool {
    review.updated_at >= review.created_at
        && now.is_none_or(|now| review.updated_at <= now.saturating_add(CLOCK_TOLERANCE_MS))
}

/// Whether a review was edited here since it last left the browser: those edits exist nowhere else.
fn edited_since_exported(review: &Review) -> bool {
    review
        .last_exported_at
        .is_none_or(|exported| review.updated_at > exported)
}

/// A review whose times are ahead of this machine's clock, brought back to `now`.
fn brought_to(mut review: Review, now: Option<u64>) -> Review {
    if let Some(now) = now {
        if review.updated_at > now.saturating_add(CLOCK_TOLERANCE_MS) {
            review.updated_at = now;
        }
        review.created_at = review.created_at.min(review.updated_at);
    }
    review
}

/// The file's version as a separate draft, under a new id derived from its own.
fn copy_of(incoming: &Review, taken: &mut Vec<String>, now: Option<u64>) -> Review {
    let id = (1..)
        .map(|n: u32| {
            let suffix = format!("b{n}");
            let stem = &incoming.id[..incoming.id.len().min(MAX_REVIEW_ID_LEN - suffix.len())];
            format!("{stem}{suffix}")
        })
        .find(|id| !taken.contains(id))
        .unwrap_or_default();
    taken.push(id.clone());
    let mut copy = incoming.duplicate(id, now.unwrap_or(incoming.updated_at));
    copy.title = format!("{} (from backup)", incoming.display_title());
    copy
}
