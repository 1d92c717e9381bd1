//! The names scope patterns capture: a capture trimmed to the name it holds, a firm told from
//! its product or a report's title, and a place or market told from a longer name it is part of.

use crate::rules::ScopeField;
use std::ops::Range;

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
pub(super) fn clean_name(text: &str, r: Range<usize>, vague: bool, field: ScopeField) -> Option<Range<usize>> {
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
    // A measure may well be one such word: "drones registered with the FAA", "by spending".
    let en_word = field != ScopeField::Metric
        && t.bytes().all(|b| b.is_ascii_alphabetic())
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
pub(super) const TITLE_WORDS: [&str; 9] =
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
pub(super) fn inside_name(text: &str, sentence: &Range<usize>, r: &Range<usize>, field: ScopeField) -> bool {
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
pub(super) fn is_title_case(sentence: &str) -> bool {
    let (mut words, mut caps) = (0, 0);
    for w in sentence.split_whitespace().filter(|w| w.starts_with(|c: char| c.is_ascii_alphabetic())) {
        words += 1;
        caps += usize::from(w.starts_with(|c: char| c.is_ascii_uppercase()));
    }
    words >= 2 && caps * 10 >= words * 6
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
}
