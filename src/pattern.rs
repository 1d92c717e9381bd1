//! A rule's regex, compiled now or on first use.
//!
//! The embedded rule set is checked in CI (`claimscope rules test`), so a run compiles only the
//! regexes a document's triggers call for; a user's rule set is compiled and checked when it
//! loads, so its errors name their file and line before any scanning starts.

use regex::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// Patterns large enough to hit this are a rule-authoring mistake, not a need.
const SIZE_LIMIT: usize = 64 << 20;

/// The lazy DFA's cache per regex. Patterns with large Unicode classes and counted repeats
/// (Chinese rules) fill the 2 MiB default and fall back to slower engines; the cache only
/// grows as far as a pattern's states need.
const DFA_CACHE: usize = 32 << 20;

#[derive(Debug, Clone)]
pub struct Pattern {
    source: String,
    regex: OnceLock<Regex>,
}

fn build(source: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(source).size_limit(SIZE_LIMIT).dfa_size_limit(DFA_CACHE).build()
}

impl Pattern {
    /// Compile now; the error is the regex crate's own message.
    pub fn compile(source: String) -> Result<Pattern, regex::Error> {
        let regex = build(&source)?;
        Ok(Pattern { source, regex: OnceLock::from(regex) })
    }

    /// Compile when first used.
    pub fn deferred(source: String) -> Pattern {
        Pattern { source, regex: OnceLock::new() }
    }

    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            // Only a trusted (embedded, CI-checked) pattern is deferred; should one still fail,
            // it matches nothing rather than taking the run down.
            build(&self.source).unwrap_or_else(|_| Regex::new(r"[^\s\S]").expect("the empty class compiles"))
        })
    }

    pub fn as_str(&self) -> &str {
        &self.source
    }
}

/// A pattern is used as the regex it stands for; the first use compiles a deferred one.
impl std::ops::Deref for Pattern {
    type Target = Regex;

    fn deref(&self) -> &Regex {
        self.regex()
    }
}

/// Capture slots made once for a regex and reused for every match, walked as
/// `captures_iter` walks them, so that reading a document's matches allocates nothing.
pub struct Slots {
    locs: regex::CaptureLocations,
    at: usize,
    last_end: Option<usize>,
}

impl Slots {
    pub fn new(regex: &Regex) -> Slots {
        Slots { locs: regex.capture_locations(), at: 0, last_end: None }
    }

    /// Where the group named `name` is among `regex`'s groups.
    pub fn index(regex: &Regex, name: &str) -> Option<usize> {
        regex.capture_names().position(|n| n == Some(name))
    }

    /// Starts over on a new haystack.
    pub fn reset(&mut self) {
        (self.at, self.last_end) = (0, None);
    }

    /// Reads the next match of `regex` in `hay` into the slots; false when none is left. An
    /// empty match right where the last one ended is skipped, as `captures_iter` skips it.
    pub fn next(&mut self, regex: &Regex, hay: &str) -> bool {
        while self.at <= hay.len() {
            let Some(m) = regex.captures_read_at(&mut self.locs, hay, self.at) else { return false };
            if m.is_empty() && Some(m.end()) == self.last_end {
                self.at += 1;
                continue;
            }
            self.at = m.end();
            self.last_end = Some(m.end());
            return true;
        }
        false
    }

    /// Where group `i` matched in the last match, if it took part.
    pub fn get(&self, i: usize) -> Option<std::ops::Range<usize>> {
        self.locs.get(i).map(|(s, e)| s..e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deferred_patterns_compile_on_first_use() {
        let p = Pattern::deferred(r"No\.\s?1".to_string());
        assert!(p.is_match("the No. 1 brand"));
        assert!(!p.is_match("the No. 2 brand"));
    }

    #[test]
    fn a_broken_deferred_pattern_matches_nothing() {
        let p = Pattern::deferred("a(".to_string());
        assert!(!p.is_match("a("));
        assert!(Pattern::compile("a(".to_string()).is_err());
    }
}
