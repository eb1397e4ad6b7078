//! Merging participants' reflections into the meeting's review: plan first (a preview per file), then apply.
//!
//! A reflection comes as a file: a gotlucky Markdown export or a backup. Nothing the meeting has is ever
//! changed: observations, moments and actions are added unless they are duplicates, and only empty drill plan
//! fields are filled. A duplicate has the same text after trimming, collapsing white space and folding case, also
//! when one copy still carries Markdown escapes; it is compared with what the meeting has and with what earlier
//! files of the same merge add, so merging a file twice adds nothing the second time. Merged items remember
//! whose reflection they came from, and links inside a file (a moment explained by an observation, an action
//! from one) are carried over to the ids the items get in the meeting.

use std::collections::HashMap;

use crate::catalogue::QUESTIONS;
use crate::import::unescape;
use crate::review::{ObservationId, Review};

use super::files::read_reflection;

/// A file chosen for the merge, read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeFile {
    pub name: String,
    pub text: String,
}

/// What a merge will do, file by file, in the order the files were given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergePlan {
    pub files: Vec<FilePlan>,
}

/// One file of the merge: what it adds, or why it is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FilePlan {
    pub name: String,
    pub outcome: Result<FileMerge, String>,
    /// The reflection read from the file, kept to apply the plan.
    reflection: Option<Review>,
}

/// What one reflection adds to the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FileMerge {
    /// Whose reflection it is: the name its author gave ("Your name"), else the file name.
    pub whose: String,
    /// What merged items remember: "Sam's reflection".
    pub source: String,
    /// The questions it has observations for, in catalogue order.
    pub questions: Vec<QuestionMerge>,
    pub moments_added: usize,
    pub moments_skipped: usize,
    pub actions_added: usize,
    pub actions_skipped: usize,
    /// The drill plan fields it fills, by label ("Game host"); fields the meeting has already are kept.
    pub drill_filled: Vec<&'static str>,
}

/// The observations one reflection has for one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionMerge {
    /// The question's catalogue id.
    pub question: String,
    pub added: usize,
    /// Duplicates of what the meeting has or earlier files add.
    pub skipped: usize,
}

/// Reads every file and plans the merge into `meeting`. A file that cannot be merged is refused with the reason,
/// and the others still merge.
pub fn plan_merge(meeting: &Review, files: &[MergeFile]) -> MergePlan {
    let mut merged = meeting.clone();
    let files = files
        .iter()
        .map(|file| match read_reflection(meeting, file) {
            Ok((whose, source, reflection)) => {
                let mut plan = FileMerge {
                    whose,
                    source,
                    ..FileMerge::default()
                };
                merge_into(&mut merged, &reflection, &mut plan, meeting.updated_at);
                FilePlan {
                    name: file.name.clone(),
                    outcome: Ok(plan),
                    reflection: Some(reflection),
                }
            }
            Err(reason) => FilePlan {
                name: file.name.clone(),
                outcome: Err(reason),
                reflection: None,
            },
        })
        .collect();
    MergePlan { files }
}

impl MergePlan {
    /// The meeting with every accepted file merged. Pass the meeting as it is now; the caller keeps the review
    /// it had before, for Undo. When nothing is added the review comes back unchanged.
    pub fn apply(&self, meeting: &Review, now: u64) -> Review {
        let mut merged = meeting.clone();
        for file in &self.files {
            if let (Ok(plan), Some(reflection)) = (&file.outcome, &file.reflection) {
                merge_into(&mut merged, reflection, &mut plan.clone(), now);
            }
        }
        merged
    }

    /// Whether applying would add anything.
    pub fn adds_anything(&self) -> bool {
        self.files
            .iter()
            .filter_map(|file| file.outcome.as_ref().ok())
            .any(|plan| plan.added() > 0)
    }
}

impl FileMerge {
    pub fn observations_added(&self) -> usize {
        self.questions.iter().map(|question| question.added).sum()
    }

    pub fn observations_skipped(&self) -> usize {
        self.questions.iter().map(|question| question.skipped).sum()
    }

    /// Everything it adds: observations, moments, actions and drill fields.
    pub fn added(&self) -> usize {
        self.observations_added() + self.moments_added + self.actions_added + self.drill_filled.len()
    }

    /// One line for the preview: "Sam's reflection: 3 observations, 1 moment; 2 duplicates skipped".
    pub fn describe(&self) -> String {
        let counts = [
            (self.observations_added(), "observation", "observations"),
            (
                self.moments_added,
                "\u{201c}we got lucky\u{201d} moment",
                "\u{201c}we got lucky\u{201d} moments",
            ),
            (self.actions_added, "action", "actions"),
            (self.drill_filled.len(), "drill plan field", "drill plan fields"),
        ];
        let added: Vec<String> = counts
            .iter()
            .filter(|(count, _, _)| *count > 0)
            .map(|(count, one, many)| format!("{count} {}", if *count == 1 { one } else { many }))
            .collect();
        let mut text = format!(
            "{}: {}",
            self.source,
            if added.is_empty() {
                "nothing new".to_owned()
            } else {
                added.join(", ")
            }
        );
        let skipped = self.observations_skipped() + self.moments_skipped + self.actions_skipped;
        if skipped > 0 {
            text.push_str(&format!(
                "; {skipped} duplicate{} skipped",
                if skipped == 1 { "" } else { "s" }
            ));
        }
        text
    }
}

/// Text compared for duplicates: white space collapsed and case folded.
pub(super) fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The forms of a text that count as the same: as typed, and as it renders when it still carries Markdown escapes
/// (text copied out of an export, or escaped twice by a wiki).
fn keys(text: &str) -> [String; 2] {
    [fold(text), fold(&unescape(text))]
}

/// Texts already present, with the id of the item holding each.
struct Seen<T>(HashMap<String, T>);

impl<T: Copy> Seen<T> {
    fn new<'a>(texts: impl Iterator<Item = (&'a str, T)>) -> Self {
        let mut seen = Seen(HashMap::new());
        for (text, id) in texts {
            seen.insert(text, id);
        }
        seen
    }

    fn find(&self, text: &str) -> Option<T> {
        keys(text).iter().find_map(|key| self.0.get(key).copied())
    }

    fn insert(&mut self, text: &str, id: T) {
        for key in keys(text) {
            self.0.entry(key).or_insert(id);
        }
    }
}

/// Merges one reflection into `meeting`, counting what it adds and skips into `plan`.
fn merge_into(meeting: &mut Review, reflection: &Review, plan: &mut FileMerge, now: u64) {
    let source = plan.source.clone();
    let mut questions: Vec<QuestionMerge> = Vec::new();
    let mut ids: HashMap<ObservationId, ObservationId> = HashMap::new();
    let mut seen: HashMap<String, Seen<ObservationId>> = HashMap::new();
    for observation in &meeting.observations {
        seen.entry(observation.question.clone())
            .or_insert_with(|| Seen::new(std::iter::empty()))
            .insert(&observation.text, observation.id);
    }
    for observation in reflection.observations.iter().filter(|o| !o.text.trim().is_empty()) {
        let question = &observation.question;
        let count = match questions.iter().position(|merge| &merge.question == question) {
            Some(position) => &mut questions[position],
            None => {
                questions.push(QuestionMerge {
                    question: question.clone(),
                    added: 0,
                    skipped: 0,
                });
                questions.last_mut().expect("just pushed")
            }
        };
        let seen = seen
            .entry(question.clone())
            .or_insert_with(|| Seen::new(std::iter::empty()));
        if let Some(existing) = seen.find(&observation.text) {
            count.skipped += 1;
            ids.insert(observation.id, existing);
            continue;
        }
        let Some(id) = meeting.add_observation(question, &observation.text, now) else {
            continue;
        };
        let added = meeting.observations.last_mut().expect("just added");
        added.luck = observation.luck;
        added.dial = observation.dial;
        added.source = Some(observation.source.clone().unwrap_or_else(|| source.clone()));
        seen.insert(&observation.text, id);
        ids.insert(observation.id, id);
        count.added += 1;
    }
    let position = |question: &str| QUESTIONS.iter().position(|q| q.id == question).unwrap_or(usize::MAX);
    questions.sort_by_key(|merge| position(&merge.question));
    plan.questions = questions;

    let mut moments = Seen::new(meeting.moments.iter().map(|m| (m.text.as_str(), m.id)));
    (plan.moments_added, plan.moments_skipped) = (0, 0);
    for moment in reflection.moments.iter().filter(|m| !m.text.trim().is_empty()) {
        if moments.find(&moment.text).is_some() {
            plan.moments_skipped += 1;
            continue;
        }
        let Some(id) = meeting.add_moment(&moment.text, now) else {
            continue;
        };
        let added = meeting.moments.last_mut().expect("just added");
        for explanation in moment.explained_by.iter().filter_map(|old| ids.get(old)) {
            if !added.explained_by.contains(explanation) {
                added.explained_by.push(*explanation);
            }
        }
        added.source = Some(moment.source.clone().unwrap_or_else(|| source.clone()));
        moments.insert(&moment.text, id);
        plan.moments_added += 1;
    }

    let mut actions = Seen::new(meeting.actions.iter().map(|a| (a.what.as_str(), a.id)));
    (plan.actions_added, plan.actions_skipped) = (0, 0);
    for action in reflection.actions.iter().filter(|a| !a.what.trim().is_empty()) {
        if actions.find(&action.what).is_some() {
            plan.actions_skipped += 1;
            continue;
        }
        let from = action.from.and_then(|old| ids.get(&old).copied());
        let Some(id) = meeting.add_action(&action.what, from, now) else {
            continue;
        };
        let added = meeting.actions.last_mut().expect("just added");
        added.owner = action.owner.clone();
        added.due = action.due.clone();
        added.source = Some(action.source.clone().unwrap_or_else(|| source.clone()));
        actions.insert(&action.what, id);
        plan.actions_added += 1;
    }

    plan.drill_filled = fill_drill(meeting, reflection, now);
}

/// Fills the meeting's empty drill plan fields from the reflection; returns the labels of those it filled.
fn fill_drill(meeting: &mut Review, reflection: &Review, now: u64) -> Vec<&'static str> {
    let theirs = &reflection.drill;
    let ours = &mut meeting.drill;
    let mut filled = Vec::new();
    for (label, target, value) in [
        ("Failure scenario", &mut ours.scenario, &theirs.scenario),
        ("Game host", &mut ours.host, &theirs.host),
        ("Participants", &mut ours.participants, &theirs.participants),
        ("Date", &mut ours.date, &theirs.date),
        ("What success looks like", &mut ours.success, &theirs.success),
    ] {
        if target.trim().is_empty() && !value.trim().is_empty() {
            *target = value.clone();
            filled.push(label);
        }
    }
    if ours.kind.is_none() && theirs.kind.is_some() {
        ours.kind = theirs.kind;
        filled.push("Where it runs");
    }
    if !filled.is_empty() {
        meeting.updated_at = now;
    }
    filled
}
