//! Inline Markdown: what the text of one paragraph, heading or table cell renders as.
//!
//! It follows CommonMark's inline rules for the parts a review needs: backslash escapes, character references,
//! code spans, autolinks, `<br>`, hard and soft line breaks, and emphasis with `*` or `_` by the delimiter-run
//! algorithm of the specification (so `*x*` and `_x_` read the same). Link brackets, tildes and other
//! punctuation stay as the characters they are.

use super::references::character_reference;

/// One piece of rendered inline content, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Inline {
    /// Text as written in the source: its white space is the source's own, so it may be trimmed.
    Text(String),
    /// Characters written as an escape, a character reference, a code span or an autolink: always content.
    Literal(String),
    SoftBreak,
    HardBreak,
    /// The start of emphasis (`false`) or strong emphasis (`true`).
    Open(bool),
    Close(bool),
}

/// A run of `*` or `_` while emphasis is being matched.
struct Delimiter {
    /// The index of its token.
    token: usize,
    marker: char,
    /// Characters not yet used by a match.
    left: usize,
    /// The run's length as written, for the "multiple of 3" rule.
    length: usize,
    can_open: bool,
    can_close: bool,
    prev: Option<usize>,
    next: Option<usize>,
}

enum Token {
    Inline(Inline),
    /// A delimiter run: the emphasis it closes (innermost first), then its unused characters as text, then
    /// the emphasis it opens (innermost last).
    Run {
        closes: Vec<bool>,
        opens: Vec<bool>,
    },
}

/// Parses inline Markdown. The caller has removed the white space that the block structure strips.
pub(super) fn parse(source: &str) -> Vec<Inline> {
    let mut tokens: Vec<Token> = Vec::new();
    let mut delimiters: Vec<Delimiter> = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, tokens: &mut Vec<Token>| {
        if !text.is_empty() {
            tokens.push(Token::Inline(Inline::Text(std::mem::take(text))));
        }
    };
    let mut missing_code_closers: Vec<usize> = Vec::new();
    let mut position = 0;
    while let Some(c) = source[position..].chars().next() {
        let rest = &source[position..];
        match c {
            '\\' => {
                let next = rest[1..].chars().next();
                if next == Some('\n') {
                    // Unlike a break by two spaces, one by a backslash keeps the spaces before it.
                    flush(&mut text, &mut tokens);
                    tokens.push(Token::Inline(Inline::HardBreak));
                    position = skip_spaces(source, position + 2);
                    continue;
                }
                if let Some(escaped) = next.filter(char::is_ascii_punctuation) {
                    flush(&mut text, &mut tokens);
                    tokens.push(Token::Inline(Inline::Literal(escaped.to_string())));
                    position += 2;
                    continue;
                }
                text.push('\\');
                position += 1;
            }
            '\n' => {
                let spaces = text.len() - text.trim_end_matches(' ').len();
                text.truncate(text.trim_end_matches([' ', '\t']).len());
                flush(&mut text, &mut tokens);
                push_break(
                    &mut tokens,
                    if spaces >= 2 {
                        Inline::HardBreak
                    } else {
                        Inline::SoftBreak
                    },
                );
                position = skip_spaces(source, position + 1);
            }
            '`' => {
                let run = rest.len() - rest.trim_start_matches('`').len();
                match code_span(rest, run, &mut missing_code_closers) {
                    Some((code, length)) => {
                        flush(&mut text, &mut tokens);
                        tokens.push(Token::Inline(Inline::Literal(canonical_code(&code))));
                        position += length;
                    }
                    None => {
                        text.push_str(&rest[..run]);
                        position += run;
                    }
                }
            }
            '&' => match character_reference(rest) {
                Some((decoded, length)) => {
                    flush(&mut text, &mut tokens);
                    tokens.push(Token::Inline(Inline::Literal(decoded.to_string())));
                    position += length;
                }
                None => {
                    text.push('&');
                    position += 1;
                }
            },
            '<' => match angle(rest) {
                Some((inline, length)) => {
                    flush(&mut text, &mut tokens);
                    tokens.push(Token::Inline(inline));
                    position += length;
                }
                None => {
                    text.push('<');
                    position += 1;
                }
            },
            '*' | '_' => {
                let length = rest.len() - rest.trim_start_matches(c).len();
                flush(&mut text, &mut tokens);
                let before = source[..position].chars().next_back();
                let after = rest[length..].chars().next();
                let (can_open, can_close) = flanking(c, before, after);
                delimiters.push(Delimiter {
                    token: tokens.len(),
                    marker: c,
                    left: length,
                    length,
                    can_open,
                    can_close,
                    prev: None,
                    next: None,
                });
                tokens.push(Token::Run {
                    closes: Vec::new(),
                    opens: Vec::new(),
                });
                position += length;
            }
            _ => {
                text.push(c);
                position += c.len_utf8();
            }
        }
    }
    flush(&mut text, &mut tokens);
    match_emphasis(&mut tokens, &mut delimiters);
    flatten(tokens, &delimiters)
}

/// The text a reader sees, with emphasis written back as `*` and `**`.
pub(super) fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Literal(text) => out.push_str(text),
            Inline::SoftBreak => out.push(' '),
            Inline::HardBreak => out.push('\n'),
            Inline::Open(strong) | Inline::Close(strong) => out.push_str(if *strong { "**" } else { "*" }),
        }
    }
    out
}

fn skip_spaces(source: &str, position: usize) -> usize {
    let rest = &source[position.min(source.len())..];
    source.len() - rest.trim_start_matches([' ', '\t']).len()
}

/// A line break drops the source's white space before it.
fn push_break(tokens: &mut Vec<Token>, inline: Inline) {
    if let Some(Token::Inline(Inline::Text(text))) = tokens.last_mut() {
        text.truncate(text.trim_end_matches([' ', '\t']).len());
        if text.is_empty() {
            tokens.pop();
        }
    }
    tokens.push(Token::Inline(inline));
}

/// Whether a delimiter run can open and close emphasis, by CommonMark's flanking rules.
fn flanking(marker: char, before: Option<char>, after: Option<char>) -> (bool, bool) {
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    let punctuation = |c: Option<char>| c.is_some_and(is_punctuation);
    let left = !space(after) && (!punctuation(after) || space(before) || punctuation(before));
    let right = !space(before) && (!punctuation(before) || space(after) || punctuation(after));
    if marker == '*' {
        (left, right)
    } else {
        (
            left && (!right || punctuation(before)),
            right && (!left || punctuation(after)),
        )
    }
}

/// Unicode punctuation and symbols as CommonMark counts them, for the characters a review is likely to hold.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(c as u32,
            0xA1..=0xBF | 0xD7 | 0xF7 | 0x2010..=0x2027 | 0x2030..=0x205E | 0x20A0..=0x20C0 | 0x2100..=0x2BFF
            | 0x3001..=0x3003 | 0x3008..=0x3020 | 0xFE10..=0xFE6F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20
            | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65 | 0x1F000..=0x1FAFF)
}

/// Matches openers with closers (the "process emphasis" procedure of the CommonMark specification).
fn match_emphasis(tokens: &mut [Token], delimiters: &mut [Delimiter]) {
    let count = delimiters.len();
    for (index, delimiter) in delimiters.iter_mut().enumerate() {
        delimiter.prev = index.checked_sub(1);
        delimiter.next = (index + 1 < count).then_some(index + 1);
    }
    // Where the search for an opener stops, by marker, closer length modulo 3 and whether the closer can open.
    let mut bottom: [Option<usize>; 12] = [None; 12];
    let mut current = (count > 0).then_some(0);
    while let Some(closer) = current {
        if !delimiters[closer].can_close {
            current = delimiters[closer].next;
            continue;
        }
        let key = usize::from(delimiters[closer].marker == '_') * 6
            + usize::from(delimiters[closer].can_open) * 3
            + delimiters[closer].length % 3;
        let mut candidate = delimiters[closer].prev;
        let mut opener = None;
        while let Some(index) = candidate {
            if bottom[key].is_some_and(|limit| index <= limit) {
                break;
            }
            let (open, close) = (&delimiters[index], &delimiters[closer]);
            let odd = (close.can_open || open.can_close)
                && (open.length + close.length) % 3 == 0
                && !(open.length % 3 == 0 && close.length % 3 == 0);
            if open.marker == close.marker && open.can_open && !odd {
                opener = Some(index);
                break;
            }
            candidate = open.prev;
        }
        let Some(opener) = opener else {
            bottom[key] = delimiters[closer].prev;
            let next = delimiters[closer].next;
            if !delimiters[closer].can_open {
                unlink(delimiters, closer);
            }
            current = next;
            continue;
        };
        let strong = delimiters[opener].left >= 2 && delimiters[closer].left >= 2;
        let used = if strong { 2 } else { 1 };
        delimiters[opener].left -= used;
        delimiters[closer].left -= used;
        if let Token::Run { opens, .. } = &mut tokens[delimiters[opener].token] {
            opens.push(strong);
        }
        if let Token::Run { closes, .. } = &mut tokens[delimiters[closer].token] {
            closes.push(strong);
        }
        // Delimiters between the two can no longer match.
        delimiters[opener].next = Some(closer);
        delimiters[closer].prev = Some(opener);
        if delimiters[opener].left == 0 {
            unlink(delimiters, opener);
        }
        if delimiters[closer].left == 0 {
            current = delimiters[closer].next;
            unlink(delimiters, closer);
        }
    }
}

fn unlink(delimiters: &mut [Delimiter], index: usize) {
    let (prev, next) = (delimiters[index].prev, delimiters[index].next);
    if let Some(prev) = prev {
        delimiters[prev].next = next;
    }
    if let Some(next) = next {
        delimiters[next].prev = prev;
    }
}

fn flatten(tokens: Vec<Token>, delimiters: &[Delimiter]) -> Vec<Inline> {
    let mut runs = delimiters.iter();
    let mut out: Vec<Inline> = Vec::with_capacity(tokens.len());
    let push_text = |out: &mut Vec<Inline>, text: String| match out.last_mut() {
        Some(Inline::Text(last)) => last.push_str(&text),
        _ => out.push(Inline::Text(text)),
    };
    for token in tokens {
        match token {
            Token::Inline(Inline::Text(text)) => push_text(&mut out, text),
            Token::Inline(inline) => out.push(inline),
            Token::Run { closes, opens } => {
                let run = runs.next().expect("one delimiter per run");
                out.extend(closes.into_iter().map(Inline::Close));
                if run.left > 0 {
                    push_text(&mut out, run.marker.to_string().repeat(run.left));
                }
                out.extend(opens.into_iter().rev().map(Inline::Open));
            }
        }
    }
    out
}

/// A code span starting with a run of `run` backticks: its content and its length in the source.
/// `missing` remembers run lengths that have no closer further on, so a line of unmatched backticks stays linear.
fn code_span(rest: &str, run: usize, missing: &mut Vec<usize>) -> Option<(String, usize)> {
    if missing.contains(&run) {
        return None;
    }
    let mut search = run;
    while let Some(offset) = rest[search..].find('`') {
        let start = search + offset;
        let length = rest[start..].len() - rest[start..].trim_start_matches('`').len();
        if length == run {
            let content = rest[run..start].replace('\n', " ");
            let stripped = content.len() >= 2
                && content.starts_with(' ')
                && content.ends_with(' ')
                && !content.chars().all(|c| c == ' ');
            let content = if stripped {
                content[1..content.len() - 1].to_owned()
            } else {
                content
            };
            return Some((content, start + length));
        }
        search = start + length;
    }
    missing.push(run);
    None
}

/// One way to write a code span with this content: the shortest fence that does not occur in it.
fn canonical_code(content: &str) -> String {
    let mut fence = 1;
    while content.split(|c| c != '`').any(|run| run.len() == fence) {
        fence += 1;
    }
    let ticks = "`".repeat(fence);
    let pad = content.starts_with('`')
        || content.ends_with('`')
        || (content.starts_with(' ') && content.ends_with(' ') && !content.trim().is_empty());
    let space = if pad { " " } else { "" };
    format!("{ticks}{space}{content}{space}{ticks}")
}

/// What a `<` starts: an autolink (its address) or `<br>` (a line break).
fn angle(rest: &str) -> Option<(Inline, usize)> {
    for br in ["<br>", "<br/>", "<br />"] {
        if rest.get(..br.len()).is_some_and(|start| start.eq_ignore_ascii_case(br)) {
            return Some((Inline::HardBreak, br.len()));
        }
    }
    // An autolink holds no white space or `<`, so the search for its end stops at the first of them.
    let end = rest[1..].find(|c: char| c == '>' || c == '<' || c.is_whitespace() || c.is_control())? + 1;
    if !rest[end..].starts_with('>') {
        return None;
    }
    let inner = &rest[1..end];
    let is_uri = inner.split_once(':').is_some_and(|(scheme, _)| {
        (2..=32).contains(&scheme.len())
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    let is_email = inner.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && !domain.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c))
            && domain
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
    });
    (is_uri || is_email).then(|| (Inline::Literal(inner.to_owned()), end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Inline::*;

    fn text(s: &str) -> Inline {
        Text(s.to_owned())
    }

    #[test]
    fn both_emphasis_spellings_read_the_same() {
        for source in ["a *(b)*", "a _(b)_"] {
            assert_eq!(parse(source), [text("a "), Open(false), text("(b)"), Close(false)]);
        }
        for source in ["**Date:** x", "__Date:__ x"] {
            assert_eq!(parse(source), [Open(true), text("Date:"), Close(true), text(" x")]);
        }
    }

    #[test]
    fn delimiter_runs_follow_the_specification() {
        assert_eq!(plain(&parse("snake_case_name")), "snake_case_name");
        assert_eq!(plain(&parse("a * b * c")), "a * b * c");
        assert_eq!(
            parse("***a** b*"),
            [
                Open(false),
                Open(true),
                text("a"),
                Close(true),
                text(" b"),
                Close(false)
            ]
        );
        assert_eq!(parse("*foo**bar**baz*").iter().filter(|i| **i == Open(true)).count(), 1);
        assert_eq!(
            parse("*foo _bar* baz_"),
            [Open(false), text("foo _bar"), Close(false), text(" baz_")]
        );
        assert_eq!(parse("**foo*"), [text("*"), Open(false), text("foo"), Close(false)]);
    }

    #[test]
    fn escapes_and_references_are_literal_content() {
        assert_eq!(
            parse(r"\*x\* &amp; &#32;"),
            [
                Literal("*".into()),
                text("x"),
                Literal("*".into()),
                text(" "),
                Literal("&".into()),
                text(" "),
                Literal(" ".into())
            ]
        );
        assert_eq!(
            plain(&parse("&#x1;&#1;&#0;&#X1B;&#1114112;")),
            "\u{1}\u{1}\u{0}\u{1b}\u{fffd}"
        );
        assert_eq!(plain(&parse("&#;&#x;&unknown; &amp")), "&#;&#x;&unknown; &amp");
        assert_eq!(plain(&parse(r"a\b \q")), r"a\b \q");
    }

    #[test]
    fn breaks_code_and_autolinks() {
        assert_eq!(parse("a\\\nb"), [text("a"), HardBreak, text("b")]);
        assert_eq!(parse("a  \n  b"), [text("a"), HardBreak, text("b")]);
        assert_eq!(parse("a \nb"), [text("a"), SoftBreak, text("b")]);
        assert_eq!(plain(&parse("a<br>b<BR />c")), "a\nb\nc");
        assert_eq!(plain(&parse("`` a`b `` and `*x*` `open")), "``a`b`` and `*x*` `open");
        assert_eq!(plain(&parse("``x``")), "`x`");
        assert_eq!(
            plain(&parse("<https://a.b/c_d> <a@b.c> <b>")),
            "https://a.b/c_d a@b.c <b>"
        );
    }

    #[test]
    fn unmatched_runs_stay_fast() {
        let source = "*a ".repeat(50_000) + &"<a".repeat(50_000) + &"`x ``".repeat(10_000);
        let read = plain(&parse(&source));
        assert_eq!(read.matches('*').count(), 50_000);
        assert_eq!(read.matches('<').count(), 50_000);
    }
}
