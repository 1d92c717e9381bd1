//! Flags: pure functions of a claim, its resolved scope and the document's voice.

use crate::model::{Flag, Kind, Severity};

/// One place for every flag code, its severity and its one-line meaning, so `explain`,
/// renderers and tests agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FlagInfo {
    pub code: &'static str,
    pub severity: Severity,
    pub summary: &'static str,
}

pub const FLAGS: &[FlagInfo] = &[
    FlagInfo {
        code: "no-metric",
        severity: Severity::Warning,
        summary: "no statement of what is counted (revenue? units? users? tokens?)",
    },
    FlagInfo { code: "no-period", severity: Severity::Warning, summary: "no time period a reader can attach" },
    FlagInfo { code: "no-source", severity: Severity::Warning, summary: "nobody is named as having measured it" },
    FlagInfo {
        code: "vague-source",
        severity: Severity::Warning,
        summary: "a source is alluded to but not identifiable",
    },
    FlagInfo { code: "vague-quantity", severity: Severity::Warning, summary: "a share stated without an exact number" },
    FlagInfo {
        code: "extreme-term",
        severity: Severity::Error,
        summary: "an absolute term (第一, 最, No.1, best, leading) used as self-description in promotional copy",
    },
    FlagInfo {
        code: "citation-missing",
        severity: Severity::Warning,
        summary: "a citation marker ([3], ³, [^3], 【3】) with no matching reference entry",
    },
    FlagInfo {
        code: "citation-unsupported",
        severity: Severity::Warning,
        summary: "the cited page was fetched and does not contain the claimed figure",
    },
    FlagInfo {
        code: "citation-unreachable",
        severity: Severity::Warning,
        summary: "a cited URL could not be fetched (status, timeout, size cap, refused address)",
    },
    FlagInfo {
        code: "conflict",
        severity: Severity::Error,
        summary: "another subject claims the same rank, or a share that cannot also hold, in a matching scope",
    },
    FlagInfo {
        code: "incomparable",
        severity: Severity::Info,
        summary: "a rival claims the same rank on a different metric, market, geography or period",
    },
    FlagInfo {
        code: "share-overflow",
        severity: Severity::Error,
        summary: "shares in one scope (source, metric, market, geography, period) add up to more than 100%",
    },
    FlagInfo {
        code: "rank-contradicted",
        severity: Severity::Error,
        summary: "a No. 1 claim where another subject has a larger share in the same scope",
    },
    FlagInfo {
        code: "tie-as-sole",
        severity: Severity::Warning,
        summary: "a tie for first (并列第一, equal shares) reported as sole leadership",
    },
    FlagInfo {
        code: "arithmetic-ok",
        severity: Severity::Info,
        summary: "a combined-share claim checked against the shares given: it holds",
    },
    FlagInfo {
        code: "arithmetic-wrong",
        severity: Severity::Error,
        summary: "a combined-share claim checked against the shares given: it does not hold",
    },
];

pub fn info(code: &str) -> Option<&'static FlagInfo> {
    FLAGS.iter().find(|f| f.code == code)
}

/// What the flags of one claim are computed from.
#[derive(Debug, Clone, Default)]
pub struct FlagInput<'a> {
    pub kind: Option<Kind>,
    pub has_metric: bool,
    pub has_period: bool,
    pub has_source: bool,
    /// The words that allude to an unnamed source, if any.
    pub vague_source: Option<&'a str>,
    pub vague_quantity: bool,
    pub extreme: bool,
}

pub fn flag(code: &'static str, message: String) -> Flag {
    let severity = info(code).map_or(Severity::Warning, |i| i.severity);
    Flag { code: code.to_string(), severity, message, related: Vec::new() }
}

pub fn compute(input: &FlagInput) -> Vec<Flag> {
    let kind = input.kind.map_or("claim", |k| k.as_str());
    let mut out = Vec::new();
    if !input.has_metric {
        out.push(flag("no-metric", format!("{kind} claim with no statement of what is counted")));
    }
    if !input.has_period {
        out.push(flag("no-period", format!("{kind} claim with no time period")));
    }
    if !input.has_source {
        match input.vague_source {
            Some(cue) => out.push(flag("vague-source", format!("source only alluded to (\"{cue}\"), not named"))),
            None => out.push(flag("no-source", format!("{kind} claim with nobody named as having measured it"))),
        }
    }
    if input.vague_quantity {
        out.push(flag("vague-quantity", "share stated without an exact number".to_string()));
    }
    if input.extreme {
        out.push(flag("extreme-term", "absolute term used as self-description in promotional copy".to_string()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vague_source_replaces_no_source() {
        let f = compute(&FlagInput { kind: Some(Kind::Rank), vague_source: Some("a report"), ..Default::default() });
        let codes: Vec<_> = f.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, vec!["no-metric", "no-period", "vague-source"]);
    }

    #[test]
    fn extreme_term_is_an_error() {
        let f = compute(&FlagInput {
            has_metric: true,
            has_period: true,
            has_source: true,
            extreme: true,
            ..Default::default()
        });
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].severity, Severity::Error);
    }
}
