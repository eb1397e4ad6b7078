//! Running other programs with the project's tools first on PATH, and reporting failures in words.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A command run from the workspace root, with `node_modules/.bin` and cargo's bin folder first on PATH.
pub fn command(root: &Path, program: &str) -> Command {
    let mut command = Command::new(program);
    command.current_dir(root).env("PATH", tool_path(root));
    command
}

fn tool_path(root: &Path) -> String {
    let mut parts = vec![root.join("node_modules").join(".bin").display().to_string()];
    // `cargo install` puts tools in $CARGO_HOME/bin, which a fresh shell may not have on PATH yet.
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".cargo")));
    if let Some(cargo_home) = cargo_home {
        parts.push(cargo_home.join("bin").display().to_string());
    }
    parts.push(std::env::var("PATH").unwrap_or_default());
    parts.join(":")
}

/// Runs a command with its output shown, failing with a message if it does not succeed.
pub fn run(command: &mut Command) -> Result<(), String> {
    let description = describe(command);
    let status = command
        .stdin(Stdio::inherit())
        .status()
        .map_err(|error| format!("could not start `{description}`: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{description}` failed ({status})"))
    }
}

/// Runs a command quietly and returns its standard output, or `None` if it is missing or fails.
pub fn output(command: &mut Command) -> Option<String> {
    let output = command.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

fn describe(command: &Command) -> String {
    let mut words = vec![command.get_program().to_string_lossy().into_owned()];
    words.extend(command.get_args().map(|arg| arg.to_string_lossy().into_owned()));
    words.join(" ")
}
