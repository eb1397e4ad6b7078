//! The writing hints against two corpora: sentences a team might write that deserve no note, and sentences that
//! each deserve one particular note. A change to the word lists that makes a neutral sentence noisy, or lets a
//! flagged one through, fails here.

use std::time::Instant;

use gotlucky_core::hints::{rule, unexplained_moments, HintedItem, RULES};
use gotlucky_core::{review_hints, ActionField, HintChecker, Review, SceneField, TextKind};

use TextKind::{Action, Moment, Observation};

/// The people of the corpus review, as `scene_names` reads "Alex Kim, Sam, Amanda".
const NAMES: &[&str] = &["Alex Kim", "Amanda", "Alex", "Sam", "Kim"];

const NEUTRAL: &[(TextKind, &str)] = &[
    (Moment, "We got lucky that Amanda was online just in time."),
    (Moment, "The alert fired just now and Sam acknowledged it."),
    (Observation, "The deploy failed to roll out on two nodes."),
    (Observation, "Why didn't the alert fire when the queue filled up?"),
    (Observation, "The alert should have fired at 80% disk usage."),
    (Moment, "Sam spotted the problem on the SLI dashboard."),
    (Observation, "Alex Kim paired with Amanda on the gateway last week."),
    (Observation, "Only Amanda knows how to rotate the payment keys."),
    (Observation, "Config pushes skip review when marked urgent."),
    (Observation, "Nobody had rehearsed a region failover in a year."),
    (Observation, "We restarted the consumer and the backlog drained."),
    (Observation, "Samantha's runbook covered the exact steps."),
    (Observation, "The human resources system was not affected."),
    (Observation, "The error budget was almost spent."),
    (Observation, "The on-call engineer had just started her shift."),
    (Moment, "It was just after midnight when the pager went off."),
    (
        Observation,
        "Requests fail to reach the database when the pool is exhausted.",
    ),
    (Observation, "The job fails to start if the config file is missing."),
    (Observation, "The failover script ran in four minutes."),
    (Observation, "Support noticed the spike before our monitoring did."),
    (Observation, "The SLO dashboard showed the error rate climbing."),
    (Observation, "Heroics get the shout-outs at the all-hands."),
    (Observation, "Training days are cancelled when a deadline is near."),
    (Observation, "Our last failover test was over a year ago."),
    (Moment, "The certificate expired on a Sunday, when traffic is low."),
    (Observation, "A customer reported the problem through the chat widget."),
    (
        Observation,
        "The rollback took twelve minutes because the image had to be rebuilt.",
    ),
    (Moment, "We were lucky the backup from the night before was intact."),
    (Observation, "Sam's laptop had the only copy of the recovery key."),
    (Observation, "Amanda said the logs were hard to read under pressure."),
    (Observation, "The runbook listed a command that no longer exists."),
    (Observation, "Three teams own parts of the checkout path."),
    (Moment, "The canary caught the bad build in one region."),
    (
        Observation,
        "We only slow down feature work once the error budget is gone.",
    ),
    (
        Observation,
        "If the cache had been cold, the outage would have lasted longer.",
    ),
    (Observation, "The dashboard was only checked by the person on call."),
    (Observation, "Alex Kim wrote the migration and Sam reviewed it."),
    (
        Observation,
        "The pager woke the wrong rotation for the first ten minutes.",
    ),
    (Action, "Add an alert when the payment queue is older than 5 minutes"),
    (Action, "Write a runbook for rotating the gateway keys"),
    (Action, "Pair Amanda and Liz on the gateway for two sessions"),
    (Action, "Run a game day where the primary database disappears"),
    (Action, "Ensure the backup job pages on-call when it fails"),
    (Action, "Improve p99 checkout latency to under 300 ms"),
    (Action, "Remove the launch-date bonus for skipping the load test"),
    (Action, "Set a 30-second timeout on calls to the card gateway"),
];

const FLAGGED: &[(TextKind, &str, &str)] = &[
    (Observation, "blame-name", "Sam forgot to renew the certificate."),
    (
        Observation,
        "blame-name",
        "Sam didn't check the dashboard before deploying.",
    ),
    (
        Moment,
        "blame-name",
        "We were lucky, Sam missed the alert in the noise.",
    ),
    (
        Observation,
        "blame-name",
        "Alex Kim ignored the warning in the deploy log.",
    ),
    (Observation, "blame-name", "It was Amanda's fault that the key expired."),
    (
        Observation,
        "blame-name",
        "amanda completely overlooked the second region.",
    ),
    (Observation, "blame-name", "Sam never tested the restore."),
    (Observation, "blame-name", "Kim broke the build on Friday."),
    (Observation, "blame-name", "SAM FORGOT THE FLAG"),
    (Observation, "blame-name", "Sam\u{2019}s mistake cost us an hour."),
    (
        Observation,
        "human-error",
        "Root cause: human error during the config push.",
    ),
    (
        Observation,
        "human-error",
        "Classic operator error on the load balancer.",
    ),
    (Observation, "careless", "A careless change to the firewall rules."),
    (Observation, "careless", "The rollout was sloppy."),
    (Observation, "should-have", "We should have caught this in review."),
    (
        Observation,
        "should-have",
        "Someone really should have noticed the disk filling up.",
    ),
    (Observation, "should-have", "They shouldn't have deployed on a Friday."),
    (Observation, "failed-to", "We failed to notice the queue growing."),
    (
        Observation,
        "failed-to",
        "The on-call engineer failed to escalate in time.",
    ),
    (Observation, "obviously", "Obviously the retry storm made it worse."),
    (Observation, "obviously", "The cause was obvious from the graphs."),
    (Action, "just", "Just restart the pod when it hangs"),
    (Observation, "just", "You just need to roll back."),
    (Observation, "just", "Next time just use the other region."),
    (Observation, "why-didnt", "Why didn't anyone look at the logs?"),
    (Observation, "why-didnt", "Why didn't Sam page the database team?"),
    (
        Observation,
        "why-didnt",
        "Why did no one notice the expired certificate?",
    ),
    (Observation, "if-only", "If only we had a second person on call."),
    (
        Moment,
        "if-only",
        "If only the alert had been routed to the right team.",
    ),
    (
        Observation,
        "could-have-prevented",
        "A simple canary could have prevented the outage.",
    ),
    (
        Observation,
        "could-have-prevented",
        "A load test would have prevented this.",
    ),
    (Action, "action-investigate", "Look into the flaky health check"),
    (Action, "action-investigate", "Investigate the memory leak"),
    (Action, "action-investigate", "Dig into why the cache warmed slowly"),
    (
        Action,
        "action-consider",
        "Consider moving the cron jobs to the scheduler",
    ),
    (Action, "action-consider", "Discuss the on-call rota at the next retro"),
    (Action, "action-improve", "Improve the deployment process"),
    (Action, "action-improve", "Harden the gateway"),
    (Action, "action-be-careful", "Be more careful with production config"),
    (
        Action,
        "action-be-careful",
        "Everyone should pay more attention to alerts",
    ),
    (Action, "action-monitor-better", "Monitor better"),
    (Action, "action-monitor-better", "Keep an eye on the queue depth"),
    (
        Action,
        "action-raise-awareness",
        "Raise awareness of the rollback procedure",
    ),
    (Action, "action-ensure", "Ensure the team knows the process"),
    (Action, "action-ensure", "Make sure this never happens again"),
];

fn ids(checker: &HintChecker, text: &str, kind: TextKind) -> Vec<&'static str> {
    checker.check(text, kind).iter().map(|hint| hint.rule.id).collect()
}

#[test]
fn neutral_sentences_get_no_hint() {
    assert!(NEUTRAL.len() >= 40);
    let checker = HintChecker::new(NAMES);
    for (kind, text) in NEUTRAL {
        assert_eq!(ids(&checker, text, *kind), Vec::<&str>::new(), "{text}");
    }
}

#[test]
fn flagged_sentences_get_their_hint() {
    assert!(FLAGGED.len() >= 40);
    let checker = HintChecker::new(NAMES);
    for (kind, id, text) in FLAGGED {
        assert!(rule(id).is_some(), "unknown rule {id}");
        assert!(
            ids(&checker, text, *kind).contains(id),
            "{text}: {:?}",
            ids(&checker, text, *kind)
        );
    }
    // Every rule about words is exercised.
    for rule in RULES
        .iter()
        .filter(|rule| !rule.id.starts_with("action-no") && rule.id != "luck-unexplained")
    {
        assert!(
            FLAGGED.iter().any(|(_, id, _)| *id == rule.id),
            "no example for {}",
            rule.id
        );
    }
}

#[test]
fn action_rules_apply_to_actions_only() {
    let checker = HintChecker::new(NAMES);
    assert_eq!(
        ids(&checker, "We need to investigate and improve", Observation),
        Vec::<&str>::new()
    );
    assert_eq!(
        ids(&checker, "Investigate and improve", Action),
        ["action-investigate", "action-improve"]
    );
}

#[test]
fn an_action_needs_an_owner_and_a_date() {
    let mut review = Review::new("r", "", 0);
    let id = review.add_action("Add a disk alert at 80%", None, 1).unwrap();
    let checker = HintChecker::default();
    let rules = |review: &Review| -> Vec<&str> {
        checker
            .check_action(&review.actions[0])
            .iter()
            .map(|hint| hint.rule.id)
            .collect()
    };
    assert_eq!(rules(&review), ["action-no-owner", "action-no-due"]);
    review.set_action_field(id, ActionField::Owner, "Kim", 2);
    assert_eq!(rules(&review), ["action-no-due"]);
    review.set_action_field(id, ActionField::Due, "2026-04-01", 3);
    assert_eq!(rules(&review), Vec::<&str>::new());
}

#[test]
fn luck_without_a_why_is_noted_on_the_review() {
    let mut review = Review::new("r", "", 0);
    review.set_scene_field(SceneField::Participants, "Sam (on-call)", 1);
    let explained = review.add_moment("We were lucky the backup was fresh", 1).unwrap();
    let alone = review.add_moment("Lucky that it was a quiet day", 1).unwrap();
    let dangling = review.add_moment("Lucky Sam forgot nothing", 1).unwrap();
    let observation = review
        .add_observation("increasing.measuring", "Backups are checked daily", 1)
        .unwrap();
    let gone = review
        .add_observation("decreasing.normalised", "soon deleted", 1)
        .unwrap();
    review.toggle_explanation(explained, observation, 1);
    review.toggle_explanation(dangling, gone, 1);
    review.remove_observation(gone, 2);
    assert_eq!(unexplained_moments(&review), [alone, dangling]);

    let hints: Vec<(HintedItem, &str)> = review_hints(&review)
        .into_iter()
        .map(|(item, hint)| (item, hint.rule.id))
        .collect();
    assert_eq!(
        hints,
        [
            (HintedItem::Moment(alone), "luck-unexplained"),
            (HintedItem::Moment(dangling), "blame-name"),
            (HintedItem::Moment(dangling), "luck-unexplained"),
        ]
    );
}

#[test]
fn three_hundred_observations_are_checked_quickly() {
    let mut review = Review::new("r", "", 0);
    review.set_scene_field(SceneField::Facilitator, "Kim Lee", 1);
    review.set_scene_field(
        SceneField::Participants,
        "Sam (on-call), Amanda, Alex Kim, Liz (SRE), Emily",
        1,
    );
    let texts: Vec<&str> = NEUTRAL
        .iter()
        .map(|(_, text)| *text)
        .chain(FLAGGED.iter().map(|(_, _, text)| *text))
        .collect();
    for index in 0..300 {
        let text = format!("{} {}", texts[index % texts.len()], texts[(index * 7) % texts.len()]);
        review.add_observation("decreasing.normalised", &text, 1);
    }
    // The first run pays for cold caches, as the first check after loading a review does.
    let mut times = Vec::new();
    let mut hints = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        hints = review_hints(&review);
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    println!(
        "hints for 300 observations: first {:.3} ms, then {:.3} ms ({} hints)",
        times[0],
        times[1..].iter().copied().fold(f64::INFINITY, f64::min),
        hints.len()
    );
    assert!(!hints.is_empty());
}
