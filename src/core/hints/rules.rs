//! The rule set of the writing hints: pure data. Each rule has a stable id, a sentence on why its words deserve
//! a second look, a way to say it instead, and what to look for. Word lists are English, lower case, matched as
//! whole words; `'` in them stands for both apostrophes. The matching is in `super`.
//!
//! Never change or reuse the id of a rule that has shipped: teams dismiss hints by rule id.

/// One rule: why a phrase deserves a second look, and a way to say it instead.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable identifier, for dismissing the rule on one item.
    pub id: &'static str,
    /// One sentence on why the phrase is worth a second look.
    pub why: &'static str,
    /// A question or wording to try instead.
    pub reframe: &'static str,
    pub(super) matcher: Matcher,
}

#[derive(Debug, PartialEq, Eq)]
pub(super) enum Matcher {
    /// Any of these phrases, words separated by single spaces; `'` stands for both apostrophes.
    Phrases(&'static [&'static str]),
    /// Like `Phrases`, for action texts only.
    ActionPhrases(&'static [&'static str]),
    /// Like `ActionPhrases`, unless the action names something checkable (`CHECKABLE`, or a number).
    VagueUnlessCheckable(&'static [&'static str]),
    /// Like `Phrases`, only after a person (`PEOPLE` or a name): "we failed to", not "the deploy failed to".
    PersonThen(&'static [&'static str]),
    /// Like `Phrases`, only before a person: "why didn't we", not "why didn't the alert fire".
    ThenPerson(&'static [&'static str]),
    /// A participant's name as the subject of a failure verb, or "<name>'s fault".
    NameThenFailure,
    /// "just" before one of `JUST_VERBS`.
    JustBeforeVerb,
    /// Checked on a whole item, not on its words.
    Item,
}

/// Every rule, in the order hints are listed.
#[rustfmt::skip]
pub const RULES: &[Rule] = &[
    Rule { id: "blame-name", matcher: Matcher::NameThenFailure,
        why: "Naming the person who slipped points at them, not at what made the slip easy to make.",
        reframe: "What made it hard to notice or to do at the time?" },
    Rule { id: "human-error", matcher: Matcher::Phrases(&[
            "human error", "human errors", "user error", "operator error", "pilot error"
        ]),
        why: "\u{201c}Human error\u{201d} ends the inquiry just where it gets useful.",
        reframe: "What about the tools, the load or the information made this error likely?" },
    Rule { id: "careless", matcher: Matcher::Phrases(&[
            "careless", "carelessly", "carelessness", "sloppy", "negligent", "negligence", "lazy", "incompetent",
            "stupid mistake"
        ]),
        why: "Calling someone careless judges them and hides the conditions they worked in.",
        reframe: "What was competing for their attention?" },
    Rule { id: "should-have", matcher: Matcher::PersonThen(&[
            "should have", "should've", "shouldn't have", "should not have", "ought to have"
        ]),
        why: "\u{201c}Should have\u{201d} judges a decision by an outcome nobody knew yet.",
        reframe: "What did they know and see at that moment, and why did their choice make sense?" },
    Rule { id: "failed-to", matcher: Matcher::PersonThen(&["failed to", "fail to", "fails to", "didn't manage to"]),
        why: "\u{201c}Failed to\u{201d} counts what did not happen instead of describing what did.",
        reframe: "What happened instead, and what made that the natural thing to do?" },
    Rule { id: "obviously", matcher: Matcher::Phrases(&["obviously", "obvious", "of course"]),
        why: "Things look obvious only once we know how the story ends.",
        reframe: "What would have made it visible before we knew the outcome?" },
    Rule { id: "just", matcher: Matcher::JustBeforeVerb,
        why: "\u{201c}Just\u{201d} makes the work sound trivial and hides what makes it hard.",
        reframe: "What does it take to do this, and what could get in the way?" },
    Rule { id: "why-didnt", matcher: Matcher::ThenPerson(&[
            "why didn't", "why did not", "why didnt", "why wasn't", "why weren't", "why hadn't", "why haven't",
            "why hasn't", "why couldn't", "why did nobody", "why did no one"
        ]),
        why: "\u{201c}Why didn\u{2019}t\u{201d} asks people to defend themselves rather than to explain the situation.",
        reframe: "What made the other path look right at the time?" },
    Rule { id: "if-only", matcher: Matcher::Phrases(&["if only", "only if we had", "if we had only"]),
        why: "\u{201c}If only\u{201d} describes a past that did not happen instead of the one that did.",
        reframe: "What actually happened, and what shaped it?" },
    Rule { id: "could-have-prevented", matcher: Matcher::Phrases(&[
            "could have prevented", "could've prevented", "could have avoided", "could've avoided",
            "could have been prevented", "could have been avoided", "would have prevented", "would have avoided",
            "would have been prevented", "would have been avoided", "could have stopped", "would have stopped"
        ]),
        why: "A counterfactual looks for the one missed step, while the conditions that allowed it stay.",
        reframe: "What conditions made this possible, and which of them could we change?" },
    Rule { id: "action-investigate", matcher: Matcher::ActionPhrases(&[
            "look into", "looking into", "look at", "investigate", "dig into", "explore", "research"
        ]),
        why: "An investigation has no end anyone can check, so it tends to stay open.",
        reframe: "What question should it answer, and what will we decide with the answer?" },
    Rule { id: "action-consider", matcher: Matcher::ActionPhrases(&[
            "consider", "think about", "discuss", "evaluate", "revisit"
        ]),
        why: "Considering can be done without anything changing.",
        reframe: "What would we do if the answer is yes, and by when do we decide?" },
    Rule { id: "action-improve", matcher: Matcher::VagueUnlessCheckable(&[
            "improve", "enhance", "optimise", "optimize", "strengthen", "streamline", "harden"
        ]),
        why: "Without a target nobody can tell when an improvement is done.",
        reframe: "What will be true when it is done: a number, a check, a page that exists?" },
    Rule { id: "action-be-careful", matcher: Matcher::ActionPhrases(&[
            "be more careful", "be careful", "pay more attention", "pay attention", "take more care",
            "be more vigilant", "be vigilant", "remember to", "try harder", "double check", "double-check"
        ]),
        why: "Asking people to try harder leaves unchanged what made the slip easy.",
        reframe: "What change to a tool, check or default would make the careful way the easy way?" },
    Rule { id: "action-monitor-better", matcher: Matcher::ActionPhrases(&[
            "monitor better", "better monitoring", "more monitoring", "improve monitoring", "improve observability",
            "better observability", "better alerting", "more alerts", "keep an eye on", "keep an eye out"
        ]),
        why: "\u{201c}Better monitoring\u{201d} does not say which signal anyone will act on.",
        reframe: "Which signal, at what threshold, alerts whom?" },
    Rule { id: "action-raise-awareness", matcher: Matcher::ActionPhrases(&[
            "raise awareness", "awareness", "remind everyone", "remind people", "remind the team", "educate",
            "share learnings", "communicate better"
        ]),
        why: "Awareness fades, and the system that allowed the problem stays as it was.",
        reframe: "What could we change so that nobody has to remember this?" },
    Rule { id: "action-ensure", matcher: Matcher::VagueUnlessCheckable(&[
            "ensure", "ensures", "make sure", "guarantee"
        ]),
        why: "\u{201c}Ensure\u{201d} names a wish; the check that would make sure of it is missing.",
        reframe: "What check, alert or test will make sure of it?" },
    Rule { id: "action-no-owner", matcher: Matcher::Item,
        why: "An action without an owner is everybody\u{2019}s, which in practice is nobody\u{2019}s.",
        reframe: "Who will drive this, even if others do the work?" },
    Rule { id: "action-no-due", matcher: Matcher::Item,
        why: "Without a date an action slips behind everything that has one.",
        reframe: "When should we look at it again: in a week, a sprint, a month?" },
    Rule { id: "luck-unexplained", matcher: Matcher::Item,
        why: "A lucky moment with no observation behind it teaches nothing about our preparation.",
        reframe: "Which observation explains this luck: a gap we got away with, or preparation that paid off?" },
];

/// Failure verbs after a name: "Sam forgot", "Sam didn't check", "Sam never tested".
#[rustfmt::skip]
pub(super) const FAILURE_VERBS: &[&str] = &[
    "forgot", "forgets", "forgotten", "missed", "misses", "ignored", "ignores", "overlooked", "overlooks",
    "neglected", "neglects", "failed", "fails", "botched", "messed", "screwed", "blundered", "broke", "dropped",
    "didn't", "didnt", "did not", "never", "mistakenly", "accidentally", "carelessly", "wrongly", "should have",
    "should've", "shouldn't have", "misconfigured", "misread", "skipped", "caused",
];
/// Words allowed between a name and a failure verb: "Sam completely forgot", "Sam had missed".
#[rustfmt::skip]
pub(super) const BETWEEN_NAME_AND_VERB: &[&str] = &[
    "also", "just", "simply", "completely", "totally", "clearly", "obviously", "again", "then", "somehow",
    "apparently", "probably", "had", "has", "must", "really", "once",
];
/// Words for people, which make "failed to" or "why didn't" about someone rather than about a system.
#[rustfmt::skip]
pub(super) const PEOPLE: &[&str] = &[
    "i", "we", "you", "he", "she", "they", "someone", "somebody", "nobody", "anyone", "anybody", "everyone",
    "everybody", "one", "team", "engineer", "engineers", "developer", "developers", "dev", "devs", "operator",
    "operators", "on-call", "oncall", "sre", "sres", "ops", "reviewer", "reviewers", "author", "people", "staff",
    "person", "us", "them", "him", "her", "me", "who", "manager", "lead",
];
/// Nouns after a name's possessive: "Sam's fault".
#[rustfmt::skip]
pub(super) const FAILURE_NOUNS: &[&str] = &[
    "fault", "mistake", "error", "blunder", "screw-up", "screwup", "slip",
];
/// Verbs after which "just" is dismissive: "just restart it". "just now" or "just in time" stay quiet.
#[rustfmt::skip]
pub(super) const JUST_VERBS: &[&str] = &[
    "add", "apply", "ask", "bounce", "bump", "call", "change", "check", "clear", "click", "copy", "delete",
    "deploy", "disable", "do", "drop", "edit", "enable", "fix", "flip", "flush", "follow", "google", "increase",
    "install", "kill", "look", "merge", "move", "need", "needs", "needed", "open", "patch", "ping", "pull", "purge",
    "push", "read", "reboot", "rebuild", "redeploy", "reload", "remove", "rename", "replace", "rerun", "reset",
    "restart", "retry", "revert", "roll", "rollback", "run", "scale", "set", "ship", "skip", "stop", "switch",
    "tell", "toggle", "try", "turn", "update", "upgrade", "use", "wait", "write",
];
/// Words that make an action checkable: an artefact that will exist, or a signal someone can see.
#[rustfmt::skip]
pub(super) const CHECKABLE: &[&str] = &[
    "alert", "alerts", "alarm", "alarms", "page", "pages", "pager", "test", "tests", "check", "checks", "checklist",
    "runbook", "runbooks", "playbook", "dashboard", "dashboards", "threshold", "thresholds", "slo", "slos", "sli",
    "slis", "script", "lint", "linter", "pipeline", "ci", "limit", "limits", "timeout", "timeouts", "quota",
    "template", "gate", "flag", "probe", "canary", "drill", "percent", "ms", "seconds", "minutes",
];
