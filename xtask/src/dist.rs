//! `cargo xtask dist`: the release build, with the size of every file it ships.

use std::io::Write;
use std::path::{Path, PathBuf};

use flate2::write::GzEncoder;
use flate2::Compression;

use crate::process::{self, command};
use crate::setup;

pub fn run(root: &Path) -> Result<(), String> {
    setup::build_tools(root)?;
    build_release(root)?;
    print_sizes(&root.join("dist"))
}

/// Builds the release site into `dist/`.
pub fn build_release(root: &Path) -> Result<(), String> {
    println!("==> Building the release site into dist/ (trunk build --release)");
    process::run(command(root, "trunk").args(["build", "--release"]))
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
