//! Lexicons: canonical ids with aliases in both languages (sources, metrics, markets,
//! geographies, organisations), matched with one Aho-Corasick pass per category.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LexiconCategory {
    Source,
    Metric,
    Market,
    Geo,
    Org,
}

impl LexiconCategory {
    pub const ALL: [LexiconCategory; 5] = [
        LexiconCategory::Source,
        LexiconCategory::Metric,
        LexiconCategory::Market,
        LexiconCategory::Geo,
        LexiconCategory::Org,
    ];

    pub fn of_id(id: &str) -> Option<Self> {
        let prefix = id.split('.').next()?;
        if id.len() <= prefix.len() + 1 {
            return None;
        }
        Some(match prefix {
            "source" => LexiconCategory::Source,
            "metric" => LexiconCategory::Metric,
            "market" => LexiconCategory::Market,
            "geo" => LexiconCategory::Geo,
            "org" => LexiconCategory::Org,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub id: String,
    pub category: LexiconCategory,
    pub aliases: Vec<String>,
    pub parent: Option<String>,
    pub case_sensitive: Option<bool>,
    pub path: String,
    pub line: usize,
}

impl Entry {
    fn alias_is_case_sensitive(&self, alias: &str) -> bool {
        if let Some(cs) = self.case_sensitive {
            return cs;
        }
        if !alias.is_ascii() {
            return false;
        }
        self.category == LexiconCategory::Org
            || alias.len() <= 4
            || alias.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexMatch {
    pub range: Range<usize>,
    /// Index of the entry across all categories.
    pub entry: usize,
    pub category: LexiconCategory,
}

#[derive(Debug, Clone)]
struct EntryInfo {
    id: String,
    category: LexiconCategory,
    parent: Option<usize>,
}

/// Every category's aliases in one automaton (two: case-sensitive and not), so one pass over
/// a sentence finds sources, metrics, markets, places and organisations at once, and the
/// longest name wins where they overlap ("China Mobile" is an organisation, not a place).
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    entries: Vec<EntryInfo>,
    by_id: HashMap<String, usize>,
    sensitive: Option<(AhoCorasick, Vec<usize>)>,
    insensitive: Option<(AhoCorasick, Vec<usize>)>,
}

/// One category of a [`Lexicons`].
#[derive(Debug, Clone, Copy)]
pub struct Lexicon<'a> {
    lex: &'a Lexicons,
    category: LexiconCategory,
}

impl Lexicons {
    pub fn build(entries: &[Entry]) -> Lexicons {
        let mut lex = Lexicons::default();
        let mut cs = (Vec::new(), Vec::new());
        let mut ci = (Vec::new(), Vec::new());
        for (i, e) in entries.iter().enumerate() {
            lex.by_id.insert(e.id.clone(), i);
            lex.entries.push(EntryInfo { id: e.id.clone(), category: e.category, parent: None });
            for a in &e.aliases {
                let bucket = if e.alias_is_case_sensitive(a) { &mut cs } else { &mut ci };
                bucket.0.push(a.clone());
                bucket.1.push(i);
            }
        }
        for (i, e) in entries.iter().enumerate() {
            lex.entries[i].parent = e.parent.as_ref().and_then(|p| lex.by_id.get(p).copied());
        }
        let build = |(pats, owners): (Vec<String>, Vec<usize>), insensitive: bool| {
            if pats.is_empty() {
                return None;
            }
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(insensitive)
                .build(&pats)
                .ok()?;
            Some((ac, owners))
        };
        lex.sensitive = build(cs, false);
        lex.insensitive = build(ci, true);
        lex
    }

    pub fn get(&self, category: LexiconCategory) -> Lexicon<'_> {
        Lexicon { lex: self, category }
    }

    pub fn id(&self, entry: usize) -> &str {
        &self.entries[entry].id
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The entry and its ancestors, nearest first.
    pub fn lineage(&self, entry: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = Some(entry);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let e = cur?;
            steps += 1;
            cur = if steps > 32 { None } else { self.entries.get(e).and_then(|x| x.parent) };
            Some(e)
        })
    }

    /// Every alias occurrence in `text[range]` of any category, non-overlapping, the longest
    /// where two overlap, with word boundaries enforced on ASCII edges.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<LexMatch> {
        let Some(hay) = text.get(range.clone()) else { return Vec::new() };
        let mut found: Vec<LexMatch> = Vec::new();
        for (ac, owners) in [&self.sensitive, &self.insensitive].into_iter().flatten() {
            for m in ac.find_iter(hay) {
                let (s, e) = (range.start + m.start(), range.start + m.end());
                if is_word_bounded(text, s, e) {
                    let entry = owners[m.pattern().as_usize()];
                    found.push(LexMatch { range: s..e, entry, category: self.entries[entry].category });
                }
            }
        }
        found.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end)));
        let mut out: Vec<LexMatch> = Vec::with_capacity(found.len());
        for m in found {
            match out.last() {
                Some(last) if m.range.start < last.range.end => {
                    if m.range.len() > last.range.len() {
                        out.pop();
                        out.push(m);
                    }
                }
                _ => out.push(m),
            }
        }
        out
    }
}

impl<'a> Lexicon<'a> {
    /// This category's matches among all categories' (a longer name of another category
    /// shadows a shorter one of this).
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<LexMatch> {
        let mut all = self.lex.find(text, range);
        all.retain(|m| m.category == self.category);
        all
    }

    pub fn id(&self, entry: usize) -> &'a str {
        self.lex.id(entry)
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.lex.index_of(id).filter(|&i| self.lex.entries[i].category == self.category)
    }

    pub fn lineage(&self, entry: usize) -> impl Iterator<Item = usize> + 'a {
        self.lex.lineage(entry)
    }
}

/// An ASCII word character at an alias edge must not continue into the text around it, so
/// "IDC" does not match inside "IDCs" while "IDC's" and "IDC数据" still do; "US$" is money.
pub fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let first = bytes.get(start).copied().unwrap_or(b' ');
    let last = bytes.get(end.wrapping_sub(1)).copied().unwrap_or(b' ');
    let before_ok = start == 0 || !word(first) || !word(bytes[start - 1]);
    let after_ok = end >= bytes.len() || !word(last) || !(word(bytes[end]) || bytes[end] == b'$');
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, aliases: &[&str]) -> Entry {
        Entry {
            id: id.into(),
            category: LexiconCategory::of_id(id).unwrap(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            parent: None,
            case_sensitive: None,
            path: "t".into(),
            line: 1,
        }
    }

    #[test]
    fn word_boundaries_and_longest_match() {
        let e = [
            entry("source.idc", &["IDC", "国际数据公司"]),
            entry("source.counterpoint", &["Counterpoint", "Counterpoint Research"]),
        ];
        let lex = Lexicons::build(&e);
        let t = "IDCs no; IDC's yes; counterpoint research said; 国际数据公司数据";
        let found: Vec<&str> = lex.find(t, 0..t.len()).iter().map(|m| &t[m.range.clone()]).collect();
        assert_eq!(found, vec!["IDC", "counterpoint research", "国际数据公司"]);
    }

    #[test]
    fn the_longest_name_wins_across_categories() {
        let e = [entry("geo.cn", &["China"]), entry("org.china_mobile", &["China Mobile"])];
        let lex = Lexicons::build(&e);
        let t = "China Mobile leads China";
        let found: Vec<(&str, LexiconCategory)> =
            lex.find(t, 0..t.len()).iter().map(|m| (&t[m.range.clone()], m.category)).collect();
        assert_eq!(found, vec![("China Mobile", LexiconCategory::Org), ("China", LexiconCategory::Geo)]);
        assert!(lex.get(LexiconCategory::Geo).find(t, 0..12).is_empty());
    }

    #[test]
    fn short_acronyms_are_case_sensitive() {
        let e = [entry("geo.us", &["US", "United States"])];
        let lex = Lexicons::build(&e);
        let t = "let us see the united states";
        let found: Vec<&str> = lex.find(t, 0..t.len()).iter().map(|m| &t[m.range.clone()]).collect();
        assert_eq!(found, vec!["united states"]);
    }
}
