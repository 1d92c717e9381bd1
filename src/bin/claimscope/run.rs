//! Reading and scanning every input of a run, shared by `scan` and `matrix`: the jobs, the
//! per-document work (scan, cited pages, cues for the cross-document pass) and the handover of
//! each finished document in input order.

use crate::cited::Citer;
use crate::{InputArgs, InputKind, check, fetch, inputs, pipeline};
use claimscope::Scanner;
use claimscope::crossdoc::{self, DocFacts};
use claimscope::cues::{self, Cue};
use claimscope::model::{InputError, VoiceReport};
use std::io::IsTerminal;
use std::path::PathBuf;

/// The settings file of a run, if any, and the folder its relative paths start from.
#[derive(Default)]
pub struct Loaded {
    pub config: claimscope::config::Config,
    pub dir: Option<PathBuf>,
    pub path: Option<PathBuf>,
}

/// A document scanned, on its way to the renderer.
pub struct Scanned {
    pub name: String,
    pub loaded: Box<claimscope::input::Loaded>,
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    pub claims: Vec<claimscope::Claim>,
    pub voice: Option<VoiceReport>,
    cues: Vec<Cue>,
    year: Option<u32>,
    /// Inline suppressions, applied when the document is written (after the set checks).
    pub silences: Vec<claimscope::suppress::Silence>,
}

pub enum Done {
    Doc(Box<Scanned>),
    Skipped { name: String, reason: String },
    Failed(InputError),
}

pub struct Run<'s> {
    scanner: &'s Scanner,
    reading: inputs::Reading,
    citer: Option<Citer<'s>>,
    paths: Vec<String>,
    threads: usize,
    /// Whether a set of documents is being collected for comparison (else each is checked alone).
    pub cross: bool,
}

impl<'s> Run<'s> {
    pub fn new(args: &InputArgs, scanner: &'s Scanner, cross: bool, config: &Loaded) -> Run<'s> {
        let exclude = config
            .dir
            .clone()
            .filter(|_| !config.config.exclude.is_empty())
            .map(|d| (d, config.config.exclude.clone()));
        let reading = inputs::Reading {
            exclude,
            jsonl: args.input == InputKind::Jsonl,
            encoding: args.encoding,
            fetch: fetch::FetchOptions {
                timeout: std::time::Duration::from_secs_f64(args.timeout),
                max_bytes: args.max_bytes,
                ..fetch::FetchOptions::default()
            },
        };
        let cfg = &config.config.citations;
        let citer = (args.check_citations || cfg.check).then(|| {
            let mut fetch = reading.fetch.clone();
            if let Some(t) = cfg.timeout.filter(|t| *t > 0.0 && t.is_finite()) {
                fetch.timeout = std::time::Duration::from_secs_f64(t);
            }
            let configured = cfg.cache.as_ref().map(|c| config.dir.clone().unwrap_or_default().join(c));
            let opts = check::CheckOptions {
                fetch,
                cache_dir: if args.no_cache {
                    None
                } else {
                    args.cache.clone().or(configured).or_else(default_cache_dir)
                },
                allow_private: args.allow_private_hosts || cfg.allow_private_hosts,
                retries: args.retries.or(cfg.retries).unwrap_or(3),
                progress: std::io::stderr().is_terminal(),
                ..check::CheckOptions::default()
            };
            Citer::new(scanner, opts)
        });
        let paths = if args.paths.is_empty() { vec!["-".to_string()] } else { args.paths.clone() };
        Run { scanner, reading, citer, paths, threads: usize::from(args.jobs), cross }
    }

    /// Reads and scans every input, handing each result to `emit` in input order. A document
    /// checked alone (not `cross`) has its within-document checks done here, in parallel.
    pub fn each<E>(&self, mut emit: impl FnMut(Done) -> Result<(), E>) -> Result<(), E> {
        let jobs = batches(inputs::jobs(&self.paths, &self.reading));
        let work = |batch: Vec<inputs::Job>| {
            let read: Vec<inputs::Input> = batch.into_iter().map(|job| inputs::read(job, &self.reading)).collect();
            let docs: Vec<&claimscope::Document> = read
                .iter()
                .filter_map(|input| match input {
                    inputs::Input::Doc { loaded, .. } => Some(&loaded.doc),
                    _ => None,
                })
                .collect();
            let mut found = self.scanner.analyze_many(&docs).into_iter();
            read.into_iter().map(|input| self.finish(input, &mut found)).collect::<Vec<Done>>()
        };
        pipeline::run(jobs, self.threads, work, |done: Vec<Done>| done.into_iter().try_for_each(&mut emit))
    }

    /// A read input with its claims (the next of `found` for a document) made into a result.
    fn finish(
        &self,
        input: inputs::Input,
        found: &mut impl Iterator<Item = (Vec<claimscope::model::Claim>, Option<claimscope::model::VoiceReport>)>,
    ) -> Done {
        match input {
            inputs::Input::Doc { name, loaded, meta } => {
                let (mut claims, voice) = found.next().expect("one analysis per document read");
                if let Some(citer) = &self.citer {
                    citer.check(&mut claims);
                }
                let cues = cues::read(&loaded.doc, &claims, self.scanner.lexicons());
                let year = year_of(&loaded);
                let silences = claimscope::suppress::read(loaded.doc.raw());
                let mut s = Scanned { name, loaded, meta, claims, voice, cues, year, silences };
                if !self.cross {
                    check_set(self.scanner, std::slice::from_mut(&mut s));
                }
                Done::Doc(Box::new(s))
            }
            inputs::Input::Skipped { name, reason } => Done::Skipped { name, reason },
            inputs::Input::Failed { name, reason, line } => {
                Done::Failed(InputError { path: name, line, error: reason })
            }
        }
    }

    /// The closing line about citation checks, when they ran.
    pub fn citation_summary(&self) -> Option<String> {
        self.citer.as_ref().map(|c| c.summary())
    }
}

/// Files found on disk and the records of a JSONL file, a batch at a time: a document's claims
/// are detected with the others of its batch before any is scoped, which keeps detection's
/// automata cached (see `Scanner::analyze_many`), so many files make batches of its size; a few
/// large ones still spread over the threads. Standard input, a record of it or the whole
/// stream, goes alone, as soon as it arrives: a pipeline waiting on its results must not wait
/// for the next ones to be written.
fn batches(jobs: impl Iterator<Item = inputs::Job> + Send) -> impl Iterator<Item = Vec<inputs::Job>> + Send {
    claimscope::scanner::batches(jobs, |job| match job {
        inputs::Job::File { path, .. } => Some(std::fs::metadata(path).map_or(0, |m| m.len() as usize)),
        inputs::Job::Record { stream, text, .. } if stream != "-" => Some(text.len()),
        _ => None,
    })
}

/// Runs the cross-document checks over `docs`, adding their flags to the claims.
pub fn check_set(scanner: &Scanner, docs: &mut [Scanned]) -> Vec<crossdoc::Finding> {
    let mut facts = facts_of(docs);
    let findings = crossdoc::check(scanner.lexicons(), &mut facts);
    for (d, f) in docs.iter_mut().zip(facts) {
        d.claims = f.claims;
    }
    findings
}

/// The documents as the cross-document pass sees them; their claims move over and back.
pub fn facts_of(docs: &mut [Scanned]) -> Vec<DocFacts> {
    docs.iter_mut()
        .map(|d| DocFacts {
            path: d.name.clone(),
            claims: std::mem::take(&mut d.claims),
            cues: d.cues.clone(),
            issuer: d.voice.as_ref().and_then(|v| v.issuer.first().cloned()),
            year: d.year,
        })
        .collect()
}

/// The year a document is dated, for periods that name none.
fn year_of(loaded: &claimscope::input::Loaded) -> Option<u32> {
    let date = loaded
        .page
        .as_ref()
        .and_then(|p| p.published.clone())
        .or_else(|| loaded.doc.dateline.as_ref().map(|d| d.0.clone()))?;
    let digits: Vec<char> = date.chars().collect();
    digits.windows(4).find_map(|w| {
        let s: String = w.iter().collect();
        s.parse::<u32>().ok().filter(|y| (1990..=2100).contains(y))
    })
}

/// Where citation pages are kept between runs unless `--cache` or `--no-cache` says otherwise.
fn default_cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("claimscope"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use inputs::Job;

    fn file(dir: &std::path::Path, name: &str, bytes: usize) -> Job {
        let path = dir.join(name);
        std::fs::write(&path, "x".repeat(bytes)).unwrap();
        Job::File { name: name.to_string(), path }
    }

    fn names(batch: &[Job]) -> Vec<String> {
        batch
            .iter()
            .map(|j| match j {
                Job::File { name, .. } => name.clone(),
                Job::Record { line, .. } => format!("record {line}"),
                _ => "other".to_string(),
            })
            .collect()
    }

    #[test]
    fn files_go_in_batches_and_records_alone() {
        let dir = tempfile::tempdir().unwrap();
        let big = claimscope::scanner::BATCH_BYTES;
        let jobs = vec![
            file(dir.path(), "a", 10),
            file(dir.path(), "b", 10),
            Job::Record { stream: "-".into(), line: 1, text: "{}".into() },
            Job::Record { stream: "-".into(), line: 2, text: "{}".into() },
            file(dir.path(), "c", 10),
            // Too big to join "c": it starts a batch of its own, which "d" cannot join either.
            file(dir.path(), "big", big),
            file(dir.path(), "d", 10),
        ];
        let got: Vec<Vec<String>> = batches(jobs.into_iter()).map(|b| names(&b)).collect();
        assert_eq!(got, [vec!["a", "b"], vec!["record 1"], vec!["record 2"], vec!["c"], vec!["big"], vec!["d"]]);
    }

    #[test]
    fn a_jsonl_files_records_go_in_batches_and_stdins_alone() {
        let record = |stream: &str, line| Job::Record { stream: stream.into(), line, text: "{}".into() };
        let jobs = vec![record("feed.jsonl", 1), record("feed.jsonl", 2), record("-", 1), record("-", 2)];
        let got: Vec<Vec<String>> = batches(jobs.into_iter()).map(|b| names(&b)).collect();
        assert_eq!(got, [vec!["record 1", "record 2"], vec!["record 1"], vec!["record 2"]]);
    }

    #[test]
    fn a_batch_holds_at_most_the_scanners_batch_of_files() {
        let dir = tempfile::tempdir().unwrap();
        let n = claimscope::scanner::BATCH_DOCS;
        let jobs: Vec<Job> = (0..n + 3).map(|i| file(dir.path(), &format!("f{i}"), 1)).collect();
        let sizes: Vec<usize> = batches(jobs.into_iter()).map(|b| b.len()).collect();
        assert_eq!(sizes, [n, 3]);
    }
}
