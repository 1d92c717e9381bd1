//! English names as the subject finder reads them: the words that open a clause without
//! naming anyone, period tokens, the verbs a headline capitalises, and the trimming that
//! turns a run of capitalised words into the name it holds ("According to IDC" → "IDC"), and
//! the reading of such runs out of a clause (`en_name`, and `en_names` for the common case).

use crate::segments::MONTHS;
use regex::Regex;
use std::ops::Range;
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
    // So does a writer's: "Look at Paymetrics, which…", "Consider Halden".
    "look",
    "consider",
    "compare",
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

/// A run of capitalised words, with the joiners and model numbers that continue a name.
pub(crate) fn en_name() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let word = r"(?:[A-Z][\w&+'’.-]*|[a-z]{1,3}[A-Z][\w+-]*|\d+[A-Z][\w-]*)";
        // Model numbers continue a name: "PlayStation 5", "Galaxy S24".
        // A name stays on its line: "About Lumora Robotics\nLumora Robotics is…" is two.
        Regex::new(&format!(r"{word}(?:[ \t]+(?:of[ \t]+|&[ \t]+|de[ \t]+)?(?:{word}|\d+\b))*")).expect("static regex")
    })
}

/// Characters beyond ASCII that are neither word characters nor digits to `en_name`'s Unicode
/// classes: the punctuation, spaces and signs of English text. '’' is one of the characters a
/// name's word goes on with.
const OPAQUE: [char; 15] = ['’', '‘', '“', '”', '—', '–', '…', '\u{a0}', '•', '®', '™', '©', '°', '€', '£'];

/// The names `en_name` finds in `hay`, in order, as ranges of it. A hay of ASCII and `OPAQUE`
/// characters, nearly every English one, is read byte by byte as the regex reads it (the tests
/// hold the two to each other), at under half the regex's cost: the subject finder reads the
/// names of most clauses before a claim. Any other character might be a letter or a digit to
/// the regex, and a hay holding one is left to it.
pub(crate) fn en_names(hay: &str) -> EnNames<'_> {
    if hay.is_ascii() || hay.chars().all(|c| c.is_ascii() || OPAQUE.contains(&c)) {
        EnNames::Bytes { hay: hay.as_bytes(), at: 0 }
    } else {
        EnNames::Regex(en_name().find_iter(hay))
    }
}

pub(crate) enum EnNames<'h> {
    Bytes { hay: &'h [u8], at: usize },
    Regex(regex::Matches<'static, 'h>),
}

impl Iterator for EnNames<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        match self {
            EnNames::Regex(matches) => matches.next().map(|m| m.range()),
            EnNames::Bytes { hay, at } => {
                let found = next_en_name(hay, *at)?;
                *at = found.end;
                Some(found)
            }
        }
    }
}

/// `en_name`'s first match in `b` from `at`, for a hay whose bytes beyond ASCII all belong to
/// `OPAQUE` characters. Each part of the regex takes all it can and nothing after it ever
/// needs what it took, so the first way that matches is the only one to try.
fn next_en_name(b: &[u8], at: usize) -> Option<Range<usize>> {
    // Every word holds a capital: the first one after `at` anchors the leftmost match, which
    // starts at the digits before it ("5G") or up to three lower-case letters ("iPhone").
    let cap = at + b[at..].iter().position(u8::is_ascii_uppercase)?;
    let lead = &b[at..cap];
    let digits = lead.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let lower = lead.iter().rev().take(3).take_while(|c| c.is_ascii_lowercase()).count();
    let start = cap - if digits > 0 { digits } else { lower };
    let mut end = en_word_end(b, start)?;
    // More words or a model number, each after spaces or tabs and perhaps "of", "&" or "de".
    loop {
        let gap = en_spaces(b, end);
        if gap == 0 {
            break;
        }
        let next = end + gap;
        let linked = ["of", "&", "de"]
            .iter()
            .find(|l| b[next..].starts_with(l.as_bytes()))
            .map(|l| next + l.len())
            .filter(|&k| en_spaces(b, k) > 0)
            .and_then(|k| en_word_or_number(b, k + en_spaces(b, k)));
        match linked.or_else(|| en_word_or_number(b, next)) {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(start..end)
}

fn en_spaces(b: &[u8], at: usize) -> usize {
    b[at..].iter().take_while(|&&c| c == b' ' || c == b'\t').count()
}

/// Where the word `en_name` reads at `p` ends: a capital, up to three lower-case letters and a
/// capital, or digits and a capital, each going on with its own characters.
fn en_word_end(b: &[u8], p: usize) -> Option<usize> {
    let first = *b.get(p)?;
    if first.is_ascii_uppercase() {
        // `[\w&+'’.-]*`, where '’' is three bytes.
        let mut q = p + 1;
        loop {
            match b.get(q) {
                Some(&c) if is_word_byte(c) || b"&+'.-".contains(&c) => q += 1,
                Some(0xE2) if b[q..].starts_with("’".as_bytes()) => q += "’".len(),
                _ => return Some(q),
            }
        }
    }
    let (cap, goes_on): (usize, fn(u8) -> bool) = if first.is_ascii_lowercase() {
        let letters = b[p..].iter().take(4).take_while(|c| c.is_ascii_lowercase()).count();
        if letters > 3 {
            return None;
        }
        (p + letters, |c| is_word_byte(c) || c == b'+' || c == b'-')
    } else if first.is_ascii_digit() {
        (p + b[p..].iter().take_while(|c| c.is_ascii_digit()).count(), |c| is_word_byte(c) || c == b'-')
    } else {
        return None;
    };
    if !b.get(cap).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    Some(cap + 1 + b[cap + 1..].iter().take_while(|&&c| goes_on(c)).count())
}

/// `\w` for a byte of a hay `next_en_name` reads.
fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// `{word}|\d+\b` at `p`: a word, else digits that end a word.
fn en_word_or_number(b: &[u8], p: usize) -> Option<usize> {
    en_word_end(b, p).or_else(|| {
        let end = p + b[p..].iter().take_while(|c| c.is_ascii_digit()).count();
        (end > p && b.get(end).is_none_or(|&c| !is_word_byte(c))).then_some(end)
    })
}

/// "Its chief executive, Mara Lindqvist, told reporters…", "NPD analyst Mat Piscatella": a
/// person named by a title speaks for a firm; she holds no share and measures nothing.
pub(crate) fn is_titled_person(before: &str) -> bool {
    without_title(before).is_some()
}

/// The text before a person's title that `before` ends with ("Veltra chief executive" →
/// "Veltra"), if it ends with one.
pub(crate) fn without_title(before: &str) -> Option<&str> {
    const TITLES: [&str; 20] = [
        "chief executive",
        "chief executive officer",
        "ceo",
        "president",
        "chairman",
        "chairwoman",
        "chair",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "analyst",
        "analysts",
        "economist",
        "researcher",
        "founder",
        "director",
        "manager",
        "executive",
        "officer",
        "head",
    ];
    let b = before.trim_end().trim_end_matches(',').trim_end();
    // Compared case-blind in place: the titles are ASCII, so nothing need be lower-cased.
    let bytes = b.as_bytes();
    // Only the titles ending in the text's last letter are compared: it is asked of most names
    // before a claim and of every place a person's name stands in the document.
    let last = bytes.last()?.to_ascii_lowercase();
    let ends_with =
        |t: &str| bytes.len() >= t.len() && bytes[bytes.len() - t.len()..].eq_ignore_ascii_case(t.as_bytes());
    // "market researcher Brightwave Analytics" is a firm that measures, not a person.
    if ends_with("market researcher") {
        return None;
    }
    TITLES
        .iter()
        .filter(|t| {
            t.as_bytes().last() == Some(&last)
                && ends_with(t)
                && (bytes.len() == t.len() || [b' ', b',', b'\n'].contains(&bytes[bytes.len() - t.len() - 1]))
        })
        .map(|t| &b[..b.len() - t.len()])
        .min_by_key(|head| head.len())
}

/// Whether the text before a name ends with a person's title and perhaps a first name ("NPD
/// analyst Mat ", "research director "), so the name is a person's.
pub(crate) fn is_person_by_role(before: &str) -> bool {
    is_titled_person(without_first_name(before))
}

/// "Veltra chief executive Jonas " → "Veltra chief executive".
pub(crate) fn without_first_name(before: &str) -> &str {
    let head = before.trim_end();
    let first = head.rsplit(char::is_whitespace).next().unwrap_or("");
    let is_first_name =
        first.starts_with(|c: char| c.is_ascii_uppercase()) && first.bytes().all(|b| b.is_ascii_alphabetic());
    if is_first_name { &head[..head.len() - first.len()] } else { head }
}

/// "American ranked second behind United", "American third on US$53.2 billion": a people's
/// adjective that modifies nothing (a verb, an ordinal or a preposition follows it) is a name
/// (the airline), not a nationality. `next` is the word after it, in lower case.
pub(crate) fn is_demonym_name(place: &str, next: Option<&str>) -> bool {
    let demonym = ["ese", "ish", "an", "ian", "ean", "i"].iter().any(|x| place.ends_with(x))
        && place.starts_with(|c: char| c.is_ascii_uppercase())
        && !place.contains(' ');
    let unmodifying = next.is_some_and(|w| {
        matches!(
            w,
            "is" | "was"
                | "has"
                | "had"
                | "holds"
                | "held"
                | "leads"
                | "led"
                | "remains"
                | "remained"
                | "first"
                | "second"
                | "third"
                | "fourth"
                | "fifth"
                | "sixth"
                | "seventh"
                | "eighth"
                | "ninth"
                | "tenth"
                | "by"
                | "on"
                | "at"
                | "with"
        ) || (w.ends_with("ed") && w.len() > 4)
    });
    demonym && unmodifying
}

/// The word after a name, in lower case, as `is_demonym_name` reads it: the first of its
/// clause, which ends at a comma, colon, full stop, bracket or dash.
pub(crate) fn next_word_lower(after: &str) -> Option<String> {
    let head = &after[..after.char_indices().nth(60).map_or(after.len(), |(i, _)| i)];
    let clause = head.split([',', ';', ':', '.', '(', '—']).next().unwrap_or("");
    clause.split_whitespace().next().map(str::to_ascii_lowercase)
}

/// Whether `name` is introduced somewhere in the text as a person by role ("…according to NPD
/// analyst Mat Piscatella. … Piscatella said").
pub(crate) fn named_person(text: &str, name: &str) -> bool {
    name.len() >= 3
        && !name.contains(' ')
        && memchr::memmem::find_iter(text.as_bytes(), name.as_bytes())
            .any(|i| is_person_by_role(&text[text.floor_char_boundary(i.saturating_sub(48))..i]))
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

    #[test]
    fn opaque_characters_are_neither_letters_nor_spaces_to_en_name() {
        let classes = Regex::new(r"\w|\d|[ \t]").unwrap();
        for c in OPAQUE {
            assert!(!classes.is_match(&c.to_string()), "{c:?}");
        }
    }

    #[test]
    fn en_names_reads_as_the_regex() {
        // Pieces that open, continue, join and end names, and characters that send a hay to
        // the regex ("é" is a letter to it, "٣" a digit, "º" a letter).
        const PIECES: [&str; 32] = [
            "A", "Q", "Z", "a", "b", "x", "z", "of", "de", "&", "1", "0", "_", "+", "'", "’", ".", "-", " ", "  ",
            "\t", "\n", ",", "“", "—", "°", "\u{a0}", "é", "٣", "º", "Of", "De",
        ];
        let mut rng = crate::testgen::XorShift(0x2545_f491_4f6c_dd1d);
        let mut hays: Vec<String> = [
            "Bank of America and AT&T’s iPhone 15 Pro",
            "the top five: Xiaomi, vivo, OPPO 5G de la Rue",
            "macOS abcdEf 12ab 3Com 42 Street, Model 5x",
            "Galaxy S24 Ultra\tof\t Apple",
            "Procter & Gamble de  Beers of the Year",
        ]
        .map(String::from)
        .to_vec();
        for _ in 0..20_000 {
            hays.push(rng.string(&PIECES, 24));
        }
        for hay in &hays {
            let regex: Vec<Range<usize>> = en_name().find_iter(hay).map(|m| m.range()).collect();
            assert_eq!(en_names(hay).collect::<Vec<_>>(), regex, "{hay:?}");
        }
    }
}
