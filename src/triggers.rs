//! Trigger literals: one Aho-Corasick automaton over the literals of a family of patterns
//! (claim rules, scope patterns, voice markers), so a pattern's regex runs only on text that
//! holds one of its literals.
//!
//! The search is leftmost-longest, which lets the automaton skip ahead with a prefilter
//! instead of stepping through every byte. A longer literal hides the shorter ones inside it
//! ("leading" hides "lead"), so each literal wakes the patterns of every literal it contains.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct TriggerIndex {
    ac: Option<AhoCorasick>,
    /// For each literal, the patterns it wakes: its own and those of the literals inside it.
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
        let owners: Vec<Vec<usize>> = pats
            .iter()
            .map(|outer| {
                let mut all: Vec<usize> = Vec::new();
                for (j, inner) in pats.iter().enumerate() {
                    if outer.contains(inner.as_str()) {
                        for &o in &own[j] {
                            if !all.contains(&o) {
                                all.push(o);
                            }
                        }
                    }
                }
                all
            })
            .collect();
        let ac = (!pats.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .build(&pats)
                .expect("literal triggers always build")
        });
        TriggerIndex { ac, owners, always, len }
    }

    /// Every (position, patterns) pair: where a literal starts and which patterns it wakes.
    pub fn hits<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, &'h [usize])> + 'h {
        self.ac
            .iter()
            .flat_map(move |ac| ac.find_iter(hay))
            .map(|m| (m.start(), self.owners[m.pattern().as_usize()].as_slice()))
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
    fn a_longer_literal_wakes_the_patterns_of_those_inside_it() {
        let lits = [vec!["lead".to_string()], vec!["leading".to_string()]];
        let idx = TriggerIndex::new(lits.iter().enumerate().map(|(i, l)| (i, l.as_slice())));
        assert_eq!(idx.wanted("a leading brand"), vec![true, true]);
        assert_eq!(idx.wanted("to lead"), vec![true, false]);
    }
}
