//! Blocks (title, headings, paragraphs, list items, footnotes) and the sentences inside them,
//! each as a byte range of the text view.
//!
//! Scope lookup walks outwards from a claim's sentence to its paragraph and then to the
//! document's title, headings and lead, so the layout keeps those relations explicit.

use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Heading,
    Paragraph,
    ListItem,
    TableRow,
    /// A line such as `*Source: IDC, 2024` that an asterisk in a claim points at.
    Footnote,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub range: Range<usize>,
    /// Indices into `Layout::sentences`.
    pub sentences: Range<usize>,
    /// Blocks that read together (a table's caption and rows) share a group.
    pub group: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct Sentence {
    pub range: Range<usize>,
    pub block: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Layout {
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    /// Index of the first ordinary paragraph (the lead), if any.
    pub lead: Option<usize>,
}

/// A block boundary supplied by a structured reader (HTML, Markdown): the kind and the range.
#[derive(Debug, Clone)]
pub struct BlockHint {
    pub kind: BlockKind,
    pub range: Range<usize>,
    pub group: Option<usize>,
}

/// The first block of a release's closing boilerplate: the blocks from an "About Acme" or
/// "关于海川" line on describe the issuer, they report nothing measured in the release.
pub fn boilerplate_start(text: &str, layout: &Layout) -> Option<usize> {
    layout.blocks.iter().enumerate().skip(1).find_map(|(i, b)| {
        let body = text[b.range.clone()].trim_start().trim_start_matches(['#', '*', ' ']);
        if !(body.starts_with("About ") || body.starts_with("ABOUT ") || body.starts_with("关于")) {
            return None;
        }
        // The heading may open its block when no blank line follows it.
        let first = text[b.range.clone()].trim().lines().next().unwrap_or("");
        let line = first.trim().trim_start_matches(['#', '*', ' ']).trim_end_matches(['*', ':', '：']);
        let en = line.strip_prefix("About ").or_else(|| line.strip_prefix("ABOUT ")).is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_uppercase())
                && rest.split_whitespace().count() <= 6
                && !rest.trim_end_matches('.').contains(['.', ',', ';'])
        });
        let zh = line.strip_prefix("关于").is_some_and(|rest| {
            (2..=16).contains(&rest.chars().count()) && !rest.contains(['，', '。', '、', '；', ',', '的'])
        });
        (en || zh).then_some(if line.len() + 2 < text[b.range.clone()].trim().len() { i } else { i + 1 })
    })
}

impl Layout {
    /// The sentence holding byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.range.start <= pos);
        let i = i.checked_sub(1)?;
        (pos < self.sentences[i].range.end).then_some(i)
    }

    /// The block that holds byte `pos`, if any.
    pub fn block_at(&self, pos: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.range.start <= pos);
        let i = i.checked_sub(1)?;
        (pos < self.blocks[i].range.end).then_some(i)
    }

    /// The blocks that read as one paragraph with `block`: itself, or its table.
    pub fn paragraph_of(&self, block: usize) -> Range<usize> {
        let Some(g) = self.blocks[block].group else { return block..block + 1 };
        let first = (0..=block).rev().take_while(|&b| self.blocks[b].group == Some(g)).last().unwrap_or(block);
        let last = (block..self.blocks.len()).take_while(|&b| self.blocks[b].group == Some(g)).last().unwrap_or(block);
        first..last + 1
    }

    /// The text range of `block`'s paragraph (its table, for a table row).
    pub fn paragraph_range(&self, block: usize) -> Range<usize> {
        let p = self.paragraph_of(block);
        self.blocks[p.start].range.start..self.blocks[p.end - 1].range.end
    }

    pub fn footnotes(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.blocks.len()).filter(|&b| self.blocks[b].kind == BlockKind::Footnote)
    }
}

/// One short line that does not end a sentence: a table's title.
fn is_caption(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.len() <= 160 && !t.contains('\n') && !t.ends_with(['.', '。', '!', '！', '?', '？', ';', '；'])
}

/// Lay out plain text (and Markdown read as text): blank lines separate blocks; headings,
/// list items, table rows and footnote lines stand alone.
pub fn layout_text(text: &str) -> Layout {
    // Sized for news (a block every few hundred bytes, a sentence every hundred): growing
    // these from empty cost a copy each time they doubled.
    let mut hints: Vec<BlockHint> = Vec::with_capacity(text.len() / 256 + 1);
    let mut tables = 0;
    let has_blank_lines = memchr::memmem::find(text.as_bytes(), b"\n\n").is_some()
        || memchr::memmem::find(text.as_bytes(), b"\n\r\n").is_some();
    let mut current: Option<(usize, usize, usize)> = None; // start, end, lines
    // "…ELECTRIC TOOTHBRUSH*": a word carrying a star points at a note below it.
    let bytes = text.as_bytes();
    let marked = memchr::memchr_iter(b'*', bytes)
        .any(|i| i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b')'));
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1).chain(Some(text.len()));
    let mut pos = 0;
    for end in ends {
        if end == pos {
            continue;
        }
        let (start, line) = (pos, &text[pos..end]);
        pos = end;
        let body = line.trim_end_matches(['\n', '\r']);
        let trimmed = body.trim();
        if trimmed.is_empty() {
            if let Some((s, e, _)) = current.take() {
                hints.push(BlockHint { kind: BlockKind::Paragraph, range: s..e, group: None });
            }
            continue;
        }
        let lead_ws = body.len() - body.trim_start().len();
        let range = start + lead_ws..start + body.trim_end().len();
        if let Some(kind) =
            standalone_kind(trimmed).map(|k| if starred_note(trimmed, marked) { BlockKind::Footnote } else { k })
        {
            if let Some((s, e, _)) = current.take() {
                hints.push(BlockHint { kind: BlockKind::Paragraph, range: s..e, group: None });
            }
            if kind == BlockKind::TableRow {
                // A Markdown table: the row above `|---|` is its header; all rows read together.
                let continues = hints
                    .last()
                    .is_some_and(|h| matches!(h.kind, BlockKind::TableRow | BlockKind::Heading) && h.group.is_some());
                if !continues {
                    tables += 1;
                    // "European smart home camera shipments, H1 2025" on its own line above a
                    // table is its caption: the rows read with it, as with HTML's <caption>.
                    if let Some(h) = hints.last_mut().filter(|h| h.kind == BlockKind::Paragraph && h.group.is_none())
                        && is_caption(&text[h.range.clone()])
                    {
                        h.group = Some(tables);
                    }
                }
                if is_table_rule(trimmed) {
                    if let Some(h) = hints.last_mut().filter(|h| h.group == Some(tables)) {
                        h.kind = BlockKind::Heading;
                    }
                    continue;
                }
                hints.push(BlockHint { kind, range, group: Some(tables) });
                continue;
            }
            hints.push(BlockHint { kind, range, group: None });
            continue;
        }
        match current.as_mut() {
            Some((_, e, n)) if has_blank_lines => {
                *e = range.end;
                *n += 1;
            }
            _ => {
                if let Some((s, e, _)) = current.take() {
                    hints.push(BlockHint { kind: BlockKind::Paragraph, range: s..e, group: None });
                }
                current = Some((range.start, range.end, 1));
            }
        }
    }
    if let Some((s, e, _)) = current.take() {
        hints.push(BlockHint { kind: BlockKind::Paragraph, range: s..e, group: None });
    }
    classify_headings(text, &mut hints);
    layout_blocks(text, hints)
}

/// `|---|:---:|` under a Markdown table header.
fn is_table_rule(line: &str) -> bool {
    line.contains("--") && line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

fn standalone_kind(line: &str) -> Option<BlockKind> {
    if line.starts_with('#') {
        return Some(BlockKind::Heading);
    }
    if line.starts_with('|') {
        return Some(BlockKind::TableRow);
    }
    if is_footnote_line(line) {
        return Some(BlockKind::Footnote);
    }
    let list_marker = ["- ", "* ", "+ ", "• ", "· ", "・", "▪ ", "★ "];
    if list_marker.iter().any(|m| line.starts_with(m)) {
        return Some(BlockKind::ListItem);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 3 && line[digits..].starts_with(". ") {
        return Some(BlockKind::ListItem);
    }
    None
}

/// "* Based on a 2025 survey of 400 dentists": in a text whose words carry stars, a bulleted
/// line that gives a basis is the note they point at, not a list item.
fn starred_note(line: &str, marked: bool) -> bool {
    const BASIS: [&str; 14] = [
        "based on",
        "source",
        "according to",
        "data",
        "survey",
        "study",
        "as of",
        "weeks ending",
        "measured",
        "数据",
        "来源",
        "调查",
        "基于",
        "根据",
    ];
    marked
        && line.starts_with("* ")
        && line.get(2..).is_some_and(|rest| {
            let head: String = rest.chars().take(40).collect::<String>().to_lowercase();
            BASIS.iter().any(|b| head.contains(b))
        })
}

/// `*Source: ...`, `* 数据来源：...`, `Source: ...` under a table or an ad.
fn is_footnote_line(line: &str) -> bool {
    let rest = line.trim_start_matches(['*', '※', '注', ' ']);
    let starred = rest.len() < line.len();
    let is_source = ["source:", "sources:", "data source", "数据来源", "资料来源", "来源：", "来源:"]
        .iter()
        .any(|p| rest.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)));
    // "**NINGDE, China** - …" is Markdown bold opening a paragraph, not a note.
    let stars = line.bytes().take_while(|&b| b == b'*').count();
    let bold = stars >= 2 && line[stars..].contains(&line[..stars]);
    (starred && line.starts_with('*') && !line.starts_with("* ") && !bold) || is_source
}

/// The first block is the title when it is one short line without a final full stop;
/// later short lines without terminal punctuation are headings.
fn classify_headings(text: &str, hints: &mut [BlockHint]) {
    let mut titled = false;
    for (i, h) in hints.iter_mut().enumerate() {
        if h.kind == BlockKind::Heading && text[h.range.clone()].starts_with('#') && !titled && i == 0 {
            h.kind = BlockKind::Title;
            titled = true;
            continue;
        }
        if h.kind != BlockKind::Paragraph {
            continue;
        }
        let body = &text[h.range.clone()];
        let last = body.chars().last().unwrap_or(' ');
        let terminal = ends_a_clause(last);
        // A headline may ask or exclaim ("Who leads the cloud?") but does not end a sentence.
        let headline_end = matches!(last, '?' | '？' | '!' | '！') || !terminal;
        // A title or heading is one short line; a paragraph's worth of bytes is neither.
        if !headline_end || body.len() > 480 || body.contains('\n') || is_boilerplate(body) {
            continue;
        }
        let chars = body.chars().count();
        let cjk = body.chars().filter(|c| is_cjk(*c)).count();
        let short = if cjk * 2 > chars { chars <= 40 } else { chars <= 110 };
        if !titled && i <= 2 && chars <= 160 {
            h.kind = BlockKind::Title;
            titled = true;
        } else if short && !terminal && body.split_whitespace().count() <= 12 {
            h.kind = BlockKind::Heading;
        }
    }
}

/// A mark that ends a sentence or a clause: a line ending in one is running text, not a title.
pub(crate) fn ends_a_clause(c: char) -> bool {
    matches!(c, '.' | '。' | '!' | '！' | '?' | '？' | ':' | '：' | ';' | '；' | ',' | '，')
}

/// Build the layout from block hints (from plain text or a structured reader), splitting each
/// block into sentences.
pub fn layout_blocks(text: &str, hints: Vec<BlockHint>) -> Layout {
    let mut layout = Layout {
        blocks: Vec::with_capacity(hints.len()),
        sentences: Vec::with_capacity(text.len() / 96 + 1),
        ..Layout::default()
    };
    // One buffer for every block's sentences: a list per block cost an allocation each.
    let mut ranges = Vec::new();
    for hint in hints {
        let first = layout.sentences.len();
        let block = layout.blocks.len();
        ranges.clear();
        split_sentences_into(text, hint.range.clone(), &mut ranges);
        layout.sentences.extend(ranges.drain(..).map(|range| Sentence { range, block }));
        let last = layout.sentences.len();
        if layout.lead.is_none()
            && hint.kind == BlockKind::Paragraph
            && last > first
            && is_substantial(&text[hint.range.clone()])
        {
            layout.lead = Some(block);
        }
        layout.blocks.push(Block { kind: hint.kind, range: hint.range, sentences: first..last, group: hint.group });
    }
    layout
}

/// Release furniture that is neither a title nor a heading: "PRESS RELEASE", a bare date.
fn is_boilerplate(body: &str) -> bool {
    if body.len() > 64 {
        return false;
    }
    let t = body.trim().trim_matches(|c: char| "【】[]()（）".contains(c));
    let upper = t.to_ascii_uppercase();
    ["PRESS RELEASE", "NEWS RELEASE", "FOR IMMEDIATE RELEASE", "新闻稿", "公司公告", "OPINION", "评论"]
        .iter()
        .any(|m| upper == *m)
        || t.chars().all(|c| c.is_ascii_digit() || c.is_whitespace() || ",.-/年月日".contains(c))
        || (t.split_whitespace().count() <= 4
            && t.chars().any(|c| c.is_ascii_digit())
            && t.split_whitespace().any(is_month))
        || is_byline(t)
}

/// "本报记者 林知秋 2025年8月21日", "By Dana Reyes": who wrote it and when, not a heading.
fn is_byline(t: &str) -> bool {
    const ZH: [&str; 5] = ["本报记者", "记者", "通讯员", "文/", "文｜"];
    ZH.iter().any(|p| t.starts_with(p)) && t.chars().count() <= 40
        || t.strip_prefix("By ")
            .is_some_and(|rest| rest.split_whitespace().count() <= 8 && rest.starts_with(|c: char| c.is_uppercase()))
}

/// The English months, lower case.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

pub(crate) fn is_month(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_ascii_lowercase();
    MONTHS.contains(&w.as_str())
}

/// A lead paragraph says something: a dateline, "PRESS RELEASE" or a byline is not one.
fn is_substantial(body: &str) -> bool {
    // Counted only as far as the answer needs: a paragraph is read to its end only when short.
    body.split_whitespace().nth(11).is_some() || has_cjk(body) && body.chars().filter(|c| is_cjk(*c)).nth(24).is_some()
}

pub fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Whether `s` holds a CJK character. Only bytes from 0xE3 up open one in UTF-8, and English
/// has none (its dashes and curly quotes open with 0xE2), so most text is passed over without
/// decoding it; its highest byte is found many bytes at a time.
pub fn has_cjk(s: &str) -> bool {
    s.bytes().max().is_some_and(|b| b >= 0xE3) && s.chars().any(is_cjk)
}

/// Words that a full stop after them does not end a sentence with, lowercase. A `match`
/// rather than a list searched: every full stop before a capital asks. `n\xc2\xb0` is "n°".
fn is_abbreviation_word(word: &[u8]) -> bool {
    matches!(
        word,
        b"no"
            | b"nos"
            | b"inc"
            | b"corp"
            | b"co"
            | b"ltd"
            | b"llc"
            | b"plc"
            | b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"st"
            | b"vs"
            | b"e.g"
            | b"i.e"
            | b"u.s"
            | b"u.k"
            | b"u.n"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"approx"
            | b"est"
            | b"fig"
            | b"sr"
            | b"jr"
            | b"bros"
            | b"dept"
            | b"govt"
            | b"univ"
            | b"etc"
            | b"al"
            | b"p"
            | b"pp"
            | b"vol"
            | b"ca"
            | b"cf"
            | b"n\xc2\xb0"
    )
}

/// Split `range` of `text` into sentences. Chinese ends at 。！？； ; English at . ! ? followed
/// by a space and something that can start a sentence, unless the word before is an
/// abbreviation. A line break ends a sentence when the line looks finished (ad copy, lists).
pub fn split_sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_sentences_into(text, range, &mut out);
    out
}

fn split_sentences_into(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let body = &text[range.clone()];
    let bytes = body.as_bytes();
    let base = range.start;
    let mut start = 0;
    let mut i = 0;
    // Only '.', '!', '?', a newline and the lead bytes of 。！？； need a look; two SIMD
    // searches find the next of each kind, and each is redone only once passed.
    let find_a = |from: usize| memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map_or(usize::MAX, |p| from + p);
    let find_b = |from: usize| memchr::memchr3(b'\n', 0xE3, 0xEF, &bytes[from..]).map_or(usize::MAX, |p| from + p);
    let (mut na, mut nb) = (find_a(0), find_b(0));
    loop {
        if na < i {
            na = find_a(i);
        }
        if nb < i {
            nb = find_b(i);
        }
        let at = na.min(nb);
        if at == usize::MAX {
            break;
        }
        i = at;
        let b = bytes[i];
        let mut end = None;
        match b {
            b'!' | b'?' => end = Some(i + 1),
            0xE3 if bytes.get(i + 1..i + 3) == Some(&[0x80, 0x82]) => end = Some(i + 3),
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBC, 0x81 | 0x9F | 0x9B])) => end = Some(i + 3),
            b'.' if ends_english_sentence(body, start, i) => end = Some(i + 1),
            b'\n' => {
                let line_end = body[start..i].trim_end();
                let last = line_end.chars().last();
                let continues = last.is_some_and(|l| {
                    l.is_alphanumeric() && !l.is_uppercase() || l == ',' || l == '，' || l == '-' || l == '、'
                });
                if !continues {
                    end = Some(i);
                }
            }
            _ => {}
        }
        match end {
            Some(mut e) => {
                // Closing quotes and brackets belong to the sentence they close.
                while let Some(q) = body[e..].chars().next() {
                    if matches!(q, '”' | '’' | '"' | '\'' | '）' | ')' | '」' | '』' | '】') {
                        e += q.len_utf8();
                    } else {
                        break;
                    }
                }
                push_trimmed(out, body, base, start, e);
                start = e;
                i = e.max(i + 1);
            }
            None => i += 1,
        }
    }
    push_trimmed(out, body, base, start, body.len());
}

/// A full stop ends a sentence when a space and something that can start one follow, and
/// the word before it is not an abbreviation ("No.", "Inc.", "U.S.") or a decimal.
fn ends_english_sentence(body: &str, start: usize, i: usize) -> bool {
    let rest = &body[i + 1..];
    let Some(next) = rest.chars().next() else { return !is_abbreviation(&body[start..i]) };
    if !matches!(next, ' ' | '\n' | '"' | '”' | '’' | ')') {
        return false;
    }
    let after_space = rest.trim_start_matches([' ', '"', '\'', '”', '’', ')']);
    let starts_sentence = after_space
        .chars()
        .next()
        .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_cjk(n) || n == '"' || n == '“');
    starts_sentence && !is_abbreviation(&body[start..i])
}

fn push_trimmed(out: &mut Vec<Range<usize>>, body: &str, base: usize, start: usize, end: usize) {
    let s = &body[start..end];
    let head = s.trim_start();
    let lead = s.len() - head.len();
    let trimmed = head.trim_end();
    if !trimmed.is_empty() {
        out.push(base + start + lead..base + start + lead + trimmed.len());
    }
}

fn is_abbreviation(before: &str) -> bool {
    // Bytes are enough: every abbreviation is ASCII and at most six bytes long.
    let bytes = before.as_bytes();
    let start = bytes.iter().rposition(|&b| b.is_ascii_whitespace() || b == b'(').map_or(0, |p| p + 1);
    let mut word = &bytes[start..];
    while let [first, rest @ ..] = word {
        if first.is_ascii_alphanumeric() || *first >= 0x80 {
            break;
        }
        word = rest;
    }
    if let [only] = word {
        return only.is_ascii_uppercase(); // an initial: "J. Smith"
    }
    // Initials: "J.D. Power", "U.S. lender".
    if word.len() >= 3
        && word.iter().enumerate().all(|(i, b)| if i % 2 == 0 { b.is_ascii_uppercase() } else { *b == b'.' })
    {
        return true;
    }
    if word.len() > 6 {
        return false;
    }
    let mut lower = [0u8; 6];
    for (l, b) in lower.iter_mut().zip(word) {
        *l = b.to_ascii_lowercase();
    }
    is_abbreviation_word(&lower[..word.len()])
}

/// Clause boundaries inside a sentence: commas, semicolons, colons and dashes.
pub fn clause_bounds(text: &str, sentence: Range<usize>, pos: usize) -> Range<usize> {
    let s = &text[sentence.clone()];
    let rel = pos.saturating_sub(sentence.start).min(s.len());
    let is_sep =
        |c: char| matches!(c, ',' | '，' | ';' | '；' | ':' | '：' | '—' | '–' | '(' | ')' | '（' | '）' | '　');
    let start = s[..rel].rfind(is_sep).map(|i| i + s[i..].chars().next().map_or(1, char::len_utf8)).unwrap_or(0);
    let end = s[rel..].find(is_sep).map(|i| rel + i).unwrap_or(s.len());
    sentence.start + start..sentence.start + end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(t: &str) -> Vec<&str> {
        split_sentences(t, 0..t.len()).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn english_abbreviations_do_not_end_sentences() {
        let t = "Apple was No. 1 in the U.S. market. Samsung was second.";
        assert_eq!(sentences(t), vec!["Apple was No. 1 in the U.S. market.", "Samsung was second."]);
    }

    #[test]
    fn chinese_sentence_ends() {
        let t = "宁德时代位居第一；比亚迪排名第二。两家合计占比超过七成！";
        assert_eq!(sentences(t), vec!["宁德时代位居第一；", "比亚迪排名第二。", "两家合计占比超过七成！"]);
    }

    #[test]
    fn decimals_are_not_sentence_ends() {
        let t = "TSMC held 70.2% of the market. SMIC followed.";
        assert_eq!(sentences(t), vec!["TSMC held 70.2% of the market.", "SMIC followed."]);
    }

    #[test]
    fn ad_lines_without_punctuation_split() {
        let t = "FROM THE NO.1 BRAND*\nRoborock ranked first last year.";
        assert_eq!(sentences(t), vec!["FROM THE NO.1 BRAND*", "Roborock ranked first last year."]);
    }

    #[test]
    fn wrapped_lines_join() {
        let t = "Samsung held a share of\n20% in the quarter.";
        assert_eq!(sentences(t), vec!["Samsung held a share of\n20% in the quarter."]);
    }

    #[test]
    fn markdown_tables_have_a_header_and_read_together() {
        let t = "Intro paragraph with enough words to count as the lead of this document.\n\n| Brand | Share |\n|---|---|\n| Acme | 41% |\n| Orbis | 22% |\n";
        let l = layout_text(t);
        let kinds: Vec<_> = l.blocks.iter().map(|b| (b.kind, b.group)).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Paragraph, None),
                (BlockKind::Heading, Some(1)),
                (BlockKind::TableRow, Some(1)),
                (BlockKind::TableRow, Some(1))
            ]
        );
        assert_eq!(l.paragraph_of(3), 1..4);
    }

    #[test]
    fn title_heading_and_footnote() {
        let t = "Big news today\n\nThe first paragraph says enough to be a lead for the claims. Another one.\n\nHow it started\n\nBody text.\n*Source: IDC, 2024.";
        let l = layout_text(t);
        let kinds: Vec<_> = l.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![BlockKind::Title, BlockKind::Paragraph, BlockKind::Heading, BlockKind::Paragraph, BlockKind::Footnote]
        );
        assert_eq!(l.lead, Some(1));
        assert_eq!(l.sentence_at(t.find("Another").unwrap()), Some(2));
    }
}
