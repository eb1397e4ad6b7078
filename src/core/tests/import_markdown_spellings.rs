//! Teams edit the exported page in their wiki, and wikis, editors and formatters rewrite Markdown as they save
//! it. Each export snapshot is rewritten in every spelling of `import_spellings` (checked to render the same
//! with a CommonMark parser), and each must import to a review whose export is the snapshot again, byte for
//! byte: no tag, dial, link or moment may be lost or doubled by a change of spelling.

use std::path::Path;

use gotlucky_core::import::import_markdown;
use gotlucky_core::markdown::NO_ANSWER_YET;
use gotlucky_core::{export_markdown_with, ExportOptions};

mod import_spellings;
use import_spellings::{rendering, spellings};

struct Snapshot {
    name: String,
    text: String,
    options: ExportOptions,
}

fn snapshots() -> Vec<Snapshot> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut paths: Vec<_> = std::fs::read_dir(&directory)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|extension| extension == "md"))
        .collect();
    paths.sort();
    let snapshots = paths
        .into_iter()
        .map(|path| (std::fs::read_to_string(&path).unwrap(), path))
        // The review exports, not the meeting plans or drill cards kept beside them.
        .filter(|(text, _)| text.ends_with(". Review written with gotlucky.\n"))
        .map(|(text, path)| Snapshot {
            name: path.file_name().unwrap().to_string_lossy().into_owned(),
            options: ExportOptions {
                include_unanswered: text.contains(NO_ANSWER_YET),
                ..ExportOptions::default()
            },
            text,
        })
        .collect::<Vec<_>>();
    assert!(
        snapshots.len() >= 4,
        "the review export snapshots in {}",
        directory.display()
    );
    snapshots
}

#[test]
fn every_snapshot_in_every_spelling_imports_to_a_review_that_exports_the_snapshot() {
    let mut failures = Vec::new();
    for snapshot in snapshots() {
        for spelling in spellings() {
            let rewritten = (spelling.rewrite)(&snapshot.text);
            let name = format!("{} as {}", snapshot.name, spelling.name);
            let (expected, got) = (rendering(&snapshot.text), rendering(&rewritten));
            if spelling.renders_the_same && got != expected {
                let at = expected
                    .iter()
                    .zip(&got)
                    .position(|(a, b)| a != b)
                    .unwrap_or(expected.len().min(got.len()));
                let (expected, got) = (expected.get(at), got.get(at));
                failures.push(format!("{name}: renders {got:?} for {expected:?}:\n{rewritten}"));
                continue;
            }
            match import_markdown(&rewritten, "spelled", 1) {
                Ok(review) => {
                    let exported = export_markdown_with(&review, snapshot.options);
                    if exported != snapshot.text {
                        failures.push(format!("{name}: exports as\n{exported}\nfrom\n{rewritten}"));
                    }
                }
                Err(error) => failures.push(format!("{name}: refused ({error}):\n{rewritten}")),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n=====\n\n"));
}

#[test]
fn every_spelling_changes_the_complete_review() {
    let snapshot = snapshots()
        .into_iter()
        .find(|snapshot| snapshot.name == "facilitated.md")
        .unwrap();
    for spelling in spellings() {
        assert_ne!(
            (spelling.rewrite)(&snapshot.text),
            snapshot.text,
            "{} leaves the file as it is",
            spelling.name
        );
    }
    assert!(spellings().len() >= 12);
}

/// The snapshots as Prettier 3.10 and mdformat 1.0 (with mdformat-gfm) wrote them, kept in
/// `import_spellings/formatted/` as `<snapshot>.<formatter>.md`. After the export changes, write them again with
/// `npx prettier@3 --write [--prose-wrap always --print-width 50] FILE` and `mdformat [--wrap 50] FILE` on
/// copies of the snapshots.
#[test]
fn files_written_by_prettier_and_mdformat_import_to_a_review_that_exports_the_snapshot() {
    let snapshots = snapshots();
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import_spellings/formatted");
    let mut checked = 0;
    for entry in std::fs::read_dir(&directory).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let snapshot_name = format!("{}.md", name.split('.').next().unwrap());
        let snapshot = snapshots
            .iter()
            .find(|snapshot| snapshot.name == snapshot_name)
            .unwrap();
        let formatted = std::fs::read_to_string(&path).unwrap();
        assert_ne!(formatted, snapshot.text, "{name} is not reformatted");
        let review = import_markdown(&formatted, "formatted", 1).unwrap();
        assert_eq!(
            export_markdown_with(&review, snapshot.options),
            snapshot.text,
            "{name} (if the export changed, write the file again)"
        );
        checked += 1;
    }
    assert_eq!(checked, 16);
}
