//! The claims matrix: one row per claim across a set of documents, grouped by canonical market,
//! so rival claims stand next to each other with the scope that makes them comparable or not.
//! Rendered as an aligned table (CJK-width aware), CSV, Markdown or JSON.

use crate::crossdoc::{self, DocFacts};
use crate::lexicon::Lexicons;
use crate::model::Tag;
use comfy_table::{ContentArrangement, Table, presets};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The canonical market the row is grouped under: a lexicon id, else the market as written,
    /// else "(no market)".
    pub group: String,
    pub subject: Option<String>,
    pub kind: String,
    pub value: Option<f64>,
    pub top: Option<u32>,
    pub metric: Option<String>,
    pub market: Option<String>,
    pub geography: Option<String>,
    /// Normalised when the period parses ("H1 2025"), else as written.
    pub period: Option<String>,
    pub source: Option<String>,
    pub document: String,
    pub line: usize,
    pub text: String,
    pub flags: Vec<String>,
}

const HEADERS: [&str; 12] = [
    "market",
    "subject",
    "kind",
    "value",
    "metric",
    "as written",
    "geography",
    "period",
    "source",
    "document",
    "line",
    "flags",
];

fn text(t: &Option<Tag>) -> Option<String> {
    t.as_ref().map(|t| t.text.clone())
}

/// The rows of a checked set, grouped by market (parents before children) then by subject.
pub fn rows(lex: &Lexicons, docs: &[DocFacts]) -> Vec<Row> {
    let views = crossdoc::views(lex, docs);
    let mut out: Vec<Row> = views
        .iter()
        .map(|v| {
            let c = &docs[v.doc].claims[v.idx];
            let group = v.market.as_ref().map_or("(no market)".to_string(), |m| m.canonical(lex));
            Row {
                group,
                subject: v.subject.as_ref().map(|s| s.label.clone()),
                kind: c.kind.as_str().to_string(),
                value: c.value,
                top: c.top,
                metric: text(&c.scope.metric),
                market: text(&c.scope.market),
                geography: text(&c.scope.geography),
                period: v.period.as_ref().map(|p| p.1.clone()).or_else(|| text(&c.scope.period)),
                source: text(&c.scope.source),
                document: docs[v.doc].path.clone(),
                line: c.span.line,
                text: c.text.clone(),
                flags: c.flags.iter().fold(Vec::new(), |mut acc: Vec<String>, f| {
                    if !acc.contains(&f.code) {
                        acc.push(f.code.clone());
                    }
                    acc
                }),
            }
        })
        .collect();
    // Stable: claims of one market and subject keep their document order.
    out.sort_by(|a, b| {
        let none = |r: &Row| r.group == "(no market)";
        none(a).cmp(&none(b)).then_with(|| a.group.cmp(&b.group)).then_with(|| a.subject.cmp(&b.subject))
    });
    out
}

fn value_text(r: &Row) -> String {
    match (r.top, r.value, r.kind.as_str()) {
        (Some(n), _, _) => format!("top {n}"),
        (None, Some(v), "share") => format!("{v}%"),
        (None, Some(v), _) => format!("#{v}"),
        (None, None, "superlative") => "leader".to_string(),
        (None, None, _) => "—".to_string(),
    }
}

fn cells(r: &Row) -> [String; 12] {
    let o = |x: &Option<String>| x.clone().unwrap_or_else(|| "—".to_string());
    [
        r.group.clone(),
        o(&r.subject),
        r.kind.clone(),
        value_text(r),
        o(&r.metric),
        o(&r.market),
        o(&r.geography),
        o(&r.period),
        o(&r.source),
        r.document.clone(),
        r.line.to_string(),
        r.flags.join(" "),
    ]
}

/// An aligned table for a terminal of `width` columns (`None`: no wrapping).
pub fn table(rows: &[Row], width: Option<u16>) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED);
    match width {
        Some(w) => t.set_width(w).set_content_arrangement(ContentArrangement::Dynamic),
        None => t.set_content_arrangement(ContentArrangement::Disabled),
    };
    t.set_header(HEADERS);
    for r in rows {
        t.add_row(cells(r));
    }
    format!("{t}\n")
}

pub fn markdown(rows: &[Row]) -> String {
    let esc = |s: &str| s.replace('|', "\\|").replace('\n', " ");
    let mut out = format!("| {} |\n|{}\n", HEADERS.join(" | "), " --- |".repeat(HEADERS.len()));
    for r in rows {
        let c: Vec<String> = cells(r).iter().map(|c| esc(c)).collect();
        out.push_str(&format!("| {} |\n", c.join(" | ")));
    }
    out
}

pub fn csv(rows: &[Row]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "market",
        "subject",
        "kind",
        "value",
        "top",
        "metric",
        "as_written",
        "geography",
        "period",
        "source",
        "document",
        "line",
        "text",
        "flags",
    ])?;
    for r in rows {
        let o = |x: &Option<String>| x.clone().unwrap_or_default();
        w.write_record([
            r.group.clone(),
            o(&r.subject),
            r.kind.clone(),
            r.value.map(|v| v.to_string()).unwrap_or_default(),
            r.top.map(|v| v.to_string()).unwrap_or_default(),
            o(&r.metric),
            o(&r.market),
            o(&r.geography),
            o(&r.period),
            o(&r.source),
            r.document.clone(),
            r.line.to_string(),
            r.text.clone(),
            r.flags.join(" "),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes).expect("csv of UTF-8 fields is UTF-8"))
}

pub fn json(rows: &[Row]) -> String {
    let mut s =
        serde_json::to_string_pretty(&serde_json::json!({ "version": 1, "rows": rows })).expect("rows serialise");
    s.push('\n');
    s
}
