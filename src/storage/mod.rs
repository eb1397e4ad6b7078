//! Browser storage glue: the localStorage adapter behind the core's `Store` port.

mod local;

pub use local::LocalStore;
