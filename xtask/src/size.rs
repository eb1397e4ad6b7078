//! `cargo xtask size`: where the WebAssembly's bytes go, by crate and by function, read with twiggy from the
//! release build's module before wasm-bindgen and wasm-opt (which drop the function names).

use std::collections::BTreeMap;
use std::path::Path;

use crate::process::{self, command};
use crate::{dist, setup};

const TWIGGY_VERSION: &str = "0.8.0";

pub fn run(root: &Path) -> Result<(), String> {
    setup::build_tools(root)?;
    twiggy(root)?;
    dist::build_release(root)?;
    let wasm = root.join("target/wasm32-unknown-unknown/release/gotlucky.wasm");
    let wasm = wasm.to_str().ok_or("the target folder's path is not UTF-8")?;
    let csv = process::output(command(root, "twiggy").args(["top", "--format", "csv", "-n", "1000000", wasm]))
        .ok_or("twiggy could not read the module")?;
    let mut by_crate: BTreeMap<String, usize> = BTreeMap::new();
    let mut functions: Vec<(String, usize)> = Vec::new();
    for line in csv.lines().skip(1) {
        // Id,Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; names may hold commas.
        let fields: Vec<&str> = line.split(',').collect();
        if fields.len() < 6 {
            continue;
        }
        let size: usize = fields[fields.len() - 4].parse().unwrap_or(0);
        let name = fields[1..fields.len() - 4].join(",");
        *by_crate.entry(crate_of(&name)).or_default() += size;
        functions.push((name, size));
    }
    let total: usize = by_crate.values().sum();
    let mut crates: Vec<_> = by_crate.into_iter().collect();
    crates.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    println!(
        "\nthe WebAssembly before wasm-opt: {:.1} KB; top crates by shallow size",
        total as f64 / 1000.0
    );
    for (name, size) in crates.iter().take(25) {
        println!(
            "  {:>9.1} KB {:>5.1} %  {name}",
            *size as f64 / 1000.0,
            *size as f64 * 100.0 / total as f64
        );
    }
    functions.sort_by_key(|(_, size)| std::cmp::Reverse(*size));
    println!("\ntop functions by shallow size");
    for (name, size) in functions.iter().take(30) {
        let name: String = name.chars().take(110).collect();
        println!("  {:>9.1} KB  {name}", *size as f64 / 1000.0);
    }
    Ok(())
}

/// The crate a symbol belongs to: its first path segment, looking through `<T as Trait>` and references.
fn crate_of(name: &str) -> String {
    let name = name
        .trim_start_matches(['"', '<', '&', '*'])
        .trim_start_matches("mut ")
        .trim_start_matches("dyn ");
    match name.find("::") {
        Some(end) if !name[..end].contains(' ') => name[..end].to_owned(),
        _ if name.starts_with("data[") => "(data)".to_owned(),
        _ => "(other: tables, imports, unnamed)".to_owned(),
    }
}

fn twiggy(root: &Path) -> Result<(), String> {
    let found = process::output(command(root, "twiggy").arg("--version"));
    if found.as_deref() == Some(&format!("twiggy {TWIGGY_VERSION}")) {
        println!("==> twiggy {TWIGGY_VERSION}: present");
        return Ok(());
    }
    println!(
        "==> twiggy {TWIGGY_VERSION}: installing with cargo (found {}); this compiles for a few minutes",
        found.as_deref().unwrap_or("none")
    );
    process::run(command(root, "cargo").args(["install", "--force", "twiggy", "--version", TWIGGY_VERSION]))
}
