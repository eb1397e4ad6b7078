//! Redaction to roles: the names of the scene and any extra names become roles or "Participant A"… in every
//! text of a copy of the review, which then exports without a trace of them.

use gotlucky_core::redact::{describe_pseudonyms, parse_people, scene_names, Person};
use gotlucky_core::{
    export_markdown, redact_review, redacted_file_name, ActionField, DrillField, Mode, Pseudonym, Review, SceneField,
};

mod common;
mod hostile;

fn person(name: &str, role: Option<&str>) -> Person {
    Person {
        name: name.to_owned(),
        role: role.map(str::to_owned),
    }
}

fn mapping(pseudonyms: &[Pseudonym]) -> Vec<(&str, &str)> {
    pseudonyms
        .iter()
        .map(|pseudonym| (pseudonym.name.as_str(), pseudonym.label.as_str()))
        .collect()
}

/// A review whose participants are `participants`, with one observation `text`; returns the redacted text.
fn redacted(participants: &str, text: &str) -> String {
    let mut review = Review::new("r", "t", 0);
    review.set_scene_field(SceneField::Participants, participants, 1);
    review.add_observation("decreasing.normalised", text, 1);
    redact_review(&review, "").review.observations[0].text.clone()
}

/// Whether `name` appears in `text` as a whole word, ignoring case.
fn mentions(text: &str, name: &str) -> bool {
    let lower = text.to_lowercase();
    let name = name.to_lowercase();
    lower.match_indices(&name).any(|(start, _)| {
        let before = lower[..start].chars().next_back();
        let after = lower[start + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn lists_of_people_are_read_with_their_roles() {
    assert_eq!(
        parse_people("Sam (on-call engineer), Alex"),
        [person("Sam", Some("on-call engineer")), person("Alex", None)]
    );
    assert_eq!(
        parse_people("Sam and Alex; Jo & Pat\nKim (lead, payments).\r\n  Mary  Ann (  ) ,, "),
        [
            person("Sam", None),
            person("Alex", None),
            person("Jo", None),
            person("Pat", None),
            person("Kim", Some("lead, payments")),
            person("Mary Ann", None),
        ]
    );
    assert_eq!(
        parse_people("Andy Anderson, Sandra AND Brand"),
        [
            person("Andy Anderson", None),
            person("Sandra", None),
            person("Brand", None)
        ]
    );
    assert_eq!(parse_people(" , (SRE) ; - "), []);
}

#[test]
fn the_scene_names_roles_and_letters_in_order() {
    let review = common::facilitated_review();
    let redacted = redact_review(&review, "Pat (DBA), Jo, Sam");
    assert_eq!(
        mapping(&redacted.pseudonyms),
        [
            ("Kim", "Facilitator"),
            ("Amanda", "Participant A"),
            ("Sam", "Participant B"),
            ("Liz", "SRE"),
            ("Emily", "Participant C"),
            ("Pat", "DBA"),
            ("Jo", "Participant D"),
        ]
    );
    assert_eq!(
        describe_pseudonyms(&redacted.pseudonyms[..2]),
        "Kim \u{2192} Facilitator, Amanda \u{2192} Participant A"
    );
    assert_eq!(redacted.review.scene.facilitator, "Facilitator");
    assert_eq!(
        redacted.review.scene.participants,
        "Participant A, Participant B, SRE, Participant C"
    );
    assert_eq!(redacted.review.drill.host, "SRE");
    assert_eq!(redacted.review.actions[0].owner, "Participant B");
    assert_eq!(
        redacted.review.moments[0].text,
        "We were lucky that Participant A was online"
    );
}

#[test]
fn the_redacted_export_names_nobody_and_the_review_is_unchanged() {
    let mut review = common::facilitated_review();
    review.set_title("Amanda's gateway, as Sam saw it", 1);
    review.set_notes("kim thanked EMILY.\nLiz: **Sam** and _Amanda_ [Emily](x)", 1);
    review.set_drill_field(DrillField::Participants, "Sam, Amanda", 1);
    let before = review.clone();
    let redacted = redact_review(&review, "");
    assert_eq!(review, before);
    let markdown = export_markdown(&redacted.review);
    for name in ["Kim", "Amanda", "Sam", "Liz", "Emily"] {
        assert!(!mentions(&markdown, name), "{name} in:\n{markdown}");
    }
    assert!(markdown.starts_with("# Participant A's gateway, as Participant B saw it\n"));
    assert!(markdown.contains("Facilitator thanked Participant C.\\\nSRE: \\*\\*Participant B\\*\\*"));
    // Named after the redacted copy, the file name names nobody either.
    assert_eq!(
        redacted_file_name(&redacted.review, "2026-11-26"),
        "participant-a-s-gateway-as-participant-b-saw-it-2026-03-03-redacted.md"
    );
    // The same review gives the same mapping and text every time.
    assert_eq!(redact_review(&review, ""), redacted);
}

#[test]
fn possessives_case_and_markdown_characters() {
    let roles = "Sam (on-call engineer)";
    assert_eq!(
        redacted(roles, "Sam's laptop, Sam\u{2019}s phone"),
        "on-call engineer's laptop, on-call engineer\u{2019}s phone"
    );
    assert_eq!(
        redacted(roles, "sam, SAM, Sam."),
        "on-call engineer, on-call engineer, on-call engineer."
    );
    assert_eq!(
        redacted(roles, "*Sam* `Sam` [Sam](Sam) _Sam_ #Sam Sam|Sam <Sam> \"Sam\" @Sam"),
        "*on-call engineer* `on-call engineer` [on-call engineer](on-call engineer) _on-call engineer_ \
         #on-call engineer on-call engineer|on-call engineer <on-call engineer> \"on-call engineer\" @on-call engineer"
    );
    assert_eq!(
        redacted(roles, "Samantha, Sammy, Sam2 and Isam stay"),
        "Samantha, Sammy, Sam2 and Isam stay"
    );
    assert_eq!(
        redacted(roles, "Sam (on-call engineer) paged"),
        "on-call engineer paged"
    );
}

#[test]
fn longer_names_go_first() {
    assert_eq!(
        redacted(
            "Al, Alice, Alice Smith",
            "Al asked Alice Smith; Alice and Al's pal Alicia"
        ),
        "Participant A asked Participant C; Participant B and Participant A's pal Alicia"
    );
    // The words of a longer name stand for the person on their own.
    assert_eq!(
        redacted("Sam Jones (DBA)", "Sam Jones, then Sam, then Jones"),
        "DBA, then DBA, then DBA"
    );
    assert_eq!(redacted("Sam  Jones", "Sam\nJones paged"), "Participant A paged");
}

#[test]
fn names_that_are_common_words_stay_words_in_lower_case() {
    assert_eq!(
        redacted("Will, Mark", "Will said we will mark it; will and mark agreed"),
        "Participant A said we will mark it; will and mark agreed"
    );
    assert_eq!(
        redacted("Will, Mark", "MARK and Mark's"),
        "Participant B and Participant B's"
    );
}

#[test]
fn the_author_of_a_self_reflection_and_roles_that_name_someone() {
    let mut review = Review::new("r", "Alone", 0);
    review.set_mode(Mode::SelfReflection, 1);
    review.set_scene_field(SceneField::Facilitator, "Dev", 1);
    review.set_scene_field(SceneField::Participants, "Ana (Dev's manager)", 1);
    review.add_moment("Dev was lucky Ana was around", 1);
    let redacted = redact_review(&review, "");
    assert_eq!(
        mapping(&redacted.pseudonyms),
        [("Dev", "Author"), ("Ana", "Author's manager")]
    );
    assert_eq!(
        redacted.review.moments[0].text,
        "Author was lucky Author's manager was around"
    );
}

#[test]
fn every_text_is_redacted() {
    let mut review = Review::new("r", "Sam", 0);
    review.set_scene_field(SceneField::Participants, "Sam", 1);
    for field in [
        SceneField::WhatHappened,
        SceneField::Link,
        SceneField::Date,
        SceneField::Facilitator,
    ] {
        review.set_scene_field(field, "Sam", 1);
    }
    for field in [
        DrillField::Scenario,
        DrillField::Host,
        DrillField::Participants,
        DrillField::Date,
        DrillField::Success,
    ] {
        review.set_drill_field(field, "Sam", 1);
    }
    review.set_notes("Sam", 1);
    review.add_moment("Sam", 1);
    review.add_observation("decreasing.normalised", "Sam", 1);
    let action = review.add_action("Sam", None, 1).unwrap();
    review.set_action_field(action, ActionField::Owner, "Sam", 1);
    review.set_action_field(action, ActionField::Due, "Sam", 1);
    let json = serde_json::to_string(&redact_review(&review, "").review).unwrap();
    assert!(!json.contains("Sam"), "{json}");
}

#[test]
fn texts_without_names_are_left_exactly_as_typed() {
    for text in hostile::HOSTILE.iter().chain(hostile::CONTROL) {
        assert_eq!(&redacted("Zed, Quinn (QA)", text), text);
    }
}

#[test]
fn hints_and_redaction_read_the_same_names() {
    let review = common::facilitated_review();
    assert_eq!(scene_names(&review), ["Amanda", "Emily", "Kim", "Sam", "Liz"]);
    let mut review = Review::new("r", "", 0);
    review.set_scene_field(SceneField::Facilitator, "Kim Lee (lead)", 1);
    review.set_scene_field(SceneField::Participants, "Sam, de Vries", 1);
    assert_eq!(
        scene_names(&review),
        ["de Vries", "Kim Lee", "Vries", "Kim", "Lee", "Sam"]
    );
}
