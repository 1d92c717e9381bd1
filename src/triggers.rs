//! Trigger literals: one Aho-Corasick automaton over the literals of a family of patterns
//! (claim rules, scope patterns, voice markers), so a pattern's regex runs only on text that
//! holds one of its literals.
//!
//! The search reports overlapping matches: with a leftmost-longest search a literal that
//! began inside a longer one was never seen ("30% of total" found "% of" and lost "of
//! total"), and the patterns it should have woken slept.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub struct TriggerIndex {
    ac: Option<AhoCorasick>,
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
        let ac = (!pats.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .ascii_case_insensitive(true)
                .build(&pats)
                .expect("literal triggers always build")
        });
        let owners = own;
        TriggerIndex { ac, owners, always, len }
    }

    /// Every (position, patterns) pair: where a literal starts and which patterns it wakes,
    /// in order of the literals' ends.
    pub fn hits<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = (usize, &'h [usize])> + 'h {
        self.ac
            .iter()
            .flat_map(move |ac| ac.find_overlapping_iter(hay))
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
}
