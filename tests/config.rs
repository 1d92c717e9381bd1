//! `claimscope.toml`: discovery from a parent folder, `--config`, flag settings, extra
//! lexicon entries, excluded paths, unknown keys as errors, and the committed JSON Schema.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

const DOC: &str = "Acme held 31% of smartphone shipments in Q2 2025, according to Vexo Research.\n";

fn flag_codes(report: &Value, path: &str) -> Vec<String> {
    claims(document(report, path))
        .iter()
        .flat_map(|c| c["flags"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn a_config_found_above_the_working_folder_applies() {
    let config = "fail_on = \"error\"\nexclude = [\"drafts/**\"]\n\n[flags]\nseverity = { no-source = \"info\" }\n";
    let dir = folder(&[
        ("claimscope.toml", config.as_bytes()),
        ("docs/a.md", "Acme held 31% of smartphone shipments in Q2 2025.\n".as_bytes()),
        ("docs/drafts/b.md", DOC.as_bytes()),
    ]);
    let docs = dir.path().join("docs");
    let (report, r) = scan_json(&docs, &["."]);
    assert_eq!(paths(&report), ["./a.md"], "drafts are excluded: {}", r.stderr);
    let flags = claims(document(&report, "./a.md"))[0]["flags"].as_array().unwrap().clone();
    let no_source = flags.iter().find(|f| f["code"] == "no-source").expect("no-source is still reported");
    assert_eq!(no_source["severity"], "info");
    assert_eq!(r.code, 0, "fail_on = error and nothing at error: {}", r.stderr);
}

#[test]
fn disabled_flags_and_a_source_added_to_the_lexicon() {
    let config =
        "[flags]\ndisable = [\"no-period\"]\n\n[[lexicon]]\nid = \"source.vexo\"\naliases = [\"Vexo Research\"]\n";
    let dir = folder(&[("team.toml", config.as_bytes()), ("a.md", DOC.as_bytes())]);
    let (plain, _) = scan_json(dir.path(), &["a.md"]);
    let (report, r) = scan_json(dir.path(), &["--config", "team.toml", "a.md"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!flag_codes(&report, "a.md").contains(&"no-period".to_string()));
    let source = |rep: &Value| claims(document(rep, "a.md"))[0]["scope"]["source"]["id"].clone();
    assert_eq!(source(&report), "source.vexo");
    assert_ne!(source(&plain), "source.vexo", "without the config the firm is unknown");
}

#[test]
fn unknown_keys_are_errors_naming_the_key_and_the_file() {
    let dir =
        folder(&[("claimscope.toml", "[flags]\ndisabel = [\"no-period\"]\n".as_bytes()), ("a.md", DOC.as_bytes())]);
    let r = run(dir.path(), &["scan", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("claimscope.toml") && r.stderr.contains("disabel"), "{}", r.stderr);
}

#[test]
fn the_committed_schema_describes_configs() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("claimscope.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the config schema compiles");
    let as_json =
        |toml_text: &str| -> Value { serde_json::to_value(toml::from_str::<toml::Value>(toml_text).unwrap()).unwrap() };
    let good =
        as_json("fail_on = \"error\"\n[flags]\ndisable = [\"no-period\"]\n[citations]\ncheck = true\nretries = 1\n");
    assert!(validator.is_valid(&good));
    assert!(!validator.is_valid(&as_json("[flags]\ndisabel = []\n")), "unknown keys are not allowed");
    let r = run(root, &["schema"]);
    assert_eq!(
        serde_json::from_str::<Value>(&r.stdout).unwrap(),
        schema,
        "`claimscope schema` prints the committed schema"
    );
}

#[test]
fn a_disabled_rule_reports_nothing_and_an_unknown_one_is_named() {
    let dir = folder(&[
        ("claimscope.toml", "disable_rules = [\"en.rank.number\"]\n".as_bytes()),
        ("a.md", "Acme is the No. 1 brand. Bolt ranked second.\n".as_bytes()),
    ]);
    let (report, _) = scan_json(dir.path(), &["a.md"]);
    let rules: Vec<&str> = claims(document(&report, "a.md")).iter().map(|c| c["rule"].as_str().unwrap()).collect();
    assert!(!rules.contains(&"en.rank.number") && !rules.is_empty(), "{rules:?}");
    write(dir.path(), "claimscope.toml", "disable_rules = [\"en.rank.nmber\"]\n");
    let r = run(dir.path(), &["scan", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("en.rank.nmber") && r.stderr.contains("claimscope.toml"), "{}", r.stderr);
}
