//! Gentle writing hints, checked on the device as the team types: blame and hindsight, counterfactuals, actions
//! nobody can tell are done, and luck with no why. The rule set is data, in `rules.rs`; the matching here is
//! plain word comparison (English word lists, whole words, ignoring case), fast enough for every keystroke.
//!
//! Each hint names its rule by a stable `id`, so that a team can dismiss a rule for one item and the choice
//! can be stored with the review. Never change or reuse an id that has shipped.

mod rules;

use crate::redact::scene_names;
use crate::review::{Action, ActionId, MomentId, ObservationId, Review};
use rules::{Matcher, BETWEEN_NAME_AND_VERB, CHECKABLE, FAILURE_NOUNS, FAILURE_VERBS, JUST_VERBS, PEOPLE};
pub use rules::{Rule, RULES};

/// What kind of text is checked: action rules apply to actions only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Observation,
    Moment,
    Action,
}

/// A hint on one text or item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub rule: &'static Rule,
    /// The byte range of the words that raised it, for highlighting; `None` for a rule about the whole item.
    pub range: Option<(usize, usize)>,
}

/// The item of a review a hint belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HintedItem {
    Moment(MomentId),
    Observation(ObservationId),
    Action(ActionId),
}

/// Looks a rule up by its id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}

/// A phrase of a rule: the index of the rule and the phrase's words.
type IndexedPhrase = (usize, Vec<&'static str>);

/// How many buckets the phrases are spread over by their first word.
const BUCKETS: usize = 128;

/// Checks texts against the rules, knowing the names of the people in the review. Build one per review and
/// check every text with it: it indexes the phrases of all rules by their first word once.
#[derive(Debug, Clone)]
pub struct HintChecker {
    /// Each name as its lower-case words.
    names: Vec<Vec<String>>,
    /// The indexes of `names` in buckets by a hash of their first word.
    name_buckets: Vec<Vec<usize>>,
    /// Every phrase of every rule, in buckets by a hash of their first word (see `bucket`).
    phrases: Vec<Vec<IndexedPhrase>>,
}

impl Default for HintChecker {
    fn default() -> Self {
        HintChecker::new::<&str>(&[])
    }
}

impl HintChecker {
    pub fn new<S: AsRef<str>>(names: &[S]) -> HintChecker {
        let names: Vec<Vec<String>> = names
            .iter()
            .map(|name| {
                let mut buffer = String::new();
                words(name.as_ref(), &mut buffer)
                    .into_iter()
                    .map(|word| word.text.to_owned())
                    .collect::<Vec<_>>()
            })
            .filter(|words: &Vec<String>| !words.is_empty())
            .collect();
        let mut phrases: Vec<Vec<IndexedPhrase>> = vec![Vec::new(); BUCKETS];
        for (index, rule) in RULES.iter().enumerate() {
            let (Matcher::Phrases(list)
            | Matcher::ActionPhrases(list)
            | Matcher::VagueUnlessCheckable(list)
            | Matcher::PersonThen(list)
            | Matcher::ThenPerson(list)) = rule.matcher
            else {
                continue;
            };
            for phrase in list {
                let parts: Vec<&str> = phrase.split(' ').collect();
                phrases[bucket(parts[0])].push((index, parts));
            }
        }
        let mut name_buckets = vec![Vec::new(); BUCKETS];
        for (index, name) in names.iter().enumerate() {
            name_buckets[bucket(&name[0])].push(index);
        }
        HintChecker {
            names,
            name_buckets,
            phrases,
        }
    }

    /// A checker that knows the names of the review's facilitator and participants.
    pub fn for_review(review: &Review) -> HintChecker {
        HintChecker::new(&scene_names(review))
    }

    /// The hints for a text, at most one per rule (its first place), in the order of `RULES`.
    pub fn check(&self, text: &str, kind: TextKind) -> Vec<Hint> {
        let mut buffer = String::new();
        let words = words(text, &mut buffer);
        let mut found: Vec<Option<(usize, usize)>> = vec![None; RULES.len()];
        let mut checkable = None;
        let name_rule = RULES.iter().position(|rule| rule.matcher == Matcher::NameThenFailure);
        for index in 0..words.len() {
            if let Some(name_rule) = name_rule.filter(|rule| found[*rule].is_none()) {
                found[name_rule] = self.name_buckets[bucket(words[index].base)]
                    .iter()
                    .find_map(|name| self.name_failure_at(&words, index, &self.names[*name]));
            }
            let first = words[index].text;
            for (rule_index, parts) in &self.phrases[bucket(first)] {
                if found[*rule_index].is_some() || parts[0] != first {
                    continue;
                }
                let Some(end) = phrase_end(&words, index, parts.iter().copied()) else {
                    continue;
                };
                let mut checkable_text = || *checkable.get_or_insert_with(|| is_checkable(&words));
                found[*rule_index] = match RULES[*rule_index].matcher {
                    Matcher::Phrases(_) => Some((words[index].start, end)),
                    Matcher::ActionPhrases(_) if kind == TextKind::Action => Some((words[index].start, end)),
                    Matcher::VagueUnlessCheckable(_) if kind == TextKind::Action && !checkable_text() => {
                        Some((words[index].start, end))
                    }
                    Matcher::PersonThen(_) => self.subject_before(&words, index).map(|start| (start, end)),
                    Matcher::ThenPerson(_) => self.person_after(&words, index, parts.len(), end),
                    _ => None,
                };
            }
        }
        for (index, rule) in RULES.iter().enumerate() {
            if rule.matcher == Matcher::JustBeforeVerb {
                found[index] = find_just_before_verb(&words);
            }
        }
        RULES
            .iter()
            .zip(found)
            .filter_map(|(rule, range)| {
                range.map(|range| Hint {
                    rule,
                    range: Some(range),
                })
            })
            .collect()
    }

    /// The hints for an action: its text, and whether it has an owner and a due date.
    pub fn check_action(&self, action: &Action) -> Vec<Hint> {
        let mut hints = self.check(&action.what, TextKind::Action);
        for (id, missing) in [
            ("action-no-owner", action.owner.trim().is_empty()),
            ("action-no-due", action.due.trim().is_empty()),
        ] {
            if missing {
                hints.extend(rule(id).map(|rule| Hint { rule, range: None }));
            }
        }
        hints
    }

    /// Where the person before word `index` starts, allowing one adverb between ("someone really should").
    fn subject_before(&self, words: &[Word], index: usize) -> Option<usize> {
        let before = index.checked_sub(1)?;
        let subject = if BETWEEN_NAME_AND_VERB.contains(&words[before].text) {
            before.checked_sub(1)?
        } else {
            before
        };
        self.is_person(&words[subject]).then_some(words[subject].start)
    }

    /// The range of a phrase of `length` words at `index` that ends with, or is followed by, a person.
    fn person_after(&self, words: &[Word], index: usize, length: usize, end: usize) -> Option<(usize, usize)> {
        let start = words[index].start;
        if PEOPLE.contains(&words[index + length - 1].text) {
            return Some((start, end));
        }
        let next = words.get(index + length)?;
        self.is_person(next).then_some((start, next.end))
    }

    /// Whether a word stands for a person: a word of `PEOPLE`, or any word of a known name.
    fn is_person(&self, word: &Word) -> bool {
        PEOPLE.contains(&word.base) || self.names.iter().any(|name| name.iter().any(|part| part == word.base))
    }

    /// "Sam forgot", "Alex Kim simply didn't", "Sam's fault", when `name` starts at word `start`.
    fn name_failure_at(&self, words: &[Word], start: usize, name: &[String]) -> Option<(usize, usize)> {
        let last = start + name.len() - 1;
        let candidate = words.get(start..=last)?;
        let same = candidate.iter().zip(name).enumerate().all(|(offset, (word, part))| {
            // Only the last word of a name may be possessive: "Alex Kim's fault".
            if offset + 1 == name.len() {
                word.base == part
            } else {
                word.text == part
            }
        });
        if !same {
            return None;
        }
        let after = &words[last + 1..];
        if words[last].base.len() < words[last].text.len() {
            let noun = after.first().filter(|word| FAILURE_NOUNS.contains(&word.text))?;
            return Some((words[start].start, noun.end));
        }
        let skip = after
            .first()
            .is_some_and(|word| BETWEEN_NAME_AND_VERB.contains(&word.text));
        let verb_at = last + 1 + usize::from(skip);
        FAILURE_VERBS
            .iter()
            .find_map(|verb| phrase_end(words, verb_at, verb.split(' ')))
            .map(|end| (words[start].start, end))
    }
}

/// "just" right before a verb of `JUST_VERBS`.
fn find_just_before_verb(words: &[Word]) -> Option<(usize, usize)> {
    words.windows(2).find_map(|pair| {
        (pair[0].text == "just" && JUST_VERBS.contains(&pair[1].text)).then_some((pair[0].start, pair[1].end))
    })
}

/// The "we got lucky" moments that no existing observation explains.
pub fn unexplained_moments(review: &Review) -> Vec<MomentId> {
    review
        .moments
        .iter()
        .filter(|moment| moment.explained_by.iter().all(|id| review.observation(*id).is_none()))
        .map(|moment| moment.id)
        .collect()
}

/// Every hint of a review, item by item: moments (with luck that has no why), observations, then actions.
pub fn review_hints(review: &Review) -> Vec<(HintedItem, Hint)> {
    let checker = HintChecker::for_review(review);
    let unexplained = unexplained_moments(review);
    let mut hints = Vec::new();
    for moment in &review.moments {
        let item = HintedItem::Moment(moment.id);
        hints.extend(
            checker
                .check(&moment.text, TextKind::Moment)
                .into_iter()
                .map(|hint| (item, hint)),
        );
        if unexplained.contains(&moment.id) {
            hints.extend(rule("luck-unexplained").map(|rule| (item, Hint { rule, range: None })));
        }
    }
    for observation in &review.observations {
        let item = HintedItem::Observation(observation.id);
        let found = checker.check(&observation.text, TextKind::Observation);
        hints.extend(found.into_iter().map(|hint| (item, hint)));
    }
    for action in &review.actions {
        let item = HintedItem::Action(action.id);
        hints.extend(checker.check_action(action).into_iter().map(|hint| (item, hint)));
    }
    hints
}

/// A word of the text in lower case, with its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word<'a> {
    text: &'a str,
    /// The text without a possessive `'s`.
    base: &'a str,
    start: usize,
    end: usize,
}

/// The words of a text: letters and digits, with apostrophes (either kind, kept as `'`) and hyphens inside.
/// Their lower-case text is written to `buffer`, so that a text costs two allocations, not one per word.
fn words<'a>(text: &str, buffer: &'a mut String) -> Vec<Word<'a>> {
    buffer.clear();
    buffer.reserve(text.len());
    // (start in buffer, start in text, end in text) of the current word; the words borrow from the buffer once
    // it is complete.
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut current: Option<(usize, usize, usize)> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((position, c)) = chars.next() {
        let joins = matches!(c, '\'' | '\u{2019}' | '-')
            && current.is_some()
            && chars.peek().is_some_and(|(_, next)| next.is_alphanumeric());
        if c.is_alphanumeric() || joins {
            let span = current.get_or_insert((buffer.len(), position, position));
            if c.is_ascii() {
                buffer.push(c.to_ascii_lowercase());
            } else if c == '\u{2019}' {
                buffer.push('\'');
            } else {
                buffer.extend(c.to_lowercase());
            }
            span.2 = position + c.len_utf8();
        } else if let Some((from, start, end)) = current.take() {
            spans.push((from, buffer.len(), start, end));
        }
    }
    spans.extend(current.map(|(from, start, end)| (from, buffer.len(), start, end)));
    let buffer: &'a str = buffer;
    spans
        .into_iter()
        .map(|(from, to, start, end)| {
            let text = &buffer[from..to];
            Word {
                text,
                base: text.strip_suffix("'s").unwrap_or(text),
                start,
                end,
            }
        })
        .collect()
}

/// The bucket of the phrases whose first word is `word`.
fn bucket(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = (bytes.first().copied().unwrap_or(0), bytes.last().copied().unwrap_or(0));
    (bytes.len() * 31 + usize::from(first) * 7 + usize::from(last)) % BUCKETS
}

/// Where a phrase of `parts` ends if it starts at word `index`.
fn phrase_end<'p>(words: &[Word], index: usize, parts: impl IntoIterator<Item = &'p str>) -> Option<usize> {
    let mut end = None;
    for (offset, part) in parts.into_iter().enumerate() {
        let word = words.get(index + offset)?;
        if word.text != part {
            return None;
        }
        end = Some(word.end);
    }
    end
}

/// Whether an action names something checkable: a number or a word of `CHECKABLE`.
fn is_checkable(words: &[Word]) -> bool {
    words
        .iter()
        .any(|word| word.text.chars().any(|c| c.is_ascii_digit()) || CHECKABLE.contains(&word.text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_every_rule_explains_itself() {
        for (index, rule) in RULES.iter().enumerate() {
            assert!(
                RULES[index + 1..].iter().all(|other| other.id != rule.id),
                "{}",
                rule.id
            );
            assert!(
                rule.why.ends_with('.') && rule.reframe.ends_with(['?', '.']),
                "{}",
                rule.id
            );
        }
    }

    #[test]
    fn words_keep_apostrophes_and_hyphens_inside() {
        let mut buffer = String::new();
        let texts: Vec<&str> = words("Sam\u{2019}s on-call, ‘quoted’ don't -x- 'a' İx", &mut buffer)
            .into_iter()
            .map(|word| word.text)
            .collect();
        assert_eq!(texts, ["sam's", "on-call", "quoted", "don't", "x", "a", "i\u{307}x"]);
    }

    #[test]
    fn a_hint_says_where_it_was_raised() {
        let text = "Well, Sam forgot the flag";
        let hints = HintChecker::new(&["Sam"]).check(text, TextKind::Observation);
        let (start, end) = hints[0].range.unwrap();
        assert_eq!(&text[start..end], "Sam forgot");
    }
}
