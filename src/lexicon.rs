//! Lexicons: canonical ids with aliases in both languages (sources, metrics, markets,
//! geographies, organisations), matched with one Aho-Corasick pass per category.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
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

/// Every category's aliases, found in one pass over a sentence: sources, metrics, markets,
/// places and organisations at once, the longest name winning where they overlap ("China
/// Mobile" is an organisation, not a place).
///
/// An alias that opens with an ASCII letter, digit or underscore can only begin where a word
/// begins, so it is filed under its first word and looked up at each word of the text: a
/// hash probe per word instead of an automaton step per byte, for most of the 7,000 aliases.
/// The others (Chinese names, 《财富》) go to an Aho-Corasick automaton; when all of them open
/// with a non-ASCII byte, as the embedded ones do, it runs only on text that holds one.
#[derive(Debug, Clone, Default)]
pub struct Lexicons {
    entries: Vec<EntryInfo>,
    by_id: HashMap<String, usize>,
    words: HashMap<u64, Vec<WordAlias>, BuildHasherDefault<Prehashed>>,
    /// Aliases that open with another byte, case-sensitive ones first, in one automaton read
    /// case-blind: one pass over the text for both readings. Every occurrence is reported, so
    /// each reading gets the same occurrences, in the same order, as an automaton of its own.
    others: Option<(AhoCorasick, Vec<Other>)>,
    /// Whether an alias in `others` opens with an ASCII byte (then they run on every text).
    others_ascii: bool,
}

/// An alias in the automaton.
#[derive(Debug, Clone)]
struct Other {
    entry: usize,
    /// As written, for a case-sensitive alias: an occurrence is its only where the text's
    /// bytes are these.
    exact: Option<Box<[u8]>>,
}

/// An alias filed under its first word.
#[derive(Debug, Clone)]
struct WordAlias {
    /// Its last (up to) eight bytes, folded as `folded_tail` folds the text's: the aliases
    /// under a common first word ("the", "China") mostly differ at their ends, so this one
    /// compare turns most of them away before their bytes are read.
    tail: u64,
    /// As written when case-sensitive, else ASCII lower case.
    bytes: Box<[u8]>,
    sensitive: bool,
    entry: usize,
}

/// The last (up to) eight bytes of `b[start..end]` (not empty) as a number, folded as
/// `word_key` folds: bytes equal with or without ASCII case stay equal.
fn folded_tail(b: &[u8], start: usize, end: usize) -> u64 {
    let n = (end - start).min(8);
    folded(b, end - n, n)
}

/// The `n` bytes (one to eight) of `b` from `at` as a little-endian number, with bit 5 of each
/// set: ASCII letters fold to lower case and digits stay. Read as eight bytes where `b` has
/// them: a copy of a varying length is a call to memcpy, and this is asked at every word.
fn folded(b: &[u8], at: usize, n: usize) -> u64 {
    let x = match b.get(at..at + 8).and_then(|eight| <[u8; 8]>::try_from(eight).ok()) {
        Some(eight) => u64::from_le_bytes(eight),
        None => b[at..at + n].iter().rev().fold(0, |x, &v| x << 8 | u64::from(v)),
    };
    let mask = u64::MAX >> (64 - 8 * n as u32);
    (x | 0x2020_2020_2020_2020) & mask
}

/// The word index's keys are already hashes.
#[derive(Debug, Clone, Copy, Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[usize::from(b)]
}

/// ASCII letters, digits and '_': a table, since every byte of a sentence is asked.
const WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

/// The key of the word `b[at..at + len]` (not empty): its first eight bytes with ASCII letters
/// folded, and its length, mixed. Words that share a key are told apart by comparing the
/// aliases filed under it.
fn word_key(b: &[u8], at: usize, len: usize) -> u64 {
    // Setting bit 5 folds letters and leaves digits alone; '_' becomes 0x7f, in no word.
    (folded(b, at, len.min(8)) ^ (len as u64).rotate_right(8)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
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
        let mut others: [(Vec<&str>, Vec<usize>); 2] = Default::default();
        // "the best-selling drug" is in the market listed as "drugs": a market's English
        // alias also stands in its other number, unless another alias already spells it.
        let listed: std::collections::HashSet<String> =
            entries.iter().flat_map(|e| e.aliases.iter().map(|a| a.to_ascii_lowercase())).collect();
        let variants: Vec<Vec<String>> = entries
            .iter()
            .map(|e| {
                if e.category != LexiconCategory::Market {
                    return Vec::new();
                }
                e.aliases
                    .iter()
                    .filter_map(|a| other_number(a))
                    .filter(|v| !listed.contains(&v.to_ascii_lowercase()))
                    .collect()
            })
            .collect();
        for (i, e) in entries.iter().enumerate() {
            lex.by_id.insert(e.id.clone(), i);
            lex.entries.push(EntryInfo { id: e.id.clone(), category: e.category, parent: None });
            for a in e.aliases.iter().chain(&variants[i]) {
                let sensitive = e.alias_is_case_sensitive(a);
                let bytes = a.as_bytes();
                match bytes.first() {
                    Some(&b) if is_word_byte(b) => {
                        let first = bytes.iter().take_while(|&&b| is_word_byte(b)).count();
                        let stored = if sensitive { bytes.into() } else { a.to_ascii_lowercase().into_bytes().into() };
                        let slot = lex.words.entry(word_key(bytes, 0, first)).or_default();
                        let tail = folded_tail(bytes, 0, bytes.len());
                        slot.push(WordAlias { tail, bytes: stored, sensitive, entry: i });
                    }
                    Some(&b) => {
                        lex.others_ascii |= b.is_ascii();
                        let bucket = &mut others[usize::from(!sensitive)];
                        bucket.0.push(a);
                        bucket.1.push(i);
                    }
                    None => {}
                }
            }
        }
        for (i, e) in entries.iter().enumerate() {
            lex.entries[i].parent = e.parent.as_ref().and_then(|p| lex.by_id.get(p).copied());
        }
        // Every occurrence is reported, overlapping ones too: the longest is chosen below
        // together with the word-filed aliases.
        let [(sensitive, sensitive_owners), (insensitive, insensitive_owners)] = others;
        let owners: Vec<Other> = sensitive
            .iter()
            .zip(sensitive_owners)
            .map(|(a, entry)| Other { entry, exact: Some(a.as_bytes().into()) })
            .chain(insensitive_owners.into_iter().map(|entry| Other { entry, exact: None }))
            .collect();
        let pats: Vec<&str> = sensitive.into_iter().chain(insensitive).collect();
        if !pats.is_empty() {
            let mut builder = AhoCorasickBuilder::new();
            builder.match_kind(MatchKind::Standard).ascii_case_insensitive(true);
            lex.others = builder.build(&pats).ok().map(|ac| (ac, owners));
        }
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
    ///
    /// Case-sensitive and case-insensitive aliases are each read leftmost-longest (the longest
    /// name at the leftmost place, then on after it), the unbounded dropped, and the two
    /// readings merged with the longer name winning an overlap.
    pub fn find(&self, text: &str, range: Range<usize>) -> Vec<LexMatch> {
        let Some(hay) = text.get(range.clone()) else { return Vec::new() };
        let bytes = text.as_bytes();
        // (start, end, entry) per reading: case-sensitive, then not.
        let mut seen: [Vec<(usize, usize, usize)>; 2] = Default::default();
        let within = &bytes[..range.end];
        let mut i = range.start;
        while let Some(skip) = within[i..].iter().position(|&b| is_word_byte(b)) {
            let start = i + skip;
            i = within[start..].iter().position(|&b| !is_word_byte(b)).map_or(range.end, |n| start + n);
            let Some(aliases) = self.words.get(&word_key(bytes, start, i - start)) else { continue };
            for a in aliases {
                let Some(there) =
                    bytes.get(start..start + a.bytes.len()).filter(|_| start + a.bytes.len() <= range.end)
                else {
                    continue;
                };
                if folded_tail(bytes, start, start + there.len()) != a.tail {
                    continue;
                }
                let same = if a.sensitive { there == &*a.bytes } else { there.eq_ignore_ascii_case(&a.bytes) };
                if same {
                    seen[usize::from(!a.sensitive)].push((start, start + a.bytes.len(), a.entry));
                }
            }
        }
        if let Some((ac, owners)) = &self.others
            && (self.others_ascii || !hay.is_ascii())
        {
            for m in ac.find_overlapping_iter(hay) {
                let (s, e) = (range.start + m.start(), range.start + m.end());
                let other = &owners[m.pattern().as_usize()];
                if other.exact.as_deref().is_some_and(|exact| &bytes[s..e] != exact) || counted_firms(text, s) {
                    continue;
                }
                seen[usize::from(other.exact.is_none())].push((s, e, other.entry));
            }
        }
        let mut found: Vec<LexMatch> = Vec::new();
        for reading in &mut seen {
            reading.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
            let mut end = 0;
            for &(s, e, entry) in reading.iter() {
                // Only a name that stands as a word shadows what starts inside it: "the world"
                // in "the worldwide market" must not hide "worldwide".
                if s < end || !is_word_bounded(text, s, e) {
                    continue;
                }
                end = e;
                found.push(LexMatch { range: s..e, entry, category: self.entries[entry].category });
            }
        }
        found.sort_by(|a, b| a.range.start.cmp(&b.range.start).then(b.range.end.cmp(&a.range.end)));
        // Merged in place: of two that overlap, the longer stays.
        let mut kept = 0;
        for k in 0..found.len() {
            if kept > 0 && found[k].range.start < found[kept - 1].range.end {
                if found[k].range.len() > found[kept - 1].range.len() {
                    found.swap(kept - 1, k);
                }
            } else {
                found.swap(kept, k);
                kept += 1;
            }
        }
        found.truncate(kept);
        found
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

/// "47家电池企业", "多家电商": 家 after a number counts firms, so no 家电 (appliances) starts there.
fn counted_firms(text: &str, start: usize) -> bool {
    text[start..].starts_with('家')
        && text[..start]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || "一二两三四五六七八九十百千几多数０１２３４５６７８９".contains(c))
}

/// An English name in its other number: "drugs" → "drug", "game console" → "game consoles".
/// Only the lower-case last word (four letters or more) of a name of several words is changed; words whose plural is not
/// theirs plus "s" ("news", "analytics", "glass") are left as they are.
fn other_number(alias: &str) -> Option<String> {
    if !alias.is_ascii() {
        return None;
    }
    let last = alias.rsplit([' ', '-']).next().unwrap_or(alias);
    // A lone word is too often something else in its other number: "clouds" are providers,
    // a "hybrid" an approach.
    if last.len() == alias.len() || last.len() < 4 || !last.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    let stem = &alias[..alias.len() - last.len()];
    let consonant_y = |w: &str| w.ends_with('y') && !w[..w.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
    let word = if let Some(w) = last.strip_suffix("ies") {
        format!("{w}y")
    } else if ["ss", "us", "is", "ics", "ews", "ws"].iter().any(|x| last.ends_with(x)) {
        return None;
    } else if ["ches", "shes", "sses", "xes"].iter().any(|x| last.ends_with(x)) {
        last[..last.len() - 2].to_string()
    } else if let Some(w) = last.strip_suffix('s') {
        w.to_string()
    } else if consonant_y(last) {
        format!("{}ies", &last[..last.len() - 1])
    } else if ["ch", "sh", "x"].iter().any(|x| last.ends_with(x)) {
        format!("{last}es")
    } else {
        format!("{last}s")
    };
    Some(format!("{stem}{word}"))
}

/// An ASCII word character at an alias edge must not continue into the text around it, so
/// "IDC" does not match inside "IDCs" while "IDC's" and "IDC数据" still do; "US$" is money.
pub fn is_word_bounded(text: &str, start: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    let word = is_word_byte;
    let first = bytes.get(start).copied().unwrap_or(b' ');
    let last = bytes.get(end.wrapping_sub(1)).copied().unwrap_or(b' ');
    let before_ok = start == 0 || !word(first) || !word(bytes[start - 1]);
    let after_ok = end >= bytes.len() || !word(last) || !(word(bytes[end]) || bytes[end] == b'$');
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regression_a_count_of_firms_is_no_appliance_market() {
        let entries = vec![Entry {
            id: "market.appliances".into(),
            category: LexiconCategory::Market,
            aliases: vec!["家电".into()],
            parent: None,
            case_sensitive: None,
            path: String::new(),
            line: 0,
        }];
        let lex = Lexicons::build(&entries);
        for (text, want) in [("国内有47家电池企业", 0), ("多家电商平台", 0), ("家电市场", 1), ("白色家电", 1)]
        {
            assert_eq!(lex.find(text, 0..text.len()).len(), want, "{text}");
        }
    }

    #[test]
    fn a_market_alias_stands_in_its_other_number() {
        assert_eq!(other_number("wireless earbuds").as_deref(), Some("wireless earbud"));
        assert_eq!(other_number("game console").as_deref(), Some("game consoles"));
        assert_eq!(other_number("EV batteries").as_deref(), Some("EV battery"));
        assert_eq!(other_number("smart home camera").as_deref(), Some("smart home cameras"));
        assert_eq!(other_number("network switches").as_deref(), Some("network switch"));
        for fixed in ["drugs", "cloud", "news", "data analytics", "smart glass", "OLED TVs", "AI", "电视"] {
            assert_eq!(other_number(fixed), None, "{fixed}");
        }
    }

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

    /// Every name found in `t`, as written.
    fn names<'t>(lex: &Lexicons, t: &'t str) -> Vec<&'t str> {
        lex.find(t, 0..t.len()).iter().map(|m| &t[m.range.clone()]).collect()
    }

    #[test]
    fn word_boundaries_and_longest_match() {
        let e = [
            entry("source.idc", &["IDC", "国际数据公司"]),
            entry("source.counterpoint", &["Counterpoint", "Counterpoint Research"]),
        ];
        let lex = Lexicons::build(&e);
        let t = "IDCs no; IDC's yes; counterpoint research said; 国际数据公司数据";
        let found = names(&lex, t);
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
        let found = names(&lex, t);
        assert_eq!(found, vec!["united states"]);
    }

    #[test]
    fn a_name_inside_a_longer_word_hides_nothing() {
        // "AI PC" begins inside "JAI": not a name there, and the "PC" after it still is.
        let e = [entry("market.ai_pc", &["AI PC"]), entry("market.pc", &["PC"])];
        let lex = Lexicons::build(&e);
        let t = "JAI PC sales; AI PC sales";
        let found = names(&lex, t);
        assert_eq!(found, vec!["PC", "AI PC"]);
    }

    #[test]
    fn regression_a_name_running_into_a_longer_word_hides_nothing() {
        // "the world" runs into "the worldwide market": not a name there, and "worldwide",
        // which starts inside it, still is.
        let e = [entry("geo.global", &["the world", "worldwide"])];
        let lex = Lexicons::build(&e);
        let t = "of the worldwide market";
        let found = names(&lex, t);
        assert_eq!(found, vec!["worldwide"]);
    }

    #[test]
    fn a_case_sensitive_name_read_case_blind_with_the_others_keeps_its_case() {
        let mut sensitive = entry("source.fortune", &["《Fortune》", "（IDC）"]);
        sensitive.case_sensitive = Some(true);
        let e = [sensitive, entry("source.forbes", &["《Forbes》"])];
        let lex = Lexicons::build(&e);
        let t = "《Fortune》《fortune》《FORBES》（IDC）（idc）";
        assert_eq!(names(&lex, t), vec!["《Fortune》", "《FORBES》", "（IDC）"]);
    }

    #[test]
    fn word_filed_and_chinese_names_compete_for_the_longest() {
        let e = [
            entry("source.idc", &["IDC中国", "IDC"]),
            entry("geo.cn", &["中国"]),
            entry("market.cn_cloud", &["中国云市场"]),
        ];
        let lex = Lexicons::build(&e);
        let t = "据IDC中国云市场数据，中国云市场";
        let found = names(&lex, t);
        assert_eq!(found, vec!["IDC中国", "中国云市场"]);
        // Only part of the text: a name must lie inside the range.
        let cut = t.find("中国云").expect("in the text");
        let found: Vec<&str> = lex.find(t, 0..cut).iter().map(|m| &t[m.range.clone()]).collect();
        assert_eq!(found, vec!["IDC"]);
    }
}
