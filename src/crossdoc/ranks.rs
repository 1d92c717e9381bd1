//! Rival places: two subjects claiming one place in one scope (a conflict) or on different
//! terms (incomparable).

use super::keys::{MarketIndex, Rel, relation, same_subject};
use super::{Finding, View, compare, label, who};
use crate::lexicon::Lexicons;

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

pub(super) fn rank_pairs(lex: &Lexicons, vs: &[View], out: &mut Vec<Finding>) {
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
