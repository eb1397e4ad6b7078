//! The meeting: what a facilitator needs around the worksheet itself.
//!
//! - `plan`: how long the meeting is and how the minutes split over the steps, persisted in `Review::meeting`;
//! - `timer`: each step's timer, computed from the instants the caller passes in;
//! - `agenda`: the meeting plan as Markdown to send before the meeting, and a reflection draft made from it;
//! - `presence`: where the facilitator is (step and question), which the presenter view follows;
//! - `merge` and `files`: bringing the participants' exported reflections into the meeting's review.

mod agenda;
mod files;
mod merge;
mod plan;
mod presence;
mod timer;

pub use agenda::{
    is_meeting_plan, meeting_plan_file_name, meeting_plan_markdown, prepare_reflection, reflection_from_meeting_plan,
};
pub use files::MAX_REFLECTION_BYTES;
pub use merge::{plan_merge, FileMerge, FilePlan, MergeFile, MergePlan, QuestionMerge};
pub use plan::{
    clamp_length, format_clock, format_offset, parse_clock, propose_minutes, MeetingPlan, PlannedStep,
    DEFAULT_LENGTH_MINUTES, MAX_LENGTH_MINUTES, MIN_LENGTH_MINUTES,
};
pub use presence::Presence;
pub use timer::{display_remaining, Announcement, StepTimer};

use crate::review::{Mode, Review};

impl Review {
    /// The meeting plan, or the default one (60 minutes) when none was made yet.
    pub fn meeting_plan(&self) -> MeetingPlan {
        self.meeting.clone().unwrap_or_default()
    }

    /// Changes the meeting plan (making the default one first if there is none), e.g.
    /// `review.edit_meeting(now, |plan| plan.start_timer(step, now))`. The review counts as edited only when the
    /// plan actually changed.
    pub fn edit_meeting<T>(&mut self, now: u64, change: impl FnOnce(&mut MeetingPlan) -> T) -> T {
        let mut plan = self.meeting_plan();
        let result = change(&mut plan);
        if self.meeting.as_ref() != Some(&plan) {
            self.meeting = Some(plan);
            self.updated_at = now;
        }
        result
    }

    /// Whether the meeting timer is shown: on in a facilitated meeting unless turned off, off in a
    /// self-reflection unless turned on.
    pub fn timer_is_on(&self) -> bool {
        self.meeting
            .as_ref()
            .and_then(|plan| plan.timer_on)
            .unwrap_or(self.scene.mode == Mode::Facilitated)
    }
}
