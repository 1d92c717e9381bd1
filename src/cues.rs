//! What a document says about its claims beyond each claim itself, read once while the text is
//! at hand so the cross-document pass can run on claims alone: "more than the next three
//! combined" (an arithmetic claim about a leader's share), and "tied for first" / 并列第一 with
//! the names sharing the place.

use crate::document::Document;
use crate::lexicon::{LexiconCategory, Lexicons};
use crate::model::{Claim, Kind};
use crate::numbers::{parse_cn_integer, parse_en_integer};
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Cue {
    /// The share claim `claim` is said to exceed the places `from..=to` together.
    Exceeds { claim: usize, from: u32, to: u32 },
    /// The rank claim `claim` is a shared first place; `names` are the organisations named in
    /// its sentence, as lexicon ids where known, else as written.
    Tie { claim: usize, names: Vec<String> },
}

fn exceeds_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)
            (?:more|greater|larger|bigger|higher)\s+than\s+(?:that\s+of\s+)?(?:the|its)?\s*
                (?:(?:next|nearest|following|closest)\s+(?P<n>two|three|four|five|six|[2-9])
                  | (?:no\.\s*|\#|number\s+)?(?:2|two|second)\s*(?:-|–|to|through|and)\s*(?:no\.\s*|\#)?(?P<to>[3-9]|third|fourth|fifth|sixth)
                )
                (?:\s+[\w’'-]+){0,3}?\s+(?:combined|together|put\s+together|added\s+together)
          | (?:超过|超出|高于|多于|大于|领先于?)了?(?:排名)?
                (?:第(?:二|2)(?:名)?\s*(?:至|到|-|~|—)\s*第?(?P<zto>[三四五六3-6])名?
                  | (?:其后|随后|之后|紧随其后)的?(?P<zn>[二两三四五2-5])(?:家|名|位)
                )
                (?:厂商|企业|玩家|品牌|云厂商|对手)?的?(?:份额|市场份额)?(?:之和|总和|的总和|合计|加起来|相加)",
        )
        .expect("static regex")
    })
}

fn tie_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\btied\b|\btie\s+for\b|\bjointly\b|\bshared\s+(?:the\s+)?(?:first|top|lead)|\bco-leaders?\b|并列|并驾齐驱|平分秋色|同居")
            .expect("static regex")
    })
}

fn ordinal(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let n = match w.as_str() {
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        _ => parse_en_integer(&w).or_else(|| parse_cn_integer(&w))? as u32,
    };
    Some(n)
}

/// The claims whose spans fall in the sentence holding text offset `at`.
fn claims_in_sentence(doc: &Document, claims: &[Claim], at: usize) -> Option<(Range<usize>, Vec<usize>)> {
    let sentences = &doc.layout.sentences;
    let i = sentences.partition_point(|s| s.range.end <= at);
    let s = sentences.get(i).filter(|s| s.range.start <= at)?;
    let raw = doc.span(s.range.clone());
    let inside = claims.iter().enumerate().filter(|(_, c)| c.span.start >= raw.start && c.span.end <= raw.end);
    Some((s.range.clone(), inside.map(|(i, _)| i).collect()))
}

/// Every cue in a scanned document.
pub fn read(doc: &Document, claims: &[Claim], lex: &Lexicons) -> Vec<Cue> {
    let mut out = Vec::new();
    if claims.is_empty() {
        return out;
    }
    let text = doc.match_text();
    for c in exceeds_re().captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let Some((_, inside)) = claims_in_sentence(doc, claims, m.start()) else { continue };
        let to = if let Some(n) = c.name("n").or(c.name("zn")) {
            let n = match n.as_str() {
                "两" => 2,
                s => ordinal(s).or_else(|| parse_cn_integer(s).map(|v| v as u32)).unwrap_or(0),
            };
            1 + n
        } else if let Some(t) = c.name("to").or(c.name("zto")) {
            ordinal(t.as_str()).unwrap_or(0)
        } else {
            0
        };
        // The leader's share is the share claim before the comparison in its sentence.
        let share = inside.iter().rev().find(|&&i| claims[i].kind == Kind::Share && claims[i].value.is_some());
        let share = share.filter(|&&i| doc.span(m.range()).start >= claims[i].span.start);
        if let Some(&claim) = share
            && to >= 3
        {
            out.push(Cue::Exceeds { claim, from: 2, to });
        }
    }
    let orgs = lex.get(LexiconCategory::Org);
    for m in tie_re().find_iter(text) {
        let Some((sentence, inside)) = claims_in_sentence(doc, claims, m.start()) else { continue };
        let firsts: Vec<usize> = inside
            .into_iter()
            .filter(|&i| claims[i].kind == Kind::Rank && claims[i].value == Some(1.0) && claims[i].top.is_none())
            .collect();
        if firsts.is_empty() {
            continue;
        }
        let names: Vec<String> = orgs.find(text, sentence).iter().map(|o| orgs.id(o.entry).to_string()).collect();
        for claim in firsts {
            if !out.iter().any(|c| matches!(c, Cue::Tie { claim: k, .. } if *k == claim)) {
                out.push(Cue::Tie { claim, names: names.clone() });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Scanner;

    fn read_text(text: &str) -> (Vec<Claim>, Vec<Cue>) {
        let scanner = Scanner::with_defaults().unwrap();
        let doc = Document::from_text(text.to_string());
        let claims = scanner.scan(&doc);
        let cues = read(&doc, &claims, scanner.lexicons());
        (claims, cues)
    }

    #[test]
    fn a_lead_over_the_next_places_combined() {
        for (text, to) in [
            ("Alibaba Cloud held 35.8% of the market, more than the next three providers combined.", 4),
            ("Acme's 40% share is larger than the No. 2 to No. 4 vendors combined.", 4),
            ("阿里云以35.8%的份额排名第一，超过第二至第四名之和。", 4),
            ("海川以41%的份额居首，高于其后两家厂商的总和。", 3),
        ] {
            let (claims, cues) = read_text(text);
            let got: Vec<_> = cues
                .iter()
                .filter_map(|c| match c {
                    Cue::Exceeds { claim, from, to } => Some((claims[*claim].value, *from, *to)),
                    _ => None,
                })
                .collect();
            assert_eq!(got.len(), 1, "{text:?}: {cues:?}");
            assert_eq!((got[0].1, got[0].2), (2, to), "{text:?}");
        }
    }

    #[test]
    fn a_shared_first_place_names_its_holders() {
        let (claims, cues) = read_text("据IDC数据，2024年百度智能云与阿里云在中国AI公有云服务市场并列第一。");
        let Some(Cue::Tie { claim, names }) = cues.first() else { panic!("{cues:?}") };
        assert_eq!(claims[*claim].value, Some(1.0));
        assert_eq!(names.len(), 2, "{names:?}");
        let (_, none) = read_text("Acme ranked first in 2024, according to IDC.");
        assert!(none.is_empty());
    }
}
