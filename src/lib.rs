//! gotlucky in the browser: the storage glue, the workspace that connects the UI to the core, and the UI.

pub mod browser;
pub mod offline;
pub mod storage;
pub mod ui;
pub mod workspace;
