//! The review: plain data with behaviour methods. No signals, no storage, no clock: callers pass the time in.
//!
//! Every field of `Review` is persisted. Screen state (which step is open, an unfinished edit) lives in the UI.

use serde::{Deserialize, Serialize};

/// Identifies an observation within its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ObservationId(pub u32);

/// Identifies a "we got lucky" moment within its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MomentId(pub u32);

/// Identifies an action within its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActionId(pub u32);

/// Whether the review is run by a facilitator with a team, or by one person alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    #[default]
    Facilitated,
    SelfReflection,
}

/// Which way an observation moved our luck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Luck {
    /// A gap we got away with.
    Decreasing,
    /// Preparation that paid off.
    Increasing,
}

/// What to do about an observation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dial {
    TurnUp,
    Start,
    Stop,
    Keep,
}

/// Where a drill runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DrillKind {
    PracticeDrill,
    GameDay,
    ChaosExperiment,
}

impl Luck {
    pub const ALL: [Luck; 2] = [Luck::Decreasing, Luck::Increasing];
    /// A short stable name, for form values.
    pub fn key(self) -> &'static str {
        match self {
            Luck::Decreasing => "decreasing",
            Luck::Increasing => "increasing",
        }
    }
    pub fn from_key(key: &str) -> Option<Luck> {
        Luck::ALL.into_iter().find(|luck| luck.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Luck::Decreasing => "decreasing luck",
            Luck::Increasing => "increasing luck",
        }
    }
}

impl Dial {
    pub const ALL: [Dial; 4] = [Dial::TurnUp, Dial::Start, Dial::Stop, Dial::Keep];
    /// A short stable name, for form values.
    pub fn key(self) -> &'static str {
        match self {
            Dial::TurnUp => "turn-up",
            Dial::Start => "start",
            Dial::Stop => "stop",
            Dial::Keep => "keep",
        }
    }
    pub fn from_key(key: &str) -> Option<Dial> {
        Dial::ALL.into_iter().find(|dial| dial.key() == key)
    }
    pub fn label(self) -> &'static str {
        match self {
            Dial::TurnUp => "turn up",
            Dial::Start => "start",
            Dial::Stop => "stop",
            Dial::Keep => "keep",
        }
    }
}

impl DrillKind {
    pub const ALL: [DrillKind; 3] = [DrillKind::PracticeDrill, DrillKind::GameDay, DrillKind::ChaosExperiment];
    pub fn label(self) -> &'static str {
        match self {
            DrillKind::PracticeDrill => "practice drill",
            DrillKind::GameDay => "game day",
            DrillKind::ChaosExperiment => "chaos experiment",
        }
    }
}

impl Mode {
    pub fn label(self) -> &'static str {
        match self {
            Mode::Facilitated => "facilitated meeting",
            Mode::SelfReflection => "self-reflection",
        }
    }
}

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
}

/// The text fields of the drill plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillField {
    Scenario,
    Host,
    Participants,
    Date,
}

impl DrillPlan {
    pub fn is_empty(&self) -> bool {
        self.kind.is_none()
            && [&self.scenario, &self.host, &self.participants, &self.date]
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
        }
    }

    /// The next free item id, for the storage schema that writes a review in parts.
    pub(crate) fn next_id(&self) -> u32 {
        self.next_id
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

#[cfg(test)]
mod tests {
    use super::*;

    const Q: &str = "decreasing.normalised";
    const OTHER: &str = "decreasing.stop";

    fn texts(review: &Review, question: &str) -> Vec<String> {
        review
            .observations_for(question)
            .map(|observation| observation.text.clone())
            .collect()
    }

    #[test]
    fn adding_keeps_the_text_exactly_and_in_order() {
        let mut review = Review::new("r1", "Payments outage", 10);
        let first = review.add_observation(Q, "  *We* skip reviews ", 20);
        let second = review.add_observation(Q, "No alerts on the queue", 30);
        assert_ne!(first, second);
        assert_eq!(texts(&review, Q), ["  *We* skip reviews ", "No alerts on the queue"]);
        assert_eq!(review.updated_at, 30);
    }

    #[test]
    fn blank_items_are_not_added() {
        let mut review = Review::new("r1", "", 10);
        assert_eq!(review.add_observation(Q, " \n\t", 20), None);
        assert_eq!(review.add_moment("  ", 20), None);
        assert_eq!(review.add_action("", None, 20), None);
        assert!(review.observations.is_empty() && review.moments.is_empty() && review.actions.is_empty());
        assert_eq!(review.updated_at, 10);
    }

    #[test]
    fn ids_are_shared_and_stay_unique_after_a_stale_counter() {
        let mut review = Review::new("r1", "", 0);
        let observation = review.add_observation(Q, "a", 1).unwrap();
        let moment = review.add_moment("b", 1).unwrap();
        review.next_id = 0;
        let action = review.add_action("c", Some(observation), 2).unwrap();
        assert_eq!((observation.0, moment.0, action.0), (1, 2, 3));
    }

    #[test]
    fn moving_skips_observations_of_other_questions_and_stops_at_the_ends() {
        let mut review = Review::new("r", "", 0);
        let a = review.add_observation(Q, "a", 1).unwrap();
        review.add_observation(OTHER, "x", 1);
        let b = review.add_observation(Q, "b", 1).unwrap();
        review.move_observation(b, Direction::Up, 2);
        assert_eq!(texts(&review, Q), ["b", "a"]);
        assert_eq!(texts(&review, OTHER), ["x"]);
        review.move_observation(b, Direction::Up, 3);
        assert_eq!(texts(&review, Q), ["b", "a"]);
        review.move_observation(a, Direction::Down, 4);
        assert_eq!(texts(&review, Q), ["b", "a"]);
        review.move_observation(b, Direction::Down, 5);
        assert_eq!(texts(&review, Q), ["a", "b"]);
    }

    #[test]
    fn undo_restores_a_deleted_observation_in_place_with_its_links() {
        let mut review = Review::new("r", "", 0);
        review.add_observation(Q, "first", 1);
        let middle = review.add_observation(Q, "middle", 1).unwrap();
        review.add_observation(Q, "last", 1);
        let moment = review.add_moment("lucky", 1).unwrap();
        review.toggle_explanation(moment, middle, 1);
        review.add_action("fix it", Some(middle), 1);
        let before = review.clone();

        let removed = review.remove_observation(middle, 2).unwrap();
        assert_eq!(texts(&review, Q), ["first", "last"]);
        review.restore_observation(removed, 3);
        assert_eq!(review.observations, before.observations);
        assert_eq!(review.actions_from(middle).count(), 1);
        assert_eq!(review.moments[0].explained_by, [middle]);
    }

    #[test]
    fn undo_restores_actions_and_moments_in_place() {
        let mut review = Review::new("r", "", 0);
        let first = review.add_action("a", None, 1).unwrap();
        review.add_action("b", None, 1);
        let removed = review.remove_action(first, 2).unwrap();
        review.restore_action(removed, 3);
        assert_eq!(
            review.actions.iter().map(|a| a.what.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );

        let moment = review.add_moment("m1", 1).unwrap();
        review.add_moment("m2", 1);
        let removed = review.remove_moment(moment, 2).unwrap();
        review.restore_moment(removed, 3);
        assert_eq!(review.moments[0].text, "m1");
    }

    #[test]
    fn explanations_toggle() {
        let mut review = Review::new("r", "", 0);
        let observation = review.add_observation(Q, "o", 1).unwrap();
        let moment = review.add_moment("m", 1).unwrap();
        review.toggle_explanation(moment, observation, 2);
        assert_eq!(review.moments[0].explained_by, [observation]);
        review.toggle_explanation(moment, observation, 3);
        assert!(review.moments[0].explained_by.is_empty());
    }

    #[test]
    fn fields_change_only_when_different() {
        let mut review = Review::new("r", "t", 0);
        review.set_scene_field(SceneField::Facilitator, "Kim", 5);
        review.set_scene_field(SceneField::Facilitator, "Kim", 9);
        assert_eq!((review.scene.facilitator.as_str(), review.updated_at), ("Kim", 5));
        review.set_drill_field(DrillField::Host, "Ana", 6);
        review.set_drill_kind(Some(DrillKind::GameDay), 7);
        assert!(!review.drill.is_empty());
        let action = review.add_action("Write the runbook", None, 8).unwrap();
        review.set_action_field(action, ActionField::Owner, "Liz", 10);
        assert_eq!(review.actions[0].owner, "Liz");
    }

    #[test]
    fn a_duplicate_keeps_everything_but_id_title_and_times() {
        let mut review = Review::new("r", "Outage", 1);
        let observation = review.add_observation(Q, "a", 2).unwrap();
        review.add_action("b", Some(observation), 3);
        let copy = review.duplicate("r2", 9);
        assert_eq!(
            (copy.id.as_str(), copy.title.as_str(), copy.created_at),
            ("r2", "Copy of Outage", 9)
        );
        assert_eq!(
            (copy.observations.clone(), copy.actions.clone()),
            (review.observations, review.actions)
        );
    }

    #[test]
    fn luck_and_dial_keys_round_trip() {
        for luck in Luck::ALL {
            assert_eq!(Luck::from_key(luck.key()), Some(luck));
        }
        for dial in Dial::ALL {
            assert_eq!(Dial::from_key(dial.key()), Some(dial));
        }
        assert_eq!(Dial::from_key(""), None);
    }

    #[test]
    fn untitled_reviews_get_a_display_title() {
        assert_eq!(Review::new("r", "  ", 0).display_title(), "Untitled review");
        assert_eq!(Review::new("r", "DB failover", 0).display_title(), "DB failover");
    }
}
