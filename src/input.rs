//! From the bytes of an input to a [`Document`]: binary inputs refused, byte-order marks and
//! legacy Chinese encodings (GBK, GB18030, Big5) decoded, HTML told from text. No I/O: the
//! caller reads the file, the stream or the HTTP body and says what it knows about it.
//!
//! Spans stay exact: a UTF-8 input is the document's `raw` as is (a byte-order mark too, so
//! offsets are file offsets); any other encoding is transcoded once and spans then refer to
//! the UTF-8 transcoding, which the notices say.

use crate::document::{Document, OffsetMap, Piece};
use encoding_rs::Encoding;

/// What the caller knows about an input before it is read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// An encoding the user named (`--encoding`): it overrides everything else.
    pub encoding: Option<&'static Encoding>,
    /// The charset a transport declared (an HTTP Content-Type parameter).
    pub charset: Option<String>,
    /// Whether the input is HTML; `None` sniffs the bytes.
    pub html: Option<bool>,
}

/// An input read: the document, what the reader should know about how it was read, and the
/// reason it was not scanned at all (a binary file).
#[derive(Debug)]
pub struct Loaded {
    pub doc: Document,
    pub notices: Vec<String>,
    pub skipped: Option<String>,
    /// The encoding the bytes were read in.
    pub encoding: &'static Encoding,
    /// For HTML: the page's declared language, publication date and links.
    pub page: Option<crate::html::PageInfo>,
}

/// Looks up an encoding by any of its WHATWG labels ("gbk", "gb2312", "big5", "utf-16le").
pub fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    Encoding::for_label(label.trim().as_bytes())
}

/// Reads an input's bytes into a document.
pub fn load(bytes: Vec<u8>, opts: &ReadOptions) -> Loaded {
    let bom = Encoding::for_bom(&bytes);
    // A UTF-16 text is full of NULs: only a mark (or the user) says it is one.
    let utf16 = |e: &'static Encoding| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE;
    let wide = opts.encoding.map_or(bom.is_some_and(|(e, _)| utf16(e)), utf16);
    if !wide && let Some(kind) = binary_kind(&bytes) {
        return Loaded {
            doc: Document::from_text(String::new()),
            notices: Vec::new(),
            skipped: Some(format!("binary file ({kind})")),
            encoding: encoding_rs::UTF_8,
            page: None,
        };
    }
    let mut notices = Vec::new();
    let (encoding, why) = choose(&bytes, bom, opts);
    let is_html = opts.html.unwrap_or_else(|| crate::html::looks_like_html(&bytes));
    let (raw, skip) = if encoding == encoding_rs::UTF_8 {
        let skip = if bom.is_some_and(|(e, _)| e == encoding_rs::UTF_8) { 3 } else { 0 };
        match String::from_utf8(bytes) {
            Ok(t) => (t, skip),
            Err(e) => {
                let bytes = e.into_bytes();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let bad = text.matches('\u{FFFD}').count();
                notices.push(format!(
                    "invalid UTF-8: {bad} sequence(s) replaced with U+FFFD; spans refer to the repaired text"
                ));
                (text, skip)
            }
        }
    } else {
        let skip = bom.filter(|(e, _)| *e == encoding).map_or(0, |(_, n)| n);
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[skip..]);
        let mut note = format!("decoded from {} ({why}); spans refer to the UTF-8 transcoding", encoding.name());
        if had_errors {
            note.push_str("; bytes invalid in that encoding were replaced with U+FFFD");
        }
        notices.push(note);
        (text.into_owned(), 0)
    };
    let (doc, page) = if is_html {
        let (doc, page) = crate::html::read(raw);
        (doc, Some(page))
    } else if skip > 0 {
        (after_mark(raw, skip), None)
    } else {
        (Document::from_text(raw), None)
    };
    Loaded { doc, notices, skipped: None, encoding, page }
}

/// A UTF-8 text behind a byte-order mark: the mark stays in `raw`, so spans are file
/// offsets, and stays out of the text the rules read.
fn after_mark(raw: String, skip: usize) -> Document {
    let text = raw[skip..].to_string();
    let len = text.len();
    let piece = Piece { text: 0, raw: skip, len, decoded: false, raw_len: len };
    Document::from_parts_text(raw, text, OffsetMap::Pieces(vec![piece]))
}

/// The encoding to read `bytes` in, and why.
fn choose(
    bytes: &[u8],
    bom: Option<(&'static Encoding, usize)>,
    opts: &ReadOptions,
) -> (&'static Encoding, &'static str) {
    if let Some(e) = opts.encoding {
        return (e, "named with --encoding");
    }
    if let Some((e, _)) = bom {
        return (e, "byte-order mark");
    }
    // Mislabelled pages are common; GBK text that happens to be valid UTF-8 is not.
    if std::str::from_utf8(bytes).is_ok() {
        return (encoding_rs::UTF_8, "valid UTF-8");
    }
    let declared = opts.charset.as_deref().and_then(encoding_for_label).map(|e| (e, "declared by the server"));
    let declared = declared.or_else(|| meta_charset(bytes).map(|e| (e, "declared by the page")));
    if let Some((e, why)) = declared.filter(|(e, _)| *e != encoding_rs::UTF_8) {
        return (e.output_encoding(), why);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Only the double-byte encodings are worth a guess: a stray byte in otherwise English
    // text is damaged UTF-8 more often than it is Latin-1, and is repaired and reported.
    let double_byte = [
        encoding_rs::GBK,
        encoding_rs::GB18030,
        encoding_rs::BIG5,
        encoding_rs::SHIFT_JIS,
        encoding_rs::EUC_JP,
        encoding_rs::EUC_KR,
    ];
    if double_byte.contains(&guess) && guess.decode_without_bom_handling_and_without_replacement(bytes).is_some() {
        return (guess, "detected");
    }
    (encoding_rs::UTF_8, "invalid UTF-8")
}

/// `<meta charset=...>` or `<meta http-equiv="Content-Type" content="...; charset=...">` in
/// the first 1024 bytes, as the HTML prescan looks for it.
fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let at = head.find("charset")?;
    let rest = head[at + "charset".len()..].trim_start().strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(rest.len());
    encoding_for_label(&rest[..end])
}

/// Why bytes are not text: a NUL near the start, or the signature of a common binary format.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 6] = [
        (b"%PDF-", "PDF"),
        (b"\x89PNG", "PNG image"),
        (b"GIF8", "GIF image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"PK\x03\x04", "ZIP archive"),
        (b"\x1F\x8B", "gzip data"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Some(kind);
    }
    let head = &bytes[..bytes.len().min(8192)];
    memchr::memchr(0, head).map(|_| "NUL bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: Vec<u8>) -> Loaded {
        load(bytes, &ReadOptions::default())
    }

    #[test]
    fn gbk_text_is_detected_and_transcoded() {
        let text = "据IDC数据，海川以23.4%的份额位居中国平板市场第一。海川的出货量同比增长12%。";
        let (bytes, _, _) = encoding_rs::GBK.encode(text);
        let l = read(bytes.into_owned());
        assert_eq!(l.doc.raw(), text);
        assert!(l.encoding == encoding_rs::GBK || l.encoding == encoding_rs::GB18030, "{}", l.encoding.name());
        assert!(l.notices[0].contains("UTF-8 transcoding"), "{:?}", l.notices);
    }

    #[test]
    fn a_named_encoding_wins() {
        let text = "市佔率達31.2%，位居台灣筆電市場第一。";
        let (bytes, _, _) = encoding_rs::BIG5.encode(text);
        let opts = ReadOptions { encoding: encoding_for_label("big5"), ..ReadOptions::default() };
        let l = load(bytes.into_owned(), &opts);
        assert_eq!(l.doc.raw(), text);
        assert!(l.notices[0].contains("--encoding"));
    }

    #[test]
    fn utf16_with_a_mark_is_text_not_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Acme held 31% of the market.".encode_utf16().flat_map(u16::to_le_bytes));
        let l = read(bytes);
        assert!(l.skipped.is_none());
        assert_eq!(l.doc.raw(), "Acme held 31% of the market.");
        assert_eq!(l.encoding, encoding_rs::UTF_16LE);
    }

    #[test]
    fn a_utf8_mark_stays_in_raw_and_out_of_the_text() {
        let l = read(b"\xEF\xBB\xBFAcme held 31% of the market.".to_vec());
        assert_eq!(l.doc.text, "Acme held 31% of the market.");
        assert!(l.doc.raw().starts_with('\u{feff}'));
        assert!(l.notices.is_empty());
        let span = l.doc.span(10..13);
        assert_eq!(l.doc.raw_slice(&span), "31%");
        assert_eq!(span.start, 13);
    }

    #[test]
    fn a_page_declaring_its_charset_is_read_in_it() {
        let page =
            "<html><head><meta charset=\"gb18030\"><title>报告</title></head><body><p>份额为23.4%</p></body></html>";
        let (bytes, _, _) = encoding_rs::GB18030.encode(page);
        let l = read(bytes.into_owned());
        assert_eq!(l.encoding, encoding_rs::GB18030);
        assert!(l.page.is_some());
        assert!(l.doc.text.contains("份额为23.4%"));
    }

    #[test]
    fn binary_inputs_are_skipped_with_a_reason() {
        assert_eq!(read(b"%PDF-1.7\n...".to_vec()).skipped.as_deref(), Some("binary file (PDF)"));
        assert_eq!(read(b"ab\0cd".to_vec()).skipped.as_deref(), Some("binary file (NUL bytes)"));
        assert!(read(Vec::new()).skipped.is_none());
    }

    #[test]
    fn invalid_utf8_in_mostly_utf8_text_is_repaired_and_noted() {
        let l = read(b"Acme held 31% \xFF of the market.".to_vec());
        assert_eq!(l.encoding, encoding_rs::UTF_8);
        assert!(l.notices[0].contains("invalid UTF-8"), "{:?}", l.notices);
    }
}
