//! The questions of the worksheet. This is the one place to change what the review asks.
//!
//! Question sentences are quoted from "We got lucky" by Benji Weber; the help text is gotlucky's own.

/// One question of the worksheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable identifier stored with every observation; never reuse or rename one that has shipped.
    pub id: &'static str,
    /// The question as the article asks it.
    pub text: &'static str,
    /// A short hint in gotlucky's own words.
    pub help: &'static str,
    /// An example answer, shown as a placeholder.
    pub example: &'static str,
}

pub const QUESTIONS: &[Question] = &[Question {
    id: "decreasing.normalised",
    text: "What unsafe behaviour have we been normalising?",
    help: "Think of shortcuts that became routine, and of safety nets that are missing and nobody misses.",
    example: "We deploy on Friday evenings without anyone on call",
}];

/// Looks a question up by its stored identifier.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|question| question.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_ids_are_unique() {
        for (index, question) in QUESTIONS.iter().enumerate() {
            assert!(
                QUESTIONS[index + 1..]
                    .iter()
                    .all(|other| other.id != question.id),
                "duplicate question id {}",
                question.id
            );
        }
    }

    #[test]
    fn every_question_is_in_the_article() {
        let article = include_str!("tests/fixtures/article-questions.txt");
        for question in QUESTIONS {
            assert!(
                article.contains(question.text),
                "not in the article: {}",
                question.text
            );
        }
    }
}
