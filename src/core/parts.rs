//! The parts of a review that change on their own, and which of them a change touched.
//!
//! The screen shows a review piece by piece: one field of the scene, one observation, the list of a question's
//! observations. A keystroke changes one of those pieces, and only what shows that piece should be redrawn.
//! `sync_parts` compares the review as last shown with the review after a change, copies over only what
//! differs, and names the parts it copied, so the UI can wake exactly the views that read them. It finds the
//! changes itself rather than trusting each caller to declare them, so a new editing method cannot forget one.

use crate::catalogue::{self, questions_of, Step, StepKind};
use crate::review::{ObservationId, Review};

/// A piece of a review that the screen reads, and that a change can touch on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    Title,
    /// When the review was created, last edited and last exported: what the drafts list shows.
    Dates,
    /// What happened, the link, the date, who took part, and the mode.
    Scene,
    Notes,
    /// The "we got lucky" moments, with their links to observations.
    Moments,
    /// Which observations answer a question, and in what order (by the catalogue's question id).
    Answers(&'static str),
    /// One observation's text, luck tag and dial.
    Observation(ObservationId),
    Actions,
    Drill,
    /// The meeting's time plan and its step timers.
    Meeting,
    /// Which writing hints the team dismissed, on any item.
    Hints,
}

/// Brings `shown` up to date with `live`, copying only the parts that differ, and returns those parts.
pub fn sync_parts(shown: &mut Review, live: &Review) -> Vec<Part> {
    let mut changed = Vec::new();
    if shown.title != live.title {
        shown.title.clone_from(&live.title);
        changed.push(Part::Title);
    }
    if (shown.created_at, shown.updated_at, shown.last_exported_at)
        != (live.created_at, live.updated_at, live.last_exported_at)
    {
        shown.created_at = live.created_at;
        shown.updated_at = live.updated_at;
        shown.last_exported_at = live.last_exported_at;
        changed.push(Part::Dates);
    }
    if shown.scene != live.scene {
        shown.scene.clone_from(&live.scene);
        changed.push(Part::Scene);
    }
    if shown.notes != live.notes {
        shown.notes.clone_from(&live.notes);
        changed.push(Part::Notes);
    }
    if shown.moments != live.moments {
        shown.moments.clone_from(&live.moments);
        changed.push(Part::Moments);
    }
    if shown.actions != live.actions {
        shown.actions.clone_from(&live.actions);
        changed.push(Part::Actions);
    }
    if shown.drill != live.drill {
        shown.drill.clone_from(&live.drill);
        changed.push(Part::Drill);
    }
    if shown.meeting != live.meeting {
        shown.meeting.clone_from(&live.meeting);
        changed.push(Part::Meeting);
    }
    if shown.dismissed_hints != live.dismissed_hints {
        shown.dismissed_hints.clone_from(&live.dismissed_hints);
        changed.push(Part::Hints);
    }
    sync_observations(shown, live, &mut changed);
    changed
}

/// Observations are compared one by one: typing into one of three hundred must not mark the other 299.
fn sync_observations(shown: &mut Review, live: &Review, changed: &mut Vec<Part>) {
    let same_layout = shown.observations.len() == live.observations.len()
        && shown
            .observations
            .iter()
            .zip(&live.observations)
            .all(|(shown, live)| shown.id == live.id && shown.question == live.question);
    if same_layout {
        for (shown, live) in shown.observations.iter_mut().zip(&live.observations) {
            if shown != live {
                shown.clone_from(live);
                changed.push(Part::Observation(live.id));
            }
        }
        return;
    }
    // Added, removed or moved: rare, so comparing per question and copying the whole list is fine.
    for question in catalogue::QUESTIONS {
        let ids = |review: &Review| review.observations_for(question.id).map(|o| o.id).collect::<Vec<_>>();
        if ids(shown) != ids(live) {
            changed.push(Part::Answers(question.id));
        }
    }
    for observation in &live.observations {
        if shown.observation(observation.id) != Some(observation) {
            changed.push(Part::Observation(observation.id));
        }
    }
    // A deleted observation is a change to it too: links to it elsewhere must show that it is gone.
    for observation in &shown.observations {
        if live.observation(observation.id).is_none() {
            changed.push(Part::Observation(observation.id));
        }
    }
    shown.observations.clone_from(&live.observations);
}

/// The parts a step's progress (`summary::step_progress`) is computed from, so the stepper redraws a step's
/// progress only when one of them changes.
pub fn parts_of_progress(step: &Step) -> Vec<Part> {
    match step.kind {
        StepKind::Scene => vec![Part::Title, Part::Scene, Part::Moments],
        StepKind::Questions => questions_of(step.id)
            .map(|question| Part::Answers(question.id))
            .collect(),
        StepKind::Actions => vec![Part::Actions],
        StepKind::Summary => Vec::new(),
    }
}

/// The lists of every question: what a view that asks "does this observation still exist?" depends on.
pub fn every_answer_list() -> impl Iterator<Item = Part> {
    catalogue::QUESTIONS.iter().map(|question| Part::Answers(question.id))
}
