//! Who stands behind a claim: a description of its holder, the holder's own word, a speaker
//! quoted, or the measurers the article cites. Each answer narrows or widens how far the
//! claim's scope may be read from the text around it.

use crate::lexicon::{LexiconCategory, Lexicons};
use crate::matcher::Candidate;
use crate::model::Kind;
use crate::scope::TagDraft;
use crate::segments::{Layout, clause_bounds};
use crate::subject::{SubjectDraft, SubjectFinder};
use crate::voice;
use memchr::memmem::FinderRev;
use std::sync::OnceLock;

/// Cue phrases asked of every claim: searchers built once, SIMD searches rather than a
/// searcher per cue per call. The English cues come first, so plain ASCII text asks only those.
struct Cues {
    finders: Vec<FinderRev<'static>>,
    ascii: usize,
}

impl Cues {
    fn new(cues: &[&'static str]) -> Cues {
        let finders = cues.iter().map(|c| FinderRev::new(c.as_bytes())).collect();
        Cues { finders, ascii: cues.iter().take_while(|c| c.is_ascii()).count() }
    }

    /// Where each cue that occurs in `hay` occurs last.
    fn last_each<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = usize> + 'h {
        let asked = if hay.is_ascii() { &self.finders[..self.ascii] } else { &self.finders[..] };
        asked.iter().filter_map(move |f| f.rfind(hay.as_bytes()))
    }
}

/// A superlative that opens its clause ("Acme, the world's leading maker of...", "As a
/// global leader in X, ...", 作为行业龙头) describes its subject rather than reporting a
/// measurement, so figures elsewhere in the sentence do not scope it.
pub(crate) fn is_characterisation(text: &str, layout: &Layout, c: &Candidate) -> bool {
    let clause = clause_bounds(text, layout.sentences[c.sentence].range.clone(), c.span.start);
    let before = text[clause.start.min(c.span.start)..c.span.start].trim();
    let lower = before.to_lowercase();
    let rest = &text[c.span.start..clause.end.max(c.span.end)];
    let introduced = (lower.ends_with(" as") && !takes_the_place(&lower[..lower.len() - 3]))
        || lower == "as"
        || ["作为", "身为"].iter().any(|p| lower.ends_with(p));
    let claim = text[c.span.clone()].to_lowercase();
    // "one of the largest", "最大的…之一": membership of a vague set, not a measured place.
    let one_of = lower.ends_with("one of the")
        || lower.ends_with("one of")
        || claim.starts_with("one of")
        || rest.contains("之一");
    // A noun phrase opening its clause is an appositive or a slogan; "nearly 21 points ahead"
    // opening a clause still reports a measurement.
    let noun_phrase = ["the ", "a ", "an "].iter().any(|d| claim.starts_with(d))
        || text[c.span.clone()].starts_with(|ch: char| ch.is_uppercase() || crate::segments::is_cjk(ch));
    introduced || c.kind == Kind::Superlative && (before.is_empty() && noun_phrase || one_of)
}

/// "BYD overtook Tesla as Europe's best-selling carmaker", "Intel came out as No. 2": the
/// clause's verb gives the place it names; "Acme, as the largest supplier," only describes.
fn takes_the_place(lead: &str) -> bool {
    const VERBS: [&str; 37] = [
        "came",
        "comes",
        "ended",
        "landed",
        "placed",
        "overtook",
        "overtakes",
        "overtake",
        "overtaking",
        "surpassed",
        "surpasses",
        "passed",
        "replaced",
        "replaces",
        "displaced",
        "unseated",
        "dethroned",
        "emerged",
        "emerges",
        "became",
        "becomes",
        "crowned",
        "ranked",
        "ranks",
        "rated",
        "retained",
        "retains",
        "remained",
        "remains",
        "finished",
        "cemented",
        "left",
        "leaves",
        "leaving",
        "run",
        "reign",
        "streak",
    ];
    lead.split(|c: char| !c.is_alphanumeric()).any(|w| VERBS.contains(&w))
}

/// Whether a source found in the context is one the holder cites for its own figures: its
/// sentence attributes them to it ("attributes the figures to Omdia", "citing GfK", 援引).
pub(crate) fn cited_by_holder(text: &str, layout: &Layout, source: &TagDraft) -> bool {
    let Some(s) = layout.sentence_at(source.range.start) else { return false };
    let before = &text[layout.sentences[s].range.start..source.range.start];
    const CUES: [&str; 9] =
        ["attributes", "attributed", "credits", "credited", "citing", "cites", "cited", "援引", "引用"];
    CUES.iter().any(|w| before.contains(w))
}

/// "追觅方面在接受采访时称，公司…销量排名第一", "Veltra said it now held 17%": a holder
/// reporting its own position asserts it; the measurer the article cites elsewhere does not
/// stand behind it.
pub(crate) fn self_reported(
    text: &str,
    lex: &Lexicons,
    sentence: std::ops::Range<usize>,
    c: &Candidate,
    subject: Option<&SubjectDraft>,
) -> bool {
    // "claimed first place" reports what a firm took; "claims 46.8%" is what it says.
    const VERBS: [&str; 13] = [
        " said ",
        " says ",
        " claims ",
        " told ",
        "称，",
        "表示，",
        "介绍，",
        "强调，",
        "透露，",
        "自称",
        "宣称",
        "声称",
        "号称",
    ];
    let Some(subject) = subject.filter(|s| s.range.end <= c.span.start) else { return false };
    let lead = &text[sentence.start..c.span.start];
    static FINDERS: OnceLock<Cues> = OnceLock::new();
    let Some(at) = FINDERS.get_or_init(|| Cues::new(&VERBS)).last_each(lead).max() else {
        return false;
    };
    let speaker = &text[sentence.start..sentence.start + at];
    // A measurer saying who leads ("Counterpoint said…", "IDC称") is the source, not a holder.
    if !lex.get(LexiconCategory::Source).find(text, sentence.start..sentence.start + at).is_empty() {
        return false;
    }
    let name = &text[subject.range.clone()];
    // The speaker is the holder: named before the verb, or the claim's holder is a word such as
    // 公司 standing for the speaker named before it.
    let head = &name[..name.char_indices().nth(2).map_or(name.len(), |(i, _)| i)];
    let spoken_of = subject.range.start >= sentence.start + at
        && (name.chars().any(crate::segments::is_cjk) || SubjectFinder::is_pronoun(name));
    let refers = SubjectFinder::is_pronoun(name) || name.chars().count() >= 2 && speaker.contains(head);
    (subject.range.end <= sentence.start + at && speaker.contains(name))
        || (spoken_of && refers && !speaker.contains("据") && !speaker.contains("according"))
}

/// "Samsung and Hisense each claim to be No. 1", "格力方面则坚称自己仍是…第二": a claim its
/// holder is said to profess is theirs to back; the figures the article cites around it do not
/// measure it.
pub(crate) fn professed(text: &str, layout: &Layout, c: &Candidate) -> bool {
    const CUES: [&str; 17] = [
        "claim to be",
        "claims to be",
        "claimed to be",
        "claiming to be",
        "bills itself as",
        "billed itself as",
        "calls itself",
        "called itself",
        "touts itself as",
        "styles itself",
        "insists it is",
        "insisted it was",
        "坚称",
        "宣称",
        "声称",
        "自称",
        "号称",
    ];
    let clause = clause_bounds(text, layout.sentences[c.sentence].range.clone(), c.span.start);
    let before = &text[clause.start.min(c.span.start)..c.span.start];
    let lower = before.to_lowercase();
    // "so it could still claim to be the largest": the writer weighs the claim on the figures
    // given, which do back it.
    let weighed = |at: usize| {
        lower[..at].split_whitespace().rev().take(2).any(|w| ["could", "can", "may", "might", "would"].contains(&w))
    };
    static FINDERS: OnceLock<Cues> = OnceLock::new();
    FINDERS.get_or_init(|| Cues::new(&CUES)).last_each(&lower).any(|at| !weighed(at))
}

/// Whether a claim stands inside a quotation long enough to be someone's words rather than a
/// term in quotes ("the \"first\"").
pub(crate) fn in_speech(text: &str, block: std::ops::Range<usize>, c: &Candidate) -> bool {
    const SPEECH: usize = 40;
    // Someone is said to say it, just before or after the quotation; a slogan quoted in an
    // article about advertising is not speech.
    const VERBS: [&str; 19] = [
        "said",
        "says",
        "argued",
        "argues",
        "claims",
        "insists",
        "maintains",
        "added",
        "told",
        "noted",
        "explained",
        "stated",
        "according to",
        "表示",
        "称",
        "说",
        "指出",
        "介绍",
        "强调",
    ];
    let near = |r: std::ops::Range<usize>| {
        let (a, b) = (text.floor_char_boundary(r.start), text.floor_char_boundary(r.end));
        let t = &text[a..b];
        VERBS.iter().any(|v| t.contains(v))
    };
    // A quotation closes by its line's end, so the claim's block holds all of it.
    let para = &text[block.clone()];
    if !para.contains(['"', '“', '「']) {
        return false;
    }
    let quotes = voice::quoted_ranges(para);
    quotes.iter().map(|q| block.start + q.start..block.start + q.end).any(|q| {
        q.start <= c.span.start
            && c.span.end <= q.end
            && q.len() >= SPEECH
            && (near(q.end..q.end + 48) || near(q.start.saturating_sub(32)..q.start))
    })
}

/// "the largest share among streaming services" measures something even when it stands as an
/// appositive: a claim that names what it counts is never a mere characterisation.
pub(crate) fn is_measured(text: &str, lex: &Lexicons, c: &Candidate) -> bool {
    let claim = &text[c.span.clone()];
    let lower = claim.to_lowercase();
    ["share", "份额", "占比", "市占率"].iter().any(|w| lower.contains(w))
        || !lex.get(LexiconCategory::Metric).find(text, c.span.clone()).is_empty()
}
