//! rustc-style diagnostics: `path:line:col`, the source line, the claim underlined, its scope
//! tags and one line per flag.

use super::Totals;
use crate::model::{Citation, CitationStatus, Claim, Severity, Tag};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet, renderer::DecorStyle};

#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub color: bool,
}

fn level(sev: Option<Severity>) -> Level<'static> {
    match sev {
        Some(Severity::Error) => Level::ERROR,
        Some(Severity::Warning) => Level::WARNING,
        Some(Severity::Info) => Level::INFO,
        None => Level::NOTE,
    }
}

fn tag_text(t: &Option<Tag>) -> String {
    match t {
        None => "—".to_string(),
        Some(t) => {
            let from = match t.via {
                crate::model::Via::Sentence => "",
                crate::model::Via::Paragraph => " (paragraph)",
                crate::model::Via::Document => " (document)",
                crate::model::Via::Citation => " (cited)",
            };
            format!("{}{from}", t.text)
        }
    }
}

fn value_text(c: &Claim) -> String {
    match (c.value, c.top) {
        (_, Some(n)) => format!("top {n}"),
        (Some(v), None) => match c.kind {
            crate::model::Kind::Share => format!("{v}%"),
            _ => format!("#{v}"),
        },
        (None, None) => "no number".to_string(),
    }
}

/// "cites [3] → IDC, Tracker (https://…): supported, \"46.4%\" in the page"
fn citation_text(x: &Citation) -> String {
    let target = match &x.reference {
        None => "no reference entry".to_string(),
        Some(r) => {
            let text: String = r.text.chars().take(80).collect();
            let text = if text.len() < r.text.len() { format!("{text}…") } else { text };
            match &r.url {
                Some(u) if !r.text.contains(u.as_str()) => format!("{text} <{u}>"),
                _ => text,
            }
        }
    };
    let status = match (x.status, &x.found, &x.detail) {
        (CitationStatus::Supported, Some(f), _) => format!("supported: \"{}\" in the page", f.text),
        (s, _, Some(d)) => format!("{}: {d}", s.as_str()),
        (s, _, None) => s.as_str().to_string(),
    };
    format!("cites {} → {target}: {status}", x.marker.replace('\n', " "))
}

/// The lines of `raw` that a byte range touches, as (first line number, text, offset of that text).
fn lines_around(raw: &str, start: usize, end: usize) -> (usize, &str, usize) {
    let start = start.min(raw.len());
    let end = end.clamp(start, raw.len());
    let line_start = raw[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = raw[end..].find('\n').map_or(raw.len(), |i| end + i);
    let line_no = raw[..line_start].matches('\n').count() + 1;
    (line_no, &raw[line_start..line_end], line_start)
}

/// Render one document's claims; `raw` is the input as read, which the spans point into.
pub fn document(path: &str, raw: &str, claims: &[Claim], notices: &[String], opts: Options) -> String {
    let renderer = if opts.color { Renderer::styled() } else { Renderer::plain() }.decor_style(DecorStyle::Ascii);
    let mut out = String::new();
    for n in notices {
        out.push_str(&format!("note: {path}: {n}\n"));
    }
    for c in claims {
        let (line_no, line, offset) = lines_around(raw, c.span.start, c.span.end);
        let s = c.span.start - offset;
        let e = (c.span.end - offset).max(s);
        let subject = c.subject.as_ref().map_or(String::new(), |t| format!(" · subject {}", t.text));
        let label = format!("{} {}{subject}", c.kind, value_text(c));
        let title = format!("{} claim \"{}\"", c.kind, c.text.replace('\n', " "));
        let scope = format!(
            "scope: metric {} · market {} · geography {} · period {} · source {}",
            tag_text(&c.scope.metric),
            tag_text(&c.scope.market),
            tag_text(&c.scope.geography),
            tag_text(&c.scope.period),
            tag_text(&c.scope.source)
        );
        let mut group = level(c.worst_severity())
            .primary_title(title)
            .id(c.rule.clone())
            .element(
                Snippet::source(line)
                    .line_start(line_no)
                    .path(path)
                    .annotation(AnnotationKind::Primary.span(s..e).label(label)),
            )
            .element(Level::NOTE.message(scope));
        for f in &c.flags {
            // A cross-document finding says where the other claims are, so the reader can go there.
            let see: Vec<String> = f
                .related
                .iter()
                .map(|r| format!("{}:{}:{} \"{}\"", r.path, r.span.line, r.span.column, r.text))
                .collect();
            let see = if see.is_empty() { String::new() } else { format!(" (see {})", see.join(", ")) };
            group = group.element(level(Some(f.severity)).message(format!("[{}] {}{see}", f.code, f.message)));
        }
        for x in &c.citations {
            group = group.element(Level::NOTE.message(citation_text(x)));
        }
        let report: [Group<'_>; 1] = [group];
        out.push_str(&renderer.render(&report));
        out.push_str("\n\n");
    }
    out
}

/// A claim a finding names, for the closing section.
pub struct Member<'a> {
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub text: &'a str,
}

/// "Across documents": each finding with its message and the claims it names, errors first.
/// Empty when there are none.
pub fn findings(findings: &[crate::crossdoc::Finding], members: &[Vec<Member<'_>>]) -> String {
    if findings.is_empty() {
        return String::new();
    }
    let severity = |code: &str| crate::flags::info(code).map_or(Severity::Info, |i| i.severity);
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(severity(findings[i].code)));
    let mut out = String::from("Across documents:\n");
    // Notes on rivals measured differently can run to hundreds over a large set; past a screenful
    // they are counted, and `claimscope matrix` lays them out.
    let infos = order.iter().filter(|&&i| severity(findings[i].code) == Severity::Info).count();
    let quiet = infos > MAX_INFO_FINDINGS;
    for i in order {
        let f = &findings[i];
        if quiet && severity(f.code) == Severity::Info {
            continue;
        }
        let sev = match severity(f.code) {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        out.push_str(&format!("{sev}[{}]: {}\n", f.code, f.message));
        for m in &members[i] {
            out.push_str(&format!("  --> {}:{}:{} \"{}\"\n", m.path, m.line, m.column, m.text.replace('\n', " ")));
        }
    }
    if quiet {
        out.push_str(&format!(
            "info: {infos} more notes (rivals on different terms, arithmetic that holds); `claimscope matrix` shows them\n"
        ));
    }
    out.push('\n');
    out
}

/// Info findings listed one by one in the human report before they are only counted.
const MAX_INFO_FINDINGS: usize = 30;

pub fn summary(t: &Totals) -> String {
    let plural = |n: usize, w: &str| {
        if n == 1 { format!("{n} {w}") } else { format!("{n} {w}s") }
    };
    let mut quiet = Vec::new();
    if t.suppressed > 0 {
        quiet.push(format!("{} suppressed", t.suppressed));
    }
    if t.baselined > 0 {
        quiet.push(format!("{} in the baseline", t.baselined));
    }
    let suppressed = if quiet.is_empty() { String::new() } else { format!(" ({})", quiet.join(", ")) };
    format!(
        "{} in {}: {}, {}{suppressed}",
        plural(t.claims, "claim"),
        plural(t.documents, "document"),
        plural(t.errors, "error"),
        plural(t.warnings, "warning")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_around_a_span() {
        let raw = "one\ntwo three\nfour";
        assert_eq!(lines_around(raw, 8, 13), (2, "two three", 4));
    }
}
