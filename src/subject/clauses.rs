//! Clauses: where a claim's subject may sit (its clause, the clause before, past a reporting
//! measurer's "that"), a share listed "for" someone, and names a verb of passing takes.

use super::SubjectFinder;
use crate::lexicon::LexiconCategory;
use std::ops::Range;
use std::sync::OnceLock;

impl<'a> SubjectFinder<'a> {
    /// The clause of the sentence starting at `from` that ends just before `end`, without its
    /// separator or the spaces around it.
    pub(super) fn clause_before(&self, from: usize, end: usize) -> Range<usize> {
        const SEPARATORS: [char; 7] = ['，', ',', '；', ';', '：', ':', '。'];
        let head = self.text[from..end].trim_end_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
        let start = head.rfind(SEPARATORS).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let part = &head[start..];
        from + start + (part.len() - part.trim_start().len())..from + head.len()
    }

    /// What follows the "for" of "39% for cable" up to the next comma, "and" or stop: at most
    /// four words, none of them a figure.
    pub(super) fn share_for(&self, claim: &Range<usize>, end: usize) -> Option<Range<usize>> {
        let text = &self.text[claim.clone()];
        // Only a percentage is listed so: "number one for restaurant orders" says what is counted.
        if !text.contains(['%', '％']) && !text.contains("percent") && !text.contains("per cent") {
            return None;
        }
        let at = if text.len() > 4 && text.as_bytes()[text.len() - 4..].eq_ignore_ascii_case(b" for") {
            claim.end
        } else {
            let after = &self.text[claim.end..end];
            claim.end + after.len() - after.strip_prefix(" for ")?.len() - 1
        };
        let rest = &self.text[at..end];
        let body = rest.trim_start();
        let start = at + rest.len() - body.len();
        let stop = body.find([',', ';', '.', ':', '(']).unwrap_or(body.len());
        let stop = body[..stop].find(" and ").unwrap_or(stop);
        let phrase = body[..stop].trim_end();
        let words = phrase.split_whitespace().count();
        // "30% for the year", "for the first half" give a time, not a holder.
        const TIME: [&str; 16] = [
            "year", "years", "quarter", "quarters", "month", "months", "week", "weeks", "period", "half", "first",
            "second", "third", "fourth", "fiscal", "full",
        ];
        let head = phrase.split_whitespace().find(|w| !["the", "a", "an", "that", "this", "each"].contains(w));
        let timed = head.is_none_or(|w| TIME.contains(&w.to_ascii_lowercase().as_str()));
        ((1..=4).contains(&words) && !timed && !phrase.contains(|c: char| c.is_ascii_digit() || c == '%'))
            .then_some(start..start + phrase.len())
    }

    /// Whether the name at `o` is the object of a verb of passing read from `from` ("to overtake
    /// Apple"), and not also the subject of a relative clause holding the claim at `claim`.
    pub(super) fn passed_over(&self, from: usize, o: &Range<usize>, claim: usize) -> bool {
        is_passed(&self.text[from..o.start]) && !relative(&self.text[o.end..claim])
    }

    /// "Counterpoint estimates that it took 22.4%": a measurer reporting a figure does not hold
    /// it, so the subject is looked for after its "that".
    pub(super) fn after_reporting_source(&self, clause: Range<usize>, claim: usize) -> Range<usize> {
        let lead = &self.text[clause.start..claim.max(clause.start)];
        // One searcher for every claim: building one costs more than most searches.
        static THAT: OnceLock<memchr::memmem::FinderRev<'static>> = OnceLock::new();
        let that = THAT.get_or_init(|| memchr::memmem::FinderRev::new(" that ").into_owned());
        let Some(at) = that.rfind(lead) else { return clause };
        let sources = self.lex.get(LexiconCategory::Source);
        if sources.find(self.text, clause.start..clause.start + at).is_empty() {
            return clause;
        }
        clause.start + at + " that ".len()..clause.end
    }
}

/// The clause a subject may sit in: from the last comma, semicolon or colon before the claim
/// to the claim. Parentheses do not split it, so "北岸支付（含钱包业务）以35.2%" keeps its subject.
pub(super) fn subject_clause(text: &str, sentence: Range<usize>, pos: usize) -> Range<usize> {
    let s = &text[sentence.clone()];
    let rel = pos.saturating_sub(sentence.start).min(s.len());
    let lead = &s[..rel];
    let bytes = lead.as_bytes();
    // Read byte by byte: the marks are ASCII or open with 0xE2 (—) or 0xEF (full-width), bytes
    // that only ever open a character, so only those characters need decoding.
    let mark = |i: usize| match bytes[i] {
        b @ 0..=0x7F => Some(char::from(b)),
        0xE2 | 0xEF => lead[i..].chars().next(),
        _ => None,
    };
    let nesting = |c| match c {
        '(' | '（' => 1,
        ')' | '）' => -1,
        _ => 0,
    };
    // The last separator outside parentheses is wanted, and it usually stands a few words
    // before the claim: the lead is read back from its end. The depth at a separator is that
    // of the whole lead, whose parentheses a fast search counts, less that of the text after it.
    let total: i32 = memchr::memchr3_iter(b'(', b')', 0xEF, bytes).filter_map(mark).map(nesting).sum();
    let mut after = 0;
    for i in (0..bytes.len()).rev() {
        let Some(c) = mark(i) else { continue };
        match c {
            ',' | '，' | ';' | '；' | ':' | '：' | '—' if total - after <= 0 => {
                return sentence.start + i + c.len_utf8()..sentence.end;
            }
            _ => after += nesting(c),
        }
    }
    sentence
}

/// "overtaking Xiaomi, which slipped to runner-up": the object of one verb is the subject of
/// the relative clause that holds the claim.
fn relative(gap: &str) -> bool {
    let g = gap.trim_start_matches([',', ' ']);
    g.starts_with("which ") || g.starts_with("who ") || g.starts_with("that ")
}

/// Whether the words before a name make it the object of a verb of passing or a comparison:
/// "to overtake Apple", "surpassing Dell", "ahead of Apple", "than Apple".
pub(super) fn is_passed(before: &str) -> bool {
    const CUES: [&str; 22] = [
        "overtake",
        "overtakes",
        "overtook",
        "overtaking",
        "surpass",
        "surpasses",
        "surpassed",
        "surpassing",
        "beat",
        "beats",
        "beating",
        "outsold",
        "outsell",
        "outsells",
        "displace",
        "displaced",
        "unseat",
        "unseated",
        "dethrone",
        "dethroned",
        "ahead of",
        "than",
    ];
    // "仅次于宁德时代", "超越苹果": the same in Chinese, where no space marks the word.
    const ZH_CUES: [&str; 8] = ["次于", "超过", "超越", "领先于", "落后于", "击败", "反超", "力压"];
    let b = before.trim_end();
    // Only the cues ending in the text's last byte can be its end: a Chinese one ends beyond
    // ASCII, an English one in a letter of either case.
    let Some(&last) = b.as_bytes().last() else { return false };
    if !last.is_ascii() {
        return ZH_CUES.iter().any(|c| b.ends_with(c));
    }
    CUES.iter().any(|c| {
        c.as_bytes().last().is_some_and(|l| l.eq_ignore_ascii_case(&last))
            && b.len() >= c.len()
            && b.is_char_boundary(b.len() - c.len())
            && b[b.len() - c.len()..].eq_ignore_ascii_case(c)
            && b[..b.len() - c.len()].chars().next_back().is_none_or(|ch| !ch.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parentheses_do_not_split_the_subject_clause() {
        let t = "北岸支付（含钱包业务）以35.2%的份额位列第二";
        let r = subject_clause(t, 0..t.len(), t.find("以").unwrap());
        assert_eq!(&t[r.start..], t);
    }

    /// `subject_clause` as first written, reading the lead from its start.
    fn subject_clause_forward(text: &str, sentence: Range<usize>, pos: usize) -> Range<usize> {
        let s = &text[sentence.clone()];
        let lead = &s[..pos.saturating_sub(sentence.start).min(s.len())];
        let mut depth = 0i32;
        let mut start = 0;
        for (i, c) in lead.char_indices() {
            match c {
                '(' | '（' => depth += 1,
                ')' | '）' => depth -= 1,
                ',' | '，' | ';' | '；' | ':' | '：' | '—' if depth <= 0 => start = i + c.len_utf8(),
                _ => {}
            }
        }
        sentence.start + start..sentence.end
    }

    #[test]
    fn the_subject_clause_read_backwards_is_the_same() {
        const PIECES: [&str; 18] =
            ["(", ")", "（", "）", ",", "，", ";", "；", ":", "：", "—", "–", "a", "中", " ", "é", "”", "ｆ"];
        let mut rng = crate::testgen::XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5_000 {
            let t = rng.string(&PIECES, 20);
            for (pos, _) in t.char_indices().chain(Some((t.len(), ' '))) {
                for start in [0, t.chars().next().map_or(0, char::len_utf8).min(pos)] {
                    let sentence = start..t.len();
                    assert_eq!(
                        subject_clause(&t, sentence.clone(), pos),
                        subject_clause_forward(&t, sentence, pos),
                        "{t:?} {pos}"
                    );
                }
            }
        }
    }
}
