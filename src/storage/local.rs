//! `Store` over the browser's localStorage. Every browser refusal comes back as a `StoreError`, never a panic.

use gotlucky_core::{Store, StoreError};
use wasm_bindgen::{JsCast, JsValue};

/// The origin's localStorage, probed once when opened.
pub struct LocalStore {
    storage: web_sys::Storage,
}

impl LocalStore {
    /// Opens localStorage, or says why it cannot be used (blocked site data, private modes, no window).
    pub fn open() -> Result<Self, StoreError> {
        let window = web_sys::window().ok_or_else(|| StoreError::Unavailable("no browser window".into()))?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(LocalStore { storage }),
            Ok(None) => Err(StoreError::Unavailable("local storage is turned off".into())),
            Err(error) => Err(StoreError::Unavailable(describe(&error))),
        }
    }
}

impl Store for LocalStore {
    fn read(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.storage
            .get_item(key)
            .map_err(|error| StoreError::Failed(describe(&error)))
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.storage.set_item(key, value).map_err(|error| {
            if is_quota_error(&error) {
                StoreError::QuotaExceeded
            } else {
                StoreError::Failed(describe(&error))
            }
        })
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.storage
            .remove_item(key)
            .map_err(|error| StoreError::Failed(describe(&error)))
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let count = self
            .storage
            .length()
            .map_err(|error| StoreError::Failed(describe(&error)))?;
        let mut keys = Vec::with_capacity(count as usize);
        for index in 0..count {
            if let Some(key) = self
                .storage
                .key(index)
                .map_err(|error| StoreError::Failed(describe(&error)))?
            {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

fn is_quota_error(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|exception| exception.name() == "QuotaExceededError")
}

fn describe(error: &JsValue) -> String {
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", exception.name(), exception.message());
    }
    error.as_string().unwrap_or_else(|| "unknown browser error".into())
}
