//! Checking a citation: does the cited page hold the claim's figure? The page arrives as bytes
//! fetched by the caller (the core does no I/O); it is read through the same path as any input,
//! so an HTML page is judged on its visible text, and a GBK page on its decoded text.
//!
//! A share is found in every written form the number reader knows (46.4%, 46.4 percent,
//! ４６．４％, 百分之四十六点四, 三成), at the precision the claim states: a claim of "about
//! 38%" is held up by a page that says 38.2%. A rank or leadership claim needs the same rank
//! word and the same subject near it, because "No. 1" on its own appears on every vendor's page.

use crate::Scanner;
use crate::document::Document;
use crate::flags;
use crate::input::{self, ReadOptions};
use crate::lexicon::LexiconCategory;
use crate::model::{Citation, CitationStatus, Claim, FoundFigure, Kind, Span};
use crate::numbers;
use std::ops::Range;

/// A cited page, read and scanned once however many claims cite it.
pub struct Page {
    /// The URL the page was finally served from.
    pub url: String,
    pub doc: Document,
    claims: Vec<Claim>,
}

impl Page {
    /// Reads a fetched body: `html` from the content type when it said, `charset` from its header.
    pub fn read(scanner: &Scanner, url: &str, body: Vec<u8>, html: Option<bool>, charset: Option<String>) -> Page {
        let loaded = input::load(body, &ReadOptions { encoding: None, charset, html });
        let claims = scanner.scan(&loaded.doc);
        Page { url: url.to_string(), doc: loaded.doc, claims }
    }
}

/// What one cited page says about one claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// The figure, where it stands in the page as read (after decoding to UTF-8).
    Supported(FoundFigure),
    /// What was looked for and not found.
    Unsupported(String),
}

/// Looks for `claim`'s figure in `page`.
pub fn judge(scanner: &Scanner, claim: &Claim, page: &Page) -> Verdict {
    let subject = Subject::of(scanner, claim);
    let found = match (claim.kind, claim.value) {
        (Kind::Share, Some(v)) => {
            share_in(scanner, &page.doc, v, precision(&claim.text), &subject).map(|r| page.doc.span(r))
        }
        (Kind::Share, None) => None,
        (Kind::Rank | Kind::Superlative, _) => rank_in(scanner, page, claim, &subject),
    };
    match found {
        Some(span) => {
            let text = page.doc.raw_slice(&span).to_string();
            Verdict::Supported(FoundFigure { text, start: span.start, end: span.end })
        }
        None => Verdict::Unsupported(wanted(claim, &subject)),
    }
}

/// Settles a claim's citations from what became of their pages, and flags the claim when none of
/// its checked citations holds the figure. `lookup` gives, for a cited URL, its page or why it
/// could not be fetched; `None` leaves that citation unchecked.
pub fn settle<'p>(scanner: &Scanner, claim: &mut Claim, lookup: impl Fn(&str) -> Option<Result<&'p Page, &'p str>>) {
    let mut citations = std::mem::take(&mut claim.citations);
    for c in &mut citations {
        let Some(url) = c.reference.as_ref().and_then(|r| r.url.as_deref()) else { continue };
        match lookup(url) {
            None => {}
            Some(Err(reason)) => {
                c.status = CitationStatus::Unreachable;
                c.detail = Some(reason.to_string());
            }
            Some(Ok(page)) => match judge(scanner, claim, page) {
                Verdict::Supported(found) => {
                    c.status = CitationStatus::Supported;
                    c.found = Some(found);
                }
                Verdict::Unsupported(what) => {
                    c.status = CitationStatus::Unsupported;
                    c.detail = Some(what);
                }
            },
        }
    }
    // One page that holds the figure answers for the claim; the others' statuses still say what they hold.
    if !citations.iter().any(|c| c.status == CitationStatus::Supported) {
        for c in &citations {
            let url = c.reference.as_ref().and_then(|r| r.url.as_deref()).unwrap_or_default();
            let detail = c.detail.as_deref().unwrap_or_default();
            match c.status {
                CitationStatus::Unsupported => claim.flags.push(flags::flag(
                    "citation-unsupported",
                    format!("cited page {url} ({}) does not hold it: {detail}", c.marker),
                )),
                CitationStatus::Unreachable => claim.flags.push(flags::flag(
                    "citation-unreachable",
                    format!("cited page {url} ({}) could not be fetched: {detail}", c.marker),
                )),
                _ => {}
            }
        }
    }
    claim.citations = citations;
}

/// The cited URLs of a claim that `settle` would look up.
pub fn cited_urls(claim: &Claim) -> impl Iterator<Item = &str> {
    claim.citations.iter().filter_map(|c: &Citation| c.reference.as_ref()?.url.as_deref())
}

/// Half a unit in the last place the claim writes: 46.4% → 0.05, 38% → 0.5.
fn precision(claim_text: &str) -> f64 {
    let shares = numbers::find_shares(claim_text);
    let token = shares.first().map_or(claim_text, |(r, _)| &claim_text[r.clone()]);
    let digit = |c: &char| c.is_ascii_digit() || ('０'..='９').contains(c) || "〇零一二三四五六七八九".contains(*c);
    let decimals = token.split(['.', '．', '点']).nth(1).map_or(0, |frac| frac.chars().take_while(digit).count());
    0.5 * 10f64.powi(-(decimals.min(4) as i32)) + 1e-9
}

/// The claim's subject as the page might name it: its words, and its lexicon id when it has one
/// (so 阿里云 on a Chinese page meets Alibaba Cloud in the claim).
struct Subject {
    text: Option<String>,
    id: Option<String>,
}

impl Subject {
    fn of(scanner: &Scanner, claim: &Claim) -> Subject {
        let Some(t) = &claim.subject else { return Subject { text: None, id: None } };
        let orgs = scanner.lexicons().get(LexiconCategory::Org);
        let id = t.id.clone().or_else(|| {
            let m = orgs.find(&t.text, 0..t.text.len()).into_iter().next()?;
            Some(orgs.id(m.entry).to_string())
        });
        Subject { text: Some(t.text.clone()), id }
    }

    fn is_known(&self) -> bool {
        self.text.is_some()
    }

    /// Whether the subject is named in the page's sentence `sentence` (a text-view range).
    fn named_in(&self, scanner: &Scanner, page: &Document, sentence: Range<usize>) -> bool {
        let Some(name) = &self.text else { return true };
        if contains_folded(&page.text[sentence.clone()], name) {
            return true;
        }
        let Some(id) = &self.id else { return false };
        let orgs = scanner.lexicons().get(LexiconCategory::Org);
        orgs.find(&page.text, sentence).iter().any(|m| orgs.lineage(m.entry).any(|e| orgs.id(e) == id))
    }

    /// Whether a claim found on the page is about this subject: by its own subject when it has
    /// one, else by the subject being named in its sentence.
    fn owns(&self, scanner: &Scanner, page: &Document, c: &Claim) -> bool {
        let Some(name) = &self.text else { return true };
        match &c.subject {
            Some(t) => t.text.trim().eq_ignore_ascii_case(name.trim()) || t.id.is_some() && t.id == self.id,
            None => sentence_at_raw(page, c.span.start).is_some_and(|s| self.named_in(scanner, page, s)),
        }
    }
}

/// The text-view range of the sentence holding text offset `at`.
fn sentence_at(doc: &Document, at: usize) -> Option<Range<usize>> {
    let sentences = &doc.layout.sentences;
    let i = sentences.partition_point(|s| s.range.end <= at);
    sentences.get(i).filter(|s| s.range.start <= at).map(|s| s.range.clone())
}

/// The text-view range of the sentence whose bytes in the input hold raw offset `at`.
fn sentence_at_raw(doc: &Document, at: usize) -> Option<Range<usize>> {
    let sentences = &doc.layout.sentences;
    let i = sentences.partition_point(|s| doc.span(s.range.clone()).end <= at);
    sentences.get(i).map(|s| s.range.clone())
}

fn contains_folded(hay: &str, needle: &str) -> bool {
    let needle = needle.trim();
    !needle.is_empty() && hay.to_lowercase().contains(&needle.to_lowercase())
}

/// The figure in the page's text view: in a sentence naming the subject if there is one, else
/// the first place it appears at all.
fn share_in(scanner: &Scanner, page: &Document, value: f64, tolerance: f64, subject: &Subject) -> Option<Range<usize>> {
    let hits: Vec<Range<usize>> = numbers::find_shares(&page.text)
        .into_iter()
        .filter(|(_, v)| (v - value).abs() <= tolerance)
        .map(|(r, _)| r)
        .collect();
    let near = hits.iter().find(|r| sentence_at(page, r.start).is_some_and(|s| subject.named_in(scanner, page, s)));
    near.cloned().or_else(|| hits.into_iter().next())
}

/// A claim of the same rank (or leadership) on the page, about the same subject.
fn rank_in(scanner: &Scanner, page: &Page, claim: &Claim, subject: &Subject) -> Option<Span> {
    let leads =
        |c: &Claim| c.kind == Kind::Superlative || c.kind == Kind::Rank && c.value == Some(1.0) && c.top.is_none();
    let same = |c: &Claim| match claim.kind {
        Kind::Superlative => leads(c),
        _ if claim.top.is_some() => c.kind == Kind::Rank && c.top == claim.top,
        _ if claim.value == Some(1.0) => leads(c),
        _ => c.kind == Kind::Rank && c.value == claim.value && c.top.is_none(),
    };
    page.claims.iter().find(|c| same(c) && subject.owns(scanner, &page.doc, c)).map(|c| c.span)
}

/// What was looked for, for the citation's detail.
fn wanted(claim: &Claim, subject: &Subject) -> String {
    let who = subject.text.as_deref().map_or(String::new(), |s| format!(" for {s}"));
    match (claim.kind, claim.value, claim.top) {
        (Kind::Share, Some(v), _) => format!("no {v}% in the page"),
        (Kind::Share, None, _) => "the claim states no figure to look for".to_string(),
        (_, _, Some(n)) => format!("no top-{n} placing{who} in the page"),
        (Kind::Rank, Some(v), None) if subject.is_known() => format!("no No. {v} placing{who} in the page"),
        (Kind::Rank, Some(v), None) => format!("no No. {v} placing in the page"),
        _ => format!("no leadership claim{who} in the page"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn scanner() -> &'static Scanner {
        static S: OnceLock<Scanner> = OnceLock::new();
        S.get_or_init(|| Scanner::with_defaults().unwrap())
    }

    fn claim(text: &str, kind: Kind) -> Claim {
        let claims = scanner().scan(&Document::from_text(text.to_string()));
        claims.into_iter().find(|c| c.kind == kind).unwrap_or_else(|| panic!("no {kind} claim in {text:?}"))
    }

    fn page(body: &str, html: bool) -> Page {
        Page::read(scanner(), "https://example.org/p", body.as_bytes().to_vec(), Some(html), None)
    }

    fn found(claim_text: &str, kind: Kind, body: &str, html: bool) -> Option<String> {
        let p = page(body, html);
        match judge(scanner(), &claim(claim_text, kind), &p) {
            Verdict::Supported(f) => {
                assert_eq!(&p.doc.raw()[f.start..f.end], f.text, "the found span is the page's own bytes");
                Some(f.text)
            }
            Verdict::Unsupported(_) => None,
        }
    }

    #[test]
    fn a_share_is_found_in_any_written_form() {
        let c = "According to IDC, Acme held 46.4% of the Chinese public cloud market in 2024.";
        assert_eq!(
            found(c, Kind::Share, "Acme took 46.4 percent of spending.", false).as_deref(),
            Some("46.4 percent")
        );
        assert_eq!(found(c, Kind::Share, "<p>Acme: <b>４６．４％</b></p>", true).as_deref(), Some("４６．４％"));
        assert_eq!(found(c, Kind::Share, "阿克米占百分之四十六点四。", false).as_deref(), Some("百分之四十六点四"));
        assert_eq!(found(c, Kind::Share, "Acme took 46.9% of spending.", false), None);
    }

    #[test]
    fn a_rounded_claim_is_held_up_by_the_exact_figure() {
        let c = "Acme held about 38% of the market in 2024, according to IDC.";
        assert_eq!(found(c, Kind::Share, "Acme: 38.2% share (IDC, 2024).", false).as_deref(), Some("38.2%"));
        assert_eq!(found(c, Kind::Share, "Acme: 38.6% share (IDC, 2024).", false), None);
        let exact = "Acme held 38.0% of the market in 2024, according to IDC.";
        assert_eq!(found(exact, Kind::Share, "Acme: 38.2% share (IDC, 2024).", false), None);
    }

    #[test]
    fn the_figure_near_the_subject_is_preferred() {
        let c = "Acme held 12% of the market in 2024, according to IDC.";
        let body = "Bolt grew 12% in 2024.\n\nMany vendors compete in this market, and the tracker covers all of them \
                    across every region and every channel that the firm tracks each quarter of the year, in detail.\n\n\
                    Acme held 12% of shipments.";
        let p = page(body, false);
        let Verdict::Supported(f) = judge(scanner(), &claim(c, Kind::Share), &p) else { panic!("not found") };
        assert!(f.start > body.find("Acme held").unwrap(), "{f:?}");
    }

    #[test]
    fn a_rank_needs_its_subject_beside_it() {
        let c = "Acme ranked second in European smartphone shipments in Q2 2025, according to Canalys.";
        let holds = "In Q2 2025 Bolt led the European smartphone market. Acme ranked second.";
        let other = "In Q2 2025 Acme led Europe's smartphone market. Bolt ranked second.";
        assert!(found(c, Kind::Rank, holds, false).is_some());
        assert_eq!(found(c, Kind::Rank, other, false), None);
        let zh = "据Canalys数据，2025年第二季度，阿克米在欧洲智能手机市场排名第二。";
        assert!(found(c, Kind::Rank, zh, false).is_none(), "a different name is a different subject");
        let alias = "Alibaba Cloud ranked first in China's AI cloud market in 2024, according to IDC.";
        let zh = "IDC数据显示，2024年阿里云在中国AI公有云市场排名第一。";
        assert!(found(alias, Kind::Rank, zh, false).is_some(), "one company under its Chinese name");
    }

    #[test]
    fn settling_flags_a_claim_only_when_no_page_holds_it() {
        let text = "Acme held 31% of the market in 2024 [1][2].\n\nReferences\n\n1. IDC, https://a.example.org/x\n\
                    2. Omdia, https://b.example.org/y\n";
        let mut c = claim(text, Kind::Share);
        assert_eq!(c.citations.len(), 2, "{:?}", c.citations);
        let holds = page("Acme: 31%.", false);
        let lacks = page("Acme: 29%.", false);
        let mut one = c.clone();
        settle(scanner(), &mut one, |u| Some(Ok(if u.contains("a.example") { &holds } else { &lacks })));
        let statuses: Vec<_> = one.citations.iter().map(|c| c.status).collect();
        assert_eq!(statuses, [CitationStatus::Supported, CitationStatus::Unsupported]);
        assert!(!one.flags.iter().any(|f| f.code.starts_with("citation-")), "{:?}", one.flags);

        settle(scanner(), &mut c, |u| if u.contains("a.example") { Some(Err("HTTP 404")) } else { Some(Ok(&lacks)) });
        let codes: Vec<_> = c.flags.iter().map(|f| f.code.as_str()).filter(|f| f.starts_with("citation-")).collect();
        assert_eq!(codes, ["citation-unreachable", "citation-unsupported"]);
        assert_eq!(c.citations[0].detail.as_deref(), Some("HTTP 404"));
        assert_eq!(c.citations[1].detail.as_deref(), Some("no 31% in the page"));
    }
}
