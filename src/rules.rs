//! A compiled rule set: claim rules, shared excludes, scope patterns and lexicon entries.
//!
//! A rule set is data: see `loader` for the TOML format and the checks that run when it loads.

use crate::lexicon::Entry;
use crate::model::Kind;
use crate::pattern::Pattern;
use regex::Regex;
use std::fmt;

pub use crate::loader::load;

/// One rule file's text and the name used in errors.
#[derive(Debug, Clone)]
pub struct RuleSource {
    pub path: String,
    pub text: String,
    /// Embedded, CI-checked rules compile their regexes on first use; anything else is
    /// compiled and checked against its examples when it loads.
    pub trusted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
    }
}

/// Every problem found while loading, so a rule author sees them all at once.
#[derive(Debug, Clone, thiserror::Error)]
pub struct LoadError(pub Vec<RuleError>);

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueSpec {
    None,
    Share,
    Rank,
    Top,
    /// `(?P<num>…)` out of `(?P<den>…)`, as a percent: 每四个…就有一个 → 25.
    Ratio,
    Fixed(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// Only the clause the claim stands in: a characterisation such as "a global leader in X".
    Clause,
    Sentence,
    Paragraph,
    Document,
}

/// The writing a sentence must be in for a rule to run on it. A rule woken by a
/// script-neutral trigger ("%") whose words are English or Chinese says so, and is then not
/// run on sentences it can never match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Any,
    /// Not on sentences written mostly in Han characters.
    Latin,
    /// Only on sentences that hold a Han character.
    Han,
}

impl Script {
    /// Whether a sentence whose letters are `counts` can hold the rule's words.
    pub fn admits(self, counts: ScriptCounts) -> bool {
        match self {
            Script::Any => true,
            Script::Han => counts.han > 0,
            // A Han character carries about as much as a short English word; a table cell
            // with a bare "72%" has neither and is anybody's.
            Script::Latin => counts.han == 0 || counts.latin > counts.han * 4,
        }
    }
}

pub use crate::document::ScriptCounts;

#[derive(Debug, Clone)]
pub struct Example {
    pub text: String,
    pub value: Option<f64>,
    pub top: Option<u32>,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub kind: Kind,
    pub triggers: Vec<String>,
    /// Whether a trigger that ends in a letter or digit wakes the rule only where it ends a
    /// word too ("share" not in "shares"): for a rule whose pattern has `\b` after it.
    pub whole_words: bool,
    pub regex: Pattern,
    pub value: ValueSpec,
    pub top: ValueSpec,
    pub list: bool,
    pub vague: bool,
    pub priority: i32,
    pub reach: Reach,
    pub extreme: Option<bool>,
    pub requires: Option<(Pattern, Reach)>,
    /// Literals (lowercase) one of which must occur where `requires` looks before it runs;
    /// found by the same trigger pass as the rules' own literals. Empty: always run it.
    pub requires_triggers: Vec<String>,
    pub not_before: Option<Pattern>,
    pub not_after: Option<Pattern>,
    pub not_text: Option<Pattern>,
    pub script: Script,
    pub examples: Vec<Example>,
    pub counter: Vec<(String, usize)>,
    pub description: Option<String>,
    pub path: String,
    pub line: usize,
}

#[derive(Debug, Clone)]
pub struct Exclude {
    pub id: String,
    pub kinds: Vec<Kind>,
    pub before: Option<Pattern>,
    pub after: Option<Pattern>,
    pub text: Option<Pattern>,
    pub examples: Vec<(String, usize)>,
    pub description: Option<String>,
    pub path: String,
    pub line: usize,
}

/// Phrases that hold a trigger but never a claim ("first half", "第三季度"): a trigger found
/// inside one wakes no rule, so the commonest hard negatives cost no regex at all.
#[derive(Debug, Clone)]
pub struct Mask {
    pub id: String,
    /// Lower case, matched as triggers are.
    pub phrases: Vec<String>,
    pub examples: Vec<(String, usize)>,
    pub description: Option<String>,
    pub path: String,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScopeField {
    Metric,
    Market,
    Geography,
    Period,
    Source,
}

impl ScopeField {
    pub const ALL: [ScopeField; 5] =
        [ScopeField::Metric, ScopeField::Market, ScopeField::Geography, ScopeField::Period, ScopeField::Source];

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "metric" => ScopeField::Metric,
            "market" => ScopeField::Market,
            "geography" => ScopeField::Geography,
            "period" => ScopeField::Period,
            "source" => ScopeField::Source,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ScopeField::Metric => "metric",
            ScopeField::Market => "market",
            ScopeField::Geography => "geography",
            ScopeField::Period => "period",
            ScopeField::Source => "source",
        }
    }
}

/// What a scope pattern contributes: a value for the field, an allusion to an unnamed source,
/// or a document-voice marker (promotional copy, the issuer naming itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeRole {
    Value,
    Vague,
    Promotional,
    /// Ad copy (offers, calls to action, starred footnotes): promotional, and a claim without
    /// a named subject is the advertiser's own.
    Ad,
    Issuer,
    /// A phrase that mentions a claim without making it ("a \"No. 1\" badge").
    Mention,
    /// Text in which no scope value may be found (e.g. a growth clause's period).
    Block,
}

#[derive(Debug, Clone)]
pub struct ScopePattern {
    pub id: String,
    pub field: Option<ScopeField>,
    pub role: ScopeRole,
    pub regex: Pattern,
    pub triggers: Vec<String>,
    pub tag_id: Option<String>,
    pub examples: Vec<(String, usize)>,
    pub counter: Vec<(String, usize)>,
    pub description: Option<String>,
    pub path: String,
    pub line: usize,
}

/// Everything loaded from a set of rule files, checked and compiled.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub excludes: Vec<Exclude>,
    pub masks: Vec<Mask>,
    pub scopes: Vec<ScopePattern>,
    pub entries: Vec<Entry>,
    pub tables: Vec<TableExclude>,
}

/// A table cell that says the numbers in its column (a header: "YoY growth") or its row (a
/// first cell: "Total") are no claims of some kinds.
#[derive(Debug, Clone)]
pub struct TableExclude {
    pub id: String,
    pub kinds: Vec<Kind>,
    pub header: Option<Pattern>,
    pub first_cell: Option<Pattern>,
    pub description: Option<String>,
    pub path: String,
    pub line: usize,
}

/// A scope pattern's matches, less those its `veto` group took part in: a pattern may match a
/// look-alike ("a significant market share") only to set it aside.
pub fn scope_matches<'r, 'h>(regex: &'r Regex, hay: &'h str) -> impl Iterator<Item = regex::Captures<'h>> + 'r
where
    'h: 'r,
{
    regex.captures_iter(hay).filter(|caps| caps.name("veto").is_none())
}

/// The first `name…` group that took part in a match: a pattern with alternatives names each
/// alternative's capture `name`, `name2`, `name3`...
pub fn name_group<'h>(regex: &Regex, caps: &regex::Captures<'h>) -> Option<regex::Match<'h>> {
    regex.capture_names().flatten().filter(|n| n.starts_with("name")).find_map(|n| caps.name(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn admits(script: Script, text: &str) -> bool {
        script.admits(ScriptCounts::of(text))
    }

    #[test]
    fn scripts_admit_the_sentences_their_words_can_be_in() {
        // A Chinese sentence that names IDC is still Chinese.
        assert!(!admits(Script::Latin, "据IDC数据，海川以46.4%的份额位居第一。"));
        assert!(admits(Script::Han, "据IDC数据，海川以46.4%的份额位居第一。"));
        // An English sentence with a Chinese name in brackets is still English.
        assert!(admits(Script::Latin, "Haichuan (海川) held 46.4% of the tablet market."));
        assert!(!admits(Script::Han, "Haichuan held 46.4% of the tablet market."));
        // A bare table cell belongs to no script and is open to Latin rules.
        assert!(admits(Script::Latin, "72%"));
        assert!(admits(Script::Any, ""));
    }
}
