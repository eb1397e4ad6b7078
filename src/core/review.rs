//! The review: plain data with behaviour methods. No signals, no storage, no clock: callers pass the time in.
//!
//! Every field of `Review` is persisted. Screen state (which step is open, an unfinished edit) lives in the UI.

mod hints;
mod items;
mod kinds;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use crate::meeting::MeetingPlan;

pub use items::{
    Action, ActionField, ActionId, Direction, DrillField, DrillPlan, Moment, MomentId, Observation, ObservationId,
    Removed, Scene, SceneField,
};
pub use kinds::{Dial, DrillKind, Luck, Mode};

/// A "we got lucky" review: everything the users typed, and nothing about how the screen looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub scene: Scene,
    #[serde(default)]
    pub moments: Vec<Moment>,
    #[serde(default)]
    pub observations: Vec<Observation>,
    #[serde(default)]
    pub actions: Vec<Action>,
    #[serde(default)]
    pub drill: DrillPlan,
    /// Free text: whatever else the team wants on record, including sections of an imported file that
    /// gotlucky does not know.
    #[serde(default)]
    pub notes: String,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub created_at: u64,
    #[serde(default)]
    pub updated_at: u64,
    /// When the review last left the browser in a backup file, so users know how old their copy is.
    #[serde(default)]
    pub last_exported_at: Option<u64>,
    /// The next free item id, shared by observations, moments and actions; ids are never reused, so undo and
    /// links stay unambiguous.
    #[serde(default)]
    next_id: u32,
    /// The meeting's time plan and timer, once the facilitator plans one; `None` for most reviews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<MeetingPlan>,
    /// The writing hints the team dismissed, one key per item and rule (`"<item id>:<rule id>"`, see `hints.rs`);
    /// left out of the stored data while empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dismissed_hints: Vec<String>,
}

impl Review {
    pub fn new(id: impl Into<String>, title: impl Into<String>, now: u64) -> Self {
        Review {
            id: id.into(),
            title: title.into(),
            scene: Scene::default(),
            moments: Vec::new(),
            observations: Vec::new(),
            actions: Vec::new(),
            drill: DrillPlan::default(),
            notes: String::new(),
            created_at: now,
            updated_at: now,
            last_exported_at: None,
            next_id: 1,
            meeting: None,
            dismissed_hints: Vec::new(),
        }
    }

    /// A copy of the whole review under a new id, titled as a copy.
    pub fn duplicate(&self, new_id: impl Into<String>, now: u64) -> Review {
        Review {
            id: new_id.into(),
            title: format!("Copy of {}", self.display_title()),
            created_at: now,
            updated_at: now,
            last_exported_at: None,
            ..self.clone()
        }
    }

    /// Records that the review was exported. It is not an edit, so `updated_at` stays as it is.
    pub fn mark_exported(&mut self, now: u64) {
        self.last_exported_at = Some(now);
    }

    /// The title to show when the user has not typed one.
    pub fn display_title(&self) -> &str {
        let title = self.title.trim();
        if title.is_empty() {
            "Untitled review"
        } else {
            title
        }
    }

    pub fn set_title(&mut self, title: &str, now: u64) {
        if self.title != title {
            self.title = title.to_owned();
            self.updated_at = now;
        }
    }

    pub fn set_scene_field(&mut self, field: SceneField, value: &str, now: u64) {
        let target = match field {
            SceneField::WhatHappened => &mut self.scene.what_happened,
            SceneField::Link => &mut self.scene.link,
            SceneField::Date => &mut self.scene.date,
            SceneField::Facilitator => &mut self.scene.facilitator,
            SceneField::Participants => &mut self.scene.participants,
        };
        if target != value {
            *target = value.to_owned();
            self.updated_at = now;
        }
    }

    pub fn set_notes(&mut self, notes: &str, now: u64) {
        if self.notes != notes {
            self.notes = notes.to_owned();
            self.updated_at = now;
        }
    }

    pub fn set_mode(&mut self, mode: Mode, now: u64) {
        if self.scene.mode != mode {
            self.scene.mode = mode;
            self.updated_at = now;
        }
    }

    // Moments -------------------------------------------------------------------------------------------------

    /// Adds a "we got lucky" moment. Blank text adds nothing.
    pub fn add_moment(&mut self, text: &str, now: u64) -> Option<MomentId> {
        if text.trim().is_empty() {
            return None;
        }
        let id = MomentId(self.allocate_id());
        self.moments.push(Moment {
            id,
            text: text.to_owned(),
            explained_by: Vec::new(),
            source: None,
        });
        self.updated_at = now;
        Some(id)
    }

    pub fn edit_moment(&mut self, id: MomentId, text: &str, now: u64) {
        if let Some(moment) = self.moments.iter_mut().find(|moment| moment.id == id) {
            if moment.text != text {
                moment.text = text.to_owned();
                self.updated_at = now;
            }
        }
    }

    pub fn remove_moment(&mut self, id: MomentId, now: u64) -> Option<Removed<Moment>> {
        let removed = remove_where(&mut self.moments, |moment| moment.id == id)?;
        self.updated_at = now;
        Some(removed)
    }

    pub fn restore_moment(&mut self, removed: Removed<Moment>, now: u64) {
        restore(&mut self.moments, removed);
        self.updated_at = now;
    }

    /// Links or unlinks an observation as an explanation of a moment.
    pub fn toggle_explanation(&mut self, moment: MomentId, observation: ObservationId, now: u64) {
        if let Some(moment) = self.moments.iter_mut().find(|candidate| candidate.id == moment) {
            match moment.explained_by.iter().position(|id| *id == observation) {
                Some(position) => {
                    moment.explained_by.remove(position);
                }
                None => moment.explained_by.push(observation),
            }
            self.updated_at = now;
        }
    }

    // Observations --------------------------------------------------------------------------------------------

    /// Adds an observation to a question. Blank text adds nothing and returns `None`.
    pub fn add_observation(&mut self, question: &str, text: &str, now: u64) -> Option<ObservationId> {
        if text.trim().is_empty() {
            return None;
        }
        let id = ObservationId(self.allocate_id());
        self.observations.push(Observation {
            id,
            question: question.to_owned(),
            text: text.to_owned(),
            luck: None,
            dial: None,
            source: None,
        });
        self.updated_at = now;
        Some(id)
    }

    /// The observations answering one question, in their order.
    pub fn observations_for<'a>(&'a self, question: &'a str) -> impl Iterator<Item = &'a Observation> + 'a {
        self.observations
            .iter()
            .filter(move |observation| observation.question == question)
    }

    pub fn observation(&self, id: ObservationId) -> Option<&Observation> {
        self.observations.iter().find(|observation| observation.id == id)
    }

    pub fn edit_observation(&mut self, id: ObservationId, text: &str, now: u64) {
        if let Some(observation) = self.observations.iter_mut().find(|observation| observation.id == id) {
            if observation.text != text {
                observation.text = text.to_owned();
                self.updated_at = now;
            }
        }
    }

    pub fn set_luck(&mut self, id: ObservationId, luck: Option<Luck>, now: u64) {
        if let Some(observation) = self.observations.iter_mut().find(|observation| observation.id == id) {
            observation.luck = luck;
            self.updated_at = now;
        }
    }

    pub fn set_dial(&mut self, id: ObservationId, dial: Option<Dial>, now: u64) {
        if let Some(observation) = self.observations.iter_mut().find(|observation| observation.id == id) {
            observation.dial = dial;
            self.updated_at = now;
        }
    }

    /// Moves an observation past its neighbour within the same question. At either end it stays put.
    pub fn move_observation(&mut self, id: ObservationId, direction: Direction, now: u64) {
        let Some(position) = self.observations.iter().position(|observation| observation.id == id) else {
            return;
        };
        let question = self.observations[position].question.clone();
        let same_question = |observation: &Observation| observation.question == question;
        let neighbour = match direction {
            Direction::Up => self.observations[..position].iter().rposition(same_question),
            Direction::Down => self.observations[position + 1..]
                .iter()
                .position(same_question)
                .map(|offset| position + 1 + offset),
        };
        if let Some(neighbour) = neighbour {
            self.observations.swap(position, neighbour);
            self.updated_at = now;
        }
    }

    /// Deletes an observation. Links to it from actions and moments are kept, so that undo restores them.
    pub fn remove_observation(&mut self, id: ObservationId, now: u64) -> Option<Removed<Observation>> {
        let removed = remove_where(&mut self.observations, |observation| observation.id == id)?;
        self.updated_at = now;
        Some(removed)
    }

    pub fn restore_observation(&mut self, removed: Removed<Observation>, now: u64) {
        restore(&mut self.observations, removed);
        self.updated_at = now;
    }

    // Actions -------------------------------------------------------------------------------------------------

    /// Adds an action, optionally from an observation. Blank text adds nothing.
    pub fn add_action(&mut self, what: &str, from: Option<ObservationId>, now: u64) -> Option<ActionId> {
        if what.trim().is_empty() {
            return None;
        }
        let id = ActionId(self.allocate_id());
        self.actions.push(Action {
            id,
            what: what.to_owned(),
            owner: String::new(),
            due: String::new(),
            from,
            source: None,
        });
        self.updated_at = now;
        Some(id)
    }

    pub fn set_action_field(&mut self, id: ActionId, field: ActionField, value: &str, now: u64) {
        if let Some(action) = self.actions.iter_mut().find(|action| action.id == id) {
            let target = match field {
                ActionField::What => &mut action.what,
                ActionField::Owner => &mut action.owner,
                ActionField::Due => &mut action.due,
            };
            if target != value {
                *target = value.to_owned();
                self.updated_at = now;
            }
        }
    }

    /// The actions that came from one observation.
    pub fn actions_from(&self, observation: ObservationId) -> impl Iterator<Item = &Action> + '_ {
        self.actions
            .iter()
            .filter(move |action| action.from == Some(observation))
    }

    pub fn remove_action(&mut self, id: ActionId, now: u64) -> Option<Removed<Action>> {
        let removed = remove_where(&mut self.actions, |action| action.id == id)?;
        self.updated_at = now;
        Some(removed)
    }

    pub fn restore_action(&mut self, removed: Removed<Action>, now: u64) {
        restore(&mut self.actions, removed);
        self.updated_at = now;
    }

    // Drill plan ----------------------------------------------------------------------------------------------

    pub fn set_drill_field(&mut self, field: DrillField, value: &str, now: u64) {
        let target = match field {
            DrillField::Scenario => &mut self.drill.scenario,
            DrillField::Host => &mut self.drill.host,
            DrillField::Participants => &mut self.drill.participants,
            DrillField::Date => &mut self.drill.date,
            DrillField::Success => &mut self.drill.success,
        };
        if target != value {
            *target = value.to_owned();
            self.updated_at = now;
        }
    }

    pub fn set_drill_kind(&mut self, kind: Option<DrillKind>, now: u64) {
        if self.drill.kind != kind {
            self.drill.kind = kind;
            self.updated_at = now;
        }
    }

    fn allocate_id(&mut self) -> u32 {
        // Stored data from before `next_id` existed, or edited by hand, may hold a stale counter.
        let highest = self
            .observations
            .iter()
            .map(|observation| observation.id.0)
            .chain(self.moments.iter().map(|moment| moment.id.0))
            .chain(self.actions.iter().map(|action| action.id.0))
            .max()
            .unwrap_or(0);
        let id = self.next_id.max(highest + 1);
        self.next_id = id + 1;
        id
    }
}

fn remove_where<T>(items: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Option<Removed<T>> {
    let index = items.iter().position(matches)?;
    Some(Removed {
        item: items.remove(index),
        index,
    })
}

fn restore<T>(items: &mut Vec<T>, removed: Removed<T>) {
    let index = removed.index.min(items.len());
    items.insert(index, removed.item);
}
