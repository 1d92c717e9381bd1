//! `--format sarif` against the SARIF 2.1.0 JSON Schema. The schema is the one serde-sarif ships
//! in its package (a dev-dependency), found through `cargo metadata`, so the test needs no network.

mod common;

use common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The schema, with the one pattern of the published 2.1.0 text that is not a valid regex
/// (`run.language`, fixed in the errata as below) corrected so the schema compiles.
fn schema() -> Value {
    let text = std::fs::read_to_string(schema_path()).unwrap();
    let text = text.replace(r#""^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$""#, r#""^[a-zA-Z]{2}(-[a-zA-Z]{2})?$""#);
    serde_json::from_str(&text).unwrap()
}

fn schema_path() -> PathBuf {
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
        .output()
        .expect("cargo metadata runs");
    let meta: Value = serde_json::from_slice(&out.stdout).expect("cargo metadata prints JSON");
    let pkg = meta["packages"].as_array().unwrap().iter().find(|p| p["name"] == "serde-sarif").expect("serde-sarif");
    Path::new(pkg["manifest_path"].as_str().unwrap()).parent().unwrap().join("src/schema.json")
}

#[test]
fn sarif_output_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).expect("the SARIF schema compiles");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let r = run(root, &["scan", "--format", "sarif", "corpus/sets/planted-conflict", "corpus/zh/ad-milk-tea.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let log: Value = serde_json::from_str(&r.stdout).expect("one JSON document");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let run0 = &log["runs"][0];
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    let results = run0["results"].as_array().unwrap();
    assert!(results.iter().all(|x| rules[x["ruleIndex"].as_u64().unwrap() as usize]["id"] == x["ruleId"]));
    // A conflict points at its rival as a related location; a Chinese claim's column counts characters.
    let conflict = results.iter().find(|x| x["ruleId"] == "conflict").expect("the planted conflict");
    assert!(
        conflict["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .contains("orbis")
    );
    let zh = results
        .iter()
        .find(|x| x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "corpus/zh/ad-milk-tea.txt");
    let region = &zh.expect("a flag in the Chinese ad")["locations"][0]["physicalLocation"]["region"];
    assert!(region["startColumn"].as_u64().unwrap() <= region["byteOffset"].as_u64().unwrap() + 1);
}

#[test]
fn an_invalid_log_is_caught() {
    // The validator is not a rubber stamp: a result without a message fails.
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}}, "results": [{"ruleId": "a"}]}]});
    assert!(!validator.is_valid(&bad));
}
