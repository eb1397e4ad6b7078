//! Redaction to roles, for exports that leave the team: every name from the scene becomes a role or a neutral
//! label ("Participant A") in every text of a copy of the review.
//!
//! Also the one reading of the scene's lists of people ("Sam (on-call engineer), Alex and Jo"), which the
//! writing hints use to find names too.
//!
//! Matching is whole-word and ignores case, except that a name which is also a common English word ("Will",
//! "Mark", "May"…) is replaced in lower case only where the name itself is written in lower case, so that
//! "we will" stays as typed. The words of a name of several words ("Sam Jones") are replaced on their own too.

use crate::review::{Mode, Review};

/// A person in a list as typed: the name, and the role given in parentheses after it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
}

/// A name and what the redacted export writes instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pseudonym {
    pub name: String,
    pub label: String,
}

/// A redacted copy of a review and the names it replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    pub review: Review,
    /// The names as they were found (not the words of a longer name), in the order of the scene.
    pub pseudonyms: Vec<Pseudonym>,
}

/// Names that are also everyday words: in lower case they are taken as the word, not the name.
const COMMON_WORD_NAMES: &[&str] = &[
    "april", "august", "bill", "bob", "brook", "cash", "chase", "dawn", "drew", "faith", "frank", "grace", "grant",
    "guy", "hope", "iris", "ivy", "jack", "jay", "joy", "june", "lane", "mark", "max", "may", "miles", "page", "pat",
    "penny", "rich", "rob", "rose", "ruby", "sage", "sky", "summer", "sunny", "will", "win",
];

/// Splits a list of people as typed: entries are separated by commas, semicolons, line breaks, `&` or the word
/// "and", outside parentheses; "Name (role)" gives a role. Entries without a letter or digit are skipped.
pub fn parse_people(text: &str) -> Vec<Person> {
    let mut entries = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((position, c)) = chars.next() {
        let split_here = match c {
            '(' => {
                depth += 1;
                None
            }
            ')' => {
                depth = depth.saturating_sub(1);
                None
            }
            ',' | ';' | '\n' | '\r' | '&' if depth == 0 => Some(position + c.len_utf8()),
            'a' | 'A'
                if depth == 0
                    && text
                        .get(position..position + 3)
                        .is_some_and(|word| word.eq_ignore_ascii_case("and")) =>
            {
                let before = text[..position].chars().next_back();
                let after = text[position + 3..].chars().next();
                let whole = !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric);
                (whole && position > start).then_some(position + 3)
            }
            _ => None,
        };
        if let Some(end) = split_here {
            entries.push(&text[start..position]);
            while chars.peek().is_some_and(|&(next, _)| next < end) {
                chars.next();
            }
            start = end;
        }
    }
    entries.push(&text[start..]);
    entries.into_iter().filter_map(parse_person).collect()
}

fn parse_person(entry: &str) -> Option<Person> {
    let entry = entry.trim().trim_end_matches('.');
    let (name, role) = match entry.split_once('(') {
        Some((name, rest)) => {
            let role = rest.rsplit_once(')').map_or(rest, |(role, _)| role).trim();
            (name, (!role.is_empty()).then(|| role.to_owned()))
        }
        None => (entry, None),
    };
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    name.chars().any(char::is_alphanumeric).then_some(Person { name, role })
}

/// The people of the scene: the facilitator (or, in a self-reflection, the author) first, then the participants.
pub fn scene_people(review: &Review) -> Vec<Person> {
    let mut people = parse_people(&review.scene.facilitator);
    people.extend(parse_people(&review.scene.participants));
    people
}

/// Every name of the scene, and each word of a name of several words, longest first, without repeats.
pub fn scene_names(review: &Review) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for person in scene_people(review) {
        for name in name_variants(&person.name) {
            if !names.iter().any(|known| known.to_lowercase() == name.to_lowercase()) {
                names.push(name);
            }
        }
    }
    names.sort_by_key(|name| std::cmp::Reverse(name.chars().count()));
    names
}

/// A name, then each of its words that could stand for the person alone (capitalised, two letters or more).
fn name_variants(name: &str) -> Vec<String> {
    let mut variants = vec![name.to_owned()];
    if name.contains(' ') {
        variants.extend(
            name.split(' ')
                .filter(|word| word.chars().count() >= 2 && word.chars().next().is_some_and(char::is_uppercase))
                .map(str::to_owned),
        );
    }
    variants
}

/// The labels for the scene's people and for `extra_names` (a list as typed, like the participants): a given
/// role; otherwise "Facilitator" (or "Author" in a self-reflection) for the facilitator field, and
/// "Participant A", "Participant B"… in order of appearance for everyone else. A repeated name keeps its first
/// label.
pub fn pseudonyms(review: &Review, extra_names: &str) -> Vec<Pseudonym> {
    let lead = match review.scene.mode {
        Mode::Facilitated => "Facilitator",
        Mode::SelfReflection => "Author",
    };
    let mut result: Vec<Pseudonym> = Vec::new();
    let mut letters = 0;
    let others = parse_people(&review.scene.participants)
        .into_iter()
        .chain(parse_people(extra_names));
    let facilitators = parse_people(&review.scene.facilitator)
        .into_iter()
        .map(|person| (person, true));
    for (person, is_lead) in facilitators.chain(others.map(|person| (person, false))) {
        if result.iter().any(|known| same_name(&known.name, &person.name)) {
            continue;
        }
        let label = match person.role {
            Some(role) => role,
            None if is_lead => lead.to_owned(),
            None => {
                letters += 1;
                format!("Participant {}", letter_name(letters))
            }
        };
        result.push(Pseudonym {
            name: person.name,
            label,
        });
    }
    // A role may name someone else ("Alex's manager"): it is redacted with the others' labels.
    let snapshot = result.clone();
    for (index, pseudonym) in result.iter_mut().enumerate() {
        let others: Vec<Pseudonym> = snapshot
            .iter()
            .enumerate()
            .filter(|(other, _)| *other != index)
            .map(|(_, pseudonym)| pseudonym.clone())
            .collect();
        pseudonym.label = Redactor::new(&others).redact(&pseudonym.label);
    }
    result
}

/// A redacted copy of the review: every name of the scene and of `extra_names` replaced in every text. The
/// review passed in is not changed.
pub fn redact_review(review: &Review, extra_names: &str) -> Redacted {
    let pseudonyms = pseudonyms(review, extra_names);
    let redactor = Redactor::new(&pseudonyms);
    let mut copy = review.clone();
    let scene = &mut copy.scene;
    let drill = &mut copy.drill;
    let texts = [
        &mut copy.title,
        &mut copy.notes,
        &mut scene.what_happened,
        &mut scene.link,
        &mut scene.date,
        &mut scene.facilitator,
        &mut scene.participants,
        &mut drill.scenario,
        &mut drill.host,
        &mut drill.participants,
        &mut drill.date,
        &mut drill.success,
    ];
    // Whose reflection an item came from names a person too, and the export may credit it.
    let items = copy
        .moments
        .iter_mut()
        .flat_map(|moment| std::iter::once(&mut moment.text).chain(moment.source.as_mut()))
        .chain(
            copy.observations
                .iter_mut()
                .flat_map(|observation| std::iter::once(&mut observation.text).chain(observation.source.as_mut())),
        )
        .chain(copy.actions.iter_mut().flat_map(|action| {
            [&mut action.what, &mut action.owner, &mut action.due]
                .into_iter()
                .chain(action.source.as_mut())
        }));
    for text in texts.into_iter().chain(items) {
        *text = redactor.redact(text);
    }
    Redacted {
        review: copy,
        pseudonyms,
    }
}

/// The mapping in one line for under the preview, e.g. "Sam → on-call engineer, Alex → Participant A".
pub fn describe_pseudonyms(pseudonyms: &[Pseudonym]) -> String {
    pseudonyms
        .iter()
        .map(|pseudonym| format!("{} \u{2192} {}", pseudonym.name, pseudonym.label))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Replaces names in texts, longest name first.
pub struct Redactor {
    /// Each name in lower case, its label, and whether it is also a common word; longest first.
    names: Vec<(Vec<char>, String, bool)>,
}

impl Redactor {
    pub fn new(pseudonyms: &[Pseudonym]) -> Redactor {
        let mut names: Vec<(Vec<char>, String, bool)> = Vec::new();
        let full = pseudonyms
            .iter()
            .map(|pseudonym| (pseudonym.name.clone(), &pseudonym.label));
        let words = pseudonyms.iter().flat_map(|pseudonym| {
            name_variants(&pseudonym.name)
                .into_iter()
                .skip(1)
                .map(move |word| (word, &pseudonym.label))
        });
        for (name, label) in full.chain(words) {
            let lower: Vec<char> = name.chars().flat_map(char::to_lowercase).collect();
            if !names.iter().any(|(known, _, _)| *known == lower) {
                let common = COMMON_WORD_NAMES.contains(&lower.iter().collect::<String>().as_str());
                names.push((lower, label.clone(), common));
            }
        }
        names.sort_by_key(|(name, _, _)| std::cmp::Reverse(name.len()));
        Redactor { names }
    }

    /// `text` with every name replaced by its label.
    pub fn redact(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut position = 0;
        let mut previous: Option<char> = None;
        while position < text.len() {
            let at_boundary = !previous.is_some_and(char::is_alphanumeric);
            let found = if at_boundary {
                self.match_at(text, position)
            } else {
                None
            };
            if let Some((end, label)) = found {
                out.push_str(label);
                position = skip_repeated_role(text, end, label);
                previous = text[..position].chars().next_back();
                continue;
            }
            let c = text[position..].chars().next().unwrap_or_default();
            out.push(c);
            position += c.len_utf8();
            previous = Some(c);
        }
        out
    }

    /// The end of the longest name starting at `start`, and its label.
    fn match_at(&self, text: &str, start: usize) -> Option<(usize, &str)> {
        self.names.iter().find_map(|(name, label, common)| {
            let end = match_name(text, start, name)?;
            let as_written = &text[start..end];
            let lower_case_word = *common && !as_written.chars().any(char::is_uppercase);
            (!lower_case_word).then_some((end, label.as_str()))
        })
    }
}

/// Where `name` (lower case; a space matches any run of white space) ends if it starts at `start` as a whole
/// word, ignoring case.
fn match_name(text: &str, start: usize, name: &[char]) -> Option<usize> {
    let mut rest = text[start..].char_indices().peekable();
    let mut wanted = name.iter().peekable();
    while let Some(&want) = wanted.next() {
        if want == ' ' {
            let mut spaces = 0;
            while rest.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                rest.next();
                spaces += 1;
            }
            if spaces == 0 {
                return None;
            }
            continue;
        }
        let (_, c) = rest.next()?;
        let mut lower = c.to_lowercase();
        if lower.next() != Some(want) {
            return None;
        }
        for extra in lower {
            if wanted.next() != Some(&extra) {
                return None;
            }
        }
    }
    let end = rest.peek().map_or(text.len(), |(offset, _)| start + offset);
    (!text[end..].chars().next().is_some_and(char::is_alphanumeric)).then_some(end)
}

/// After a replaced name, a role in parentheses that says the label again ("Sam (on-call engineer)") is
/// dropped, so the label is not written twice.
fn skip_repeated_role(text: &str, end: usize, label: &str) -> usize {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches([' ', '\t']);
    if let Some(inner) = trimmed.strip_prefix('(') {
        if let Some((role, _)) = inner.split_once(')') {
            if role.trim().to_lowercase() == label.to_lowercase() {
                return end + (rest.len() - trimmed.len()) + 1 + role.len() + 1;
            }
        }
    }
    end
}

fn same_name(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// 1 → "A", 26 → "Z", 27 → "AA", as spreadsheet columns count.
fn letter_name(mut number: usize) -> String {
    let mut letters = Vec::new();
    while number > 0 {
        number -= 1;
        letters.push(char::from(b'A' + (number % 26) as u8));
        number /= 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_count_like_spreadsheet_columns() {
        assert_eq!(
            [1, 2, 26, 27, 28, 52, 53, 702, 703].map(letter_name),
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn a_name_matches_whole_words_ignoring_case() {
        let name: Vec<char> = "sam jones".chars().collect();
        assert_eq!(match_name("SAM  Jones's", 0, &name), Some(10));
        assert_eq!(match_name("Sam Jonesy", 0, &name), None);
        assert_eq!(match_name("SamJones", 0, &name), None);
        let german: Vec<char> = "ß".chars().flat_map(char::to_lowercase).collect();
        assert_eq!(match_name("ß!", 0, &german), Some(2));
    }
}
