//! What the command line names, as a stream of jobs: files, folders walked as ripgrep walks
//! them (.gitignore and hidden-file rules honoured), `-` for standard input, `http(s)://`
//! URLs, and with `--input jsonl` one record per line of a JSONL stream. A job is cheap to
//! make; reading, fetching and decoding happen when a worker takes it.

use crate::fetch::{self, FetchOptions};
use claimscope::input::{self, ReadOptions};
use serde_json::{Map, Value};
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

/// One unit of work, in input order.
pub enum Job {
    File {
        name: String,
        path: PathBuf,
    },
    Stdin,
    Url(String),
    /// A JSONL line: where it came from, its 1-based line number and its text.
    Record {
        stream: String,
        line: usize,
        text: String,
    },
    /// Something that failed before it could become a job (a missing path, a walk error).
    Failed {
        name: String,
        reason: String,
        line: Option<usize>,
    },
}

/// A job read: a document to scan, an input that is not text, or an error.
pub enum Input {
    Doc { name: String, loaded: Box<input::Loaded>, meta: Option<Map<String, Value>> },
    Skipped { name: String, reason: String },
    Failed { name: String, reason: String, line: Option<usize> },
}

/// How inputs are read.
#[derive(Clone)]
pub struct Reading {
    /// Globs to leave out of folder walks and the folder they are relative to.
    pub exclude: Option<(PathBuf, Vec<String>)>,
    pub jsonl: bool,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub fetch: FetchOptions,
}

/// `scheme://...`: a URL, fetched (and refused unless http or https), never a path.
fn is_url(s: &str) -> bool {
    let Some((scheme, _)) = s.split_once("://") else { return false };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Every job the arguments name, lazily: a JSONL stream is read line by line as workers ask,
/// so a stream of any length runs in the memory of a few records.
pub fn jobs(paths: &[String], reading: &Reading) -> Box<dyn Iterator<Item = Job> + Send> {
    let paths = paths.to_vec();
    if reading.jsonl {
        return Box::new(paths.into_iter().flat_map(|p| -> Box<dyn Iterator<Item = Job> + Send> {
            if p == "-" {
                return records("-".to_string(), Box::new(std::io::BufReader::new(std::io::stdin())));
            }
            match std::fs::File::open(&p) {
                Ok(f) => records(p, Box::new(std::io::BufReader::new(f))),
                Err(e) => Box::new(std::iter::once(Job::Failed { reason: describe(&e), name: p, line: None })),
            }
        }));
    }
    let exclude = reading.exclude.clone();
    Box::new(paths.into_iter().flat_map(move |p| -> Box<dyn Iterator<Item = Job> + Send> {
        if p == "-" {
            return Box::new(std::iter::once(Job::Stdin));
        }
        if is_url(&p) {
            return Box::new(std::iter::once(Job::Url(p)));
        }
        let path = Path::new(&p);
        match std::fs::metadata(path) {
            Err(e) => Box::new(std::iter::once(Job::Failed { reason: describe(&e), name: p, line: None })),
            Ok(m) if m.is_dir() => Box::new(walk(path, &exclude).into_iter()),
            Ok(_) => Box::new(std::iter::once(Job::File { name: p.clone(), path: PathBuf::from(p) })),
        }
    }))
}

fn records(stream: String, reader: Box<dyn BufRead + Send>) -> Box<dyn Iterator<Item = Job> + Send> {
    Box::new(reader.lines().enumerate().filter_map(move |(i, line)| match line {
        Ok(text) if text.trim().is_empty() => None,
        Ok(text) => Some(Job::Record { stream: stream.clone(), line: i + 1, text }),
        Err(e) => Some(Job::Failed { name: stream.clone(), reason: format!("cannot read: {e}"), line: Some(i + 1) }),
    }))
}

fn walk(root: &Path, exclude: &Option<(PathBuf, Vec<String>)>) -> Vec<Job> {
    let mut jobs = Vec::new();
    let mut builder = ignore::WalkBuilder::new(root);
    builder.sort_by_file_name(|a, b| a.cmp(b));
    // A config's excluded paths are globs relative to the config's folder.
    if let Some((base, globs)) = exclude {
        let mut o = ignore::overrides::OverrideBuilder::new(base);
        for g in globs {
            if let Err(e) = o.add(&format!("!{g}")) {
                jobs.push(Job::Failed { name: g.clone(), reason: format!("bad exclude pattern: {e}"), line: None });
            }
        }
        match o.build() {
            Ok(o) => {
                builder.overrides(o);
            }
            Err(e) => jobs.push(Job::Failed { name: base.display().to_string(), reason: e.to_string(), line: None }),
        }
    }
    for entry in builder.build() {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                let path = e.into_path();
                jobs.push(Job::File { name: path.display().to_string(), path });
            }
            Ok(_) => {}
            Err(e) => jobs.push(Job::Failed { name: root.display().to_string(), reason: e.to_string(), line: None }),
        }
    }
    jobs
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::IsADirectory => "is a directory".to_string(),
        std::io::ErrorKind::InvalidData => "not valid UTF-8".to_string(),
        _ => e.to_string(),
    }
}

fn extension_is_html(name: &str) -> Option<bool> {
    let ext = Path::new(name).extension()?.to_str()?.to_ascii_lowercase();
    Some(matches!(ext.as_str(), "html" | "htm" | "xhtml"))
}

/// Reads, fetches or parses a job. Runs on a worker thread.
pub fn read(job: Job, reading: &Reading) -> Input {
    let options = |html: Option<bool>| ReadOptions { encoding: reading.encoding, charset: None, html };
    let doc = |name: String, bytes: Vec<u8>, opts: ReadOptions, meta: Option<Map<String, Value>>| {
        let loaded = input::load(bytes, &opts);
        match loaded.skipped.clone() {
            Some(reason) => Input::Skipped { name, reason },
            None => Input::Doc { name, loaded: Box::new(loaded), meta },
        }
    };
    match job {
        Job::Failed { name, reason, line } => Input::Failed { name, reason, line },
        Job::Stdin => {
            let mut bytes = Vec::new();
            match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => doc("-".to_string(), bytes, options(None), None),
                Err(e) => Input::Failed { name: "-".into(), reason: format!("cannot read: {e}"), line: None },
            }
        }
        Job::File { name, path } => match std::fs::read(&path) {
            // A file without an extension may still be a page: its bytes say.
            Ok(bytes) => {
                let html = extension_is_html(&name).filter(|&h| h || Path::new(&name).extension().is_some());
                doc(name, bytes, options(html), None)
            }
            Err(e) => Input::Failed { name, reason: describe(&e), line: None },
        },
        Job::Url(url) => match fetch::fetch(&url, &reading.fetch) {
            Ok(page) => {
                let html = page.html_hint();
                let opts = ReadOptions { encoding: reading.encoding, charset: page.charset.clone(), html };
                let redirected = (page.url != url).then(|| format!("redirected to {}", page.url));
                let mut read = doc(url, page.body, opts, None);
                if let (Input::Doc { loaded, .. }, Some(note)) = (&mut read, redirected) {
                    loaded.notices.insert(0, note);
                }
                read
            }
            Err(e) => Input::Failed { name: url, reason: e.to_string(), line: None },
        },
        Job::Record { stream, line, text } => record(&stream, line, &text, reading, doc),
    }
}

/// A JSONL record: `{"id": ..., "text" | "html" | "url": ..., ...}`; the other fields are
/// carried to the output as `meta`.
fn record(
    stream: &str,
    line: usize,
    text: &str,
    reading: &Reading,
    doc: impl Fn(String, Vec<u8>, ReadOptions, Option<Map<String, Value>>) -> Input,
) -> Input {
    let fail = |name: String, reason: String| Input::Failed { name, reason, line: Some(line) };
    let here = || format!("{stream}:{line}");
    let mut fields = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) => map,
        Ok(_) => return fail(here(), "a record must be a JSON object".into()),
        Err(e) => return fail(here(), format!("not JSON: {e}")),
    };
    let name = match fields.remove("id") {
        None | Some(Value::Null) => here(),
        Some(Value::String(s)) => s,
        Some(Value::Number(n)) => n.to_string(),
        Some(other) => return fail(here(), format!("\"id\" must be a string or a number, not {other}")),
    };
    let mut body = None;
    for key in ["text", "html", "url"] {
        match fields.remove(key) {
            None => {}
            Some(Value::String(s)) if body.is_none() => body = Some((key, s)),
            Some(Value::String(_)) => {
                return fail(name, "a record holds one of \"text\", \"html\" and \"url\", not several".into());
            }
            Some(_) => return fail(name, format!("\"{key}\" must be a string")),
        }
    }
    let meta = (!fields.is_empty()).then_some(fields);
    match body {
        None => fail(name, "a record needs a \"text\", \"html\" or \"url\" field".into()),
        Some(("url", url)) => match read(Job::Url(url), reading) {
            Input::Doc { loaded, .. } => Input::Doc { name, loaded, meta },
            Input::Skipped { reason, .. } => Input::Skipped { name, reason },
            Input::Failed { reason, .. } => fail(name, reason),
        },
        Some((key, s)) => {
            let opts = ReadOptions { encoding: None, charset: None, html: Some(key == "html") };
            doc(name, s.into_bytes(), opts, meta)
        }
    }
}
