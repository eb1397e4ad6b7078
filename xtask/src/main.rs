//! `cargo xtask`: the project's commands. `serve` and `test` install what they need first, so that both work
//! on a fresh machine.

mod bench;
mod dist;
mod fuzz;
mod process;
mod setup;
mod size;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>

commands:
  serve   install missing tools, build the app and serve it at http://127.0.0.1:8080
          (--release: the release build, with its service worker for offline use)
  test    install missing tools and a headless Chromium, then run every test layer
  dist    release build into dist/, printing each file's raw and gzip size and the first load (gzip, brotli)
  size    where the WebAssembly's bytes go: top crates and functions (installs twiggy)
  fuzz    a short run (seconds per target) of every fuzz target from its seed corpus (installs cargo-fuzz)
  bench   storage, keystroke, load, mount, long-task and export figures in headless Chromium at 4x CPU slowdown";

fn main() -> ExitCode {
    let command = std::env::args().nth(1).unwrap_or_default();
    let root = workspace_root();
    let result = match command.as_str() {
        "serve" => serve(&root, std::env::args().any(|arg| arg == "--release")),
        "test" => test::run(&root),
        "dist" => dist::run(&root),
        "bench" => bench::run(&root),
        "fuzz" => fuzz::short_run(&root),
        "size" => size::run(&root),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("\nxtask {command} failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Serves a development build; `--release` serves the release build, with its service worker.
fn serve(root: &std::path::Path, release: bool) -> Result<(), String> {
    setup::build_tools(root)?;
    let kind = if release {
        "the release build (with offline support)"
    } else {
        "a development build"
    };
    println!("==> Building gotlucky and serving {kind} at http://127.0.0.1:8080 (Ctrl+C stops)");
    let mut trunk = if release {
        dist::release_trunk(root)?
    } else {
        process::command(root, "trunk")
    };
    trunk.args(["serve", "--address", "127.0.0.1", "--port", "8080"]);
    if release {
        trunk.arg("--release");
    }
    process::run(&mut trunk)
}

/// The workspace root: the parent of this crate's folder.
fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
