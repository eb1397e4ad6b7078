//! The escaping that keeps user text literal in Markdown: whatever a team types renders as the same text.
//!
//! Control characters (U+0000 to U+001F except tab and line feed, and U+007F) are written as upper-case
//! hexadecimal numeric character references without leading zeros, e.g. U+0001 as `&#x1;` and U+001B as
//! `&#x1B;`, so that an exported file holds no raw control character and still reads back to the same text.
//! A literal `&` that the user typed is always escaped as `\&`, so such a reference is never ambiguous.

use std::borrow::Cow;

/// Characters that mean something inline in CommonMark or GFM wherever they stand. `$` is included because
/// GitHub renders `$…$` as maths, `#` because a heading drops a trailing run of them, and `@` because GFM turns
/// e-mail addresses into links (and GitHub turns `@name` into a mention).
const ALWAYS_ESCAPED: &[u8] = b"\\`*_[]<>&|~$#@";

/// `ALWAYS_ESCAPED` as a table over ASCII, so each character is looked up once instead of searched for.
const ESCAPED: [bool; 128] = {
    let mut table = [false; 128];
    let mut index = 0;
    while index < ALWAYS_ESCAPED.len() {
        table[ALWAYS_ESCAPED[index] as usize] = true;
        index += 1;
    }
    table
};

/// GFM's extended autolinks also turn `www.` and `http://` (and `https`, `ftp`) in plain text into links, and
/// GitLab's renderer then shows the escapes around them; escaping the `.` of `www.` and the `:` of `://` keeps
/// such text plain everywhere. `at` is the byte's position in `line`.
fn starts_an_autolink(line: &[u8], at: usize) -> bool {
    match line[at] {
        b':' => line[at + 1..].starts_with(b"//"),
        b'.' => at >= 3 && line[at - 3..at].eq_ignore_ascii_case(b"www"),
        _ => false,
    }
}

/// Whether the export writes `c` as a numeric character reference rather than as itself.
pub(crate) fn is_escaped_control(c: char) -> bool {
    (c.is_ascii_control() && c != '\t' && c != '\n') || c == '\u{7f}'
}

/// Writes a control character as the reference the export uses for it, e.g. `&#x1B;`.
pub(crate) fn push_control_reference(out: &mut String, c: char) {
    out.push_str(&format!("&#x{:X};", u32::from(c)));
}

/// Escapes user text for a table cell: a cell holds one line, so line breaks become `<br>`, the one piece of
/// HTML the export writes; GFM has no other way to break a line inside a cell.
pub fn escape_cell(text: &str) -> String {
    let normalised = normalise_line_breaks(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in normalised.trim_end_matches('\n').split('\n').enumerate() {
        if index > 0 {
            out.push_str("<br>");
        }
        push_escaped_line(&mut out, line);
    }
    out
}

/// Escapes text that may span several lines. Line breaks become hard breaks, and continuation lines are
/// indented by `indent` so they stay inside the enclosing list item.
pub fn escape_text(text: &str, indent: &str) -> String {
    let normalised = normalise_line_breaks(text);
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in normalised.trim_end_matches('\n').split('\n').enumerate() {
        if index > 0 {
            // A backslash before the newline is a hard break, which keeps the user's line break visible.
            out.push_str("\\\n");
            out.push_str(indent);
        }
        push_escaped_line(&mut out, line);
    }
    out
}

/// Escapes one line so that it renders as literal text.
pub fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    push_escaped_line(&mut out, line);
    out
}

/// Appends one line to `out`, escaped so that it renders as literal text.
pub(crate) fn push_escaped_line(out: &mut String, line: &str) {
    let content = line.trim_start_matches([' ', '\t']);
    let text = content.trim_end_matches([' ', '\t']);
    // Leading white space would indent (a code block at four spaces) and trailing white space is dropped or
    // becomes a line break; numeric character references keep both as plain characters.
    push_whitespace_as_references(out, &line[..line.len() - content.len()]);
    let bytes = text.as_bytes();
    // Everything that needs escaping is ASCII, so the text is scanned byte by byte and copied in runs; a byte
    // of a multi-byte character is never ASCII, so the runs always end on character boundaries.
    let (mut copied, mut next) = (0, 0);
    match bytes.first() {
        // These start a list item or underline a heading when they open a line.
        Some(b'+' | b'-' | b'=') => {
            out.push('\\');
            next = 1;
        }
        // "1." or "1)" at the start of a line opens an ordered list: escape the delimiter after the digits.
        Some(b'0'..=b'9') => {
            next = bytes.iter().position(|b| !b.is_ascii_digit()).unwrap_or(bytes.len());
            if matches!(bytes.get(next), Some(b'.' | b')')) {
                out.push_str(&text[..next]);
                out.push('\\');
                copied = next;
                next += 1;
            }
        }
        _ => {}
    }
    for at in next..bytes.len() {
        let byte = bytes[at];
        let escaped = byte < 128 && (ESCAPED[usize::from(byte)] || starts_an_autolink(bytes, at));
        let control = is_escaped_control(char::from(byte));
        if escaped || control {
            out.push_str(&text[copied..at]);
            if control {
                push_control_reference(out, char::from(byte));
            } else {
                out.push('\\');
                out.push(char::from(byte));
            }
            copied = at + 1;
        }
    }
    out.push_str(&text[copied..]);
    push_whitespace_as_references(out, &content[text.len()..]);
}

fn push_whitespace_as_references(out: &mut String, whitespace: &str) {
    for c in whitespace.chars() {
        out.push_str(if c == '\t' { "&#9;" } else { "&#32;" });
    }
}

/// `\r\n` and lone `\r` as `\n`, the one line break the export knows; most texts have neither and are not copied.
pub(crate) fn normalise_line_breaks(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Headings and table cells hold one line; line breaks in them become spaces.
pub(crate) fn single_line(text: &str) -> String {
    text.split(['\r', '\n'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_addresses_and_e_mail_addresses_stay_plain_text() {
        assert_eq!(escape_line("see https://example.com/a"), r"see https\://example.com/a");
        assert_eq!(
            escape_line("www.example.com or WWW.x.org"),
            r"www\.example.com or WWW\.x.org"
        );
        assert_eq!(
            escape_line("mail sam@example.com, ask @team"),
            r"mail sam\@example.com, ask \@team"
        );
        assert_eq!(escape_line("Time: 10:30, a.b"), "Time: 10:30, a.b");
    }

    #[test]
    fn plain_text_is_left_readable() {
        assert_eq!(
            escape_line("We skip code review on hotfixes."),
            "We skip code review on hotfixes."
        );
        assert_eq!(
            escape_line("Amanda's runbook (v2) works!"),
            "Amanda's runbook (v2) works!"
        );
    }

    #[test]
    fn inline_punctuation_is_escaped() {
        assert_eq!(escape_line("*bold* _it_ `code`"), r"\*bold\* \_it\_ \`code\`");
        assert_eq!(escape_line("<script>&amp;"), r"\<script\>\&amp;");
        assert_eq!(escape_line("[x](y) a|b ~~s~~ $x$"), r"\[x\](y) a\|b \~\~s\~\~ \$x\$");
    }

    #[test]
    fn block_starts_are_escaped_only_at_the_line_start() {
        assert_eq!(escape_line("# not a heading"), r"\# not a heading");
        assert_eq!(escape_line("- a - b"), r"\- a - b");
        assert_eq!(escape_line("1. first 2. second"), r"1\. first 2. second");
        assert_eq!(escape_line("12) twelve"), r"12\) twelve");
        assert_eq!(escape_line("2026 was fine"), "2026 was fine");
        assert_eq!(escape_line("> quote"), r"\> quote");
    }

    #[test]
    fn surrounding_whitespace_is_kept_as_references() {
        assert_eq!(escape_line("    code?"), "&#32;&#32;&#32;&#32;code?");
        assert_eq!(escape_line("\tx  "), "&#9;x&#32;&#32;");
    }

    #[test]
    fn line_breaks_become_hard_breaks_inside_the_item() {
        assert_eq!(escape_text("a\r\n- b\n", "  "), "a\\\n  \\- b");
    }

    #[test]
    fn control_characters_become_hexadecimal_references() {
        assert_eq!(escape_line("a\u{1}b\u{1b}[0m\u{7f}"), r"a&#x1;b&#x1B;\[0m&#x7F;");
        assert_eq!(escape_line("\u{0}\u{b}\u{c}"), "&#x0;&#xB;&#xC;");
        assert_eq!(escape_line("\u{1}- x"), "&#x1;- x");
        assert_eq!(escape_line("in\tside"), "in\tside");
        assert_eq!(escape_cell("a\u{1f}\nb"), "a&#x1F;<br>b");
    }
}
