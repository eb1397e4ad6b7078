//! The steps and questions of the worksheet. This is the one place to change what the review asks.
//!
//! Question sentences (`text` and `prompts`) are quoted verbatim from "We got lucky" by Benji Weber; help
//! text, examples that are not the article's, labels and intros are gotlucky's own.

/// The article the questions come from, credited on the start screen and in the export.
pub const ARTICLE_TITLE: &str = "We got lucky";
pub const ARTICLE_AUTHOR: &str = "Benji Weber";

/// What a step shows besides its questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// Title, what happened, who was there, and the "we got lucky" moments.
    Scene,
    /// A list of questions, each collecting observations.
    Questions,
    /// Every action of the review in one list.
    Actions,
    /// A read-only summary with the luck ledger.
    Summary,
}

/// One step of the worksheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub id: &'static str,
    pub kind: StepKind,
    /// Short name for the stepper.
    pub label: &'static str,
    /// The step's heading; for question steps, the article's own heading.
    pub heading: &'static str,
    /// One or two sentences of guidance in gotlucky's words.
    pub intro: &'static str,
}

/// One question of the worksheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Question {
    /// Stable identifier stored with every observation; never reuse or rename one that has shipped.
    pub id: &'static str,
    /// The id of the step it belongs to.
    pub step: &'static str,
    /// The question as the article asks it.
    pub text: &'static str,
    /// The article's follow-up questions, shown under the question.
    pub prompts: &'static [&'static str],
    /// A short hint in gotlucky's own words, collapsible in the UI.
    pub help: &'static str,
    /// An example answer, shown as a placeholder.
    pub example: &'static str,
}

pub const STEPS: &[Step] = &[
    Step {
        id: "scene",
        kind: StepKind::Scene,
        label: "Set the scene",
        heading: "Set the scene",
        intro: "What happened, who is here, and the moments someone said \u{201c}we got lucky\u{201d}.",
    },
    Step {
        id: "decreasing",
        kind: StepKind::Questions,
        label: "Decreasing luck",
        heading: "How have we been decreasing our luck?",
        intro: "Look for the gaps we got away with this time.",
    },
    Step {
        id: "increasing",
        kind: StepKind::Questions,
        label: "Increasing luck",
        heading: "How have we been increasing our luck?",
        intro: "Look for what worked, so we can do more of it on purpose.",
    },
    Step {
        id: "frequency",
        kind: StepKind::Questions,
        label: "Trying our luck",
        heading: "How frequently do we try our luck?",
        intro: "Incidents are a rare and stressful test of preparation; drills are a cheaper one.",
    },
    Step {
        id: "incentives",
        kind: StepKind::Questions,
        label: "Incentives",
        heading: "Dig deeper: what are the incentives behind your luck?",
        intro: "What the team is rewarded for shapes how much luck it needs.",
    },
    Step {
        id: "actions",
        kind: StepKind::Actions,
        label: "Actions",
        heading: "Actions",
        intro: "Everything the team agreed to do, with an owner and a date.",
    },
    Step {
        id: "review",
        kind: StepKind::Summary,
        label: "Review",
        heading: "Review",
        intro: "The whole review at a glance, ready to export.",
    },
];

/// Shown with the "we got lucky" moments and the luck ledger (verbatim from the article).
pub const LEDGER_QUESTION: &str =
    "What does the observation \u{201c}we got lucky\u{201d} tell us about our preparation?";
pub const LEDGER_PROMPT: &str =
    "Was it pure happenstance? \u{2026}or have we been doing things that increased or decreased our luck?";
/// The article's example of a "we got lucky" moment, used as a placeholder.
pub const MOMENT_EXAMPLE: &str =
    "We were lucky that Amanda was online, she\u{2019}s the only person who knows this system. \
It would have taken hours to diagnose without her";

/// Drill plans belong to this question.
pub const DRILL_QUESTION: &str = "frequency.drills";

pub const QUESTIONS: &[Question] = &[
    Question {
        id: "decreasing.normalised",
        step: "decreasing",
        text: "What unsafe behaviour have we been normalising?",
        prompts: &[],
        help: "Shortcuts that became routine, and safety nets that are missing without anyone noticing.",
        example: "We were lucky that Amanda was online, she\u{2019}s the only person who knows this system",
    },
    Question {
        id: "decreasing.collective",
        step: "decreasing",
        text: "How can we improve collective understanding and ownership?",
        prompts: &[
            "Maybe we should dedicate a few hours a week to understanding one of our systems together?",
            "What about trying pair programming?",
            "Chaos engineering?",
        ],
        help: "Who else could have handled this? Think of ways more of the team gets to know the system before the next incident.",
        example: "A weekly hour where we walk through one service together",
    },
    Question {
        id: "decreasing.diagnose",
        step: "decreasing",
        text: "How can we make our systems easier to diagnose without relying on those who already have a good mental model of how they work?",
        prompts: &["Without even relying on collaboration?"],
        help: "What would a newcomer on call at 3am need to see to find the cause alone?",
        example: "Link each alert to a runbook with the first three checks",
    },
    Question {
        id: "decreasing.observability",
        step: "decreasing",
        text: "How will we make time to make our systems observable?",
        prompts: &[],
        help: "Name where the time comes from, not only what we would build with it.",
        example: "Reserve one day per sprint for tracing and dashboards",
    },
    Question {
        id: "decreasing.bad-luck",
        step: "decreasing",
        text: "What would be the cost of \u{201c}bad luck\u{201d} here?",
        prompts: &["maybe we should invest some of it in tooling?"],
        help: "Estimate the unlucky outcome: hours of downtime, customers affected, money, trust.",
        example: "Six hours of failed payments, roughly a week of revenue",
    },
    Question {
        id: "decreasing.stop",
        step: "decreasing",
        text: "If \u{201c}we got lucky\u{201d} implies that we\u{2019}d be unhappy with the unlucky outcome, then what do we need to stop doing to make more time for things that can improve safety?",
        prompts: &[],
        help: "Meetings, reports, low-value features: what could we drop to free time for safety?",
        example: "Stop the weekly status report nobody reads",
    },
    Question {
        id: "decreasing.start",
        step: "decreasing",
        text: "What could we start doing to increase our chances of repeating our luck in a similar incident?",
        prompts: &[],
        help: "Turn the lucky part into something the team does on purpose.",
        example: "Write down how Amanda diagnosed it, and practise it",
    },
    Question {
        id: "decreasing.make-time",
        step: "decreasing",
        text: "What will we make time for?",
        prompts: &[],
        help: "Pick the few things that matter most, and say when they happen.",
        example: "Two hours on Thursdays for on-call training",
    },
    Question {
        id: "increasing.preparation",
        step: "increasing",
        text: "Let\u{2019}s seek to understand what preparation led to the lucky escape, and think how we can turn up the dials.",
        prompts: &[],
        help: "For each thing that helped, ask what made it possible, and how to have more of it.",
        example: "The rollback script we wrote last quarter worked first time",
    },
    Question {
        id: "increasing.measuring",
        step: "increasing",
        text: "Are we measuring what matters on all of our services?",
        prompts: &["Or was part of \u{201c}we got lucky\u{201d} that it happened to be one of the few services where we happen to be measuring the things that matter to our users?"],
        help: "Would we have noticed as quickly if this had happened in another service?",
        example: "Sam spotted the problem on our SLIs dashboard",
    },
    Question {
        id: "increasing.exchanges",
        step: "increasing",
        text: "Should we make more time for such exchanges or and personal learning opportunities?",
        prompts: &[],
        help: "Where did the knowledge that saved us come from, and can more people get it that way?",
        example: "Liz did a developer exchange with the SRE team last month and learned how this worked",
    },
    Question {
        id: "increasing.pairing",
        step: "increasing",
        text: "Do we often pair?",
        prompts: &["What if we did more of it?"],
        help: "Shared work spreads knowledge of a system without anyone having to plan it.",
        example: "Emily remembered she was pairing with David last week and made a change in this area",
    },
    Question {
        id: "frequency.tested",
        step: "frequency",
        text: "How often do incidents, drills or experiments put our preparation to the test?",
        prompts: &[],
        help: "Many incidents suggest bad luck or poor preparation; very few make preparation hard to judge.",
        example: "Our last failover test was over a year ago",
    },
    Question {
        id: "frequency.drills",
        step: "frequency",
        text: "Why not start with practice drills?",
        prompts: &[],
        help: "A game host invents a failure; the team responds as if it were real. Build up to chaos experiments in production.",
        example: "Run a drill where the primary database disappears",
    },
    Question {
        id: "incentives.learning",
        step: "incentives",
        text: "Is learning incentivised in your team, or is there pressure to get stuff shipped?",
        prompts: &[],
        help: "Look at what actually happens when learning and delivery compete for the same week.",
        example: "Training days get cancelled whenever a deadline is near",
    },
    Question {
        id: "incentives.celebrated",
        step: "incentives",
        text: "What gets celebrated in your team?",
        prompts: &[
            "Shipping things?",
            "Heroics when production falls over?",
            "Or time spent thinking, learning, working together?",
        ],
        help: "Think of the last few shout-outs, promotions and all-hands slides.",
        example: "The all-hands thanked the people who stayed up all night",
    },
    Question {
        id: "incentives.slo",
        step: "incentives",
        text: "Do our service level objectives warn us in time, or only once reliability is already at risk?",
        prompts: &[],
        help: "SLOs can balance reliability against features, but by the time one is threatened it is late.",
        example: "We only slow down feature work once the error budget is gone",
    },
    Question {
        id: "incentives.remove",
        step: "incentives",
        text: "What if instead we removed (or reduced) the existing incentives to rush & sacrifice safety.",
        prompts: &["Remove rather than try to counter them with extra incentives for safety?"],
        help: "Look for deadlines, targets or rewards that push people to cut corners, and ask how to take them away.",
        example: "Drop the launch-date bonus that rewards skipping the load test",
    },
];

/// Under the meeting's time plan: what the minutes are for.
pub const TIMEBOX_HELP: &str = "The minutes are a guide for the room. The timer shows when a step runs over and \
    says so at two minutes left and when time is up; it never stops anyone. Moving to another step moves a \
    running timer along, and each step keeps the time it has used.";

/// Looks a question up by its stored identifier.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|question| question.id == id)
}

/// Looks a step up by its identifier.
pub fn step(id: &str) -> Option<&'static Step> {
    STEPS.iter().find(|step| step.id == id)
}

/// The step a question belongs to; an unknown question (from a file edited by hand) opens the first step.
pub fn step_of_question(question_id: &str) -> &'static str {
    question(question_id).map_or(STEPS[0].id, |question| question.step)
}

/// The questions of one step, in order.
pub fn questions_of(step_id: &str) -> impl Iterator<Item = &'static Question> + '_ {
    QUESTIONS.iter().filter(move |question| question.step == step_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE_QUESTIONS: &str = include_str!("tests/fixtures/article-questions.txt");

    fn article_questions() -> impl Iterator<Item = &'static str> {
        ARTICLE_QUESTIONS
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
    }

    #[test]
    fn every_question_leads_to_its_own_step_and_unknown_ones_to_the_first() {
        for question in QUESTIONS {
            assert_eq!(step_of_question(question.id), question.step);
            assert!(step(question.step).is_some(), "{} names a missing step", question.id);
        }
        assert_eq!(step_of_question("no.such.question"), STEPS[0].id);
    }

    /// Every sentence of the worksheet that quotes the article.
    fn quoted_texts() -> Vec<&'static str> {
        let mut texts = vec![LEDGER_QUESTION, LEDGER_PROMPT];
        texts.extend(STEPS.iter().map(|step| step.heading));
        for question in QUESTIONS {
            texts.push(question.text);
            texts.extend(question.prompts);
        }
        texts
    }

    #[test]
    fn ids_are_unique() {
        for (index, question) in QUESTIONS.iter().enumerate() {
            assert!(
                QUESTIONS[index + 1..].iter().all(|other| other.id != question.id),
                "duplicate {}",
                question.id
            );
        }
        for (index, step) in STEPS.iter().enumerate() {
            assert!(
                STEPS[index + 1..].iter().all(|other| other.id != step.id),
                "duplicate {}",
                step.id
            );
        }
    }

    #[test]
    fn every_question_of_the_article_is_asked() {
        let quoted = quoted_texts();
        for sentence in article_questions() {
            assert!(
                quoted.iter().any(|text| text.contains(sentence)),
                "the worksheet does not ask: {sentence}"
            );
        }
    }

    #[test]
    fn questions_belong_to_question_steps_in_step_order() {
        let mut last_step = 0;
        for question in QUESTIONS {
            let position = STEPS.iter().position(|step| step.id == question.step);
            let Some(position) = position else {
                panic!("{} names an unknown step", question.id)
            };
            assert_eq!(STEPS[position].kind, StepKind::Questions, "{}", question.id);
            assert!(position >= last_step, "{} is out of step order", question.id);
            last_step = position;
        }
        assert!(question(DRILL_QUESTION).is_some());
    }

    #[test]
    fn every_question_step_has_questions_and_help() {
        for step in STEPS.iter().filter(|step| step.kind == StepKind::Questions) {
            assert!(questions_of(step.id).count() > 0, "{} has no questions", step.id);
        }
        for question in QUESTIONS {
            assert!(
                !question.help.is_empty() && !question.example.is_empty(),
                "{}",
                question.id
            );
        }
    }
}
