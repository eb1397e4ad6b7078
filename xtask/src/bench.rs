//! `cargo xtask bench`: storage figures and keystroke latency for a large review, measured in headless Chromium
//! at 4x CPU slowdown (targets: a save under 2 ms, start-up load under 10 ms, a keystroke at most 24 ms), and
//! first against repeat visit load times. It
//! prints figures; it asserts nothing.

use std::path::Path;

use gotlucky_core::drafts::review_writes;
use gotlucky_core::{ActionField, Dial, Luck, Review, QUESTIONS};

use crate::process::{self, command};
use crate::{dist, setup};

const OBSERVATIONS: usize = 300;
const ACTIONS: usize = 50;

pub fn run(root: &Path) -> Result<(), String> {
    setup::test_tools(root)?;
    dist::build_release(root)?;
    let folder = root.join("target").join("bench");
    std::fs::create_dir_all(&folder).map_err(|error| format!("cannot create {} ({error})", folder.display()))?;
    let review = large_review();
    // The keys and values the app itself writes for this review: its head and one part per question step.
    let writes: std::collections::BTreeMap<String, String> = review_writes(&review, None, 1, env!("CARGO_PKG_VERSION"))
        .into_iter()
        .collect();
    let stored = serde_json::to_string(&writes).map_err(|error| error.to_string())?;
    let file = folder.join("large-review.json");
    std::fs::write(&file, &stored).map_err(|error| format!("cannot write {} ({error})", file.display()))?;
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
    process::run(command(root, "node").args(["tests/bench/repeat-visit.mjs", "dist"]))
}

/// A review as a long meeting leaves it: every question answered many times, tagged, with actions.
fn large_review() -> Review {
    let mut review = Review::new("benchlarge1", "A long review with many observations", 0);
    let mut observations = Vec::new();
    for index in 0..OBSERVATIONS {
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
