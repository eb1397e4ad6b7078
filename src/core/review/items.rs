//! The parts of a review: the scene, moments, observations, actions and the drill plan, with their ids.

use serde::{Deserialize, Serialize};

use super::kinds::{Dial, DrillKind, Luck, Mode};

/// Identifies an observation within its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ObservationId(pub u32);

/// Identifies a "we got lucky" moment within its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MomentId(pub u32);

/// Identifies an action within its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActionId(pub u32);

/// What happened and who took part.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Scene {
    /// The incident or near miss, in free text.
    pub what_happened: String,
    /// A link or ticket id.
    pub link: String,
    /// The date of the incident, as typed (the date field gives YYYY-MM-DD).
    pub date: String,
    pub facilitator: String,
    /// Names or roles, as typed.
    pub participants: String,
    pub mode: Mode,
}

/// The text fields of the scene, so the UI can edit any of them through one method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SceneField {
    WhatHappened,
    Link,
    Date,
    Facilitator,
    Participants,
}

/// A moment someone said "we got lucky", and the observations that explain it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    pub id: MomentId,
    pub text: String,
    #[serde(default)]
    pub explained_by: Vec<ObservationId>,
    /// Whose reflection it was merged from ("Sam's reflection"); `None` for what was typed into this review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// One thing the team said in answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub id: ObservationId,
    /// The catalogue id of the question it answers.
    pub question: String,
    pub text: String,
    #[serde(default)]
    pub luck: Option<Luck>,
    #[serde(default)]
    pub dial: Option<Dial>,
    /// Whose reflection it was merged from ("Sam's reflection"); `None` for what was typed into this review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// Something the team agreed to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: ActionId,
    pub what: String,
    #[serde(default)]
    pub owner: String,
    /// Due date as typed (the date field gives YYYY-MM-DD).
    #[serde(default)]
    pub due: String,
    /// The observation it came from, if any. It may name a deleted observation, so that undo restores the link.
    #[serde(default)]
    pub from: Option<ObservationId>,
    /// Whose reflection it was merged from ("Sam's reflection"); `None` for what was typed into this review.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The text fields of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionField {
    What,
    Owner,
    Due,
}

/// A planned drill to test our preparation.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct DrillPlan {
    pub scenario: String,
    pub host: String,
    pub participants: String,
    pub date: String,
    pub kind: Option<DrillKind>,
    /// What success looks like: how the team will know the drill went well. Left out of the stored data while
    /// empty, so plans saved before it existed are stored as they were.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub success: String,
}

/// The text fields of the drill plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillField {
    Scenario,
    Host,
    Participants,
    Date,
    Success,
}

impl DrillPlan {
    pub fn is_empty(&self) -> bool {
        self.kind.is_none()
            && [
                &self.scenario,
                &self.host,
                &self.participants,
                &self.date,
                &self.success,
            ]
            .iter()
            .all(|text| text.trim().is_empty())
    }
}

/// A deleted item and where it stood, so that undo puts it back in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed<T> {
    pub item: T,
    pub index: usize,
}

/// Which way to move an item in its list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}
