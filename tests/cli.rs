//! Integration tests for the `claimscope` command line: exit statuses, the three output
//! formats, inputs (files, folders, stdin, binary, empty, invalid UTF-8), byte spans, and the
//! `rules` subcommands with user rule folders.
//!
//! Every fixture is written into a fresh temporary folder and the binary runs with that folder
//! as its working directory, so paths in the output are the relative names given here.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// Fixture text (invented companies).

/// A share claim with metric, market, period and source all stated: no flags.
const EN_FULL: &str = "Orbis held a 31.5% share of tablet shipments in Q2 2025, according to IDC.\n";
/// A share claim whose metric is left out (a `no-metric` warning).
const EN_SHARE: &str = "Orbis held a 31.5% share of the tablet market in Q2 2025, according to IDC.\n";
const ZH_SHARE: &str = "据IDC数据显示，2025年第二季度海川以23.4%的份额位居中国平板市场第一。\n";
/// An unsourced boast: a rank claim with warnings only.
const BOAST: &str = "We are the No. 1 brand.\n";
/// Promotional copy with an absolute term: an `extreme-term` error.
const PROMO: &str = "Buy now! Our blender is the best blender in the world. Order today and save 20%!\n";
/// Prose with no claim at all.
const PLAIN: &str = "The weather was pleasant and we walked along the river after lunch.\n";

// ---------------------------------------------------------------------------------------------
// Helpers.

// ---------------------------------------------------------------------------------------------
// 1. Exit 0.

#[test]
fn exit_0_for_full_scope_claim_with_fail_on_error() {
    let dir = folder(&[("full.txt", EN_FULL.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["--fail-on", "error", "full.txt"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    let found = claims(document(&report, "full.txt"));
    assert!(!found.is_empty(), "the share claim is found: {report:#}");
    for c in found {
        assert!(
            !flag_severities(c).iter().any(|s| s == "error" || s == "warning"),
            "a fully scoped claim carries no warning or error: {c:#}"
        );
    }
}

#[test]
fn exit_0_for_full_scope_claim_with_default_threshold() {
    let dir = folder(&[("full.txt", EN_FULL.as_bytes())]);
    claimscope().current_dir(dir.path()).args(["scan", "--format", "json", "full.txt"]).assert().code(0);
}

#[test]
fn exit_0_for_document_without_claims() {
    let dir = folder(&[("plain.txt", PLAIN.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["plain.txt"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert!(claims(document(&report, "plain.txt")).is_empty());
}

// ---------------------------------------------------------------------------------------------
// 2. Exit 1 and the --fail-on threshold.

#[test]
fn exit_1_for_unsourced_boast_by_default() {
    let dir = folder(&[("boast.txt", BOAST.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["boast.txt"]);
    assert_eq!(r.code, 1, "stderr: {}", r.stderr);
    let found = claims(document(&report, "boast.txt"));
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["kind"], "rank");
    assert_eq!(found[0]["text"], "No. 1");
    let codes: Vec<&str> = found[0]["flags"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"no-source"), "flags: {codes:?}");
}

#[test]
fn fail_on_warning_explicit_matches_default() {
    let dir = folder(&[("boast.txt", BOAST.as_bytes())]);
    claimscope().current_dir(dir.path()).args(["scan", "--fail-on", "warning", "boast.txt"]).assert().code(1);
}

#[test]
fn fail_on_never_exits_0_even_with_warnings_and_errors() {
    let dir = folder(&[("boast.txt", BOAST.as_bytes()), ("promo.txt", PROMO.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["--fail-on", "never", "boast.txt", "promo.txt"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    // The flags are still reported; only the exit status changes.
    assert!(!claims(document(&report, "boast.txt"))[0]["flags"].as_array().unwrap().is_empty());
}

#[test]
fn fail_on_error_ignores_warnings() {
    let dir = folder(&[("boast.txt", BOAST.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["--fail-on", "error", "boast.txt"]);
    let found = claims(document(&report, "boast.txt"));
    assert!(!found.is_empty());
    let sevs: Vec<String> = found.iter().flat_map(flag_severities).collect();
    assert!(sevs.iter().any(|s| s == "warning"), "{report:#}");
    assert!(!sevs.iter().any(|s| s == "error"), "{report:#}");
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
}

#[test]
fn fail_on_error_exits_1_on_an_error_flag() {
    let dir = folder(&[("promo.txt", PROMO.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["--fail-on", "error", "promo.txt"]);
    let sevs: Vec<String> = claims(document(&report, "promo.txt")).iter().flat_map(flag_severities).collect();
    assert!(sevs.iter().any(|s| s == "error"), "{report:#}");
    assert_eq!(r.code, 1, "stderr: {}", r.stderr);
}

// ---------------------------------------------------------------------------------------------
// 3. Exit 2: input errors and usage errors.

#[test]
fn missing_file_is_reported_and_others_still_scanned() {
    let dir = folder(&[("en.txt", EN_SHARE.as_bytes()), ("zh.txt", ZH_SHARE.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["en.txt", "does-not-exist.txt", "zh.txt"]);
    assert_eq!(r.code, 2, "stderr: {}", r.stderr);
    assert_eq!(paths(&report), ["en.txt", "zh.txt"]);
    assert!(!claims(document(&report, "en.txt")).is_empty());
    assert!(!claims(document(&report, "zh.txt")).is_empty());
    assert!(r.stderr.contains("does-not-exist.txt"), "stderr names the path: {}", r.stderr);
    assert!(r.stderr.to_lowercase().contains("no such file"), "stderr gives the reason: {}", r.stderr);
}

#[test]
fn missing_file_reported_in_jsonl_and_human_too() {
    let dir = folder(&[("boast.txt", BOAST.as_bytes())]);
    for format in ["jsonl", "human"] {
        let r = run(dir.path(), &["scan", "--format", format, "--color", "never", "gone.md", "boast.txt"]);
        assert_eq!(r.code, 2, "{format}: stderr: {}", r.stderr);
        assert!(r.stderr.contains("gone.md"), "{format}: {}", r.stderr);
        assert!(r.stdout.contains("No. 1"), "{format}: {}", r.stdout);
    }
}

#[test]
fn unknown_flag_is_a_usage_error() {
    let dir = folder(&[("en.txt", EN_SHARE.as_bytes())]);
    claimscope()
        .current_dir(dir.path())
        .args(["scan", "--no-such-flag", "en.txt"])
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("--no-such-flag"));
}

#[test]
fn scan_without_paths_is_a_usage_error() {
    claimscope()
        .arg("scan")
        .assert()
        .code(2)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("PATH"));
}

#[test]
fn bad_option_values_are_usage_errors() {
    let dir = folder(&[("en.txt", EN_SHARE.as_bytes())]);
    for args in [
        ["scan", "--format", "xml", "en.txt"],
        ["scan", "--fail-on", "info", "en.txt"],
        ["scan", "--color", "sometimes", "en.txt"],
    ] {
        claimscope().current_dir(dir.path()).args(args).assert().code(2).stdout(predicate::str::is_empty());
    }
    claimscope().arg("frobnicate").assert().code(2);
}

// ---------------------------------------------------------------------------------------------
// 4. Standard input.

#[test]
fn stdin_is_scanned_as_dash() {
    let dir = tempfile::tempdir().unwrap();
    let input = format!("{EN_SHARE}{ZH_SHARE}");
    let r = run_with_stdin(dir.path(), &["scan", "--format", "json", "-"], Some(input.as_bytes()));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(paths(&report), ["-"]);
    let found = claims(document(&report, "-"));
    assert!(found.len() >= 2, "{report:#}");
    for c in found {
        check_span(&input, "stdin claim", c["text"].as_str().unwrap(), &c["span"]);
    }
    assert!(r.code == 0 || r.code == 1, "stderr: {}", r.stderr);
}

#[test]
fn stdin_alongside_files() {
    let dir = folder(&[("en.txt", EN_SHARE.as_bytes())]);
    let r = run_with_stdin(dir.path(), &["scan", "--format", "json", "en.txt", "-"], Some(BOAST.as_bytes()));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(paths(&report), ["en.txt", "-"]);
    assert_eq!(claims(document(&report, "-"))[0]["text"], "No. 1");
}

// ---------------------------------------------------------------------------------------------
// 5. JSON lines.

#[test]
fn jsonl_has_one_line_per_claim() {
    let dir = folder(&[
        ("a.txt", format!("{EN_SHARE}{BOAST}").as_bytes()),
        ("b.txt", ZH_SHARE.as_bytes()),
        ("c.txt", PLAIN.as_bytes()),
    ]);
    let files = ["a.txt", "b.txt", "c.txt"];
    let (report, _) = scan_json(dir.path(), &files);
    let expected: Vec<(String, Value)> = documents(&report)
        .iter()
        .flat_map(|d| claims(d).iter().map(|c| (d["path"].as_str().unwrap().to_string(), c.clone())))
        .collect();
    assert!(expected.len() >= 3, "{report:#}");

    let mut args = vec!["scan", "--format", "jsonl"];
    args.extend_from_slice(&files);
    let r = run(dir.path(), &args);
    assert!(r.stdout.ends_with('\n'), "lines are newline-terminated");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), expected.len(), "stdout:\n{}", r.stdout);
    for (line, (path, claim)) in lines.iter().zip(&expected) {
        let v: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("line does not parse ({e}): {line}"));
        assert!(v.is_object(), "{line}");
        assert_eq!(v["path"], path.as_str(), "{line}");
        assert!(v["kind"].is_string(), "{line}");
        // Apart from `path`, the line is the claim of the json format.
        let mut rest = v.clone();
        rest.as_object_mut().unwrap().remove("path");
        assert_eq!(&rest, claim);
    }
}

#[test]
fn jsonl_prints_nothing_for_no_claims() {
    let dir = folder(&[("plain.txt", PLAIN.as_bytes())]);
    claimscope()
        .current_dir(dir.path())
        .args(["scan", "--format", "jsonl", "plain.txt"])
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
}

// ---------------------------------------------------------------------------------------------
// 6. Human diagnostics.

#[test]
fn human_output_points_at_each_claim_and_ends_with_summary() {
    let text = format!("Intro.\n\n{EN_SHARE}{ZH_SHARE}{BOAST}");
    let dir = folder(&[("doc.md", text.as_bytes()), ("plain.txt", PLAIN.as_bytes())]);
    let (report, json_run) = scan_json(dir.path(), &["doc.md", "plain.txt"]);
    let r = run(dir.path(), &["scan", "--format", "human", "--color", "never", "doc.md", "plain.txt"]);
    assert_eq!(r.code, json_run.code, "same exit status as json");
    assert!(!r.stdout.contains('\x1b'), "no colour with --color never");

    let found = claims(document(&report, "doc.md"));
    assert!(found.len() >= 3, "{report:#}");
    let (mut errors, mut warnings) = (0, 0);
    for c in found {
        let loc = format!("doc.md:{}:{}", c["span"]["line"], c["span"]["column"]);
        assert!(r.stdout.contains(&loc), "no {loc} in:\n{}", r.stdout);
        let claim_text = c["text"].as_str().unwrap();
        assert!(r.stdout.contains(claim_text), "no {claim_text:?} in:\n{}", r.stdout);
        // The source line is quoted.
        let line_no = c["span"]["line"].as_u64().unwrap() as usize;
        let source_line = text.lines().nth(line_no - 1).unwrap();
        assert!(r.stdout.contains(source_line), "no {source_line:?} in:\n{}", r.stdout);
        for s in flag_severities(c) {
            match s.as_str() {
                "error" => errors += 1,
                "warning" => warnings += 1,
                _ => {}
            }
        }
    }

    let plural = |n: usize, w: &str| {
        if n == 1 { format!("{n} {w}") } else { format!("{n} {w}s") }
    };
    let summary = format!(
        "{} in 2 documents: {}, {}",
        plural(found.len(), "claim"),
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    let last = r.stdout.trim_end().lines().last().unwrap_or("");
    assert_eq!(last, summary, "stdout:\n{}", r.stdout);
}

#[test]
fn human_underlines_the_claim() {
    let dir = folder(&[("boast.txt", BOAST.as_bytes())]);
    let r = run(dir.path(), &["scan", "--format", "human", "--color", "never", "boast.txt"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("boast.txt:1:12"), "{}", r.stdout);
    let source = r
        .stdout
        .lines()
        .position(|l| l.ends_with(BOAST.trim_end()))
        .unwrap_or_else(|| panic!("source line not quoted:\n{}", r.stdout));
    let quoted = r.stdout.lines().nth(source).unwrap();
    let under = r.stdout.lines().nth(source + 1).unwrap();
    let col = quoted.find("No. 1").unwrap();
    assert_eq!(under.get(col..col + 5), Some("^^^^^"), "underline under the claim:\n{quoted}\n{under}");
    assert_eq!(r.stdout.trim_end().lines().last(), Some("1 claim in 1 document: 0 errors, 3 warnings"));
}

#[test]
fn human_summary_for_no_claims() {
    let dir = folder(&[("plain.txt", PLAIN.as_bytes()), ("empty.txt", b"")]);
    let r = run(dir.path(), &["scan", "--format", "human", "--color", "never", "plain.txt", "empty.txt"]);
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.trim(), "0 claims in 2 documents: 0 errors, 0 warnings");
}

#[test]
fn human_color_always_uses_escapes() {
    let dir = folder(&[("boast.txt", BOAST.as_bytes())]);
    let r = run(dir.path(), &["scan", "--format", "human", "--color", "always", "boast.txt"]);
    assert!(r.stdout.contains("\x1b["), "{}", r.stdout);
}

#[test]
fn default_format_off_a_terminal_is_json() {
    let dir = folder(&[("boast.txt", BOAST.as_bytes())]);
    let r = run(dir.path(), &["scan", "boast.txt"]);
    let report: Value = serde_json::from_str(&r.stdout).expect("json when piped");
    assert_eq!(paths(&report), ["boast.txt"]);
}

// ---------------------------------------------------------------------------------------------
// 7. Binary input.

#[test]
fn binary_file_is_skipped_with_a_notice() {
    let dir =
        folder(&[("blob.bin", b"PK\x03\x04\x00\x00No. 1 share 45%\x00\xff\xfe"), ("full.txt", EN_FULL.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["blob.bin", "full.txt"]);
    assert_eq!(r.code, 0, "a binary file is not an error: {}", r.stderr);
    assert!(r.stderr.contains("blob.bin"), "{}", r.stderr);
    assert!(r.stderr.to_lowercase().contains("binary"), "{}", r.stderr);
    assert_eq!(paths(&report), ["full.txt"]);
    assert!(!claims(document(&report, "full.txt")).is_empty());
}

#[test]
fn binary_file_in_a_folder_is_skipped() {
    let dir = folder(&[("docs/a.bin", b"\x00\x01\x02"), ("docs/b.txt", BOAST.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["docs"]);
    assert_eq!(r.code, 1, "only the boast's warnings count: {}", r.stderr);
    assert!(r.stderr.to_lowercase().contains("binary"), "{}", r.stderr);
    let p = paths(&report);
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].ends_with("b.txt"), "{p:?}");
}

// ---------------------------------------------------------------------------------------------
// 8. Empty files and invalid UTF-8.

#[test]
fn empty_file_is_a_document_without_claims() {
    let dir = folder(&[("empty.txt", b"")]);
    let (report, r) = scan_json(dir.path(), &["empty.txt"]);
    assert_eq!(r.code, 0, "stderr: {}", r.stderr);
    assert_eq!(paths(&report), ["empty.txt"]);
    assert!(claims(document(&report, "empty.txt")).is_empty());
}

#[test]
fn empty_stdin_is_a_document_without_claims() {
    let dir = tempfile::tempdir().unwrap();
    let r = run_with_stdin(dir.path(), &["scan", "--format", "json", "-"], Some(b""));
    assert_eq!(r.code, 0);
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(claims(document(&report, "-")).is_empty());
}

#[test]
fn invalid_utf8_is_replaced_and_noted() {
    let mut bytes = b"Caf\xe9 news.\n".to_vec();
    bytes.extend_from_slice(BOAST.as_bytes());
    let dir = folder(&[("latin1.txt", &bytes)]);
    let (report, r) = scan_json(dir.path(), &["latin1.txt"]);
    assert_ne!(r.code, 2, "stderr: {}", r.stderr);
    assert!(r.stderr.contains("latin1.txt"), "{}", r.stderr);
    assert!(r.stderr.contains("UTF-8"), "{}", r.stderr);
    let found = claims(document(&report, "latin1.txt"));
    assert_eq!(found.len(), 1, "{report:#}");
    assert_eq!(found[0]["text"], "No. 1");
    assert_eq!(found[0]["span"]["line"], 2);
    assert_eq!(found[0]["span"]["column"], 12);
}

// ---------------------------------------------------------------------------------------------
// 9. Spans.

/// Mixed English and Chinese, full-width digits, an indented CJK line, CRLF line endings and a
/// tab, so that byte offsets, character columns and line numbers all differ.
const MIXED: &str = "# Tablet report 平板报告\n\
\n\
Orbis held a 31.5% share of the tablet market in Q2 2025, according to IDC.\n\
据IDC数据显示，2025年第二季度海川以23.4%的份额位居中国平板市场第一。\r\n\
\r\n\
\u{3000}\u{3000}据Canalys统计，2024年全年星澜在国内智能手表市场份额达４６．４％，排名第二。\n\
\tLumio ranked second in European soundbars by revenue in 2024 (Circana). We are the No. 1 brand.\n";

#[test]
fn spans_point_into_the_input() {
    let dir = folder(&[("mixed.md", MIXED.as_bytes())]);
    let (report, _) = scan_json(dir.path(), &["mixed.md"]);
    let found = claims(document(&report, "mixed.md"));
    let texts: Vec<&str> = found.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("４６．４％")), "the full-width share is found: {texts:?}");
    assert!(texts.iter().any(|t| t.contains("31.5%")), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("23.4%")), "{texts:?}");
    assert!(texts.contains(&"No. 1"), "{texts:?}");
    for c in found {
        let text = c["text"].as_str().unwrap();
        check_span(MIXED, "claim", text, &c["span"]);
        // Tags (subject and scope) carry spans into the same input.
        let mut tags = vec![("subject", &c["subject"])];
        for k in ["metric", "market", "geography", "period", "source"] {
            tags.push((k, &c["scope"][k]));
        }
        for (name, tag) in tags {
            if tag.is_null() {
                continue;
            }
            let tag_text = tag["text"].as_str().unwrap();
            for key in ["span", "at"] {
                if !tag[key].is_null() {
                    check_span(MIXED, &format!("{name}.{key} of {text:?}"), tag_text, &tag[key]);
                }
            }
        }
    }
}

#[test]
fn spans_from_stdin_and_jsonl_agree_with_file_json() {
    let dir = folder(&[("mixed.md", MIXED.as_bytes())]);
    let (report, _) = scan_json(dir.path(), &["mixed.md"]);
    let from_file: Vec<Value> = claims(document(&report, "mixed.md")).iter().map(|c| c["span"].clone()).collect();
    let r = run_with_stdin(dir.path(), &["scan", "--format", "jsonl", "-"], Some(MIXED.as_bytes()));
    let from_stdin: Vec<Value> =
        r.stdout.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()["span"].clone()).collect();
    assert_eq!(from_file, from_stdin);
}

// ---------------------------------------------------------------------------------------------
// 10. Folder walk.

#[test]
fn folder_walk_honours_gitignore_and_hidden_files() {
    let dir = folder(&[
        (".gitignore", b"skip.txt\n"),
        ("skip.txt", BOAST.as_bytes()),
        (".hidden.txt", BOAST.as_bytes()),
        (".secret/inside.txt", BOAST.as_bytes()),
        ("top.txt", EN_FULL.as_bytes()),
        ("sub/doc.md", ZH_SHARE.as_bytes()),
    ]);
    // .gitignore files apply inside a git repository, as with ripgrep.
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    let (report, r) = scan_json(dir.path(), &["."]);
    let mut found: Vec<String> = paths(&report).iter().map(|p| p.trim_start_matches("./").replace('\\', "/")).collect();
    found.sort();
    assert_eq!(found, ["sub/doc.md", "top.txt"], "stderr: {}", r.stderr);
    assert!(!claims(&documents(&report)[0]).is_empty());
    assert!(!r.stdout.contains("No. 1"), "ignored files are not scanned");
}

#[test]
fn folder_walk_honours_dot_ignore_outside_git() {
    let dir = folder(&[
        ("notes/.ignore", b"drafts/\n"),
        ("notes/drafts/old.txt", BOAST.as_bytes()),
        ("notes/.hidden.txt", BOAST.as_bytes()),
        ("notes/a/b/deep.txt", EN_FULL.as_bytes()),
    ]);
    let (report, r) = scan_json(dir.path(), &["notes"]);
    let p: Vec<String> = paths(&report).iter().map(|p| p.replace('\\', "/")).collect();
    assert_eq!(p, ["notes/a/b/deep.txt"], "stderr: {}", r.stderr);
    assert_eq!(r.code, 0);
}

#[test]
fn explicit_hidden_file_is_scanned() {
    // Ignore rules apply to walked folders, not to files named on the command line.
    let dir = folder(&[(".hidden.txt", BOAST.as_bytes())]);
    let (report, _) = scan_json(dir.path(), &[".hidden.txt"]);
    assert_eq!(claims(document(&report, ".hidden.txt")).len(), 1);
}

// ---------------------------------------------------------------------------------------------
// 11. Rules.

const GOLD_RULE: &str = r#"[[rule]]
id = "user.rank.gold"
kind = "rank"
triggers = ["gold medal"]
pattern = '(?P<claim>gold medal)'
value = 1
examples = [{ text = "It won the gold medal for sales.", value = 1 }]
counter = ["a gold bar"]
"#;

/// The regex on line 6 has an unclosed group.
const BROKEN_REGEX_RULE: &str = r#"# a rule whose regex does not compile
[[rule]]
id = "user.rank.broken"
kind = "rank"
triggers = ["gold medal"]
pattern = '(?P<claim>gold (medal'
value = 1
examples = [{ text = "It won the gold medal for sales.", value = 1 }]
"#;

const NO_EXAMPLES_RULE: &str = r#"[[rule]]
id = "user.rank.noexamples"
kind = "rank"
triggers = ["gold medal"]
pattern = '(?P<claim>gold medal)'
value = 1
"#;

/// An unquoted value on line 4: not TOML.
const SYNTAX_ERROR_RULE: &str = r#"[[rule]]
id = "user.rank.syntax"
kind = "rank"
pattern = (?P<claim>gold medal)
"#;

#[test]
fn rules_test_passes_on_the_default_rules() {
    let r = run(Path::new("."), &["rules", "test"]);
    assert_eq!(r.code, 0, "stdout:\n{}\nstderr:\n{}", r.stdout, r.stderr);
    let last = r.stdout.trim_end().lines().last().unwrap_or("");
    assert!(last.ends_with(" checks, 0 failures"), "{last}");
    let n: usize = last.split_whitespace().next().unwrap().parse().unwrap();
    assert!(n > 0, "{last}");
    assert!(!r.stdout.contains("FAIL"), "{}", r.stdout);
}

#[test]
fn rules_list_names_english_and_chinese_rules() {
    let r = run(Path::new("."), &["rules", "list"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let ids: Vec<&str> = r.stdout.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(ids.iter().any(|id| id.starts_with("en.")), "{}", r.stdout);
    assert!(ids.iter().any(|id| id.starts_with("zh.")), "{}", r.stdout);
    assert!(ids.contains(&"en.rank.number"), "{}", r.stdout);
}

#[test]
fn user_rules_are_added_to_the_defaults() {
    let dir = folder(&[("myrules/gold.toml", GOLD_RULE.as_bytes())]);
    let base = run(dir.path(), &["rules", "test"]);
    let with = run(dir.path(), &["rules", "test", "--rules", "myrules"]);
    assert_eq!(with.code, 0, "{}{}", with.stdout, with.stderr);
    let checks = |s: &str| -> usize {
        s.trim_end()
            .lines()
            .last()
            .and_then(|l| l.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("no check count in {s}"))
    };
    assert!(checks(&with.stdout) > checks(&base.stdout), "{} vs {}", with.stdout, base.stdout);
    let list = run(dir.path(), &["rules", "list", "--rules", "myrules"]);
    assert!(list.stdout.contains("user.rank.gold"), "{}", list.stdout);
    assert!(list.stdout.contains("en."), "defaults are still loaded");
}

#[test]
fn user_rules_alone_with_no_default_rules() {
    let dir = folder(&[
        ("myrules/gold.toml", GOLD_RULE.as_bytes()),
        (
            "doc.txt",
            "Acme won the gold medal for sales in 2024. Orbis is the No. 1 brand. It is not a gold bar.\n".as_bytes(),
        ),
    ]);
    let list = run(dir.path(), &["rules", "list", "--no-default-rules", "--rules", "myrules"]);
    assert_eq!(list.code, 0, "{}", list.stderr);
    assert!(list.stdout.contains("user.rank.gold"), "{}", list.stdout);
    assert!(!list.stdout.contains("en.rank."), "{}", list.stdout);

    let test = run(dir.path(), &["rules", "test", "--no-default-rules", "--rules", "myrules"]);
    assert_eq!(test.code, 0, "{}{}", test.stdout, test.stderr);
    assert!(test.stdout.contains(" 0 failures"), "{}", test.stdout);

    let (report, r) = scan_json(dir.path(), &["--no-default-rules", "--rules", "myrules", "doc.txt"]);
    assert_ne!(r.code, 2, "{}", r.stderr);
    let found = claims(document(&report, "doc.txt"));
    assert_eq!(found.len(), 1, "only the user rule runs: {report:#}");
    assert_eq!(found[0]["rule"], "user.rank.gold");
    assert_eq!(found[0]["kind"], "rank");
    assert_eq!(found[0]["text"], "gold medal");
    assert_eq!(found[0]["value"], 1);
    let raw = std::fs::read_to_string(dir.path().join("doc.txt")).unwrap();
    check_span(&raw, "user claim", "gold medal", &found[0]["span"]);
}

#[test]
fn user_rules_are_used_by_scan_together_with_defaults() {
    let dir = folder(&[
        ("myrules/gold.toml", GOLD_RULE.as_bytes()),
        ("doc.txt", format!("Acme won the gold medal for sales.\n{BOAST}").as_bytes()),
    ]);
    let (report, _) = scan_json(dir.path(), &["--rules", "myrules", "doc.txt"]);
    let rules: Vec<&str> = claims(document(&report, "doc.txt")).iter().map(|c| c["rule"].as_str().unwrap()).collect();
    assert!(rules.contains(&"user.rank.gold"), "{rules:?}");
    assert!(rules.contains(&"en.rank.number"), "{rules:?}");
}

#[track_caller]
fn assert_rule_load_error(rule_file: &str, text: &str, line: usize, message: &str) {
    let dir = folder(&[(&format!("bad/{rule_file}"), text.as_bytes())]);
    let bad = dir.path().join("bad");
    let bad = bad.to_str().unwrap();
    let doc = write(dir.path(), "doc.txt", BOAST);
    let doc = doc.to_str().unwrap();
    let runs = [
        vec!["rules", "test", "--rules", bad],
        vec!["rules", "test", "--no-default-rules", "--rules", bad],
        vec!["rules", "list", "--rules", bad],
        vec!["scan", "--format", "json", "--rules", bad, doc],
    ];
    for args in runs {
        let r = run(dir.path(), &args);
        assert_eq!(r.code, 2, "{args:?}: stdout {}\nstderr {}", r.stdout, r.stderr);
        let located = format!("{rule_file}:{line}:");
        let hit = r
            .stderr
            .lines()
            .find(|l| l.contains(&located))
            .unwrap_or_else(|| panic!("{args:?}: no {located} in stderr:\n{}", r.stderr));
        // `path:line:col: message`, with the path as the folder given plus the file name.
        let path = Path::new(bad).join(rule_file).display().to_string();
        assert!(hit.starts_with(&format!("{path}:{line}:")), "{hit}");
        let col = hit[path.len() + 1..].split(':').nth(1).unwrap_or_else(|| panic!("no column in {hit}"));
        assert!(col.parse::<usize>().is_ok_and(|c| c >= 1), "{hit}");
        assert!(r.stderr.contains(message), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn user_rule_with_broken_regex_fails_with_location() {
    assert_rule_load_error("broken.toml", BROKEN_REGEX_RULE, 6, "regex");
}

#[test]
fn user_rule_without_examples_fails() {
    assert_rule_load_error("noexamples.toml", NO_EXAMPLES_RULE, 1, "has no examples");
}

#[test]
fn user_rule_file_that_is_not_toml_fails() {
    assert_rule_load_error("syntax.toml", SYNTAX_ERROR_RULE, 4, "syntax.toml");
}

#[test]
fn user_rule_example_that_cannot_match_fails() {
    let text = GOLD_RULE.replace("It won the gold medal for sales.", "It won the silver cup for sales.");
    assert_rule_load_error("mismatch.toml", &text, 7, "user.rank.gold");
}

#[test]
fn user_rule_with_unknown_script_fails_with_location() {
    let text = GOLD_RULE.replace("value = 1\n", "value = 1\nscript = \"cyrillic\"\n");
    assert_rule_load_error("script.toml", &text, 7, "unknown script");
}

#[test]
fn user_rule_example_outside_its_script_fails() {
    let text = GOLD_RULE.replace("value = 1\n", "value = 1\nscript = \"han\"\n");
    assert_rule_load_error("han.toml", &text, 8, "not written in the rule's script");
}

#[test]
fn user_rule_with_requires_triggers_but_no_requires_fails() {
    let text = GOLD_RULE.replace("value = 1\n", "value = 1\nrequires_triggers = [\"sales\"]\n");
    assert_rule_load_error("reqtrig.toml", &text, 7, "requires_triggers but no requires");
}

#[test]
fn user_rule_example_without_a_requires_trigger_fails() {
    let text =
        GOLD_RULE.replace("value = 1\n", "value = 1\nrequires = 'revenue|sales'\nrequires_triggers = [\"revenue\"]\n");
    assert_rule_load_error("reqex.toml", &text, 9, "none of the requires_triggers");
}

#[test]
fn rule_folder_errors_exit_2() {
    let dir = folder(&[("empty/readme.txt", b"no rules here")]);
    for args in [["rules", "test", "--rules", "nowhere"], ["rules", "test", "--rules", "empty"]] {
        let r = run(dir.path(), &args);
        assert_eq!(r.code, 2, "{args:?}");
        assert!(r.stderr.contains(args[3]), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn github_annotations_and_csv_rows_for_ci() {
    let dir = folder(&[("a.md", "Acme is the No. 1 brand.\n".as_bytes())]);
    let r = run(dir.path(), &["scan", "--format", "github", "a.md"]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert!(
        !lines.is_empty() && lines.iter().all(|l| l.starts_with("::") && l.contains("file=a.md,line=1,col=")),
        "{}",
        r.stdout
    );
    let r = run(dir.path(), &["scan", "--format", "csv", "a.md"]);
    let mut lines = r.stdout.lines();
    assert!(lines.next().unwrap().starts_with("path,line,column,start,end,kind,rule,text,value"));
    assert!(lines.next().unwrap().starts_with("a.md,1,"), "{}", r.stdout);
}

#[test]
fn explain_says_what_why_and_how() {
    let dir = folder(&[]);
    let r = run(dir.path(), &["explain", "incomparable"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.starts_with("incomparable (info):") && r.stdout.contains("How to fix the text:"), "{}", r.stdout);
    let r = run(dir.path(), &["explain"]);
    assert!(r.stdout.lines().count() >= 16 && r.stdout.contains("share-overflow"), "{}", r.stdout);
    let r = run(dir.path(), &["explain", "no-such-flag"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no-such-flag"), "{}", r.stderr);
}

#[test]
fn completions_man_page_stats_and_quiet() {
    let dir = folder(&[("a.md", "Acme is the No. 1 brand.\n".as_bytes()), ("b.pdf", b"%PDF-1.4\n".as_slice())]);
    let r = run(dir.path(), &["completions", "bash"]);
    assert!(r.code == 0 && r.stdout.contains("_claimscope()"), "{}", r.stdout);
    let r = run(dir.path(), &["man"]);
    assert!(r.code == 0 && r.stdout.contains(".TH claimscope 1"), "{}", r.stdout);
    let r = run(dir.path(), &["scan", "--format", "human", "--stats", "."]);
    assert!(r.stderr.contains("2 documents") || r.stderr.contains("1 documents"), "{}", r.stderr);
    assert!(r.stderr.contains("claims: rank 1") && r.stderr.contains("flags: "), "{}", r.stderr);
    assert!(r.stdout.contains("1 claim in 1 document"), "{}", r.stdout);
    let r = run(dir.path(), &["scan", "--format", "human", "-q", "."]);
    assert!(!r.stderr.contains("skipped") && !r.stdout.contains("1 claim in 1 document"), "{}\n{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("No. 1"), "the findings themselves still print: {}", r.stdout);
}

#[test]
fn inline_suppressions_silence_flags_and_are_counted() {
    let md = "<!-- claimscope-disable-next-line no-source no-period -->\nAcme held 31% of smartphone shipments.\n\n\
              Bolt held 20% of smartphone shipments.\n";
    let txt = "Acme held 31% of smartphone shipments. claimscope: ignore[no-source]\n";
    let dir = folder(&[("a.md", md.as_bytes()), ("b.txt", txt.as_bytes())]);
    let (report, _) = scan_json(dir.path(), &["a.md", "b.txt"]);
    let a = document(&report, "a.md");
    assert_eq!(a["suppressed"], 2);
    let codes = |c: &Value| {
        c["flags"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap().to_string()).collect::<Vec<_>>()
    };
    assert!(!codes(&claims(a)[0]).iter().any(|c| c == "no-source" || c == "no-period"), "{a:#}");
    assert!(codes(&claims(a)[1]).contains(&"no-source".to_string()), "only the next line: {a:#}");
    let b = document(&report, "b.txt");
    assert_eq!(b["suppressed"], 1);
    let r = run(dir.path(), &["scan", "--format", "human", "a.md", "b.txt"]);
    assert!(r.stdout.contains("(3 suppressed)"), "{}", r.stdout);
}

#[test]
fn a_baseline_reports_only_new_findings_after_an_edit() {
    let dir = folder(&[("a.md", "Acme held 31% of the market.\n".as_bytes())]);
    let r = run(dir.path(), &["scan", "--format", "human", "--write-baseline", "base.json", "a.md"]);
    assert_eq!(r.code, 1);
    let base: Value = serde_json::from_str(&std::fs::read_to_string(dir.path().join("base.json")).unwrap()).unwrap();
    assert!(!base["findings"].as_array().unwrap().is_empty());
    // The old claim moves down; a new one arrives.
    write(dir.path(), "a.md", "New intro.\n\nAcme held 31% of the market.\n\nBolt is the No. 1 brand.\n");
    let (report, r) = scan_json(dir.path(), &["--baseline", "base.json", "a.md"]);
    let cs = claims(document(&report, "a.md"));
    let old = cs.iter().find(|c| c["text"] == "31%").unwrap();
    assert!(old["flags"].as_array().unwrap().is_empty(), "{old:#}");
    assert!(
        cs.iter().any(|c| c["text"].as_str().unwrap().contains("No. 1") && !c["flags"].as_array().unwrap().is_empty())
    );
    assert_eq!(r.code, 1, "the new finding still fails the run");
    let r = run(dir.path(), &["scan", "--format", "human", "--baseline", "base.json", "a.md"]);
    assert!(r.stdout.contains("in the baseline)"), "{}", r.stdout);
    let r = run(dir.path(), &["scan", "--baseline", "missing.json", "a.md"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("missing.json"), "{}", r.stderr);
}
