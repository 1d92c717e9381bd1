//! Traditional Chinese read as Simplified, byte for byte.
//!
//! Rules and lexicons are written in Simplified Chinese, while releases from Taiwan and Hong
//! Kong write 市佔率, 營收 and 出貨量. Each Traditional character becomes its Simplified form
//! (OpenCC's Traditional-to-Simplified table, one character at a time). Both forms are three
//! bytes of UTF-8 wherever the table is used, so the folded view keeps every byte offset of
//! the text it folds: spans found in it point at the same bytes of the text as written.

use ferrous_opencc::OpenCC;
use ferrous_opencc::config::BuiltinConfig;
use std::sync::OnceLock;

/// The Basic Multilingual Plane as bits: which three-byte characters fold.
const WORDS: usize = 0x1_0000 / 64;

/// The CJK blocks OpenCC's table maps from: Extension A, the Unified Ideographs and the
/// Compatibility Ideographs.
const RANGES: [std::ops::Range<u32>; 3] = [0x3400..0x4DC0, 0x4E00..0xA000, 0xF900..0xFB00];

struct Table {
    /// A bit per code point, by its first two bytes' payload (a row of 64) and its last's.
    folds: Box<[u64; WORDS]>,
    /// The Simplified form of each code point that folds, by code point (0: none).
    to: Box<[u16]>,
}

impl Table {
    fn build() -> Table {
        let mut table = Table { folds: Box::new([0; WORDS]), to: vec![0; 0x1_0000].into_boxed_slice() };
        // Without its dictionary the view is simply not folded.
        let Ok(cc) = OpenCC::from_config(BuiltinConfig::T2s) else { return table };
        let mut buf = [0u8; 4];
        for cp in RANGES.into_iter().flatten() {
            let Some(c) = char::from_u32(cp) else { continue };
            let from = c.encode_utf8(&mut buf);
            let to = cc.convert(from);
            // Only a same-length, one-character answer keeps the offsets.
            if to.len() == 3
                && to != *from
                && let Some(t) = to.chars().next()
            {
                table.folds[cp as usize / 64] |= 1 << (cp % 64);
                table.to[cp as usize] = t as u16;
            }
        }
        table
    }

    fn get() -> &'static Table {
        static TABLE: OnceLock<Table> = OnceLock::new();
        TABLE.get_or_init(Table::build)
    }

    /// Whether the three-byte character `b0 b1 b2` folds: its first two bytes pick a row of
    /// 64 code points, its last the bit.
    fn folds(&self, b0: u8, b1: u8, b2: u8) -> bool {
        let row = (usize::from(b0 & 0x0F) << 6) | usize::from(b1 & 0x3F);
        self.folds[row] >> (b2 & 0x3F) & 1 == 1
    }

    /// Where the first character that folds starts, if any.
    fn first(&self, bytes: &[u8]) -> Option<usize> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let mut i = 0;
        while i + 2 < bytes.len() {
            let b = bytes[i];
            // In UTF-8 every byte from 0xE0 to 0xEF leads a three-byte character: Chinese text
            // is mostly those.
            if b & 0xF0 == 0xE0 {
                if self.folds(b, bytes[i + 1], bytes[i + 2]) {
                    return Some(i);
                }
                i += 3;
            } else if b < 0x80 {
                // Eight ASCII bytes at a time: English text is mostly that.
                let ascii8 = bytes
                    .get(i..i + 8)
                    .is_some_and(|w| u64::from_le_bytes(w.try_into().expect("eight bytes")) & HIGH == 0);
                i += if ascii8 { 8 } else { 1 };
            } else {
                i += 1;
            }
        }
        None
    }
}

/// The text with every Traditional character folded to its Simplified form, or `None` when
/// it holds none: the same length, with the same character boundaries.
pub fn fold(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    // ASCII text, the commonest, holds nothing to fold.
    if bytes.is_ascii() {
        return None;
    }
    let table = Table::get();
    let first = table.first(bytes)?;
    let mut out = bytes.to_vec();
    let mut i = first;
    while i + 2 < out.len() {
        if out[i] & 0xF0 == 0xE0 {
            if table.folds(out[i], out[i + 1], out[i + 2]) {
                let cp = (u32::from(out[i] & 0x0F) << 12)
                    | (u32::from(out[i + 1] & 0x3F) << 6)
                    | u32::from(out[i + 2] & 0x3F);
                // Built from three-byte answers only, so it fills the three bytes it replaces.
                if let Some(to) = char::from_u32(u32::from(table.to[cp as usize])) {
                    to.encode_utf8(&mut out[i..i + 3]);
                }
            }
            i += 3;
        } else {
            i += 1;
        }
    }
    // Three-byte characters replaced by three-byte characters: still UTF-8.
    String::from_utf8(out).ok()
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn traditional_folds_to_simplified_in_place() {
        let text = "鼎曜2025年第二季在台灣筆記型電腦市場出貨量市佔率達31.2%，連續六季位居第一。";
        let folded = fold(text).expect("Traditional text folds");
        assert_eq!(folded, "鼎曜2025年第二季在台湾笔记型电脑市场出货量市占率达31.2%，连续六季位居第一。");
        assert_eq!(folded.len(), text.len());
        let boundaries = |s: &str| s.char_indices().map(|(i, _)| i).collect::<Vec<_>>();
        assert_eq!(boundaries(&folded), boundaries(text));
    }

    #[test]
    fn simplified_and_ascii_text_is_left_alone() {
        assert_eq!(fold("宁德时代以48.2%的占比位居第一。"), None);
        assert_eq!(fold("Apple was No. 1 in smartphones."), None);
        assert_eq!(fold("Corvid’s share — 12% — rose."), None);
        assert_eq!(fold(""), None);
    }

    #[test]
    fn a_character_at_the_very_end_folds() {
        assert_eq!(fold("a營").as_deref(), Some("a营"));
        assert_eq!(fold("營").as_deref(), Some("营"));
    }

    #[test]
    fn every_fold_keeps_three_bytes() {
        let table = Table::get();
        let folding: Vec<(u32, u16)> =
            table.to.iter().enumerate().filter(|(_, t)| **t != 0).map(|(cp, t)| (cp as u32, *t)).collect();
        assert!(folding.len() > 2_000, "{} characters fold", folding.len());
        for (cp, to) in folding {
            let (from, to) = (char::from_u32(cp).unwrap(), char::from_u32(u32::from(to)).unwrap());
            assert_eq!((from.len_utf8(), to.len_utf8()), (3, 3), "{from} {to}");
            let mut buf = [0u8; 4];
            let b = from.encode_utf8(&mut buf).as_bytes();
            assert!(table.folds(b[0], b[1], b[2]), "{from}");
        }
    }
}
