//! Pronouns and definite descriptions ("it", "the company", 公司, "we") and what they stand
//! for: the name opening the sentence, or the firm a quoted speaker works for.

use super::{SubjectDraft, SubjectFinder, dateline_len};
use crate::names::{en_name, en_names, trim_en_name, without_first_name, without_title};
use crate::segments::has_cjk;
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

const EN_PRONOUNS: &[&str] = &[
    "it",
    "its",
    "the company",
    "the company's",
    "the firm",
    "the group",
    "the brand",
    "the vendor",
    "we",
    "our",
    "us",
    "they",
    "their",
    "itself",
];

/// Words that point back at a holder named before: pronouns and definite descriptions ("The
/// company accounted for 8.1%").
const DEFINITE_REFERENCES: [&str; 24] = [
    "we",
    "our",
    "it",
    "its",
    "itself",
    "they",
    "their",
    "the company",
    "the firm",
    "the group",
    "the brand",
    "the vendor",
    "the carrier",
    "the airline",
    "the retailer",
    "the chipmaker",
    "the automaker",
    "the carmaker",
    "the platform",
    "the streamer",
    "the operator",
    "the insurer",
    "the bank",
    "the manufacturer",
];

/// The bytes, in either case, a word of DEFINITE_REFERENCES starts with: a look-up for each byte
/// of a sentence rules most of them out at once.
const REFERENCE_INITIALS: [bool; 256] = {
    let mut initials = [false; 256];
    let mut i = 0;
    while i < DEFINITE_REFERENCES.len() {
        let b = DEFINITE_REFERENCES[i].as_bytes()[0];
        initials[b.to_ascii_lowercase() as usize] = true;
        initials[b.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    initials
};

pub(super) const ZH_PRONOUNS: &[&str] =
    &["本公司", "该公司", "公司", "我们", "我司", "本集团", "集团", "该品牌", "其", "我们的"];

/// The bytes of the longest word of EN_PRONOUNS and ZH_PRONOUNS.
const PRONOUN_MAX_LEN: usize = "the company's".len();

/// The bytes a pronoun opens with: an English one's initial in either case, or any byte beyond
/// ASCII, where the Chinese ones start.
const PRONOUN_INITIALS: [bool; 256] = {
    let mut initials = [false; 256];
    let mut i = 0;
    while i < EN_PRONOUNS.len() {
        let b = EN_PRONOUNS[i].as_bytes()[0];
        initials[b.to_ascii_lowercase() as usize] = true;
        initials[b.to_ascii_uppercase() as usize] = true;
        i += 1;
    }
    let mut b = 0x80;
    while b < 256 {
        initials[b] = true;
        b += 1;
    }
    initials
};

/// ", chief executive of Veltra" after a person's name: the firm they speak for.
fn employer_after() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(&format!(
            r"^,\s+(?:the\s+|its\s+)?(?:[a-z-]+\s+){{0,2}}?(?i:chief\s+executive(?:\s+officer)?|ceo|president|chairman|chairwoman|founder|head|director|spokesperson|spokesman|spokeswoman|manager)\s+(?:of|at)\s+({})",
            en_name().as_str()
        ))
        .expect("static regex")
    })
}

/// Words that report speech: a sentence without one quotes nobody. One search for all seven.
fn speech() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        AhoCorasick::new(["said", "says", "told", "added", "noted", "stated", "according to"]).expect("static patterns")
    })
}

impl<'a> SubjectFinder<'a> {
    /// Is this text a pronoun standing for an earlier subject or the issuer?
    pub fn is_pronoun(t: &str) -> bool {
        let t = t.trim();
        // Compared case-blind in place, as lower-cased: beyond ASCII only the Kelvin sign
        // lower-cases to ASCII, and its "k" is in none of these words. Most names asked about
        // are longer than "the company's" or open with a letter no pronoun opens with.
        t.len() <= PRONOUN_MAX_LEN
            && t.as_bytes().first().is_some_and(|&b| PRONOUN_INITIALS[usize::from(b)])
            && (EN_PRONOUNS.iter().any(|p| t.eq_ignore_ascii_case(p)) || ZH_PRONOUNS.contains(&t))
    }

    /// What a pronoun in sentence `s` stands for when the sentence opens with a name: "Keytruda's
    /// rise was steady: … it ranked No. 5". A measurer opening the sentence reports; it does not
    /// hold ("Counterpoint estimates that it took 22.4%").
    ///
    /// With `strict`, for a pronoun the subject search passed over ("in 2018 it ranked"), the
    /// opener must be a known organisation or a possessive ("Keytruda's rise"): a capitalised
    /// first word is too often no name at all.
    pub fn antecedent(
        &self,
        s: usize,
        pronoun: &Range<usize>,
        orgs: &[Range<usize>],
        strict: bool,
    ) -> Option<SubjectDraft> {
        let sentence = self.layout.sentences[s].range.clone();
        let lead = self.text.get(sentence.start..pronoun.start)?;
        if has_cjk(lead) {
            return None;
        }
        // "NEW YORK - Netflix remains…": the dateline places the story; the name follows it.
        let dated = dateline_len(lead);
        let rest = &lead[dated..];
        let skip =
            dated + rest.len() - rest.trim_start_matches(|c: char| c.is_whitespace() || "\"“‘'(".contains(c)).len();
        let at = sentence.start + skip;
        let r = match orgs.iter().find(|o| o.start == at && o.end <= pronoun.start) {
            Some(o) => o.clone(),
            None => {
                let m = en_names(&self.text[at..pronoun.start]).next().filter(|m| m.start == 0)?;
                let matched = &self.text[at..at + m.end];
                // "The Taiwanese contract manufacturer … its share" describes someone named
                // before; the paragraph's subject stands for it.
                let name = trim_en_name(matched).filter(|n| matched.starts_with(n))?;
                if self.describes(&(at..at + name.len())) {
                    return None;
                }
                let possessive = ["'s ", "’s "].iter().any(|p| self.text[at + name.len()..].starts_with(p));
                if strict && !possessive {
                    return None;
                }
                at..at + name.len()
            }
        };
        if self.is_scope_word(&r) || self.has_source(&r) {
            return None;
        }
        Some(self.named(r))
    }

    /// The firm a person quoted in sentence `s` speaks for, from where the text introduces
    /// them by role ("Veltra chief executive Jonas Brecht said", "said Jonas Brecht, chief
    /// executive of Veltra"): the "we" of their words and "the company" they speak of.
    pub fn speaker_firm(&self, s: usize, word: Option<&Range<usize>>, claim: &Range<usize>) -> Option<SubjectDraft> {
        let sentence = self.layout.sentences[s].range.clone();
        match word {
            Some(word) => {
                let w = &self.text[word.clone()];
                if !["we", "our", "the company", "the firm", "the group"].iter().any(|r| w.eq_ignore_ascii_case(r)) {
                    return None;
                }
            }
            // A claim in a quotation that names no holder is the speaker's firm's.
            None => {
                if !self.text[sentence.start..claim.start].contains(['"', '“']) {
                    return None;
                }
            }
        }
        let hay = &self.text[sentence.clone()];
        if !speech().is_match(hay) {
            return None;
        }
        en_name().find_iter(hay).find_map(|m| {
            let surname = m.as_str().rsplit(' ').next()?;
            let firm = self.employer(surname)?;
            (!self.is_scope_word(&firm) && !self.has_source(&firm)).then(|| self.named(firm))
        })
    }

    /// Where the text names the firm of the person called `surname`: before their title
    /// ("Veltra chief executive Jonas Brecht", "Veltra's CEO, Jonas Brecht") or after it
    /// ("Jonas Brecht, chief executive of Veltra").
    fn employer(&self, surname: &str) -> Option<Range<usize>> {
        if surname.len() < 3 || !surname.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let bytes = self.text.as_bytes();
        memchr::memmem::find_iter(bytes, surname.as_bytes()).find_map(|i| {
            let end = i + surname.len();
            if i > 0 && bytes[i - 1].is_ascii_alphanumeric() || bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) {
                return None;
            }
            let from = self.text.floor_char_boundary(i.saturating_sub(80));
            let head = without_first_name(&self.text[from..i]);
            if let Some(rest) = without_title(head) {
                // An analyst's words are her own reading of the market, not her firm's boast.
                let title = head[rest.len()..].trim().to_ascii_lowercase();
                if ["analyst", "analysts", "economist", "researcher"].iter().any(|t| title.ends_with(t)) {
                    return None;
                }
                let rest = rest.trim_end();
                let rest = rest.strip_suffix("'s").or_else(|| rest.strip_suffix("’s")).unwrap_or(rest);
                let m = en_name().find_iter(rest).last().filter(|m| m.end() == rest.len())?;
                let name = trim_en_name(m.as_str()).filter(|n| m.as_str().ends_with(n))?;
                return Some(from + m.end() - name.len()..from + m.end());
            }
            let m = employer_after().captures(&self.text[end..])?.get(1)?;
            let name = trim_en_name(m.as_str()).filter(|n| m.as_str().starts_with(n))?;
            Some(end + m.start()..end + m.start() + name.len())
        })
    }

    /// The last "we" between `from` and `to`, as a word.
    pub fn we_between(&self, from: usize, to: usize) -> Option<Range<usize>> {
        let bytes = self.text.get(from..to)?.as_bytes();
        // Only where a "w" stands, found many bytes at a time.
        memchr::memrchr2_iter(b'w', b'W', bytes).filter(|&i| i + 1 < bytes.len()).find_map(|i| {
            let word = bytes[i + 1] == b'e'
                && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'\'')
                && bytes.get(i + 2).is_none_or(|b| !b.is_ascii_alphanumeric());
            word.then(|| from + i..from + i + 2)
        })
    }

    /// The last third-person pronoun of sentence `s` before `at` ("its", "it", "they").
    pub fn pronoun_before(&self, s: usize, at: usize) -> Option<Range<usize>> {
        let sentence = self.layout.sentences[s].range.clone();
        let lead = self.text.get(sentence.start..at.max(sentence.start))?;
        last_reference(lead).map(|r| sentence.start + r.start..sentence.start + r.end)
    }
}

/// Where the last of DEFINITE_REFERENCES stands in `lead` as a word of its own.
fn last_reference(lead: &str) -> Option<Range<usize>> {
    let bytes = lead.as_bytes();
    // The last one wins, so the lead is read from its end and the first found is it; where two
    // start at one place, the first listed. The words are ASCII: comparing bytes case-blind is
    // lower-casing the lead.
    (0..bytes.len()).rev().find_map(|i| {
        if !REFERENCE_INITIALS[usize::from(bytes[i])] || i > 0 && bytes[i - 1].is_ascii_alphanumeric() {
            return None;
        }
        let w = DEFINITE_REFERENCES.iter().find(|w| {
            let end = i + w.len();
            bytes.get(i..end).is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()))
                && (end == bytes.len() || !bytes[end].is_ascii_alphanumeric() && bytes[end] != b'\'')
        })?;
        Some(i..i + w.len())
    })
}

/// Whether a clause refers to a holder named before: "the company", "the firm", "the group"…
pub(super) fn names_the_holder(clause: &str) -> bool {
    // One searcher for every clause, built once: building one costs more than a clause's search.
    // "he " finds "the " and "The " in one pass.
    static HE: OnceLock<memchr::memmem::Finder<'static>> = OnceLock::new();
    let he = HE.get_or_init(|| memchr::memmem::Finder::new("he ").into_owned());
    let bytes = clause.as_bytes();
    let mut the = he.find_iter(bytes).filter_map(|i| i.checked_sub(1)).filter(|&i| matches!(bytes[i], b't' | b'T'));
    the.any(|i| {
        (i == 0 || !bytes[i - 1].is_ascii_alphanumeric())
            && DEFINITE_REFERENCES.iter().filter(|w| w.starts_with("the ")).any(|w| {
                bytes.len() >= i + w.len()
                    && bytes[i..i + w.len()].eq_ignore_ascii_case(w.as_bytes())
                    && bytes.get(i + w.len()).is_none_or(|b| !b.is_ascii_alphanumeric())
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pronouns_are_lower_case_ascii_without_k() {
        assert!(EN_PRONOUNS.iter().all(|w| w.is_ascii() && *w == w.to_ascii_lowercase() && !w.contains('k')));
        assert!(EN_PRONOUNS.iter().chain(ZH_PRONOUNS).all(|w| w.len() <= PRONOUN_MAX_LEN));
        assert!(SubjectFinder::is_pronoun(" The Company "));
        assert!(!SubjectFinder::is_pronoun("İt"));
    }
}
