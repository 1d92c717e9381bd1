//! `--check-citations` across a run: every cited URL is fetched and read once however many
//! claims and documents cite it, even when documents are scanned in parallel, and the verdicts
//! are tallied for the closing summary line.

use crate::check::{self, CheckOptions, Outcome};
use claimscope::Scanner;
use claimscope::model::{CitationStatus, Claim};
use claimscope::verify::{self, Page};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

/// A cited URL, read, or why it could not be.
enum Checked {
    Page(Box<Page>),
    Failed(String),
}

type Cell = Arc<OnceLock<Checked>>;

pub struct Citer<'s> {
    scanner: &'s Scanner,
    opts: CheckOptions,
    memo: Mutex<HashMap<String, Cell>>,
    tally: Mutex<Tally>,
}

#[derive(Default)]
struct Tally {
    citations: usize,
    supported: usize,
    unsupported: usize,
    unreachable: usize,
    pages: usize,
    from_cache: usize,
}

impl<'s> Citer<'s> {
    pub fn new(scanner: &'s Scanner, opts: CheckOptions) -> Self {
        Citer { scanner, opts, memo: Mutex::default(), tally: Mutex::default() }
    }

    /// Fetches what `claims` cite (what no earlier document already fetched) and settles each
    /// citation that has a URL.
    pub fn check(&self, claims: &mut [Claim]) {
        let mut urls: Vec<String> = claims.iter().flat_map(verify::cited_urls).map(str::to_string).collect();
        urls.sort();
        urls.dedup();
        if urls.is_empty() {
            return;
        }
        // Claim the URLs nobody has claimed yet; a URL another document is fetching right now is
        // waited for below rather than fetched twice.
        let mut mine = Vec::new();
        let cells: HashMap<String, Cell> = {
            let mut memo = self.memo.lock().unwrap_or_else(|e| e.into_inner());
            urls.iter()
                .map(|u| {
                    let cell = memo.entry(u.clone()).or_insert_with(|| {
                        mine.push(u.clone());
                        Cell::default()
                    });
                    (u.clone(), Arc::clone(cell))
                })
                .collect()
        };
        if !mine.is_empty() {
            let mut outcomes = check::check_all(&mine, &self.opts);
            let mut tally = Tally::default();
            for u in &mine {
                let checked = match outcomes.remove(u) {
                    Some(Outcome::Fetched { page, from_cache }) => {
                        tally.pages += 1;
                        tally.from_cache += usize::from(from_cache);
                        let html = page.html_hint();
                        Checked::Page(Box::new(Page::read(self.scanner, &page.url, page.body, html, page.charset)))
                    }
                    Some(Outcome::Failed { reason }) => Checked::Failed(reason),
                    None => Checked::Failed("not fetched".to_string()),
                };
                let _ = cells[u].set(checked);
            }
            self.add(tally);
        }
        let lookup = |u: &str| {
            let checked = cells.get(u)?.wait();
            Some(match checked {
                Checked::Page(p) => Ok(&**p),
                Checked::Failed(reason) => Err(reason.as_str()),
            })
        };
        let mut tally = Tally::default();
        for c in claims.iter_mut() {
            verify::settle(self.scanner, c, lookup);
            for x in c.citations.iter().filter(|x| x.reference.as_ref().is_some_and(|r| r.url.is_some())) {
                tally.citations += 1;
                match x.status {
                    CitationStatus::Supported => tally.supported += 1,
                    CitationStatus::Unsupported => tally.unsupported += 1,
                    CitationStatus::Unreachable => tally.unreachable += 1,
                    _ => {}
                }
            }
        }
        self.add(tally);
    }

    fn add(&self, t: Tally) {
        let mut all = self.tally.lock().unwrap_or_else(|e| e.into_inner());
        all.citations += t.citations;
        all.supported += t.supported;
        all.unsupported += t.unsupported;
        all.unreachable += t.unreachable;
        all.pages += t.pages;
        all.from_cache += t.from_cache;
    }

    /// "citations: 9 checked: 6 supported, 2 unsupported, 1 unreachable; 5 pages read, 2 from cache"
    pub fn summary(&self) -> String {
        let t = self.tally.lock().unwrap_or_else(|e| e.into_inner());
        format!(
            "citations: {} checked: {} supported, {} unsupported, {} unreachable; {} {} read, {} from cache",
            t.citations,
            t.supported,
            t.unsupported,
            t.unreachable,
            t.pages,
            if t.pages == 1 { "page" } else { "pages" },
            t.from_cache
        )
    }
}
