//! Helpers shared by the command-line tests: fixture folders, running the binary, reading
//! its JSON.
#![allow(dead_code)]

pub mod claims;

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use tempfile::TempDir;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub fn claimscope() -> Command {
    Command::cargo_bin("claimscope").expect("the claimscope binary is built")
}

pub fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, contents).unwrap();
    path
}

/// A temporary folder holding the given files.
pub fn folder(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, contents) in files {
        write(dir.path(), name, contents);
    }
    dir
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(dir: &Path, args: &[&str]) -> Run {
    run_with_stdin(dir, args, None)
}

pub fn run_with_stdin(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut cmd = claimscope();
    cmd.current_dir(dir).args(args).env_remove("NO_COLOR");
    if let Some(input) = stdin {
        cmd.write_stdin(input.to_vec());
    }
    let out = cmd.output().expect("claimscope runs");
    Run {
        code: out.status.code().expect("claimscope exits with a status"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `scan --format json` plus `extra` arguments; the parsed report and the run.
pub fn scan_json(dir: &Path, extra: &[&str]) -> (Value, Run) {
    let mut args = vec!["scan", "--format", "json"];
    args.extend_from_slice(extra);
    let r = run(dir, &args);
    let report: Value = serde_json::from_str(&r.stdout)
        .unwrap_or_else(|e| panic!("stdout is not one JSON object ({e}):\n{}\nstderr:\n{}", r.stdout, r.stderr));
    (report, r)
}

pub fn documents(report: &Value) -> &Vec<Value> {
    assert_eq!(report["version"], 1, "contract version in {report:#}");
    report["documents"].as_array().unwrap_or_else(|| panic!("no documents array in {report:#}"))
}

pub fn document<'a>(report: &'a Value, path: &str) -> &'a Value {
    documents(report).iter().find(|d| d["path"] == path).unwrap_or_else(|| panic!("no document {path:?} in {report:#}"))
}

pub fn claims(doc: &Value) -> &Vec<Value> {
    doc["claims"].as_array().unwrap_or_else(|| panic!("no claims array in {doc:#}"))
}

pub fn paths(report: &Value) -> Vec<String> {
    documents(report).iter().map(|d| d["path"].as_str().unwrap().to_string()).collect()
}

pub fn flag_severities(claim: &Value) -> Vec<String> {
    claim["flags"].as_array().unwrap().iter().map(|f| f["severity"].as_str().unwrap().to_string()).collect()
}

/// Line (1-based) and column (1-based, in characters) of byte offset `at` in `raw`.
pub fn line_col(raw: &str, at: usize) -> (usize, usize) {
    let before = raw.get(..at).unwrap_or_else(|| panic!("offset {at} is not a character boundary"));
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// `text` must be the input at `span`, and the span's line and column must agree with its start.
#[track_caller]
pub fn check_span(raw: &str, what: &str, text: &str, span: &Value) {
    let start = span["start"].as_u64().unwrap() as usize;
    let end = span["end"].as_u64().unwrap() as usize;
    assert!(start <= end && end <= raw.len(), "{what} {text:?}: span {span} out of range");
    assert_eq!(
        raw.as_bytes()[start..end],
        *text.as_bytes(),
        "{what}: input bytes at {start}..{end} are {:?}, text is {text:?}",
        String::from_utf8_lossy(&raw.as_bytes()[start..end])
    );
    let (line, column) = line_col(raw, start);
    assert_eq!(
        (span["line"].as_u64().unwrap() as usize, span["column"].as_u64().unwrap() as usize),
        (line, column),
        "{what} {text:?}: line/column of {span}"
    );
}

/// A local server on 127.0.0.1 that lives as long as the runtime holding it.
pub struct Server {
    pub rt: tokio::runtime::Runtime,
    pub server: MockServer,
}

impl Server {
    pub fn start() -> Server {
        let rt = tokio::runtime::Runtime::new().unwrap();
        let server = rt.block_on(MockServer::start());
        Server { rt, server }
    }

    pub fn mount(&self, at: &str, response: ResponseTemplate) {
        self.rt.block_on(Mock::given(method("GET")).and(path(at)).respond_with(response).mount(&self.server));
    }

    pub fn url(&self, at: &str) -> String {
        format!("{}{at}", self.server.uri())
    }

    /// How many requests reached `at` so far.
    pub fn hits(&self, at: &str) -> usize {
        let all = self.rt.block_on(self.server.received_requests()).unwrap_or_default();
        all.iter().filter(|r| r.url.path() == at).count()
    }
}

pub fn page(body: impl Into<Vec<u8>>, content_type: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(body.into(), content_type)
}
