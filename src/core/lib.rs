//! The pure core of gotlucky: the review model, the question catalogue, the Markdown export and the storage
//! schema. It depends on no browser crate, so everything here is tested natively with `cargo test`.

pub mod accessibility;
pub mod backup;
pub mod catalogue;
pub mod drafts;
pub mod drill_card;
pub mod hints;
pub mod history;
pub mod html;
pub mod import;
pub mod markdown;
pub mod meeting;
pub mod order;
pub mod parts;
pub mod redact;
pub mod review;
pub mod route;
pub mod scene_labels;
pub mod storage;
pub mod store;
pub mod summary;

pub use catalogue::{Question, Step, StepKind, QUESTIONS, STEPS};
pub use drafts::{delete_review, load_reviews, save_review, LoadProblem, LoadedDrafts};
pub use drill_card::{drill_card_file_name, drill_card_html, drill_card_markdown};
pub use hints::{review_hints, HintChecker, TextKind};
pub use html::export_html;
pub use markdown::{export_markdown, export_markdown_with, markdown_file_name, ExportOptions};
pub use markdown::{export_markdown_with_front_matter, front_matter, redacted_file_name};
pub use order::sort_for_list;
pub use redact::{redact_review, Pseudonym, Redacted};
pub use review::{
    Action, ActionField, ActionId, Dial, Direction, DrillField, DrillKind, DrillPlan, Luck, Mode, Moment, MomentId,
    Observation, ObservationId, Removed, Review, Scene, SceneField,
};
pub use route::Route;
pub use store::{MemoryStore, Store, StoreError};
