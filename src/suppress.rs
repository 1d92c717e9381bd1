//! Inline suppressions, read from the input as written:
//! `<!-- claimscope-disable-next-line no-source -->` (Markdown, HTML) silences the next line,
//! `<!-- claimscope-disable no-period -->` … `<!-- claimscope-enable -->` a stretch, and
//! `claimscope: ignore[no-source]` at the end of a line of plain text that line. With no codes
//! listed, every flag is silenced. Suppressed flags are removed and counted, never lost silently.

use crate::model::Claim;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// Where flags are silenced: a byte range of the input and the codes (`None`: all).
#[derive(Debug, Clone, PartialEq)]
pub struct Silence {
    pub range: Range<usize>,
    pub codes: Option<Vec<String>>,
}

fn directive() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"<!--\s*claimscope-(?P<verb>disable-next-line|disable|enable)(?P<codes>[\sa-z,-]*?)\s*-->|claimscope:\s*ignore(?:\[(?P<inline>[a-z, -]*)\])?[ \t]*(?:\r?\n|$)",
        )
        .expect("static regex")
    })
}

fn codes(list: &str) -> Option<Vec<String>> {
    let v: Vec<String> =
        list.split(|c: char| c == ',' || c.is_whitespace()).filter(|s| !s.is_empty()).map(str::to_string).collect();
    (!v.is_empty()).then_some(v)
}

fn line_bounds(raw: &str, at: usize) -> Range<usize> {
    let start = raw[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = raw[at..].find('\n').map_or(raw.len(), |i| at + i);
    start..end
}

/// Every suppression in an input.
pub fn read(raw: &str) -> Vec<Silence> {
    let mut out = Vec::new();
    let mut open: Option<(usize, Option<Vec<String>>)> = None;
    for c in directive().captures_iter(raw) {
        let m = c.get(0).expect("group 0");
        if let Some(list) = c.name("inline") {
            out.push(Silence { range: line_bounds(raw, m.start()), codes: codes(list.as_str()) });
            continue;
        }
        if c.name("verb").is_none() {
            // A bare `claimscope: ignore` at a line end silences its whole line.
            out.push(Silence { range: line_bounds(raw, m.start()), codes: None });
            continue;
        }
        let list = c.name("codes").map_or("", |x| x.as_str());
        match &c["verb"] {
            "disable-next-line" => {
                let here = line_bounds(raw, m.start());
                if here.end < raw.len() {
                    out.push(Silence { range: line_bounds(raw, here.end + 1), codes: codes(list) });
                }
            }
            "disable" => {
                if let Some((start, codes)) = open.take() {
                    out.push(Silence { range: start..m.start(), codes });
                }
                open = Some((m.end(), codes(list)));
            }
            _ => {
                if let Some((start, codes)) = open.take() {
                    out.push(Silence { range: start..m.start(), codes });
                }
            }
        }
    }
    if let Some((start, codes)) = open {
        out.push(Silence { range: start..raw.len(), codes });
    }
    out
}

/// Removes the silenced flags from `claims`; returns how many were removed.
pub fn apply(silences: &[Silence], claims: &mut [Claim]) -> usize {
    if silences.is_empty() {
        return 0;
    }
    let mut removed = 0;
    for c in claims {
        let here: Vec<&Silence> =
            silences.iter().filter(|s| s.range.start <= c.span.start && c.span.start <= s.range.end).collect();
        if here.is_empty() {
            continue;
        }
        let before = c.flags.len();
        c.flags.retain(|f| !here.iter().any(|s| s.codes.as_ref().is_none_or(|list| list.contains(&f.code))));
        removed += before - c.flags.len();
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Scanner};

    fn flags_after(raw: &str) -> (Vec<Vec<String>>, usize) {
        let mut claims = Scanner::with_defaults().unwrap().scan(&Document::from_text(raw.to_string()));
        let removed = apply(&read(raw), &mut claims);
        (claims.iter().map(|c| c.flags.iter().map(|f| f.code.clone()).collect()).collect(), removed)
    }

    #[test]
    fn next_line_ranges_and_inline_ignores() {
        let base = flags_after("Acme held 31% of the market.\n").0;
        assert!(base[0].contains(&"no-source".to_string()) && base[0].contains(&"no-period".to_string()));

        let (f, n) = flags_after("<!-- claimscope-disable-next-line no-source -->\nAcme held 31% of the market.\n");
        assert!(!f[0].contains(&"no-source".to_string()) && f[0].contains(&"no-period".to_string()));
        assert_eq!(n, 1);

        let text = "<!-- claimscope-disable no-period, no-source -->\nAcme held 31% of the market.\n\
                    <!-- claimscope-enable -->\nBolt held 20% of the market.\n";
        let (f, n) = flags_after(text);
        assert!(!f[0].iter().any(|c| c == "no-period" || c == "no-source"), "{f:?}");
        assert!(f[1].contains(&"no-period".to_string()), "after enable: {f:?}");
        assert_eq!(n, 2);

        let (f, n) =
            flags_after("Acme held 31% of the market. claimscope: ignore[no-source]\nBolt held 20% of the market.\n");
        assert!(!f[0].contains(&"no-source".to_string()) && f[1].contains(&"no-source".to_string()));
        assert_eq!(n, 1);

        let (f, _) = flags_after("Acme held 31% of the market. claimscope: ignore\n");
        assert!(f[0].is_empty(), "a bare ignore silences every flag on its line: {f:?}");
    }
}
