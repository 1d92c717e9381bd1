//! SARIF 2.1.0 for code-scanning dashboards: one run, a reporting descriptor per flag code, a
//! result per flag placed on its claim. Lines are 1-based and columns count Unicode code points
//! (`columnKind` says so), matching the JSON output's `line`/`column`; byte offsets are given too.

use crate::flags::FLAGS;
use crate::model::{Claim, Severity};
use serde::Serialize;

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    column_kind: &'static str,
    results: Vec<SarifResult<'a>>,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    information_uri: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: &'static str,
    short_description: Text,
    full_description: Text,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Text {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    rule_index: usize,
    level: &'static str,
    message: Text,
    locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: Physical<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Text>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Physical<'a> {
    artifact_location: Artifact<'a>,
    region: Region,
}

#[derive(Serialize)]
struct Artifact<'a> {
    uri: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    byte_offset: usize,
    byte_length: usize,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn physical<'a>(path: &'a str, span: &crate::model::Span) -> Physical<'a> {
    Physical {
        artifact_location: Artifact { uri: path },
        region: Region {
            start_line: span.line,
            start_column: span.column,
            byte_offset: span.start,
            byte_length: span.end - span.start,
        },
    }
}

/// The whole SARIF log for the documents of a run, as (path, claims).
pub fn log(docs: &[(String, Vec<Claim>)]) -> String {
    let rules: Vec<Rule> = FLAGS
        .iter()
        .map(|f| Rule {
            id: f.code,
            short_description: Text { text: f.summary.to_string() },
            full_description: Text { text: crate::flags::explain(f.code).unwrap_or_else(|| f.summary.to_string()) },
            default_configuration: Configuration { level: level(f.severity) },
        })
        .collect();
    let mut results = Vec::new();
    for (path, claims) in docs {
        for c in claims {
            for f in &c.flags {
                let rule_index = FLAGS.iter().position(|x| x.code == f.code).unwrap_or(0);
                let related: Vec<Location<'_>> = f
                    .related
                    .iter()
                    .enumerate()
                    .map(|(i, r)| Location {
                        id: Some(i),
                        physical_location: physical(&r.path, &r.span),
                        message: Some(Text { text: format!("\"{}\"", r.text) }),
                    })
                    .collect();
                results.push(SarifResult {
                    rule_id: f.code.as_str(),
                    rule_index,
                    level: level(f.severity),
                    message: Text { text: format!("{} claim \"{}\": {}", c.kind, c.text, f.message) },
                    locations: vec![Location { id: None, physical_location: physical(path, &c.span), message: None }],
                    related_locations: related,
                });
            }
        }
    }
    let log = Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "claimscope",
                    version: env!("CARGO_PKG_VERSION"),
                    information_uri: "https://github.com/claimscope/claimscope",
                    rules,
                },
            },
            column_kind: "unicodeCodePoints",
            results,
        }],
    };
    let mut s = serde_json::to_string_pretty(&log).expect("the log serialises");
    s.push('\n');
    s
}
