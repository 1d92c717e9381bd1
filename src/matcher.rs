//! From text to claim candidates: one Aho-Corasick pass finds every trigger literal, and a
//! rule's regex runs only on the sentences that hold one of its triggers.

use crate::model::Kind;
use crate::numbers;
use crate::rules::{Reach, Rule, RuleSet, ValueSpec};
use crate::segments::{Layout, clause_bounds};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

/// How far before and after a candidate the `not_before`/`not_after` checks look.
const WINDOW: usize = 160;

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub rule: usize,
    pub kind: Kind,
    /// Byte range in the text view.
    pub span: Range<usize>,
    pub value: Option<f64>,
    pub top: Option<u32>,
    pub vague: bool,
    pub sentence: usize,
    /// A subject the rule captured itself with `(?P<subj>...)`.
    pub subject: Option<Range<usize>>,
}

pub struct Matcher {
    triggers: Option<AhoCorasick>,
    /// For each trigger pattern, the rules that own it.
    owners: Vec<Vec<usize>>,
}

impl Matcher {
    pub fn new(set: &RuleSet) -> Matcher {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<usize>> = Vec::new();
        for (r, rule) in set.rules.iter().enumerate() {
            for t in &rule.triggers {
                let key = t.to_lowercase();
                let i = *index.entry(key.clone()).or_insert_with(|| {
                    pats.push(key);
                    owners.push(Vec::new());
                    pats.len() - 1
                });
                if !owners[i].contains(&r) {
                    owners[i].push(r);
                }
            }
        }
        let triggers = (!pats.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .ascii_case_insensitive(true)
                .build(&pats)
                .expect("trigger literals always build")
        });
        Matcher { triggers, owners }
    }

    /// Which rules to run on which sentence: the trigger pass.
    fn plan(&self, text: &str, layout: &Layout) -> Vec<(usize, Vec<usize>)> {
        let Some(ac) = &self.triggers else {
            return Vec::new();
        };
        let mut plan: Vec<(usize, Vec<usize>)> = Vec::new();
        for m in ac.find_overlapping_iter(text) {
            let Some(s) = layout.sentence_at(m.start()) else {
                continue;
            };
            if plan.last().is_none_or(|(last, _)| *last != s) {
                // Hits arrive in order of their end, so a sentence's hits are contiguous
                // except for a trigger straddling two sentences, which sentence_at ignores.
                match plan.iter_mut().rev().take(2).find(|(x, _)| *x == s) {
                    Some(_) => {}
                    None => plan.push((s, Vec::new())),
                }
            }
            let entry = plan.iter_mut().rev().find(|(x, _)| *x == s).expect("pushed above");
            for &r in &self.owners[m.pattern().as_usize()] {
                if !entry.1.contains(&r) {
                    entry.1.push(r);
                }
            }
        }
        for (_, rules) in &mut plan {
            rules.sort_unstable();
        }
        plan
    }

    /// Every regex hit of every planned rule, and whether an exclude removed it.
    pub fn debug(&self, set: &RuleSet, text: &str, layout: &Layout) -> Vec<String> {
        let mut out = Vec::new();
        for (s, rules) in self.plan(text, layout) {
            let range = layout.sentences[s].range.clone();
            for r in rules {
                let rule = &set.rules[r];
                for m in rule.regex.captures_iter(&text[range.clone()]) {
                    let m = m.name("claim").or_else(|| m.get(0)).expect("group 0");
                    let span = range.start + m.start()..range.start + m.end();
                    let why = excluded_by(set, rule, text, range.clone(), span.clone());
                    out.push(format!("{} {:?} {}", rule.id, &text[span], why.unwrap_or_default()));
                }
            }
        }
        out
    }

    /// Every surviving candidate, overlaps resolved, list rules expanded, in text order.
    pub fn candidates(&self, set: &RuleSet, text: &str, layout: &Layout) -> Vec<Candidate> {
        let mut raw = Vec::new();
        for (s, rules) in self.plan(text, layout) {
            let range = layout.sentences[s].range.clone();
            for r in rules {
                run_rule(set, r, text, layout, s, range.clone(), &mut raw);
            }
        }
        let mut kept = resolve_overlaps(set, raw);
        kept = expand_lists(set, text, kept);
        kept.sort_by_key(|c| (c.span.start, c.span.end));
        kept
    }
}

fn run_rule(
    set: &RuleSet,
    r: usize,
    text: &str,
    layout: &Layout,
    s: usize,
    range: Range<usize>,
    out: &mut Vec<(Candidate, i32)>,
) {
    let rule = &set.rules[r];
    let sentence = &text[range.clone()];
    if let Some((req, reach)) = &rule.requires {
        let block = layout.sentences[s].block;
        // A table row's words are its cells; its caption and header say what they measure.
        let row = layout.blocks[block].kind == crate::segments::BlockKind::TableRow;
        let hay = match reach {
            Reach::Clause | Reach::Sentence if !row => sentence,
            _ => &text[layout.paragraph_range(block)],
        };
        if !req.is_match(hay) {
            return;
        }
    }
    for caps in rule.regex.captures_iter(sentence) {
        let whole = caps.get(0).expect("group 0 always matches");
        let claim = caps.name("claim").unwrap_or(whole);
        if claim.as_str().trim().is_empty() {
            continue;
        }
        let span = range.start + claim.start()..range.start + claim.end();
        let value = match rule.value {
            ValueSpec::Ratio => ratio(caps.name("num").map(|m| m.as_str()), caps.name("den").map(|m| m.as_str())),
            spec => eval(spec, caps.name("value").map(|m| m.as_str())),
        };
        // The hedge may sit outside the value group ("占比超过七成"), so look at the claim.
        let vague = rule.vague
            || (rule.value == ValueSpec::Share && caps.name("value").is_some() && coarse_hedged(claim.as_str()));
        let top = match rule.top {
            ValueSpec::Fixed(x) if x >= 0.0 => Some(x as u32),
            spec => eval(spec, caps.name("top").map(|m| m.as_str())).map(|v| v as u32),
        };
        let parses = |spec: ValueSpec, v: Option<f64>| {
            !matches!(spec, ValueSpec::Share | ValueSpec::Rank | ValueSpec::Top | ValueSpec::Ratio) || v.is_some()
        };
        if !parses(rule.value, value) && !rule.list || !parses(rule.top, top.map(f64::from)) {
            continue;
        }
        if rule.kind == Kind::Share && value.is_some_and(|v| !(0.0..=100.0).contains(&v)) {
            continue;
        }
        if excluded(set, rule, text, range.clone(), span.clone()) {
            continue;
        }
        let subject = caps.name("subj").map(|m| range.start + m.start()..range.start + m.end());
        let cand = Candidate { rule: r, kind: rule.kind, span, value, top, vague, sentence: s, subject };
        out.push((cand, rule.priority));
    }
}

fn eval(spec: ValueSpec, group: Option<&str>) -> Option<f64> {
    match spec {
        ValueSpec::None | ValueSpec::Ratio => None,
        ValueSpec::Fixed(x) => Some(x),
        ValueSpec::Share => numbers::parse_share(group?),
        ValueSpec::Rank => numbers::parse_rank(group?).map(f64::from),
        ValueSpec::Top => numbers::parse_top(group?).map(f64::from),
    }
}

fn ratio(num: Option<&str>, den: Option<&str>) -> Option<f64> {
    let count = |s: &str| numbers::parse_cn_integer(s).or_else(|| numbers::parse_en_integer(s));
    let (n, d) = (count(num?)? as f64, count(den?)? as f64);
    (d > 0.0 && n <= d).then(|| (n / d * 1000.0).round() / 10.0)
}

/// "近五成", "more than a third", "超三分之一": a coarse form (tenths, fractions) with a hedge
/// keeps its number but states no exact quantity.
fn coarse_hedged(s: &str) -> bool {
    let lower = s.to_lowercase();
    let coarse = s.contains('成')
        || s.contains("分之")
        || ["third", "quarter", "half", "fifth"].iter().any(|w| lower.contains(w));
    let hedged = ["近", "超", "约", "逾", "将近", "接近", "不到", "以上", "左右", "多"].iter().any(|h| s.contains(h))
        || ["more than", "less than", "nearly", "almost", "about", "roughly", "over", "around", "some", "close to"]
            .iter()
            .any(|h| lower.contains(h));
    coarse && hedged
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn excluded(set: &RuleSet, rule: &Rule, text: &str, sentence: Range<usize>, span: Range<usize>) -> bool {
    excluded_by(set, rule, text, sentence, span).is_some()
}

/// The rule's own `not_before`/`not_after`/`not_text` and every global exclude for its kind;
/// names the check that removed the candidate.
fn excluded_by(set: &RuleSet, rule: &Rule, text: &str, sentence: Range<usize>, span: Range<usize>) -> Option<String> {
    let before = &text[floor_char(text, span.start.saturating_sub(WINDOW)).max(sentence.start)..span.start];
    let after = &text[span.end..ceil_char(text, span.end + WINDOW).min(sentence.end)];
    let claim = &text[span.clone()];
    if rule.not_before.as_ref().is_some_and(|r| r.is_match(before)) {
        return Some("not_before".into());
    }
    if rule.not_after.as_ref().is_some_and(|r| r.is_match(after)) {
        return Some("not_after".into());
    }
    if rule.not_text.as_ref().is_some_and(|r| r.is_match(claim)) {
        return Some("not_text".into());
    }
    set.excludes
        .iter()
        .filter(|x| x.kinds.contains(&rule.kind))
        .find(|x| {
            let checks = [
                x.before.as_ref().map(|r| r.is_match(before)),
                x.after.as_ref().map(|r| r.is_match(after)),
                x.text.as_ref().map(|r| r.is_match(claim)),
            ];
            checks.iter().flatten().all(|&hit| hit)
        })
        .map(|x| x.id.clone())
}

/// Shares compete with shares; ranks and superlatives compete with each other, because
/// "the No. 1 vendor" is one fact whichever rule saw it first.
fn group(kind: Kind) -> u8 {
    match kind {
        Kind::Share => 0,
        Kind::Rank | Kind::Superlative => 1,
    }
}

fn resolve_overlaps(set: &RuleSet, mut raw: Vec<(Candidate, i32)>) -> Vec<Candidate> {
    raw.sort_by(|(a, pa), (b, pb)| {
        pb.cmp(pa).then(b.span.len().cmp(&a.span.len())).then(a.span.start.cmp(&b.span.start)).then(a.rule.cmp(&b.rule))
    });
    let mut kept: Vec<Candidate> = Vec::new();
    for (c, _) in raw {
        let clash = kept
            .iter()
            .any(|k| group(k.kind) == group(c.kind) && k.span.start < c.span.end && c.span.start < k.span.end);
        if !clash {
            kept.push(c);
        }
    }
    let _ = set;
    kept
}

/// "分别占比27%、17%" is two claims: a list rule's `value` group yields one claim per share.
fn expand_lists(set: &RuleSet, text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        if !set.rules[c.rule].list {
            out.push(c);
            continue;
        }
        let claim = &text[c.span.clone()];
        let items = numbers::find_shares(claim);
        if items.is_empty() {
            continue;
        }
        for (i, (r, v)) in items.into_iter().enumerate() {
            let start = if i == 0 { c.span.start } else { c.span.start + r.start };
            out.push(Candidate { span: start..c.span.start + r.end, value: Some(v), ..c.clone() });
        }
    }
    out
}

/// The clause around a candidate, for callers that look for nearby words.
pub fn clause_of(text: &str, layout: &Layout, c: &Candidate) -> Range<usize> {
    clause_bounds(text, layout.sentences[c.sentence].range.clone(), c.span.start)
}
