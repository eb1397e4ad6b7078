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

/// A store that lives in memory only, optionally with a quota as a browser has.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: RefCell<BTreeMap<String, String>>,
    /// The most it holds, counted as localStorage counts: UTF-16 code units of every key and value.
    quota: Option<usize>,
}

impl MemoryStore {
    /// A store that refuses a write, with `StoreError::QuotaExceeded`, when the entries would outgrow `quota`.
    pub fn with_quota(quota: usize) -> Self {
        MemoryStore {
            entries: RefCell::default(),
            quota: Some(quota),
        }
    }

    /// How much the entries take, in the unit of the quota.
    pub fn used(&self) -> usize {
        self.entries
            .borrow()
            .iter()
            .map(|(key, value)| size(key) + size(value))
            .sum()
    }
}

fn size(text: &str) -> usize {
    text.encode_utf16().count()
}

impl Store for MemoryStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.borrow().get(key).cloned())
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota {
            let replaced = self.entries.borrow().get(key).map_or(0, |old| size(key) + size(old));
            if self.used() - replaced + size(key) + size(value) > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quota_refuses_what_would_outgrow_it_and_counts_replaced_values_once() {
        let store = MemoryStore::with_quota(10);
        store.write("ab", "cdef").unwrap();
        assert_eq!(store.used(), 6);
        assert_eq!(store.write("gh", "ijklm"), Err(StoreError::QuotaExceeded));
        assert_eq!(store.read("gh").unwrap(), None);
        store.write("ab", "cdefghij").unwrap();
        store.remove("ab").unwrap();
        store.write("gh", "ijklmnop").unwrap();
    }
}
