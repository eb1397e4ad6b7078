//! Derived views of a review: progress per step and the luck ledger. Pure functions of the review.

use crate::catalogue::STEPS;
use crate::catalogue::{questions_of, Step, StepKind};
use crate::review::{Action, Luck, Moment, Observation, Review};

/// How far a step has got: `done` of `total` (questions answered, fields filled, actions complete).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
}

impl Progress {
    /// Words for the stepper, e.g. "2 of 8 answered".
    pub fn describe(self, kind: StepKind) -> String {
        match kind {
            StepKind::Summary => String::new(),
            StepKind::Actions if self.total == 0 => "none yet".to_owned(),
            StepKind::Actions => format!("{} of {} with owner and date", self.done, self.total),
            StepKind::Scene => format!("{} of {} filled", self.done, self.total),
            StepKind::Questions => format!("{} of {} answered", self.done, self.total),
        }
    }
}

/// Progress of one step of a review.
pub fn step_progress(review: &Review, step: &Step) -> Progress {
    match step.kind {
        StepKind::Scene => {
            let filled = [
                !review.title.trim().is_empty(),
                !review.scene.what_happened.trim().is_empty(),
                !review.scene.date.trim().is_empty(),
                !review.moments.is_empty(),
            ];
            Progress {
                done: filled.iter().filter(|filled| **filled).count(),
                total: filled.len(),
            }
        }
        StepKind::Questions => {
            let questions: Vec<_> = questions_of(step.id).collect();
            let done = questions
                .iter()
                .filter(|question| review.observations_for(question.id).next().is_some())
                .count();
            Progress {
                done,
                total: questions.len(),
            }
        }
        StepKind::Actions => {
            let done = review
                .actions
                .iter()
                .filter(|action| !action.owner.trim().is_empty() && !action.due.trim().is_empty())
                .count();
            Progress {
                done,
                total: review.actions.len(),
            }
        }
        StepKind::Summary => Progress { done: 0, total: 0 },
    }
}

/// Questions answered over every question step, for the drafts list: "5 of 18 questions answered".
pub fn questions_answered(review: &Review) -> Progress {
    STEPS
        .iter()
        .filter(|step| step.kind == StepKind::Questions)
        .map(|step| step_progress(review, step))
        .fold(Progress { done: 0, total: 0 }, |sum, progress| Progress {
            done: sum.done + progress.done,
            total: sum.total + progress.total,
        })
}

/// An action in one line, "What (owner, due)", leaving out what is not filled in.
pub fn describe_action(action: &Action) -> String {
    let details: Vec<&str> = [action.owner.as_str(), action.due.as_str()]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect();
    if details.is_empty() {
        action.what.clone()
    } else {
        format!("{} ({})", action.what, details.join(", "))
    }
}

/// Where the luck of a "we got lucky" moment came from, judged by the observations linked to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LuckSource {
    /// Every tagged explanation is preparation that paid off.
    Preparation,
    /// Every tagged explanation is a gap we got away with.
    Gap,
    Both,
    /// No linked observation carries a tag yet.
    Unexplained,
}

impl LuckSource {
    pub fn label(self) -> &'static str {
        match self {
            LuckSource::Preparation => "preparation that paid off",
            LuckSource::Gap => "a gap we got away with",
            LuckSource::Both => "both preparation and a gap we got away with",
            LuckSource::Unexplained => "not explained yet",
        }
    }
}

/// One line of the luck ledger.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerEntry<'a> {
    pub moment: &'a Moment,
    /// The linked observations that still exist, in the order they were linked.
    pub explanations: Vec<&'a Observation>,
    pub source: LuckSource,
}

/// The luck ledger: each "we got lucky" moment with the observations that explain it.
pub fn ledger(review: &Review) -> Vec<LedgerEntry<'_>> {
    review
        .moments
        .iter()
        .map(|moment| {
            let explanations: Vec<&Observation> = moment
                .explained_by
                .iter()
                .filter_map(|id| review.observation(*id))
                .collect();
            let has = |luck: Luck| explanations.iter().any(|observation| observation.luck == Some(luck));
            let source = match (has(Luck::Increasing), has(Luck::Decreasing)) {
                (true, true) => LuckSource::Both,
                (true, false) => LuckSource::Preparation,
                (false, true) => LuckSource::Gap,
                (false, false) => LuckSource::Unexplained,
            };
            LedgerEntry {
                moment,
                explanations,
                source,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::{step, STEPS};

    #[test]
    fn an_action_reads_with_what_is_filled_in() {
        let mut review = Review::new("r", "t", 0);
        let id = review.add_action("Write the runbook", None, 1).unwrap();
        assert_eq!(describe_action(&review.actions[0]), "Write the runbook");
        review.set_action_field(id, crate::ActionField::Due, "2026-12-01", 2);
        assert_eq!(describe_action(&review.actions[0]), "Write the runbook (2026-12-01)");
        review.set_action_field(id, crate::ActionField::Owner, "Sam", 3);
        assert_eq!(
            describe_action(&review.actions[0]),
            "Write the runbook (Sam, 2026-12-01)"
        );
    }

    #[test]
    fn questions_answered_counts_every_question_step_and_nothing_else() {
        let mut review = Review::new("r", "t", 0);
        let total = crate::QUESTIONS.len();
        assert_eq!(questions_answered(&review), Progress { done: 0, total });
        review.add_observation(crate::QUESTIONS[0].id, "one", 1);
        review.add_observation(crate::QUESTIONS[0].id, "two", 1);
        review.add_moment("a moment", 1);
        assert_eq!(questions_answered(&review), Progress { done: 1, total });
    }

    #[test]
    fn question_steps_count_answered_questions() {
        let mut review = Review::new("r", "", 0);
        let decreasing = step("decreasing").unwrap();
        let before = step_progress(&review, decreasing);
        assert_eq!(before.done, 0);
        review.add_observation("decreasing.normalised", "a", 1);
        review.add_observation("decreasing.normalised", "b", 1);
        review.add_observation("decreasing.stop", "c", 1);
        assert_eq!(
            step_progress(&review, decreasing),
            Progress {
                done: 2,
                total: before.total
            }
        );
        assert_eq!(step_progress(&review, step("increasing").unwrap()).done, 0);
    }

    #[test]
    fn the_scene_counts_filled_fields_and_actions_count_complete_ones() {
        let mut review = Review::new("r", "Title", 0);
        review.add_moment("We were lucky that the backup ran", 1);
        assert_eq!(step_progress(&review, &STEPS[0]), Progress { done: 2, total: 4 });
        let action = review.add_action("Write it down", None, 1).unwrap();
        review.add_action("Other", None, 1);
        review.set_action_field(action, crate::review::ActionField::Owner, "Kim", 1);
        review.set_action_field(action, crate::review::ActionField::Due, "2026-12-01", 1);
        let actions = step("actions").unwrap();
        assert_eq!(step_progress(&review, actions), Progress { done: 1, total: 2 });
        assert_eq!(
            step_progress(&review, actions).describe(actions.kind),
            "1 of 2 with owner and date"
        );
    }

    #[test]
    fn the_ledger_judges_each_moment_by_its_tagged_explanations() {
        let mut review = Review::new("r", "", 0);
        let prepared = review
            .add_observation("increasing.measuring", "SLI dashboard", 1)
            .unwrap();
        let gap = review
            .add_observation("decreasing.normalised", "Only Amanda knows it", 1)
            .unwrap();
        let untagged = review.add_observation("decreasing.stop", "untagged", 1).unwrap();
        review.set_luck(prepared, Some(Luck::Increasing), 1);
        review.set_luck(gap, Some(Luck::Decreasing), 1);
        let moments: Vec<_> = (0..4)
            .map(|n| review.add_moment(&format!("m{n}"), 1).unwrap())
            .collect();
        review.toggle_explanation(moments[0], prepared, 1);
        review.toggle_explanation(moments[1], gap, 1);
        review.toggle_explanation(moments[2], prepared, 1);
        review.toggle_explanation(moments[2], gap, 1);
        review.toggle_explanation(moments[3], untagged, 1);

        let sources: Vec<LuckSource> = ledger(&review).iter().map(|entry| entry.source).collect();
        assert_eq!(
            sources,
            [
                LuckSource::Preparation,
                LuckSource::Gap,
                LuckSource::Both,
                LuckSource::Unexplained
            ]
        );
    }

    #[test]
    fn deleted_explanations_drop_out_of_the_ledger() {
        let mut review = Review::new("r", "", 0);
        let observation = review.add_observation("decreasing.normalised", "gone soon", 1).unwrap();
        review.set_luck(observation, Some(Luck::Decreasing), 1);
        let moment = review.add_moment("m", 1).unwrap();
        review.toggle_explanation(moment, observation, 1);
        review.remove_observation(observation, 2);
        let entries = ledger(&review);
        assert!(entries[0].explanations.is_empty());
        assert_eq!(entries[0].source, LuckSource::Unexplained);
    }
}
