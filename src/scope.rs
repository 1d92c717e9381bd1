//! Scope: metric, market, geography, period and source for each claim, looked up in the
//! claim's sentence first, then the rest of its paragraph, then the document's title,
//! nearest heading and lead paragraph.

use crate::lexicon::{LexMatch, LexiconCategory, Lexicons};
use crate::matcher::Candidate;
use crate::model::Via;
use crate::rules::{Reach, RuleSet, ScopeField, ScopeRole};
use crate::segments::{BlockKind, Layout};
use crate::triggers::TriggerIndex;
use patterns::{Runs, Slots};
use std::ops::Range;

mod patterns;

/// One scope value found in one sentence.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub field: ScopeField,
    /// Where the tag's text is.
    pub range: Range<usize>,
    /// Borrowed from the lexicons or the rule set: found values are many, tags few.
    pub id: Option<&'a str>,
    /// An allusion to a source that names nobody ("a report", 据报告).
    pub vague: bool,
    /// What a period does in its sentence; `Own` for the other fields.
    pub role: crate::periods::Role,
}

/// A scope tag before it is mapped to input spans.
#[derive(Debug, Clone, PartialEq)]
pub struct TagDraft {
    pub range: Range<usize>,
    pub id: Option<String>,
    pub via: Via,
}

/// What a claim's scope resolved to, plus whether its source was only alluded to.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub metric: Option<TagDraft>,
    pub market: Option<TagDraft>,
    pub geography: Option<TagDraft>,
    pub period: Option<TagDraft>,
    pub source: Option<TagDraft>,
    pub vague_source: Option<(Range<usize>, Via)>,
}

impl Resolved {
    pub fn get(&self, field: ScopeField) -> Option<&TagDraft> {
        match field {
            ScopeField::Metric => self.metric.as_ref(),
            ScopeField::Market => self.market.as_ref(),
            ScopeField::Geography => self.geography.as_ref(),
            ScopeField::Period => self.period.as_ref(),
            ScopeField::Source => self.source.as_ref(),
        }
    }

    fn set(&mut self, field: ScopeField, tag: TagDraft) {
        let slot = match field {
            ScopeField::Metric => &mut self.metric,
            ScopeField::Market => &mut self.market,
            ScopeField::Geography => &mut self.geography,
            ScopeField::Period => &mut self.period,
            ScopeField::Source => &mut self.source,
        };
        *slot = Some(tag);
    }
}

pub struct ScopeFinder<'a> {
    text: &'a str,
    layout: &'a Layout,
    set: &'a RuleSet,
    lex: &'a Lexicons,
    triggers: &'a TriggerIndex,
    /// Per sentence, its values of the fields in `done` (bits by `bit`): a claim's own sentence
    /// is read for every field, but the sentences around it only for the fields the claim's
    /// own sentence left open, so each field is extracted when first asked for.
    cache: Vec<Vec<Found<'a>>>,
    done: Vec<u8>,
    runs: Runs,
    hits: Vec<Option<Vec<LexMatch>>>,
    /// For each block, the nearest heading before it; and the title: found once, since a
    /// search per claim grows with the document.
    heading_before: Vec<Option<usize>>,
    title: Option<usize>,
    footnotes: Vec<usize>,
    /// Sentences that hold a claim of their own.
    claimed: Vec<bool>,
    /// Per scope pattern, made on its first match attempt: one set of capture slots reused
    /// for every match in the document, rather than a `Captures` allocated per match.
    slots: Vec<Option<Slots>>,
}

fn category(field: ScopeField) -> LexiconCategory {
    match field {
        ScopeField::Metric => LexiconCategory::Metric,
        ScopeField::Market => LexiconCategory::Market,
        ScopeField::Geography => LexiconCategory::Geo,
        ScopeField::Period => LexiconCategory::Org, // periods come from patterns only
        ScopeField::Source => LexiconCategory::Source,
    }
}

/// A field's bit in a set of fields.
fn bit(field: ScopeField) -> u8 {
    1 << field as u8
}

const ALL_FIELDS: u8 = (1 << ScopeField::ALL.len()) - 1;

fn field_of(category: LexiconCategory) -> Option<ScopeField> {
    match category {
        LexiconCategory::Metric => Some(ScopeField::Metric),
        LexiconCategory::Market => Some(ScopeField::Market),
        LexiconCategory::Geo => Some(ScopeField::Geography),
        LexiconCategory::Source => Some(ScopeField::Source),
        LexiconCategory::Org => None,
    }
}

/// Words that open or close a captured name without being part of it ("the AI cloud market",
/// "remains the market", "cent of the Chinese market").
const NAME_EDGE_WORDS: &[&str] = &[
    // A headline's verb before a firm: "…, Says Ardent Research".
    "says",
    "said",
    "reports",
    "finds",
    "shows",
    "per",
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "and",
    "or",
    "its",
    "their",
    "his",
    "her",
    "this",
    "that",
    "these",
    "those",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "remains",
    "remain",
    "as",
    "by",
    "with",
    "from",
    "s",
    "percent",
    "cent",
    "third",
    "half",
    "quarter",
    "which",
    "who",
    "it",
    "itself",
    "described",
    "aged",
    "has",
    "have",
    "had",
    "also",
    "still",
    "now",
    "each",
    "every",
    "all",
    "per",
    "leading",
    "leader",
    "largest",
    "biggest",
    "distinct",
    "main",
    "major",
    "key",
    "growing",
    "fast-growing",
    "whole",
    "entire",
    "overall",
    "total",
    "same",
    "wider",
    "broader",
    "one",
    "according",
    // Sizes and ranks say how big a slice is, never which market it is of.
    "single",
    "significant",
    "substantial",
    "sizable",
    "sizeable",
    "considerable",
    "dominant",
    "large",
    "larger",
    "small",
    "smaller",
    "big",
    "bigger",
    "remaining",
    "both",
    "either",
    // Quantifiers: "Other rankings tell a different story" names no ranking firm.
    "other",
    "another",
    "some",
    "many",
    "several",
    "most",
    "such",
];

/// Whether `w` is one of `NAME_EDGE_WORDS`, case-blind. Every captured name asks this of its
/// first and last words: a search of a sorted copy, not a pass over the hundred.
fn is_edge_word(w: &str) -> bool {
    static SORTED: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        let mut words = NAME_EDGE_WORDS.to_vec();
        words.sort_unstable();
        words
    });
    // The words are short and in lower case (a test keeps them so).
    let mut buf = [0u8; 16];
    let Some(lower) = buf.get_mut(..w.len()) else { return false };
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    SORTED.binary_search_by(|e| e.as_bytes().cmp(lower)).is_ok()
}

/// Openings of a captured Chinese "name" that is a time ("日前") or a count or pointer ("一份数据
///显示", "该报告"), never a measurer.
const ZH_NOT_NAMES: &[&str] = &[
    "日前", "近日", "今日", "昨日", "目前", "此前", "今年", "去年", "随后", "最新", "一份", "一项", "一组", "一些",
    "另一", "两份", "多份", "多项", "该", "这份", "这项", "这些", "上述", "相关", "同一", "同样", "本报", "本刊",
    "本台", "本网", "本站",
];

/// Trim a pattern-captured name to its words; nothing useful left means no tag.
fn clean_name(text: &str, r: Range<usize>, vague: bool, field: ScopeField) -> Option<Range<usize>> {
    // "the first half", "the fourth quarter": a period's last word is no edge word.
    // "the first half", "this year": a period keeps its words, only a determiner or a
    // preposition before it goes.
    const PERIOD_EDGE: [&str; 12] = ["the", "a", "an", "in", "on", "at", "for", "of", "to", "from", "by", "and"];
    // Compared case-blind rather than lower-cased into a new string: the lists are in lower case.
    let among = |list: &[&str], w: &str| list.iter().any(|e| e.eq_ignore_ascii_case(w));
    let edge = |w: &str| if field == ScopeField::Period { among(&PERIOD_EDGE, w) } else { is_edge_word(w) };
    if vague {
        return (!r.is_empty()).then_some(r);
    }
    let punct = |c: char| c.is_whitespace() || "（）()[]【】“”\"'‘’,，.。:：;；、|｜-—".contains(c);
    let mut s = r.start;
    let mut e = r.end;
    loop {
        let t = &text[s..e];
        let trimmed = t.trim_start_matches(punct);
        s += t.len() - trimmed.len();
        let t = &text[s..e];
        let trimmed = t.trim_end_matches(punct);
        // "Nimbus Research's latest tracker": the firm, without its possessive; "Halcyon
        // Research's Worldwide Quarterly Wearables Tracker": the firm, not its product.
        let trimmed = trimmed.strip_suffix("'s").or_else(|| trimmed.strip_suffix("’s")).unwrap_or(trimmed);
        let trimmed = match field {
            ScopeField::Source => firm_of_product(&trimmed[..possessive_at(trimmed).unwrap_or(trimmed.len())]),
            _ => trimmed,
        };
        e = s + trimmed.len();
        let t = &text[s..e];
        let first = t.split(|c: char| !c.is_alphanumeric() && c != '\'').next().unwrap_or("");
        let last = t.rsplit(|c: char| !c.is_alphanumeric() && c != '\'').next().unwrap_or("");
        if !first.is_empty() && first.len() < t.len() && edge(first) {
            s += first.len();
        } else if !last.is_empty() && last.len() < t.len() && edge(last) {
            e -= last.len();
        } else {
            break;
        }
    }
    let t = &text[s..e];
    let single_edge = is_edge_word(t);
    // "the fastest-growing market", "the largest single market": a rank of a market names none.
    const RANKED: [&str; 12] =
        ["fastest", "largest", "biggest", "leading", "top", "best", "most", "second", "third", "key", "main", "only"];
    let head = t.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    if field == ScopeField::Market && among(&RANKED, head) {
        return None;
    }
    // "今年上半年" is a period all the same.
    // The Chinese lists are asked only of a name that opens or ends outside ASCII.
    let zh_head = t.as_bytes().first().is_some_and(|b| !b.is_ascii());
    let zh_tail = t.as_bytes().last().is_some_and(|b| !b.is_ascii());
    let zh_not_name = field != ScopeField::Period && zh_head && ZH_NOT_NAMES.iter().any(|w| t.starts_with(w));
    // A particle cannot open a name: "所依据的是单一平台的榜单" names no one.
    let zh_particle = t.starts_with(['的', '是', '了', '在', '为', '对', '从', '把']);
    // One capitalised participle, adverb or abstract noun ("Bracketed numbers", "Reportedly",
    // "Registration data") is a sentence's first word, not a firm.
    let en_word = t.bytes().all(|b| b.is_ascii_alphabetic())
        && ["ed", "ing", "ly", "tion", "sion", "ment"].iter().any(|x| t.len() > x.len() + 3 && t.ends_with(x));
    // "补贴拉动市场", "加速布局海外市场": a verb before 市场 acts on a market, it names none.
    const ZH_VERBS: [&str; 16] = [
        "拉动", "带动", "推动", "驱动", "提振", "刺激", "开拓", "进入", "抢占", "布局", "深耕", "扩大", "拓展", "占领",
        "引领", "主导",
    ];
    let zh_verb = field == ScopeField::Market && zh_tail && ZH_VERBS.iter().any(|v| t.ends_with(v));
    // "大部分市场份额", "主要市场", "保持行业领先", "但海外市场": a quantity, a verb or a
    // conjunction before 市场/行业 names no market.
    const ZH_NOT_MARKET: [&str; 14] = [
        "大部分",
        "大多数",
        "部分",
        "主要",
        "保持",
        "依托",
        "继续",
        "但",
        "而",
        "哪个",
        "各个",
        "整个",
        "其他",
        "其余",
    ];
    // "国产品牌整体市场占有率": the players are not the market they play in.
    // "企业级WLAN" is a segment all the same.
    let players = field == ScopeField::Market
        && !t.is_ascii()
        && (["品牌", "厂商", "玩家"].iter().any(|w| t.contains(w))
            || t.contains("企业") && !["企业级", "企业用", "企业服务"].iter().any(|w| t.contains(w)));
    let zh_verb =
        zh_verb || players || field == ScopeField::Market && zh_head && ZH_NOT_MARKET.iter().any(|w| t.starts_with(w));
    (t.chars().count() >= 2 && !single_edge && !zh_not_name && !zh_particle && !en_word && !zh_verb).then_some(s..e)
}

/// Where the first "'s " or "’s " in a name is. Names are short: a byte walk, not a substring
/// searcher set up per name.
fn possessive_at(name: &str) -> Option<usize> {
    let b = name.as_bytes();
    (0..b.len()).find(|&i| b[i..].starts_with(b"'s ") || b[i..].starts_with("’s ".as_bytes()))
}

/// The cues of `is_cause`, each's words from its last; at most three words may stand between
/// it and the name.
const CAUSE_CUES: [&[&str]; 10] = [
    &["by", "helped"],
    &["by", "driven"],
    &["to", "thanks"],
    &["of", "back", "the", "on"],
    &["by", "boosted"],
    &["by", "fuelled"],
    &["by", "fueled"],
    &["to", "due"],
    &["of", "because"],
    &["by", "supported"],
];

/// Whether a metric's name stands in a phrase giving a cause: "helped by strong iPhone sales",
/// "driven by higher unit shipments", "thanks to rising subscriptions".
fn is_cause(before: &str) -> bool {
    let clause = &before[before.bytes().rposition(|b| matches!(b, b',' | b';' | b'(')).map_or(0, |i| i + 1)..];
    let mut last = [""; 7];
    let mut n = 0;
    if clause.is_ascii() {
        // Most clauses: cut from the end byte by byte where `split_whitespace` cuts them.
        let b = clause.as_bytes();
        let space = |i: usize| b[i] == b' ' || (b'\t'..=b'\r').contains(&b[i]);
        let mut end = b.len();
        while n < last.len() {
            while end > 0 && space(end - 1) {
                end -= 1;
            }
            let mut start = end;
            while start > 0 && !space(start - 1) {
                start -= 1;
            }
            if start == end {
                break;
            }
            (last[n], n, end) = (&clause[start..end], n + 1, start);
        }
    } else {
        for w in clause.split_whitespace().rev().take(last.len()) {
            last[n] = w;
            n += 1;
        }
    }
    // Every cue opens with a word of two letters (a test keeps them so).
    (0..4.min(n)).any(|at| {
        last[at].len() == 2
            && CAUSE_CUES
                .iter()
                .any(|cue| at + cue.len() <= n && cue.iter().zip(&last[at..]).all(|(c, w)| w.eq_ignore_ascii_case(c)))
    })
}

/// Whether the words after a place name make it the players' nationality ("中国品牌", "Chinese
/// vendors") rather than the market's place.
fn is_nationality(place: &str, after: &str) -> bool {
    const ZH: [&str; 8] = ["品牌", "厂商", "企业", "车企", "公司", "手机品牌", "本土品牌", "玩家"];
    if ZH.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    // "Taiwanese chipmaker TSMC", "Swedish streaming giant Spotify": a player noun within a few
    // words, before any "market" ("the Chinese smartphone market" is a place).
    const PLAYERS: [&str; 30] = [
        "brand",
        "vendor",
        "company",
        "companies",
        "maker",
        "manufacturer",
        "player",
        "firm",
        "carmaker",
        "automaker",
        "chipmaker",
        "giant",
        "rival",
        "carrier",
        "airline",
        "group",
        "conglomerate",
        "operator",
        "retailer",
        "supplier",
        "producer",
        "startup",
        "provider",
        "foundry",
        "foundries",
        "bank",
        "insurer",
        "champion",
        "peer",
        "competitor",
    ];
    // "the world's largest foundry", "America's top carrier": a possessive place is the place;
    // so is "global foundry revenue": only a people or a country has a home.
    if !place.starts_with(|c: char| c.is_ascii_uppercase())
        || ["Global", "Worldwide", "World"].contains(&place)
        || place.ends_with("'s")
        || place.ends_with("’s")
        || after.starts_with("'s")
        || after.starts_with("’s")
        || after.starts_with('\'')
        || after.starts_with('’')
    {
        return false;
    }
    // Lower-cased on the stack: most places in a sentence are asked this.
    let n = after.char_indices().nth(60).map_or(after.len(), |(i, _)| i);
    let mut buf = [0u8; 60 * 4];
    let head = &mut buf[..n];
    head.copy_from_slice(&after.as_bytes()[..n]);
    head.make_ascii_lowercase();
    let Ok(head) = std::str::from_utf8(head) else { return false };
    let clause = head.split([',', ';', ':', '.', '(', '—']).next().unwrap_or("");
    let mut words = [""; 4];
    let mut count = 0;
    for (slot, w) in words.iter_mut().zip(clause.split_whitespace()) {
        *slot = w;
        count += 1;
    }
    let words = &words[..count];
    for w in words {
        let w = w.trim_end_matches("'s").trim_end_matches('’');
        if matches!(w, "market" | "markets" | "in" | "of" | "by" | "for") {
            break;
        }
        if PLAYERS.iter().any(|p| w == *p || w.strip_suffix('s') == Some(p)) {
            return true;
        }
    }
    // "American ranked second behind United": a people's adjective before a verb is a name.
    let demonym = ["ese", "ish", "an", "ian", "ean", "i"].iter().any(|x| place.ends_with(x))
        && place.starts_with(|c: char| c.is_ascii_uppercase())
        && !place.contains(' ');
    let verb = words.first().is_some_and(|w| {
        matches!(*w, "is" | "was" | "has" | "had" | "holds" | "held" | "leads" | "led" | "remains" | "remained")
            || (w.ends_with("ed") && w.len() > 4)
    });
    demonym && verb
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The trigger index over a rule set's scope patterns (those that tag a field).
pub fn scope_triggers(set: &RuleSet) -> TriggerIndex {
    TriggerIndex::new(
        set.scopes.iter().enumerate().filter(|(_, p)| p.field.is_some()).map(|(i, p)| (i, p.triggers.as_slice())),
    )
}

impl<'a> ScopeFinder<'a> {
    pub fn new(
        text: &'a str,
        layout: &'a Layout,
        set: &'a RuleSet,
        lex: &'a Lexicons,
        triggers: &'a TriggerIndex,
    ) -> Self {
        let n = layout.sentences.len();
        let mut heading_before = Vec::with_capacity(layout.blocks.len());
        let mut last = None;
        for (i, b) in layout.blocks.iter().enumerate() {
            heading_before.push(last);
            if b.kind == BlockKind::Heading {
                last = Some(i);
            }
        }
        let title = layout.blocks.iter().position(|b| b.kind == BlockKind::Title);
        let footnotes = layout.footnotes().collect();
        ScopeFinder {
            text,
            layout,
            set,
            lex,
            triggers,
            cache: vec![Vec::new(); n],
            done: vec![0; n],
            runs: Runs::new(set, n),
            hits: vec![None; n],
            heading_before,
            title,
            footnotes,
            claimed: vec![false; n],
            slots: Vec::new(),
        }
    }

    /// Whether sentence `s` names the subject at `r` again, by one of its names' words.
    fn mentions(text: &str, layout: &Layout, s: usize, r: &Range<usize>) -> bool {
        let sentence = &text[layout.sentences[s].range.clone()];
        let subject = &text[r.clone()];
        if subject.chars().any(crate::segments::is_cjk) {
            let head: String = subject.chars().take(2).collect();
            return head.chars().count() == 2 && sentence.contains(&head);
        }
        subject
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 3 && w.starts_with(|c: char| c.is_uppercase()) && *w != "The")
            .any(|w| sentence.split(|c: char| !c.is_alphanumeric()).any(|x| x == w))
    }

    /// Marks the sentences that hold claims: a later sentence with its own figure speaks for
    /// that figure ("…ranked fifth, the Guild said"), not for the claims before it.
    pub fn mark_claims(&mut self, cands: &[Candidate]) {
        for c in cands {
            self.claimed[c.sentence] = true;
        }
    }

    /// Every lexicon name in a sentence, found once.
    fn lexicon_hits(&mut self, s: usize) -> &[LexMatch] {
        if self.hits[s].is_none() {
            let range = self.layout.sentences[s].range.clone();
            self.hits[s] = Some(self.lex.find(self.text, range));
        }
        self.hits[s].as_deref().unwrap_or(&[])
    }

    /// Organisation names in a sentence: candidates for a subject.
    pub fn orgs(&mut self, s: usize) -> Vec<Range<usize>> {
        self.lexicon_hits(s).iter().filter(|m| m.category == LexiconCategory::Org).map(|m| m.range.clone()).collect()
    }

    /// The values found in sentence `s`, with those of `fields` among them. Values of one
    /// field keep the order a whole-sentence reading gives them; fields are not interleaved.
    fn found(&mut self, s: usize, fields: u8) -> &[Found<'a>] {
        let missing = fields & !self.done[s];
        if missing != 0 {
            let v = self.extract(s, missing);
            self.done[s] |= missing;
            self.cache[s].extend(v);
        }
        &self.cache[s]
    }

    /// The values of `fields` (bits by `bit`) in sentence `s`. Fields do not meet here: each
    /// field's values are read and weeded against its own and the lexicon's, so a field read
    /// alone comes out as it does among all.
    fn extract(&mut self, s: usize, fields: u8) -> Vec<Found<'a>> {
        let range = self.layout.sentences[s].range.clone();
        let text = self.text;
        let sentence = &text[range.clone()];
        // Borrowed out of its cache for the length of the call, not copied: this call needs
        // `self` for the patterns' slots too.
        self.lexicon_hits(s);
        let hits = self.hits[s].take().unwrap_or_default();
        let lex: &'a Lexicons = self.lex;
        let set: &'a RuleSet = self.set;
        let mut glosses: Vec<Range<usize>> = Vec::new();
        let mut out: Vec<Found<'a>> = hits
            .iter()
            .enumerate()
            .filter_map(|(k, m)| {
                let field = field_of(m.category).filter(|&f| fields & bit(f) != 0)?;
                // "荷兰合作银行（Rabobank）": a measurer's name in brackets glosses the one before
                // it, which is the one the document uses.
                if field == ScopeField::Source && k > 0 && is_gloss(text, &hits[k - 1], m) {
                    glosses.push(m.range.clone());
                    return None;
                }
                // "our customers' trust": a possessive word is whose something is, not a count.
                if field == ScopeField::Metric && text[m.range.end..].starts_with(['\'', '’']) {
                    return None;
                }
                // "…second with 19.1%, helped by strong iPhone sales": a cause, not what is counted.
                if field == ScopeField::Metric && is_cause(&text[range.start..m.range.start]) {
                    return None;
                }
                // "徐工汽车", "海川电器": an industry word joined to a firm's name ends the name.
                if field == ScopeField::Market
                    && k > 0
                    && hits[k - 1].category == LexiconCategory::Org
                    && hits[k - 1].range.end == m.range.start
                    && ["汽车", "电器", "电子", "能源", "重工", "动力", "电气", "家电", "科技"]
                        .contains(&&text[m.range.clone()])
                {
                    return None;
                }
                // "新能源车零售", "零售份额", "retail share": retail is the channel a figure is
                // counted in, not the market, beside a product or a figure's word.
                if field == ScopeField::Market && lex.id(m.entry) == "market.retail" {
                    let after = &text[m.range.end..range.end];
                    let product_before = k > 0
                        && hits[k - 1].category == LexiconCategory::Market
                        && text[hits[k - 1].range.end..m.range.start].trim().is_empty();
                    let figure_after = ["份额", "渗透率", "销量", "销售", "量", "额", " share", " volume"]
                        .iter()
                        .any(|w| after.starts_with(w));
                    if product_before || figure_after {
                        return None;
                    }
                }
                // "中国品牌在前五名中占据三席", "Chinese brands": a nationality of the players, not
                // the place the market is measured in.
                if field == ScopeField::Geography
                    && is_nationality(&text[m.range.clone()], &text[m.range.end..range.end])
                {
                    return None;
                }
                Some(Found {
                    field,
                    range: m.range.clone(),
                    id: Some(lex.id(m.entry)),
                    vague: false,
                    role: crate::periods::Role::Own,
                })
            })
            .collect();
        // "a new television campaign", "TV ads": a medium that carries a message is no market.
        out.retain(|f| {
            f.field != ScopeField::Market || {
                let next = text[f.range.end..range.end].trim_start();
                let word = next.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                ![
                    "campaign",
                    "campaigns",
                    "ad",
                    "ads",
                    "advert",
                    "adverts",
                    "advertisement",
                    "advertising",
                    "commercial",
                    "commercials",
                    "spot",
                    "spots",
                ]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
            }
        });
        // A gloss is not a tag, but it still is a name no pattern may read a part of
        // ("欧睿国际（Euromonitor International）" names no "International").
        // Patterns' finds go to a list of their own so that the lexicon's, ahead of them in
        // `out`, can be read while they are added.
        let lexicon_hits = || {
            out.iter()
                .map(|f| (f.field, f.range.clone()))
                .chain(glosses.iter().map(|g| (ScopeField::Source, g.clone())))
        };
        let mut patterned: Vec<Found<'a>> = Vec::new();
        if self.slots.len() < set.scopes.len() {
            self.slots.resize_with(set.scopes.len(), || None);
        }
        self.runs.wake(s, sentence, self.triggers);
        let mut next = 0;
        while let Some(pi) = self.runs.next(s, fields, next) {
            next = pi + 1;
            let p = &set.scopes[pi];
            let Some(field) = p.field else { continue };
            let slots = self.slots[pi].get_or_insert_with(|| Slots::new(&p.regex));
            slots.reset();
            while slots.next(&p.regex, sentence) {
                if slots.vetoed() {
                    continue;
                }
                let Some(m) = slots.name() else { continue };
                let r = range.start + m.start..range.start + m.end;
                let Some(r) = clean_name(text, r, p.role == ScopeRole::Vague, field) else { continue };
                if field == ScopeField::Metric && is_cause(&text[range.start..r.start]) {
                    continue;
                }
                // A lexicon hit at the same place already carries a canonical id, unless the
                // pattern's name says more: "电竞路由器" is a segment of "路由器".
                // Only a name that opens its clause is read whole; elsewhere a lazy match may
                // start inside a word ("中国消费级…" read from 国).
                // "在带屏智能音箱细分市场": a preposition before the name opens it too.
                let opens_clause = text[range.start..r.start]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| ch.is_whitespace() || "，。；：、,;:（(“\"-*•在于从".contains(ch));
                // "国内智能手机市场" is the smartphone market in a place, not a segment of it.
                let placed = hits.iter().any(|h| {
                    h.range.start >= r.start
                        && h.range.end <= r.end
                        && matches!(h.category, LexiconCategory::Geo | LexiconCategory::Org)
                });
                let narrower = |lr: &Range<usize>| {
                    field == ScopeField::Market
                        && opens_clause
                        && !placed
                        && lr.start >= r.start
                        && lr.end <= r.end
                        && lr.len() * 10 < r.len() * 7
                };
                if lexicon_hits().any(|(f, lr)| f == field && overlaps(&lr, &r) && !narrower(&lr)) {
                    continue;
                }
                // The name gets a canonical id only when a lexicon alias is most of it.
                let inside = || hits.iter().filter(|h| h.range.start >= r.start && h.range.end <= r.end);
                let major = |h: &&LexMatch| h.range.len() * 2 >= r.len();
                // A segment read whole ("电竞路由器") is not its parent market: it keeps no id.
                let segment = lexicon_hits().any(|(f, lr)| f == field && narrower(&lr));
                let id = p.tag_id.as_deref().or_else(|| {
                    let cat = category(field);
                    inside().find(|h| h.category == cat && major(h) && !segment).map(|h| lex.id(h.entry))
                });
                // "在西欧市场", "格力…市场": a place or a firm before 市场 is no market; nor is
                // "European" in "the European market", which the place's name holds whole.
                if field == ScopeField::Market
                    && p.tag_id.is_none()
                    && hits.iter().any(|h| {
                        matches!(h.category, LexiconCategory::Geo | LexiconCategory::Org)
                            && (h.range.start >= r.start && h.range.end <= r.end && h.range.len() * 10 >= r.len() * 8
                                || h.range.start <= r.start && r.end <= h.range.end)
                    })
                {
                    continue;
                }
                // "Delta reported", "Samsung says": a company speaking is not a measurer,
                // unless the name is also a known source. "NPD analyst Mat Piscatella": a person
                // named by a role speaks for the firm before it, which is the source.
                if field == ScopeField::Source
                    && p.role == ScopeRole::Value
                    && id.is_none()
                    && p.tag_id.is_none()
                    && (inside().any(|h| h.category == LexiconCategory::Org && major(&h))
                        || crate::names::is_person_by_role(&text[range.start..r.start])
                        || crate::names::named_person(text, &text[r.clone()]))
                {
                    continue;
                }
                patterned.push(Found {
                    field,
                    range: r,
                    id,
                    vague: p.role == ScopeRole::Vague,
                    role: crate::periods::Role::Own,
                });
            }
        }
        out.append(&mut patterned);
        self.hits[s] = Some(hits);
        // A vague allusion is a source's: it hides other readings of its words as a source, not
        // the year in "a 2025 survey".
        let vague: Vec<(ScopeField, Range<usize>)> =
            out.iter().filter(|f| f.vague).map(|f| (f.field, f.range.clone())).collect();
        out.retain(|f| {
            f.vague || f.id.is_some() || !vague.iter().any(|(field, v)| *field == f.field && overlaps(v, &f.range))
        });
        // "本报讯（记者 李明）": the reporter's name measures nothing.
        out.retain(|f| {
            let before = text[range.start..f.range.start].trim_end();
            !(f.field == ScopeField::Source && ["记者", "通讯员", "编辑"].iter().any(|w| before.ends_with(w)))
        });
        // "NEW YORK - Netflix remains…": where the story was filed is not the market's place.
        // Read only for places and periods: the dateline's search runs over the whole sentence.
        let dated = if out.iter().any(|f| matches!(f.field, ScopeField::Geography | ScopeField::Period)) {
            range.start + crate::subject::dateline_len(sentence)
        } else {
            range.start
        };
        out.retain(|f| f.field != ScopeField::Geography || f.range.start >= dated);
        // "British Meridian", "Vertex Semiconductor", "the International Air Cargo Association":
        // a place or a market inside a longer name is part of the name, not the claim's scope.
        // Few values stand inside a name: the headline test waits until one does.
        let named = |f: &Found| {
            matches!(f.field, ScopeField::Geography | ScopeField::Market | ScopeField::Metric)
                && inside_name(text, &range, &f.range, f.field)
        };
        if out.iter().any(named) && !is_title_case(sentence) {
            out.retain(|f| !named(f));
        }
        // "the 2026 Commercial UAV Market Report published by Skyward Intelligence": a
        // publication's title is not its publisher, when the sentence names the publisher.
        let titled = |f: &Found| {
            f.field == ScopeField::Source
                && f.id.is_none()
                && !f.vague
                && (text[f.range.clone()].rsplit(' ').next().is_some_and(|w| TITLE_WORDS.contains(&w))
                    || text[range.start..f.range.start].trim_end().rsplit(' ').next().is_some_and(|w| {
                        w.len() == 4
                            && (w.starts_with("19") || w.starts_with("20"))
                            && w.bytes().all(|b| b.is_ascii_digit())
                    }))
        };
        if out.iter().any(|f| f.field == ScopeField::Source && !f.vague && !titled(f)) {
            out.retain(|f| !titled(f));
        }
        // A period's role depends on its sentence alone: read it once, not once per claim.
        for f in out.iter_mut().filter(|f| f.field == ScopeField::Period) {
            f.role = crate::periods::role(
                &text[range.start..f.range.start],
                &text[f.range.clone()],
                &text[f.range.end..range.end],
            );
            // "FRANKFURT, March 4, 2026 — Veltra became … in 2025": the date a story was filed
            // dates a claim only when nothing else does.
            if f.range.start < dated {
                f.role = crate::periods::Role::Pointer;
            }
        }
        // "2012—2023年" is one period, not a year inside a range.
        let covered = |f: &Found, all: &[Found]| {
            all.iter().any(|g| {
                g.field == f.field
                    && g.range.len() > f.range.len()
                    && g.range.start <= f.range.start
                    && f.range.end <= g.range.end
            })
        };
        // Few sentences hold a value inside another: the rest need no copy to test against.
        if out.iter().any(|f| covered(f, &out)) {
            let all = out.clone();
            out.retain(|f| !covered(f, &all));
        }
        out
    }

    /// Every scope value found in a sentence, described, for rule authors.
    pub fn describe(&mut self, s: usize) -> Vec<String> {
        let text = self.text;
        self.found(s, ALL_FIELDS)
            .iter()
            .map(|f| {
                format!(
                    "{:?} {:?} id={:?}{}",
                    f.field,
                    &text[f.range.clone()],
                    f.id,
                    if f.vague { " vague" } else { "" }
                )
            })
            .collect()
    }

    /// Context levels for a claim: its sentence (and footnotes it points at), the rest of its
    /// paragraph nearest first, then the nearest heading, the title and the lead paragraph.
    fn levels(&self, c: &Candidate) -> [(Via, Vec<(usize, bool)>); 3] {
        let layout = self.layout;
        let s = c.sentence;
        let block = layout.sentences[s].block;
        let mut own = vec![(s, false)];
        let sentence_text = &self.text[layout.sentences[s].range.clone()];
        if sentence_text.contains('*') || sentence_text.contains('※') {
            // "…Toothpaste*" reads the note marked "*", not the one marked "**".
            let after = &self.text[c.span.end.min(layout.sentences[s].range.end)..layout.sentences[s].range.end];
            let marker = after.find('*').map_or(0, |i| after[i..].bytes().take_while(|&b| b == b'*').count());
            let stars = |f: usize| {
                let t = self.text[layout.blocks[f].range.clone()].trim_start();
                t.bytes().take_while(|&b| b == b'*').count()
            };
            let exact = marker > 0 && self.footnotes.iter().any(|&f| stars(f) == marker);
            for &f in self.footnotes.iter().filter(|&&f| !exact || stars(f) == marker) {
                own.extend(layout.blocks[f].sentences.clone().map(|x| (x, false)));
            }
        }
        let b = &layout.blocks[block];
        // A table row reads with its caption and the rows above it.
        let first = layout.blocks[layout.paragraph_of(block).start].sentences.start;
        let mut para: Vec<(usize, bool)> = (first..s).rev().map(|x| (x, false)).collect();
        para.extend((s + 1..b.sentences.end).map(|x| (x, true)));
        let mut doc = Vec::new();
        // The nearest heading, then the title.
        for h in [self.heading_before[block], self.title.filter(|&t| t != block)].into_iter().flatten() {
            doc.extend(layout.blocks[h].sentences.clone().map(|x| (x, false)));
        }
        if let Some(lead) = layout.lead.filter(|&l| l != block) {
            doc.extend(layout.blocks[lead].sentences.clone().map(|x| (x, false)));
        }
        [(Via::Sentence, own), (Via::Paragraph, para), (Via::Document, doc)]
    }

    pub fn resolve(&mut self, c: &Candidate, reach: Reach, subject: Option<&Range<usize>>) -> Resolved {
        let levels = self.levels(c);
        let (text, layout) = (self.text, self.layout);
        let clause =
            crate::segments::clause_bounds(self.text, self.layout.sentences[c.sentence].range.clone(), c.span.start);
        let clause = clause.start.min(c.span.start)..clause.end.max(c.span.end);
        let mut out = Resolved::default();
        // A later sentence with a figure of its own names the source of that figure ("…ranked
        // fifth, the Guild said"): it attributes the claims before it only when nothing else
        // does.
        let mut fallback: Option<(usize, Found)> = None;
        // A cell of a table reads the header of its own column first ("| Q2 2026 share | Q2
        // 2025 share |"): the nearest header cell may head another column.
        let in_table = |b: usize| {
            let block = &layout.blocks[b];
            block.group.filter(|_| matches!(block.kind, BlockKind::TableRow | BlockKind::Heading))
        };
        let column = |b: usize, at: usize| text[layout.blocks[b].range.start..at].matches('|').count();
        let own_block = layout.sentences[c.sentence].block;
        let own_column = in_table(own_block).map(|g| (g, column(own_block, c.span.start)));
        // Every field is looked for in the claim's own sentence: read them all at once.
        for &(s, _) in &levels[0].1 {
            self.found(s, ALL_FIELDS);
        }
        for field in ScopeField::ALL {
            // A market is what a claim is about even in a slogan, so it may always come from
            // context; the other fields only as far as the rule lets them.
            let limit = if field == ScopeField::Market { Reach::Document } else { reach };
            let allowed = match limit {
                Reach::Clause | Reach::Sentence => 1,
                Reach::Paragraph => 2,
                Reach::Document => 3,
            };
            // In the document, periods and markets rank by the order they are read in (below).
            let by_order = matches!(field, ScopeField::Period | ScopeField::Market);
            'levels: for (via, sentences) in levels.iter().take(allowed) {
                let mut best: Option<(usize, Found)> = None;
                let mut vague: Option<(usize, Found)> = None;
                let mut pointer: Option<(usize, Found)> = None;
                for (k, &(s, later)) in sentences.iter().enumerate() {
                    // Later sentences of a paragraph attribute ("The firm credits IDC"), they
                    // do not re-scope. They close its list (see `levels`).
                    if later && field != ScopeField::Source {
                        break;
                    }
                    // Once a value is found, a sentence none of whose values could rank before
                    // it is not read for this field: what it holds besides fills the vague,
                    // pointer and fallback slots, which matter only when nothing is found.
                    // (A table's columns only add to a value's distance.)
                    let range = &layout.sentences[s].range;
                    let nearest = if *via == Via::Document && by_order {
                        (k << 32) + range.start
                    } else {
                        distance(range, &c.span)
                    };
                    if best.as_ref().is_some_and(|(d, _)| *d <= nearest) {
                        continue;
                    }
                    // A later sentence with its own figures about the same holder backs this
                    // claim too ("…the second-largest. Shopee, Kedai and Lazada took 38%, 30%
                    // and 11%, according to Tenggara."); about another, it is a last resort.
                    // Asked of the sentence's first value: most later sentences give none.
                    let mut other_claim = (later && self.claimed[s]).then_some(None);
                    for f in self.found(s, bit(field)).iter().filter(|f| f.field == field) {
                        // A subject such as "禾牧液态奶" names its market, never its source.
                        if field != ScopeField::Market && subject.is_some_and(|r| overlaps(r, &f.range)) {
                            continue;
                        }
                        // What a share counts is said before it or in its clause, not in a
                        // later clause about something else ("…市占率为27.8%，全年销量达…").
                        if field == ScopeField::Metric && s == c.sentence && f.range.start >= clause.end {
                            continue;
                        }
                        if limit == Reach::Clause
                            && s == c.sentence
                            && !(f.range.start >= clause.start && f.range.end <= clause.end)
                        {
                            continue;
                        }
                        // "A report indicating…" later in a paragraph brings its own figure; it
                        // does not attribute the ones before it, as "The firm credits IDC" does.
                        if later && f.vague {
                            continue;
                        }
                        // "47.3% of all US television viewing time": the whole a share is of
                        // is its market, ahead of the holder before it ("Streaming captured").
                        let whole = field == ScopeField::Market && s == c.sentence && is_whole(text, c, &f.range);
                        // A release states its period first: in the title and lead, the
                        // earliest period is the release's, later ones are comparisons ("below
                        // the rebound seen in the first half of 2024").
                        let dist = if whole {
                            0
                        } else if *via == Via::Document && by_order {
                            (k << 32) + f.range.start
                        } else {
                            distance(&f.range, &c.span)
                        };
                        let block = layout.sentences[s].block;
                        let dist = match own_column {
                            Some((g, col)) if block != own_block && in_table(block) == Some(g) => {
                                if column(block, f.range.start) == col { dist } else { dist + (1 << 40) }
                            }
                            _ => dist,
                        };
                        // In its own sentence, a comparison's time may still be the claim's.
                        let own = s == c.sentence && f.role != crate::periods::Role::Own;
                        let role =
                            if own && hung_on(text, &f.range, &c.span) { crate::periods::Role::Own } else { f.role };
                        // "早在2017年就已登上首位" dates that clause, not the claims around it.
                        if role == crate::periods::Role::Aside
                            && !(s == c.sentence && f.range.start >= clause.start && f.range.end <= clause.end)
                        {
                            continue;
                        }
                        let compared = role == crate::periods::Role::Pointer
                            && !(own && given_for(text, layout.sentences[s].range.start, &f.range, &c.span));
                        let claimed = other_claim.as_mut().is_some_and(|known| {
                            *known.get_or_insert_with(|| !subject.is_some_and(|r| Self::mentions(text, layout, s, r)))
                        });
                        let slot = if claimed {
                            &mut fallback
                        } else if f.vague {
                            &mut vague
                        } else if compared {
                            &mut pointer
                        } else {
                            &mut best
                        };
                        if slot.as_ref().is_none_or(|(d, _)| dist < *d) {
                            *slot = Some((dist, f.clone()));
                        }
                    }
                }
                if let Some((_, f)) = best {
                    out.set(field, TagDraft { range: f.range, id: f.id.map(str::to_string), via: *via });
                    break 'levels;
                }
                // "当季", "the same period" point back at a period stated before: any stated
                // one, here or at a wider level, says more.
                if let Some((_, f)) = pointer
                    && out.period.is_none()
                {
                    out.set(field, TagDraft { range: f.range, id: f.id.map(str::to_string), via: *via });
                }
                if let Some((_, f)) = vague {
                    out.vague_source = Some((f.range, *via));
                    break 'levels;
                }
            }
            if field == ScopeField::Source
                && out.source.is_none()
                && out.vague_source.is_none()
                && let Some((_, f)) = fallback.take()
            {
                out.set(field, TagDraft { range: f.range, id: f.id.map(str::to_string), via: Via::Paragraph });
            }
        }
        out
    }
}

/// Words that may be capitalised without being part of a name.
const NOT_NAME_WORDS: [&str; 20] = [
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "Of",
    "And",
    "According",
    "With",
    "From",
    "To",
    "As",
    "Its",
    "Their",
    "This",
    "That",
    "While",
];

/// Last words of a report's or tracker's title, whose words do name a market ("IDC's Worldwide
/// Quarterly Mobile Phone Tracker").
const TITLE_WORDS: [&str; 9] =
    ["Tracker", "Report", "Survey", "Index", "Study", "Ranking", "Rankings", "Monitor", "Outlook"];

/// Words a research firm's name ends with.
const FIRM_ENDS: [&str; 12] = [
    "Research",
    "Insights",
    "Analytics",
    "Intelligence",
    "Consulting",
    "Partners",
    "Group",
    "Associates",
    "Advisors",
    "Economics",
    "Strategies",
    "Labs",
];

/// "Nexa Research POS (Tracker)", "Kestrel Insights Wearables (Tracker)": the words after a
/// research firm's name name its product, not the firm.
fn firm_of_product(name: &str) -> &str {
    let mut at = 0;
    let mut end = None;
    for (k, w) in name.split(' ').enumerate() {
        at += w.len();
        if k > 0 && FIRM_ENDS.contains(&w) {
            end = Some(at);
        }
        at += 1;
    }
    end.map_or(name, |e| &name[..e])
}

/// A capitalised word that may continue a name: not an acronym ("US EV market" keeps its
/// place), not a function word.
fn name_word(w: &str) -> bool {
    let w = w.trim_end_matches(['\'', '’', 's']).trim_end_matches(['\'', '’']);
    w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.bytes().any(|b| b.is_ascii_lowercase())
        && w.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'&')
        && !NOT_NAME_WORDS.contains(&w)
}

/// Whether `r` is part of a longer run of capitalised words within `sentence`.
fn inside_name(text: &str, sentence: &Range<usize>, r: &Range<usize>, field: ScopeField) -> bool {
    // Only a capitalised word can be part of a name; an acronym ("AI cloud") is written so
    // anywhere.
    if !name_word(text[r.clone()].split([' ', '-']).next().unwrap_or("")) {
        return false;
    }
    let before = text[sentence.start..r.start].strip_suffix(' ').map(|t| t.rsplit(' ').next().unwrap_or(""));
    let after = text[r.end..sentence.end]
        .strip_prefix(' ')
        .map(|t| t.split(' ').next().unwrap_or("").trim_end_matches([',', '.', ';', ':']));
    // A word opening the sentence is capitalised for that alone.
    let opens = before.is_some_and(|b| text[sentence.start..r.start].trim_end().len() == b.len());
    // Markets are written in lower case: a capitalised one after a capitalised first word is
    // a name ("Vertex Semiconductor retained…"), a place may be just a place there.
    let left = before
        .is_some_and(|b| name_word(b) && !b.ends_with([',', ';', ':', '.']) && (!opens || field == ScopeField::Market));
    // "America's No. 1 bank": a rank after a place does not make the place part of a name.
    let rank_next = text[r.end..sentence.end].trim_start_matches(['\'', '’', 's']).trim_start().starts_with("No.");
    let right = after.is_some_and(name_word) && !rank_next;
    let last = if right { after.unwrap_or("") } else { "" };
    (left || right) && !TITLE_WORDS.contains(&last.trim_end_matches(['\'', '’', 's']))
}

/// A headline or heading in title case: most of its words capitalised.
fn is_title_case(sentence: &str) -> bool {
    let (mut words, mut caps) = (0, 0);
    for w in sentence.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic())) {
        words += 1;
        caps += usize::from(w.starts_with(|c: char| c.is_ascii_uppercase()));
    }
    words >= 2 && caps * 10 >= words * 6
}

/// Whether `m` is the same entry as `prev`, given in brackets right after it.
fn is_gloss(text: &str, prev: &LexMatch, m: &LexMatch) -> bool {
    let gap = text.get(prev.range.end..m.range.start).unwrap_or("").trim();
    prev.entry == m.entry && (gap == "(" || gap == "（") && text[m.range.end..].trim_start().starts_with([')', '）'])
}

/// "…since November 2018, when the PS4 last held the No. 1 spot": the clause hung on a period
/// is of that time.
fn hung_on(text: &str, period: &Range<usize>, claim: &Range<usize>) -> bool {
    period.end <= claim.start && {
        let gap = text[period.end..claim.start].trim_start();
        let rest = gap.strip_prefix(',').or_else(|| gap.strip_prefix('，')).unwrap_or("").trim_start();
        (rest.starts_with("when ") || rest.starts_with("当时")) && !rest.contains([',', '，', ';', '；'])
    }
}

/// Whether a compared or earlier time in the claim's sentence is the time its figure is given
/// for: "较2019年的23.9%", "up from 67.6% in the previous quarter", "79% a year earlier", "A year
/// earlier, Sonicast had led with 33.1%".
fn given_for(text: &str, sentence_start: usize, period: &Range<usize>, claim: &Range<usize>) -> bool {
    let before = period.end <= claim.start && {
        let gap = &text[period.end..claim.start];
        gap.trim().chars().count() <= 2 && !gap.contains([',', '，', ';', '；'])
    };
    const JOINS: [&str; 12] =
        ["", "a", "the", "in", "in the", "during", "during the", "for", "for the", "at", "at the", "as of"];
    let after = period.start >= claim.end && {
        let gap = text[claim.end..period.start].trim();
        JOINS.iter().any(|j| gap.eq_ignore_ascii_case(j))
    };
    let opens = crate::periods::is_shifted(&text[period.clone()]) && {
        let head = text[sentence_start..period.start].trim();
        ["", "a", "an", "the"].iter().any(|w| head.eq_ignore_ascii_case(w))
    };
    before || after || opens
}

/// Whether `r` is in the "of …" phrase right after a share ("31% of all TV time").
fn is_whole(text: &str, c: &Candidate, r: &Range<usize>) -> bool {
    if c.kind != crate::model::Kind::Share || r.start < c.span.end || r.start - c.span.end > 24 {
        return false;
    }
    let gap = text[c.span.end..r.start].trim_start();
    gap.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("of ")) && !gap.contains([',', ';', '.'])
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start { b.start - a.end } else { a.start.saturating_sub(b.end) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edge_words_are_short_and_lower_case_for_their_lookup() {
        for w in NAME_EDGE_WORDS {
            assert!(w.len() <= 16 && *w == w.to_ascii_lowercase(), "{w}");
            assert!(is_edge_word(w) && is_edge_word(&w.to_ascii_uppercase()), "{w}");
        }
        assert!(!is_edge_word("Counterpoint") && !is_edge_word("") && !is_edge_word("the market"));
    }

    #[test]
    fn cause_cues_open_with_two_letters_as_is_cause_expects() {
        assert!(CAUSE_CUES.iter().all(|cue| cue[0].len() == 2));
        assert!(is_cause("second with 19.1%, helped by strong"));
        assert!(is_cause("growth\tdriven  BY higher unit"));
        assert!(!is_cause("helped by strong demand, the"));
        assert!(!is_cause("measured by"));
    }
}
