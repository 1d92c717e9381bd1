//! English names before a claim: datelines, forecasts, inverted and possessive holders, and
//! the words that make a capitalised name a place, a descriptor or a person rather than a holder.

use super::{SubjectDraft, SubjectFinder};
use crate::lexicon::LexiconCategory;
use crate::names::{HEADLINE_VERBS, en_name, en_names, is_titled_person, trim_en_name};
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// "X expects Y to make up", "X forecasts that Y will hold": Y, at most five words, before the
/// verb that leads to the claim.
pub(super) fn forecast() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:expects?|expected|forecasts?|forecast|predicts?|predicted|projects?|projected|sees|saw)\s+(?:that\s+)?(?P<held>(?:[\w&+.’'-]+\s+){0,4}?[\w&+.’'-]+)\s+(?:to|will|would|could|should)\s+(?:\w+\s+){0,2}$")
            .expect("static regex")
    })
}

/// Whether one of the last three words of `lead` is the "to" or "will" that `forecast` needs
/// between the held and at most two words before the claim: few leads have one, and the regex
/// is slow to say no.
pub(super) fn ends_in_modal(lead: &str) -> bool {
    const MODALS: [&str; 5] = ["to", "will", "would", "could", "should"];
    // Words of ASCII, nearly all of them, are split as bytes, where a space to `\s` is ' ' or
    // \t to \r; a word with a character beyond ASCII, which might be a space, sends the lead
    // to `split_whitespace`.
    let space = |b: &u8| *b == b' ' || (b'\t'..=b'\r').contains(b);
    let mut words = lead.as_bytes().rsplit(space).filter(|w| !w.is_empty());
    for _ in 0..3 {
        match words.next() {
            None => return false,
            Some(w) if !w.is_ascii() => return lead.split_whitespace().rev().take(3).any(|w| MODALS.contains(&w)),
            Some(w) if MODALS.iter().any(|m| m.as_bytes() == w) => return true,
            Some(_) => {}
        }
    }
    false
}

fn dateline() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // "PALO ALTO, Calif., Feb. 10, 2027 /PRNewswire/ --": a state and a wire service may sit in it.
        Regex::new(r"^\s*[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,?\s+\d{4})?){0,2}\s*(?:/[A-Za-z .-]+/\s*)?[-–—]+\s*")
            .expect("static regex")
    })
}

/// How many bytes of `sentence` a dateline ("NEW YORK - ", "SINGAPORE, October 30, 2025 — ")
/// takes at its start.
pub(crate) fn dateline_len(sentence: &str) -> usize {
    // Past its spaces a dateline opens with a capital and two more capitals, spaces or marks
    // ("NEW", "LA ", "ST."): looking at three bytes spares almost every clause, which opens
    // "The" or "Apple", the regex.
    let head = sentence.trim_start().as_bytes();
    let opens = head.len() >= 3
        && head[0].is_ascii_uppercase()
        && head[1..3].iter().all(|b| b.is_ascii_uppercase() || b" .'-".contains(b));
    if !opens {
        return 0;
    }
    dateline().find(sentence).filter(|m| m.start() == 0).map_or(0, |m| m.end())
}

impl<'a> SubjectFinder<'a> {
    /// "AbbVie's Humira enjoyed a decade-long run as the best-selling drug": the owner is
    /// context, the product it owns holds the rank.
    pub(super) fn possessed(&self, owner: &SubjectDraft, limit: usize) -> Option<SubjectDraft> {
        let after = self.text.get(owner.range.end..limit)?;
        let rest = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s "))?;
        let m = en_name().find(rest).filter(|m| m.start() == 0)?;
        let name = trim_en_name(m.as_str())?;
        let start = limit - rest.len() + m.as_str().find(name)?;
        let r = start..start + name.len();
        Some(SubjectDraft { id: self.org_id(&r), range: r, via: owner.via })
    }

    /// The name after "remains", "is", "went to" that follows a claim's noun phrase.
    pub(super) fn inverted_holder(&self, from: usize, to: usize) -> Option<Range<usize>> {
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| {
            Regex::new(r"^(?:\s+[a-z][\w-]*){0,3}?\s+(?:remains|remained|is|was|went\s+to|goes\s+to|belongs\s+to|belonged\s+to)\s+")
                .expect("static regex")
        });
        let after = &self.text[from..to];
        let m = re.find(after)?;
        let rest = from + m.end();
        let name = en_name().find(&self.text[rest..to]).filter(|n| n.start() == 0)?;
        let r = rest..rest + name.end();
        let trimmed = trim_en_name(&self.text[r.clone()])?;
        let start = r.start + self.text[r.clone()].find(trimmed)?;
        Some(start..start + trimmed.len())
    }

    /// A name in capitals opening a title: the brand an ad's headline shouts.
    pub(super) fn shouted_title(&self, s: usize, r: &Range<usize>) -> bool {
        let block = &self.layout.blocks[self.layout.sentences[s].block];
        let name = &self.text[r.clone()];
        block.kind == crate::segments::BlockKind::Title
            && name.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
            && !name.bytes().any(|b| b.is_ascii_lowercase())
    }

    pub(super) fn en_name_before(&self, r: Range<usize>) -> Option<Range<usize>> {
        // "NEW YORK - " and "SYDNEY, February 2025 - " place the story; they hold nothing.
        let skip = dateline_len(&self.text[r.clone()]);
        let r = r.start + skip..r.end;
        let hay = &self.text[r.clone()];
        let found: Vec<Range<usize>> = en_names(hay).collect();
        // The last name that holds: checked from the end, so the costlier tests (trimming, a
        // lexicon look-up, a search of the document for a person's title) run once or twice,
        // not once per name.
        let mut names = found.into_iter().rev().filter_map(|m| {
            let matched = &hay[m.clone()];
            let trimmed = trim_en_name(matched)?;
            let off = r.start + m.start + (matched.len() - matched.trim_start().len());
            // Trimmed from the match, the name opening it can occur nowhere sooner: no search.
            let name = matched.trim_start();
            let start = off + if trimmed.as_ptr() == name.as_ptr() { 0 } else { name.find(trimmed).unwrap_or(0) };
            Some(start..start + trimmed.len())
        });
        names.find_map(|mut cand| {
            // "in Europe Corvana climbed": the place before a name sets the scene.
            let mut place_object = is_place_object(&self.text[r.start..cand.start]);
            if place_object && let Some(place) = self.leading_place(&cand) {
                cand.start = place;
                place_object = is_place_object(&self.text[r.start..cand.start]);
            }
            // The N of "N°1" is an abbreviation and the US of "US$30 billion" a currency.
            let numero = self.text[cand.end..].starts_with(['°', 'º', '$']);
            (!numero
                && !place_object
                && !modifies_market(&self.text[cand.end..])
                && !is_titled_person(&self.text[r.start..cand.start])
                // "Cellular-enabled models made up 21%": opening the clause, it names the holder.
                && (!is_descriptor(&self.text[cand.clone()]) || self.text[r.start..cand.start].trim().is_empty())
                && !self.describes(&cand)
                && (!self.is_scope_word(&cand)
                    || crate::names::is_demonym_name(
                        &self.text[cand.clone()],
                        crate::names::next_word_lower(&self.text[cand.end..]).as_deref(),
                    ))
                && !self.is_named_person(&self.text[cand.clone()]))
            .then_some(cand)
        })
    }

    /// The subject of a sentence's first clause: its last name before the first comma ("Circana
    /// data show Nintendo's Switch 2, first launched in June, was…"), not a measurer.
    pub(super) fn sentence_opener(&self, sentence: Range<usize>, limit: usize) -> Option<Range<usize>> {
        let lead = &self.text[sentence.start..limit];
        // "Mirante took third; Sereno Home, at 7.9%, came fourth": a semicolon starts anew.
        let base = lead.rfind([';', ':']).map_or(0, |i| i + 1);
        let first = lead[base..].find(',').map_or(lead.len(), |i| base + i);
        let r = self.en_name_before(sentence.start + base..sentence.start + first)?;
        (!self.has_source(&r) && !is_descriptor(&self.text[r.clone()])).then_some(r)
    }

    /// Where the name in `r` starts when a place opens it ("Europe Corvana"), if one does and
    /// words follow it.
    fn leading_place(&self, r: &Range<usize>) -> Option<usize> {
        let hits = self.lexicon_hits(r);
        let first = hits.first().filter(|m| m.range.start == r.start && m.category == LexiconCategory::Geo)?;
        let rest = &self.text[first.range.end..r.end];
        let trimmed = rest.trim_start();
        (trimmed.len() < rest.len() && !trimmed.is_empty()).then(|| r.end - trimmed.len())
    }

    /// A name that is only a place, a market or a source does not hold a share.
    /// "The Dutch chipmaker", "The US-based provider": a place before a common noun describes
    /// a firm named before; it is no name ("The Kedai marketplace" is one).
    pub(super) fn describes(&self, r: &Range<usize>) -> bool {
        let Some(place) = self.text[r.clone()].strip_prefix("The ") else { return false };
        let noun_follows =
            self.text[r.end..].strip_prefix(' ').is_some_and(|t| t.starts_with(|c: char| c.is_ascii_lowercase()));
        let place_range = r.start + 4..r.end;
        let place = place
            .strip_suffix("-based")
            .map_or(place_range.clone(), |p| place_range.start..place_range.start + p.len());
        noun_follows && self.is_scope_word(&place)
    }
}

/// Whether a clause opens with a verb ("ranked third", "was the biggest", "holds 30%"), so its
/// subject is the sentence's; "with 18%", "followed by Apple" attach to the nearest name.
pub(super) fn opens_with_verb(clause: &str) -> bool {
    const VERBS: [&str; 23] = [
        "is",
        "was",
        "are",
        "were",
        "has",
        "had",
        "have",
        "held",
        "took",
        "led",
        "came",
        "won",
        "grew",
        "kept",
        "remained",
        "remains",
        "ranked",
        "ranks",
        "holds",
        "leads",
        "captured",
        "accounted",
        "finished",
    ];
    const NOT_VERBS: [&str; 12] =
        ["followed", "compared", "as", "across", "versus", "plus", "thus", "whereas", "its", "this", "less", "unless"];
    let first = clause.split_whitespace().next().unwrap_or("");
    let word = first.trim_matches(|c: char| !c.is_ascii_alphabetic());
    if HEADLINE_VERBS.contains(&word) {
        return true;
    }
    !word.is_empty()
        && word.len() == first.len()
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !NOT_VERBS.contains(&word)
        && (VERBS.contains(&word) || word.len() > 4 && (word.ends_with("ed") || word.ends_with('s')))
}

/// Whether the words before a name make it where something happens ("the market leader on
/// London-New York", "the fastest-growing carrier on the Atlantic"), not who holds a share.
/// "followed by Apple", "ahead of Apple" still lead to a holder.
fn is_place_object(before: &str) -> bool {
    const PLACES: [&str; 12] =
        ["on", "in", "at", "across", "into", "throughout", "within", "over", "between", "outside", "around", "near"];
    let mut words = before.split_whitespace().rev();
    let mut w = words.next().unwrap_or("");
    if w.eq_ignore_ascii_case("the") {
        w = words.next().unwrap_or("");
    }
    PLACES.iter().any(|p| w.eq_ignore_ascii_case(p))
}

/// "the global CCaaS market", "the Android segment": a name before the word for a market says
/// which market; the share is someone else's.
fn modifies_market(after: &str) -> bool {
    const WHOLES: [&str; 7] = ["market", "markets", "segment", "sector", "category", "industry", "space"];
    after.starts_with(' ') && crate::names::next_word_lower(after).is_some_and(|w| WHOLES.contains(&w.as_str()))
}

/// "Oslo-based", "state-owned", "Nasdaq-listed", "AI-powered": a word that describes a firm
/// or a product named nearby.
fn is_descriptor(name: &str) -> bool {
    const TAILS: [&str; 14] = [
        "-based",
        "-owned",
        "-backed",
        "-listed",
        "-headquartered",
        "-controlled",
        "-funded",
        "-born",
        "-powered",
        "-driven",
        "-enabled",
        "-native",
        "-centric",
        "-focused",
    ];
    !name.contains(' ')
        && TAILS
            .iter()
            .any(|t| name.len() > t.len() && name.as_bytes()[name.len() - t.len()..].eq_ignore_ascii_case(t.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modals_are_found_among_the_last_words_as_split_whitespace_finds_them() {
        const PIECES: [&str; 12] =
            ["to", "will", "should", "x", "é", " ", "\t", "\u{b}", "\u{a0}", "\u{3000}", "\u{1c}", "’"];
        let mut rng = crate::testgen::XorShift(0x853c_49e6_748f_ea9b);
        for _ in 0..20_000 {
            let lead = rng.string(&PIECES, 10);
            let words =
                lead.split_whitespace().rev().take(3).any(|w| ["to", "will", "would", "could", "should"].contains(&w));
            assert_eq!(ends_in_modal(&lead), words, "{lead:?}");
        }
    }
}
