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

/// Why each flag matters and how to fix the text, for `claimscope explain CODE`.
const WHY_AND_FIX: &[(&str, &str, &str)] = &[
    (
        "no-metric",
        "A share or a rank means nothing until the reader knows what was counted: revenue, units shipped, token calls, users. The same vendor can be first by one and fifth by another.",
        "Say what is counted: \"a 31% share of smartphone shipments\", \"按收入计排名第一\".",
    ),
    (
        "no-period",
        "Markets move quarter to quarter; a figure without a period cannot be checked or compared, and an old figure can pass for a new one.",
        "Name the period: \"in Q2 2025\", \"in the first half of 2025\", \"2024年全年\".",
    ),
    (
        "no-source",
        "A figure nobody is named as having measured cannot be checked, and a vendor's own count is not an independent one.",
        "Attribute it: \"according to IDC\", \"据Canalys数据\"; for internal data, say so.",
    ),
    (
        "vague-source",
        "\"A report\" or 据报告 sounds like evidence but cannot be looked up.",
        "Name the firm and the report: \"Omdia's AI Cloud Market Tracker, H1 2025\".",
    ),
    (
        "vague-quantity",
        "\"The lion's share\", 近半 or \"a significant share\" cannot be compared with anything.",
        "Give the number and its precision: \"46.4%\", \"about 40%\".",
    ),
    (
        "extreme-term",
        "Absolute terms used about oneself in advertising (第一, 最, No.1, best) are restricted in many places (China's Advertising Law art. 9) and mislead when their scope is unstated.",
        "State the scope that makes it true (metric, market, period, source), or drop the absolute term.",
    ),
    (
        "citation-missing",
        "A marker that points at no reference entry promises a source that is not there.",
        "Add the entry to the reference list, or remove the marker.",
    ),
    (
        "citation-unsupported",
        "The cited page was read and the figure is not in it: the citation does not back the claim.",
        "Cite the page that holds the figure, or correct the figure to what the source says.",
    ),
    (
        "citation-unreachable",
        "A source readers cannot open cannot back a claim (the reason is in the message).",
        "Fix or replace the link; prefer a stable URL or an archived copy.",
    ),
    (
        "conflict",
        "Two subjects claim the same place, or one source is quoted with two figures, in one scope: at least one is wrong.",
        "Check both against the source; correct one, or state the scope that separates them.",
    ),
    (
        "incomparable",
        "Rival \"No. 1\" claims that differ in metric, market, period or source are each possibly true, but readers will take them as contradicting each other.",
        "State the scope in full wherever the claim appears, so readers see why both can hold.",
    ),
    (
        "share-overflow",
        "Shares of one whole cannot add up to more than 100%.",
        "Check each figure and its scope; one of them belongs to another market, period or metric.",
    ),
    (
        "rank-contradicted",
        "A subject is called No. 1 while another holds a larger share of the same scope.",
        "Check the rank against the shares; name the scope in which the rank holds.",
    ),
    (
        "tie-as-sole",
        "A shared first place told as sole leadership overstates the claim.",
        "Say \"tied for first\" / 并列第一, and name who shares the place.",
    ),
    (
        "arithmetic-ok",
        "A combined-share statement was checked against the figures given and holds; nothing to fix.",
        "None needed; the message shows the computation.",
    ),
    (
        "arithmetic-wrong",
        "A combined-share statement (\"more than the next three combined\", 前三名合计) does not match the figures given.",
        "Recompute from the shares given (the message shows the sum), or correct the shares.",
    ),
];

/// "code (severity): summary", why it matters, and how to fix the text.
pub fn explain(code: &str) -> Option<String> {
    let info = info(code)?;
    let (_, why, fix) = WHY_AND_FIX.iter().find(|(c, _, _)| *c == code)?;
    Some(format!(
        "{} ({}): {}\n\nWhy it matters: {why}\n\nHow to fix the text: {fix}",
        info.code,
        info.severity.as_str(),
        info.summary
    ))
}

#[cfg(test)]
mod explain_tests {
    use super::*;

    #[test]
    fn every_flag_is_explained() {
        for f in FLAGS {
            let text = explain(f.code).unwrap_or_else(|| panic!("{} has no explanation", f.code));
            assert!(text.starts_with(f.code) && text.contains("How to fix"), "{text}");
        }
        assert_eq!(WHY_AND_FIX.len(), FLAGS.len(), "an explanation for a flag that does not exist");
        assert!(explain("no-such-flag").is_none());
    }
}
