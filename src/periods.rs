//! Periods as intervals of months, so that two claims' periods can be said to overlap or not:
//! "2024", "FY2024", "H1 2025", "first half of 2025", "1H25", "Q3 2025", "3Q24", "third quarter
//! of 2025", "September 2025", "January to June 2025", "as of June 2025", and 2024年, 2024财年,
//! 2025年上半年, 2024年第三季度, 2025年前三季度, 2025年1-6月, 2025年6月, 截至2025年6月.
//!
//! A period that names no year ("the first half", 上半年) takes `year` when the caller knows the
//! document's year; otherwise it has no interval, and nothing is said about its overlap.

use crate::numbers::fold_width;
use regex::Regex;
use std::fmt;
use std::sync::OnceLock;

/// Months `first..=last`, each counted as `year * 12 + month - 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Interval {
    pub first: u32,
    pub last: u32,
}

impl Interval {
    fn months(year: u32, from: u32, to: u32) -> Interval {
        Interval { first: year * 12 + from - 1, last: year * 12 + to - 1 }
    }

    pub fn overlaps(&self, other: &Interval) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    pub fn contains(&self, other: &Interval) -> bool {
        self.first <= other.first && other.last <= self.last
    }
}

impl fmt::Display for Interval {
    /// The shortest usual name: "2024", "H1 2025", "Q3 2025", "Jun 2025", "Jan-Sep 2025".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
        let (y1, m1) = (self.first / 12, self.first % 12 + 1);
        let (y2, m2) = (self.last / 12, self.last % 12 + 1);
        if y1 != y2 && (m1, m2) == (1, 12) {
            return write!(f, "{y1}-{y2}");
        }
        if y1 != y2 {
            return write!(f, "{} {y1}-{} {y2}", MONTHS[m1 as usize - 1], MONTHS[m2 as usize - 1]);
        }
        match (m1, m2) {
            (1, 12) => write!(f, "{y1}"),
            (1, 6) => write!(f, "H1 {y1}"),
            (7, 12) => write!(f, "H2 {y1}"),
            (a, b) if a == b => write!(f, "{} {y1}", MONTHS[a as usize - 1]),
            (a, b) if b == a + 2 && a % 3 == 1 => write!(f, "Q{} {y1}", a / 3 + 1),
            (a, b) => write!(f, "{}-{} {y1}", MONTHS[a as usize - 1], MONTHS[b as usize - 1]),
        }
    }
}

fn en_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?ix)
            (?P<asof>\b(?:as\s+of|as\s+at|by\s+the\s+end\s+of|at\s+the\s+end\s+of|through)\s+)?
            (?:
                \b(?P<q1>[1-4])\s*Q\s*'?(?P<qy1>(?:19|20)?\d{2})\b
              | \bQ(?P<q2>[1-4])(?:\s*|\s*[-/']\s*|\s+of\s+)(?P<qy2>(?:19|20)\d{2}|\d{2})\b
              | \b(?P<qy3>(?:19|20)\d{2})\s*[-/]?\s*Q(?P<q3>[1-4])\b
              | \b(?P<qw>first|second|third|fourth)\s+(?:calendar\s+|fiscal\s+)?quarter(?:\s+of)?(?:\s+(?P<qy4>(?:19|20)\d{2}))?
              | \b(?P<h1>[12])\s*H\s*'?(?P<hy1>(?:19|20)?\d{2})\b
              | \bH(?P<h2>[12])(?:\s*|\s*[-/']\s*|\s+of\s+)(?P<hy2>(?:19|20)\d{2}|\d{2})\b
              | \b(?P<hw>first|second)\s+half(?:\s+of)?(?:\s+(?P<hy3>(?:19|20)\d{2}))?
              | \b(?P<m1>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:to|through|-|–)\s+(?P<m2>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+(?P<my2>(?:19|20)\d{2})
              | \b(?:\d{1,2}\s+)?(?P<m>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{1,2},?)?\s+(?P<my>(?:19|20)\d{2})
              | \b(?:FY|fiscal(?:\s+year)?\s*)'?(?P<fy>(?:19|20)?\d{2})\b
              | \b(?P<ya>(?:19|20)\d{2})\s*(?:-|–|—|to|through|thru|until|and)\s*(?P<yb>(?:19|20)\d{2}|\d{2})\b
              | \b(?P<y>(?:19|20)\d{2})\b
            )",
        )
        .expect("static regex")
    })
}

fn zh_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            (?P<asof>截至|截止到?|到)?
            (?:(?P<y>(?:19|20)\d{2})\s*年?度?)?
            (?:
                (?P<half>上|下)半年
              | 前(?P<qs>[一二三1-3])(?:个)?季度?
              | 第(?P<q>[一二三四1-4])季度?
              | (?P<q2>[一二三四1-4])季度
              | Q(?P<qq>[1-4])
              | (?P<m1>1[0-2]|[1-9])\s*月?\s*[-–—~至到]\s*(?P<m2>1[0-2]|[1-9])\s*月(?:份)?
              | (?P<m>1[0-2]|[1-9])\s*月(?:份|底|末)?
              | (?P<fy>财年|全年|年度)
            )?",
        )
        .expect("static regex")
    })
}

fn month_of(word: &str) -> Option<u32> {
    const NAMES: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let w = word.to_ascii_lowercase();
    NAMES.iter().position(|n| w.starts_with(n)).map(|i| i as u32 + 1)
}

fn year_of(digits: &str) -> Option<u32> {
    let n: u32 = digits.parse().ok()?;
    Some(if digits.len() == 2 { 2000 + n } else { n })
}

fn small_number(s: &str) -> Option<u32> {
    match s {
        "一" | "1" => Some(1),
        "二" | "2" => Some(2),
        "三" | "3" => Some(3),
        "四" | "4" => Some(4),
        _ => None,
    }
}

/// The interval a period tag's text names; `year` stands in when it names none.
pub fn interval(text: &str, year: Option<u32>) -> Option<Interval> {
    let folded = fold_width(text);
    let t = folded.trim();
    if t.chars().any(crate::segments::is_cjk) {
        zh_interval(t, year).or_else(|| en_interval(t, year))
    } else {
        en_interval(t, year)
    }
}

fn en_interval(t: &str, year: Option<u32>) -> Option<Interval> {
    let c = en_re().captures(t)?;
    let get = |n: &str| c.name(n).map(|m| m.as_str());
    let y_or = |n: &str| get(n).and_then(year_of).or(year);
    let quarter = |q: u32, y: u32| Interval::months(y, q * 3 - 2, q * 3);
    let half = |h: u32, y: u32| Interval::months(y, h * 6 - 5, h * 6);
    let span = if let Some(q) = get("q1").or(get("q2")).or(get("q3")) {
        let y = get("qy1").or(get("qy2")).or(get("qy3")).and_then(year_of)?;
        quarter(q.parse().ok()?, y)
    } else if let Some(w) = get("qw") {
        let q = ["first", "second", "third", "fourth"].iter().position(|x| x.eq_ignore_ascii_case(w))? as u32 + 1;
        quarter(q, y_or("qy4")?)
    } else if let Some(h) = get("h1").or(get("h2")) {
        half(h.parse().ok()?, get("hy1").or(get("hy2")).and_then(year_of)?)
    } else if let Some(w) = get("hw") {
        half(if w.eq_ignore_ascii_case("first") { 1 } else { 2 }, y_or("hy3")?)
    } else if let (Some(a), Some(b)) = (get("m1"), get("m2")) {
        let (a, b) = (month_of(a)?, month_of(b)?);
        let y = year_of(get("my2")?)?;
        (a <= b).then(|| Interval::months(y, a, b))?
    } else if let Some(m) = get("m") {
        let m = month_of(m)?;
        let y = year_of(get("my")?)?;
        Interval::months(y, m, m)
    } else if let Some(fy) = get("fy") {
        Interval::months(year_of(fy)?, 1, 12)
    } else if let (Some(a), Some(b)) = (get("ya"), get("yb")) {
        // "2019-20" ends in 2020, "2024-2026" in 2026.
        let a = year_of(a)?;
        let b = if b.len() == 2 { a / 100 * 100 + b.parse::<u32>().ok()? } else { year_of(b)? };
        (a <= b).then(|| Interval { first: a * 12, last: b * 12 + 11 })?
    } else {
        let y = year_of(get("y")?)?;
        Interval::months(y, 1, 12)
    };
    Some(span)
}

fn zh_interval(t: &str, year: Option<u32>) -> Option<Interval> {
    // The first match that names anything: the pattern is all optional, so skip empty ones.
    let c = zh_re().captures_iter(t).find(|c| c.get(0).is_some_and(|m| !m.as_str().is_empty()))?;
    let get = |n: &str| c.name(n).map(|m| m.as_str());
    let named_year = get("y").and_then(year_of);
    let y = named_year.or(year)?;
    let span = if let Some(h) = get("half") {
        if h == "上" { Interval::months(y, 1, 6) } else { Interval::months(y, 7, 12) }
    } else if let Some(q) = get("qs") {
        Interval::months(y, 1, small_number(q)? * 3)
    } else if let Some(q) = get("q").or(get("q2")).or(get("qq")) {
        let q = small_number(q)?;
        Interval::months(y, q * 3 - 2, q * 3)
    } else if let (Some(a), Some(b)) = (get("m1"), get("m2")) {
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        (a <= b).then(|| Interval::months(y, a, b))?
    } else if let Some(m) = get("m") {
        let m: u32 = m.parse().ok()?;
        Interval::months(y, m, m)
    } else {
        // A bare year, 2024年全年, 2024财年: the whole year, but only when a year was written.
        named_year?;
        Interval::months(y, 1, 12)
    };
    Some(span)
}

// ---------------------------------------------------------------------------------------------
// What a period does in its sentence

/// How a period stands to the figures around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The time the sentence's figures are of.
    Own,
    /// A time the figures are compared with or pointed back at ("比2019年提高", "higher than in
    /// 2019", "a year earlier", 当季): another stated period says more.
    Pointer,
    /// A past event told in passing ("早在2017年就已登上首位", "as early as 2017"): it dates its
    /// own clause and nothing around it.
    Aside,
}

/// The role of the period `period`, with the sentence's text before and after it.
pub fn role(before: &str, period: &str, after: &str) -> Role {
    // "since November" is matched with its preposition.
    let since_inside = period.get(..6).is_some_and(|p| p.eq_ignore_ascii_case("since "));
    let period = if since_inside { &period[6..] } else { period };
    let mut words = Cues::default();
    cue_words(before, &mut words);
    if since_inside {
        words.push("since");
    }
    if is_anaphoric(period) || is_baseline(before, after, &words) {
        Role::Pointer
    } else if is_aside(before, &words) || is_start(before, after, &words) {
        Role::Aside
    } else {
        Role::Own
    }
}

/// A few words, on the stack: periods are many and their cues short.
#[derive(Default)]
struct Cues<'a> {
    words: [&'a str; 12],
    len: usize,
}

impl<'a> Cues<'a> {
    fn push(&mut self, w: &'a str) {
        if self.len == self.words.len() {
            self.words.rotate_left(1);
            self.len -= 1;
        }
        self.words[self.len] = w;
        self.len += 1;
    }

    fn all(&self) -> &[&'a str] {
        &self.words[..self.len]
    }

    /// Whether the words end with `cue` (lower case, words split by spaces).
    fn ends(&self, cue: &str) -> bool {
        // Compared from the last word back: most cues fail on their last word. The cue is cut
        // by hand: a `rsplit` searcher set up per cue cost more than the comparisons.
        let mut words = self.all().iter().rev();
        let mut rest = cue;
        loop {
            let (head, last) = match rest.bytes().rposition(|b| b == b' ') {
                Some(i) => (Some(&rest[..i]), &rest[i + 1..]),
                None => (None, rest),
            };
            if !words.next().is_some_and(|w| w.eq_ignore_ascii_case(last)) {
                return false;
            }
            match head {
                Some(h) => rest = h,
                None => return true,
            }
        }
    }
}

/// The last few words before a period, with the article, preposition and possessive name
/// that may stand between a cue and it dropped ("than in 2019", "compared with the first
/// half", "versus DII's mid-2019 ranking").
fn cue_words<'a>(before: &'a str, out: &mut Cues<'a>) {
    let tail = &before[before.floor_char_boundary(before.len().saturating_sub(48))..];
    if tail.is_ascii() {
        // Most text: the words cut byte by byte where `split_whitespace` cuts them (tab to
        // carriage return, and space), and no en dash to trim.
        let space = |b: &&u8| **b == b' ' || (b'\t'..=b'\r').contains(*b);
        let b = tail.as_bytes();
        let mut at = 0;
        while at < b.len() {
            let start = at + b[at..].iter().take_while(space).count();
            at = start + b[start..].iter().take_while(|c| !space(c)).count();
            let w = tail[start..at].trim_end_matches('-');
            if !w.is_empty() {
                out.push(w);
            }
        }
    } else {
        for w in tail.split_whitespace().map(|w| w.trim_end_matches(['-', '–'])).filter(|w| !w.is_empty()) {
            out.push(w);
        }
    }
    const FILLER: [&str; 9] = ["the", "in", "at", "during", "for", "of", "mid", "early", "late"];
    for _ in 0..3 {
        match out.all().last() {
            Some(w) if FILLER.iter().any(|f| w.eq_ignore_ascii_case(f)) || w.ends_with("'s") || w.ends_with("’s") => {
                out.len -= 1;
            }
            _ => break,
        }
    }
}

/// Where a span of time begins ("从2013年的赌约算起", "自2019年以来", "since 2016"): it dates
/// the clause that runs from it, not figures of the time since.
fn is_start(before: &str, after: &str, words: &Cues) -> bool {
    let b = before.trim_end();
    let a = after.trim_start();
    let ranged = a.starts_with(['至', '到', '—', '–', '-', '~', '～']);
    // "从1-9月累计来看" looks at the period; it starts nothing.
    let viewed = || a.chars().take(8).any(|c| c == '看');
    let zh = (b.ends_with('从') || b.ends_with('自')) && !b.ends_with("来自") && !b.ends_with("源自");
    // "2013年3月起，…陆续发布", "2020年以来": the start of what the clause tells, as "since" is.
    let onward = (a.starts_with('起') && !a.starts_with("起来")) || a.starts_with("以来");
    (zh && !ranged && !viewed()) || onward || words.ends("since")
}

/// A comparison's other term: "比2019年", "较上年", "与2019年相比", "than in 2019",
/// "compared with 2024", "versus Q2".
fn is_baseline(before: &str, after: &str, words: &Cues) -> bool {
    let b = before.trim_end();
    const ZH_BEFORE: [&str; 7] = ["比", "较", "较之", "相比", "相较", "相比于", "对比"];
    if ZH_BEFORE.iter().any(|cue| b.ends_with(cue))
        && !b.ends_with("占比")
        && !b.ends_with("同比")
        && !b.ends_with("环比")
    {
        return true;
    }
    let a = after.trim_start();
    if ["与", "和", "同", "跟"].iter().any(|cue| b.ends_with(cue))
        && ["相比", "相较", "比较", "持平"].iter().any(|cue| a.starts_with(cue))
    {
        return true;
    }
    // "up from 38% in 2024", "down from 33% in 2020 and 34% in 2019": the times of the figures
    // compared with.
    let figure = |w: &str| w.trim_end_matches([',', '%']).parse::<f64>().is_ok();
    let joins = |w: &str| ["in", "and", "or", "percent", "per", "cent"].iter().any(|j| w.eq_ignore_ascii_case(j));
    let from_figure = words.all().last().is_some_and(|w| figure(w))
        && words
            .all()
            .iter()
            .rev()
            .take(8)
            .find(|w| !(figure(w) || joins(w)))
            .is_some_and(|w| w.eq_ignore_ascii_case("from"));
    from_figure
        || ["than", "versus", "vs", "vs.", "against", "compared with", "compared to", "relative to"]
            .iter()
            .any(|c| words.ends(c))
}

/// A past event told in passing: "早在2017年", "as early as 2017", "back in 2016".
/// Told at the head of its sentence ("Back in 2018, eMarketer expected…"), it sets the time of
/// the whole sentence instead.
fn is_aside(before: &str, words: &Cues) -> bool {
    let b = before.trim_end();
    if let Some(cue) = ["早在", "早于", "远在"].iter().find(|cue| b.ends_with(*cue)) {
        return !b[..b.len() - cue.len()].trim().is_empty();
    }
    // Not the sentence's first words.
    let told_after = |cue: &str| words.ends(cue) && words.len > cue.split(' ').count();
    told_after("as early as") || told_after("back") || told_after("as far back as")
}

/// A pointer to a time before the one stated ("a year earlier", 去年同期, 上月): the figure
/// given for it is of that earlier time, not of the period stated elsewhere.
pub fn is_shifted(period: &str) -> bool {
    const ZH: [&str; 5] = ["去年同期", "上年同期", "上月", "上季度", "上一季度"];
    const EN: [&str; 5] = ["year earlier", "year ago", "year before", "quarter earlier", "month earlier"];
    let p = period.trim().to_ascii_lowercase();
    ZH.contains(&p.as_str()) || EN.iter().any(|w| p.ends_with(w))
}

/// A period that only points back at one stated before.
fn is_anaphoric(period: &str) -> bool {
    // "较上月提高1.2个百分点", "较去年同期": the comparison's time, not the figure's.
    const ZH: [&str; 11] =
        ["当季", "当月", "当年", "当期", "同期", "本季度", "上月", "上季度", "去年同期", "上年同期", "今年以来"];
    // Names are trimmed of edge words: "the same period" is tagged as "period".
    // "from 84% a year earlier": the comparison's time, relative to the period stated elsewhere.
    const EN: [&str; 8] = [
        "period",
        "the year so far",
        "year to date",
        "year-to-date",
        "ytd",
        "for the month",
        "year earlier",
        "year ago",
    ];
    let p = period.trim();
    let ends = |w: &str| {
        p.len() >= w.len() && p.is_char_boundary(p.len() - w.len()) && p[p.len() - w.len()..].eq_ignore_ascii_case(w)
    };
    ZH.contains(&p) || EN.iter().any(|w| ends(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(t: &str) -> String {
        interval(t, None).map_or("-".to_string(), |i| i.to_string())
    }

    #[test]
    fn english_forms() {
        for (t, want) in [
            ("2024", "2024"),
            ("in 2024", "2024"),
            ("FY2024", "2024"),
            ("fiscal 2024", "2024"),
            ("H1 2025", "H1 2025"),
            ("1H25", "H1 2025"),
            ("the first half of 2025", "H1 2025"),
            ("second half of 2024", "H2 2024"),
            ("Q3 2025", "Q3 2025"),
            ("3Q24", "Q3 2024"),
            ("Q2'25", "Q2 2025"),
            ("2025 Q1", "Q1 2025"),
            ("the third quarter of 2025", "Q3 2025"),
            ("September 2025", "Sep 2025"),
            ("12 weeks to 7 September 2025", "Sep 2025"),
            ("January to June 2025", "H1 2025"),
            ("as of June 2025", "Jun 2025"),
            ("2024-2026", "2024-2026"),
            ("from 2021 to 2025", "2021-2025"),
            ("2024 and 2026", "2024-2026"),
            ("2019-20", "2019-2020"),
            ("the first half", "-"),
            ("last year", "-"),
        ] {
            assert_eq!(show(t), want, "{t:?}");
        }
        assert_eq!(interval("the first half", Some(2025)).map(|i| i.to_string()).as_deref(), Some("H1 2025"));
    }

    #[test]
    fn chinese_forms() {
        for (t, want) in [
            ("2024年", "2024"),
            ("2024财年", "2024"),
            ("2024年全年", "2024"),
            ("2025年上半年", "H1 2025"),
            ("2024年下半年", "H2 2024"),
            ("2024年第三季度", "Q3 2024"),
            ("2024年三季度", "Q3 2024"),
            ("2025Q2", "Q2 2025"),
            ("2025年前三季度", "Jan-Sep 2025"),
            // Taiwan and Hong Kong drop 度.
            ("2025年第二季", "Q2 2025"),
            ("2025年前三季", "Jan-Sep 2025"),
            ("2025年1-6月", "H1 2025"),
            ("2025年1月至6月", "H1 2025"),
            ("2025年6月", "Jun 2025"),
            ("截至2025年6月", "Jun 2025"),
            ("上半年", "-"),
        ] {
            assert_eq!(show(t), want, "{t:?}");
        }
        assert_eq!(interval("上半年", Some(2025)).map(|i| i.to_string()).as_deref(), Some("H1 2025"));
    }

    #[test]
    fn overlap_and_nesting() {
        let y2024 = interval("2024", None).unwrap();
        let h1 = interval("2025年上半年", None).unwrap();
        let q2 = interval("Q2 2025", None).unwrap();
        assert!(!y2024.overlaps(&h1), "2024 and H1 2025 are disjoint");
        assert!(h1.overlaps(&q2) && h1.contains(&q2) && !q2.contains(&h1));
        assert!(y2024.contains(&interval("3Q24", None).unwrap()));
    }
}
