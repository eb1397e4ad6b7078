//! The user interface: components that display the workspace and dispatch to it, holding no review logic.

mod app;
mod export_view;
mod home;
mod question_step;
mod status;

pub use app::App;
