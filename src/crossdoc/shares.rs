//! Checks on share figures: one source giving two figures for one scope, shares that add up to
//! more than the whole, a No. 1 the shares contradict or a tie told as sole leadership, and
//! combined-share arithmetic.

use super::keys::{Key, MarketIndex, Rel, relation, same_subject};
use super::{Bound, DocFacts, Finding, View, compare, pct, same_scope, who};
use crate::cues::Cue;
use crate::lexicon::Lexicons;
use crate::model::Kind;
use std::collections::HashMap;

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
pub(super) fn share_conflicts(lex: &Lexicons, vs: &[View], out: &mut Vec<Finding>) {
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

pub(super) fn overflow(lex: &Lexicons, vs: &[View], out: &mut Vec<Finding>) {
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
pub(super) struct Shares<'v> {
    items: Vec<&'v View>,
    index: MarketIndex,
}

impl<'v> Shares<'v> {
    pub(super) fn new(lex: &Lexicons, vs: &'v [View]) -> Shares<'v> {
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

pub(super) fn contradicted(lex: &Lexicons, vs: &[View], shares: &Shares, out: &mut Vec<Finding>) {
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

pub(super) fn arithmetic(lex: &Lexicons, vs: &[View], shares: &Shares, docs: &[DocFacts], out: &mut Vec<Finding>) {
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
