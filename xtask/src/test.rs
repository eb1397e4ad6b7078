//! `cargo xtask test`: every test layer, in order, with a one-line summary at the end.

use std::path::Path;
use std::time::Instant;

use crate::dist;
use crate::fuzz;
use crate::process::{self, command};
use crate::setup;

/// One test layer: its name and how to run it.
type Layer = (&'static str, fn(&Path) -> Result<(), String>);

pub fn run(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    setup::test_tools(root)?;
    let layers: [Layer; 5] = [
        ("native", native),
        ("fuzz (short)", fuzz::short_run),
        ("in-browser", in_browser),
        ("end-to-end", end_to_end),
        ("first-load size", first_load_size),
    ];
    let mut failed = Vec::new();
    for (name, layer) in layers {
        println!("\n==> Test layer: {name}");
        if let Err(error) = layer(root) {
            eprintln!("==> {name} tests failed: {error}");
            failed.push(name);
        }
    }
    let elapsed = started.elapsed().as_secs();
    let time = format!("{}m{:02}s", elapsed / 60, elapsed % 60);
    if failed.is_empty() {
        println!(
            "\ngotlucky tests: all {} layers passed ({}) in {time}",
            layers.len(),
            layers.map(|(name, _)| name).join(", ")
        );
        Ok(())
    } else {
        println!(
            "\ngotlucky tests: FAILED in {}; {} of {} layers passed, in {time}",
            failed.join(", "),
            layers.len() - failed.len(),
            layers.len()
        );
        Err(format!("{} failed", failed.join(", ")))
    }
}

/// The pure core and the xtask itself, natively.
fn native(root: &Path) -> Result<(), String> {
    process::run(command(root, "cargo").args(["test", "--package", "gotlucky-core", "--package", "xtask"]))
}

/// The browser glue in headless Chromium, with wasm-bindgen-test.
fn in_browser(root: &Path) -> Result<(), String> {
    let driver = process::output(command(root, "sh").args(["-c", "command -v chromedriver"]))
        .ok_or("chromedriver is not on PATH")?;
    process::run(
        command(root, "cargo")
            .args(["test", "--package", "gotlucky", "--target", "wasm32-unknown-unknown"])
            .env("CHROMEDRIVER", driver)
            .env("WASM_BINDGEN_TEST_DRIVER_TIMEOUT", "60")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )
}

/// The release build as a user drives it, with Playwright in headless Chromium. A second, different release build
/// in `target/dist-next/` is what the deployment tests deploy over it.
fn end_to_end(root: &Path) -> Result<(), String> {
    dist::build_release(root)?;
    let started = Instant::now();
    dist::build_next_release(root)?;
    println!("second release build: {}s", started.elapsed().as_secs());
    let chromium =
        process::output(command(root, "sh").args(["-c", "command -v chromium"])).ok_or("chromium is not on PATH")?;
    process::run(
        command(root, "npx")
            .args(["playwright", "test", "--config", "tests/e2e/playwright.config.ts"])
            .env("CHROMIUM_PATH", chromium)
            .env("GOTLUCKY_DIST", root.join("dist"))
            .env("GOTLUCKY_DIST_NEXT", root.join(dist::NEXT_DIST)),
    )
}

/// The first load recorded in the repository, in gzip bytes: a build may not exceed it by more than 5 %. When a
/// growth is deliberate, record the new figure in the same commit.
const RECORDED_FIRST_LOAD: &str = "xtask/first-load-gzip-bytes.txt";

/// The release build in dist/ (built by the end-to-end layer) against the recorded first-load size.
fn first_load_size(root: &Path) -> Result<(), String> {
    let recorded: usize = std::fs::read_to_string(root.join(RECORDED_FIRST_LOAD))
        .map_err(|error| format!("cannot read {RECORDED_FIRST_LOAD} ({error})"))?
        .trim()
        .parse()
        .map_err(|error| format!("{RECORDED_FIRST_LOAD} must hold a number of bytes ({error})"))?;
    let now = dist::first_load(&root.join("dist"))?.gzip();
    let limit = recorded + recorded / 20;
    println!("first load: {now} bytes gzip; recorded {recorded}, limit {limit} (+5 %)");
    if now > limit {
        return Err(format!(
            "the first load grew to {now} bytes gzip, more than 5 % over the {recorded} recorded in \
             {RECORDED_FIRST_LOAD}; make it smaller, or record the new figure there if the growth is deliberate"
        ));
    }
    Ok(())
}
