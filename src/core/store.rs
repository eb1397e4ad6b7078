//! The storage port: a key-value store as the core sees it. The browser adapter implements it over
//! localStorage; `MemoryStore` implements it for native tests and as the fallback when storage is blocked.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::fmt;

/// Why the store could not do what was asked, in words a facilitator can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// The browser refuses storage (private mode, blocked site data).
    Unavailable(String),
    /// The browser's storage quota for this site is used up.
    QuotaExceeded,
    /// Any other refusal, with the browser's words.
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(reason) => {
                write!(f, "this browser does not allow saving here ({reason})")
            }
            StoreError::QuotaExceeded => write!(f, "the browser's storage for this site is full"),
            StoreError::Failed(reason) => write!(f, "the browser refused to save ({reason})"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A string key-value store, as localStorage is.
pub trait Store {
    /// Reads a key; a missing key is `Ok(None)`, not an error.
    fn read(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn write(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key currently stored.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A store that lives in memory only.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries.borrow_mut().remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.borrow().keys().cloned().collect())
    }
}
