//! The accessibility statement: the target, how it is checked, and known limitations. The app's Accessibility
//! page shows it, and the end-to-end tests (`tests/e2e/a11y.spec.ts`) run one test per check of the same list,
//! failing for a check that has no test, so the statement cannot promise more than is tested.

use serde::Deserialize;

/// The statement, read from `accessibility.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Statement {
    pub target: String,
    /// The date the checks last ran green, as YYYY-MM-DD.
    pub last_checked: String,
    pub checks: Vec<Check>,
    pub limitations: Vec<String>,
}

/// One way accessibility is checked.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Check {
    /// Names the test that performs the check.
    pub id: String,
    /// The check in words, for the statement.
    pub what: String,
}

const STATEMENT: &str = include_str!("accessibility.json");

/// The statement. It is compiled in, and its test below proves it parses.
pub fn statement() -> Result<Statement, String> {
    serde_json::from_str(STATEMENT).map_err(|error| format!("the accessibility statement does not read: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_reads_and_names_each_check_once() {
        let statement = statement().unwrap();
        assert!(statement.target.contains("WCAG 2.2"));
        assert_eq!(statement.last_checked.len(), 10);
        let mut ids: Vec<&str> = statement.checks.iter().map(|check| check.id.as_str()).collect();
        let count = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), count, "a check id appears twice");
        assert!(statement.checks.iter().all(|check| check.what.ends_with('.')));
    }
}
