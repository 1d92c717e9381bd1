//! Trigger literals: one Aho-Corasick automaton over the literals of a family of patterns
//! (claim rules, scope patterns, voice markers), so a pattern's regex runs only on text that
//! holds one of its literals.
//!
//! The search reports overlapping matches: with a leftmost-longest search a literal that
//! began inside a longer one was never seen ("30% of total" found "% of" and lost "of
//! total"), and the patterns it should have woken slept.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use std::collections::HashMap;
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct TriggerIndex {
    dfa: Option<Dfa>,
    /// For each literal, the patterns it wakes.
    owners: Vec<Vec<usize>>,
    /// For each literal, whether it must start a word (see `starts_word`).
    word_start: Vec<bool>,
    /// For each literal, its length in bytes.
    lens: Vec<usize>,
    /// Patterns with no literals: they run everywhere.
    always: Vec<usize>,
    len: usize,
}

impl TriggerIndex {
    /// `items` yields each pattern's index and its literals (matched ASCII-case-insensitively).
    pub fn new<'a>(items: impl IntoIterator<Item = (usize, &'a [String])>) -> TriggerIndex {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let mut own: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        let mut len = 0;
        for (item, literals) in items {
            len = len.max(item + 1);
            if literals.is_empty() {
                always.push(item);
            }
            for t in literals {
                let key = t.to_lowercase();
                let i = *index.entry(key.clone()).or_insert_with(|| {
                    pats.push(key);
                    own.push(Vec::new());
                    pats.len() - 1
                });
                if !own[i].contains(&item) {
                    own[i].push(item);
                }
            }
        }
        let dfa = (!pats.is_empty()).then(|| Dfa::build(&pats));
        let owners = own;
        let word_start = pats.iter().map(|p| starts_word(p)).collect();
        let lens = pats.iter().map(String::len).collect();
        TriggerIndex { dfa, owners, word_start, lens, always, len }
    }

    /// Every (where, patterns) pair: the bytes a literal covers and the patterns it wakes, in
    /// order of the literals' ends.
    pub fn hits<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (Range<usize>, &'h [usize])> + 'h {
        let found = self.dfa.as_ref().map(|d| d.find_all(hay.as_bytes())).unwrap_or_default();
        let bytes = hay.as_bytes();
        found.into_iter().filter_map(move |(start, lit)| {
            let (start, lit) = (start as usize, lit as usize);
            let at = start..start + self.lens[lit];
            (!self.word_start[lit] || at_word_start(bytes, start)).then(|| (at, self.owners[lit].as_slice()))
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
    at == 0 || !(hay[at - 1].is_ascii_alphanumeric() || hay[at - 1] == b'_')
}

/// Whether `literal` (lower case) occurs in `hay_lower` as the trigger pass would see it.
pub fn occurs(hay_lower: &str, literal: &str) -> bool {
    let word = starts_word(literal);
    hay_lower.match_indices(literal).any(|(at, _)| !word || at_word_start(hay_lower.as_bytes(), at))
}

/// Independent walks over stretches of a text, interleaved: a step waits on the load of the
/// step before it, so one walk leaves the core idle while several keep it busy.
const LANES: usize = 4;

/// The aho-corasick crate's DFA over the literals (ASCII letters folded, standard match
/// semantics so every occurrence of every literal is reported, overlapping ones too), copied
/// into a flat table so that a step is two loads and an add: states are renumbered with match
/// states last (one compare tells a match) and bytes mapped to classes of equal columns. A
/// document is cut into stretches walked side by side.
#[derive(Debug, Clone)]
struct Dfa {
    classes: [u8; 256],
    /// Transitions, premultiplied by the stride: the next state is `trans[state + class]`.
    /// Its length is a power of two, so an index masked by `len - 1` needs no bounds check.
    trans: Box<[u32]>,
    start: u32,
    /// States from here on end a literal; a power of two, and no state below it does.
    first_match: u32,
    /// Per match state, the literals ending there as (literal, length).
    ends: Vec<Vec<(u32, u32)>>,
    stride2: u32,
    /// The longest literal: a walk started this far back is in step with one from the start.
    max_len: usize,
}

impl Dfa {
    fn build(pats: &[String]) -> Dfa {
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .start_kind(StartKind::Unanchored)
            .build(pats)
            .expect("trigger literals build an automaton");
        let start = dfa.start_state(Anchored::No).expect("an unanchored start state");
        // A byte in no literal takes every state back to the start, and an ASCII letter goes
        // where its other case goes: so each literal byte (folded) is a class of its own and
        // all other bytes share one. A byte of each class stands for it in the walk below.
        let mut used = [false; 256];
        for &byte in pats.iter().flat_map(|p| p.as_bytes()) {
            used[usize::from(byte.to_ascii_lowercase())] = true;
            used[usize::from(byte.to_ascii_uppercase())] = true;
        }
        let mut classes = [0u8; 256];
        let mut reps: Vec<u8> = Vec::new();
        let other = (0..=255u8).find(|&b| !used[usize::from(b)]);
        if let Some(b) = other {
            reps.push(b);
        }
        for b in (0..=255u8).filter(|&b| used[usize::from(b)]) {
            let folded = b.to_ascii_lowercase();
            if b != folded {
                continue; // an upper-case letter joins its lower case below
            }
            let class = reps.len() as u8;
            reps.push(b);
            classes[usize::from(b)] = class;
            classes[usize::from(b.to_ascii_uppercase())] = class;
        }
        // Every state reachable from the start, in the order first seen; `ids` maps the
        // crate's state ids (sparse) to those positions.
        const UNSEEN: u32 = u32::MAX;
        let mut ids: Vec<u32> = Vec::new();
        let mut number = |sid: StateID, order: &mut Vec<StateID>| -> u32 {
            let k = sid.as_usize();
            if k >= ids.len() {
                ids.resize(k + 1, UNSEEN);
            }
            if ids[k] == UNSEEN {
                ids[k] = order.len() as u32;
                order.push(sid);
            }
            ids[k]
        };
        let mut order = vec![];
        number(start, &mut order);
        let mut rows: Vec<Vec<u32>> = Vec::new();
        while rows.len() < order.len() {
            let sid = order[rows.len()];
            let row = reps.iter().map(|&b| number(dfa.next_state(Anchored::No, sid, b), &mut order)).collect();
            rows.push(row);
        }
        // Match states last, from a power of two on: then "any lane in a match state" is one
        // compare of the lanes' states or-ed together.
        let mut rank: Vec<usize> = (0..order.len()).collect();
        rank.sort_by_key(|&i| (dfa.is_match(order[i]), i));
        let first = rank.iter().position(|&i| dfa.is_match(order[i])).unwrap_or(rank.len());
        let stride2 = reps.len().next_power_of_two().trailing_zeros();
        let first_match = ((first.max(1) << stride2).next_power_of_two() >> stride2).max(first);
        let mut new_id = vec![0usize; order.len()];
        for (n, &i) in rank.iter().enumerate() {
            new_id[i] = if n < first { n } else { first_match + n - first };
        }
        let states = first_match + order.len() - first;
        let mut trans = vec![0u32; (states << stride2).next_power_of_two()];
        for (i, row) in rows.iter().enumerate() {
            for (class, &next) in row.iter().enumerate() {
                trans[(new_id[i] << stride2) + class] = (new_id[next as usize] << stride2) as u32;
            }
        }
        let ends = rank[first..]
            .iter()
            .map(|&i| {
                let sid = order[i];
                (0..dfa.match_len(sid))
                    .map(|k| {
                        let lit = dfa.match_pattern(sid, k);
                        (lit.as_u32(), dfa.pattern_len(lit) as u32)
                    })
                    .collect()
            })
            .collect();
        let max_len = pats.iter().map(String::len).max().unwrap_or(0);
        Dfa {
            classes,
            trans: trans.into_boxed_slice(),
            start: (new_id[0] << stride2) as u32,
            first_match: (first_match << stride2) as u32,
            ends,
            stride2,
            max_len,
        }
    }

    #[inline(always)]
    fn step(&self, s: u32, b: u8) -> u32 {
        step(&self.trans, &self.classes, s, b)
    }

    /// Records the literals that end at `end` in match state `s`, as (start, literal).
    #[inline]
    fn emit(&self, s: u32, end: usize, found: &mut Vec<(u32, u32)>) {
        for &(lit, len) in &self.ends[((s - self.first_match) >> self.stride2) as usize] {
            found.push((end as u32 - len, lit));
        }
    }

    /// One walk over `hay[from..to]` from state `s`, reporting what ends in it.
    fn walk(&self, hay: &[u8], from: usize, to: usize, mut s: u32, found: &mut Vec<(u32, u32)>) -> u32 {
        for (i, &b) in hay[from..to].iter().enumerate() {
            s = self.step(s, b);
            if s >= self.first_match {
                self.emit(s, from + i + 1, found);
            }
        }
        s
    }

    /// The state a walk from the start is in before `at`: the last `max_len` bytes decide it.
    fn state_at(&self, hay: &[u8], at: usize) -> u32 {
        hay[at.saturating_sub(self.max_len)..at].iter().fold(self.start, |s, &b| self.step(s, b))
    }

    /// Every occurrence of every literal as (start, literal), in order of their ends.
    fn find_all(&self, hay: &[u8]) -> Vec<(u32, u32)> {
        let n = hay.len();
        let chunk = n / LANES;
        // A stretch must be long enough to pay for its warm-up.
        if chunk < 8 * self.max_len.max(8) {
            let mut found = Vec::new();
            self.walk(hay, 0, n, self.start, &mut found);
            return found;
        }
        let mut found: [Vec<(u32, u32)>; LANES] = std::array::from_fn(|_| Vec::new());
        let [mut s0, mut s1, mut s2, mut s3]: [u32; LANES] = std::array::from_fn(|j| self.state_at(hay, j * chunk));
        let (a, rest) = hay.split_at(chunk);
        let (b, rest) = rest.split_at(chunk);
        let (c, d) = rest.split_at(chunk);
        let (trans, classes, first) = (&*self.trans, &self.classes, self.first_match);
        // Zipped lanes and a masked table index: the loop body is loads and adds, with no
        // bounds checks and the four states in registers.
        for (i, (((&x0, &x1), &x2), &x3)) in a.iter().zip(b).zip(c).zip(&d[..chunk]).enumerate() {
            s0 = step(trans, classes, s0, x0);
            s1 = step(trans, classes, s1, x1);
            s2 = step(trans, classes, s2, x2);
            s3 = step(trans, classes, s3, x3);
            // Matches are rare: handled out of line, they keep the states in registers.
            if s0 | s1 | s2 | s3 >= first {
                self.emit_lanes([s0, s1, s2, s3], i + 1, chunk, &mut found);
            }
        }
        // The last lane also takes the bytes the even split left over.
        self.walk(hay, LANES * chunk, n, s3, &mut found[LANES - 1]);
        found.concat()
    }

    #[cold]
    #[inline(never)]
    fn emit_lanes(&self, state: [u32; LANES], end: usize, chunk: usize, out: &mut [Vec<(u32, u32)>; LANES]) {
        for (j, (s, lane)) in state.into_iter().zip(out.iter_mut()).enumerate() {
            if s >= self.first_match {
                self.emit(s, j * chunk + end, lane);
            }
        }
    }
}

/// One step of the flat table: `trans.len()` is a power of two, so the masked index is in
/// bounds by construction and the compiler drops the check.
#[inline(always)]
fn step(trans: &[u32], classes: &[u8; 256], s: u32, b: u8) -> u32 {
    trans[(s + u32::from(classes[usize::from(b)])) as usize & (trans.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

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
            let mut want: Vec<(u32, u32)> =
                ac.find_overlapping_iter(&hay).map(|m| (m.start() as u32, m.pattern().as_u32())).collect();
            let mut got = dfa.find_all(hay.as_bytes());
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{n}");
        }
    }

    #[test]
    fn the_flat_table_agrees_with_aho_corasick_on_random_text() {
        // Literals with shared prefixes and suffixes, upper case, punctuation, multi-byte
        // characters and a NUL; haystacks drawn from the same pieces plus bytes in no literal.
        let lits: Vec<String> = ["ab", "abc", "bca", "c", "No.", "%", "份额", "额为", "’s", "a\0b", "zz top", "TOP"]
            .iter()
            .map(|s| s.to_lowercase())
            .collect();
        let dfa = Dfa::build(&lits);
        let ac = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(&lits).expect("builds");
        let alphabet = [
            "a", "B", "c", "A", "b", "C", "n", "O", ".", "%", "份", "额", "为", "’", "s", "\0", "z", " ", "T", "p",
            "x", "é", "\n",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in [0usize, 1, 3, 17, 64, 255, 1024, 4099] {
            let mut hay = String::new();
            while hay.len() < len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                hay.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
            }
            let mut want: Vec<(u32, u32)> =
                ac.find_overlapping_iter(&hay).map(|m| (m.start() as u32, m.pattern().as_u32())).collect();
            let mut got = dfa.find_all(hay.as_bytes());
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{hay:?}");
        }
    }
}
