//! `cargo xtask bench`: storage figures and keystroke latency for a large review, measured in headless Chromium
//! at 4x CPU slowdown (targets: a save under 2 ms, start-up load under 10 ms, a keystroke at most 24 ms), and
//! first against repeat visit load times; then the home screen's mount next to a minimal Leptos app's (target at
//! most 1.3x), the long tasks of a meeting driven through the UI (target: none after the initial load), and the
//! Markdown export of a review of 1,000 observations (target at most 10 ms). It prints figures; it asserts
//! nothing.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gotlucky_core::drafts::review_writes;
use gotlucky_core::{export_markdown, ActionField, Dial, Luck, Review, QUESTIONS};

use crate::process::{self, command};
use crate::{dist, setup};

const OBSERVATIONS: usize = 300;
const EXPORT_OBSERVATIONS: usize = 1_000;
const ACTIONS: usize = 50;

pub fn run(root: &Path) -> Result<(), String> {
    setup::test_tools(root)?;
    dist::build_release(root)?;
    let minimal = build_minimal_leptos(root)?;
    let folder = root.join("target").join("bench");
    std::fs::create_dir_all(&folder).map_err(|error| format!("cannot create {} ({error})", folder.display()))?;
    let review = large_review("benchlarge1", OBSERVATIONS);
    let file = store(&review, &folder.join("large-review.json"))?;
    println!("==> Measuring storage with a review of {OBSERVATIONS} observations and {ACTIONS} actions");
    process::run(
        command(root, "node")
            .args(["tests/bench/storage.mjs", "dist"])
            .arg(&file)
            .arg(&review.id),
    )?;
    println!("==> Measuring keystrokes in the same review");
    process::run(
        command(root, "node")
            .args(["tests/bench/keystrokes.mjs", "dist"])
            .arg(&file)
            .arg(&review.id),
    )?;
    println!("==> Measuring first and repeat visits");
    process::run(command(root, "node").args(["tests/bench/repeat-visit.mjs", "dist"]))?;
    println!("==> Measuring the home screen's mount next to the minimal Leptos app's");
    process::run(
        command(root, "node")
            .args(["tests/bench/mount.mjs", "dist"])
            .arg(&minimal),
    )?;
    println!("==> Measuring long tasks in a meeting driven through the UI (a few minutes)");
    process::run(command(root, "node").args(["tests/bench/long-tasks.mjs", "dist"]))?;
    println!("==> Measuring the export of a review of 1,000 observations");
    let review = large_review("benchexport1", EXPORT_OBSERVATIONS);
    let file = store(&review, &folder.join("export-review.json"))?;
    print_native_export(&review);
    process::run(
        command(root, "node")
            .args(["tests/bench/export.mjs", "dist"])
            .arg(&file)
            .arg(&review.id),
    )
}

/// Builds tools/minimal-leptos into target/minimal-leptos-dist/, the baseline of the mount benchmark. Its own
/// target folder keeps it apart from gotlucky's build; a second run only re-links what changed.
fn build_minimal_leptos(root: &Path) -> Result<PathBuf, String> {
    let target = root.join("target");
    let dist = target.join("minimal-leptos-dist");
    println!(
        "==> Building the minimal Leptos app (tools/minimal-leptos) into target/minimal-leptos-dist/ \
         (trunk build --release)"
    );
    process::run(
        command(root, "trunk")
            .current_dir(root.join("tools").join("minimal-leptos"))
            .env("CARGO_TARGET_DIR", target.join("minimal-leptos"))
            .args(["build", "--release", "--dist"])
            .arg(&dist),
    )?;
    Ok(dist)
}

/// Writes the keys and values the app itself writes for `review` (its head and one part per question step) to
/// `file`, for a benchmark script to put in localStorage.
fn store(review: &Review, file: &Path) -> Result<PathBuf, String> {
    let writes: std::collections::BTreeMap<String, String> = review_writes(review, None, 1, env!("CARGO_PKG_VERSION"))
        .into_iter()
        .collect();
    let stored = serde_json::to_string(&writes).map_err(|error| error.to_string())?;
    std::fs::write(file, &stored).map_err(|error| format!("cannot write {} ({error})", file.display()))?;
    Ok(file.to_path_buf())
}

/// The same export natively, for comparison with the browser's figure. `cargo xtask` runs a debug build, which
/// says so: unoptimised, it is many times slower than the optimised WebAssembly and not comparable with it.
fn print_native_export(review: &Review) {
    let mut times: Vec<Duration> = (0..21)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(export_markdown(std::hint::black_box(review)));
            start.elapsed()
        })
        .collect();
    times.sort();
    let build = if cfg!(debug_assertions) {
        "unoptimised debug build of xtask, not comparable with the browser's optimised figure"
    } else {
        "optimised build of xtask"
    };
    println!(
        "  native export_markdown, median {:.2} ms over {} runs, no CPU slowdown ({build})",
        times[times.len() / 2].as_secs_f64() * 1000.0,
        times.len()
    );
}

/// A review as a long meeting leaves it: every question answered many times, tagged, with actions.
fn large_review(id: &str, count: usize) -> Review {
    let mut review = Review::new(id, "A long review with many observations", 0);
    let mut observations = Vec::new();
    for index in 0..count {
        let question = QUESTIONS[index % QUESTIONS.len()].id;
        let text = format!(
            "Observation {index}: we were lucky that the on-call engineer knew the system | *really* well, \
             and that the dashboard showed the error rate <within a minute>"
        );
        if let Some(id) = review.add_observation(question, &text, index as u64) {
            review.set_luck(
                id,
                Some(if index % 2 == 0 {
                    Luck::Decreasing
                } else {
                    Luck::Increasing
                }),
                1,
            );
            review.set_dial(id, Some(Dial::ALL[index % Dial::ALL.len()]), 1);
            observations.push(id);
        }
    }
    for index in 0..ACTIONS {
        let from = observations.get(index * 5).copied();
        if let Some(id) = review.add_action(
            &format!("Action {index}: write the runbook for service {index}"),
            from,
            1,
        ) {
            review.set_action_field(id, ActionField::Owner, "Sam", 1);
            review.set_action_field(id, ActionField::Due, "2026-12-31", 1);
        }
    }
    review
}
