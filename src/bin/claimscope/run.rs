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
    pub fn each<E>(&self, emit: impl FnMut(Done) -> Result<(), E>) -> Result<(), E> {
        let jobs = inputs::jobs(&self.paths, &self.reading);
        let work = |job| match inputs::read(job, &self.reading) {
            inputs::Input::Doc { name, loaded, meta } => {
                let (mut claims, voice) = self.scanner.analyze(&loaded.doc);
                if let Some(citer) = &self.citer {
                    citer.check(&mut claims);
                }
                let cues = cues::read(&loaded.doc, &claims, self.scanner.lexicons());
                let year = year_of(&loaded);
                let silences = claimscope::suppress::read(&loaded.doc.raw);
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
        };
        pipeline::run(jobs, self.threads, work, emit)
    }

    /// The closing line about citation checks, when they ran.
    pub fn citation_summary(&self) -> Option<String> {
        self.citer.as_ref().map(|c| c.summary())
    }
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
