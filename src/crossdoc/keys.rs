//! Scope values in comparable form: a [`Key`] per scope field, how two keys relate (same,
//! nested, related; one holder under two names), and the market index that files claims so
//! that only claims in one market or nested markets are paired.

use super::View;
use crate::lexicon::{LexiconCategory, Lexicons};
use crate::model::Tag;
use std::collections::HashMap;

/// A scope value reduced to what comparison needs: the lexicon entry when known, else the words.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    pub(super) entry: Option<usize>,
    pub(super) words: String,
    pub(crate) label: String,
}

impl Key {
    /// The lexicon id when the value is known to the lexicon, else the words.
    pub(crate) fn canonical(&self, lex: &Lexicons) -> String {
        self.entry.map_or_else(|| self.words.clone(), |e| lex.id(e).to_string())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Rel {
    Same,
    /// One contains the other (MaaS in AI cloud; Q2 in H1).
    Nested,
    /// Siblings under one parent (public cloud and AI cloud).
    Related,
    Unrelated,
}

fn words(s: &str) -> String {
    s.trim().trim_end_matches(['\'', '’']).trim_end_matches("'s").trim_end_matches("’s").to_lowercase()
}

pub(super) fn key(lex: &Lexicons, cat: LexiconCategory, tag: Option<&Tag>) -> Option<Key> {
    let t = tag?;
    let entry = t.id.as_deref().and_then(|id| lex.get(cat).index_of(id)).or_else(|| {
        let l = lex.get(cat);
        let m = l.find(&t.text, 0..t.text.len()).into_iter().find(|m| m.range.len() * 10 >= t.text.len() * 7)?;
        Some(m.entry)
    });
    Some(Key { entry, words: words(&t.text), label: t.text.clone() })
}

pub(super) fn relation(lex: &Lexicons, a: &Key, b: &Key) -> Rel {
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
pub(super) struct MarketIndex(HashMap<(u32, Filed), Vec<usize>>);

impl MarketIndex {
    /// `items` with a market, filed under `place` (the rank, or 0 where places do not matter).
    pub(super) fn new(lex: &Lexicons, items: &[&View], place: impl Fn(&View) -> u32) -> MarketIndex {
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
    pub(super) fn near(&self, lex: &Lexicons, v: &View) -> Vec<usize> {
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
    pub(super) fn pairs(&self) -> Vec<(usize, usize)> {
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

/// One holder, however named: "Halvik" in the text is "Halvik Home" in the table, 宝马 is 宝马集团.
pub(super) fn same_subject(lex: &Lexicons, a: &Key, b: &Key) -> bool {
    if matches!(relation(lex, a, b), Rel::Same | Rel::Nested) {
        return true;
    }
    let (short, long) = if a.words.len() <= b.words.len() { (&a.words, &b.words) } else { (&b.words, &a.words) };
    let rest = long.strip_prefix(short.as_str());
    let cjk = short.chars().count() >= 2 && short.chars().all(|c| !c.is_ascii());
    !short.is_empty() && rest.is_some_and(|r| r.starts_with(' ') || (cjk && !r.is_empty()))
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
}
