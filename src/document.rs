//! A document as the scanner sees it: the bytes as read, the UTF-8 text view the rules run
//! on, the map from text offsets back to input offsets, and its layout.
//!
//! Spans are found in the text view and carried out through the map, so every span in the
//! output points at bytes of the input as read; nothing is ever re-located by searching.

use crate::model::{Lang, Span};
use crate::segments::{self, BlockHint, Layout};

/// A stretch of the text view copied verbatim from the input at `raw`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece {
    pub text: usize,
    pub raw: usize,
    pub len: usize,
    /// True when the text bytes are a decoding of the raw bytes (an entity such as `&amp;`),
    /// so offsets inside it map to the whole raw range.
    pub decoded: bool,
    pub raw_len: usize,
}

#[derive(Debug, Clone, Default)]
pub enum OffsetMap {
    /// The text view is the input itself.
    #[default]
    Identity,
    /// Pieces in text order; text between pieces (inserted separators) maps to the next piece.
    Pieces(Vec<Piece>),
}

impl OffsetMap {
    /// Map a text-view range to an input range. Starts map forward, ends map backward, so a
    /// span never swallows markup it did not contain.
    pub fn to_raw(&self, start: usize, end: usize) -> (usize, usize) {
        match self {
            OffsetMap::Identity => (start, end),
            OffsetMap::Pieces(pieces) => (map_start(pieces, start), map_end(pieces, end).max(map_start(pieces, start))),
        }
    }
}

fn map_start(pieces: &[Piece], pos: usize) -> usize {
    let i = pieces.partition_point(|p| p.text + p.len <= pos);
    match pieces.get(i) {
        Some(p) if pos >= p.text => {
            if p.decoded {
                p.raw
            } else {
                p.raw + (pos - p.text)
            }
        }
        Some(p) => p.raw,
        None => pieces.last().map_or(0, |p| p.raw + p.raw_len),
    }
}

fn map_end(pieces: &[Piece], pos: usize) -> usize {
    let i = pieces.partition_point(|p| p.text < pos);
    match i.checked_sub(1).and_then(|j| pieces.get(j)) {
        Some(p) if pos <= p.text + p.len => {
            if p.decoded {
                p.raw + p.raw_len
            } else {
                p.raw + (pos - p.text)
            }
        }
        Some(p) => p.raw + p.raw_len,
        None => pieces.first().map_or(0, |p| p.raw),
    }
}

/// Line starts of the input as read, for 1-based line and character columns. Every call on one
/// index must pass the same input.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Where each line starts, found when a span is first asked for: most documents in a
    /// stream hold no claim and never need it.
    starts: std::sync::OnceLock<Vec<usize>>,
}

impl LineIndex {
    pub fn new() -> LineIndex {
        LineIndex::default()
    }

    fn starts(&self, raw: &str) -> &[usize] {
        self.starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(memchr::memchr_iter(b'\n', raw.as_bytes()).map(|i| i + 1));
            starts
        })
    }

    pub fn line_col(&self, raw: &str, offset: usize) -> (usize, usize) {
        let starts = self.starts(raw);
        let line = starts.partition_point(|&s| s <= offset);
        let start = starts[line.saturating_sub(1)];
        // A byte-order mark opens the file but is no character an editor shows.
        let start = if start == 0 && raw.starts_with('\u{feff}') && offset >= 3 { 3 } else { start };
        let col = raw.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    pub fn line_range(&self, raw: &str, line: usize) -> std::ops::Range<usize> {
        let starts = self.starts(raw);
        let start = starts.get(line.saturating_sub(1)).copied().unwrap_or(raw.len());
        let end = starts.get(line).map_or(raw.len(), |&e| e.saturating_sub(1));
        start..end.max(start)
    }
}

#[derive(Debug, Clone)]
pub struct Document {
    /// The input as read (for a transcoded input, its UTF-8 transcoding), when it is not the
    /// text view itself: see [`Document::raw`].
    raw: Option<String>,
    /// The text view: the input itself for text, the visible text for HTML. Tags quote it.
    pub text: String,
    /// The text view with Traditional Chinese folded to Simplified, byte for byte, when it
    /// holds any: what the rules and lexicons read. See [`Document::match_text`].
    pub folded: Option<String>,
    pub map: OffsetMap,
    pub layout: Layout,
    pub lines: LineIndex,
    pub lang: Lang,
    /// A date the input gives outside its text (a page's publication date) and where in
    /// `raw` it is written: document context for the period, as a printed dateline is.
    pub dateline: Option<(String, std::ops::Range<usize>)>,
    /// Links a reader found in markup (HTML `<a href>`), with their anchor text's range in
    /// the text view. Links written in the text itself (Markdown, bare URLs) are read there.
    pub links: Vec<crate::html::Link>,
    /// Note numbers set as superscripts in markup (`<sup>3</sup>`), kept out of the text.
    pub superscripts: Vec<crate::html::Superscript>,
}

impl Document {
    /// Plain text or Markdown read as text: the text view is the input.
    pub fn from_text(raw: String) -> Document {
        let layout = segments::layout_text(&raw);
        Document::assemble(None, raw, OffsetMap::Identity, layout)
    }

    /// Plain text read from part of `raw` (after a byte-order mark): laid out as text, spans
    /// mapped back into `raw`.
    pub fn from_parts_text(raw: String, text: String, map: OffsetMap) -> Document {
        let layout = segments::layout_text(&text);
        Document::assemble(Some(raw), text, map, layout)
    }

    /// A structured reader's output: a text view, its map into `raw`, and block hints.
    pub fn from_parts(raw: String, text: String, map: OffsetMap, hints: Vec<BlockHint>) -> Document {
        let layout = segments::layout_blocks(&text, hints);
        Document::assemble(Some(raw), text, map, layout)
    }

    /// What every reader shares once the text view is laid out: its language and its fold.
    fn assemble(raw: Option<String>, text: String, map: OffsetMap, layout: Layout) -> Document {
        let lang = detect_lang(&text);
        let folded = crate::fold::fold(&text);
        Document {
            raw,
            text,
            folded,
            map,
            layout,
            lines: LineIndex::new(),
            lang,
            dateline: None,
            links: Vec::new(),
            superscripts: Vec::new(),
        }
    }

    /// The input as read (for a transcoded input, its UTF-8 transcoding): spans point into it.
    /// For plain text it is the text view, kept once.
    pub fn raw(&self) -> &str {
        self.raw.as_deref().unwrap_or(&self.text)
    }

    /// The input as read, the document given up for it.
    pub fn into_raw(self) -> String {
        self.raw.unwrap_or(self.text)
    }

    /// What rules, lexicons and cues read: the text view, with Traditional Chinese folded to
    /// Simplified. It has the text view's length and character boundaries, so a range found
    /// in it is a range of the text view.
    pub fn match_text(&self) -> &str {
        self.folded.as_deref().unwrap_or(&self.text)
    }

    /// A text-view range as an output span into the input.
    pub fn span(&self, range: std::ops::Range<usize>) -> Span {
        let (start, end) = self.map.to_raw(range.start, range.end);
        let (line, column) = self.lines.line_col(self.raw(), start);
        Span { start, end, line, column }
    }

    /// A range of `raw` as an output span.
    pub fn raw_span(&self, range: std::ops::Range<usize>) -> Span {
        let (line, column) = self.lines.line_col(self.raw(), range.start);
        Span { start: range.start, end: range.end, line, column }
    }

    /// The input slice at a span, exactly as the contract's `text` field wants it.
    pub fn raw_slice(&self, span: &Span) -> &str {
        self.raw().get(span.start..span.end).unwrap_or("")
    }
}

/// `zh` when Han characters dominate the letters, `en` when Latin letters do, else `mixed`.
pub fn detect_lang(text: &str) -> Lang {
    // The first 2 KiB say which language a document is in.
    let c = ScriptCounts::of(&text[..floor_boundary(text, 1 << 11)]);
    // A Han character carries about as much as a short English word.
    let han_weight = c.han * 4;
    if han_weight == 0 && c.latin == 0 {
        Lang::En
    } else if han_weight >= c.latin * 4 {
        Lang::Zh
    } else if c.latin >= han_weight * 4 {
        Lang::En
    } else {
        Lang::Mixed
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Han characters and Latin letters in a text.
#[derive(Debug, Clone, Copy, Default)]
pub struct ScriptCounts {
    pub han: usize,
    pub latin: usize,
}

impl ScriptCounts {
    /// Counted on bytes in one pass the compiler vectorises: a three-byte sequence led by
    /// 0xE3..=0xE9 is (almost always) Han.
    pub fn of(text: &str) -> ScriptCounts {
        let (mut han, mut latin) = (0usize, 0usize);
        // Byte-wide counters over stretches that cannot overflow them: the compiler then
        // works on a register's worth of bytes at once.
        for chunk in text.as_bytes().chunks(255) {
            let (mut h, mut l) = (0u8, 0u8);
            for &b in chunk {
                h += u8::from(b.wrapping_sub(0xE3) <= 6);
                l += u8::from((b | 0x20).wrapping_sub(b'a') < 26);
            }
            han += usize::from(h);
            latin += usize::from(l);
        }
        ScriptCounts { han, latin }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_map_both_ends() {
        // raw: "<p>A &amp; B</p>", text: "A & B"
        let pieces = vec![
            Piece { text: 0, raw: 3, len: 2, decoded: false, raw_len: 2 },
            Piece { text: 2, raw: 5, len: 1, decoded: true, raw_len: 5 },
            Piece { text: 3, raw: 10, len: 2, decoded: false, raw_len: 2 },
        ];
        let map = OffsetMap::Pieces(pieces);
        assert_eq!(map.to_raw(0, 5), (3, 12));
        assert_eq!(map.to_raw(2, 3), (5, 10));
        assert_eq!(map.to_raw(4, 5), (11, 12));
    }

    #[test]
    fn line_and_char_columns() {
        let raw = "第一行\n市场份额46.4%";
        let idx = LineIndex::new();
        let off = raw.find("46.4").unwrap();
        assert_eq!(idx.line_col(raw, off), (2, 5));
    }

    #[test]
    fn languages() {
        assert_eq!(detect_lang("Apple was No. 1 in smartphones."), Lang::En);
        assert_eq!(detect_lang("宁德时代以48.2%的占比位居第一。"), Lang::Zh);
        assert_eq!(detect_lang("IDC data show that 阿里云 leads the Chinese cloud market."), Lang::Mixed);
    }
}
