//! gotlucky's own labels after an item, in emphasis and parentheses: an observation's luck and dial
//! (` *(increasing luck; dial: turn up)*`) and where a moment's luck came from in the ledger.

use super::inline::{plain, Inline};
use crate::review::{Dial, Luck};
use crate::summary::LuckSource;

/// Splits gotlucky's own suffix, emphasis in parentheses after a space such as ` *(increasing luck)*`, off the
/// end of an item: the text before it and what the parentheses hold. A user's own asterisks are escaped in the
/// export, so emphasis here is gotlucky's (or was written in the wiki; the callers check the words).
pub(super) fn split_suffix(inlines: &[Inline]) -> Option<(Vec<Inline>, String)> {
    let close = inlines.len().checked_sub(1)?;
    if inlines[close] != Inline::Close(false) {
        return None;
    }
    let open = inlines[..close]
        .iter()
        .rposition(|inline| !matches!(inline, Inline::Text(_) | Inline::Literal(_) | Inline::SoftBreak))?;
    if inlines[open] != Inline::Open(false) {
        return None;
    }
    let inside = plain(&inlines[open + 1..close]);
    let words = inside.strip_prefix('(')?.strip_suffix(')')?;
    let mut before = inlines[..open].to_vec();
    match before.last() {
        Some(Inline::SoftBreak) => {
            before.pop();
        }
        Some(Inline::Text(text)) if text.ends_with([' ', '\t']) => {
            // The one space before the suffix; any more are the text's.
            if let Some(Inline::Text(text)) = before.last_mut() {
                text.pop();
            }
        }
        _ => return None,
    }
    Some((before, words.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// gotlucky's labels of an observation: its luck, its dial, and (when the export credits contributors) whose
/// reflection it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct ObservationLabels {
    pub luck: Option<Luck>,
    pub dial: Option<Dial>,
    pub source: Option<String>,
}

/// An observation's labels from its suffix, when every word of it is one of gotlucky's labels.
pub(super) fn observation_labels(text: Vec<Inline>) -> (Vec<Inline>, ObservationLabels) {
    let Some((before, words)) = split_suffix(&text) else {
        return (text, ObservationLabels::default());
    };
    let (mut luck, mut dial, mut source) = (None, None, None);
    for label in words.split(';').map(str::trim) {
        if let Some(found) = Luck::ALL.into_iter().find(|luck| luck.label() == label) {
            if luck.replace(found).is_some() {
                return (text, ObservationLabels::default());
            }
        } else if let Some(found) = label
            .strip_prefix("from:")
            .map(str::trim)
            .filter(|found| !found.is_empty())
        {
            if source.replace(found.to_owned()).is_some() {
                return (text, ObservationLabels::default());
            }
        } else if let Some(found) = label
            .strip_prefix("dial:")
            .and_then(|name| Dial::ALL.into_iter().find(|dial| dial.label() == name.trim()))
        {
            if dial.replace(found).is_some() {
                return (text, ObservationLabels::default());
            }
        } else {
            return (text, ObservationLabels::default());
        }
    }
    (before, ObservationLabels { luck, dial, source })
}

pub(super) fn is_source_label(words: &str) -> bool {
    [
        LuckSource::Preparation,
        LuckSource::Gap,
        LuckSource::Both,
        LuckSource::Unexplained,
    ]
    .iter()
    .any(|source| source.label() == words)
}
