//! Tables: a share under a "YoY growth" header or in a "Total" row is no claim, however much
//! it looks like one. Rows are blocks whose cells are separated by `|` (Markdown rows as
//! written, HTML rows as the reader lays them out); the header is the first row of the table.

use crate::matcher::Candidate;
use crate::rules::RuleSet;
use crate::segments::{BlockKind, Layout};
use std::ops::Range;

/// The cells of a row: `|`-separated, trimmed, the empty edges of `| a | b |` dropped.
fn cells(text: &str, row: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = row.start;
    for (i, b) in text[row.clone()].bytes().enumerate() {
        if b == b'|' {
            out.push(start..row.start + i);
            start = row.start + i + 1;
        }
    }
    out.push(start..row.end);
    let trimmed: Vec<Range<usize>> = out
        .into_iter()
        .map(|r| {
            let cell = &text[r.clone()];
            let lead = cell.len() - cell.trim_start().len();
            // A blank cell trims to an empty range at its start, never a reversed one.
            r.start + lead..r.start + cell.trim_end().len().max(lead)
        })
        .collect();
    let mut cells = trimmed.as_slice();
    if cells.first().is_some_and(|r| r.is_empty()) {
        cells = &cells[1..];
    }
    if cells.last().is_some_and(|r| r.is_empty()) {
        cells = &cells[..cells.len() - 1];
    }
    cells.to_vec()
}

/// Whether a table exclude removes the candidate.
pub fn excluded(set: &RuleSet, text: &str, layout: &Layout, c: &Candidate) -> bool {
    if set.tables.is_empty() {
        return false;
    }
    let block = layout.sentences[c.sentence].block;
    if layout.blocks[block].kind != BlockKind::TableRow {
        return false;
    }
    let row = cells(text, layout.blocks[block].range.clone());
    let Some(col) = row.iter().position(|r| r.start <= c.span.start && c.span.start < r.end.max(r.start + 1)) else {
        return false;
    };
    let applies = |t: &&crate::rules::TableExclude| t.kinds.contains(&c.kind);
    if col > 0
        && let Some(first) = row.first()
        && set
            .tables
            .iter()
            .filter(applies)
            .any(|t| t.first_cell.as_ref().is_some_and(|p| p.is_match(&text[first.clone()])))
    {
        return true;
    }
    // The header: the first row of the table with cells, if it is not this one.
    let para = layout.paragraph_of(block);
    let Some(head) = (para.start..block).find(|&b| text[layout.blocks[b].range.clone()].contains('|')) else {
        return false;
    };
    let header = cells(text, layout.blocks[head].range.clone());
    if header.len() != row.len() {
        return false;
    }
    let label = &text[header[col].clone()];
    set.tables.iter().filter(applies).any(|t| t.header.as_ref().is_some_and(|p| p.is_match(label)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_of_markdown_and_html_rows() {
        let md = "| 1 | Amazon | 30% |";
        let got: Vec<&str> = cells(md, 0..md.len()).into_iter().map(|r| &md[r]).collect();
        assert_eq!(got, ["1", "Amazon", "30%"]);
        let html = "Acme | 30% | 12%";
        let got: Vec<&str> = cells(html, 0..html.len()).into_iter().map(|r| &html[r]).collect();
        assert_eq!(got, ["Acme", "30%", "12%"]);
    }

    /// The fuzzer cut a Markdown table so that a row began with a blank cell: trimming made its
    /// range end before it started, and slicing it panicked.
    #[test]
    fn regression_blank_cell_range_is_not_reversed() {
        let blank = "|   | 5% |";
        let got: Vec<&str> = cells(blank, 0..blank.len()).into_iter().map(|r| &blank[r]).collect();
        assert_eq!(got, ["", "5%"]);
    }
}
