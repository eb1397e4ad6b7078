//! Merging participants' reflections into the meeting's review: the preview per file, duplicates, provenance,
//! refused files, links carried to fresh ids, drill fields filled only when empty, and merging twice.

use gotlucky_core::backup::export_backup;
use gotlucky_core::meeting::{plan_merge, prepare_reflection, FileMerge, MergeFile, MergePlan, MAX_REFLECTION_BYTES};
use gotlucky_core::{export_markdown, ActionField, Dial, DrillField, DrillKind, Luck, Mode, Review, SceneField};

mod common;
use common::facilitated_review;

const NORMALISED: &str = "decreasing.normalised";
const MEASURING: &str = "increasing.measuring";
const CELEBRATED: &str = "incentives.celebrated";

/// A reflection by `name` on the facilitated review's incident, exported as Markdown.
fn reflection(name: &str) -> Review {
    let mut review = prepare_reflection(&facilitated_review(), "refl", 100);
    review.set_scene_field(SceneField::Facilitator, name, 100);
    review
}

fn markdown_file(name: &str, review: &Review) -> MergeFile {
    MergeFile {
        name: name.to_owned(),
        text: export_markdown(review),
    }
}

fn accepted(plan: &MergePlan, index: usize) -> &FileMerge {
    plan.files[index]
        .outcome
        .as_ref()
        .unwrap_or_else(|reason| panic!("file {index} refused: {reason}"))
}

fn counts(file: &FileMerge) -> Vec<(&str, usize, usize)> {
    file.questions
        .iter()
        .map(|question| (question.question.as_str(), question.added, question.skipped))
        .collect()
}

/// Sam's reflection: one duplicate of the meeting (in other case and spacing), two new observations with a
/// moment explained by one and an action from the other.
fn sams_reflection() -> Review {
    let mut sam = reflection("Sam");
    sam.add_observation(NORMALISED, "  only AMANDA knows   the payment gateway ", 101);
    let deploys = sam
        .add_observation(NORMALISED, "Deploys on Friday evenings", 101)
        .unwrap();
    let alerts = sam
        .add_observation(MEASURING, "Alerts page the whole team", 101)
        .unwrap();
    sam.set_luck(alerts, Some(Luck::Increasing), 101);
    sam.set_dial(alerts, Some(Dial::Keep), 101);
    let moment = sam.add_moment("We were lucky the rollback worked", 102).unwrap();
    sam.toggle_explanation(moment, deploys, 102);
    let action = sam.add_action("Stop Friday deploys", Some(deploys), 103).unwrap();
    sam.set_action_field(action, ActionField::Owner, "Sam", 103);
    sam.set_action_field(action, ActionField::Due, "2026-04-30", 103);
    sam
}

#[test]
fn the_preview_says_whose_reflection_and_what_each_question_gains() {
    let meeting = facilitated_review();
    let plan = plan_merge(&meeting, &[markdown_file("sam.md", &sams_reflection())]);
    let sam = accepted(&plan, 0);
    assert_eq!(
        (sam.whose.as_str(), sam.source.as_str()),
        ("Sam", "Sam\u{2019}s reflection")
    );
    assert_eq!(counts(sam), [(NORMALISED, 1, 1), (MEASURING, 1, 0)]);
    assert_eq!((sam.moments_added, sam.moments_skipped), (1, 0));
    assert_eq!((sam.actions_added, sam.actions_skipped), (1, 0));
    assert_eq!(
        sam.describe(),
        "Sam\u{2019}s reflection: 2 observations, 1 \u{201c}we got lucky\u{201d} moment, 1 action; 1 duplicate skipped"
    );
    assert!(plan.adds_anything());
}

#[test]
fn applying_adds_with_provenance_and_never_changes_what_the_meeting_has() {
    let meeting = facilitated_review();
    let plan = plan_merge(&meeting, &[markdown_file("sam.md", &sams_reflection())]);
    let merged = plan.apply(&meeting, 500);
    assert_eq!(merged.updated_at, 500);
    assert_eq!(
        &merged.observations[..meeting.observations.len()],
        &meeting.observations[..]
    );
    assert_eq!(&merged.moments[..meeting.moments.len()], &meeting.moments[..]);
    assert_eq!(&merged.actions[..meeting.actions.len()], &meeting.actions[..]);
    assert_eq!(
        (merged.scene.clone(), merged.title.clone()),
        (meeting.scene.clone(), meeting.title.clone())
    );

    let new: Vec<_> = merged.observations[meeting.observations.len()..].iter().collect();
    type Described<'a> = (&'a str, &'a str, Option<Luck>, Option<Dial>, Option<&'a str>);
    let described: Vec<Described> = new
        .iter()
        .map(|o| {
            (
                o.question.as_str(),
                o.text.as_str(),
                o.luck,
                o.dial,
                o.source.as_deref(),
            )
        })
        .collect();
    let sams = Some("Sam\u{2019}s reflection");
    assert_eq!(
        described,
        [
            (NORMALISED, "Deploys on Friday evenings", None, None, sams),
            (
                MEASURING,
                "Alerts page the whole team",
                Some(Luck::Increasing),
                Some(Dial::Keep),
                sams
            ),
        ]
    );
    let moment = merged.moments.last().unwrap();
    let action = merged.actions.last().unwrap();
    assert_eq!((moment.source.as_deref(), action.source.as_deref()), (sams, sams));
    assert_eq!((action.owner.as_str(), action.due.as_str()), ("Sam", "2026-04-30"));
}

#[test]
fn links_inside_a_file_point_at_the_fresh_ids_in_the_meeting() {
    let meeting = facilitated_review();
    let sam = sams_reflection();
    let merged = plan_merge(&meeting, &[markdown_file("sam.md", &sam)]).apply(&meeting, 500);
    let deploys = merged
        .observations
        .iter()
        .find(|o| o.text == "Deploys on Friday evenings")
        .unwrap()
        .id;
    let existing_ids: Vec<u32> = meeting
        .observations
        .iter()
        .map(|o| o.id.0)
        .chain(meeting.moments.iter().map(|m| m.id.0))
        .chain(meeting.actions.iter().map(|a| a.id.0))
        .collect();
    assert!(
        !existing_ids.contains(&deploys.0),
        "the merged observation got a fresh id"
    );
    assert_eq!(merged.moments.last().unwrap().explained_by, [deploys]);
    assert_eq!(merged.actions.last().unwrap().from, Some(deploys));
    let mut all_ids: Vec<u32> = merged
        .observations
        .iter()
        .map(|o| o.id.0)
        .chain(merged.moments.iter().map(|m| m.id.0))
        .chain(merged.actions.iter().map(|a| a.id.0))
        .collect();
    let count = all_ids.len();
    all_ids.sort_unstable();
    all_ids.dedup();
    assert_eq!(all_ids.len(), count, "ids stay unique");
}

#[test]
fn a_link_to_a_duplicate_points_at_the_meeting_s_own_observation() {
    let meeting = facilitated_review();
    let mut kim = reflection("Kim");
    let same = kim
        .add_observation(NORMALISED, "Only Amanda knows the payment gateway", 1)
        .unwrap();
    kim.add_action("Document the gateway", Some(same), 1);
    let merged = plan_merge(&meeting, &[markdown_file("kim.md", &kim)]).apply(&meeting, 9);
    let original = meeting.observations_for(NORMALISED).next().unwrap().id;
    assert_eq!(merged.actions.last().unwrap().from, Some(original));
}

#[test]
fn merging_the_same_file_twice_adds_nothing_the_second_time() {
    let meeting = facilitated_review();
    let file = markdown_file("sam.md", &sams_reflection());
    let once = plan_merge(&meeting, std::slice::from_ref(&file)).apply(&meeting, 500);
    let again = plan_merge(&once, std::slice::from_ref(&file));
    assert!(!again.adds_anything());
    let second = accepted(&again, 0);
    assert_eq!(counts(second), [(NORMALISED, 0, 2), (MEASURING, 0, 1)]);
    assert_eq!((second.moments_skipped, second.actions_skipped), (1, 1));
    assert_eq!(again.apply(&once, 900), once, "nothing changes, not even the edit time");

    // The same file twice in one merge: the second copy duplicates what the first adds.
    let both = plan_merge(&meeting, &[file.clone(), file]);
    assert!(accepted(&both, 0).added() > 0);
    assert_eq!(accepted(&both, 1).added(), 0);
    assert_eq!(both.apply(&meeting, 500), once);
}

#[test]
fn duplicates_across_files_count_against_earlier_files() {
    let meeting = Review::new("m", "Checkout outage, 3 March", 0);
    let mut ana = reflection("Ana");
    ana.add_observation(CELEBRATED, "Heroics *get* the shout-outs", 1);
    let mut ben = reflection("Ben");
    ben.add_observation(CELEBRATED, "heroics *get* the  shout-outs\n", 1);
    ben.add_observation(CELEBRATED, "Launch dates", 1);
    // Text pasted with its Markdown escapes still reads as the same observation.
    let mut cy = reflection("Cy");
    cy.add_observation(CELEBRATED, r"Heroics \*get\* the shout-outs", 1);
    let files = [
        markdown_file("a.md", &ana),
        markdown_file("b.md", &ben),
        markdown_file("c.md", &cy),
    ];
    let plan = plan_merge(&meeting, &files);
    assert_eq!(counts(accepted(&plan, 0)), [(CELEBRATED, 1, 0)]);
    assert_eq!(counts(accepted(&plan, 1)), [(CELEBRATED, 1, 1)]);
    assert_eq!(counts(accepted(&plan, 2)), [(CELEBRATED, 0, 1)]);
    let merged = plan.apply(&meeting, 5);
    let texts: Vec<(&str, Option<&str>)> = merged
        .observations
        .iter()
        .map(|o| (o.text.as_str(), o.source.as_deref()))
        .collect();
    assert_eq!(
        texts,
        [
            ("Heroics *get* the shout-outs", Some("Ana\u{2019}s reflection")),
            ("Launch dates", Some("Ben\u{2019}s reflection")),
        ]
    );
}

#[test]
fn the_same_text_under_another_question_is_not_a_duplicate() {
    let meeting = facilitated_review();
    let mut sam = reflection("Sam");
    sam.add_observation(MEASURING, "Only Amanda knows the payment gateway", 1);
    let plan = plan_merge(&meeting, &[markdown_file("sam.md", &sam)]);
    assert_eq!(counts(accepted(&plan, 0)), [(MEASURING, 1, 0)]);
}

#[test]
fn the_drill_plan_only_fills_empty_fields() {
    let mut meeting = Review::new("m", "Outage", 0);
    meeting.set_drill_field(DrillField::Host, "Liz", 0);
    let mut sam = reflection("Sam");
    sam.set_drill_field(DrillField::Host, "Sam", 1);
    sam.set_drill_field(DrillField::Scenario, "The gateway times out", 1);
    sam.set_drill_kind(Some(DrillKind::GameDay), 1);
    let mut ana = reflection("Ana");
    ana.set_drill_field(DrillField::Scenario, "The database disappears", 1);
    ana.set_drill_field(DrillField::Date, "2026-06-01", 1);
    ana.set_drill_kind(Some(DrillKind::ChaosExperiment), 1);
    let plan = plan_merge(&meeting, &[markdown_file("s.md", &sam), markdown_file("a.md", &ana)]);
    assert_eq!(accepted(&plan, 0).drill_filled, ["Failure scenario", "Where it runs"]);
    assert_eq!(accepted(&plan, 1).drill_filled, ["Date"]);
    let drill = plan.apply(&meeting, 2).drill;
    assert_eq!(
        (
            drill.host.as_str(),
            drill.scenario.as_str(),
            drill.date.as_str(),
            drill.kind
        ),
        ("Liz", "The gateway times out", "2026-06-01", Some(DrillKind::GameDay))
    );
}

#[test]
fn bad_files_are_refused_with_a_reason_while_the_others_merge() {
    let meeting = facilitated_review();
    let sam = markdown_file("sam.md", &sams_reflection());
    let file = |name: &str, text: String| MergeFile {
        name: name.to_owned(),
        text,
    };
    let too_large = format!("{}\n{}", sam.text, "x".repeat(MAX_REFLECTION_BYTES));
    let files = [
        file("empty.md", " \n\t\n".to_owned()),
        file("huge.md", too_large),
        file("shopping.md", "# Shopping\n\n- eggs\n- milk\n".to_owned()),
        file("photo.jpg", "\u{0}\u{1}JFIF".to_owned()),
        file(
            "other.json",
            r#"{"format":"something-else","schema":1,"reviews":[]}"#.to_owned(),
        ),
        file("plan.md", gotlucky_core::meeting::meeting_plan_markdown(&meeting)),
        sam,
    ];
    let plan = plan_merge(&meeting, &files);
    let reasons: Vec<String> = plan.files[..6]
        .iter()
        .map(|file| file.outcome.clone().unwrap_err())
        .collect();
    let expected = [
        "empty",
        "larger than 2 MB",
        "not a gotlucky export or backup",
        "not a gotlucky export or backup",
        "not a gotlucky export or backup",
        "meeting plan",
    ];
    for ((reason, part), file) in reasons.iter().zip(expected).zip(&files) {
        assert!(reason.contains(part), "{}: {reason}", file.name);
    }
    assert_eq!(plan.files[6].name, "sam.md");
    assert_eq!(accepted(&plan, 6).observations_added(), 2);
    assert_eq!(
        plan.apply(&meeting, 5).observations.len(),
        meeting.observations.len() + 2
    );
}

#[test]
fn a_reflection_without_a_name_is_known_by_its_file_name() {
    let meeting = facilitated_review();
    let mut anonymous = reflection("   ");
    anonymous.add_observation(CELEBRATED, "Launch dates", 1);
    let plan = plan_merge(&meeting, &[markdown_file("notes from ops.md", &anonymous)]);
    let file = accepted(&plan, 0);
    assert_eq!(
        (file.whose.as_str(), file.source.as_str()),
        ("notes from ops.md", "reflection from notes from ops.md")
    );
}

#[test]
fn a_backup_file_gives_the_review_titled_like_the_meeting() {
    let meeting = facilitated_review();
    let mut sam = sams_reflection();
    sam.id = "samreflection".to_owned();
    sam.set_mode(Mode::SelfReflection, 104);
    let unrelated = Review::new("other", "Another incident", 1);
    let mut own_copy = meeting.clone();
    own_copy.add_observation(CELEBRATED, "Only in the facilitator's own copy", 1);
    let text = export_backup(&[unrelated.clone(), sam.clone(), own_copy], 200);
    let plan = plan_merge(
        &meeting,
        &[MergeFile {
            name: "backup.json".to_owned(),
            text,
        }],
    );
    let from_backup = accepted(&plan, 0);
    assert_eq!(from_backup.whose, "Sam");
    assert_eq!(counts(from_backup), [(NORMALISED, 1, 1), (MEASURING, 1, 0)]);
    let from_markdown = plan_merge(&meeting, &[markdown_file("sam.md", &sam)]);
    assert_eq!(plan.apply(&meeting, 7), from_markdown.apply(&meeting, 7));

    let only_one = export_backup(std::slice::from_ref(&unrelated), 200);
    let plan = plan_merge(
        &meeting,
        &[MergeFile {
            name: "b.json".to_owned(),
            text: only_one,
        }],
    );
    assert_eq!(accepted(&plan, 0).source, "reflection from b.json");

    let two_unrelated = export_backup(&[unrelated.clone(), Review::new("x", "Third", 1)], 200);
    let plan = plan_merge(
        &meeting,
        &[MergeFile {
            name: "b.json".to_owned(),
            text: two_unrelated,
        }],
    );
    let reason = plan.files[0].outcome.clone().unwrap_err();
    assert!(
        reason.contains("2 reviews") && reason.contains("Checkout outage"),
        "{reason}"
    );
}

#[test]
fn merged_items_keep_an_earlier_source() {
    let meeting = Review::new("m", "Outage", 0);
    let mut sam = reflection("Sam");
    sam.add_observation(CELEBRATED, "Launch dates", 1);
    sam.observations[0].source = Some("Ana\u{2019}s reflection".to_owned());
    let text = export_backup(std::slice::from_ref(&sam), 2);
    let merged = plan_merge(
        &meeting,
        &[MergeFile {
            name: "b.json".to_owned(),
            text,
        }],
    )
    .apply(&meeting, 3);
    assert_eq!(
        merged.observations[0].source.as_deref(),
        Some("Ana\u{2019}s reflection")
    );
}
