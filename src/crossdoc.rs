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

/// A scope value reduced to what comparison needs: the lexicon entry when known, else the words.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    entry: Option<usize>,
    words: String,
    pub(crate) label: String,
}

impl Key {
    /// The lexicon id when the value is known to the lexicon, else the words.
    pub(crate) fn canonical(&self, lex: &Lexicons) -> String {
        self.entry.map_or_else(|| self.words.clone(), |e| lex.id(e).to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rel {
    Same,
    /// One contains the other (MaaS in AI cloud; Q2 in H1).
    Nested,
    /// Siblings under one parent (public cloud and AI cloud).
    Related,
    Unrelated,
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

fn words(s: &str) -> String {
    s.trim().trim_end_matches(['\'', '’']).trim_end_matches("'s").trim_end_matches("’s").to_lowercase()
}

fn key(lex: &Lexicons, cat: LexiconCategory, tag: Option<&Tag>) -> Option<Key> {
    let t = tag?;
    let entry = t.id.as_deref().and_then(|id| lex.get(cat).index_of(id)).or_else(|| {
        let l = lex.get(cat);
        let m = l.find(&t.text, 0..t.text.len()).into_iter().find(|m| m.range.len() * 10 >= t.text.len() * 7)?;
        Some(m.entry)
    });
    Some(Key { entry, words: words(&t.text), label: t.text.clone() })
}

fn relation(lex: &Lexicons, a: &Key, b: &Key) -> Rel {
    match (a.entry, b.entry) {
        (Some(x), Some(y)) if x == y => Rel::Same,
        (Some(x), Some(y)) => {
            if lex.lineage(x).any(|e| e == y) || lex.lineage(y).any(|e| e == x) {
                Rel::Nested
            } else if lex.lineage(x).skip(1).any(|e| lex.lineage(y).skip(1).any(|f| f == e)) {
                Rel::Related
            } else {
                Rel::Unrelated
            }
        }
        _ if a.words == b.words => Rel::Same,
        _ => Rel::Unrelated,
    }
}

/// Where a claim's market is filed: the root of its lexicon entry's lineage, or its words.
/// Two markets that are the same or nested share one of these (`relation` gives Same only for
/// one entry, or for equal words when either is not in the lexicon; Nested only within one
/// lineage), so claims compared for one scope need only meet the claims filed with them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Filed {
    Root(usize),
    Words(String),
}

fn filed(lex: &Lexicons, market: &Key) -> impl Iterator<Item = Filed> {
    let root = market.entry.and_then(|e| lex.lineage(e).last()).map(Filed::Root);
    root.into_iter().chain(Some(Filed::Words(market.words.clone())))
}

/// Claims filed by (place, market): pairing within a file replaces pairing across the run,
/// which grew with the square of the claims.
struct MarketIndex(HashMap<(u32, Filed), Vec<usize>>);

impl MarketIndex {
    /// `items` with a market, filed under `place` (the rank, or 0 where places do not matter).
    fn new(lex: &Lexicons, items: &[&View], place: impl Fn(&View) -> u32) -> MarketIndex {
        let mut files: HashMap<(u32, Filed), Vec<usize>> = HashMap::new();
        for (i, v) in items.iter().enumerate() {
            for f in v.market.iter().flat_map(|m| filed(lex, m)) {
                files.entry((place(v), f)).or_default().push(i);
            }
        }
        MarketIndex(files)
    }

    /// Positions of the items filed with `v`'s market (in an index filed under place 0),
    /// ascending, once each.
    fn near(&self, lex: &Lexicons, v: &View) -> Vec<usize> {
        let mut out: Vec<usize> = v
            .market
            .iter()
            .flat_map(|m| filed(lex, m))
            .filter_map(|f| self.0.get(&(0, f)))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Every pair of positions (i < j) filed together, in the order a double loop visits them.
    fn pairs(&self) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = Vec::new();
        for file in self.0.values() {
            for (k, &i) in file.iter().enumerate() {
                out.extend(file[k + 1..].iter().map(|&j| (i, j)));
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
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

/// One holder, however named: "Halvik" in the text is "Halvik Home" in the table, 宝马 is 宝马集团.
fn same_subject(lex: &Lexicons, a: &Key, b: &Key) -> bool {
    if matches!(relation(lex, a, b), Rel::Same | Rel::Nested) {
        return true;
    }
    let (short, long) = if a.words.len() <= b.words.len() { (&a.words, &b.words) } else { (&b.words, &a.words) };
    let rest = long.strip_prefix(short.as_str());
    let cjk = short.chars().count() >= 2 && short.chars().all(|c| !c.is_ascii());
    !short.is_empty() && rest.is_some_and(|r| r.starts_with(' ') || (cjk && !r.is_empty()))
}

/// Rivals: two subjects claiming one place in one market (or nested markets) and places that do
/// not exclude each other. Claims whose market is unstated are nobody's rivals: there is nothing to compare.
fn rivals(lex: &Lexicons, a: &View, b: &View) -> bool {
    let (Some(sa), Some(sb), Some(ma), Some(mb)) = (&a.subject, &b.subject, &a.market, &b.market) else {
        return false;
    };
    if a.rank.is_none() || a.rank != b.rank || same_subject(lex, sa, sb) {
        return false;
    }
    // One market, or one inside the other: "No. 2 in air conditioners" and "No. 2 in fridges"
    // are not rivals, though both are appliances.
    if !matches!(relation(lex, ma, mb), Rel::Same | Rel::Nested) {
        return false;
    }
    // Latin America's leader and Europe's are not rivals; the world's and China's may be.
    !matches!((&a.geo, &b.geo), (Some(x), Some(y)) if matches!(relation(lex, x, y), Rel::Related | Rel::Unrelated))
}

fn place(rank: u32) -> String {
    if rank == 1 { "No. 1".to_string() } else { format!("No. {rank}") }
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

fn rank_pairs(lex: &Lexicons, vs: &[View], out: &mut Vec<Finding>) {
    // Rival places are weighed only when both say what was counted, where and when: a claim
    // that leaves one unstated is already flagged for it, and pairing it with every rival would
    // bury the findings that matter.
    let ranked: Vec<&View> = vs
        .iter()
        .filter(|v| v.rank.is_some() && v.subject.is_some())
        .filter(|v| v.metric.is_some() && v.market.is_some() && v.period.is_some())
        .collect();
    // Rivals claim one place in one market or nested markets: filed together.
    let pairs = MarketIndex::new(lex, &ranked, |v| v.rank.unwrap_or(0)).pairs();
    // One finding per pair of (document, subject) sides: a release that repeats its boast in the
    // title and the body is one rival, not two.
    let mut seen: std::collections::HashSet<((usize, String), (usize, String))> = Default::default();
    for (a, b) in pairs.into_iter().map(|(i, j)| (ranked[i], ranked[j])) {
        if !rivals(lex, a, b) {
            continue;
        }
        let side = |v: &View| (v.doc, v.subject.as_ref().map(|s| s.words.clone()).unwrap_or_default());
        if !seen.insert((side(a), side(b))) {
            continue;
        }
        let axes = compare(lex, a, b);
        let rank = a.rank.unwrap_or(1);
        // A shared first place is not claimed against its partner.
        let tied = |t: &View, other: &View| {
            t.tie.as_ref().is_some_and(|names| {
                other
                    .subject
                    .as_ref()
                    .is_some_and(|s| s.entry.is_some_and(|e| names.iter().any(|n| lex.index_of(n) == Some(e))))
            })
        };
        if tied(a, b) || tied(b, a) {
            continue;
        }
        // Inside one article a conflict also needs both holders known by name: a misread
        // subject there would accuse the article of contradicting itself.
        let known = |v: &View| v.subject.as_ref().is_some_and(|s| s.entry.is_some());
        // And an article setting different No. 1s side by side is reporting, not a finding.
        // Second in phones and second in foldables, a segment of phones, are both true.
        let one_market = matches!((&a.market, &b.market), (Some(x), Some(y)) if relation(lex, x, y) == Rel::Same);
        if a.doc == b.doc && !(axes.all_match() && one_market && known(a) && known(b)) {
            continue;
        }
        if axes.all_match() {
            let msg = format!(
                "{} and {} both claim {} in the same scope ({}, {}, {})",
                who(a),
                who(b),
                place(rank),
                label(&a.metric, "metric"),
                label(&a.market, "market"),
                a.period.as_ref().map_or("period unstated", |p| p.1.as_str()),
            );
            out.push(Finding { code: "conflict", message: msg, claims: vec![(a.doc, a.idx), (b.doc, b.idx)] });
        } else {
            let msg = format!(
                "{} and {} both claim {}, on different terms: {}",
                who(a),
                who(b),
                place(rank),
                axes.describe()
            );
            out.push(Finding { code: "incomparable", message: msg, claims: vec![(a.doc, a.idx), (b.doc, b.idx)] });
        }
    }
}

/// The exact scope of a share, for adding shares up: every field as stated. Across documents
/// metric, market and period must be stated; inside one document an unstated field is shared.
fn scope_key(v: &View) -> Option<(Option<usize>, String)> {
    let part =
        |k: &Option<Key>| k.as_ref().map_or("-".to_string(), |k| k.entry.map_or(k.words.clone(), |e| format!("#{e}")));
    let period = v.period.as_ref().map_or("-".to_string(), |p| format!("{}-{}", p.0.first, p.0.last));
    let stated = v.metric.is_some() && v.market.is_some() && v.period.is_some();
    let key = format!("{}|{}|{}|{}|{}", part(&v.metric), part(&v.market), part(&v.geo), period, part(&v.source));
    Some((if stated { None } else { Some(v.doc) }, key))
}

/// Whether a subject is only a place.
fn is_place(lex: &Lexicons, label: &str) -> bool {
    lex.get(LexiconCategory::Geo).find(label, 0..label.len()).iter().any(|m| m.range.len() * 10 >= label.len() * 8)
}

/// Individual subjects' shares in one exact scope, one per subject (its first), largest first.
fn scope_groups<'v>(lex: &Lexicons, vs: &'v [View]) -> Vec<Vec<&'v View>> {
    let mut groups: HashMap<(Option<usize>, String), Vec<&View>> = HashMap::new();
    let mut order = Vec::new();
    for v in vs {
        if v.kind != Kind::Share
            || v.value.is_none()
            || v.group.is_some()
            || v.bound == Bound::About
            || v.subject.is_none()
        {
            continue;
        }
        let Some(k) = scope_key(v) else { continue };
        let g = groups.entry(k.clone()).or_default();
        if g.iter()
            .any(|x| same_subject(lex, x.subject.as_ref().expect("filtered"), v.subject.as_ref().expect("filtered")))
        {
            continue;
        }
        if g.is_empty() {
            order.push(k);
        }
        g.push(v);
    }
    order
        .into_iter()
        .filter_map(|k| groups.remove(&k))
        .map(|mut g| {
            g.sort_by(|a, b| b.value.partial_cmp(&a.value).unwrap_or(std::cmp::Ordering::Equal));
            g
        })
        .collect()
}

/// One tracker, one scope, one subject, two exact figures from two documents: they cannot both hold.
fn share_conflicts(lex: &Lexicons, vs: &[View], out: &mut Vec<Finding>) {
    let exact: Vec<&View> = vs
        .iter()
        .filter(|v| v.kind == Kind::Share && v.bound == Bound::Exact && v.group.is_none())
        .filter(|v| v.value.is_some() && v.subject.is_some() && v.source.is_some())
        .filter(|v| v.metric.is_some() && v.market.is_some() && v.period.is_some())
        .collect();
    let mut seen: std::collections::HashSet<(usize, usize, String)> = Default::default();
    // One scope means one market: only shares filed together can conflict.
    let pairs = MarketIndex::new(lex, &exact, |_| 0).pairs();
    for (a, b) in pairs.into_iter().map(|(i, j)| (exact[i], exact[j])) {
        let (sa, sb) = (a.subject.as_ref().expect("filtered"), b.subject.as_ref().expect("filtered"));
        let one_source = matches!((&a.source, &b.source), (Some(p), Some(q)) if relation(lex, p, q) == Rel::Same);
        if a.doc == b.doc || !one_source || relation(lex, sa, sb) != Rel::Same || !same_scope(lex, a, b) {
            continue;
        }
        let (x, y) = (a.value.unwrap_or(0.0), b.value.unwrap_or(0.0));
        // Two figures rounded differently ("46%", "46.4%") are one figure.
        if (x - y).abs() <= 0.5 + 1e-9 {
            continue;
        }
        if !seen.insert((a.doc, b.doc, sa.words.clone())) {
            continue;
        }
        let source = a.source.as_ref().map_or("", |s| s.label.as_str());
        let msg =
            format!("{} is given {} and {} in the same scope by the same source ({source})", who(a), pct(x), pct(y));
        out.push(Finding { code: "conflict", message: msg, claims: vec![(a.doc, a.idx), (b.doc, b.idx)] });
    }
}

fn overflow(lex: &Lexicons, vs: &[View], out: &mut Vec<Finding>) {
    for g in scope_groups(lex, vs) {
        let sum: f64 = g.iter().filter_map(|v| v.value).sum();
        // Each share may be rounded by half a unit of its last place; 0.05 each covers one decimal.
        if g.len() < 2 || sum <= 100.0 + 0.05 * g.len() as f64 {
            continue;
        }
        let parts: Vec<String> = g.iter().map(|v| format!("{} {}", who(v), pct(v.value.unwrap_or(0.0)))).collect();
        let msg = format!("shares in one scope add up to {}: {}", pct(sum), parts.join(" + "));
        out.push(Finding { code: "share-overflow", message: msg, claims: g.iter().map(|v| (v.doc, v.idx)).collect() });
    }
}

/// The shares that can be weighed against a claim (an individual subject's figure, not about,
/// with what is counted and the market stated), filed by market.
struct Shares<'v> {
    items: Vec<&'v View>,
    index: MarketIndex,
}

impl<'v> Shares<'v> {
    fn new(lex: &Lexicons, vs: &'v [View]) -> Shares<'v> {
        // What is counted and in which market must be stated on both sides, even in one document.
        let items: Vec<&View> = vs
            .iter()
            .filter(|s| s.kind == Kind::Share && s.value.is_some() && s.group.is_none() && s.subject.is_some())
            .filter(|s| s.metric.is_some() && s.market.is_some())
            .filter(|s| s.bound != Bound::About)
            .collect();
        let index = MarketIndex::new(lex, &items, |_| 0);
        Shares { items, index }
    }
}

/// Shares in the scope of `r` (a No. 1 claim): metric, market, geography and period match.
fn shares_in_scope<'v>(lex: &Lexicons, r: &View, shares: &Shares<'v>) -> Vec<&'v View> {
    if r.metric.is_none() || r.market.is_none() {
        return Vec::new();
    }
    shares
        .index
        .near(lex, r)
        .into_iter()
        .map(|i| shares.items[i])
        // Shares weigh against each other only in one and the same scope: a leader of 2-in-1
        // tablets may hold less of all tablets than another vendor does.
        .filter(|s| same_scope(lex, r, s))
        .filter(|s| match (&r.source, &s.source) {
            (Some(a), Some(b)) => relation(lex, a, b) == Rel::Same,
            _ => true,
        })
        .collect()
}

fn contradicted(lex: &Lexicons, vs: &[View], shares: &Shares, out: &mut Vec<Finding>) {
    // One finding per document's claim to first place and the document that undoes it.
    let mut seen: Vec<(&'static str, usize, String, usize)> = Vec::new();
    let mut fresh = |code: &'static str, r: &View, other: &View| {
        let k = (code, r.doc, r.subject.as_ref().map(|s| s.words.clone()).unwrap_or_default(), other.doc);
        let new = !seen.contains(&k);
        if new {
            seen.push(k);
        }
        new
    };
    for r in vs.iter().filter(|v| v.rank == Some(1) && v.tie.is_none()) {
        let Some(subject) = &r.subject else { continue };
        let shares = shares_in_scope(lex, r, shares);
        let own = shares
            .iter()
            .filter(|s| same_subject(lex, s.subject.as_ref().expect("filtered"), subject))
            .filter_map(|s| s.value)
            .fold(None, |m: Option<f64>, v| Some(m.map_or(v, |m| m.max(v))));
        let rival = shares
            .iter()
            .filter(|s| !same_subject(lex, s.subject.as_ref().expect("filtered"), subject))
            .max_by(|a, b| a.value.partial_cmp(&b.value).unwrap_or(std::cmp::Ordering::Equal));
        let Some(rival) = rival else { continue };
        let theirs = rival.value.unwrap_or(0.0);
        match own {
            Some(mine) if theirs > mine + 0.05 && fresh("rank-contradicted", r, rival) => {
                let msg = format!(
                    "{} is said to be No. 1, but {} holds {} against its {} in the same scope",
                    who(r),
                    who(rival),
                    pct(theirs),
                    pct(mine)
                );
                out.push(Finding {
                    code: "rank-contradicted",
                    message: msg,
                    claims: vec![(r.doc, r.idx), (rival.doc, rival.idx)],
                });
            }
            None if theirs > 50.05 && fresh("rank-contradicted", r, rival) => {
                let msg = format!(
                    "{} is said to be No. 1, but {} holds {} of the same scope",
                    who(r),
                    who(rival),
                    pct(theirs)
                );
                out.push(Finding {
                    code: "rank-contradicted",
                    message: msg,
                    claims: vec![(r.doc, r.idx), (rival.doc, rival.idx)],
                });
            }
            Some(mine) if (theirs - mine).abs() <= 0.05 && fresh("tie-as-sole", r, rival) => {
                let msg = format!(
                    "{} is said to be No. 1, but {} holds the same {} in the same scope: a tie",
                    who(r),
                    who(rival),
                    pct(mine)
                );
                out.push(Finding {
                    code: "tie-as-sole",
                    message: msg,
                    claims: vec![(r.doc, r.idx), (rival.doc, rival.idx)],
                });
            }
            _ => {}
        }
    }
    // A tie stated somewhere, told elsewhere as sole leadership by one of its holders.
    for t in vs.iter().filter(|v| v.tie.is_some()) {
        let names = t.tie.as_ref().expect("filtered");
        for r in vs.iter().filter(|v| v.rank == Some(1) && v.tie.is_none()) {
            let Some(e) = r.subject.as_ref().and_then(|s| s.entry) else { continue };
            let holder = names.iter().any(|n| lex.index_of(n).is_some_and(|i| lex.lineage(e).any(|x| x == i)));
            if !holder || !compare(lex, r, t).all_match() || !fresh("tie-as-sole", r, t) {
                continue;
            }
            let msg =
                format!("{} is said to be No. 1 alone, but a tie for first is reported in the same scope", who(r));
            out.push(Finding { code: "tie-as-sole", message: msg, claims: vec![(r.doc, r.idx), (t.doc, t.idx)] });
        }
    }
}

fn arithmetic(lex: &Lexicons, vs: &[View], shares: &Shares, docs: &[DocFacts], out: &mut Vec<Finding>) {
    let find = |d: usize, i: usize| vs.iter().find(|v| v.doc == d && v.idx == i);
    // "more than the next three combined"
    for (d, doc) in docs.iter().enumerate() {
        for cue in &doc.cues {
            let Cue::Exceeds { claim, from, to } = cue else { continue };
            let Some(lead) = find(d, *claim) else { continue };
            let Some(subject) = &lead.subject else { continue };
            let others: Vec<&View> = shares_in_scope(lex, lead, shares)
                .into_iter()
                .filter(|s| !same_subject(lex, s.subject.as_ref().expect("filtered"), subject))
                .collect();
            let others = dedupe_subjects(lex, others, lead.doc);
            let n = (to - from + 1) as usize;
            if others.len() < n {
                continue;
            }
            let picked = &others[..n];
            let sum: f64 = picked.iter().filter_map(|v| v.value).sum();
            let mine = lead.value.unwrap_or(0.0);
            let parts: Vec<String> =
                picked.iter().map(|v| format!("{} {}", who(v), pct(v.value.unwrap_or(0.0)))).collect();
            let holds = mine > sum;
            let msg = format!(
                "{} {} is {} the No. {from}-{to} combined: {} = {}",
                who(lead),
                pct(mine),
                if holds { "more than" } else { "not more than" },
                parts.join(" + "),
                pct(sum)
            );
            let mut members = vec![(lead.doc, lead.idx)];
            members.extend(picked.iter().map(|v| (v.doc, v.idx)));
            out.push(Finding {
                code: if holds { "arithmetic-ok" } else { "arithmetic-wrong" },
                message: msg,
                claims: members,
            });
        }
    }
    // "the top three hold 93.2%", 前五名合计超75%
    for g in vs.iter().filter(|v| v.group.is_some() && v.value.is_some()) {
        let n = g.group.expect("filtered") as usize;
        let members = dedupe_subjects(lex, shares_in_scope(lex, g, shares), g.doc);
        if members.len() < n {
            continue;
        }
        let picked = &members[..n];
        let sum: f64 = picked.iter().filter_map(|v| v.value).sum();
        let stated = g.value.unwrap_or(0.0);
        let holds = match g.bound {
            Bound::AtLeast => sum > stated - 0.05,
            Bound::About => (sum - stated).abs() <= if stated % 10.0 == 0.0 { 5.0 } else { 1.0 },
            Bound::Exact => (sum - stated).abs() <= 0.05 * n as f64 + 0.05,
        };
        let parts: Vec<String> = picked.iter().map(|v| format!("{} {}", who(v), pct(v.value.unwrap_or(0.0)))).collect();
        let msg =
            format!("top {n} stated as {}; the shares given add to {} = {}", pct(stated), parts.join(" + "), pct(sum));
        let mut claims = vec![(g.doc, g.idx)];
        claims.extend(picked.iter().map(|v| (v.doc, v.idx)));
        out.push(Finding { code: if holds { "arithmetic-ok" } else { "arithmetic-wrong" }, message: msg, claims });
    }
}

/// One share per subject, largest first.
fn dedupe_subjects<'v>(lex: &Lexicons, mut vs: Vec<&'v View>, home: usize) -> Vec<&'v View> {
    // Largest first; of equal figures, the one in the claim's own document.
    vs.sort_by(|a, b| {
        let own = |v: &View| v.doc != home;
        b.value.partial_cmp(&a.value).unwrap_or(std::cmp::Ordering::Equal).then_with(|| own(a).cmp(&own(b)))
    });
    let mut out: Vec<&View> = Vec::new();
    for v in vs {
        let s = v.subject.as_ref().expect("shares in scope have subjects");
        if !out.iter().any(|o| same_subject(lex, o.subject.as_ref().expect("filtered"), s)) {
            out.push(v);
        }
    }
    out
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
    use crate::lexicon::LexiconCategory as Cat;

    fn key_of(lex: &Lexicons, cat: Cat, words: &str) -> Key {
        let tag = Tag { text: words.to_string(), id: None, span: None, via: crate::model::Via::Sentence, at: None };
        key(lex, cat, Some(&tag)).expect("a key")
    }

    #[test]
    fn regression_a_holder_named_short_in_the_text_and_long_in_a_table_is_one_holder() {
        // "Halvik was the No. 1…" above a table listing "Halvik Home 24.6%" is no tie.
        let scanner = Scanner::with_defaults().unwrap();
        let lex = scanner.lexicons();
        let k = |w: &str| key_of(lex, Cat::Org, w);
        assert!(same_subject(lex, &k("Halvik"), &k("Halvik Home")));
        assert!(same_subject(lex, &k("宝马集团"), &k("宝马")));
        assert!(!same_subject(lex, &k("Halvik"), &k("Halvikson")));
        assert!(!same_subject(lex, &k("Halvik Home"), &k("Brannock")));
        assert!(!same_subject(lex, &k("宝"), &k("宝马")));
    }

    #[test]
    fn markets_that_are_the_same_or_nested_are_filed_together() {
        // The market index pairs only claims filed together; it must never part two markets
        // that `relation` would compare as one scope or as nested.
        let scanner = Scanner::with_defaults().unwrap();
        let lex = scanner.lexicons();
        let mut keys: Vec<Key> = scanner
            .set
            .entries
            .iter()
            .filter(|e| e.category == Cat::Market)
            .flat_map(|e| e.aliases.iter().take(2))
            .map(|a| key_of(lex, Cat::Market, a))
            .collect();
        keys.extend(["widgets", "Widgets", "the widget market"].map(|w| key_of(lex, Cat::Market, w)));
        assert!(keys.len() > 100, "{}", keys.len());
        let files: Vec<Vec<Filed>> = keys.iter().map(|k| filed(lex, k).collect()).collect();
        for (a, fa) in keys.iter().zip(&files) {
            for (b, fb) in keys.iter().zip(&files) {
                if matches!(relation(lex, a, b), Rel::Same | Rel::Nested) {
                    assert!(fa.iter().any(|f| fb.contains(f)), "{} / {}", a.label, b.label);
                }
            }
        }
    }

    #[test]
    fn market_names_meet_at_one_id_and_nest() {
        let scanner = Scanner::with_defaults().unwrap();
        let lex = scanner.lexicons();
        let maas = key_of(lex, Cat::Market, "MaaS");
        for alias in ["公有云大模型服务", "public cloud model market"] {
            assert_eq!(relation(lex, &maas, &key_of(lex, Cat::Market, alias)), Rel::Same, "{alias}");
        }
        let ai_cloud = key_of(lex, Cat::Market, "AI cloud");
        assert_eq!(ai_cloud.canonical(lex), "market.cloud.ai");
        assert_eq!(relation(lex, &maas, &ai_cloud), Rel::Nested);
        assert_eq!(relation(lex, &ai_cloud, &key_of(lex, Cat::Market, "cloud")), Rel::Nested);
        assert_eq!(relation(lex, &ai_cloud, &key_of(lex, Cat::Market, "public cloud")), Rel::Related);
        assert_eq!(relation(lex, &maas, &key_of(lex, Cat::Market, "smartphones")), Rel::Unrelated);
        // Subjects nest too: Volcano Engine is ByteDance's, so the two are never rivals.
        let volcano = key_of(lex, Cat::Org, "火山引擎");
        assert_eq!(relation(lex, &volcano, &key_of(lex, Cat::Org, "Volcano Engine")), Rel::Same);
        assert!(same_subject(lex, &volcano, &key_of(lex, Cat::Org, "ByteDance")));
    }

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
