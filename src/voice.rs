//! The document's voice: is it promotional copy (a vendor release, an ad), and who issued it?
//! Extreme terms are only a problem when a company uses them about itself in its own copy.

use crate::lexicon::{LexiconCategory, Lexicons};
use crate::rules::{RuleSet, ScopeRole};
use crate::segments::{BlockKind, Layout};
use std::ops::Range;

#[derive(Debug, Clone, Default)]
pub struct Voice {
    pub promotional: bool,
    /// Ad copy: offers, calls to action, starred claim footnotes.
    pub ad: bool,
    /// Names the issuer goes by in this document.
    pub issuer_names: Vec<String>,
    /// Where each issuer name is, so a report can quote it as written.
    pub issuer_ranges: Vec<Range<usize>>,
    pub issuer_ids: Vec<String>,
}

/// Spans inside quotation marks: a journalist quoting an executive's "we" is not the
/// publication speaking.
/// Quoted spans, found only if a marker needs to know.
struct Quoted<'t> {
    text: &'t str,
    ranges: Option<Vec<Range<usize>>>,
}

impl Quoted<'_> {
    fn contains(&mut self, i: usize) -> bool {
        let text = self.text;
        self.ranges.get_or_insert_with(|| quoted_ranges(text)).iter().any(|q| q.contains(&i))
    }
}

pub fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    // Every mark that opens or closes a quote is '"', a newline, or led by 0xE2 (“ ”) or 0xE3
    // (「」『』): only those bytes are looked at, found by SIMD searches and merged in order.
    let bytes = text.as_bytes();
    let mut marks: Vec<usize> = memchr::memchr3_iter(b'"', b'\n', 0xE2, bytes).collect();
    let cjk = marks.len();
    marks.extend(memchr::memchr_iter(0xE3, bytes));
    if marks.len() > cjk {
        marks.sort_unstable();
    }
    for i in marks {
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else { continue };
        match (open, c) {
            (None, '“' | '「' | '『') => open = Some((i, c)),
            (None, '"') => open = Some((i, c)),
            (Some((s, '“')), '”') | (Some((s, '「')), '」') | (Some((s, '『')), '』') | (Some((s, '"')), '"') =>
            {
                out.push(s..i + c.len_utf8());
                open = None;
            }
            (Some(_), '\n') => open = None,
            _ => {}
        }
    }
    out
}

/// First-person references outside quotations, counted up to `enough`: the voice needs to
/// know only whether there are that many.
fn first_person(text: &str, quoted: &mut Quoted<'_>, enough: usize) -> usize {
    static WORDS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| {
        regex::Regex::new(r"(?-u:\b)(?:we|We|our|Our|us)(?-u:\b)|我们|本公司|我司|本集团").expect("static regex")
    });
    // An English pronoun counts once; a Chinese self-reference is unambiguous and counts twice.
    let mut count = 0;
    for m in words.find_iter(text) {
        if count >= enough {
            break;
        }
        if !quoted.contains(m.start()) {
            count += if m.as_str().is_ascii() { 1 } else { 2 };
        }
    }
    count
}

/// The voice of a document, from the voice patterns the trigger pass woke: (pattern, block)
/// pairs, sorted, each pattern's regex run on its block only.
pub fn detect(text: &str, layout: &Layout, set: &RuleSet, lex: &Lexicons, wakes: &[(usize, usize)]) -> Voice {
    let mut quoted = Quoted { text, ranges: None };
    let mut marked = false;
    let mut names: Vec<String> = Vec::new();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut ad = false;
    for &(i, b) in wakes {
        let p = &set.scopes[i];
        let range = layout.blocks[b].range.clone();
        let block = &text[range.clone()];
        match p.role {
            ScopeRole::Promotional | ScopeRole::Ad => {
                // Only whether a marker stands outside quotes matters, not how many do: once
                // one has, only an ad marker can still say more.
                if marked && (p.role == ScopeRole::Promotional || ad) {
                    continue;
                }
                if p.regex.find_iter(block).any(|m| !quoted.contains(range.start + m.start())) {
                    marked = true;
                    ad |= p.role == ScopeRole::Ad;
                }
            }
            ScopeRole::Issuer => {
                for caps in p.regex.captures_iter(block) {
                    if let Some(m) = crate::rules::name_group(&p.regex, &caps) {
                        let n = m.as_str().trim();
                        if !n.is_empty() && n.chars().count() <= 40 && !names.iter().any(|x| x == n) {
                            let start = range.start + m.start() + (m.as_str().len() - m.as_str().trim_start().len());
                            ranges.push(start..start + n.len());
                            names.push(n.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let promotional = marked || first_person(text, &mut quoted, 3) >= 3;
    let org = lex.get(LexiconCategory::Org);
    let mut ids: Vec<String> = Vec::new();
    for n in &names {
        for m in org.find(n, 0..n.len()) {
            ids.push(org.id(m.entry).to_string());
        }
    }
    // Without an "About us" line, the organisation the title names is the issuer.
    let title = layout.blocks.iter().find(|b| b.kind == BlockKind::Title);
    if ids.is_empty()
        && names.is_empty()
        && let Some(t) = title
        && let Some(m) = org
            .find(text, t.range.clone())
            .into_iter()
            .find(|m| !crate::subject::is_venue(&text[m.range.end..t.range.end]))
    {
        names.push(text[m.range.clone()].to_string());
        ranges.push(m.range.clone());
        ids.push(org.id(m.entry).to_string());
    }
    // Ad copy titled with its brand and product ("净界 X7 洗地机", "Sparkle Whitening Toothpaste")
    // is the brand's, though no lexicon knows it. A page whose name line runs straight into a
    // tagline ("ROBOROCK SAROS Z70" over "Tidy up first.") has no title block: its first line
    // is the name.
    if ad
        && names.is_empty()
        && let Some(t) = title.map(|t| t.range.clone()).or_else(|| name_line(text, layout))
        && let Some(r) = brand_opening(text, t)
    {
        names.push(text[r.clone()].to_string());
        ranges.push(r);
    }
    Voice { promotional, ad, issuer_names: names, issuer_ranges: ranges, issuer_ids: ids }
}

/// The first line of a document whose first block holds more lines, when it reads as a name:
/// short, with no sentence's end or clause mark in it.
fn name_line(text: &str, layout: &Layout) -> Option<Range<usize>> {
    let first = layout.blocks.first()?;
    let block = &text[first.range.clone()];
    let end = block.find('\n')?;
    let line = block[..end].trim_end();
    let plain = !line.is_empty()
        && line.chars().count() <= 60
        && !line.contains([',', ';', ':', '，', '；', '：', '。'])
        && !line.ends_with(crate::segments::ends_a_clause);
    plain.then(|| first.range.start..first.range.start + line.len())
}

/// The first word of a title that goes on after it, when that word can be a brand: two to six
/// Han characters or a capitalised Latin word, neither a claim's word nor a function word.
fn brand_opening(text: &str, title: Range<usize>) -> Option<Range<usize>> {
    let t = &text[title.clone()];
    let lead = t.len() - t.trim_start().len();
    let t = t.trim();
    let word = t.split_whitespace().next().filter(|w| w.len() < t.len())?;
    let han = word.chars().count();
    let brand = if word.chars().all(crate::segments::is_cjk) {
        (2..=6).contains(&han)
            && !["第一", "领先", "销量", "全国", "中国", "全球", "品牌", "行业", "冠军", "首", "最", "新品", "爆款"]
                .iter()
                .any(|w| word.contains(w))
    } else {
        word.len() >= 3
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && word.bytes().all(|b| b.is_ascii_alphabetic())
            && ![
                "The",
                "Our",
                "New",
                "Best",
                "Top",
                "Number",
                "Why",
                "How",
                "Get",
                "Meet",
                "Introducing",
                "Now",
                "All",
                "Save",
                "Shop",
                "Buy",
                "Try",
                "Free",
                "Only",
                "Most",
                "Voted",
                "Rated",
                "Award",
            ]
            .contains(&word)
    };
    brand.then(|| title.start + lead..title.start + lead + word.len())
}

impl Voice {
    /// Does a subject refer to the issuer? No subject at all, in promotional copy, is the
    /// issuer speaking about itself.
    pub fn is_self(&self, subject_text: Option<&str>, subject_id: Option<&str>, ancestors: &[String]) -> bool {
        let anonymous = self.issuer_names.is_empty() && self.issuer_ids.is_empty();
        // A boast that names no holder in promotional copy is the issuer's, whether or not the
        // release names its issuer elsewhere: "当时已是“中国第一”", "our modules reach an
        // industry-leading efficiency". Others it describes, it names.
        let Some(t) = subject_text else { return true };
        if anonymous {
            return true;
        }
        if crate::subject::SubjectFinder::is_pronoun(t) {
            return true;
        }
        if let Some(id) = subject_id
            && self.issuer_ids.iter().any(|i| i == id || ancestors.contains(i))
        {
            return true;
        }
        // Read case-blind: a title in capitals ("ROBOROCK SAROS Z70") names the brand the body
        // writes "Roborock".
        let t = t.trim().to_lowercase();
        self.issuer_names.iter().any(|n| {
            let n = n.trim().to_lowercase();
            !n.is_empty() && (n.contains(&t) || t.contains(&n))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_found() {
        let t = "He said \"we lead\" and “我们第一”.";
        let q = quoted_ranges(t);
        assert_eq!(q.len(), 2);
        assert_eq!(&t[q[0].clone()], "\"we lead\"");
    }

    #[test]
    fn first_person_outside_quotes_only() {
        let t = "\"We are No. 1,\" said the CEO.";
        assert_eq!(first_person(t, &mut Quoted { text: t, ranges: None }, 3), 0);
        let u = "We lead. Our share grew.";
        assert_eq!(first_person(u, &mut Quoted { text: u, ranges: None }, 3), 2);
        let w = "We lead. Our share grew. We, our, us, we.";
        assert_eq!(first_person(w, &mut Quoted { text: w, ranges: None }, 3), 3);
    }
}
