//! English names as the subject finder reads them: the words that open a clause without
//! naming anyone, period tokens, the verbs a headline capitalises, and the trimming that
//! turns a run of capitalised words into the name it holds ("According to IDC" → "IDC").

use crate::segments::MONTHS;
use std::sync::OnceLock;

/// Words that open an English clause without naming anyone; the `MONTHS` are looked up with them.
const EN_STOP: &[&str] = &[
    // A gerund opening a sentence: "Being recognized as the market leader…".
    "being",
    "having",
    "becoming",
    // An ad's imperative opens its sentence capitalised: "Join the millions who trust…".
    "join",
    "discover",
    "try",
    "buy",
    "shop",
    "choose",
    "experience",
    "enjoy",
    "meet",
    "upgrade",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "of",
    "according",
    "as",
    "its",
    "it",
    "this",
    "that",
    "these",
    "those",
    "measured",
    "among",
    "with",
    "after",
    "before",
    "during",
    "since",
    "but",
    "and",
    "while",
    "meanwhile",
    "also",
    "over",
    "under",
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "fy",
    "press",
    "release",
    "source",
    "sources",
    "data",
    "no",
    "number",
    "top",
    "about",
    "overall",
    "both",
    "each",
    "all",
    "last",
    "this",
    "next",
    "first",
    "second",
    "third",
    "once",
    "still",
    "yet",
    "so",
    "then",
    "however",
    "today",
    "now",
    "here",
    "there",
    "we",
    "our",
    "they",
    "their",
    "he",
    "she",
    "his",
    "her",
    "ceo",
    "cto",
    "cfo",
    "inc",
    "ltd",
    "co",
    "corp",
    "where",
    "when",
    "why",
    "how",
    // Ad copy opens with an imperative: "Meet the world's first…", "Introducing the…".
    "meet",
    "introducing",
    "discover",
    "experience",
    "explore",
    "what",
    "which",
    "who",
    "whose",
    "if",
    "despite",
    "although",
    "though",
    "even",
    "only",
    "just",
    "combined",
    "together",
    "year",
    "years",
    "quarter",
    "market",
    "share",
    "global",
    "world",
    "worldwide",
    "new",
    "said",
    "says",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "is",
    "was",
    "are",
    "were",
    "every",
    "everyone",
    "everybody",
    "within",
    "without",
    "across",
    "asked",
    "told",
    "viewing",
    "rival",
    "rivals",
    "former",
    "local",
    "domestic",
    "foreign",
    "overseas",
    "began",
    "captured",
    "supplied",
    "including",
    "excluding",
    "based",
    "counted",
    "elsewhere",
    "separately",
    "similarly",
    "globally",
    "locally",
    "domestically",
    "some",
    "many",
    "most",
    "several",
    "other",
    "others",
    "another",
    "such",
    "like",
    "unlike",
    "beyond",
    "behind",
    "ahead",
    "until",
    "because",
    "nor",
    "per",
    "via",
    "ai",
    "my",
    "your",
    "i",
    "it's",
];

/// FY2024, Q3, H1 or a year such as 2017.
fn is_period_token(w: &str) -> bool {
    let year = w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit());
    if year {
        return true;
    }
    // Case-blind prefixes, read in place: called once or twice per name, it allocates nothing.
    let mut rest = w.as_bytes();
    while rest.len() >= 2 && rest[..2].eq_ignore_ascii_case(b"FY") {
        rest = &rest[2..];
    }
    while let [b'Q' | b'q' | b'H' | b'h', tail @ ..] = rest {
        rest = tail;
    }
    rest.len() < w.len() && rest.iter().all(u8::is_ascii_digit)
}

/// Verbs a headline capitalises.
pub(crate) const HEADLINE_VERBS: &[&str] = &[
    "Named",
    "Ranked",
    "Rated",
    "Crowned",
    "Voted",
    "Wins",
    "Tops",
    "Leads",
    "Takes",
    "Becomes",
    "Remains",
    "Holds",
    "Keeps",
    "Retains",
    "Claims",
    "Reclaims",
    "Reports",
    "Posts",
    "Announces",
    "Unveils",
    "Launches",
    "Says",
    "Extends",
    "Regains",
    "Overtakes",
    "Overtook",
    "Passes",
    "Beats",
    "Surpasses",
    "Unseats",
    "Dethrones",
    "Ousts",
    "Displaces",
    "Outsells",
    "Outpaces",
    "Retakes",
    "Secures",
    "Dominates",
    "Stays",
    "Slips",
    "Drops",
    "Falls",
    "Loses",
    "Cedes",
    "Climbs",
    "Rises",
    "Jumps",
    "Returns",
];

/// The longest word of EN_STOP fits in this many bytes.
const EN_STOP_MAX: usize = 15;

/// A word of at most EN_STOP_MAX bytes, lower-cased, as one number: its bytes and then its length,
/// so that two words have the same key only if they are the same word.
fn stop_key(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; 16];
    buf.get_mut(..word.len()).filter(|_| word.len() <= EN_STOP_MAX)?.copy_from_slice(word);
    buf.make_ascii_lowercase();
    buf[15] = word.len() as u8;
    Some(u128::from_be_bytes(buf))
}

/// EN_STOP and the months as sorted keys: a word is looked up by bisection, each step one
/// comparison of numbers rather than of strings.
fn en_stop_keys() -> &'static [u128] {
    static SORTED: OnceLock<Vec<u128>> = OnceLock::new();
    SORTED.get_or_init(|| {
        let mut keys: Vec<u128> = EN_STOP.iter().chain(&MONTHS).filter_map(|w| stop_key(w.as_bytes())).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    })
}

/// Whether `word`, lower-cased, is in EN_STOP. An ASCII word is lower-cased on the stack; any
/// other goes through Unicode lower-casing, which can turn it into ASCII (the Kelvin sign is a
/// "k").
fn is_en_stop(word: &str) -> bool {
    if !word.is_ascii() {
        let lower = word.to_lowercase();
        return EN_STOP.contains(&lower.as_str()) || MONTHS.contains(&lower.as_str());
    }
    stop_key(word.as_bytes()).is_some_and(|key| en_stop_keys().binary_search(&key).is_ok())
}

/// The bytes a word of HEADLINE_VERBS ends with: most words of a name end otherwise.
const HEADLINE_VERB_ENDS: [bool; 256] = {
    let mut ends = [false; 256];
    let mut i = 0;
    while i < HEADLINE_VERBS.len() {
        let word = HEADLINE_VERBS[i].as_bytes();
        ends[word[word.len() - 1] as usize] = true;
        i += 1;
    }
    ends
};

/// HEADLINE_VERBS sorted: a name's every capitalised word is looked up in it.
fn is_headline_verb(word: &str) -> bool {
    if !word.as_bytes().last().is_some_and(|&b| HEADLINE_VERB_ENDS[usize::from(b)]) {
        return false;
    }
    static SORTED: OnceLock<Vec<&'static str>> = OnceLock::new();
    let sorted = SORTED.get_or_init(|| {
        let mut words = HEADLINE_VERBS.to_vec();
        words.sort_unstable();
        words
    });
    sorted.binary_search(&word).is_ok()
}

/// `segments::is_month` without its lower-cased copy: the months are lower-case ASCII, so
/// comparing case-blind in place is the same test, and every name found is asked it.
fn is_month(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphabetic());
    MONTHS.iter().any(|m| w.eq_ignore_ascii_case(m))
}

/// The name a run of capitalised words holds, without what opens a clause, an owner's
/// possessive or a period before it ("According to IDC" → "IDC", "ByteDance's Volcano Engine" →
/// "Volcano Engine"); none when nothing of a name is left.
pub(crate) fn trim_en_name(name: &str) -> Option<&str> {
    // Words are only ever dropped from either end, so the list is a slice narrowed in place; it
    // sits on the stack unless the name is unusually long. Called for most names found, it
    // allocates nothing.
    const ON_STACK: usize = 8;
    let mut stack = [""; ON_STACK];
    let mut split = name.split_whitespace();
    let on_stack = stack.iter_mut().zip(split.by_ref()).map(|(slot, w)| *slot = w).count();
    let heap: Vec<&str>;
    let mut words: &[&str] = if split.next().is_none() {
        &stack[..on_stack]
    } else {
        heap = name.split_whitespace().collect();
        &heap
    };
    let (head, tail) = (*words.first()?, *words.last()?);
    while let Some(first) = words.first() {
        let l = first.trim_matches(|c: char| !c.is_alphanumeric());
        if words.len() > 1
            && is_en_stop(l)
            && !(l.eq_ignore_ascii_case("the")
                && words.len() > 1
                && words.len() <= 3
                && words[1].chars().next().is_some_and(char::is_uppercase))
        {
            words = &words[1..];
        } else {
            break;
        }
    }
    // A headline capitalises its verb: "Harbor Brewing Named America's Best-Selling Lager";
    // "…Results; Keeps Top Spot" opens with it and names nobody.
    if words.first().is_some_and(|w| is_headline_verb(w)) {
        return None;
    }
    // Only a capitalised word can be a headline's verb: most words fail the first test.
    if let Some(i) =
        words.iter().skip(1).position(|w| w.starts_with(|c: char| c.is_ascii_uppercase()) && is_headline_verb(w))
    {
        words = &words[..i + 1];
    }
    // "ByteDance's Volcano Engine": the owner is context, the last name is the subject.
    if let Some(i) = words.iter().rposition(|w| w.ends_with("'s") || w.ends_with("’s"))
        && i + 1 < words.len()
    {
        words = &words[i + 1..];
    }
    // A period opening the clause ("FY2024 revenue...", "Q3 shipments...", "2017 NAD") names
    // nobody.
    while words.len() > 1 && words.first().is_some_and(|w| is_period_token(w)) {
        words = &words[1..];
    }
    let first = *words.first()?;
    let last = *words.last()?;
    // Where the first word occurs first and the last word last in the name. Only whitespace
    // stands before the name's own first word and after its last, so for those it is where they
    // sit: no search needed.
    let at = |w: &str| w.as_ptr() as usize - name.as_ptr() as usize;
    let s = if first.as_ptr() == head.as_ptr() { at(first) } else { name.find(first)? };
    let e = if last.as_ptr() == tail.as_ptr() { at(last) } else { name.rfind(last)? } + last.len();
    let out = name.get(s..e)?.trim_end_matches(['.', '\'', '’', '-']);
    let out = out.strip_suffix("'s").or_else(|| out.strip_suffix("’s")).unwrap_or(out);
    // Unicode lower-casing differs from ASCII's only beyond ASCII.
    let lower;
    let l = if out.is_ascii() {
        out
    } else {
        lower = out.to_lowercase();
        lower.as_str()
    };
    // "the April-June quarter": months are a period, not a name.
    if l.split(|c: char| c.is_whitespace() || c == '-' || c == '–').all(is_month) {
        return None;
    }
    // "Q2 2025" left as "2025" after its quarter is dropped: a year is nobody.
    let number = out.chars().all(|c| c.is_ascii_digit() || c.is_whitespace());
    if out.is_empty() || is_en_stop(out) || is_period_token(out) || number {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_names_drop_openers_and_owners() {
        assert_eq!(trim_en_name("According to IDC"), Some("IDC"));
        assert_eq!(trim_en_name("ByteDance's Volcano Engine"), Some("Volcano Engine"));
        assert_eq!(trim_en_name("The Roku Channel"), Some("The Roku Channel"));
        assert_eq!(trim_en_name("In"), None);
        assert_eq!(trim_en_name("Q2 2025"), None, "a period is no name");
    }

    #[test]
    fn stop_words_are_lower_case_ascii_that_fits_the_lookup() {
        assert!(
            EN_STOP
                .iter()
                .chain(&MONTHS)
                .all(|w| w.len() <= EN_STOP_MAX && w.is_ascii() && *w == w.to_ascii_lowercase())
        );
    }

    #[test]
    fn period_tokens() {
        for w in ["FY2024", "fy24", "Q3", "h1", "2017", "FYQ2", "QH1", "FY", "q"] {
            assert!(is_period_token(w), "{w}");
        }
        for w in ["1999x", "Q3a", "FY-24", "Ｑ3", "3", "F2024", "Y2"] {
            assert!(!is_period_token(w), "{w}");
        }
    }
}
