//! Citations: the markers a sentence carries (`[3]`, `[1, 4]`, `[2-5]`, `[^3]`, ³, <sup>3</sup>, (3),
//! [注3], 注①, ①, 【3】), the reference lists they point into (a section headed References,
//! Sources, Notes, 参考资料, 数据来源... or Markdown footnote definitions), links written in
//! a sentence, and "Source:" lines under tables. Everything is found on the text view and
//! kept as text-view ranges; the scanner maps them to input spans.

use crate::document::Document;
use crate::segments::BlockKind;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// A reference entry, a link target or a source line.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// What markers call it: "3", "^idc".
    pub key: String,
    /// The entry's text in the text view (its key left out).
    pub range: Range<usize>,
    pub url: Option<String>,
}

/// A marker in a sentence and the keys it names ("[2-4]" names 2, 3 and 4).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub range: Range<usize>,
    pub keys: Vec<String>,
    pub sentence: usize,
    /// For a marker kept out of the text view (a page's `<sup>`), its bytes in the input.
    pub raw: Option<Range<usize>>,
}

/// A link written in a sentence (Markdown, a bare URL, an HTML anchor).
#[derive(Debug, Clone, PartialEq)]
pub struct InlineLink {
    pub range: Range<usize>,
    pub url: String,
    /// The anchor text, when it is not the URL itself.
    pub text: Range<usize>,
    pub sentence: usize,
}

/// Everything a document cites with, found once.
#[derive(Debug, Clone, Default)]
pub struct DocCitations {
    pub entries: Vec<Entry>,
    pub marks: Vec<Mark>,
    pub links: Vec<InlineLink>,
    /// (first block, last block) of a table and the source line under it.
    /// (the table's paragraph, the "Source:" label, the entry it introduces).
    pub table_sources: Vec<(Range<usize>, Range<usize>, Entry)>,
}

/// One citation of a claim, before it is mapped to the output.
#[derive(Debug, Clone, PartialEq)]
pub struct Cited {
    pub marker: Range<usize>,
    /// The marker's bytes in the input when it is not in the text view.
    pub raw: Option<Range<usize>>,
    pub key: Option<String>,
    /// The entry, or for a link its target as an entry; `None` when the marker points nowhere.
    pub entry: Option<Entry>,
}

const HEADINGS: &[&str] = &[
    "references",
    "reference",
    "sources",
    "source",
    "notes",
    "note",
    "footnotes",
    "endnotes",
    "bibliography",
    "citations",
    "works cited",
    "data sources",
    "参考资料",
    "参考文献",
    "资料来源",
    "数据来源",
    "注释",
    "脚注",
    "附注",
    "来源",
    "引用",
    "参考",
    "參考資料",
    "參考文獻",
    "資料來源",
    "數據來源",
    "註釋",
];

fn regex(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("a static pattern"))
}

/// A heading that opens a reference list: "References", "## Sources:", "参考资料".
fn is_reference_heading(text: &str) -> bool {
    let t = text.trim().trim_start_matches('#').trim().trim_end_matches([':', '：']).trim();
    HEADINGS.iter().any(|h| t.eq_ignore_ascii_case(h))
}

/// ①..⑳ as 1..20.
fn circled(c: char) -> Option<u32> {
    ('\u{2460}'..='\u{2473}').contains(&c).then(|| c as u32 - 0x2460 + 1)
}

fn superscript_digit(c: char) -> Option<char> {
    match c {
        '⁰' => Some('0'),
        '¹' => Some('1'),
        '²' => Some('2'),
        '³' => Some('3'),
        '⁴'..='⁹' => char::from_digit(c as u32 - '⁴' as u32 + 4, 10),
        _ => None,
    }
}

/// "1, 4", "2-5", "2–4" as keys; a range longer than twenty is not a citation.
fn expand(list: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for part in list.split([',', '，']) {
        let part = part.trim();
        if let Some((a, b)) = part.split_once(['-', '–']) {
            let (Ok(a), Ok(b)) = (a.trim().parse::<u32>(), b.trim().parse::<u32>()) else { return Vec::new() };
            if b < a || b - a > 20 {
                return Vec::new();
            }
            keys.extend((a..=b).map(|k| k.to_string()));
        } else if let Ok(k) = part.parse::<u32>() {
            keys.push(k.to_string());
        } else {
            return Vec::new();
        }
    }
    keys
}

/// The key an entry line opens with, and where its text starts.
fn entry_key(line: &str) -> Option<(String, usize)> {
    static KEY: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &KEY,
        r"^\s*(?:\[\^([\w-]+)\]:|\[(\d{1,3})\]|【(\d{1,3})】|\[注\s*(\d{1,3})\]|注\s*(\d{1,3})[：:.、．]|(\d{1,3})[.)、．](?:\s|$)|\((\d{1,3})\)|\^(\d{1,3})\s)\s*",
    );
    if let Some(c) = re.captures(line) {
        let end = c.get(0).map_or(0, |m| m.end());
        let key = (1..=8).find_map(|i| c.get(i)).map(|m| m.as_str())?;
        let key = if c.get(1).is_some() { format!("^{key}") } else { key.to_string() };
        return Some((key, end));
    }
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    // "² Canalys, ..." under a Notes heading.
    let sup: String = trimmed.chars().map_while(superscript_digit).collect();
    if !sup.is_empty() {
        let len: usize = trimmed.chars().take(sup.chars().count()).map(char::len_utf8).sum();
        let after = trimmed[len..].trim_start();
        return Some((sup.trim_start_matches('0').to_string(), line.len() - after.len()));
    }
    let rest = trimmed.strip_prefix('注').unwrap_or(trimmed);
    let first = rest.chars().next()?;
    let n = circled(first)?;
    let after = rest[first.len_utf8()..].trim_start_matches([' ', '：', ':', '、', '.']);
    (lead < line.len()).then(|| (n.to_string(), line.len() - after.len()))
}

/// The first http(s) URL in a text: bare, <angled> or as a Markdown link target.
fn first_url(text: &str) -> Option<String> {
    static URL: OnceLock<Regex> = OnceLock::new();
    let re = regex(&URL, r#"https?://[^\s<>"'（）()\[\]，。；、]+"#);
    let m = re.find(text)?;
    let url = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
    (url.len() > "https://".len()).then(|| url.to_string())
}

/// Finds every reference entry, marker, link and table source line of a document.
pub fn analyze(doc: &Document) -> DocCitations {
    let text = doc.match_text();
    // URLs are copied as written, not as folded.
    let url_at = |r: &Range<usize>| first_url(&doc.text[r.clone()]);
    let layout = &doc.layout;
    let mut out = DocCitations::default();
    // Reference sections: from a reference heading to the next heading.
    let mut in_refs = vec![false; layout.blocks.len()];
    let mut open = false;
    let mut ordinal = 0;
    for (b, block) in layout.blocks.iter().enumerate() {
        let body = &text[block.range.clone()];
        let footnote_definition = body.trim_start().starts_with("[^");
        // A short entry line ("[1] 国际数据公司") reads like a heading to the layout: in a
        // list it is an entry, not the end of the list.
        let heading = matches!(block.kind, BlockKind::Heading | BlockKind::Title)
            && !footnote_definition
            && !(open && entry_key(body).is_some());
        if heading || is_reference_heading(body) {
            open = is_reference_heading(body);
            ordinal = 0;
            continue;
        }
        if !open && !footnote_definition {
            continue;
        }
        in_refs[b] = open;
        // An entry per line; a line without a key continues the entry above it.
        let mut start = block.range.start;
        for line in body.split_inclusive('\n') {
            let range = start..start + line.trim_end().len();
            start += line.len();
            if range.is_empty() {
                continue;
            }
            let line = &text[range.clone()];
            let keyed = entry_key(line);
            if !open && !keyed.as_ref().is_some_and(|(k, _)| k.starts_with('^')) {
                continue;
            }
            match keyed {
                Some((key, at)) => {
                    let url = url_at(&range);
                    out.entries.push(Entry { key, range: range.start + at..range.end, url });
                }
                // An HTML <ol> item carries its number in markup, not in the text.
                None if block.kind == BlockKind::ListItem => {
                    ordinal += 1;
                    out.entries.push(Entry { key: ordinal.to_string(), range: range.clone(), url: url_at(&range) });
                }
                None => {
                    if let Some(last) = out.entries.last_mut().filter(|e| e.range.end <= range.start) {
                        last.range.end = range.end;
                        last.url = last.url.take().or_else(|| url_at(&range));
                    }
                }
            }
        }
    }
    // A link in markup inside an entry is the entry's URL.
    for e in &mut out.entries {
        if e.url.is_none() {
            e.url = doc
                .links
                .iter()
                .find(|l| l.text.start >= e.range.start && l.text.end <= e.range.end && is_web(&l.href))
                .map(|l| l.href.clone());
        }
    }
    // Table source lines: the block right after a table's last row.
    for (b, block) in layout.blocks.iter().enumerate() {
        if block.kind != BlockKind::TableRow || layout.blocks.get(b + 1).is_some_and(|n| n.group == block.group) {
            continue;
        }
        let table = layout.paragraph_of(b);
        let Some(next) = layout.blocks.get(b + 1) else { continue };
        static SOURCE: OnceLock<Regex> = OnceLock::new();
        let re = regex(
            &SOURCE,
            r"(?i)^[*※\s]*(?:sources?|data\s+sources?|数据来源|资料来源|来源|資料來源|數據來源)\s*[:：]\s*",
        );
        let line = &text[next.range.clone()];
        if let Some(m) = re.find(line) {
            let head = &line[..m.end()];
            let lead = head.find(|c: char| c.is_alphabetic()).unwrap_or(0);
            let label = next.range.start + lead..next.range.start + head.trim_end().len();
            // A note after the source ("Note: rounded", "注：…") is not part of what is cited.
            static NOTE: OnceLock<Regex> = OnceLock::new();
            let rest = &line[m.end()..];
            let end =
                regex(&NOTE, r"(?i)(?:^|[\s。.;；])(?:notes?|注)\s*[:：]").find(rest).map_or(rest.len(), |n| n.start());
            let body = rest[..end].trim_end_matches(|c: char| c.is_whitespace() || "。.;；,，".contains(c));
            let range = next.range.start + m.end()..next.range.start + m.end() + body.len();
            let entry = Entry { key: String::new(), url: url_at(&range), range };
            out.table_sources.push((table, label, entry));
        }
    }
    markers(doc, &in_refs, &mut out);
    links(doc, &in_refs, &mut out);
    out
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn is_web(url: &str) -> bool {
    let u = url.trim().to_ascii_lowercase();
    u.starts_with("http://") || u.starts_with("https://")
}

fn sentence_of(doc: &Document, pos: usize) -> Option<usize> {
    doc.layout.sentence_at(pos)
}

fn markers(doc: &Document, in_refs: &[bool], out: &mut DocCitations) {
    let text = doc.match_text();
    let outside_refs = |pos: usize| doc.layout.block_at(pos).is_none_or(|b| !in_refs[b]);
    let circled_keys: Vec<String> = out.entries.iter().map(|e| e.key.clone()).collect();
    let push = |range: Range<usize>, keys: Vec<String>, out: &mut DocCitations| {
        if keys.is_empty() || !outside_refs(range.start) {
            return;
        }
        if let Some(sentence) = sentence_of(doc, range.start) {
            out.marks.push(Mark { range, keys, sentence, raw: None });
        }
    };
    static BRACKETS: OnceLock<Regex> = OnceLock::new();
    let re = regex(
        &BRACKETS,
        r"\[\^([\w-]+)\]|\[(\d{1,3}(?:\s*[-–,，]\s*\d{1,3})*)\]|【(\d{1,3})】|\[注\s*(\d{1,3})\]|注([①-⑳])",
    );
    for c in re.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let next = text[m.end()..].chars().next();
        // A definition ("[^1]: ...") or a Markdown link ("[1](...)") is no marker.
        if matches!(next, Some(':' | '(')) {
            continue;
        }
        let at_line_start = text[..m.start()].chars().next_back().is_none_or(|p| p == '\n');
        if at_line_start && c.get(1).is_none() {
            continue;
        }
        let keys = if let Some(k) = c.get(1) {
            vec![format!("^{}", k.as_str())]
        } else if let Some(list) = c.get(2) {
            expand(list.as_str())
        } else if let Some(k) = c.get(3).or_else(|| c.get(4)) {
            vec![k.as_str().to_string()]
        } else {
            c.get(5)
                .and_then(|k| k.as_str().chars().next())
                .and_then(circled)
                .map(|n| vec![n.to_string()])
                .unwrap_or_default()
        };
        push(m.range(), keys, out);
    }
    // Bare circled numbers are markers only where a list gives them entries: elsewhere they
    // number the points of an argument. Superscript digits right after a word or figure: ³, ¹².
    // Both are encoded with a lead byte of 0xC2 or 0xE2, so only those bytes are looked at.
    let bytes = text.as_bytes();
    let mut skip_to = 0;
    for i in memchr::memchr2_iter(0xC2, 0xE2, bytes) {
        if i < skip_to {
            continue;
        }
        let Some(c) = text[i..].chars().next() else { continue };
        // Most such bytes lead curly quotes and dashes: the character before is read only for
        // a circled or superscript digit.
        let after_word = || text[..i].chars().next_back().is_some_and(|p| !p.is_whitespace());
        if let Some(n) = circled(c)
            && !text[..i].ends_with('注')
            && circled_keys.contains(&n.to_string())
            && after_word()
        {
            push(i..i + c.len_utf8(), vec![n.to_string()], out);
        } else if superscript_digit(c).is_some() && after_word() {
            let run: String = text[i..].chars().map_while(superscript_digit).collect();
            let len: usize = text[i..].chars().take(run.chars().count()).map(char::len_utf8).sum();
            let key = run.trim_start_matches('0').to_string();
            push(i..i + len, if key.is_empty() { Vec::new() } else { vec![key] }, out);
            skip_to = i + len;
        }
    }
    // <sup>3</sup>, <sup>1,4</sup> in a page: they belong to the sentence they close.
    for sup in &doc.superscripts {
        let keys = expand(sup.text.trim().trim_start_matches('[').trim_end_matches(']'));
        let before = floor(text, sup.at.saturating_sub(1));
        if keys.is_empty() || !outside_refs(before) {
            continue;
        }
        if let Some(sentence) = sentence_of(doc, before) {
            out.marks.push(Mark { range: sup.at..sup.at, keys, sentence, raw: Some(sup.raw.clone()) });
        }
    }
    // "(3)" closing a sentence.
    static PAREN: OnceLock<Regex> = OnceLock::new();
    let re = regex(&PAREN, r"\((\d{1,2})\)");
    for c in re.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let Some(s) = sentence_of(doc, m.start()) else { continue };
        let sentence_end = doc.layout.sentences[s].range.end;
        let rest = &text[m.end()..sentence_end];
        let before = text[..m.start()].trim_end();
        let closes =
            rest.chars().all(|ch| matches!(ch, '.' | '。' | '"' | '”' | '’' | ')' | ' ') || ch.is_whitespace());
        let after_words = before.len() > doc.layout.sentences[s].range.start;
        if closes && after_words {
            push(m.range(), vec![c[1].to_string()], out);
        }
    }
    out.marks.sort_by_key(|m| m.range.start);
    out.marks.dedup_by(|a, b| a.range == b.range);
}

fn links(doc: &Document, in_refs: &[bool], out: &mut DocCitations) {
    // Links and URLs are copied as written.
    let text = doc.text.as_str();
    let outside_refs = |pos: usize| doc.layout.block_at(pos).is_none_or(|b| !in_refs[b]);
    let mut taken: Vec<Range<usize>> = Vec::new();
    static MARKDOWN: OnceLock<Regex> = OnceLock::new();
    let re = regex(&MARKDOWN, r"\[([^\]\n]{1,200})\]\((https?://[^)\s]+)\)");
    for c in re.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        if !outside_refs(m.start()) {
            continue;
        }
        if let Some(sentence) = sentence_of(doc, m.start()) {
            let anchor = c.get(1).expect("anchor").range();
            out.links.push(InlineLink { range: m.range(), url: c[2].to_string(), text: anchor, sentence });
            taken.push(m.range());
        }
    }
    static BARE: OnceLock<Regex> = OnceLock::new();
    let re = regex(&BARE, r#"https?://[^\s<>"'（）()\[\]，。；、]+"#);
    for m in re.find_iter(text) {
        if !outside_refs(m.start()) || taken.iter().any(|t| t.start <= m.start() && m.end() <= t.end) {
            continue;
        }
        let url = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let range = m.start()..m.start() + url.len();
        if let Some(sentence) = sentence_of(doc, m.start()) {
            out.links.push(InlineLink { range: range.clone(), url: url.to_string(), text: range, sentence });
        }
    }
    for l in doc.links.iter().filter(|l| is_web(&l.href) && outside_refs(l.text.start)) {
        if let Some(sentence) = sentence_of(doc, l.text.start) {
            out.links.push(InlineLink {
                range: l.text.clone(),
                url: l.href.trim().to_string(),
                text: l.text.clone(),
                sentence,
            });
        }
    }
    out.links.sort_by_key(|l| l.range.start);
}

impl DocCitations {
    /// The entry a key names; a footnote key falls back to the numbered list.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.key == key).or_else(|| {
            let bare = key.strip_prefix('^')?;
            self.entries.iter().find(|e| e.key == bare)
        })
    }

    /// The citations of a claim at `claim` in `sentence`. Markers and links are read apart, each
    /// the same way: the group of adjacent ones ("[1][2]", "[1], [4]") that first follows the claim
    /// in its sentence, or failing that the last group before it. "A held 28.7%[^a], ahead of B,
    /// which ranked second with 19.2%[^b]" cites [^a] for A's share and [^b] for B's rank; a link
    /// naming the source mid-sentence and a note closing it both cite the claim before them.
    pub fn of_claim(&self, doc: &Document, sentence: usize, claim: Range<usize>) -> Vec<Cited> {
        let mut marks: Vec<Cited> = Vec::new();
        for m in self.marks.iter().filter(|m| m.sentence == sentence) {
            for k in &m.keys {
                let entry = self.entry(k).cloned();
                marks.push(Cited { marker: m.range.clone(), raw: m.raw.clone(), key: Some(k.clone()), entry });
            }
        }
        let mut links: Vec<Cited> = Vec::new();
        for l in self.links.iter().filter(|l| l.sentence == sentence) {
            let entry = Entry { key: String::new(), range: l.text.clone(), url: Some(l.url.clone()) };
            links.push(Cited { marker: l.range.clone(), raw: None, key: None, entry: Some(entry) });
        }
        let mut out = nearest_group(doc.match_text(), marks, &claim);
        out.extend(nearest_group(doc.match_text(), links, &claim));
        // A marker repeated in one sentence, or a note number that is also a link, cites once.
        let mut seen: Vec<String> = Vec::new();
        out.retain(|c| {
            let id = match (&c.key, &c.entry) {
                (Some(k), _) => format!("key {k}"),
                (None, Some(e)) => format!("url {}", e.url.as_deref().unwrap_or_default()),
                (None, None) => return true,
            };
            let fresh = !seen.contains(&id);
            seen.push(id);
            fresh
        });
        let block = doc.layout.sentences[sentence].block;
        if doc.layout.blocks[block].kind == BlockKind::TableRow {
            let table = doc.layout.paragraph_of(block);
            for (_, label, e) in self.table_sources.iter().filter(|(t, _, _)| *t == table) {
                out.push(Cited { marker: label.clone(), raw: None, key: None, entry: Some(e.clone()) });
            }
        }
        out
    }
}

/// Of citations in one sentence, the adjacent run that first follows `claim`, else the last one
/// before it.
fn nearest_group(text: &str, mut items: Vec<Cited>, claim: &Range<usize>) -> Vec<Cited> {
    items.sort_by_key(|c| c.marker.start);
    let mut groups: Vec<Vec<Cited>> = Vec::new();
    for c in items {
        let joined = groups.last().and_then(|g| g.last()).is_some_and(|prev| {
            let gap = text.get(prev.marker.end.min(c.marker.start)..c.marker.start).unwrap_or("");
            gap.chars().all(|ch| ch.is_whitespace() || ",;，；、".contains(ch))
        });
        match groups.last_mut() {
            Some(g) if joined => g.push(c),
            _ => groups.push(vec![c]),
        }
    }
    let after = groups.iter().position(|g| g[0].marker.start >= claim.start);
    match after.or_else(|| groups.len().checked_sub(1)) {
        Some(i) => groups.swap_remove(i),
        None => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(doc: &Document, dc: &DocCitations) -> Vec<(String, Vec<String>)> {
        dc.marks.iter().map(|m| (doc.text[m.range.clone()].to_string(), m.keys.clone())).collect()
    }

    #[test]
    fn bracket_markers_and_a_reference_list() {
        let text = "Acme held 31% of the market [1][4]. Beta held 20% [2-3] and Gamma 9% [1, 5].\n\n\
                    ## References\n\n1. IDC, Tablet Tracker, https://idc.example.com/t?q=1.\n2. Canalys report\n3. [Omdia](https://omdia.example.com/x)\n";
        let doc = Document::from_text(text.to_string());
        let dc = analyze(&doc);
        let got = keys(&doc, &dc);
        assert_eq!(got[0], ("[1]".to_string(), vec!["1".to_string()]));
        assert_eq!(got[1].1, ["4"]);
        assert_eq!(got[2].1, ["2", "3"]);
        assert_eq!(got[3].1, ["1", "5"]);
        assert_eq!(dc.entry("1").and_then(|e| e.url.as_deref()), Some("https://idc.example.com/t?q=1"));
        assert_eq!(&doc.text[dc.entry("2").unwrap().range.clone()], "Canalys report");
        assert_eq!(dc.entry("3").and_then(|e| e.url.as_deref()), Some("https://omdia.example.com/x"));
        assert!(dc.entry("4").is_none());
    }

    #[test]
    fn footnotes_superscripts_and_chinese_markers() {
        let text = "Acme held 31%[^idc] and Beta 20%³ of the market.\n\n\
                    海川以23.4%的份额位居第一【2】，远川占比12%[注1]，云帆占比9%注③。\n\n\
                    [^idc]: IDC, Quarterly Tracker\n\n## 参考资料\n\n[1] 国际数据公司\n【2】赛迪顾问\n③ 奥维云网\n3. Canalys\n";
        let doc = Document::from_text(text.to_string());
        let dc = analyze(&doc);
        let got: Vec<Vec<String>> = dc.marks.iter().map(|m| m.keys.clone()).collect();
        assert_eq!(got, [vec!["^idc"], vec!["3"], vec!["2"], vec!["1"], vec!["3"]]);
        assert!(dc.entry("^idc").is_some());
        assert_eq!(&doc.text[dc.entry("2").unwrap().range.clone()], "赛迪顾问");
    }

    #[test]
    fn a_parenthesised_number_closes_a_sentence_only_at_its_end() {
        let doc = Document::from_text("Acme held 31% of the market (4). Step (1) is to count.\n".to_string());
        let dc = analyze(&doc);
        let got: Vec<&str> = dc.marks.iter().map(|m| &doc.text[m.range.clone()]).collect();
        assert_eq!(got, ["(4)"]);
    }

    #[test]
    fn circled_numbers_without_entries_are_enumerations() {
        let doc = Document::from_text("公司将①加快研发②优化渠道，份额达23%。\n".to_string());
        assert!(analyze(&doc).marks.is_empty());
    }

    #[test]
    fn links_in_sentences_and_source_lines_under_tables() {
        let text = "Acme held 31%, according to [Counterpoint](https://cp.example.net/q3), see https://x.example.org/a.\n\n\
                    | Vendor | Share |\n|---|---|\n| Acme | 31% |\n\nSource: Omdia, Tracker, H1 2025\n";
        let doc = Document::from_text(text.to_string());
        let dc = analyze(&doc);
        let urls: Vec<&str> = dc.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://cp.example.net/q3", "https://x.example.org/a"]);
        assert_eq!(dc.table_sources.len(), 1);
        assert_eq!(&doc.text[dc.table_sources[0].1.clone()], "Source:");
        assert_eq!(&doc.text[dc.table_sources[0].2.range.clone()], "Omdia, Tracker, H1 2025");
        let noted =
            Document::from_text("| Acme | 31% |\n\n数据来源：IDC中国，2025年9月。注：数据经四舍五入。\n".to_string());
        let dc = analyze(&noted);
        assert_eq!(&noted.text[dc.table_sources[0].1.clone()], "数据来源：");
        assert_eq!(&noted.text[dc.table_sources[0].2.range.clone()], "IDC中国，2025年9月");
    }

    #[test]
    fn a_marker_cites_the_claims_before_it_in_its_clause() {
        let text = "Brasa held 28.7% of units[^a], ahead of Tocantins, which ranked second with 19.2%[^b][^c]. \
                    Mirante and Sereno trailed at 11.5% and 7.9%.\n\n[^a]: Canalys.\n[^b]: IDC.\n[^c]: Omdia.\n";
        let doc = Document::from_text(text.to_string());
        let dc = analyze(&doc);
        let keys = |needle: &str| {
            let at = text.find(needle).unwrap();
            let s = sentence_of(&doc, at).unwrap();
            let cited = dc.of_claim(&doc, s, at..at + needle.len());
            cited.iter().map(|c| c.key.clone().unwrap_or_default()).collect::<Vec<_>>()
        };
        assert_eq!(keys("28.7%"), ["^a"]);
        assert_eq!(keys("ranked second"), ["^b", "^c"]);
        assert_eq!(keys("19.2%"), ["^b", "^c"]);
        assert!(keys("11.5%").is_empty(), "the next sentence cites nothing");
        let zh = "云岚以24.3%位居第一[1]，青屿以21.6%排名第二[1][2]，石桥第三。\n\n参考文献\n\n[1] 洛图科技。\n[2] 奥维云网。\n";
        let doc = Document::from_text(zh.to_string());
        let dc = analyze(&doc);
        let keys = |needle: &str| {
            let at = zh.find(needle).unwrap();
            let cited = dc.of_claim(&doc, sentence_of(&doc, at).unwrap(), at..at + needle.len());
            cited.iter().map(|c| c.key.clone().unwrap_or_default()).collect::<Vec<_>>()
        };
        assert_eq!(keys("24.3%"), ["1"]);
        assert_eq!(keys("21.6%"), ["1", "2"]);
        assert_eq!(keys("第三"), ["1", "2"], "after the last marker, the last group before");
    }
}
