//! The review: plain data with behaviour methods. No signals, no storage, no clock: callers pass the time in.

use serde::{Deserialize, Serialize};

/// Identifies an observation within its review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ObservationId(pub u32);

/// One thing the team said in answer to a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Observation {
    pub id: ObservationId,
    /// The catalogue id of the question it answers.
    pub question: String,
    pub text: String,
}

/// A "we got lucky" review: everything the users typed, and nothing about how the screen looks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    pub id: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub observations: Vec<Observation>,
    /// Milliseconds since the Unix epoch.
    #[serde(default)]
    pub created_at: u64,
    #[serde(default)]
    pub updated_at: u64,
    /// The next free observation id; ids are never reused, so undo and links stay unambiguous.
    #[serde(default)]
    next_id: u32,
}

impl Review {
    pub fn new(id: impl Into<String>, title: impl Into<String>, now: u64) -> Self {
        Review {
            id: id.into(),
            title: title.into(),
            observations: Vec::new(),
            created_at: now,
            updated_at: now,
            next_id: 1,
        }
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

    /// Adds an observation to a question. Blank text adds nothing and returns `None`.
    pub fn add_observation(
        &mut self,
        question: &str,
        text: &str,
        now: u64,
    ) -> Option<ObservationId> {
        if text.trim().is_empty() {
            return None;
        }
        let id = self.allocate_id();
        self.observations.push(Observation {
            id,
            question: question.to_owned(),
            text: text.to_owned(),
        });
        self.updated_at = now;
        Some(id)
    }

    /// The observations answering one question, in the order they were given.
    pub fn observations_for<'a>(
        &'a self,
        question: &'a str,
    ) -> impl Iterator<Item = &'a Observation> + 'a {
        self.observations
            .iter()
            .filter(move |observation| observation.question == question)
    }

    fn allocate_id(&mut self) -> ObservationId {
        // Stored data from before `next_id` existed, or edited by hand, may hold a stale counter.
        let highest = self
            .observations
            .iter()
            .map(|observation| observation.id.0)
            .max()
            .unwrap_or(0);
        let id = self.next_id.max(highest + 1);
        self.next_id = id + 1;
        ObservationId(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adding_keeps_the_text_exactly_and_in_order() {
        let mut review = Review::new("r1", "Payments outage", 10);
        let first = review.add_observation("q", "  *We* skip reviews ", 20);
        let second = review.add_observation("q", "No alerts on the queue", 30);
        assert_ne!(first, second);
        let texts: Vec<&str> = review
            .observations_for("q")
            .map(|o| o.text.as_str())
            .collect();
        assert_eq!(texts, ["  *We* skip reviews ", "No alerts on the queue"]);
        assert_eq!(review.updated_at, 30);
    }

    #[test]
    fn blank_observations_are_not_added() {
        let mut review = Review::new("r1", "", 10);
        assert_eq!(review.add_observation("q", " \n\t", 20), None);
        assert!(review.observations.is_empty());
        assert_eq!(review.updated_at, 10);
    }

    #[test]
    fn ids_stay_unique_after_a_stale_counter() {
        let mut review = Review::new("r1", "", 0);
        review.add_observation("q", "a", 1);
        review.next_id = 0;
        let id = review.add_observation("q", "b", 2);
        assert_eq!(id, Some(ObservationId(2)));
    }

    #[test]
    fn untitled_reviews_get_a_display_title() {
        assert_eq!(Review::new("r", "  ", 0).display_title(), "Untitled review");
        assert_eq!(
            Review::new("r", "DB failover", 0).display_title(),
            "DB failover"
        );
    }
}
