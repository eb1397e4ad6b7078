//! The user interface: components that display the workspace and dispatch to it, holding no review logic.

mod accessibility;
mod actions_step;
mod add_form;
mod app;
mod backups;
mod drafts;
mod drill_plan;
mod export_view;
mod field;
mod file_input;
mod hint_notes;
mod history_panel;
mod home;
mod markdown_import;
mod meeting_plan_form;
mod meeting_plan_view;
mod meeting_timer;
mod merge_reflections;
mod observation_item;
mod presenter;
mod question_card;
mod review_context;
mod review_screen;
mod scene_step;
mod shortcuts;
mod status;
mod stepper;
mod summary_step;

pub use app::App;
