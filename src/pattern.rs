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
