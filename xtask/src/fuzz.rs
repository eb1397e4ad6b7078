//! A short fuzz run of every target, part of `cargo xtask test`: seconds per target, from the seed corpus in
//! `fuzz/corpus/`, so a change that makes an import panic or stop round-tripping fails the tests. Long runs are
//! done by hand (see the README's testing section).

use std::path::Path;

use crate::process::{self, command};
use crate::setup;

/// Every fuzz target in `fuzz/Cargo.toml`.
const TARGETS: [&str; 3] = ["import_markdown", "backup_import", "merge_reflections"];

/// Seconds each target runs for.
const SECONDS_PER_TARGET: u32 = 10;

pub fn short_run(root: &Path) -> Result<(), String> {
    setup::fuzz_tools(root)?;
    let fuzz = root.join("fuzz");
    for target in TARGETS {
        // New inputs go to a scratch folder: the corpus in the repository stays small and only grows by hand.
        let scratch = std::env::temp_dir().join(format!("gotlucky-fuzz-{target}"));
        std::fs::create_dir_all(&scratch).map_err(|error| format!("cannot create {} ({error})", scratch.display()))?;
        println!("==> Fuzzing {target} for {SECONDS_PER_TARGET} s from fuzz/corpus/{target}");
        process::run(
            command(&fuzz, "cargo")
                .args(["+nightly", "fuzz", "run", target])
                .arg(&scratch)
                .arg(Path::new("corpus").join(target))
                .arg("--")
                .arg(format!("-max_total_time={SECONDS_PER_TARGET}"))
                .arg("-print_final_stats=1"),
        )?;
    }
    Ok(())
}
