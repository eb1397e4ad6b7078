//! Where the facilitator is in a review: the open step and the question whose field has focus. The main window
//! writes it to storage whenever it changes, and the presenter view in another window follows it. It is not
//! part of the review: never saved with it, never exported.

use crate::catalogue::{self, questions_of, StepKind, QUESTIONS, STEPS};

/// A place in the worksheet: a step, and on a question step one of its questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presence {
    pub step: &'static str,
    pub question: Option<&'static str>,
}

impl Presence {
    /// A step, at its first question if it has questions.
    pub fn at_step(step: &'static str) -> Presence {
        Presence {
            step,
            question: questions_of(step).next().map(|question| question.id),
        }
    }

    /// As stored: `<step>` or `<step> <question>`.
    pub fn encode(&self) -> String {
        match self.question {
            Some(question) => format!("{} {question}", self.step),
            None => self.step.to_owned(),
        }
    }

    /// Reads what `encode` wrote; anything else (another version, a hand edit) is `None`. A question that is not
    /// on the step falls back to the step's first question.
    pub fn decode(text: &str) -> Option<Presence> {
        let mut words = text.split(' ');
        let step = catalogue::step(words.next()?)?;
        let question = words
            .next()
            .and_then(catalogue::question)
            .filter(|question| question.step == step.id);
        Some(match question {
            Some(question) => Presence {
                step: step.id,
                question: Some(question.id),
            },
            None => Presence::at_step(step.id),
        })
    }

    /// The place after this one, moving question by question through the steps (a step without questions is one
    /// place); `None` at the end.
    pub fn next(self) -> Option<Presence> {
        let places = places();
        let index = places.iter().position(|place| *place == self)?;
        places.get(index + 1).copied()
    }

    /// The place before this one; `None` at the start.
    pub fn previous(self) -> Option<Presence> {
        let places = places();
        let index = places.iter().position(|place| *place == self)?;
        index.checked_sub(1).and_then(|index| places.get(index).copied())
    }
}

/// Every place in order: each step without questions once, each question of a question step once.
fn places() -> Vec<Presence> {
    STEPS
        .iter()
        .flat_map(|step| -> Vec<Presence> {
            if step.kind == StepKind::Questions {
                QUESTIONS
                    .iter()
                    .filter(|question| question.step == step.id)
                    .map(|question| Presence {
                        step: step.id,
                        question: Some(question.id),
                    })
                    .collect()
            } else {
                vec![Presence {
                    step: step.id,
                    question: None,
                }]
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_survives_storage() {
        for place in places() {
            assert_eq!(Presence::decode(&place.encode()), Some(place));
        }
    }

    #[test]
    fn unknown_or_mismatched_text_is_refused_or_falls_back_to_the_step() {
        assert_eq!(Presence::decode(""), None);
        assert_eq!(Presence::decode("nowhere"), None);
        let frequency_question = QUESTIONS.iter().find(|q| q.step != "decreasing").map(|q| q.id).unwrap();
        assert_eq!(
            Presence::decode(&format!("decreasing {frequency_question}")),
            Some(Presence::at_step("decreasing"))
        );
    }

    #[test]
    fn next_and_previous_walk_every_question_once_and_stop_at_the_ends() {
        let first = Presence::at_step(STEPS[0].id);
        let mut seen = vec![first];
        let mut place = first;
        while let Some(next) = place.next() {
            assert_eq!(next.previous(), Some(place));
            seen.push(next);
            place = next;
        }
        let questions = seen.iter().filter(|place| place.question.is_some()).count();
        assert_eq!(questions, QUESTIONS.len());
        assert_eq!(
            seen.len(),
            QUESTIONS.len() + STEPS.iter().filter(|s| s.kind != StepKind::Questions).count()
        );
        assert_eq!(first.previous(), None);
    }
}
