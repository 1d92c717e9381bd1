//! The serde message types of the JSON output contract (version 1).
//!
//! Every renderer reads these types and nothing else, so the contract lives in one place.
//! Fields beyond the contract (`via`, `at`, `notices`) are additions; nothing here may be renamed.

use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// The contract version printed at the top of `--format json`.
pub const CONTRACT_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Share,
    Rank,
    Superlative,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Share => "share",
            Kind::Rank => "rank",
            Kind::Superlative => "superlative",
        }
    }

    pub fn parse(s: &str) -> Option<Kind> {
        match s {
            "share" => Some(Kind::Share),
            "rank" => Some(Kind::Rank),
            "superlative" => Some(Kind::Superlative),
            _ => None,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Ordered so that `max()` over a claim's flags gives its worst one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Byte offsets into the input as read (`end` exclusive); line and column are 1-based,
/// the column counted in characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
}

/// Where a scope tag was found relative to the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Via {
    /// The claim's own sentence (or a footnote the claim points at with `*`).
    Sentence,
    /// Another sentence of the claim's paragraph.
    Paragraph,
    /// The title, a heading, the dateline or the lead paragraph.
    Document,
    /// The reference entry a citation marker in the claim's sentence points at.
    Citation,
}

/// A scope value or subject: `text` as written, `id` from a lexicon, `span` where it was
/// found in the claim's own sentence (null when inferred from context).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tag {
    pub text: String,
    pub id: Option<String>,
    pub span: Option<Span>,
    /// How far from the claim the tag came from.
    pub via: Via,
    /// Where the text was found, even when it was inferred from context.
    pub at: Option<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Scope {
    pub metric: Option<Tag>,
    pub market: Option<Tag>,
    pub geography: Option<Tag>,
    pub period: Option<Tag>,
    pub source: Option<Tag>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub code: String,
    pub severity: Severity,
    pub message: String,
    /// The other claims a cross-document finding involves (the rival in a conflict, the shares
    /// an overflow adds up), each where it stands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

/// A claim another flag points at: its document, where it is, and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Related {
    pub path: String,
    pub span: Span,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub kind: Kind,
    pub rule: String,
    pub span: Span,
    pub text: String,
    #[serde(serialize_with = "number_or_null")]
    pub value: Option<f64>,
    pub top: Option<u32>,
    pub subject: Option<Tag>,
    pub scope: Scope,
    pub flags: Vec<Flag>,
    /// What the claim cites: markers in its sentence, links in it, a "Source:" line under its
    /// table, each with the reference entry it points at.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub citations: Vec<Citation>,
    /// How many firms hold the claim together when its subject counts them ("两家合计…",
    /// "the two together"); absent for one holder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holders: Option<u32>,
}

/// One citation of a claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    /// The marker as written ("[3]", "³", "[^idc]", "【3】"), a link's anchor text, or the
    /// "Source:" line.
    pub marker: String,
    pub span: Span,
    /// The entry the marker points at; null when there is none.
    pub reference: Option<Reference>,
    pub status: CitationStatus,
    /// Why a citation is unreachable, or what was looked for and not found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Where the figure stands in the cited page's text, when it was found there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub found: Option<FoundFigure>,
}

/// A reference entry, a link target or a source line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub text: String,
    pub url: Option<String>,
    /// Where the entry stands in the input; null for a link whose target is only in markup.
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CitationStatus {
    /// The marker points at no reference entry.
    Missing,
    /// Linked to an entry; not checked (no `--check-citations`, or the entry has no URL).
    Unchecked,
    /// The cited page holds the figure.
    Supported,
    /// The cited page was fetched and does not hold the figure.
    Unsupported,
    /// The cited page could not be fetched.
    Unreachable,
}

impl CitationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            CitationStatus::Missing => "missing",
            CitationStatus::Unchecked => "unchecked",
            CitationStatus::Supported => "supported",
            CitationStatus::Unsupported => "unsupported",
            CitationStatus::Unreachable => "unreachable",
        }
    }
}

/// The figure as found in a cited page: its text and byte offsets into the page as read (after
/// decoding to UTF-8), like every other span.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FoundFigure {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

impl Claim {
    pub fn worst_severity(&self) -> Option<Severity> {
        self.flags.iter().map(|f| f.severity).max()
    }
}

/// Ranks and whole percentages print as integers ("1", "30"), the rest as decimals.
fn number_or_null<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Zh,
    Mixed,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            Lang::Mixed => "mixed",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentReport {
    pub path: String,
    pub lang: Lang,
    pub claims: Vec<Claim>,
    /// Things the reader should know about how the input was read (replaced bytes, transcoding).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notices: Vec<String>,
    /// Whether the document reads as promotional copy and who issued it: the basis of
    /// `extreme-term`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<VoiceReport>,
    /// For a web page: the publication date its metadata gives (`<meta name="date">`,
    /// `article:published_time`, `<time datetime>`), as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Flags silenced by inline suppressions (`claimscope-disable...`, `claimscope: ignore`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub suppressed: usize,
    /// A JSONL record's fields other than its id and body, carried through.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
}

/// An input that could not be read: a missing file, a failed fetch, a malformed record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputError {
    pub path: String,
    /// The line of a JSONL stream the record was on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub error: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VoiceReport {
    pub promotional: bool,
    pub issuer: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub documents: Vec<DocumentReport>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<InputError>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}
