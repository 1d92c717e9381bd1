//! `--format json` (one object, the contract) and `--format jsonl` (one claim per line).

use crate::model::{CONTRACT_VERSION, Claim, DocumentReport, InputError, Report};
use serde::Serialize;
use serde_json::{Map, Value};
use std::io::{self, Write};

pub fn report(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("the report model always serializes")
}

/// The report object written a document at a time, so a long run holds none of them: the
/// same JSON as [`report`] gives for the whole.
pub struct ReportWriter {
    documents: usize,
    errors: Vec<InputError>,
}

impl ReportWriter {
    pub fn begin(out: &mut impl Write) -> io::Result<ReportWriter> {
        write!(out, "{{\n  \"version\": {CONTRACT_VERSION},\n  \"documents\": [")?;
        Ok(ReportWriter { documents: 0, errors: Vec::new() })
    }

    pub fn document(&mut self, out: &mut impl Write, doc: &DocumentReport) -> io::Result<()> {
        let text = serde_json::to_string_pretty(doc).expect("documents always serialize");
        out.write_all(if self.documents == 0 { b"\n" } else { b",\n" })?;
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "    {line}")?;
        }
        self.documents += 1;
        Ok(())
    }

    /// Errors are few and small: they are kept and written after the documents.
    pub fn error(&mut self, e: InputError) {
        self.errors.push(e);
    }

    pub fn end(self, out: &mut impl Write) -> io::Result<()> {
        out.write_all(if self.documents == 0 { b"]" } else { b"\n  ]" })?;
        if !self.errors.is_empty() {
            let text = serde_json::to_string_pretty(&self.errors).expect("errors always serialize");
            write!(out, ",\n  \"errors\": ")?;
            for (i, line) in text.lines().enumerate() {
                if i > 0 {
                    write!(out, "\n  ")?;
                }
                out.write_all(line.as_bytes())?;
            }
        }
        writeln!(out, "\n}}")
    }
}

#[derive(Serialize)]
struct Line<'a> {
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<&'a Map<String, Value>>,
    #[serde(flatten)]
    claim: &'a Claim,
}

/// One line per claim, each carrying its document's path (and a record's meta),
/// newline-terminated.
pub fn lines(path: &str, meta: Option<&Map<String, Value>>, claims: &[Claim]) -> String {
    let mut out = String::new();
    for claim in claims {
        out.push_str(&serde_json::to_string(&Line { path, meta, claim }).expect("claims always serialize"));
        out.push('\n');
    }
    out
}

/// An input error as a JSONL line: `{"path": ..., "line": ..., "error": ...}`.
pub fn error_line(e: &InputError) -> String {
    let mut s = serde_json::to_string(e).expect("errors always serialize");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Lang;

    #[test]
    fn the_streamed_report_is_the_whole_report() {
        let doc = |path: &str| DocumentReport {
            path: path.into(),
            lang: Lang::En,
            claims: Vec::new(),
            notices: vec!["a note".into()],
            voice: None,
            meta: None,
            published: None,
            suppressed: 0,
        };
        let errors = vec![InputError { path: "x".into(), line: Some(3), error: "not JSON".into() }];
        for (docs, errs) in [(vec![], vec![]), (vec![doc("a"), doc("b")], errors.clone()), (vec![doc("a")], vec![])] {
            let mut out = Vec::new();
            let mut w = ReportWriter::begin(&mut out).unwrap();
            for d in &docs {
                w.document(&mut out, d).unwrap();
            }
            for e in &errs {
                w.error(e.clone());
            }
            w.end(&mut out).unwrap();
            let whole = Report { version: CONTRACT_VERSION, documents: docs, errors: errs };
            let streamed: Value = serde_json::from_slice(&out).unwrap();
            assert_eq!(streamed, serde_json::to_value(&whole).unwrap());
            assert_eq!(String::from_utf8(out).unwrap().trim_end(), report(&whole));
        }
    }
}
