//! Checks over a set of documents (one document is a set too): rival "No. 1" claims that
//! conflict or cannot be compared, shares that add up to more than the whole, a No. 1 that the
//! shares contradict, a tie told as sole leadership, and combined-share arithmetic.
//!
//! Claims are compared on canonical scope: lexicon ids with their hierarchy (MaaS nests in AI
//! cloud nests in cloud; Volcano Engine is ByteDance's), periods as month intervals. Only what
//! the tags state counts; the scanner has already carried each document's context into them.

use crate::cues::Cue;
use crate::flags;
use crate::lexicon::{LexiconCategory, Lexicons};
use crate::model::{Claim, Flag, Kind, Related, Tag};
use crate::periods::{self, Interval};
use crate::subject::SubjectFinder;
use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

mod keys;
mod ranks;
mod shares;

pub(crate) use keys::Key;
use keys::{Rel, key, relation};
use ranks::rank_pairs;
use shares::{Shares, arithmetic, contradicted, overflow, share_conflicts};

/// One scanned document as the cross-document pass sees it.
#[derive(Debug, Clone)]
pub struct DocFacts {
    pub path: String,
    pub claims: Vec<Claim>,
    pub cues: Vec<Cue>,
    /// Who "we" and "the company" are, when the document makes it clear.
    pub issuer: Option<String>,
    /// The document's year, for periods that name none ("the first half").
    pub year: Option<u32>,
}

/// A finding over several claims, for summaries; each claim also carries it as a flag.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub code: &'static str,
    pub message: String,
    /// (document, claim) pairs, in the order the message names them.
    pub claims: Vec<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    Exact,
    /// "more than 40%", 超四成: the true share is at least this.
    AtLeast,
    /// "about 40%", 近四成, 约: near this.
    About,
}

/// A claim with its scope in comparable form.
#[derive(Debug, Clone)]
pub(crate) struct View {
    pub(crate) doc: usize,
    pub(crate) idx: usize,
    kind: Kind,
    value: Option<f64>,
    /// The place claimed: a rank's value, 1 for a leadership superlative.
    rank: Option<u32>,
    pub(crate) subject: Option<Key>,
    pub(crate) metric: Option<Key>,
    pub(crate) market: Option<Key>,
    pub(crate) geo: Option<Key>,
    pub(crate) source: Option<Key>,
    pub(crate) period: Option<(Interval, String)>,
    bound: Bound,
    /// A top-N group ("top three", 前五名) holding a combined share.
    group: Option<u32>,
    tie: Option<Vec<String>>,
}

fn bound_of(text: &str) -> Bound {
    static AT_LEAST: OnceLock<Regex> = OnceLock::new();
    static ABOUT: OnceLock<Regex> = OnceLock::new();
    let at_least = AT_LEAST.get_or_init(|| {
        Regex::new(r"(?i)\b(?:over|more than|above|at least|in excess of|upwards of)\b|超过|超|逾|以上|多于|高于")
            .expect("static regex")
    });
    let about = ABOUT.get_or_init(|| {
        Regex::new(r"(?i)\b(?:about|around|roughly|nearly|almost|approximately|some|close to|under|less than|just under)\b|约|近|接近|左右|将近|不到|不足|大约|成")
            .expect("static regex")
    });
    if about.is_match(text) {
        Bound::About
    } else if at_least.is_match(text) {
        Bound::AtLeast
    } else {
        Bound::Exact
    }
}

/// "top three", "the top five vendors", 前五名, 前五大厂商: the N of a group holding a combined share.
fn group_of(subject: &str) -> Option<u32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:together\s+)?(?:the\s+)?(?:top[\s-]*(?P<en>\d+|two|three|four|five|six|seven|eight|nine|ten)|(?P<en2>two|three|four|five|six|seven|eight|nine|ten)\s+(?:largest|biggest|leading|companies|vendors|brands|players|providers|makers|firms|suppliers))|^前(?P<zh>[二两三四五六七八九十\d]+)|^(?P<zh2>[二两三四五六七八九十]+)家")
            .expect("static regex")
    });
    let c = re.captures(subject.trim())?;
    let n = c.name("en").or(c.name("en2")).or(c.name("zh")).or(c.name("zh2"))?.as_str();
    let n = if n == "两" {
        2
    } else {
        crate::numbers::parse_en_integer(n).or_else(|| crate::numbers::parse_cn_integer(n))?
    };
    u32::try_from(n).ok().filter(|n| (2..=20).contains(n))
}

/// The rest of a market as a holder: "Others", "all other vendors", "the rest", 其他厂商.
fn is_rest(subject: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(r"^(?i:(?:all\s+)?(?:the\s+)?(?:other|remaining)\b|others\b|the\s+rest\b)|^(?:其他|其它|其余|剩余)")
            .expect("static regex")
    });
    re.is_match(subject.trim())
}

fn is_leadership(c: &Claim) -> bool {
    is_leadership_text(&c.text)
}

/// Whether a superlative claims first place: "one of the largest" and 之一 are membership of a
/// vague set, not a place.
pub(crate) fn is_leadership_text(text: &str) -> bool {
    let t = text.to_lowercase();
    !(t.starts_with("one of") || t.contains("之一") || is_other_race(&t))
}

/// "the fastest-growing of the top five", "America's most trusted", 增速最快: first in a
/// race other than size, which no share figure can bear out or contradict.
fn is_other_race(lower: &str) -> bool {
    // A claim's text is short: comparing windows beats setting up a substring search per word.
    let b = lower.as_bytes();
    ["fastest", "growing", "growth", "trusted", "reliable", "innovative", "增速", "增长最快", "信赖", "口碑"]
        .iter()
        .any(|w| b.windows(w.len()).any(|x| x == w.as_bytes()))
}

pub(crate) fn views(lex: &Lexicons, docs: &[DocFacts]) -> Vec<View> {
    let mut out = Vec::new();
    for (d, doc) in docs.iter().enumerate() {
        let ties: HashMap<usize, &Vec<String>> = doc
            .cues
            .iter()
            .filter_map(|c| match c {
                Cue::Tie { claim, names } => Some((*claim, names)),
                _ => None,
            })
            .collect();
        for (i, c) in doc.claims.iter().enumerate() {
            // "Others", "all other vendors": the rest of the market is nobody to rank or to
            // weigh a rival's figure against; nor is a place, whose share cuts the whole
            // another way ("中国占全球销量的64%").
            let mut subject = c.subject.clone().filter(|s| !is_rest(&s.text) && !is_place(lex, &s.text));
            if let (Some(s), Some(issuer)) = (&subject, &doc.issuer)
                && SubjectFinder::is_pronoun(&s.text)
            {
                subject = Some(Tag { text: issuer.clone(), id: None, span: None, via: s.via, at: s.at });
            }
            let rank = match c.kind {
                Kind::Rank if c.top.is_none() => c.value.map(|v| v as u32),
                Kind::Superlative if is_leadership(c) => Some(1),
                _ => None,
            };
            let period = c.scope.period.as_ref().and_then(|p| {
                let i = periods::interval(&p.text, doc.year)?;
                Some((i, i.to_string()))
            });
            let group = c
                .holders
                .or_else(|| subject.as_ref().and_then(|s| group_of(&s.text)))
                .filter(|_| c.kind == Kind::Share);
            out.push(View {
                doc: d,
                idx: i,
                kind: c.kind,
                value: c.value,
                rank,
                subject: key(lex, LexiconCategory::Org, subject.as_ref()),
                metric: key(lex, LexiconCategory::Metric, c.scope.metric.as_ref()),
                market: key(lex, LexiconCategory::Market, c.scope.market.as_ref()),
                geo: key(lex, LexiconCategory::Geo, c.scope.geography.as_ref()),
                source: key(lex, LexiconCategory::Source, c.scope.source.as_ref()),
                period,
                bound: bound_of(&c.text),
                group,
                tie: ties.get(&i).map(|n| (*n).clone()),
            });
        }
    }
    out
}

/// How one axis of two claims' scopes compares.
#[derive(Debug, Clone, PartialEq)]
enum Axis {
    Same,
    /// Stated on both sides, one within the other (MaaS in AI cloud, Q2 in H1): compatible, but
    /// worth saying when the claims are set side by side.
    Nested(String),
    Differ(String),
}

/// How two claims' scopes compare, axis by axis.
struct Axes {
    metric: Axis,
    market: Axis,
    geo: Axis,
    period: Axis,
    /// Not a scope axis (two trackers may measure one scope) but part of what a reader compares.
    source: Axis,
}

impl Axes {
    /// No axis differs: the claims speak of one scope (nesting allowed).
    fn all_match(&self) -> bool {
        [&self.metric, &self.market, &self.geo, &self.period].iter().all(|a| !matches!(a, Axis::Differ(_)))
    }

    /// Every axis on which the claims are not the same, in reading order.
    fn describe(&self) -> String {
        [&self.metric, &self.market, &self.geo, &self.period, &self.source]
            .iter()
            .filter_map(|a| match a {
                Axis::Same => None,
                Axis::Nested(t) | Axis::Differ(t) => Some(t.as_str()),
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

fn label(k: &Option<Key>, what: &str) -> String {
    k.as_ref().map_or(format!("{what} unstated"), |k| k.label.clone())
}

/// Axis by axis: a stated pair matches when equal, and is compatible when nested (periods:
/// overlapping); stated against unstated differs. The scanner has already carried a document's
/// context (title, dateline, earlier sentences) into each claim's tags, so nothing more is
/// assumed here.
fn compare(lex: &Lexicons, a: &View, b: &View) -> Axes {
    let axis = |x: &Option<Key>, y: &Option<Key>, what: &str| -> Axis {
        let text = || format!("{} vs {}", label(x, what), label(y, what));
        match (x, y) {
            (Some(p), Some(q)) => match relation(lex, p, q) {
                Rel::Same => Axis::Same,
                Rel::Nested => Axis::Nested(text()),
                _ => Axis::Differ(text()),
            },
            (None, None) => Axis::Same,
            _ => Axis::Differ(text()),
        }
    };
    let period = match (&a.period, &b.period) {
        (Some((x, _)), Some((y, _))) if x == y => Axis::Same,
        (Some((x, lx)), Some((y, ly))) if x.overlaps(y) => Axis::Nested(format!("{lx} vs {ly}")),
        (Some((_, lx)), Some((_, ly))) => Axis::Differ(format!("{lx} vs {ly}")),
        (None, None) => Axis::Same,
        (x, y) => Axis::Differ(format!(
            "{} vs {}",
            x.as_ref().map_or("period unstated", |p| p.1.as_str()),
            y.as_ref().map_or("period unstated", |p| p.1.as_str())
        )),
    };
    let source = match (&a.source, &b.source) {
        (Some(_), Some(_)) => axis(&a.source, &b.source, "source"),
        _ => Axis::Same,
    };
    Axes {
        metric: axis(&a.metric, &b.metric, "metric"),
        market: axis(&a.market, &b.market, "market"),
        // A national leader and a global leader are different claims, so places must be equal.
        geo: match axis(&a.geo, &b.geo, "geography") {
            Axis::Nested(t) => Axis::Differ(t),
            other => other,
        },
        period,
        source: match source {
            Axis::Nested(t) => Axis::Differ(t),
            other => other,
        },
    }
}

/// Every scope axis the same (the source may still differ), as `compare` would find it but
/// without writing descriptions: it is asked for every pair of claims, so it must not allocate.
fn same_scope(lex: &Lexicons, a: &View, b: &View) -> bool {
    let same = |x: &Option<Key>, y: &Option<Key>| match (x, y) {
        (Some(p), Some(q)) => relation(lex, p, q) == Rel::Same,
        (None, None) => true,
        _ => false,
    };
    let period = match (&a.period, &b.period) {
        (Some((x, _)), Some((y, _))) => x == y,
        (None, None) => true,
        _ => false,
    };
    period && same(&a.metric, &b.metric) && same(&a.market, &b.market) && same(&a.geo, &b.geo)
}

fn who(v: &View) -> &str {
    v.subject.as_ref().map_or("(no subject)", |s| s.label.as_str())
}

fn pct(v: f64) -> String {
    let s = format!("{v:.1}");
    let s = s.strip_suffix(".0").unwrap_or(&s);
    format!("{s}%")
}

/// Runs every check over `docs`, adds the flags to their claims, and returns the findings.
pub fn check(lex: &Lexicons, docs: &mut [DocFacts]) -> Vec<Finding> {
    let vs = views(lex, docs);
    let shares = Shares::new(lex, &vs);
    let mut findings = Vec::new();
    rank_pairs(lex, &vs, &mut findings);
    share_conflicts(lex, &vs, &mut findings);
    overflow(lex, &vs, &mut findings);
    contradicted(lex, &vs, &shares, &mut findings);
    arithmetic(lex, &vs, &shares, docs, &mut findings);
    attach(docs, &findings);
    findings
}

/// Whether a subject is only a place.
fn is_place(lex: &Lexicons, label: &str) -> bool {
    lex.get(LexiconCategory::Geo).find(label, 0..label.len()).iter().any(|m| m.range.len() * 10 >= label.len() * 8)
}

/// Each finding becomes a flag on every claim it names, pointing at the others.
fn attach(docs: &mut [DocFacts], findings: &[Finding]) {
    let mut adds: Vec<(usize, usize, Flag)> = Vec::new();
    for f in findings {
        for (k, &(d, i)) in f.claims.iter().enumerate() {
            let mut flag = flags::flag(f.code, f.message.clone());
            flag.related = f
                .claims
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != k)
                .map(|(_, &(od, oi))| {
                    let c = &docs[od].claims[oi];
                    Related { path: docs[od].path.clone(), span: c.span, text: c.text.clone() }
                })
                .collect();
            adds.push((d, i, flag));
        }
    }
    for (d, i, flag) in adds {
        let claim = &mut docs[d].claims[i];
        if !claim.flags.iter().any(|f| f.code == flag.code && f.message == flag.message) {
            claim.flags.push(flag);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scanner;

    fn facts(scanner: &Scanner, path: &str, text: &str) -> DocFacts {
        let doc = crate::Document::from_text(text.to_string());
        let claims = scanner.scan(&doc);
        let cues = crate::cues::read(&doc, &claims, scanner.lexicons());
        DocFacts { path: path.to_string(), claims, cues, issuer: None, year: None }
    }

    #[test]
    fn one_source_giving_two_figures_for_one_scope_is_a_conflict() {
        let scanner = Scanner::with_defaults().unwrap();
        let a = "According to IDC, Acme held 31.2% of China's smartphone shipments in Q2 2025.";
        let b = "According to IDC, Acme held 27.5% of China's smartphone shipments in Q2 2025.";
        let rounded = "According to IDC, Acme held 31% of China's smartphone shipments in Q2 2025.";
        let other_source = "According to Canalys, Acme held 27.5% of China's smartphone shipments in Q2 2025.";
        let codes = |texts: &[&str]| {
            let mut set: Vec<DocFacts> =
                texts.iter().enumerate().map(|(i, t)| facts(&scanner, &i.to_string(), t)).collect();
            check(scanner.lexicons(), &mut set).into_iter().map(|f| f.code).collect::<Vec<_>>()
        };
        assert_eq!(codes(&[a, b]), ["conflict"]);
        assert!(codes(&[a, rounded]).is_empty(), "one figure rounded two ways");
        assert!(codes(&[a, other_source]).is_empty(), "two trackers may differ");
    }

    #[test]
    fn groups_and_bounds() {
        assert_eq!(group_of("前三名"), Some(3));
        assert_eq!(group_of("the top five vendors"), Some(5));
        assert_eq!(group_of("Together the five companies"), Some(5));
        assert_eq!(group_of("三家头部厂商"), Some(3));
        assert_eq!(group_of("Acme"), None);
        assert_eq!(bound_of("more than 40%"), Bound::AtLeast);
        assert_eq!(bound_of("约三成"), Bound::About);
        assert_eq!(bound_of("46.4%"), Bound::Exact);
    }
}
