//! GFM tables: a header row, a delimiter row with as many cells, and the rows up to a blank line or another
//! block, with or without outer pipes, padded or not.

use super::blocks::{indent_of, interrupts_paragraph, is_blank, Block};

/// The table starting at `lines[index]`, if there is one, and the index of the line after it.
pub(super) fn table(lines: &[String], index: usize) -> Option<(Block, usize)> {
    let header_line = &lines[index];
    let delimiter = lines.get(index + 1)?;
    if !header_line.contains('|') && !delimiter.contains('|') {
        return None;
    }
    let header = split_row(header_line);
    let delimiters = split_row(delimiter);
    let is_delimiter = |cell: &String| {
        let dashes = cell.strip_prefix(':').unwrap_or(cell);
        let dashes = dashes.strip_suffix(':').unwrap_or(dashes);
        !dashes.is_empty() && dashes.chars().all(|c| c == '-')
    };
    if indent_of(delimiter) >= 4 || header.len() != delimiters.len() || !delimiters.iter().all(is_delimiter) {
        return None;
    }
    let mut rows = Vec::new();
    let mut next = index + 2;
    while next < lines.len() && !is_blank(&lines[next]) && !interrupts_paragraph(&lines[next]) {
        let mut row = split_row(&lines[next]);
        row.resize(header.len(), String::new());
        rows.push(row);
        next += 1;
    }
    Some((Block::Table { header, rows }, next))
}

/// The cells of a table row: trimmed, with `\|` read as `|` before the inline content is parsed (as in GFM).
fn split_row(line: &str) -> Vec<String> {
    let row = line.trim_matches([' ', '\t']);
    let row = row.strip_prefix('|').unwrap_or(row);
    let mut cells = vec![String::new()];
    let mut previous = None;
    for c in row.chars() {
        let cell = cells.last_mut().expect("a cell");
        match c {
            '|' if previous == Some('\\') => {
                cell.pop();
                cell.push('|');
            }
            '|' => cells.push(String::new()),
            _ => cell.push(c),
        }
        previous = Some(c);
    }
    if cells.len() > 1 && cells.last().is_some_and(|cell| is_blank(cell)) && row.ends_with('|') {
        cells.pop();
    }
    cells
        .iter()
        .map(|cell| cell.trim_matches([' ', '\t']).to_owned())
        .collect()
}
