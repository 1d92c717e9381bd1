//! HTML pages: the visible text of the main content as a text view, with every stretch of it
//! mapped back to the raw bytes it came from.
//!
//! html5gum tokenizes with byte spans; this module decides what is content (article/main
//! when the page has one; never scripts, styles, navigation, headers, footers, cookie banners
//! or share widgets), which elements are blocks (title, headings, paragraphs, list items,
//! table rows, quotes, captions), and builds the text view piece by piece so that an entity
//! such as `&amp;` decodes in the text and still maps to its raw bytes.

use crate::document::{Document, OffsetMap, Piece};
use crate::model::Lang;
use crate::segments::{BlockHint, BlockKind};
use html5gum::{DefaultEmitter, Token, Tokenizer};
use std::ops::Range;

/// Elements whose content is never page text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button", "select", "iframe", "object",
    "canvas", "video", "audio", "map", "dialog", "menu",
];

/// class/id words that mark page furniture rather than the story.
const FURNITURE: &[&str] = &[
    "cookie",
    "consent",
    "banner",
    "share",
    "social",
    "breadcrumb",
    "sidebar",
    "subscribe",
    "newsletter",
    "related",
    "comment",
    "advert",
    "promo",
    "navbar",
    "nav-",
    "menu",
    "masthead",
    "site-header",
    "site-footer",
    "skip-link",
    "popup",
    "modal",
];

const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

fn block_kind(name: &str) -> Option<BlockKind> {
    Some(match name {
        "title" => BlockKind::Heading,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "caption" => BlockKind::Heading,
        "p" | "blockquote" | "figcaption" | "dd" | "dt" | "pre" | "address" | "summary" => BlockKind::Paragraph,
        "li" => BlockKind::ListItem,
        "tr" => BlockKind::TableRow,
        _ => return None,
    })
}

/// A link kept with the text it sits in, for citation checks.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub href: String,
    /// The anchor text's range in the text view.
    pub text: Range<usize>,
}

/// A note number set as a superscript (`<sup>3</sup>`): kept out of the text view.
#[derive(Debug, Clone, PartialEq)]
pub struct Superscript {
    /// Where it stood in the text view.
    pub at: usize,
    /// Its digits' bytes in the page.
    pub raw: Range<usize>,
    pub text: String,
}

/// What a page gives besides its text: its declared language and publication date.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageInfo {
    pub lang: Option<String>,
    pub published: Option<String>,
    pub links: Vec<Link>,
}

struct Open {
    name: String,
    skip: bool,
    block: Option<usize>,
}

#[derive(Default)]
struct Builder {
    text: String,
    pieces: Vec<Piece>,
    hints: Vec<BlockHint>,
    /// The block being filled and where its text started.
    current: Option<(BlockKind, usize, Option<usize>, usize)>,
    /// Whether the last thing written was a space (or the block start).
    spaced: bool,
    tables: usize,
}

impl Builder {
    fn open_block(&mut self, kind: BlockKind, group: Option<usize>) {
        self.close_block();
        let separator_at = self.text.len();
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        self.current = Some((kind, self.text.len(), group, separator_at));
        self.spaced = true;
    }

    fn close_block(&mut self) {
        if let Some((kind, start, group, separator_at)) = self.current.take() {
            // Trailing separators are inserted text, so dropping them loses nothing raw.
            while self.text.len() > start
                && self.text.ends_with([' ', '\n', '|'])
                && self.pieces.last().is_none_or(|p| p.text + p.len < self.text.len())
            {
                self.text.pop();
            }
            while self.text.ends_with(' ') && self.text.len() > start {
                // A collapsed whitespace run at the end maps to raw bytes but says nothing.
                match self.pieces.last() {
                    Some(p) if p.decoded && p.text + p.len == self.text.len() && p.len == 1 => {
                        self.pieces.pop();
                        self.text.pop();
                    }
                    _ => break,
                }
            }
            if self.text.len() > start {
                self.hints.push(BlockHint { kind, range: start..self.text.len(), group });
            } else {
                // Nothing was written: take back exactly the separator this block added.
                self.text.truncate(separator_at);
                self.pieces.retain(|p| p.text < separator_at);
            }
        }
    }

    /// A separator inside a block ("<br>", between table cells): text with no raw bytes.
    fn insert(&mut self, s: &str) {
        if self.current.is_some() && !self.spaced {
            self.text.push_str(s);
            self.spaced = true;
        }
    }

    fn verbatim(&mut self, raw_at: usize, s: &str) {
        if let Some(last) = self.pieces.last_mut()
            && !last.decoded
            && last.text + last.len == self.text.len()
            && last.raw + last.raw_len == raw_at
        {
            last.len += s.len();
            last.raw_len += s.len();
            self.text.push_str(s);
            self.spaced = false;
            return;
        }
        self.pieces.push(Piece { text: self.text.len(), raw: raw_at, len: s.len(), decoded: false, raw_len: s.len() });
        self.text.push_str(s);
        self.spaced = false;
    }

    fn decoded(&mut self, raw: Range<usize>, s: &str) {
        self.pieces.push(Piece {
            text: self.text.len(),
            raw: raw.start,
            len: s.len(),
            decoded: true,
            raw_len: raw.len(),
        });
        self.text.push_str(s);
        self.spaced = s.ends_with(' ');
    }

    /// Text from the raw page: whitespace runs collapse to one space, entities decode.
    fn text_run(&mut self, raw: &str, span: Range<usize>) {
        if self.current.is_none() {
            return;
        }
        let Some(slice) = raw.get(span.clone()) else { return };
        let mut i = 0;
        while i < slice.len() {
            let rest = &slice[i..];
            let c = rest.chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                let run = rest.len() - rest.trim_start().len();
                if !self.spaced {
                    self.decoded(span.start + i..span.start + i + run, " ");
                }
                i += run;
                continue;
            }
            if c == '&'
                && let Some(len) = entity_len(rest)
            {
                let ent = &rest[..len];
                let dec = html_escape::decode_html_entities(ent);
                if dec != ent {
                    let out = if dec.chars().all(char::is_whitespace) { " " } else { dec.as_ref() };
                    if out != " " || !self.spaced {
                        self.decoded(span.start + i..span.start + i + len, out);
                    }
                    i += len;
                    continue;
                }
            }
            let run = rest.find(|ch: char| ch.is_whitespace() || ch == '&').filter(|&n| n > 0).unwrap_or(rest.len());
            let run = if run == 0 { c.len_utf8() } else { run };
            self.verbatim(span.start + i, &rest[..run]);
            i += run;
        }
    }
}

/// Length of a character reference at the start of `s` (`&amp;`, `&#12290;`, `&#x3002;`).
fn entity_len(s: &str) -> Option<usize> {
    let body = s.get(1..)?;
    let end = body.find(';')?;
    if end == 0 || end > 32 {
        return None;
    }
    let name = &body[..end];
    let ok = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '#');
    ok.then_some(end + 2)
}

fn attr(tag: &html5gum::StartTag<usize>, name: &str) -> Option<String> {
    tag.attributes.get(name.as_bytes()).map(|v| String::from_utf8_lossy(&v.value).into_owned())
}

/// An attribute's value with where it stands in the page.
/// The tokenizer's span covers the whole attribute (`content="2025-10-28"`); the value is
/// its quoted tail, found within that span only.
fn attr_at(raw: &str, tag: &html5gum::StartTag<usize>, name: &str) -> Option<(String, Range<usize>)> {
    let v = tag.attributes.get(name.as_bytes())?;
    let text = String::from_utf8_lossy(&v.value).trim().to_string();
    if text.is_empty() {
        return None;
    }
    let whole = v.span.start..v.span.end.min(raw.len());
    let at = raw.get(whole.clone()).and_then(|a| a.rfind(text.as_str())).map(|i| whole.start + i);
    Some((text.clone(), at.map_or(0..0, |i| i..i + text.len())))
}

fn is_furniture(tag: &html5gum::StartTag<usize>) -> bool {
    let marks = [attr(tag, "class"), attr(tag, "id"), attr(tag, "role")];
    marks.iter().flatten().any(|m| {
        let m = m.to_ascii_lowercase();
        FURNITURE.iter().any(|f| m.contains(f)) || m == "navigation" || m == "banner" || m == "contentinfo"
    })
}

/// Read an HTML page into a document whose spans point into `raw`.
pub fn read(raw: String) -> (Document, PageInfo) {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let tokens: Vec<Token<usize>> = Tokenizer::new_with_emitter(raw.as_str(), emitter).flatten().collect();
    let has_main =
        tokens.iter().any(|t| matches!(t, Token::StartTag(s) if matches!(&s.name[..], b"article" | b"main")));
    let mut info = PageInfo::default();
    let mut dated: Option<(String, Range<usize>)> = None;
    let mut b = Builder::default();
    let mut stack: Vec<Open> = Vec::new();
    let mut in_main = 0usize;
    let mut link: Option<(String, usize)> = None;
    // An open <sup> that may be a note number: where it stands in the text, and what of it
    // was kept out of the text (its raw span and its digits).
    let mut sup: Option<(usize, bool, Option<Range<usize>>, String)> = None;
    let mut sups: Vec<Superscript> = Vec::new();
    for token in &tokens {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                let skipping = stack.last().is_some_and(|o| o.skip);
                match name.as_str() {
                    "html" => info.lang = attr(tag, "lang"),
                    "meta" => {
                        let key =
                            attr(tag, "name").or_else(|| attr(tag, "property")).unwrap_or_default().to_lowercase();
                        if matches!(key.as_str(), "date" | "article:published_time" | "pubdate" | "publish-date") {
                            dated = dated.take().or_else(|| attr_at(&raw, tag, "content"));
                        }
                    }
                    "time" => dated = dated.take().or_else(|| attr_at(&raw, tag, "datetime")),
                    "br" => b.insert("\n"),
                    "td" | "th" => b.insert(" | "),
                    "a" => link = attr(tag, "href").map(|h| (h, b.text.len())),
                    // After a digit a superscript is an exponent (10⁶), not a note.
                    "sup" => {
                        let exponent = b.text.ends_with(|c: char| c.is_ascii_digit());
                        sup = Some((b.text.len(), !exponent, None, String::new()));
                    }
                    _ => {}
                }
                if tag.self_closing || VOID.contains(&name.as_str()) {
                    continue;
                }
                if matches!(name.as_str(), "article" | "main") {
                    in_main += 1;
                }
                let outside_main = has_main && in_main == 0 && name != "title";
                let furniture = SKIP.contains(&name.as_str())
                    || (matches!(name.as_str(), "header" | "footer") && in_main == 0)
                    || is_furniture(tag);
                let in_head = stack.iter().any(|o| o.name == "head") && name != "title";
                let skip = skipping || furniture || in_head || (outside_main && block_kind(&name).is_some());
                let mut block = None;
                if !skip && let Some(kind) = block_kind(&name) {
                    // A table row groups with its table: caption and header rows are its context.
                    let group = (kind == BlockKind::TableRow || name == "caption").then_some(b.tables);
                    let kind = if name == "h1" && !b.hints.iter().any(|h| h.kind == BlockKind::Title) {
                        BlockKind::Title
                    } else {
                        kind
                    };
                    b.open_block(kind, group);
                    block = Some(b.hints.len());
                }
                stack.push(Open { name, skip, block });
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "table" {
                    b.tables += 1;
                }
                if name == "sup"
                    && let Some((at, true, Some(raw), text)) = sup.take()
                {
                    sups.push(Superscript { at, raw, text });
                }
                if name == "a"
                    && let Some((href, start)) = link.take()
                    && b.text.len() > start
                {
                    info.links.push(Link { href, text: start..b.text.len() });
                }
                // Close up to the matching element; a stray end tag closes nothing.
                if let Some(pos) = stack.iter().rposition(|o| o.name == name) {
                    for open in stack.drain(pos..).rev() {
                        if open.block.is_some() {
                            b.close_block();
                        }
                        if matches!(open.name.as_str(), "article" | "main") {
                            in_main = in_main.saturating_sub(1);
                        }
                    }
                }
            }
            Token::String(s) => {
                if stack.last().is_some_and(|o| o.skip) {
                    continue;
                }
                if b.current.is_none() {
                    // Loose text in a container (a bare <div>) is a paragraph of its own.
                    let visible = !(stack.iter().any(|o| o.name == "head") || has_main && in_main == 0);
                    if !visible || blank(&s.value) {
                        continue;
                    }
                    b.open_block(BlockKind::Paragraph, None);
                    if let Some(o) = stack.last_mut() {
                        o.block = Some(b.hints.len());
                    }
                }
                // A note number stays out of the text, so "第一<sup>1</sup>" still reads "第一";
                // its raw bytes are kept for the citation.
                if let Some((_, note, kept, digits)) = sup.as_mut()
                    && *note
                {
                    let value = String::from_utf8_lossy(&s.value);
                    if value
                        .trim()
                        .chars()
                        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '–' | '[' | ']' | ' '))
                    {
                        let span = s.span.start..s.span.end;
                        *kept = Some(kept.as_ref().map_or(span.clone(), |k| k.start..span.end));
                        digits.push_str(&value);
                        continue;
                    }
                    *note = false;
                }
                b.text_run(&raw, s.span.start..s.span.end);
            }
            _ => {}
        }
    }
    b.close_block();
    let lang = info.lang.as_deref().map(|l| l.to_ascii_lowercase());
    // A value is only where it says it is if the raw bytes there are that value (an entity
    // inside it would differ): otherwise the date is kept without a place.
    info.published = dated.as_ref().map(|(v, _)| v.clone());
    let dated = dated.filter(|(v, r)| raw.get(r.clone()).is_some_and(|s| s.trim() == v.as_str()));
    let mut doc = Document::from_parts(raw, b.text, OffsetMap::Pieces(b.pieces), b.hints);
    doc.dateline = dated;
    doc.links = info.links.clone();
    doc.superscripts = sups;
    if let Some(l) = lang {
        if l.starts_with("zh") && doc.lang == Lang::En || l.starts_with("en") && doc.lang == Lang::Zh {
            doc.lang = Lang::Mixed;
        } else if l.starts_with("zh") {
            doc.lang = if doc.lang == Lang::Mixed { Lang::Mixed } else { Lang::Zh };
        }
    }
    (doc, info)
}

/// Whitespace only, a byte-order mark counted as whitespace.
fn blank(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF".as_slice()).unwrap_or(bytes);
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// Does this look like an HTML page? A file's extension decides first; stdin and URLs sniff.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let s = String::from_utf8_lossy(head).trim_start_matches('\u{feff}').trim_start().to_ascii_lowercase();
    s.starts_with("<!doctype html") || s.starts_with("<html") || s.starts_with("<head") || s.starts_with("<body")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_spans(doc: &Document) {
        for h in &doc.layout.blocks {
            let span = doc.span(h.range.clone());
            assert!(doc.raw().is_char_boundary(span.start) && doc.raw().is_char_boundary(span.end));
        }
    }

    #[test]
    fn visible_text_only_with_entities_mapped() {
        let raw = "<html lang=\"en\"><head><title>Acme | News</title><script>var x = \"No. 1\";</script></head>\
                   <body><nav><a href=\"/\">Home</a></nav><article><h1>Acme tops &amp; leads</h1>\
                   <p>Acme held a 31.5%&nbsp;share.</p><footer>© Acme</footer></article></body></html>"
            .to_string();
        let (doc, info) = read(raw);
        assert!(!doc.text.contains("No. 1"), "{}", doc.text);
        assert!(!doc.text.contains("Home"), "{}", doc.text);
        assert!(doc.text.contains("Acme tops & leads"), "{}", doc.text);
        assert!(doc.text.contains("31.5% share."), "{}", doc.text);
        assert_eq!(info.lang.as_deref(), Some("en"));
        let at = doc.text.find("& leads").unwrap();
        let span = doc.span(at..at + 1);
        assert_eq!(&doc.raw()[span.start..span.end], "&amp;");
        let at = doc.text.find("31.5%").unwrap();
        let span = doc.span(at..at + 5);
        assert_eq!(&doc.raw()[span.start..span.end], "31.5%");
        check_spans(&doc);
    }

    #[test]
    fn table_rows_keep_cells_together() {
        let raw = "<table><caption>Share by year</caption><tr><th>Year</th><th>Share</th></tr>\
                   <tr><td>2024</td><td>41%</td></tr></table>"
            .to_string();
        let (doc, _) = read(raw);
        let rows: Vec<&str> = doc.layout.blocks.iter().map(|b| &doc.text[b.range.clone()]).collect();
        assert_eq!(rows, vec!["Share by year", "Year | Share", "2024 | 41%"]);
        assert!(doc.layout.blocks.iter().all(|b| b.group == Some(0)));
    }

    #[test]
    fn empty_block_after_a_line_break_keeps_earlier_ranges() {
        // Fuzzing found this: taking back an empty block's separator also took the line break
        // that ended the block before it, leaving that block's range past the end of the text.
        let (doc, _) = read("<p>Acme leads<br></p><p> </p><h1></h1><p>Orbis is second</p>".to_string());
        for b in &doc.layout.blocks {
            assert!(b.range.end <= doc.text.len());
        }
        assert_eq!(doc.text, "Acme leads\n\nOrbis is second");
    }

    #[test]
    fn the_publication_date_is_a_dateline_with_its_place() {
        let raw = "<html><head><meta property=\"article:published_time\" content=\"2025-10-28\"></head>\
                   <body><p>Acme is No. 1.</p><time datetime=\"2024-01-01\">old</time></body></html>"
            .to_string();
        let (doc, info) = read(raw.clone());
        assert_eq!(info.published.as_deref(), Some("2025-10-28"));
        let (text, at) = doc.dateline.clone().expect("a dateline");
        assert_eq!(text, "2025-10-28");
        assert_eq!(&raw[at], "2025-10-28");
    }

    #[test]
    fn numeric_entities_decode() {
        let (doc, _) = read("<p>第一&#12290;第二</p>".to_string());
        assert_eq!(doc.text, "第一。第二");
        let at = doc.text.find('。').unwrap();
        let span = doc.span(at..at + '。'.len_utf8());
        assert_eq!(&doc.raw()[span.start..span.end], "&#12290;");
    }
}
