//! Reading a review back from Markdown: a file gotlucky exported, also after people edited it in a wiki.
//!
//! The import reads the document as Markdown, the way a renderer does, not one spelling of it: the blocks
//! (`blocks`: headings, lists, tables…) and their inline content (`inline`: escapes, references, emphasis…)
//! are parsed by CommonMark's rules, and the review is read from what they render as (`reader`). So a file that
//! an editor or wiki reformatted (`_x_` for `*x*`, `*` or `+` bullets, setext headings, padded tables, CRLF,
//! hard breaks as two spaces, escapes added or dropped) reads as the same review. Sections it does not know are
//! kept in the review's notes. Hand-written for the same reason as the export: a Markdown library would be
//! hundreds of kilobytes of WebAssembly. It never panics on any input; the fuzz targets in `fuzz/` check that.

mod blocks;
mod inline;
mod labels;
mod plan_table;
mod reader;
mod references;
mod table;
mod write;

use crate::review::Review;
use blocks::Block;

/// Larger files are refused: no review comes near it, and it keeps a pasted file from stalling the page.
pub const MAX_IMPORT_BYTES: usize = 2_000_000;

/// Reads a Markdown review into a new review with the given id. A file that is not one is refused with the
/// reason.
///
/// The document may open with a YAML front-matter block (`---`, YAML lines, `---`), as docs-as-code wikis
/// write it; it is skipped, and its `title:` is the review's title when the document has no title heading.
pub fn import_markdown(text: &str, id: &str, now: u64) -> Result<Review, String> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(format!("the file is too large for a review ({} bytes)", text.len()));
    }
    // Text never holds U+0000; binary files nearly always do. (The export writes it as `&#x0;`.)
    if text.contains('\u{0}') {
        return Err("the file holds binary data, not Markdown text".to_owned());
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let (front_matter_title, body) = front_matter(&text);
    let mut blocks = blocks::parse(body);
    let title = match blocks.first() {
        Some(Block::Heading { level: 1, text }) => {
            // The export writes the title on one line, its line breaks as spaces.
            let title = unescape(text)
                .split('\n')
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            blocks.remove(0);
            title
        }
        _ => front_matter_title
            .ok_or("this does not look like a gotlucky review: it should start with the review's title as a heading")?,
    };
    Ok(reader::read(Review::new(id, title, now), &blocks))
}

/// Turns Markdown inline text back into what was typed: escapes and character references are resolved, line
/// breaks become `\n`, and emphasis reads as `*x*` or `**x**` however it was spelled.
pub fn unescape(text: &str) -> String {
    inline::plain(&inline::parse(text))
}

/// Splits off a YAML front-matter block: the title it names, if any, and the document after it.
fn front_matter(text: &str) -> (Option<String>, &str) {
    let Some((first, mut rest)) = text.split_once('\n') else {
        return (None, text);
    };
    if first.trim_end_matches([' ', '\t']) != "---" {
        return (None, text);
    }
    let mut title = None;
    while let Some((line, after)) = rest.split_once('\n').or((!rest.is_empty()).then_some((rest, ""))) {
        let line = line.trim_end_matches([' ', '\t']);
        if line == "---" || line == "..." {
            return (title, after);
        }
        if let Some(value) = line.strip_prefix("title:") {
            title = yaml_scalar(value.trim()).filter(|title| !title.trim().is_empty());
        }
        rest = after;
    }
    // No closing line: not front matter but a rule at the top of the document.
    (None, text)
}

/// A one-line YAML scalar: plain, 'single-quoted' or "double-quoted" (with YAML's escapes, as the export
/// writes them). Block scalars and other nodes are not read.
fn yaml_scalar(value: &str) -> Option<String> {
    if let Some(inner) = value.strip_prefix('\'').and_then(|value| value.strip_suffix('\'')) {
        return Some(inner.replace("''", "'"));
    }
    if let Some(inner) = value.strip_prefix('"').and_then(|value| value.strip_suffix('"')) {
        return yaml_double_quoted(inner);
    }
    if value.starts_with(['|', '>', '[', '{', '&', '*', '!', '"', '\'']) {
        return None;
    }
    Some(value.split(" #").next().unwrap_or(value).trim().to_owned())
}

fn yaml_double_quoted(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let escaped = chars.next()?;
        let hex_digits = match escaped {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => 0,
        };
        if hex_digits > 0 {
            let digits: String = chars.by_ref().take(hex_digits).collect();
            out.push(char::from_u32(u32::from_str_radix(&digits, 16).ok()?)?);
            continue;
        }
        out.push(match escaped {
            '0' => '\u{0}',
            'a' => '\u{7}',
            'b' => '\u{8}',
            't' | '\t' => '\t',
            'n' => '\n',
            'v' => '\u{b}',
            'f' => '\u{c}',
            'r' => '\r',
            'e' => '\u{1b}',
            'N' => '\u{85}',
            '_' => '\u{a0}',
            'L' => '\u{2028}',
            'P' => '\u{2029}',
            other => other,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_is_skipped_and_gives_a_title_in_any_yaml_quoting() {
        let body = "| Detail | Value |\n|---|---|\n| Date | 2026-03-03 |\n";
        for (title_line, title) in [
            ("title: Disk full", "Disk full"),
            ("title: Disk full # on db-2", "Disk full"),
            ("title: 'It''s full'", "It's full"),
            (
                r#"title: "Disk \"full\" \\ \x01\e \u00e9\L""#,
                "Disk \"full\" \\ \u{1}\u{1b} \u{e9}\u{2028}",
            ),
        ] {
            let text = format!("---\n{title_line}\ntags: [a, b]\n---\n\n{body}");
            let review = import_markdown(&text, "r", 1).unwrap();
            assert_eq!(
                (review.title.as_str(), review.scene.date.as_str()),
                (title, "2026-03-03")
            );
        }
        let with_heading = format!("---\ntitle: \"Other\"\n...\n# Heading wins\n\n{body}");
        assert_eq!(import_markdown(&with_heading, "r", 1).unwrap().title, "Heading wins");
        for no_title in [
            "---\ntitle: |\n  block\n---\n\ntext",
            "---\nno end\n\n# Title",
            "---\n---\n\ntext",
        ] {
            let result = import_markdown(no_title, "r", 1);
            assert!(result.as_ref().is_err() || no_title.contains("# Title"), "{result:?}");
        }
    }

    #[test]
    fn a_byte_order_mark_and_any_line_ending_are_read() {
        let review = import_markdown("\u{feff}# Title\r\n\r\n## Notes\r\rnote\r\n", "r", 1).unwrap();
        assert_eq!((review.title.as_str(), review.notes.as_str()), ("Title", "note"));
    }
}
