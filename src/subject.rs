//! Who holds the share or rank: the organisation named nearest before the claim in its
//! clause, a capitalised name in English, the clause-initial noun in Chinese, or, for "it",
//! "the company" and 公司, whoever the paragraph was last talking about.

use crate::lexicon::{LexMatch, LexiconCategory, Lexicons};
use crate::model::Via;
use crate::names::{
    HEADLINE_VERBS, en_name, en_names, is_titled_person, named_person, trim_en_name, without_first_name, without_title,
};
use crate::segments::{Layout, has_cjk, is_cjk};
use aho_corasick::AhoCorasick;
use regex::Regex;
use std::cell::{Ref, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq)]
pub struct SubjectDraft {
    pub range: Range<usize>,
    pub id: Option<String>,
    /// Where it was found: the claim's own sentence, earlier in its paragraph, or the
    /// document's issuer.
    pub via: Via,
}

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

/// Words a Chinese clause opens with when it goes on about the sentence's topic.
const ZH_PREDICATES: [&str; 14] =
    ["是", "为", "成为", "已成为", "已是", "位居", "位列", "稳居", "连续", "蝉联", "也是", "还是", "仍是", "一直是"];

const ZH_PRONOUNS: &[&str] = &["本公司", "该公司", "公司", "我们", "我司", "本集团", "集团", "该品牌", "其", "我们的"];

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

/// Particles and verbs that end a Chinese clause-initial subject ("比亚迪|以23.5%排名第二").
fn zh_boundary() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"自称|宣称|声称|号称|表示|成立|创立|创办|始创|创建|总部|称|公布|宣布|发布|公佈|宣佈|發佈|以|在|被|完成|从|的|为|占|按|凭借|凭|连续|蝉联|继续|仍|已|再次|首次|首度|再度|率先|稳居|位居|位列|位于|排名|排在|排第|名列|居|跃居|升至|降至|成为|是|拿下|获得|夺得|夺回|实现|达到|达|则|也|还|和|与|及|、|\d|[０-９]|全球|中国|国内|全国|市场|份额|销量|出货|收入|营收|今年|去年|上半年|下半年|前三季度|第[一二三四]季度|[一二三四]季度|同比|环比|共|合计|分别|均|都|将|于|已经|正|就|一直|持续|保持|领跑|领先|遥遥|稳|包揽|跻身|进入|入围|次之|居次|超越|超过|高于|落后",
        )
        .expect("static regex")
    })
}

fn zh_openers() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        // Openers, and the periods a clause may start with ("截至2025年6月海川…", "2024年海川…").
        Regex::new(
            r"^(?:【[^】]{0,16}】|\[[^\]]{0,16}\]|(?:其中|而|但是|但|另外|此外|同时|不过|另|并且|并|且|也|还|则|因此|目前|此前|随后|最终|其次|再次|此次|本次|这次|当时|彼时|随即|迅速|一举|逐步|逐渐|成功|按[^，,]{1,12}?计算?|从[^，,]{1,12}?看)|截至[^，,]{0,14}?(?:年|月|日|底|末|目前)|(?:19|20)[0-9]{2}\s?年(?:度|全年|第[一二三四1-4]季度?|[一二三四1-4]季度|[上下]半年|前[一二三]季度?|[0-9]{1,2}月(?:[0-9]{1,2}日)?)?|(?:今年|去年|上年|同期|当期|本期|本季度|当季|当月|本月|上半年|下半年|一季度|二季度|三季度|四季度|全年)(?:以来)?)+",
        )
            .expect("static regex")
    })
}

/// The Chinese forms of `top_group`: 前三名, 前五大厂商, 两家头部厂商.
const TOP_GROUP_ZH: &str = r"前[二两三四五六七八九十\d]{1,2}(?:名|大|家|位|强)?的?(?:厂商|品牌|企业|玩家|公司|云厂商)?(?:集团)?|[二两三四五六七八九十]家(?:头部|主要|领先)?(?:厂商|品牌|企业|玩家|公司|云厂商)?";

/// The English forms of `top_group`: "the top three vendors", "the top five".
const TOP_GROUP_EN: &str = r"\btop\s*\d{1,2}(?:厂商|品牌|企业|玩家)|\b(?:the\s+)?top[\s-]+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})(?:\s+(?:vendors|brands|players|companies|providers|makers|firms|suppliers))?\b|\b(?:together\s+)?the\s+(?:next\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:largest\s+|biggest\s+|leading\s+)?(?:[a-z-]+\s+)?(?:vendors|brands|players|companies|providers|makers|firms|suppliers|retailers|carriers|banks|airlines|platforms|chains|operators|manufacturers)\b";

/// A ranked group as a subject: 前三名, 前五大厂商, "the top three vendors", "the top five".
fn top_group() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("(?i){TOP_GROUP_ZH}|{TOP_GROUP_EN}")).expect("static regex"))
}

/// `top_group` without its English forms. Those have a `\b`, which makes the regex slow on
/// Chinese text; this one finds the same groups in a clause without "top" or "the".
fn top_group_zh() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(&format!("(?i){TOP_GROUP_ZH}")).expect("static regex"))
}

/// Substrings, in any case, without which no clause names a group for `top_group`: each of
/// its forms holds 前, 家, "top" or "the", the Chinese ones 前 or 家 and the English ones "top"
/// or "the" (no character beyond ASCII folds to a letter of those).
fn group_cues() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        aho_corasick::AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(["前", "家", "top", "the"])
            .expect("static patterns")
    })
}

/// The last ranked group `top_group` finds in `lead`, asking the cheaper Chinese-only regex
/// when no English form can be there.
fn last_top_group(lead: &str) -> Option<regex::Match<'_>> {
    let mut cued = false;
    for cue in group_cues().find_iter(lead) {
        // The patterns from 2 on are the English cues.
        if cue.pattern().as_usize() >= 2 {
            return top_group().find_iter(lead).last();
        }
        cued = true;
    }
    if cued { top_group_zh().find_iter(lead).last() } else { None }
}

/// "X expects Y to make up", "X forecasts that Y will hold": Y, at most five words, before the
/// verb that leads to the claim.
fn forecast() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"\b(?:expects?|expected|forecasts?|forecast|predicts?|predicted|projects?|projected|sees|saw)\s+(?:that\s+)?(?P<held>(?:[\w&+.’'-]+\s+){0,4}?[\w&+.’'-]+)\s+(?:to|will|would|could|should)\s+(?:\w+\s+){0,2}$")
            .expect("static regex")
    })
}

/// Whether one of the last three words of `lead` is the "to" or "will" that `forecast` needs
/// between the held and at most two words before the claim: few leads have one, and the regex
/// is slow to say no.
fn ends_in_modal(lead: &str) -> bool {
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

/// The rest of a market as a holder, opening its clause: "All other vendors", "Others", "The
/// rest", 其他厂商, 其余品牌.
fn rest_group() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?i:(?:all\s+)?(?:the\s+)?(?:other|remaining)\s+(?:[a-z-]+\s+){0,2}?(?:vendors|brands|players|companies|makers|manufacturers|firms|suppliers|providers|carriers|airlines|operators|rivals|competitors|oems|platforms|services|chains|banks|retailers)\b|others\b|the\s+rest\b(?:\s+of\s+the\s+(?:market|field|pack))?|(?:local|domestic|foreign|international|overseas|independent|smaller|small|major|chinese|japanese|korean|european|american|indian)\s+(?:brands|vendors|players|companies|makers|manufacturers|firms|suppliers|carriers|banks|retailers|rivals|oems|automakers|carmakers|chipmakers)\b)|^(?:其他|其它|其余|剩余)[\p{Han}]{0,6}?(?:厂商|品牌|企业|玩家|公司|车企|机构)")
            .expect("static regex")
    })
}

/// `rest_group` at the start of `opening`. Its English forms open with an ASCII letter (or the
/// long s and Kelvin sign its case-blindness takes for "s" and "k"), its Chinese ones with 其
/// or 剩: a clause opening with any other Chinese character is passed over without the regex,
/// which on Chinese text is slow to say no.
fn rest_group_at(opening: &str) -> Option<regex::Match<'_>> {
    let first = opening.chars().next()?;
    if is_cjk(first) && first != '其' && first != '剩' {
        return None;
    }
    rest_group().find(opening)
}

/// What may stand between a Chinese ranked group and its combined share.
fn group_gap() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"^(?:合计|共计|总计|累计|一共|总共|合共|合占|共|的|市场|份额|占据|占有|占比|占|拿下|达到|达|为|超过|超|逾|约|近|接近|\s)*$")
            .expect("static regex")
    })
}

/// "天猫空气炸锅品类销量TOP1": a platform whose category ranks brands is where a claim is
/// measured, not who holds it; `after` is the text after the platform's name.
pub(crate) fn is_venue(after: &str) -> bool {
    // Ten characters at most: 30 bytes of Chinese.
    let next = &after[..after.floor_char_boundary(30)];
    // The words are Chinese: ASCII holds none of them. Each is looked for only where its first
    // character stands, in one pass over the ten characters.
    const WORDS: [&str; 5] = ["品类", "类目", "热销榜", "榜单", "平台"];
    !next.is_ascii()
        && !next.contains(['，', ','])
        && next.char_indices().any(|(i, c)| {
            matches!(c, '品' | '类' | '热' | '榜' | '平') && WORDS.iter().any(|w| next[i..].starts_with(w))
        })
}

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

pub struct SubjectFinder<'a> {
    text: &'a str,
    layout: &'a Layout,
    lex: &'a Lexicons,
    /// Whether each name asked about is introduced as a person somewhere in the text: finding
    /// out searches the whole document, and its claims ask after the same few names.
    persons: RefCell<HashMap<&'a str, bool>>,
    /// The lexicon's matches in the range asked about last: a name is looked up to rule it out
    /// as a place or a source, and then again for its organisation's id.
    last_hits: RefCell<Option<(Range<usize>, Vec<LexMatch>)>>,
}

impl<'a> SubjectFinder<'a> {
    pub fn new(text: &'a str, layout: &'a Layout, lex: &'a Lexicons) -> Self {
        SubjectFinder { text, layout, lex, persons: RefCell::default(), last_hits: RefCell::default() }
    }

    /// `Lexicons::find` over `r`, answered again without a search while `r` is the range last
    /// asked about. The answer must be let go of before the next question.
    fn lexicon_hits(&self, r: &Range<usize>) -> Ref<'_, [LexMatch]> {
        let known = self.last_hits.borrow().as_ref().is_some_and(|(at, _)| at == r);
        if !known {
            let found = self.lex.find(self.text, r.clone());
            *self.last_hits.borrow_mut() = Some((r.clone(), found));
        }
        Ref::map(self.last_hits.borrow(), |last| last.as_ref().map_or(&[][..], |(_, hits)| hits.as_slice()))
    }

    /// Whether the lexicon knows a source in `r`.
    fn has_source(&self, r: &Range<usize>) -> bool {
        self.lexicon_hits(r).iter().any(|m| m.category == LexiconCategory::Source)
    }

    /// `named_person` for this document's text, answered once per name.
    fn is_named_person(&self, name: &'a str) -> bool {
        // One hashing of the name, found or not: most names are asked about once.
        *self.persons.borrow_mut().entry(name).or_insert_with(|| named_person(self.text, name))
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn layout(&self) -> &'a Layout {
        self.layout
    }

    /// A name in the claim's own sentence, with its organisation id if it is a known one.
    fn named(&self, r: Range<usize>) -> SubjectDraft {
        SubjectDraft { id: self.org_id(&r), range: r, via: Via::Sentence }
    }

    fn org_id(&self, r: &Range<usize>) -> Option<String> {
        let hits = self.lexicon_hits(r);
        let first = hits.iter().find(|m| m.category == LexiconCategory::Org)?;
        (first.range == *r).then(|| self.lex.id(first.entry).to_string())
    }

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

    /// The subject of a claim at `claim` in sentence `s`, if its own sentence names one.
    pub fn find(&self, s: usize, claim: &Range<usize>, orgs: &[Range<usize>]) -> Option<SubjectDraft> {
        let Some(found) = self.find_named(s, claim, orgs) else { return self.place_holder(s, claim) };
        Some(self.possessed(&found, claim.start).unwrap_or(found))
    }

    /// "中国大陆组件产能达920GW，占全球总产能的83.4%", "China made up 80% of global capacity": a
    /// share of the world held by a place names no firm; the place holds it.
    fn place_holder(&self, s: usize, claim: &Range<usize>) -> Option<SubjectDraft> {
        let sentence = self.layout.sentences[s].range.clone();
        let mut end = (claim.end + 24).min(sentence.end);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let window = sentence.start..end;
        // Most sentences name no world at all: a substring test spares them the lexicon.
        let hay = &self.text[window.clone()];
        let latin = |w: &[u8]| hay.as_bytes().windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
        if !(hay.contains("全球") || hay.contains("世界") || latin(b"global") || latin(b"world")) {
            return None;
        }
        let geo = self.lex.get(LexiconCategory::Geo);
        let hits = geo.find(self.text, window);
        let world = |m: &crate::lexicon::LexMatch| geo.id(m.entry) == "geo.global";
        // The world is the share's whole, said just before the figure, in it or just after it
        // ("占全球总产能的83.4%", "83% of global capacity").
        let whole = hits.iter().find(|m| {
            world(m)
                && (m.range.end <= claim.start && claim.start - m.range.end <= 12
                    || m.range.start >= claim.end
                        && ["of", "of the", "of all"].contains(&self.text[claim.end..m.range.start].trim())
                    || m.range.start >= claim.start && m.range.end <= claim.end)
        })?;
        let before = whole.range.start.min(claim.start);
        // The place is the clause's topic, near enough before both.
        let place = hits.iter().rfind(|m| !world(m) && m.range.end <= before)?;
        if before - place.range.end > 80 {
            return None;
        }
        Some(SubjectDraft { range: place.range.clone(), id: Some(geo.id(place.entry).to_string()), via: Via::Sentence })
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

    /// The clause of the sentence starting at `from` that ends just before `end`, without its
    /// separator or the spaces around it.
    fn clause_before(&self, from: usize, end: usize) -> Range<usize> {
        const SEPARATORS: [char; 7] = ['，', ',', '；', ';', '：', ':', '。'];
        let head = self.text[from..end].trim_end_matches(|c: char| c.is_whitespace() || SEPARATORS.contains(&c));
        let start = head.rfind(SEPARATORS).map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
        let part = &head[start..];
        from + start + (part.len() - part.trim_start().len())..from + head.len()
    }

    /// What follows the "for" of "39% for cable" up to the next comma, "and" or stop: at most
    /// four words, none of them a figure.
    fn share_for(&self, claim: &Range<usize>, end: usize) -> Option<Range<usize>> {
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

    /// Whether `r` opens with a metric's name ("门店数量", "增速").
    fn opens_with_metric(&self, r: Range<usize>) -> bool {
        let t = &self.text[r.clone()];
        let start = r.start + (t.len() - t.trim_start().len());
        if ["增速", "增幅", "增长率", "份额", "占比"].iter().any(|w| t.trim_start().starts_with(w)) {
            return true;
        }
        // "储能电池出货量…第二": a market and its metric name what is counted, too.
        let hits = self.lexicon_hits(&r);
        match &hits[..] {
            [m, ..] if m.range.start == start && m.category == LexiconCategory::Metric => true,
            [a, b, ..] => {
                a.range.start == start
                    && a.category == LexiconCategory::Market
                    && b.category == LexiconCategory::Metric
                    && b.range.start == a.range.end
            }
            _ => false,
        }
    }

    /// Whether the name at `o` is the object of a verb of passing read from `from` ("to overtake
    /// Apple"), and not also the subject of a relative clause holding the claim at `claim`.
    fn passed_over(&self, from: usize, o: &Range<usize>, claim: usize) -> bool {
        is_passed(&self.text[from..o.start]) && !relative(&self.text[o.end..claim])
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

    /// "AbbVie's Humira enjoyed a decade-long run as the best-selling drug": the owner is
    /// context, the product it owns holds the rank.
    fn possessed(&self, owner: &SubjectDraft, limit: usize) -> Option<SubjectDraft> {
        let after = self.text.get(owner.range.end..limit)?;
        let rest = after.strip_prefix("'s ").or_else(|| after.strip_prefix("’s "))?;
        let m = en_name().find(rest).filter(|m| m.start() == 0)?;
        let name = trim_en_name(m.as_str())?;
        let start = limit - rest.len() + m.as_str().find(name)?;
        let r = start..start + name.len();
        Some(SubjectDraft { id: self.org_id(&r), range: r, via: owner.via })
    }

    fn find_named(&self, s: usize, claim: &Range<usize>, orgs: &[Range<usize>]) -> Option<SubjectDraft> {
        let sentence = self.layout.sentences[s].range.clone();
        let kept: Vec<Range<usize>>;
        let orgs = if orgs.iter().any(|o| is_venue(&self.text[o.end..claim.start.max(o.end)])) {
            kept = orgs.iter().filter(|o| !is_venue(&self.text[o.end..claim.start.max(o.end)])).cloned().collect();
            kept.as_slice()
        } else {
            orgs
        };
        let clause = subject_clause(self.text, sentence.clone(), claim.start);
        let reported = self.after_reporting_source(clause.clone(), claim.start);
        // Past a reporting measurer, nothing before its "that" may be the subject.
        let from = if reported.start > clause.start { reported.start } else { sentence.start };
        let clause = reported;
        // A known organisation in the clause before the claim; in Chinese the first one (the
        // topic), in English the nearest one.
        // "expected Walmart to overtake Apple and become the third-largest", "ahead of Apple": a
        // name a verb of passing or a comparison takes is its object, not the holder.
        // Only the first and the last are ever asked for: each is looked for from its own end,
        // so the names between are not tested and nothing is collected.
        let before = |o: &&Range<usize>| {
            o.start >= clause.start && o.end <= claim.start && !self.passed_over(clause.start, o, claim.start)
        };
        // "against 39% for cable and 25% for broadcast", "leaving 29.5% for everyone else": a
        // listed share is held by what follows its "for".
        if let Some(r) = self.share_for(claim, sentence.end) {
            return Some(SubjectDraft { range: r, id: None, via: Via::Sentence });
        }
        let chinese = has_cjk(&self.text[clause.clone()]);
        // A group holding a combined share ("前三名合计占据75.2%", "the top five vendors held")
        // is the subject, whatever names the clause opened with.
        let lead = &self.text[clause.start..claim.start];
        // Most clauses name no group: one search for a few substrings spares them the regex.
        let found = last_top_group(lead);
        if let Some(m) = found {
            // The group must be what holds the share: only a verb or 合计 between it and the claim.
            let gap = &lead[m.end()..];
            // An English group is the subject only when it opens the clause ("The top three
            // vendors held"), not as an object ("rounded out the top five with 7.8%").
            let opens = if m.as_str().chars().any(crate::segments::is_cjk) {
                // "前三名合计占据75.2%", but not "前十二名中唯一一家…".
                group_gap().is_match(gap)
            } else {
                // Compared case-blind in place: beyond ASCII only the Kelvin sign lower-cases to
                // ASCII, and its "k" is in none of these words.
                let before = lead[..m.start()].trim();
                let last = before.rsplit(' ').next().unwrap_or("");
                (before.is_empty()
                    || ["says", "said", "and", "while", "that", "but", "whereas"]
                        .iter()
                        .any(|w| last.eq_ignore_ascii_case(w)))
                    && gap.len() <= 32
            };
            if opens && !gap.contains(|c: char| ",，、；;".contains(c)) {
                let r = clause.start + m.start()..clause.start + m.end();
                return Some(SubjectDraft { range: r, id: None, via: Via::Sentence });
            }
        }
        // "Ardent expects smart rings to make up 12%": a forecaster's object holds the share;
        // the forecaster measured it.
        // "expects that proportion to reach 53.8%" forecasts a figure, not a holder.
        const FIGURES: [&str; 9] =
            ["share", "shares", "proportion", "figure", "number", "percentage", "portion", "ratio", "penetration"];
        if !chinese
            && ends_in_modal(lead)
            && let Some(m) = forecast().captures(lead).and_then(|c| c.name("held"))
            && !m.as_str().rsplit(' ').next().is_some_and(|w| FIGURES.contains(&w.to_ascii_lowercase().as_str()))
        {
            let r = clause.start + m.start()..clause.start + m.end();
            let org = orgs.iter().find(|o| o.start >= r.start && o.end <= r.end).cloned();
            return Some(self.named(org.unwrap_or(r)));
        }
        // "The largest U.S. lender remains Harbor Trust", "Second place went to Aurel": a claim
        // opening its clause names its holder after the verb.
        if !chinese
            && ["", "the"].iter().any(|w| lead.trim().eq_ignore_ascii_case(w))
            && let Some(r) = self.inverted_holder(claim.end, sentence.end)
        {
            return Some(SubjectDraft { range: r, id: None, via: Via::Sentence });
        }
        // "All other vendors together accounted for the remaining 3%": the rest of the market;
        // "…, while all other platforms took the remaining 8.9%" too.
        // A table row opens with its cell's bar: "| Others | 29% |".
        let opening = lead.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
        let opening = ["while ", "and ", "whereas ", "with ", "but "]
            .iter()
            .find_map(|w| opening.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w)).map(|_| &opening[w.len()..]))
            .unwrap_or(opening);
        if let Some(m) = rest_group_at(opening) {
            let start = clause.start + (lead.len() - opening.len()) + m.start();
            return Some(SubjectDraft { range: start..start + m.len(), id: None, via: Via::Sentence });
        }
        // In a list ("火山引擎14.8%、华为云13.1%"), the name right before a share holds it,
        // not the clause's topic.
        // Only in such a list: a value stands before the name ("A14.8%、B13.1%"), unlike the
        // coordinated subjects of "小米和苹果分别占比15.0%、14.2%", whose first takes the first value.
        let last_before = orgs.iter().rfind(before);
        let adjacent = last_before.filter(|o| {
            let gap = &self.text[o.end..claim.start];
            let lead = &self.text[clause.start..o.start];
            gap.chars().count() <= 2
                && !gap.contains(|c: char| "，,、；;：:".contains(c))
                && lead.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        });
        // "小米和苹果分别占比15.0%、14.2%", "上汽通用五菱、长安汽车分列第四、第五": the k-th value
        // after 分别 belongs to the k-th name before it.
        if chinese && let Some(r) = self.respectively(&clause, claim, orgs) {
            return Some(self.named(r));
        }
        // "PS5 is the best-selling hardware in dollars while Switch leads in units": a name the
        // lexicon does not know, nearer the claim than the last one it knows, holds it.
        let nearer = (!chinese)
            .then_some(last_before)
            .flatten()
            .filter(|o| self.text[o.end..claim.start].bytes().any(|b| b.is_ascii_uppercase()))
            .and_then(|o| self.en_name_before(o.end..claim.start).map(|r| (o, r)))
            // Not the rest of the known name ("Hua Hong Group") nor a name joined to it
            // ("Disney+ and Max the runners-up"): a clause of its own lies between.
            .filter(|(o, r)| {
                let gap = &self.text[o.end..r.start];
                gap.split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w.len() > 1 && w.bytes().all(|b| b.is_ascii_lowercase()) && !["and", "or"].contains(&w))
            })
            .map(|(_, r)| r)
            .filter(|r| !is_passed(&self.text[clause.start..r.start]));
        if let Some(r) = nearer {
            return Some(self.named(r));
        }
        let pick = if chinese { adjacent.or_else(|| orgs.iter().find(before)) } else { last_before };
        if let Some(r) = pick {
            return Some(self.named((*r).clone()));
        }
        let guess = if chinese {
            // "增速在前五大品牌中最快": what is counted holds nothing.
            self.zh_chunk(clause.start..claim.start).filter(|r| !self.opens_with_metric(r.start..claim.start))
        } else {
            self.en_name_before(clause.start..claim.start)
        };
        if let Some(r) = guess {
            return Some(self.named(r));
        }
        // "悦然电器成立于2003年，是国内领先的热水器制造商": a clause opening with its predicate
        // is about the sentence's topic.
        // "本公司门店总数达9,216家，门店数量位居…第二", "小米销量同比增长12%，增速…最快": a
        // clause opening with what is counted is about the topic too.
        if chinese
            && clause.start > sentence.start
            && (ZH_PREDICATES.iter().any(|p| self.text[clause.start..claim.start].trim_start().starts_with(p))
                || self.opens_with_metric(clause.start..claim.start))
        {
            // The nearest clause before that names someone: "根据IDC报告，鼎曜…达31.2%，连续六季
            // 位居第一" is about 鼎曜, not the report.
            let mut end = clause.start;
            for _ in 0..2 {
                let part = self.clause_before(sentence.start, end);
                let topic = orgs.iter().find(|o| o.start == part.start && o.end <= part.end);
                // A clause opening with a time or a figure ("2024年组件出货量约92GW") describes;
                // only a name opening its clause is the topic.
                let chunk = self.zh_chunk(part.clone()).filter(|r| r.start == part.start);
                if let Some(r) = topic.cloned().or(chunk) {
                    return Some(self.named(r));
                }
                if part.start == sentence.start {
                    break;
                }
                end = part.start;
            }
        }
        // "静澜，国民空气炸锅领导品牌": a clause that is only a name, and a claim that is all of
        // the next clause describes it.
        if chinese && clause.start > sentence.start && self.text[clause.start..claim.start].trim().is_empty() {
            let whole = self.clause_before(sentence.start, clause.start);
            let part = &self.text[whole.clone()];
            const CUES: [&str; 12] =
                ["据", "方面", "介绍", "建议", "表示", "认为", "指出", "称", "第", "其中", "此外", "同时"];
            if part.chars().count() <= 8
                && !CUES.iter().any(|c| part.contains(c))
                && let Some(r) = self.zh_chunk(whole.clone()).filter(|r| *r == whole)
            {
                return Some(self.named(r));
            }
        }
        // "每卖出10台…，就有3台是静澜", "排名第一的是海川": the holder named after 是.
        if chinese {
            let after = self.text[claim.end..sentence.end].trim_start_matches('的');
            let at = sentence.end - after.len();
            let end = after.find(['，', ',', '；', ';', '。', '、']).map_or(sentence.end, |i| at + i);
            if let Some(verb) = ["是", "为", "来自", "属于", "出自"].iter().find(|v| after.starts_with(*v))
                && let Some(r) = self.zh_chunk(at + verb.len()..end)
            {
                return Some(self.named(r));
            }
        }
        // "Disney's combined services, including Disney+ and Hulu, ranked third": a clause
        // that opens with its verb shares the sentence's subject, whatever it names between.
        if !chinese
            && from == sentence.start
            && opens_with_verb(&self.text[clause.start..claim.end])
            && let Some(r) = self.sentence_opener(sentence.clone(), clause.start)
        {
            return Some(self.named(r));
        }
        // An organisation earlier in the sentence, then one right after the claim
        // ("此前排名第一的LG显示器").
        // "Volcano Engine, the cloud arm of ByteDance, ranked No. 1": a name opening the sentence
        // and set off by a comma is the subject; the appositive only describes it.
        let opener = orgs.iter().find(|o| {
            o.end <= claim.start && self.text[sentence.start..o.start].trim().is_empty() && {
                let after = self.text[o.end..].trim_start_matches([',', '，', ' ']);
                self.text[o.end..].starts_with([',', '，'])
                    && ["the ", "a ", "an ", "its ", "which ", "whose "].iter().any(|w| after.starts_with(w))
            }
        });
        if let Some(r) = opener.or_else(|| {
            orgs.iter().rfind(|o| o.end <= claim.start && o.start >= from && !self.passed_over(from, o, claim.start))
        }) {
            return Some(self.named(r.clone()));
        }
        // "…in the 2026 Veridata Study, the fifth consecutive year the company has earned the
        // top spot": "the company" in the claim's own clause stands for its holder, which the
        // caller finds; a name in an earlier clause is not it.
        if !chinese && names_the_holder(&self.text[clause.start..claim.start]) {
            return None;
        }
        // "…according to a separate Kantar breakdown, though it is a distant third": the "it" of
        // the claim's clause is not the measurer named before it.
        let it = self.text[clause.start..claim.start].split(|c: char| !c.is_ascii_alphabetic()).any(|w| w == "it");
        if !chinese
            && let Some(r) = self.en_name_before(from..claim.start)
            && (!it || !self.has_source(&r))
            && !(self.text[r.end..claim.start].contains([':', '：'])
                && self.text[from..r.start]
                    .trim_matches(|c: char| c.is_whitespace() || "-*•·#>".contains(c))
                    .is_empty()
                && !self.shouted_title(s, &r))
        {
            // A name opening a line before a colon labels a list item ("Refrigeration
            // appliances: N°1 brand"); it does not hold the share. An ad's headline shouting
            // its brand ("BRIGHTSMILE PRO: THE NO. 1 …") names the holder.
            return Some(self.named(r));
        }
        let after = orgs.iter().find(|o| o.start >= claim.end && o.start <= claim.end + 12);
        if let Some(r) = after {
            return Some(self.named(r.clone()));
        }
        // "As a global leader in X, Acme ..." / "作为行业龙头，海川……": the main clause names it.
        // Read case-blind in place: no character beyond ASCII lower-cases to "a" or "s".
        let opener = self.text[clause.start..claim.start].trim_start();
        let as_ = opener.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("as "));
        if as_ || opener.starts_with("作为") || opener.starts_with("身为") {
            let tail = &self.text[claim.end..sentence.end];
            let comma = tail.char_indices().find(|(_, c)| matches!(c, ',' | '，'))?;
            let next = claim.end + comma.0 + comma.1.len_utf8();
            let rest = next..sentence.end;
            if let Some(o) = orgs.iter().find(|o| o.start >= rest.start && o.start < rest.start + 16) {
                return Some(self.named(o.clone()));
            }
            let m = en_name().find(&self.text[rest.clone()]).filter(|m| m.start() <= 2)?;
            let r = rest.start + m.start()..rest.start + m.end();
            let trimmed = trim_en_name(&self.text[r.clone()])?;
            let start = r.start + self.text[r.clone()].find(trimmed)?;
            return Some(SubjectDraft { range: start..start + trimmed.len(), id: None, via: Via::Sentence });
        }
        None
    }

    /// The name after "remains", "is", "went to" that follows a claim's noun phrase.
    fn inverted_holder(&self, from: usize, to: usize) -> Option<Range<usize>> {
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
    fn shouted_title(&self, s: usize, r: &Range<usize>) -> bool {
        let block = &self.layout.blocks[self.layout.sentences[s].block];
        let name = &self.text[r.clone()];
        block.kind == crate::segments::BlockKind::Title
            && name.bytes().filter(u8::is_ascii_alphabetic).count() >= 3
            && !name.bytes().any(|b| b.is_ascii_lowercase())
    }

    fn respectively(&self, clause: &Range<usize>, claim: &Range<usize>, orgs: &[Range<usize>]) -> Option<Range<usize>> {
        static ITEM: OnceLock<Regex> = OnceLock::new();
        let item = ITEM.get_or_init(|| {
            Regex::new(r"[0-9０-９]+(?:[.．][0-9０-９]+)?\s*[%％]|第[一二三四五六七八九十0-9]+").expect("static regex")
        });
        let upto = &self.text[clause.start..claim.end.min(self.text.len())];
        // The first marker: each opens with 分 or 依, so only where one of those stands is it looked for.
        const MARKERS: [&str; 4] = ["分别", "分列", "分居", "依次"];
        let marker = upto
            .match_indices(['分', '依'])
            .find_map(|(i, _)| MARKERS.iter().find(|m| upto[i..].starts_with(*m)).map(|m| (i, m.len())))?;
        let at = clause.start + marker.0;
        // The names coordinated just before the marker ("A、B", "A和B"), nearest last.
        let mut names: Vec<Range<usize>> = Vec::new();
        for o in orgs.iter().rev().filter(|o| o.end <= at) {
            let joined = names.last().is_none_or(|next| {
                self.text[o.end..next.start].chars().all(|c| c.is_whitespace() || "、和与及,，".contains(c))
            });
            if !joined {
                break;
            }
            names.push(o.clone());
        }
        names.reverse();
        // "陕汽和重汽分列第三、第四位": names the lexicon does not know, when all that stands
        // before the marker is short names joined by 、/和/与/及.
        if names.len() < 2 {
            names = self.joined_names(clause.start..at);
        }
        if names.len() < 2 {
            return None;
        }
        let after = at + marker.1;
        if claim.start <= after {
            return names.first().cloned();
        }
        // Count the items of the claim's own kind: "分别以12.5%、9.7%和6.2%的份额排名第三至第五"
        // gives ranks to the names in order, whatever shares came before them.
        let rank = self.text[claim.clone()].contains('第');
        let before: Vec<regex::Match> =
            item.find_iter(&self.text[after..claim.start]).filter(|m| m.as_str().starts_with('第') == rank).collect();
        // "第三至第五": the end of a range of places is the last name's.
        let range_end = before
            .last()
            .is_some_and(|m| ["至", "到", "-", "—", "~"].contains(&self.text[after + m.end()..claim.start].trim()));
        if range_end {
            return names.last().cloned();
        }
        names.get(before.len()).cloned()
    }

    /// "陕汽和重汽", "A、B与C": the names of a clause that holds nothing else, in order.
    fn joined_names(&self, r: Range<usize>) -> Vec<Range<usize>> {
        let hay = &self.text[r.clone()];
        let body = hay.trim();
        let base = r.start + (hay.len() - hay.trim_start().len());
        let mut out = Vec::new();
        let mut start = 0;
        for (i, c) in body.char_indices().chain(Some((body.len(), '、'))) {
            if !"、和与及".contains(c) {
                continue;
            }
            let part = &body[start..i];
            let n = part.chars().count();
            let range = base + start..base + i;
            // Each part a name as it stands: no figure or verb read away from it; only the
            // first may open with a time ("今年上半年澜海和石桥").
            let chunk = self
                .zh_chunk(range.clone())
                .filter(|c| c.end == range.end && (out.is_empty() || c.start == range.start));
            let Some(name) =
                chunk.filter(|_| (2..=10).contains(&n) && part.chars().all(|c| is_cjk(c) || c.is_ascii_alphanumeric()))
            else {
                return Vec::new();
            };
            out.push(name);
            start = i + c.len_utf8();
        }
        out
    }

    fn en_name_before(&self, r: Range<usize>) -> Option<Range<usize>> {
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
                && !is_titled_person(&self.text[r.start..cand.start])
                && !is_descriptor(&self.text[cand.clone()])
                && !self.describes(&cand)
                && !self.is_scope_word(&cand)
                && !self.is_named_person(&self.text[cand.clone()]))
            .then_some(cand)
        })
    }

    /// The subject of a sentence's first clause: its last name before the first comma ("Circana
    /// data show Nintendo's Switch 2, first launched in June, was…"), not a measurer.
    fn sentence_opener(&self, sentence: Range<usize>, limit: usize) -> Option<Range<usize>> {
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

    /// "Counterpoint estimates that it took 22.4%": a measurer reporting a figure does not hold
    /// it, so the subject is looked for after its "that".
    fn after_reporting_source(&self, clause: Range<usize>, claim: usize) -> Range<usize> {
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

    /// A name that is only a place, a market or a source does not hold a share.
    /// "The Dutch chipmaker", "The US-based provider": a place before a common noun describes
    /// a firm named before; it is no name ("The Kedai marketplace" is one).
    fn describes(&self, r: &Range<usize>) -> bool {
        let Some(place) = self.text[r.clone()].strip_prefix("The ") else { return false };
        let noun_follows =
            self.text[r.end..].strip_prefix(' ').is_some_and(|t| t.starts_with(|c: char| c.is_ascii_lowercase()));
        let place_range = r.start + 4..r.end;
        let place = place
            .strip_suffix("-based")
            .map_or(place_range.clone(), |p| place_range.start..place_range.start + p.len());
        noun_follows && self.is_scope_word(&place)
    }

    fn is_scope_word(&self, r: &Range<usize>) -> bool {
        // Sources and markets are not excluded: a boast may be about a research firm, and a
        // category holds a share of a whole ("Streaming accounted for 47%").
        self.lexicon_hits(r).iter().any(|m| {
            matches!(m.category, LexiconCategory::Geo | LexiconCategory::Metric) && m.range.len() * 10 >= r.len() * 8
        })
    }

    fn zh_chunk(&self, r: Range<usize>) -> Option<Range<usize>> {
        let hay = &self.text[r.clone()];
        let opener = zh_openers().find(hay).map_or(0, |m| m.end());
        let rest = &hay[opener..];
        let rest_trim =
            rest.trim_start_matches(|c: char| c.is_whitespace() || "“”\"'「」【】#|｜-*★☆•·▪◆■●".contains(c));
        let skip = opener + (rest.len() - rest_trim.len());
        let mut end = zh_boundary().find(rest_trim).map_or(rest_trim.len(), |m| m.start());
        // A model number stays with its letters: "极光X5", "Mate 60" is cut at the space.
        if rest_trim[..end].ends_with(|c: char| c.is_ascii_alphabetic()) {
            end += rest_trim[end..].bytes().take_while(|b| b.is_ascii_alphanumeric()).count();
        }
        let chunk = rest_trim[..end].trim_end_matches(|c: char| c.is_whitespace() || "“”\"'「」（(*※".contains(c));
        let chars = chunk.chars().count();
        let quoted = chunk.contains(['“', '”', '"', '|', '｜', '#', '「', '」']);
        // "续航时间行业领先": what is compared within the industry, not who leads it.
        let domain = ["行业", "业界", "业内", "同类", "同级", "品类"].iter().any(|d| chunk.ends_with(d));
        let deictic = domain
            || [
                "这", "该", "其", "读者", "记者", "不少", "很多", "许多", "各家", "多家", "有的", "一些", "部分",
                "时隔", "报道",
            ]
            .iter()
            .any(|d| chunk.starts_with(d));
        if !(2..=14).contains(&chars) || chunk.starts_with(|c: char| c.is_ascii_digit()) || quoted || deictic {
            return None;
        }
        let start = r.start + skip;
        let cand = start..start + chunk.len();
        // "即饮茶零售额位居第一": a metric phrase names what is counted, not who holds the place;
        // "悦然电器出口量位居行业前三" names the holder before it.
        let metric = self.lexicon_hits(&cand).iter().rfind(|m| m.category == LexiconCategory::Metric).cloned();
        if let Some(m) = metric.filter(|m| m.range.end == cand.end) {
            let head = cand.start..cand.start + self.text[cand.start..m.range.start].trim_end().len();
            // "海岚科技储能电池出货量": the name before the product it counts.
            let head = self.firm_before_product(head);
            // Only a bare name is left: no market, place, source or channel in it ("线上渠道",
            // "公司洗碗机线下", "根据IDC台湾个人电脑" are not holders).
            let words = &self.text[head.clone()];
            let scoped = self.lexicon_hits(&head).iter().any(|h| {
                // "嵌入式洗碗机" ends in its market; "澜风电器" only holds 风电 inside a name.
                h.category == LexiconCategory::Source
                    || h.category != LexiconCategory::Org
                        && (h.range.len() * 10 > head.len() * 6 || h.range.end == head.end)
            });
            let named = (2..=10).contains(&words.chars().count())
                && !scoped
                && !words.contains(|c: char| "：:，,。.；;（）()、".contains(c))
                && !["线上", "线下", "渠道", "公司", "根据", "据", "按", "从", "在", "以"]
                    .iter()
                    .any(|w| words.contains(w));
            // "本公司门店总数达9,216家": the issuer counting its own.
            let own = ["本公司", "我司", "本集团", "公司"].contains(&words.trim());
            return (named || own).then_some(head);
        }
        if self.is_scope_word(&cand) || ZH_PRONOUNS.contains(&chunk) && chunk != "公司" && chunk != "本公司" {
            return None;
        }
        Some(self.firm_before_product(cand))
    }

    /// "海岚科技储能电池": a firm's name, told by its ending, before the product it sells; "嵌入式
    /// 洗碗机" is a kind of product, whole.
    fn firm_before_product(&self, r: Range<usize>) -> Range<usize> {
        const FIRM: [&str; 10] = ["科技", "集团", "股份", "电器", "电子", "能源", "控股", "实业", "动力", "新能源"];
        let cut = self.before_product(r.clone());
        if cut != r && FIRM.iter().any(|f| self.text[cut.clone()].ends_with(f)) { cut } else { r }
    }

    /// A name joined to the product or market it is counted in ("海岚科技储能电池", "小米手机")
    /// ends where the lexicon's market begins; a known firm's name ("华为云") is whole.
    fn before_product(&self, r: Range<usize>) -> Range<usize> {
        let hits = self.lexicon_hits(&r);
        if hits.iter().any(|h| h.category == LexiconCategory::Org) {
            return r;
        }
        let Some(m) = hits.iter().find(|h| h.category == LexiconCategory::Market && h.range.start > r.start) else {
            return r;
        };
        let head = &self.text[r.start..m.range.start];
        if head.chars().count() >= 2 && head.chars().all(|c| is_cjk(c) || c.is_ascii_alphanumeric()) {
            r.start..m.range.start
        } else {
            r
        }
    }
}

/// The clause a subject may sit in: from the last comma, semicolon or colon before the claim
/// to the claim. Parentheses do not split it, so "北岸支付（含钱包业务）以35.2%" keeps its subject.
fn subject_clause(text: &str, sentence: Range<usize>, pos: usize) -> Range<usize> {
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

/// Whether a clause opens with a verb ("ranked third", "was the biggest", "holds 30%"), so its
/// subject is the sentence's; "with 18%", "followed by Apple" attach to the nearest name.
fn opens_with_verb(clause: &str) -> bool {
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

/// "overtaking Xiaomi, which slipped to runner-up": the object of one verb is the subject of
/// the relative clause that holds the claim.
fn relative(gap: &str) -> bool {
    let g = gap.trim_start_matches([',', ' ']);
    g.starts_with("which ") || g.starts_with("who ") || g.starts_with("that ")
}

/// Whether a clause refers to a holder named before: "the company", "the firm", "the group"…
fn names_the_holder(clause: &str) -> bool {
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

/// Whether the words before a name make it the object of a verb of passing or a comparison:
/// "to overtake Apple", "surpassing Dell", "ahead of Apple", "than Apple".
fn is_passed(before: &str) -> bool {
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

/// "Oslo-based", "state-owned", "Nasdaq-listed": a word that describes a firm named nearby.
fn is_descriptor(name: &str) -> bool {
    const TAILS: [&str; 8] =
        ["-based", "-owned", "-backed", "-listed", "-headquartered", "-controlled", "-funded", "-born"];
    !name.contains(' ')
        && TAILS
            .iter()
            .any(|t| name.len() > t.len() && name.as_bytes()[name.len() - t.len()..].eq_ignore_ascii_case(t.as_bytes()))
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

    #[test]
    fn every_form_of_a_ranked_group_holds_a_cue() {
        for lead in ["前三名", "两家头部厂商", "ToP 3 vendors", "the 3 largest vendors", "The next two brands"]
        {
            assert!(top_group().is_match(lead), "{lead}");
            assert!(group_cues().is_match(lead), "{lead}");
        }
    }

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
