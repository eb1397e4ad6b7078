//! Reads the front matter back with a real YAML parser (libyaml, through serde_yaml): whatever the title or date,
//! the block parses to the same four keys, the values read back as typed, and the block ends where it should.

use gotlucky_core::{
    export_markdown, export_markdown_with_front_matter, front_matter, ExportOptions, Review, SceneField,
};
use serde_yaml::Value;

mod hostile;
use hostile::{CONTROL, HOSTILE};

const TRICKY: &[&str] = &[
    "",
    "   ",
    "---",
    "...",
    "null",
    "~",
    "true",
    "2026-03-03",
    "0x1F",
    "1e3",
    "\"",
    "\\",
    "\\\"\\",
    "'",
    "{{ site.title }}",
    "%YAML 1.2",
    "@handle `tick`",
    "\u{0}nul",
    "\u{85}next line\u{2028}line\u{2029}paragraph",
    "\u{feff}bom\u{fffe}\u{ffff}",
    "\u{9f}c1 control\u{80}",
    "\u{a0}non-breaking\u{a0}",
    "😀 astral 𝄞",
];

fn titles() -> impl Iterator<Item = &'static str> {
    HOSTILE.iter().chain(CONTROL).chain(TRICKY).copied()
}

/// The YAML between the opening and the closing `---`, by the rule an importer uses: the block starts with a
/// first line `---` and ends at the next line that is exactly `---`.
fn yaml_block(text: &str) -> (&str, &str) {
    let rest = text.strip_prefix("---\n").expect("starts with ---");
    let end = rest.find("\n---\n").expect("a closing ---") + 1;
    (&rest[..end], &rest[end + 4..])
}

fn parse(yaml: &str) -> serde_yaml::Mapping {
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Mapping(mapping)) => mapping,
        other => panic!("not a mapping: {other:?} from:\n{yaml}"),
    }
}

fn get<'a>(mapping: &'a serde_yaml::Mapping, key: &str) -> Option<&'a Value> {
    mapping.get(Value::String(key.to_owned()))
}

#[test]
fn any_title_and_date_read_back_as_typed() {
    for text in titles() {
        let mut review = Review::new("r", text, 0);
        review.set_scene_field(SceneField::Date, text, 1);
        let block = front_matter(&review);
        let (yaml, after) = yaml_block(&block);
        assert_eq!(after, "", "the block ends at its own closing line:\n{block}");
        let mapping = parse(yaml);

        let one_line = text
            .split(['\r', '\n'])
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let title = if one_line.trim().is_empty() {
            "Untitled review".to_owned()
        } else {
            one_line
        };
        assert_eq!(get(&mapping, "title"), Some(&Value::String(title)), "from:\n{yaml}");
        let date = text.trim();
        if date.is_empty() {
            assert_eq!(get(&mapping, "date"), None, "from:\n{yaml}");
        } else {
            assert_eq!(
                get(&mapping, "date"),
                Some(&Value::String(date.to_owned())),
                "from:\n{yaml}"
            );
        }
        let tags: Vec<Value> = ["incident-review", "we-got-lucky"]
            .iter()
            .map(|tag| Value::String(tag.to_string()))
            .collect();
        assert_eq!(get(&mapping, "tags"), Some(&Value::Sequence(tags)));
        assert_eq!(get(&mapping, "status"), Some(&Value::String("draft".into())));
        assert_eq!(mapping.len(), if date.is_empty() { 3 } else { 4 }, "from:\n{yaml}");
        assert!(
            !yaml.chars().any(|c| c.is_control() && c != '\n'),
            "a raw control character in:\n{yaml:?}"
        );
    }
}

#[test]
fn the_export_follows_the_block_after_a_blank_line() {
    let mut review = Review::new("r", "Checkout: \"outage\"", 0);
    review.set_scene_field(SceneField::Date, "2026-03-03", 1);
    let exported = export_markdown_with_front_matter(&review, ExportOptions::default());
    assert_eq!(
        exported,
        format!(
            "---\ntitle: \"Checkout: \\\"outage\\\"\"\ndate: \"2026-03-03\"\ntags: [incident-review, we-got-lucky]\n\
             status: draft\n---\n\n{}",
            export_markdown(&review)
        )
    );
}

#[test]
fn a_finished_review_is_complete() {
    let mut review = Review::new("r", "Done", 0);
    review.set_scene_field(SceneField::Date, "2026-03-03", 1);
    review.add_moment("We were lucky", 1);
    for step in gotlucky_core::STEPS
        .iter()
        .filter(|step| step.kind == gotlucky_core::StepKind::Questions)
    {
        let question = gotlucky_core::QUESTIONS.iter().find(|q| q.step == step.id).unwrap();
        review.add_observation(question.id, "answer", 1);
    }
    assert!(front_matter(&review).contains("\nstatus: complete\n"));
    let action = review.add_action("Write the runbook", None, 1).unwrap();
    review.set_action_field(action, gotlucky_core::ActionField::Owner, "Kim", 1);
    assert!(front_matter(&review).contains("\nstatus: draft\n"));
    review.set_action_field(action, gotlucky_core::ActionField::Due, "2026-04-01", 1);
    assert!(front_matter(&review).contains("\nstatus: complete\n"));
}
