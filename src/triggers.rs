//! Trigger literals: one Aho-Corasick automaton over the literals of a family of patterns
//! (claim rules, scope patterns, voice markers), so a pattern's regex runs only on text that
//! holds one of its literals.
//!
//! The search reports overlapping matches: with a leftmost-longest search a literal that
//! began inside a longer one was never seen ("30% of total" found "% of" and lost "of
//! total"), and the patterns it should have woken slept.

use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct TriggerIndex {
    dfa: Option<Dfa>,
    /// For each literal, the patterns it wakes.
    owners: Vec<Vec<usize>>,
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
        TriggerIndex { dfa, owners, always, len }
    }

    /// Every (position, patterns) pair: where a literal starts and which patterns it wakes,
    /// in order of the literals' ends.
    pub fn hits<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, &'h [usize])> + 'h {
        let found = self.dfa.as_ref().map(|d| d.find_all(hay.as_bytes())).unwrap_or_default();
        found.into_iter().map(|(start, lit)| (start as usize, self.owners[lit as usize].as_slice()))
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

/// Independent walks over stretches of a text, interleaved: a DFA step waits on the load of
/// the step before it, so one walk leaves the core idle while several keep it busy.
const LANES: usize = 2;

/// An Aho-Corasick DFA over the literals, ASCII letters folded, reporting every occurrence
/// of every literal (overlapping ones too). Hand-rolled rather than `aho_corasick`'s DFA so
/// that a document is cut into stretches walked side by side (see `LANES`).
#[derive(Debug, Clone)]
struct Dfa {
    /// Byte to equivalence class: bytes no literal holds share class 0.
    classes: [u8; 256],
    /// Transitions, `states * stride`, each holding the target state premultiplied by `stride`.
    trans: Vec<u32>,
    stride: usize,
    root: u32,
    /// States from this one (premultiplied) on are those where some literal ends.
    first_match: u32,
    /// For match state `first_match / stride + k`, its literals are `outs[ends[k]..ends[k + 1]]`
    /// as (literal, length in bytes).
    ends: Vec<u32>,
    outs: Vec<(u32, u32)>,
    /// The longest literal: a walk started this far back is in step with one from the start.
    max_len: usize,
}

impl Dfa {
    fn build(pats: &[String]) -> Dfa {
        // Literals are UTF-8, which uses at most 243 byte values: the classes fit in a byte.
        let mut classes = [0u8; 256];
        let mut next_class = 1usize;
        for p in pats {
            for &b in p.as_bytes() {
                let b = b.to_ascii_lowercase();
                if classes[b as usize] == 0 {
                    classes[b as usize] = next_class as u8;
                    classes[b.to_ascii_uppercase() as usize] = next_class as u8;
                    next_class += 1;
                }
            }
        }
        let stride = next_class;
        const NONE: u32 = u32::MAX;
        // The trie, then its failure links and the full transition table, breadth first.
        let mut go: Vec<u32> = vec![NONE; stride];
        let mut out: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        for (i, p) in pats.iter().enumerate() {
            let mut s = 0usize;
            for &b in p.as_bytes() {
                let c = classes[b as usize] as usize;
                if go[s * stride + c] == NONE {
                    go[s * stride + c] = out.len() as u32;
                    go.extend(std::iter::repeat_n(NONE, stride));
                    out.push(Vec::new());
                }
                s = go[s * stride + c] as usize;
            }
            out[s].push((i as u32, p.len() as u32));
        }
        let n = out.len();
        let mut fail = vec![0usize; n];
        let mut queue = std::collections::VecDeque::new();
        for t in &mut go[..stride] {
            match *t {
                NONE => *t = 0,
                v => {
                    // An empty literal (at the root) ends everywhere.
                    let inherited = out[0].clone();
                    out[v as usize].extend(inherited);
                    queue.push_back(v as usize);
                }
            }
        }
        while let Some(u) = queue.pop_front() {
            for c in 0..stride {
                let v = go[u * stride + c];
                let through_fail = go[fail[u] * stride + c];
                if v == NONE {
                    go[u * stride + c] = through_fail;
                } else {
                    let v = v as usize;
                    fail[v] = through_fail as usize;
                    let inherited = out[fail[v]].clone();
                    out[v].extend(inherited);
                    queue.push_back(v);
                }
            }
        }
        // Match states last, so one comparison tells a match.
        let mut order: Vec<usize> = (0..n).filter(|&s| out[s].is_empty()).collect();
        let plain = order.len();
        order.extend((0..n).filter(|&s| !out[s].is_empty()));
        let mut id = vec![0u32; n];
        for (new, &old) in order.iter().enumerate() {
            id[old] = (new * stride) as u32;
        }
        let mut trans = Vec::with_capacity(n * stride);
        let (mut ends, mut outs) = (vec![0u32], Vec::new());
        for &old in &order {
            trans.extend(go[old * stride..(old + 1) * stride].iter().map(|&t| id[t as usize]));
            if !out[old].is_empty() {
                outs.extend(out[old].iter().copied());
                ends.push(outs.len() as u32);
            }
        }
        assert!(trans.len() <= u32::MAX as usize, "trigger automaton too large");
        let max_len = pats.iter().map(String::len).max().unwrap_or(0);
        Dfa { classes, trans, stride, root: id[0], first_match: (plain * stride) as u32, ends, outs, max_len }
    }

    #[inline(always)]
    fn step(&self, s: u32, b: u8) -> u32 {
        self.trans[s as usize + self.classes[b as usize] as usize]
    }

    /// Records the literals that end at `end` in match state `s`, as (start, literal).
    #[inline]
    fn emit(&self, s: u32, end: usize, found: &mut Vec<(u32, u32)>) {
        let k = ((s - self.first_match) as usize) / self.stride;
        for &(lit, len) in &self.outs[self.ends[k] as usize..self.ends[k + 1] as usize] {
            found.push(((end - len as usize) as u32, lit));
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
        hay[at.saturating_sub(self.max_len)..at].iter().fold(self.root, |s, &b| self.step(s, b))
    }

    /// Every occurrence of every literal as (start, literal), in order of their ends.
    fn find_all(&self, hay: &[u8]) -> Vec<(u32, u32)> {
        let mut found = Vec::new();
        if self.root >= self.first_match {
            self.emit(self.root, 0, &mut found);
        }
        let n = hay.len();
        let chunk = n / LANES;
        // A stretch must be long enough to pay for its warm-up.
        if chunk < 8 * self.max_len.max(8) {
            self.walk(hay, 0, n, self.root, &mut found);
            return found;
        }
        let starts: [usize; LANES] = std::array::from_fn(|j| j * chunk);
        let mut state: [u32; LANES] = std::array::from_fn(|j| self.state_at(hay, starts[j]));
        let mut lanes: [Vec<(u32, u32)>; LANES] = std::array::from_fn(|_| Vec::new());
        lanes[0] = found;
        let stretches: [&[u8]; LANES] = std::array::from_fn(|j| &hay[starts[j]..starts[j] + chunk]);
        // One index steps every lane and also gives the position of what it finds.
        #[allow(clippy::needless_range_loop)]
        for i in 0..chunk {
            for j in 0..LANES {
                let s = self.step(state[j], stretches[j][i]);
                state[j] = s;
                if s >= self.first_match {
                    self.emit(s, starts[j] + i + 1, &mut lanes[j]);
                }
            }
        }
        // The last lane also takes the bytes the even split left over.
        self.walk(hay, LANES * chunk, n, state[LANES - 1], &mut lanes[LANES - 1]);
        let [first, rest @ ..] = lanes;
        let mut found = first;
        for lane in rest {
            found.extend(lane);
        }
        found
    }
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
}
