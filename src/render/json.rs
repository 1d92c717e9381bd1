//! `--format json` (one object, the contract) and `--format jsonl` (one claim per line).

use crate::model::{Claim, Report};
use serde::Serialize;

pub fn report(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("the report model always serializes")
}

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(flatten)]
    claim: &'a Claim,
}

/// One line per claim, each carrying its document's path, newline-terminated.
pub fn lines(path: &str, claims: &[Claim]) -> String {
    let mut out = String::new();
    for claim in claims {
        out.push_str(&serde_json::to_string(&Line { path, claim }).expect("claims always serialize"));
        out.push('\n');
    }
    out
}
