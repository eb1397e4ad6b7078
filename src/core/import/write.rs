//! Blocks written back as Markdown in one spelling, for the notes.

use super::blocks::Block;
use super::inline::{parse as parse_inline, plain};

/// Writes blocks back as Markdown in one spelling (ATX headings, `-` bullets, `*` emphasis, plain tables), so
/// a section gotlucky does not know is kept in the notes the same way however the file spelled it.
pub(super) fn write(blocks: &[Block]) -> String {
    blocks.iter().map(write_block).collect::<Vec<_>>().join("\n\n")
}

fn write_block(block: &Block) -> String {
    let text = |source: &str| plain(&parse_inline(source));
    match block {
        Block::Heading { level, text: source } => format!("{} {}", "#".repeat(*level), text(source)),
        Block::Paragraph(source) => text(source),
        Block::List { start, items } => items
            .iter()
            .enumerate()
            .map(|(position, item)| {
                let marker = match start {
                    Some(start) => format!("{}. ", start.saturating_add(position as u64)),
                    None => "- ".to_owned(),
                };
                let indent = " ".repeat(marker.len());
                let body = write(item).replace('\n', &format!("\n{indent}"));
                format!("{marker}{body}").replace(&format!("\n{indent}\n"), "\n\n")
            })
            .collect::<Vec<_>>()
            .join("\n"),
        Block::Table { header, rows } => {
            let row = |cells: &[String]| {
                let cells: Vec<String> = cells.iter().map(|cell| text(cell).replace('\n', "<br>")).collect();
                format!("| {} |", cells.join(" | "))
            };
            let mut lines = vec![row(header), format!("|{}", "---|".repeat(header.len()))];
            lines.extend(rows.iter().map(|cells| row(cells)));
            lines.join("\n")
        }
        Block::Rule => "---".to_owned(),
        Block::Code { info, text } => {
            let fence = "`".repeat(3.max(longest_run(text, '`') + 1));
            format!("{fence}{info}\n{text}\n{fence}")
        }
        Block::Quote(blocks) => write(blocks)
            .split('\n')
            .map(|line| {
                if line.is_empty() {
                    ">".to_owned()
                } else {
                    format!("> {line}")
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

fn longest_run(text: &str, c: char) -> usize {
    text.split(|other| other != c).map(str::len).max().unwrap_or(0)
}
