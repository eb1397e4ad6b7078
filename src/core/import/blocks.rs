//! Block Markdown: a document as headings, paragraphs, lists, tables, rules, code blocks and quotes.
//!
//! It follows CommonMark's block rules with GFM tables, so that the spellings editors choose read the same:
//! ATX or setext headings, any bullet, any indentation a list item allows, lazy continuation lines, padded or
//! unpadded tables with or without outer pipes. Inline content is kept as source for `inline::parse`.

use super::inline::{parse as parse_inline, plain};
use super::table::table;

/// Lists and quotes nested deeper than this read as text, so no input can exhaust the stack.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Block {
    /// A heading of `level` 1 to 6, with its inline source.
    Heading {
        level: usize,
        text: String,
    },
    /// A paragraph's inline source: its lines joined by `\n`, the white space the block strips removed.
    Paragraph(String),
    /// A bullet list (`start` is `None`) or an ordered list; each item is a sequence of blocks.
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// A table's header and rows as the inline source of each cell, with as many cells in a row as in the header.
    Table {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    Rule,
    Code {
        info: String,
        text: String,
    },
    Quote(Vec<Block>),
}

/// Reads a document (line breaks already `\n`) into blocks.
pub(super) fn parse(text: &str) -> Vec<Block> {
    let lines: Vec<String> = text.split('\n').map(str::to_owned).collect();
    parse_lines(&lines, 0)
}

fn parse_lines(lines: &[String], depth: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let line = &lines[index];
        if is_blank(line) {
            index += 1;
            continue;
        }
        let (block, next) = if indent_of(line) >= 4 {
            indented_code(lines, index)
        } else {
            let rest = line.trim_start_matches(' ');
            if let Some((fence, length)) = fence_start(rest) {
                fenced_code(lines, index, fence, length, indent_of(line))
            } else if let Some(heading) = atx_heading(rest) {
                (heading, index + 1)
            } else if is_rule(rest) {
                (Block::Rule, index + 1)
            } else if rest.starts_with('>') && depth < MAX_DEPTH {
                quote(lines, index, depth)
            } else if let Some(start) = item_start(line).filter(|_| depth < MAX_DEPTH) {
                list(lines, index, start, depth)
            } else if let Some(table) = table(lines, index) {
                table
            } else {
                paragraph(lines, index)
            }
        };
        blocks.push(block);
        index = next;
    }
    blocks
}

pub(super) fn is_blank(line: &str) -> bool {
    line.trim_start_matches([' ', '\t']).is_empty()
}

/// Columns of leading white space, with tab stops every four columns.
pub(super) fn indent_of(line: &str) -> usize {
    let mut columns = 0;
    for c in line.chars() {
        match c {
            ' ' => columns += 1,
            '\t' => columns += 4 - columns % 4,
            _ => break,
        }
    }
    columns
}

/// The line without its first `columns` columns of white space (fewer if it has fewer).
fn strip_columns(line: &str, columns: usize) -> String {
    let mut column = 0;
    for (position, c) in line.char_indices() {
        if column >= columns {
            return line[position..].to_owned();
        }
        match c {
            ' ' => column += 1,
            '\t' => {
                let width = 4 - column % 4;
                if column + width > columns {
                    // A tab straddling the edge leaves its remaining columns as spaces.
                    return " ".repeat(column + width - columns) + &line[position + 1..];
                }
                column += width;
            }
            _ => return line[position..].to_owned(),
        }
    }
    String::new()
}

fn indented_code(lines: &[String], index: usize) -> (Block, usize) {
    let mut end = index;
    let mut next = index;
    while next < lines.len() && (is_blank(&lines[next]) || indent_of(&lines[next]) >= 4) {
        if !is_blank(&lines[next]) {
            end = next;
        }
        next += 1;
    }
    let text = lines[index..=end]
        .iter()
        .map(|line| strip_columns(line, 4))
        .collect::<Vec<_>>()
        .join("\n");
    (
        Block::Code {
            info: String::new(),
            text,
        },
        end + 1,
    )
}

/// A code fence opening the line: its character and length.
fn fence_start(rest: &str) -> Option<(char, usize)> {
    let fence = rest.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let length = rest.len() - rest.trim_start_matches(fence).len();
    let info = &rest[length..];
    (length >= 3 && !(fence == '`' && info.contains('`'))).then_some((fence, length))
}

fn fenced_code(lines: &[String], index: usize, fence: char, length: usize, indent: usize) -> (Block, usize) {
    let info = lines[index].trim_start_matches(' ')[length..].trim_matches([' ', '\t']);
    let info = plain(&parse_inline(info));
    let mut body = Vec::new();
    let mut next = index + 1;
    while next < lines.len() {
        let line = &lines[next];
        next += 1;
        let rest = line.trim_start_matches(' ');
        let run = rest.len() - rest.trim_start_matches(fence).len();
        if indent_of(line) < 4 && run >= length && is_blank(&rest[run..]) {
            break;
        }
        body.push(strip_columns(line, indent));
    }
    let text = body.join("\n");
    (Block::Code { info, text }, next)
}

fn atx_heading(rest: &str) -> Option<Block> {
    let level = rest.len() - rest.trim_start_matches('#').len();
    let after = &rest[level..];
    if !(1..=6).contains(&level) || !(after.is_empty() || after.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = after.trim_matches([' ', '\t']);
    let without_closing = text.trim_end_matches('#');
    if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        text = without_closing.trim_end_matches([' ', '\t']);
    }
    Some(Block::Heading {
        level,
        text: text.to_owned(),
    })
}

fn is_rule(rest: &str) -> bool {
    let Some(marker) = rest.chars().next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    rest.chars().all(|c| c == marker || c == ' ' || c == '\t') && rest.chars().filter(|c| *c == marker).count() >= 3
}

/// A setext underline: its heading level.
fn setext_underline(line: &str) -> Option<usize> {
    if indent_of(line) >= 4 {
        return None;
    }
    let rest = line.trim_matches([' ', '\t']);
    match rest.chars().next()? {
        '=' if rest.chars().all(|c| c == '=') => Some(1),
        '-' if rest.chars().all(|c| c == '-') => Some(2),
        _ => None,
    }
}

/// Whether the line starts a block that ends a paragraph before it.
pub(super) fn interrupts_paragraph(line: &str) -> bool {
    if indent_of(line) >= 4 {
        return false;
    }
    let rest = line.trim_start_matches(' ');
    fence_start(rest).is_some()
        || atx_heading(rest).is_some()
        || is_rule(rest)
        || rest.starts_with('>')
        || item_start(line).is_some_and(|start| !start.first.is_empty() && start.number.unwrap_or(1) == 1)
}

fn quote(lines: &[String], index: usize, depth: usize) -> (Block, usize) {
    let mut inner = Vec::new();
    let mut next = index;
    while next < lines.len() {
        let line = &lines[next];
        let rest = line.trim_start_matches(' ');
        if indent_of(line) < 4 && rest.starts_with('>') {
            let after = &rest[1..];
            inner.push(after.strip_prefix(' ').unwrap_or(after).to_owned());
        } else if !is_blank(line) && inner.last().is_some_and(|last| !is_blank(last)) && !interrupts_paragraph(line) {
            inner.push(line.clone());
        } else {
            break;
        }
        next += 1;
    }
    (Block::Quote(parse_lines(&inner, depth + 1)), next)
}

/// The start of a list item.
struct ItemStart {
    /// The bullet, or the delimiter after an ordered item's number.
    marker: char,
    number: Option<u64>,
    /// The column where the item's content starts.
    content_indent: usize,
    /// The item's first line.
    first: String,
}

fn item_start(line: &str) -> Option<ItemStart> {
    let indent = indent_of(line);
    if indent > 3 {
        return None;
    }
    let rest = line.trim_start_matches(' ');
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (marker, number, width) = match rest.chars().nth(digits)? {
        marker @ ('-' | '*' | '+') if digits == 0 => (marker, None, 1),
        marker @ ('.' | ')') if (1..=9).contains(&digits) => (marker, rest[..digits].parse().ok(), digits + 1),
        _ => return None,
    };
    let after = &rest[width..];
    let content = after.trim_start_matches([' ', '\t']);
    if content.is_empty() {
        return Some(ItemStart {
            marker,
            number,
            content_indent: indent + width + 1,
            first: String::new(),
        });
    }
    if !after.starts_with([' ', '\t']) {
        return None;
    }
    let spaces = indent_of(&format!(
        "{}{}",
        " ".repeat(indent + width),
        &after[..after.len() - content.len()]
    )) - indent
        - width;
    Some(if spaces > 4 {
        // Five or more spaces: the content is indented code, one space after the marker.
        ItemStart {
            marker,
            number,
            content_indent: indent + width + 1,
            first: " ".repeat(spaces - 1) + content,
        }
    } else {
        ItemStart {
            marker,
            number,
            content_indent: indent + width + spaces,
            first: content.to_owned(),
        }
    })
}

fn list(lines: &[String], mut index: usize, first: ItemStart, depth: usize) -> (Block, usize) {
    let (marker, start) = (first.marker, first.number);
    let mut items = Vec::new();
    let mut current = Some(first);
    while let Some(start) = current.take() {
        let mut content = vec![start.first];
        let mut next = index + 1;
        while next < lines.len() {
            let line = &lines[next];
            if is_blank(line) {
                let following = (next..lines.len())
                    .find(|&k| !is_blank(&lines[k]))
                    .unwrap_or(lines.len());
                let begins_blank = content.len() == 1 && content[0].is_empty();
                if begins_blank || following == lines.len() || indent_of(&lines[following]) < start.content_indent {
                    break;
                }
                content.extend((next..following).map(|_| String::new()));
                next = following;
            } else if indent_of(line) >= start.content_indent {
                content.push(strip_columns(line, start.content_indent));
                next += 1;
            } else if content.last().is_some_and(|last| !is_blank(last))
                && !interrupts_paragraph(line)
                && item_start(line).is_none_or(|item| !item.first.is_empty())
            {
                // A lazy continuation line of the item's paragraph.
                content.push(line.trim_start_matches([' ', '\t']).to_owned());
                next += 1;
            } else {
                break;
            }
        }
        items.push(parse_lines(&content, depth + 1));
        index = next;
        let following = (index..lines.len()).find(|&k| !is_blank(&lines[k]));
        if let Some(following) = following {
            let rest = lines[following].trim_start_matches(' ');
            current = item_start(&lines[following]).filter(|item| item.marker == marker && !is_rule(rest));
            if current.is_some() {
                index = following;
            }
        }
    }
    (Block::List { start, items }, index)
}

fn paragraph(lines: &[String], index: usize) -> (Block, usize) {
    let mut parts = vec![lines[index].trim_start_matches([' ', '\t'])];
    let mut next = index + 1;
    while next < lines.len() {
        let line = &lines[next];
        if is_blank(line) {
            break;
        }
        if let Some(level) = setext_underline(line) {
            let text = parts.join("\n").trim_end_matches([' ', '\t']).to_owned();
            return (Block::Heading { level, text }, next + 1);
        }
        if interrupts_paragraph(line) {
            break;
        }
        parts.push(line.trim_start_matches([' ', '\t']));
        next += 1;
    }
    let text = parts.join("\n").trim_end_matches([' ', '\t']).to_owned();
    (Block::Paragraph(text), next)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraph(text: &str) -> Block {
        Block::Paragraph(text.to_owned())
    }

    fn heading(level: usize, text: &str) -> Block {
        Block::Heading {
            level,
            text: text.to_owned(),
        }
    }

    #[test]
    fn headings_in_either_style() {
        assert_eq!(
            parse("Title\n=====\nSection\n---\n## ATX ##\n### C\\# ###\n#5 no"),
            [
                heading(1, "Title"),
                heading(2, "Section"),
                heading(2, "ATX"),
                heading(3, "C\\#"),
                paragraph("#5 no")
            ]
        );
    }

    #[test]
    fn list_items_by_any_bullet_indentation_and_lazy_lines() {
        let items = |blocks: Vec<Block>| match blocks.into_iter().next() {
            Some(Block::List { items, .. }) => items,
            other => panic!("{other:?}"),
        };
        let nested = items(parse("*   one\\\n    two\n    + inner\nlazy\n\n*   three"));
        assert_eq!(nested.len(), 2);
        assert_eq!(nested[0][0], paragraph("one\\\ntwo"));
        assert!(matches!(&nested[0][1], Block::List { items, .. } if items[0] == [paragraph("inner\nlazy")]));
        assert_eq!(items(parse("-\tx\n- y"))[1], [paragraph("y")]);
        assert_eq!(parse("- a\n* b").len(), 2, "another bullet starts another list");
        assert_eq!(parse("* * *"), [Block::Rule]);
    }

    #[test]
    fn tables_with_or_without_outer_pipes() {
        let expected = Block::Table {
            header: vec!["a".into(), "b".into()],
            rows: vec![vec!["1 | 2".into(), String::new()], vec!["3".into(), "4".into()]],
        };
        assert_eq!(
            parse("| a | b |\n| :-- | --: |\n| 1 \\| 2 |\n| 3 | 4 | 5 |"),
            std::slice::from_ref(&expected)
        );
        assert_eq!(parse("a   | b\n--- | ---\n1 \\| 2 |\n3 | 4 | 5"), [expected]);
        assert_eq!(parse("| a |\n|---|---|"), [paragraph("| a |\n|---|---|")]);
    }

    #[test]
    fn deep_nesting_stops_at_the_limit() {
        let deep = "- ".repeat(10_000) + "x";
        assert_eq!(parse(&deep).len(), 1);
        let quotes = ">".repeat(10_000);
        assert_eq!(parse(&quotes).len(), 1);
    }

    #[test]
    fn code_keeps_what_looks_like_structure() {
        assert_eq!(
            parse("```md\n# not a heading\n```\n    - not an item"),
            [
                Block::Code {
                    info: "md".into(),
                    text: "# not a heading".into()
                },
                Block::Code {
                    info: String::new(),
                    text: "- not an item".into()
                }
            ]
        );
    }
}
