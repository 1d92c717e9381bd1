//! One pair of documents through every scan format, as reviewed snapshots: what a user sees
//! in a terminal, in a GitHub check, in a spreadsheet and in a SARIF viewer.

mod common;

use common::*;
use std::path::Path;

const DOCS: [&str; 2] =
    ["corpus/sets/planted-conflict/en-kestrel-release.md", "corpus/sets/planted-conflict/en-orbis-release.md"];

fn scan(format: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut args = vec!["scan", "--format", format, "--color", "never"];
    args.extend(DOCS);
    let r = run(root, &args);
    assert_eq!(r.code, 1, "{}", r.stderr);
    r.stdout
}

#[test]
fn every_format_of_one_conflict() {
    insta::assert_snapshot!("format_human", scan("human"));
    insta::assert_snapshot!("format_github", scan("github"));
    insta::assert_snapshot!("format_csv", scan("csv"));
    let mut sarif: serde_json::Value = serde_json::from_str(&scan("sarif")).unwrap();
    // The version changes with every release; the rest is the contract.
    sarif["runs"][0]["tool"]["driver"]["version"] = "[version]".into();
    insta::assert_json_snapshot!("format_sarif", sarif);
}
