//! Collective references: "两家合计拿下超九成", "前两家合计占比超过七成", "三家交易份额合计超过94%",
//! "the two together held 61%". The holder is a count of names the paragraph gave before; the
//! reference itself names nobody.

use std::ops::Range;

/// A count of holders: how many, and whether they are the top of a ranking ("前两家", "the
/// top three") rather than the ones just named ("两家", "the two").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    pub n: usize,
    pub ranked: bool,
}

/// How many holders a subject like "两家", "前三家", "一家企业", "the two", "both" refers to.
pub fn count_of(subject: &str) -> Option<Count> {
    let t = subject.trim();
    let ranked = t.starts_with('前');
    let zh = ["这", "前", "该", "此", "上述", "以上"].iter().find_map(|p| t.strip_prefix(p)).unwrap_or(t);
    let mut chars = zh.chars();
    if let (Some(n), Some(unit)) = (chars.next(), chars.next())
        && matches!(unit, '家' | '者')
        && described(chars.as_str()).chars().count() <= 2
    {
        let n = match n {
            '一' | '1' => 1,
            '两' | '二' | '2' => 2,
            '三' | '3' => 3,
            '四' | '4' => 4,
            '五' | '5' => 5,
            _ => return None,
        };
        return Some(Count { n, ranked });
    }
    let lower = t.to_ascii_lowercase();
    let en = lower.strip_prefix("the ").unwrap_or(&lower);
    let ranked = en.starts_with("top ");
    let en = en.strip_prefix("top ").unwrap_or(en);
    let mut words = en.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty());
    let word = words.next().unwrap_or("");
    // "the two Chinese vendors" is a group of its own; "the two companies" is the two just named.
    if words.any(|w| !GENERIC_EN.contains(&w)) {
        return None;
    }
    let n = match word {
        "both" | "two" | "pair" | "duo" => 2,
        "three" | "trio" => 3,
        "four" => 4,
        "five" => 5,
        _ => return None,
    };
    Some(Count { n, ranked })
}

const GENERIC_EN: [&str; 12] = [
    "companies",
    "company",
    "firms",
    "brands",
    "vendors",
    "players",
    "groups",
    "makers",
    "rivals",
    "leaders",
    "together",
    "of",
];

/// What a Chinese count says of its members, without the word for a firm: "垂直一体化" in
/// "四家垂直一体化企业" makes a group of its own; "一家企业" and "两家" only count.
fn described(rest: &str) -> &str {
    ["企业", "公司", "厂商", "品牌", "机构", "巨头"].iter().find_map(|w| rest.strip_suffix(w)).unwrap_or(rest)
}

/// Who a count of `n` refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Holders {
    /// One name, or names standing in one list ("支付宝、拉卡拉和财付通"): a span of the text.
    Span(Range<usize>),
    /// Names given apart ("支付宝以53.7%居首；财付通…位列第二。两家合计…"), each where the
    /// paragraph first gave it, in text order.
    Apart(Vec<Range<usize>>),
}

/// The holders a count of `n` refers to, among `names` (ranges of names met before it, in
/// text order): the last `n` distinct names.
pub fn resolve(text: &str, n: usize, names: &[Range<usize>]) -> Option<Holders> {
    let named: Vec<&Range<usize>> = names.iter().filter(|r| !glossed(text, r)).collect();
    let mut chosen: Vec<&Range<usize>> = Vec::new();
    for r in named.iter().rev() {
        if chosen.len() == n {
            break;
        }
        if !chosen.iter().any(|c| text[(*c).clone()] == text[(*r).clone()]) {
            chosen.push(r);
        }
    }
    if chosen.len() < n {
        return None;
    }
    chosen.sort_by_key(|r| r.start);
    if chosen.windows(2).all(|w| is_joiner(&text[w[0].end..w[1].start.max(w[0].end)])) {
        return Some(Holders::Span(chosen[0].start..chosen[n - 1].end));
    }
    let mut first: Vec<Range<usize>> = chosen
        .iter()
        .filter_map(|c| named.iter().find(|r| text[(**r).clone()] == text[(*c).clone()]).map(|r| (*r).clone()))
        .collect();
    first.sort_by_key(|r| r.start);
    Some(Holders::Apart(first))
}

/// The holders of places 1 to `n` (`places[k]` holds place k + 1), when all are known: as one
/// span when they stand in one list, else by name in the order of the ranking.
pub fn resolve_ranked(text: &str, places: &[Option<Range<usize>>]) -> Option<Holders> {
    let held: Vec<Range<usize>> = places.iter().cloned().collect::<Option<_>>()?;
    let mut sorted = held.clone();
    sorted.sort_by_key(|r| r.start);
    if sorted.windows(2).all(|w| w[0].end <= w[1].start && is_joiner(&text[w[0].end..w[1].start])) {
        return Some(Holders::Span(sorted[0].start..sorted[sorted.len() - 1].end));
    }
    Some(Holders::Apart(held))
}

/// "财付通（含微信支付）": a name in brackets glosses the one before it.
fn glossed(text: &str, r: &Range<usize>) -> bool {
    let before = text[..r.start].trim_end_matches(['含', ' ']);
    before.ends_with(['（', '('])
}

fn is_joiner(between: &str) -> bool {
    let t = between.trim();
    t.is_empty() || ["、", "，", ",", "和", "与", "及", "以及", "and", ", and"].contains(&t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ranges(text: &str, names: &[&str]) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> =
            names.iter().flat_map(|n| text.match_indices(n).map(|(i, _)| i..i + n.len())).collect();
        out.sort_by_key(|r| r.start);
        out
    }

    #[test]
    fn counts() {
        let bare = |n| Some(Count { n, ranked: false });
        let top = |n| Some(Count { n, ranked: true });
        assert_eq!(count_of("两家"), bare(2));
        assert_eq!(count_of("前两家"), top(2));
        assert_eq!(count_of("三家交易"), bare(3));
        assert_eq!(count_of("一家企业"), bare(1));
        assert_eq!(count_of("The two companies"), bare(2));
        assert_eq!(count_of("the top three"), top(3));
        assert_eq!(count_of("both"), bare(2));
        assert_eq!(count_of("前五大厂商"), None);
        assert_eq!(count_of("四家垂直一体化企业"), None);
        assert_eq!(count_of("the two Chinese vendors"), None);
        assert_eq!(count_of("Acme"), None);
    }

    #[test]
    fn a_list_is_the_holder_and_scattered_names_the_first() {
        let t = "支付宝、拉卡拉和财付通蝉联TOP3，三家交易份额合计超过94%。";
        let Some(Holders::Span(r)) = resolve(t, 3, &ranges(t, &["支付宝", "拉卡拉", "财付通"])) else {
            panic!()
        };
        assert_eq!(&t[r], "支付宝、拉卡拉和财付通");
        let t = "支付宝以53.7%居首；财付通（含微信支付）以39.51%位列第二，落后支付宝约14个百分点。两家合计";
        let Some(Holders::Apart(names)) = resolve(t, 2, &ranges(t, &["支付宝", "财付通", "微信支付"])) else {
            panic!()
        };
        assert_eq!(names.iter().map(|r| &t[r.clone()]).collect::<Vec<_>>(), ["支付宝", "财付通"]);
        let t = "宁德时代以48.2%位居第一。";
        assert_eq!(resolve(t, 2, &ranges(t, &["宁德时代"])), None);
    }
}
