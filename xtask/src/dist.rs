//! `cargo xtask dist`: the release build, with the size of every file it ships.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::process::{self, command};
use crate::setup;

pub fn run(root: &Path) -> Result<(), String> {
    setup::build_tools(root)?;
    build_release(root)?;
    print_sizes(&root.join("dist"))?;
    let first = first_load(&root.join("dist"))?;
    first.print();
    Ok(())
}

/// What the start page fetches before the home screen works: the page, and the scripts, WebAssembly and styles
/// it names (icons and the manifest load later, at low priority).
pub struct FirstLoad {
    pub files: Vec<(String, usize, usize, usize)>,
}

impl FirstLoad {
    pub fn gzip(&self) -> usize {
        self.files.iter().map(|(_, _, gzip, _)| gzip).sum()
    }

    fn print(&self) {
        println!("\nfirst load (what index.html fetches before the home screen works)");
        println!("{:<48} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
        for (name, raw, gzip, brotli) in &self.files {
            println!(
                "{name:<48} {:>10} {:>10} {:>10}",
                kilobytes(*raw),
                kilobytes(*gzip),
                kilobytes(*brotli)
            );
        }
        let sum = |pick: fn(&(String, usize, usize, usize)) -> usize| self.files.iter().map(pick).sum::<usize>();
        println!(
            "{:<48} {:>10} {:>10} {:>10}",
            "first load",
            kilobytes(sum(|file| file.1)),
            kilobytes(sum(|file| file.2)),
            kilobytes(sum(|file| file.3))
        );
    }
}

/// Measures the first load of the site in `dist`.
pub fn first_load(dist: &Path) -> Result<FirstLoad, String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|error| format!("cannot read {}/index.html ({error}); build first", dist.display()))?;
    let mut names = vec!["index.html".to_owned()];
    for entry in std::fs::read_dir(dist).map_err(|error| format!("cannot list {} ({error})", dist.display()))? {
        let name = entry
            .map_err(|error| error.to_string())?
            .file_name()
            .to_string_lossy()
            .into_owned();
        let loads_first = [".js", ".wasm", ".css"]
            .iter()
            .any(|extension| name.ends_with(extension));
        if loads_first && name != "sw.js" && index.contains(&name) {
            names.push(name);
        }
    }
    let mut files = Vec::new();
    for name in names {
        let bytes = std::fs::read(dist.join(&name)).map_err(|error| format!("cannot read {name} ({error})"))?;
        files.push((name, bytes.len(), gzip_size(&bytes)?, brotli_size(&bytes)?));
    }
    Ok(FirstLoad { files })
}

/// The size after brotli at the highest quality, as a host that serves brotli would send it.
fn brotli_size(bytes: &[u8]) -> Result<usize, String> {
    let mut out = Vec::new();
    let mut writer = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
    writer.write_all(bytes).map_err(|error| error.to_string())?;
    drop(writer);
    Ok(out.len())
}

/// The compile-time variable `src/offline.rs` reads: a label that makes a build genuinely different.
const BUILD_LABEL: &str = "GOTLUCKY_BUILD_LABEL";

/// Where `build_next_release` puts the second release build.
pub const NEXT_DIST: &str = "target/dist-next";

/// Trunk for a release build: with the pinned nightly rebuilding the standard library for size, and panics
/// that trap at once (about 10 % less WebAssembly; the crash screen does not need a panic's message). Cargo's
/// unstable options are given as environment variables, so that stable Rust still builds everything else.
pub fn release_trunk(root: &Path) -> Result<Command, String> {
    let toolchain = setup::release_toolchain(root)?;
    let mut trunk = command(root, "trunk");
    trunk
        .env("RUSTUP_TOOLCHAIN", &toolchain)
        .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort")
        .env("CARGO_UNSTABLE_BUILD_STD_FEATURES", "optimize_for_size")
        .env("CARGO_UNSTABLE_PANIC_IMMEDIATE_ABORT", "true")
        .env("CARGO_PROFILE_RELEASE_PANIC", "immediate-abort")
        // These replace the target's flags in .cargo/config.toml, so its own flag is repeated here.
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            "--cfg erase_components -Zlocation-detail=none -Zfmt-debug=shallow",
        );
    // Trunk builds offline: the standard library's own dependencies must be fetched first.
    process::run(
        command(root, "cargo")
            .args(["fetch", "--target", "wasm32-unknown-unknown"])
            .env("RUSTUP_TOOLCHAIN", &toolchain)
            .env("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort"),
    )?;
    Ok(trunk)
}

/// Builds the release site into `dist/`.
pub fn build_release(root: &Path) -> Result<(), String> {
    let mut trunk = release_trunk(root)?;
    println!("==> Building the release site into dist/ (trunk build --release, Rust nightly with build-std)");
    process::run(trunk.args(["build", "--release"]).env_remove(BUILD_LABEL))
}

/// Builds the release site a second time into `target/dist-next/`, with a build label compiled in: other
/// WebAssembly, so other hashed file names and another build id. The end-to-end tests deploy it over `dist/` as
/// a real new version. Only the app crate is compiled again; its dependencies are reused.
pub fn build_next_release(root: &Path) -> Result<(), String> {
    println!(
        "==> Building a second, labelled release site into {NEXT_DIST}/ (the new version the deployment tests install)"
    );
    let mut trunk = release_trunk(root)?;
    process::run(
        trunk
            .args(["build", "--release", "--dist", NEXT_DIST])
            .env(BUILD_LABEL, "next"),
    )
}

fn print_sizes(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_files(dist, &mut files).map_err(|error| format!("cannot list {} ({error})", dist.display()))?;
    files.sort();
    println!("\n{:<48} {:>10} {:>10}", "file", "raw", "gzip");
    let (mut total_raw, mut total_gzip) = (0, 0);
    for file in &files {
        let bytes = std::fs::read(file).map_err(|error| format!("cannot read {} ({error})", file.display()))?;
        let gzip = gzip_size(&bytes)?;
        total_raw += bytes.len();
        total_gzip += gzip;
        let name = file.strip_prefix(dist).unwrap_or(file).display().to_string();
        println!("{name:<48} {:>10} {:>10}", kilobytes(bytes.len()), kilobytes(gzip));
    }
    println!(
        "{:<48} {:>10} {:>10}",
        "total",
        kilobytes(total_raw),
        kilobytes(total_gzip)
    );
    Ok(())
}

fn collect_files(folder: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_files(&path, files)?;
        } else {
            files.push(path);
        }
    }
    Ok(())
}

/// The size after gzip at the highest level, as a static host would serve it.
pub fn gzip_size(bytes: &[u8]) -> Result<usize, String> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map(|out| out.len())
        .map_err(|error| error.to_string())
}

fn kilobytes(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}
