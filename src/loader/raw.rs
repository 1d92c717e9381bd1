//! The rule file format as read from TOML: one `Raw*` type per table, spans kept so that errors
//! can name the file and the line.

use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFile {
    #[serde(default)]
    pub(super) defs: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    pub(super) rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    pub(super) exclude: Vec<Spanned<RawExclude>>,
    #[serde(default)]
    pub(super) mask: Vec<Spanned<RawMask>>,
    #[serde(default)]
    pub(super) scope: Vec<Spanned<RawScope>>,
    #[serde(default)]
    pub(super) entry: Vec<Spanned<RawEntry>>,
    #[serde(default)]
    pub(super) table: Vec<Spanned<RawTable>>,
}

/// A table cell that says the numbers under it (or beside it) are no claims.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTable {
    pub(super) id: String,
    pub(super) kinds: Vec<Spanned<String>>,
    /// Matches a header cell: the column below it holds no claims of these kinds.
    pub(super) header: Option<Spanned<String>>,
    /// Matches a row's first cell: the row holds no claims of these kinds.
    pub(super) first_cell: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) examples: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) counter: Vec<Spanned<String>>,
    pub(super) description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub(super) enum RawValue {
    Parse(String),
    Fixed(f64),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRule {
    pub(super) id: String,
    pub(super) kind: Spanned<String>,
    #[serde(default)]
    pub(super) triggers: Vec<String>,
    /// Triggers wake the rule only as whole words: "share" not in "shares".
    #[serde(default)]
    pub(super) whole_words: bool,
    pub(super) pattern: Spanned<String>,
    pub(super) value: Option<Spanned<RawValue>>,
    pub(super) top: Option<Spanned<RawValue>>,
    #[serde(default)]
    pub(super) list: bool,
    #[serde(default)]
    pub(super) vague: bool,
    #[serde(default)]
    pub(super) priority: i32,
    /// "sentence": the claim takes metric, period and source only from its own sentence.
    pub(super) reach: Option<Spanned<String>>,
    pub(super) extreme: Option<bool>,
    pub(super) requires: Option<Spanned<String>>,
    pub(super) requires_in: Option<Spanned<String>>,
    /// Literals one of which the sentence or paragraph must hold before `requires` runs.
    #[serde(default)]
    pub(super) requires_triggers: Vec<Spanned<String>>,
    pub(super) not_before: Option<Spanned<String>>,
    pub(super) not_after: Option<Spanned<String>>,
    /// Must not match anywhere in the claim's own text.
    pub(super) not_text: Option<Spanned<String>>,
    /// "latin" or "han": the writing a sentence must be in for the rule to run on it.
    pub(super) script: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) examples: Vec<Spanned<RawExample>>,
    #[serde(default)]
    pub(super) counter: Vec<Spanned<String>>,
    pub(super) description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExample {
    pub(super) text: String,
    pub(super) value: Option<f64>,
    pub(super) top: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExclude {
    pub(super) id: String,
    pub(super) kinds: Vec<Spanned<String>>,
    pub(super) before: Option<Spanned<String>>,
    pub(super) after: Option<Spanned<String>>,
    pub(super) text: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) examples: Vec<Spanned<String>>,
    pub(super) description: Option<String>,
}

/// Phrases that hold a trigger but never a claim.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMask {
    pub(super) id: String,
    pub(super) phrases: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) examples: Vec<Spanned<String>>,
    pub(super) description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScope {
    pub(super) id: String,
    pub(super) field: Spanned<String>,
    #[serde(default = "default_role")]
    pub(super) role: Spanned<String>,
    pub(super) pattern: Spanned<String>,
    /// Literals one of which a sentence must hold for the pattern to run; none: always run.
    #[serde(default)]
    pub(super) triggers: Vec<String>,
    /// The canonical id the tag gets (e.g. `source.self`).
    pub(super) tag_id: Option<String>,
    #[serde(default)]
    pub(super) examples: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) counter: Vec<Spanned<String>>,
    pub(super) description: Option<String>,
}

fn default_role() -> Spanned<String> {
    Spanned::new(0..0, "value".to_string())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEntry {
    pub(super) id: String,
    pub(super) aliases: Vec<String>,
    pub(super) parent: Option<String>,
    pub(super) case_sensitive: Option<bool>,
}
