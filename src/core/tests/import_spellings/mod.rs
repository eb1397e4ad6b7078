//! Other spellings of an exported review: rewrites that editors, wikis and formatters make and that render the
//! same (checked with a CommonMark parser), shared by the import tests.
#![allow(dead_code)]

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// One way to spell the same document.
pub struct Spelling {
    pub name: &'static str,
    /// Whether the rewrite renders exactly as the original; loose lists add paragraphs inside the items.
    pub renders_the_same: bool,
    /// A formatter's rewrite, which may itself change how some hostile text renders.
    pub formatter: bool,
    pub rewrite: fn(&str) -> String,
}

/// Every spelling: hand-written rewrites, their combination, and two Markdown formatters.
pub fn spellings() -> Vec<Spelling> {
    let spelling = |name, rewrite| Spelling {
        name,
        renders_the_same: true,
        formatter: false,
        rewrite,
    };
    let formatter = |name, rewrite| Spelling {
        formatter: true,
        ..spelling(name, rewrite)
    };
    vec![
        spelling("emphasis with underscores", underscore_emphasis),
        spelling("star bullets, content at column 4", star_bullets),
        spelling("plus bullets", plus_bullets),
        spelling("setext and closed ATX headings", setext_headings),
        spelling("padded tables", padded_tables),
        spelling("tables without outer pipes", bare_tables),
        spelling("CRLF and trailing white space", crlf_and_trailing_whitespace),
        spelling("hard breaks as two spaces", two_space_hard_breaks),
        spelling("escapes added and dropped, references", escapes_and_references),
        spelling("wrapped at 40 columns", |text| wrapped(text, false)),
        spelling("wrapped with lazy continuation lines", |text| wrapped(text, true)),
        spelling("no blank line after headings", compact_headings),
        spelling("YAML front matter", front_matter),
        spelling("all hand-written rewrites at once", everything),
        formatter("comrak", |text| comrak(text, 0, comrak::options::ListStyleType::Plus)),
        formatter("comrak wrapped at 50", |text| {
            comrak(text, 50, comrak::options::ListStyleType::Star)
        }),
        formatter("pulldown-cmark-to-cmark", to_cmark),
        Spelling {
            renders_the_same: false,
            ..spelling("loose lists", loose_lists)
        },
    ]
}

/// What a document renders as: pulldown-cmark's events with text merged and soft breaks read as spaces.
pub fn rendering(markdown: &str) -> Vec<String> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut out = Vec::new();
    let mut text = String::new();
    let mut in_metadata = false;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            _ if in_metadata => {}
            Event::Text(part) => text.push_str(&part),
            Event::SoftBreak => text.push(' '),
            other => {
                if !text.is_empty() {
                    out.push(format!("text {:?}", std::mem::take(&mut text)));
                }
                out.push(format!("{other:?}"));
            }
        }
    }
    if !text.is_empty() {
        out.push(format!("text {text:?}"));
    }
    out
}

/// Applies `change` to each character that is not backslash-escaped, copying escapes as they are.
fn map_unescaped(text: &str, change: impl Fn(&str, usize, char) -> Option<String>) -> String {
    let mut out = String::new();
    let (mut escaped, mut in_angle) = (false, false);
    for (position, c) in text.char_indices() {
        // An unescaped `<` in an export opens an autolink or `<br>`, whose text is literal: it is left as it is.
        if in_angle {
            out.push(c);
            in_angle = c != '>';
        } else if escaped {
            out.push(c);
            escaped = false;
        } else if c == '<' {
            out.push(c);
            in_angle = true;
        } else if c == '\\' {
            out.push(c);
            escaped = true;
        } else if let Some(replacement) = change(text, position, c) {
            out.push_str(&replacement);
        } else {
            out.push(c);
        }
    }
    out
}

fn map_lines(text: &str, change: impl Fn(&str) -> String) -> String {
    text.split('\n').map(change).collect::<Vec<_>>().join("\n")
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// A list item line of the export: its indentation and its text.
fn item(line: &str) -> Option<(usize, &str)> {
    line.trim_start_matches(' ')
        .strip_prefix("- ")
        .map(|rest| (indent(line), rest))
}

pub fn underscore_emphasis(text: &str) -> String {
    map_unescaped(text, |_, _, c| (c == '*').then(|| "_".to_owned()))
}

/// `*` bullets followed by three spaces, so content sits at column 4 and nested items at column 4 further.
pub fn star_bullets(text: &str) -> String {
    map_lines(text, |line| match item(line) {
        Some((spaces, rest)) => format!("{}*   {rest}", " ".repeat(spaces * 2)),
        None if line.starts_with(' ') => format!("{}{}", " ".repeat(indent(line) * 2), line.trim_start_matches(' ')),
        None => line.to_owned(),
    })
}

pub fn plus_bullets(text: &str) -> String {
    map_lines(text, |line| match item(line) {
        Some((spaces, rest)) => format!("{}+ {rest}", " ".repeat(spaces)),
        None => line.to_owned(),
    })
}

/// Title and sections as setext headings, questions with a closing sequence.
pub fn setext_headings(text: &str) -> String {
    map_lines(text, |line| {
        let underline = |c: &str, heading: &str| format!("{heading}\n{}", c.repeat(heading.chars().count().max(3)));
        if let Some(heading) = line.strip_prefix("# ") {
            underline("=", heading)
        } else if let Some(heading) = line.strip_prefix("## ") {
            underline("-", heading)
        } else if let Some(heading) = line.strip_prefix("### ") {
            format!("### {heading} ###")
        } else {
            line.to_owned()
        }
    })
}

/// The cells of a table line, split at unescaped pipes, trimmed.
fn cells(line: &str) -> Vec<String> {
    let markdown_space = [' ', '\t'];
    let line = line.trim_matches(markdown_space);
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let marked = map_unescaped(inner, |_, _, c| (c == '|').then(|| "\u{0}".to_owned()));
    marked
        .split('\u{0}')
        .map(|cell| cell.trim_matches(markdown_space).to_owned())
        .collect()
}

/// Rewrites each table (a run of lines starting with `|`) with `row`, given the column widths.
fn rewrite_tables(text: &str, row: fn(&[String], &[usize], bool) -> String) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        if !lines[index].starts_with('|') {
            out.push(lines[index].to_owned());
            index += 1;
            continue;
        }
        let end = (index..lines.len())
            .find(|&k| !lines[k].starts_with('|'))
            .unwrap_or(lines.len());
        let table: Vec<Vec<String>> = lines[index..end].iter().map(|line| cells(line)).collect();
        let mut widths = vec![3; table[0].len()];
        for (number, cells) in table.iter().enumerate().filter(|(number, _)| *number != 1) {
            assert_eq!(cells.len(), widths.len(), "row {number} of a table");
            for (width, cell) in widths.iter_mut().zip(cells) {
                *width = (*width).max(cell.chars().count());
            }
        }
        out.extend(
            table
                .iter()
                .enumerate()
                .map(|(number, cells)| row(cells, &widths, number == 1)),
        );
        index = end;
    }
    out.join("\n")
}

pub fn padded_tables(text: &str) -> String {
    rewrite_tables(text, |cells, widths, separator| {
        let cells: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(cell, width)| match separator {
                true => "-".repeat(*width),
                false => format!("{cell}{}", " ".repeat(width - cell.chars().count())),
            })
            .collect();
        format!("| {} |", cells.join(" | "))
    })
}

pub fn bare_tables(text: &str) -> String {
    rewrite_tables(text, |cells, _, separator| match separator {
        true => vec!["---"; cells.len()].join(" | "),
        false => cells.join(" | "),
    })
}

/// Whether a line ends in a backslash hard break (an odd run of backslashes).
fn ends_in_hard_break(line: &str) -> bool {
    (line.len() - line.trim_end_matches('\\').len()) % 2 == 1
}

/// CRLF line ends, and white space after every line that ends a block (elsewhere two spaces would be a break).
pub fn crlf_and_trailing_whitespace(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let ends_block = |index: usize| {
        let next = lines
            .get(index + 1)
            .map_or("", |next| next.trim_start_matches([' ', '\t']));
        next.is_empty()
            || next.starts_with(['#', '|', '='])
            || ["- ", "* ", "+ ", "---"].iter().any(|start| next.starts_with(start))
    };
    let spaced: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(index, line)| match !ends_in_hard_break(line) && ends_block(index) {
            true => format!("{line}   "),
            false => (*line).to_owned(),
        })
        .collect();
    spaced.join("\r\n")
}

pub fn two_space_hard_breaks(text: &str) -> String {
    map_lines(text, |line| {
        let content = line.trim_start_matches(' ').trim_end_matches('\\');
        if ends_in_hard_break(line) && !content.is_empty() {
            format!("{}  ", &line[..line.len() - 1])
        } else {
            line.to_owned()
        }
    })
}

/// Escapes punctuation that needs none, writes quotes as character references, and drops escapes of `&` and
/// `#` where they mean nothing.
pub fn escapes_and_references(text: &str) -> String {
    let text = map_unescaped(text, |_, _, c| match c {
        '(' | ')' | '.' | ',' | ':' | '!' | '?' => Some(format!("\\{c}")),
        '"' => Some("&quot;".to_owned()),
        '\u{201c}' => Some("&#x201C;".to_owned()),
        '\u{201d}' => Some("&#8221;".to_owned()),
        '\u{2019}' => Some("&rsquo;".to_owned()),
        _ => None,
    });
    map_lines(&text, |line| {
        let mut out = String::new();
        let mut chars = line.char_indices().peekable();
        while let Some((position, c)) = chars.next() {
            let next = chars.peek().map(|&(_, next)| next);
            let after = line[position..].chars().nth(2);
            let needless = match next {
                Some('&') => after.is_none_or(|after| after == ' '),
                Some('#') => position > 0 && after.is_some_and(|after| after.is_ascii_alphanumeric()),
                _ => false,
            };
            if c == '\\' && needless {
                continue;
            }
            out.push(c);
            if c == '\\' {
                if let Some((_, next)) = chars.next() {
                    out.push(next);
                }
            }
        }
        out
    })
}

/// Wraps paragraph and list lines at 40 columns, at single spaces before a word that starts with a letter;
/// continuation lines are indented to the item's content, or not at all (lazy continuation lines).
pub fn wrapped(text: &str, lazy: bool) -> String {
    map_lines(text, |line| {
        if line.starts_with(['#', '|']) || line.trim_matches(' ').is_empty() || line == "---" {
            return line.to_owned();
        }
        let content_column = item(line).map_or(indent(line), |(spaces, _)| spaces + 2);
        let continuation = if lazy {
            String::new()
        } else {
            " ".repeat(content_column)
        };
        let mut out = String::new();
        let mut column = 0;
        let bytes = line.as_bytes();
        for (position, c) in line.char_indices() {
            let breakable = c == ' '
                && position > content_column
                && bytes.get(position + 1).is_some_and(u8::is_ascii_alphabetic)
                && bytes[position - 1] != b' ';
            if breakable && column >= 40 {
                out.push('\n');
                out.push_str(&continuation);
                column = continuation.len();
                continue;
            }
            out.push(c);
            column += 1;
        }
        out
    })
}

pub fn compact_headings(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let kept: Vec<&str> = lines
        .iter()
        .enumerate()
        .filter(|(index, line)| !(line.is_empty() && *index > 0 && lines[index - 1].starts_with('#')))
        .map(|(_, line)| *line)
        .collect();
    kept.join("\n")
}

pub fn front_matter(text: &str) -> String {
    format!("---\ntitle: \"Another title: not used, the heading is\"\ntags: [incident, review]\n---\n{text}")
}

pub fn loose_lists(text: &str) -> String {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        if item(line).is_some() && index > 0 && !lines[index - 1].is_empty() {
            out.push("");
        }
        out.push(line);
    }
    out.join("\n")
}

pub fn everything(text: &str) -> String {
    let text = underscore_emphasis(text);
    let text = star_bullets(&text);
    let text = setext_headings(&text);
    let text = padded_tables(&text);
    let text = escapes_and_references(&text);
    let text = two_space_hard_breaks(&text);
    let text = wrapped(&text, true);
    crlf_and_trailing_whitespace(&text)
}

pub fn comrak(text: &str, width: usize, list_style: comrak::options::ListStyleType) -> String {
    let mut options = comrak::Options::default();
    options.extension.table = true;
    options.extension.strikethrough = true;
    options.render.width = width;
    options.render.list_style = list_style;
    comrak::markdown_to_commonmark(text, &options)
}

pub fn to_cmark(text: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out = String::new();
    match pulldown_cmark_to_cmark::cmark(Parser::new_ext(text, options), &mut out, options) {
        Ok(_) => out,
        // What it cannot write (some hostile text), it leaves as it was.
        Err(_) => text.to_owned(),
    }
}
