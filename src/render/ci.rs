//! Formats for tools people already run: GitHub Actions workflow commands, and CSV for
//! spreadsheets (one row per claim with every scope field).

use crate::model::{Claim, Severity, Tag};

/// Workflow commands escape `%`, CR and LF in messages, and also `:` and `,` in properties.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// One `::error`/`::warning`/`::notice` line per flag, placed at its claim; a claim without
/// flags prints nothing (annotations are for what needs attention).
pub fn github(path: &str, claims: &[Claim]) -> String {
    let mut out = String::new();
    for c in claims {
        for f in &c.flags {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            let (line, col) = (c.span.line, c.span.column);
            let title = escape_property(&format!("claimscope {}", f.code));
            let msg = escape_data(&format!("{} claim \"{}\": {}", c.kind, c.text, f.message));
            out.push_str(&format!(
                "::{level} file={},line={line},col={col},title={title}::{msg}\n",
                escape_property(path)
            ));
        }
    }
    out
}

pub const CSV_HEADER: [&str; 22] = [
    "path",
    "line",
    "column",
    "start",
    "end",
    "kind",
    "rule",
    "text",
    "value",
    "top",
    "subject",
    "subject_id",
    "metric",
    "metric_id",
    "market",
    "market_id",
    "geography",
    "geography_id",
    "period",
    "source",
    "source_id",
    "flags",
];

/// The CSV header line.
pub fn csv_header() -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER).expect("writing to memory");
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("UTF-8 fields")
}

/// One CSV row per claim of a document, every scope field as text and id.
pub fn csv_rows(path: &str, claims: &[Claim]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let text = |t: &Option<Tag>| t.as_ref().map(|t| t.text.clone()).unwrap_or_default();
    let id = |t: &Option<Tag>| t.as_ref().and_then(|t| t.id.clone()).unwrap_or_default();
    for c in claims {
        let flags: Vec<&str> = c.flags.iter().map(|f| f.code.as_str()).collect();
        w.write_record([
            path.to_string(),
            c.span.line.to_string(),
            c.span.column.to_string(),
            c.span.start.to_string(),
            c.span.end.to_string(),
            c.kind.as_str().to_string(),
            c.rule.clone(),
            c.text.clone(),
            c.value.map(|v| v.to_string()).unwrap_or_default(),
            c.top.map(|v| v.to_string()).unwrap_or_default(),
            text(&c.subject),
            id(&c.subject),
            text(&c.scope.metric),
            id(&c.scope.metric),
            text(&c.scope.market),
            id(&c.scope.market),
            text(&c.scope.geography),
            id(&c.scope.geography),
            text(&c.scope.period),
            text(&c.scope.source),
            id(&c.scope.source),
            flags.join(" "),
        ])
        .expect("writing to memory");
    }
    String::from_utf8(w.into_inner().expect("writing to memory")).expect("UTF-8 fields")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Scanner};

    fn claims(text: &str) -> Vec<Claim> {
        Scanner::with_defaults().unwrap().scan(&Document::from_text(text.to_string()))
    }

    #[test]
    fn a_workflow_command_per_flag_with_its_place() {
        let out = github("docs/a,b.md", &claims("Intro.\nAcme is the No. 1 brand, with 100% satisfaction."));
        let first = out.lines().next().expect("a flagged claim");
        assert!(first.starts_with("::warning file=docs/a%2Cb.md,line=2,col="), "{out}");
        assert!(first.contains("title=claimscope no-metric::rank claim \"No. 1\""), "{out}");
    }

    #[test]
    fn csv_rows_quote_what_needs_quoting() {
        let rows = csv_rows("a.txt", &claims("据IDC数据，2024年阿里云以26.1%的份额位居第一，领先\"第二名\"。"));
        let all = format!("{}{rows}", csv_header());
        let mut r = csv::Reader::from_reader(all.as_bytes());
        let recs: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert!(
            recs.iter().any(|x| &x[7] == "26.1%的份额" && &x[8] == "26.1" && &x[10] == "阿里云" && &x[19] == "IDC"),
            "{rows}"
        );
        assert!(recs.iter().all(|x| x.len() == CSV_HEADER.len()));
    }
}
