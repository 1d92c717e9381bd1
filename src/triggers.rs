//! Trigger literals: one Aho-Corasick automaton over the literals of a family of patterns
//! (claim rules, scope patterns, voice markers), so a pattern's regex runs only on text that
//! holds one of its literals.
//!
//! The search reports overlapping matches: with a leftmost-longest search a literal that
//! began inside a longer one was never seen ("30% of total" found "% of" and lost "of
//! total"), and the patterns it should have woken slept.

use std::collections::{HashMap, VecDeque};
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct TriggerIndex {
    dfa: Option<Dfa>,
    /// For each literal, the patterns it wakes.
    owners: Vec<Vec<usize>>,
    /// For each literal that some pattern takes only as a whole word, the patterns it wakes
    /// where a word goes on after it; `None` where every owner takes it inside a longer word.
    inside: Vec<Option<Vec<usize>>>,
    /// For each literal, its length in bytes.
    lens: Vec<usize>,
    /// Patterns with no literals, or an empty one: they run everywhere.
    always: Vec<usize>,
    len: usize,
}

impl TriggerIndex {
    /// `items` yields each pattern's index and its literals (matched ASCII-case-insensitively).
    pub fn new<'a>(items: impl IntoIterator<Item = (usize, &'a [String])>) -> TriggerIndex {
        TriggerIndex::with_words(items.into_iter().map(|(i, l)| (i, l, false)))
    }

    /// As `new`, with whether each pattern takes its literals only as whole words (a literal
    /// ending in a letter or digit then wakes it only where no letter, digit or `_` follows).
    pub fn with_words<'a>(items: impl IntoIterator<Item = (usize, &'a [String], bool)>) -> TriggerIndex {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let mut own: Vec<Vec<usize>> = Vec::new();
        let mut whole: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        let mut len = 0;
        for (item, literals, words) in items {
            len = len.max(item + 1);
            if literals.is_empty() || literals.iter().any(String::is_empty) {
                always.push(item);
            }
            for t in literals.iter().filter(|t| !t.is_empty()) {
                let key = t.to_lowercase();
                let i = *index.entry(key.clone()).or_insert_with(|| {
                    pats.push(key);
                    own.push(Vec::new());
                    whole.push(Vec::new());
                    pats.len() - 1
                });
                if !own[i].contains(&item) {
                    own[i].push(item);
                }
                if words && ends_word(&pats[i]) && !whole[i].contains(&item) {
                    whole[i].push(item);
                }
            }
        }
        let dfa = (!pats.is_empty()).then(|| Dfa::build(&pats));
        let inside = own
            .iter()
            .zip(&whole)
            .map(|(all, whole)| {
                (!whole.is_empty()).then(|| all.iter().copied().filter(|o| !whole.contains(o)).collect())
            })
            .collect();
        let owners = own;
        let lens = pats.iter().map(String::len).collect();
        TriggerIndex { dfa, owners, inside, lens, always, len }
    }

    /// Every (where, patterns) pair: the bytes a literal covers and the patterns it wakes, in
    /// order of the literals' ends (and longest first among those ending together). A literal
    /// that starts with an ASCII letter is reported only where it starts a word.
    pub fn hits<'h>(&'h self, hay: &'h str) -> impl ExactSizeIterator<Item = (Range<usize>, &'h [usize])> + 'h {
        let found = self.dfa.as_ref().map(|d| d.find_all(hay.as_bytes())).unwrap_or_default();
        found.into_iter().map(move |(start, lit)| {
            let (start, lit) = (start as usize, lit as usize);
            let end = start + self.lens[lit];
            let owners = match &self.inside[lit] {
                Some(inside) if hay.as_bytes().get(end).is_some_and(|&b| in_word(b)) => inside,
                _ => &self.owners[lit],
            };
            (start..end, owners.as_slice())
        })
    }

    /// The patterns worth running on `hay`, as a membership table indexed by pattern.
    pub fn wanted(&self, hay: &str) -> Vec<bool> {
        let mut want = vec![false; self.len];
        for &a in &self.always {
            want[a] = true;
        }
        for (_, owners) in self.hits(hay) {
            for &o in owners {
                want[o] = true;
            }
        }
        want
    }
}

/// A literal that begins with an ASCII letter wakes its patterns only where it begins a word:
/// "led" in "called", "put " in "output" and "top" in "laptop" are not the words the rules
/// look for, and in running text they outnumber them.
pub fn starts_word(literal: &str) -> bool {
    literal.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
}

/// No ASCII letter, digit or underscore right before `at`. Other scripts are let through: a
/// rule's own `\b` decides there.
fn at_word_start(hay: &[u8], at: usize) -> bool {
    at == 0 || !in_word(hay[at - 1])
}

fn in_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Whether `literal` (lower case) occurs in `hay_lower` as the trigger pass would see it.
pub fn occurs(hay_lower: &str, literal: &str) -> bool {
    occurs_as(hay_lower, literal, false)
}

/// `occurs`, for a pattern that takes its literals as whole words when `whole`.
pub fn occurs_as(hay_lower: &str, literal: &str, whole: bool) -> bool {
    let (word, bytes) = (starts_word(literal), hay_lower.as_bytes());
    let ends = whole && ends_word(literal);
    hay_lower.match_indices(literal).any(|(at, _)| {
        (!word || at_word_start(bytes, at)) && !(ends && bytes.get(at + literal.len()).is_some_and(|&b| in_word(b)))
    })
}

/// A literal that ends in an ASCII letter or digit can be asked to end a word.
fn ends_word(literal: &str) -> bool {
    literal.as_bytes().last().is_some_and(|&b| in_word(b))
}

/// Independent walks over stretches of a text, interleaved: a step waits on the load of the
/// step before it, so one walk leaves the core idle while several keep it busy.
const LANES: usize = 4;

/// The two start states. A literal that begins with a letter may start only after a byte
/// outside words, so the automaton remembers which kind of byte came last even when no
/// literal is under way; inside a word it then idles in `IN_WORD` rather than following every
/// literal that could begin mid-word, which it would only report to have it dropped.
const AFTER_GAP: usize = 0;
const IN_WORD: usize = 1;

/// Bytes by their frequency in English business news (letters folded): their classes come
/// first, in the first block (see `Dfa::codes`), so that such text needs one cache line per
/// state it visits. The comma takes the class of the bytes in no literal with it.
const HOT: &[u8] = b" etarionsdhlcupmf.yg,w2\n0bv%145kx36987q$-j'z\"()";

/// An Aho-Corasick DFA over the literals (ASCII letters folded, every occurrence of every
/// literal reported, overlapping ones too, but those that start with a letter only at a word's
/// start), as a flat table so that a step is two loads: states are numbered with match states
/// last (one compare tells a match) and bytes mapped to classes of equal columns. A document
/// is cut into stretches walked side by side.
#[derive(Debug, Clone)]
struct Dfa {
    /// For each byte, where its class's column is: the next state is
    /// `trans[(state << BLOCK2) | codes[byte]]`. Classes come in blocks of 32, one cache line
    /// of a state's entries, and a block holds those lines of every state in a row: the line
    /// of the hot classes of one state sits next to the next state's, not a row's length away
    /// (rows a power of two long put every state's hot line in a quarter of the cache's sets).
    codes: [u32; 256],
    /// `u16` entries (state numbers) halve the table's footprint in the cache. Its length is a
    /// power of two, so an index masked by `len - 1` needs no bounds check.
    trans: Table,
    start: u16,
    /// States from here on end a literal; a power of two, and no state below it does.
    first_match: u16,
    /// The literals ending in match state `first_match + k` are `ends[ends_at[k]..ends_at[k + 1]]`,
    /// as (literal, length), longest first.
    ends_at: Vec<u32>,
    ends: Vec<(u32, u32)>,
    /// The longest literal: a walk started one byte further back is in step with one from the
    /// start (that byte tells whether a word may begin after it).
    max_len: usize,
}

impl Dfa {
    fn build(pats: &[String]) -> Dfa {
        // The trie, with each state's 256 transitions in one flat vector: a trie edge or NONE.
        // Literals are lower case; an upper-case letter takes its lower case's edges below.
        const NONE: u32 = u32::MAX;
        let mut delta = vec![NONE; 2 * 256];
        let mut lit_at: Vec<Option<u32>> = vec![None; 2];
        for (i, p) in pats.iter().enumerate() {
            let mut q = AFTER_GAP;
            for &b in p.as_bytes() {
                let at = q * 256 + usize::from(b.to_ascii_lowercase());
                if delta[at] == NONE {
                    delta[at] = lit_at.len() as u32;
                    delta.extend([NONE; 256]);
                    lit_at.push(None);
                }
                q = delta[at] as usize;
            }
            lit_at[q] = Some(i as u32);
        }
        let n = lit_at.len();
        let fallback = |b: u8| if in_word(b) { IN_WORD } else { AFTER_GAP } as u32;
        // `fail[q]`: the longest proper suffix of q that is in the trie and may have started
        // where it did, else the start state the last byte of q leaves.
        let mut fail = vec![AFTER_GAP as u32; n];
        let mut queue = VecDeque::new();
        for b in 0..=255u8 {
            let fold = usize::from(b.to_ascii_lowercase());
            let child = delta[fold];
            if child != NONE && usize::from(b) == fold {
                fail[child as usize] = fallback(b);
                queue.push_back(child as usize);
            }
            let usable = child != NONE && !b.is_ascii_alphabetic();
            delta[IN_WORD * 256 + usize::from(b)] = if usable { child } else { fallback(b) };
            delta[AFTER_GAP * 256 + usize::from(b)] = if child != NONE { child } else { fallback(b) };
        }
        // Breadth first, so that a state's failure (shallower) is complete before it is used.
        let mut order = vec![AFTER_GAP, IN_WORD];
        while let Some(q) = queue.pop_front() {
            order.push(q);
            let f = fail[q] as usize;
            // Upper-case letters last: they copy their lower case's finished entries.
            for b in (0..=255u8).filter(|b| !b.is_ascii_uppercase()).chain(b'A'..=b'Z') {
                let (at, fold) = (q * 256 + usize::from(b), usize::from(b.to_ascii_lowercase()));
                if usize::from(b) != fold {
                    delta[at] = delta[q * 256 + fold];
                } else if delta[at] == NONE {
                    delta[at] = delta[f * 256 + fold];
                } else {
                    let child = delta[at] as usize;
                    fail[child] = delta[f * 256 + fold];
                    queue.push_back(child);
                }
            }
        }
        // The literals ending in each state, longest first: its own, then its failure's.
        let mut out: Vec<Vec<(u32, u32)>> = vec![Vec::new(); n];
        for &q in &order[2..] {
            let own = lit_at[q].map(|l| (l, pats[l as usize].len() as u32));
            out[q] = own.into_iter().chain(out[fail[q] as usize].iter().copied()).collect();
        }
        // Bytes whose columns agree share a class; classes are numbered by heat (see `HOT`).
        let heat = |b: u8| HOT.iter().position(|&h| h == b.to_ascii_lowercase()).unwrap_or(HOT.len() + usize::from(b));
        let mut groups: HashMap<Vec<u32>, Vec<u8>> = HashMap::new();
        for b in 0..=255u8 {
            groups.entry((0..n).map(|q| delta[q * 256 + usize::from(b)]).collect()).or_default().push(b);
        }
        let mut groups: Vec<Vec<u8>> = groups.into_values().collect();
        groups.sort_by_key(|g| g.iter().map(|&b| heat(b)).min());
        // Match states last, from a power of two on: then "any lane in a match state" is one
        // compare of the lanes' states or-ed together.
        let mut rank = order.clone();
        rank.sort_by_key(|&q| !out[q].is_empty()); // stable: breadth-first order otherwise
        let first = rank.iter().position(|&q| !out[q].is_empty()).unwrap_or(n);
        let first_match = first.max(1).next_power_of_two();
        let mut new_id = vec![0usize; n];
        for (k, &q) in rank.iter().enumerate() {
            new_id[q] = if k < first { k } else { first_match + k - first };
        }
        let states = first_match + n - first;
        assert!(states <= usize::from(u16::MAX) + 1, "trigger automaton has too many states for u16");
        let block = states.next_power_of_two() << BLOCK2;
        let code = |class: usize| (((class >> BLOCK2) * block) | (class & ((1 << BLOCK2) - 1))) as u32;
        let mut codes = [0u32; 256];
        for (class, g) in groups.iter().enumerate() {
            for &b in g {
                codes[usize::from(b)] = code(class);
            }
        }
        let mut trans = vec![0u16; groups.len().div_ceil(1 << BLOCK2).next_power_of_two() * block];
        for q in 0..n {
            for (class, g) in groups.iter().enumerate() {
                let next = delta[q * 256 + usize::from(g[0])] as usize;
                trans[(new_id[q] << BLOCK2) | code(class) as usize] = new_id[next] as u16;
            }
        }
        let mut ends_at = vec![0u32];
        let mut ends = Vec::new();
        for &q in &rank[first..] {
            ends.extend_from_slice(&out[q]);
            ends_at.push(ends.len() as u32);
        }
        let max_len = pats.iter().map(String::len).max().unwrap_or(0);
        Dfa {
            codes,
            trans: Table::new(&trans),
            start: new_id[AFTER_GAP] as u16,
            first_match: first_match as u16,
            ends_at,
            ends,
            max_len,
        }
    }

    /// Every occurrence of every literal as (start, literal), in order of their ends.
    fn find_all(&self, hay: &[u8]) -> Vec<(u32, u32)> {
        Walk::new(self).find_all(hay)
    }
}

/// A block of a state's entries is `1 << BLOCK2` long: 32 `u16`s, one cache line.
const BLOCK2: u32 = 5;

/// A table whose first entry begins a cache line, so that a state's entries in a block are one
/// line. A copy is aligned anew.
#[derive(Debug)]
struct Table {
    buf: Vec<u16>,
    at: usize,
}

impl Table {
    fn new(entries: &[u16]) -> Table {
        let mut buf = Vec::with_capacity(entries.len() + 32);
        let at = (buf.as_ptr() as usize).wrapping_neg() % 64 / 2;
        buf.resize(at, 0);
        buf.extend_from_slice(entries);
        Table { buf, at }
    }

    fn entries(&self) -> &[u16] {
        &self.buf[self.at..]
    }
}

impl Clone for Table {
    fn clone(&self) -> Table {
        Table::new(self.entries())
    }
}

/// The walk over a text, with what a step needs at hand.
struct Walk<'d> {
    dfa: &'d Dfa,
    trans: &'d [u16],
    codes: &'d [u32; 256],
    first: usize,
}

impl<'d> Walk<'d> {
    fn new(dfa: &'d Dfa) -> Self {
        Walk { dfa, trans: dfa.trans.entries(), codes: &dfa.codes, first: usize::from(dfa.first_match) }
    }

    /// One step of the flat table: `trans.len()` is a power of two, so the masked index is in
    /// bounds by construction and the compiler drops the check.
    #[inline(always)]
    fn step(&self, s: usize, b: u8) -> usize {
        let at = (s << BLOCK2) | self.codes[usize::from(b)] as usize;
        usize::from(self.trans[at & (self.trans.len() - 1)])
    }

    /// Records the literals that end at `end` in match state `s`, as (start, literal).
    #[inline]
    fn emit(&self, s: usize, end: usize, found: &mut Vec<(u32, u32)>) {
        let k = s - self.first;
        let ends = &self.dfa.ends[self.dfa.ends_at[k] as usize..self.dfa.ends_at[k + 1] as usize];
        found.extend(ends.iter().map(|&(lit, len)| (end as u32 - len, lit)));
    }

    /// One walk over `hay[from..to]` from state `s`, reporting what ends in it.
    fn walk(&self, hay: &[u8], from: usize, to: usize, mut s: usize, found: &mut Vec<(u32, u32)>) -> usize {
        for (i, &b) in hay[from..to].iter().enumerate() {
            s = self.step(s, b);
            if s >= self.first {
                self.emit(s, from + i + 1, found);
            }
        }
        s
    }

    /// The state a walk from the start is in before `at`: the last `max_len` bytes decide it,
    /// and the byte before them whether a word may begin.
    fn state_at(&self, hay: &[u8], at: usize) -> usize {
        let start = usize::from(self.dfa.start);
        hay[at.saturating_sub(self.dfa.max_len + 1)..at].iter().fold(start, |s, &b| self.step(s, b))
    }

    fn find_all(&self, hay: &[u8]) -> Vec<(u32, u32)> {
        let n = hay.len();
        let chunk = n / LANES;
        // A stretch must be long enough to pay for its warm-up.
        if chunk < 8 * self.dfa.max_len.max(8) {
            let mut found = Vec::new();
            self.walk(hay, 0, n, usize::from(self.dfa.start), &mut found);
            return found;
        }
        // Room for a hit every 32 bytes, more than running text has: growing the lanes
        // copied them over and over.
        let mut found: [Vec<(u32, u32)>; LANES] = std::array::from_fn(|_| Vec::with_capacity(chunk / 32));
        let [mut s0, mut s1, mut s2, mut s3]: [usize; LANES] = std::array::from_fn(|j| self.state_at(hay, j * chunk));
        let (a, rest) = hay.split_at(chunk);
        let (b, rest) = rest.split_at(chunk);
        let (c, d) = rest.split_at(chunk);
        let d = &d[..chunk];
        let first = self.first;
        // Lanes of exactly `chunk` bytes indexed by one counter, and a masked table index: the
        // loop body is loads, shifts and ors, with no bounds checks and the four states in
        // registers.
        for i in 0..chunk {
            s0 = self.step(s0, a[i]);
            s1 = self.step(s1, b[i]);
            s2 = self.step(s2, c[i]);
            s3 = self.step(s3, d[i]);
            // Matches are rare: handled out of line, they keep the states in registers.
            if s0 | s1 | s2 | s3 >= first {
                self.emit_lanes([s0, s1, s2, s3], i + 1, chunk, &mut found);
            }
        }
        // The last lane also takes the bytes the even split left over.
        self.walk(hay, LANES * chunk, n, s3, &mut found[LANES - 1]);
        let mut all = Vec::with_capacity(found.iter().map(Vec::len).sum());
        for lane in &found {
            all.extend_from_slice(lane);
        }
        all
    }

    #[cold]
    #[inline(never)]
    fn emit_lanes(&self, state: [usize; LANES], end: usize, chunk: usize, out: &mut [Vec<(u32, u32)>; LANES]) {
        for (j, (s, lane)) in state.into_iter().zip(out.iter_mut()).enumerate() {
            if s >= self.first {
                self.emit(s, j * chunk + end, lane);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the trigger pass must find: every overlapping occurrence aho-corasick finds, less
    /// those of a literal starting with a letter inside a word, in order of their ends and
    /// longest first among those ending together.
    fn expected(ac: &aho_corasick::AhoCorasick, lits: &[String], hay: &str) -> Vec<(u32, u32)> {
        let mut want: Vec<(usize, usize)> = ac
            .find_overlapping_iter(hay)
            .filter(|m| !starts_word(&lits[m.pattern()]) || at_word_start(hay.as_bytes(), m.start()))
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        want.sort_by_key(|&(start, lit)| (start + lits[lit].len(), start));
        want.into_iter().map(|(start, lit)| (start as u32, lit as u32)).collect()
    }

    #[test]
    fn a_whole_word_pattern_sleeps_where_its_literal_goes_on_as_a_longer_word() {
        let share = ["share".to_string()];
        let led = [" led ".to_string()];
        // 0 takes "share" only as a word, 1 inside longer words too; 2 a literal ending in a space.
        let idx = TriggerIndex::with_words([(0, &share[..], true), (1, &share[..], false), (2, &led[..], true)]);
        let woken = |hay: &str| -> Vec<Vec<usize>> { idx.hits(hay).map(|(_, o)| o.to_vec()).collect() };
        assert_eq!(woken("its share rose"), [vec![0, 1]]);
        assert_eq!(woken("market share."), [vec![0, 1]]);
        assert_eq!(woken("share"), [vec![0, 1]]);
        assert_eq!(woken("Shares rose"), [vec![1]]);
        assert_eq!(woken("shareholders"), [vec![1]]);
        assert_eq!(woken("share_price share2"), [vec![1], vec![1]]);
        // A word in another script is the pattern's `\b` to judge.
        assert_eq!(woken("shareé"), [vec![0, 1]]);
        assert_eq!(woken("it led the"), [vec![2]]);
        assert!(occurs_as("its share rose", "share", true));
        assert!(!occurs_as("shares rose", "share", true));
        assert!(occurs_as("shares rose", "share", false));
        assert!(occurs_as("it led rivals", " led ", true));
    }

    #[test]
    fn patterns_wake_on_their_literals_only() {
        let lits = [vec!["share".to_string()], vec![], vec!["份额".to_string(), "Share".to_string()]];
        let idx = TriggerIndex::new(lits.iter().enumerate().map(|(i, l)| (i, l.as_slice())));
        assert_eq!(idx.wanted("market SHARE rose"), vec![true, true, true]);
        assert_eq!(idx.wanted("no claim here"), vec![false, true, false]);
        assert_eq!(idx.wanted("其份额为20%"), vec![false, true, true]);
    }

    #[test]
    fn a_literal_that_starts_inside_another_is_still_seen() {
        let lits = [vec!["% of".to_string()], vec!["of total".to_string()]];
        let idx = TriggerIndex::new(lits.iter().enumerate().map(|(i, l)| (i, l.as_slice())));
        assert_eq!(idx.wanted("made up 30% of total revenue"), vec![true, true]);
    }

    #[test]
    fn a_literal_inside_a_word_wakes_nothing() {
        let lits = [vec!["led".to_string()], vec!["put ".to_string()], vec!["%".to_string()]];
        let idx = TriggerIndex::new(lits.iter().enumerate().map(|(i, l)| (i, l.as_slice())));
        assert_eq!(idx.wanted("it was called off; output rose 3%"), vec![false, false, true]);
        assert_eq!(idx.wanted("Led by Acme, they put in 3%"), vec![true, true, true]);
        assert_eq!(idx.wanted("(led) and “led” and 华为led"), vec![true, false, false]);
        assert!(occurs("who led the market", "led") && !occurs("she called it", "led"));
        assert!(occurs("up 12%", "%") && occurs("ranked 12th", "12th"));
    }

    #[test]
    fn a_longer_literal_wakes_the_patterns_of_those_inside_it() {
        let lits = [vec!["lead".to_string()], vec!["leading".to_string()]];
        let idx = TriggerIndex::new(lits.iter().enumerate().map(|(i, l)| (i, l.as_slice())));
        assert_eq!(idx.wanted("a leading brand"), vec![true, true]);
        assert_eq!(idx.wanted("to lead"), vec![true, false]);
    }

    #[test]
    fn every_occurrence_is_found_as_aho_corasick_finds_it() {
        let lits: Vec<String> = [
            "%",
            "% of",
            "of total",
            "first",
            "First Half",
            "irst",
            "no.",
            "份额",
            "市场份额",
            "％",
            "’s only",
            "a",
            "aaa",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let dfa = Dfa::build(&lits.iter().map(|l| l.to_lowercase()).collect::<Vec<_>>());
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(lits.iter().map(|l| l.to_lowercase()))
            .expect("builds");
        let piece = "In the FIRST half, 30% of total went to No. 1; 市场份额为46％, Acme’s only rival. aaaa ";
        // Long enough texts are cut into stretches: literals across the cuts must still be found.
        for n in [0, 1, 2, 5, 40, 200, 1000] {
            let hay: String = piece.repeat(n / 10 + 1).chars().take(n * 7).collect();
            assert_eq!(dfa.find_all(hay.as_bytes()), expected(&ac, &lits, &hay), "{n}");
        }
    }

    #[test]
    fn the_flat_table_agrees_with_aho_corasick_on_random_text() {
        // Literals with shared prefixes and suffixes, upper case, punctuation, multi-byte
        // characters, a NUL, and ones starting with a digit or an underscore (which may begin
        // inside a word) or ending in one; haystacks drawn from the same pieces plus bytes in no literal.
        let lits: Vec<String> = [
            "ab", "abc", "bca", "c", "No.", "%", "份额", "额为", "’s", "a\0b", "zz top", "TOP", "1st", "_s", "s t",
            "t1",
        ]
        .iter()
        .map(|s| s.to_lowercase())
        .collect();
        let dfa = Dfa::build(&lits);
        let ac = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(&lits).expect("builds");
        let alphabet = [
            "a", "B", "c", "A", "b", "C", "n", "O", ".", "%", "份", "额", "为", "’", "s", "\0", "z", " ", "T", "p",
            "x", "é", "\n", "1", "_", "t",
        ];
        let mut rng = crate::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        for len in [0usize, 1, 3, 17, 64, 255, 1024, 4099] {
            let mut hay = String::new();
            while hay.len() < len {
                hay.push_str(alphabet[rng.below(alphabet.len())]);
            }
            assert_eq!(dfa.find_all(hay.as_bytes()), expected(&ac, &lits, &hay), "{hay:?}");
        }
    }
}
