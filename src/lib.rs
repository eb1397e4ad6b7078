//! gotlucky in the browser: the storage glue, the workspace that connects the UI to the core, and the UI.

pub mod browser;
pub mod clipboard;
pub mod crash;
pub mod offline;
pub mod sound;
pub mod storage;
pub mod ui;
pub mod workspace;
