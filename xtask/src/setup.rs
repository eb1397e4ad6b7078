//! Making sure every tool is present at its pinned version. Each step says what it does and skips what is
//! already there, so a warm machine starts in seconds and a cold one shows its progress.

use std::path::Path;

use crate::process::{self, command};

const TRUNK_VERSION: &str = "0.21.14";
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// The nightly the release WebAssembly is built with (see `dist::release_trunk`): pinned, so a new nightly cannot
/// change the build. The machines this project is built on have it preinstalled as `nightly`; rustc names it by
/// its commit.
const RELEASE_NIGHTLY: &str = "nightly-2026-05-20";
const RELEASE_NIGHTLY_COMMIT: &str = "e50aa6fba";
const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Everything needed to build the app: the wasm target, wasm-bindgen, Trunk and the npm packages.
pub fn build_tools(root: &Path) -> Result<(), String> {
    wasm_target(root)?;
    let bindgen_version = wasm_bindgen_version(root)?;
    check_trunk_pin(root, &bindgen_version)?;
    wasm_bindgen_cli(root, &bindgen_version)?;
    trunk(root)?;
    npm_packages(root)
}

/// Everything needed to test: the build tools plus a headless Chromium and its driver.
pub fn test_tools(root: &Path) -> Result<(), String> {
    build_tools(root)?;
    chromium(root)
}

/// The toolchain for release builds: the pinned nightly with the standard library's source (to rebuild it for
/// size) and the WebAssembly target. Returns the name rustup knows it by.
pub fn release_toolchain(root: &Path) -> Result<String, String> {
    let is_pinned = |toolchain: &str| {
        process::output(command(root, "rustup").args(["run", toolchain, "rustc", "--version"]))
            .is_some_and(|version| version.contains(RELEASE_NIGHTLY_COMMIT))
    };
    let toolchain = if is_pinned("nightly") {
        "nightly"
    } else {
        if !is_pinned(RELEASE_NIGHTLY) {
            println!("==> Rust {RELEASE_NIGHTLY} (for the release build): installing with rustup");
            process::run(command(root, "rustup").args([
                "toolchain",
                "install",
                RELEASE_NIGHTLY,
                "--profile",
                "minimal",
            ]))?;
        }
        RELEASE_NIGHTLY
    };
    let components =
        process::output(command(root, "rustup").args(["component", "list", "--installed", "--toolchain", toolchain]))
            .unwrap_or_default();
    if components.lines().any(|line| line.starts_with("rust-src")) {
        println!("==> Rust {RELEASE_NIGHTLY} with rust-src (for the release build): present");
    } else {
        println!("==> rust-src for Rust {RELEASE_NIGHTLY}: installing with rustup");
        process::run(command(root, "rustup").args(["component", "add", "rust-src", "--toolchain", toolchain]))?;
    }
    let targets =
        process::output(command(root, "rustup").args(["target", "list", "--installed", "--toolchain", toolchain]))
            .unwrap_or_default();
    if !targets.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("==> Rust target {WASM_TARGET} for {RELEASE_NIGHTLY}: installing with rustup");
        process::run(command(root, "rustup").args(["target", "add", WASM_TARGET, "--toolchain", toolchain]))?;
    }
    Ok(toolchain.to_owned())
}

/// What the short fuzz run needs: the nightly toolchain (libFuzzer's sanitizers) and cargo-fuzz.
pub fn fuzz_tools(root: &Path) -> Result<(), String> {
    let toolchains = process::output(command(root, "rustup").args(["toolchain", "list"]))
        .ok_or("rustup is not available: install Rust with rustup (https://rustup.rs) and try again")?;
    if toolchains.lines().any(|line| line.starts_with("nightly")) {
        println!("==> Rust nightly toolchain (for fuzzing): present");
    } else {
        println!("==> Rust nightly toolchain (for fuzzing): installing with rustup");
        process::run(command(root, "rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    let found = process::output(command(root, "cargo").args(["fuzz", "--version"]));
    if found.as_deref() == Some(&format!("cargo-fuzz {CARGO_FUZZ_VERSION}")) {
        println!("==> cargo-fuzz {CARGO_FUZZ_VERSION}: present");
        return Ok(());
    }
    println!(
        "==> cargo-fuzz {CARGO_FUZZ_VERSION}: installing with cargo (found {}); this compiles for a minute or two",
        found.as_deref().unwrap_or("none")
    );
    process::run(command(root, "cargo").args([
        "install",
        "--force",
        "cargo-fuzz",
        "--version",
        CARGO_FUZZ_VERSION,
        "--locked",
    ]))
}

fn wasm_target(root: &Path) -> Result<(), String> {
    let installed = process::output(command(root, "rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is not available: install Rust with rustup (https://rustup.rs) and try again")?;
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        println!("==> Rust target {WASM_TARGET}: present");
        return Ok(());
    }
    println!("==> Rust target {WASM_TARGET}: installing with rustup");
    process::run(command(root, "rustup").args(["target", "add", WASM_TARGET]))
}

/// The wasm-bindgen version Cargo.lock pins: the CLI must match it exactly.
fn wasm_bindgen_version(root: &Path) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock ({error}); run `cargo generate-lockfile`"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|next| next.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err("Cargo.lock names no wasm-bindgen package".into())
}

fn check_trunk_pin(root: &Path, bindgen_version: &str) -> Result<(), String> {
    let trunk_toml = std::fs::read_to_string(root.join("Trunk.toml"))
        .map_err(|error| format!("cannot read Trunk.toml ({error})"))?;
    if trunk_toml.contains(&format!("wasm_bindgen = \"{bindgen_version}\"")) {
        Ok(())
    } else {
        Err(format!(
            "Trunk.toml must pin `wasm_bindgen = \"{bindgen_version}\"` (the version in Cargo.lock); \
             otherwise Trunk tries to download another one and fails offline"
        ))
    }
}

fn wasm_bindgen_cli(root: &Path, version: &str) -> Result<(), String> {
    let found = process::output(command(root, "wasm-bindgen").arg("--version"));
    if found.as_deref() == Some(&format!("wasm-bindgen {version}")) {
        println!("==> wasm-bindgen-cli {version}: present");
        return Ok(());
    }
    println!(
        "==> wasm-bindgen-cli {version}: installing with cargo (found {}); this compiles for a few minutes",
        found.as_deref().unwrap_or("none")
    );
    // Without --locked: the CLI's own lockfile pins a crate version the registry mirror does not hold.
    // --force: reached only when the binary is missing or another version, even if cargo's records say otherwise.
    process::run(command(root, "cargo").args(["install", "--force", "wasm-bindgen-cli", "--version", version]))
}

fn trunk(root: &Path) -> Result<(), String> {
    let found = process::output(command(root, "trunk").arg("--version"));
    if found.as_deref() == Some(&format!("trunk {TRUNK_VERSION}")) {
        println!("==> trunk {TRUNK_VERSION}: present");
        return Ok(());
    }
    println!(
        "==> trunk {TRUNK_VERSION}: installing with cargo (found {}); this compiles for about ten minutes",
        found.as_deref().unwrap_or("none")
    );
    process::run(command(root, "cargo").args(["install", "--force", "trunk", "--version", TRUNK_VERSION, "--locked"]))
}

fn npm_packages(root: &Path) -> Result<(), String> {
    let node = process::output(command(root, "node").arg("--version"))
        .ok_or("Node.js is not available: install Node.js 20 or newer (with npm) and try again")?;
    let major: u32 = node
        .trim_start_matches('v')
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if major < 20 {
        return Err(format!(
            "Node.js {node} is too old: gotlucky's tools need Node.js 20 or newer"
        ));
    }
    let installed = root.join("node_modules").join(".package-lock.json");
    let up_to_date = match (modified(&installed), modified(&root.join("package-lock.json"))) {
        (Some(installed), Some(wanted)) => installed >= wanted,
        _ => false,
    };
    if up_to_date {
        println!("==> npm packages (Playwright, axe-core, binaryen): present");
        return Ok(());
    }
    println!("==> npm packages (Playwright, axe-core, binaryen): installing with `npm ci`");
    // Playwright drives the system Chromium; its own browser download is neither needed nor reachable.
    process::run(
        command(root, "npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1"),
    )
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|metadata| metadata.modified()).ok()
}

fn chromium(root: &Path) -> Result<(), String> {
    let browser = process::output(command(root, "chromium").arg("--version"));
    let driver = process::output(command(root, "chromedriver").arg("--version"));
    if let (Some(browser), Some(driver)) = (&browser, &driver) {
        println!(
            "==> {browser} and {}: present",
            driver.split(" (").next().unwrap_or(driver)
        );
        return Ok(());
    }
    let is_root = process::output(command(root, "id").arg("-u")).as_deref() == Some("0");
    let is_debian = Path::new("/etc/debian_version").exists();
    if !(is_root && is_debian) {
        return Err(
            "the tests need Chromium and ChromeDriver: install them (on Debian or Ubuntu: \
             `sudo apt-get install chromium chromium-driver`) so that `chromium` and `chromedriver` are on PATH"
                .into(),
        );
    }
    println!("==> Chromium and ChromeDriver: installing with apt-get (about a minute)");
    process::run(command(root, "apt-get").arg("update"))?;
    process::run(
        command(root, "apt-get")
            .args(["install", "-y", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}
