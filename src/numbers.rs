//! Number normalisation for share, rank and top-N claims.
//!
//! Rule regexes capture the literal text of a figure ("46.4 per cent", "百分之四十六点四",
//! "No. 1", "前三"); the functions here turn such captures into numbers, and `find_shares`
//! locates every percent-like token in a sentence for list claims. Every function is total:
//! malformed input gives `None` (or no match), never a panic.

use std::borrow::Cow;
use std::ops::Range;

/// Fold full-width ASCII variants (U+FF01..U+FF5E: "４６．４％", "ＮＯ．１", "ＴＯＰ５") and the ideographic space to ASCII. Returns Cow::Borrowed when nothing changes.
pub fn fold_width(s: &str) -> Cow<'_, str> {
    match s.char_indices().find(|&(_, c)| fold_char(c) != c) {
        None => Cow::Borrowed(s),
        Some((i, _)) => {
            let (head, tail) = s.split_at(i);
            let mut out = String::with_capacity(s.len());
            out.push_str(head);
            out.extend(tail.chars().map(fold_char));
            Cow::Owned(out)
        }
    }
}

fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Width-folded, ASCII-lowercased, trimmed, with dash variants as '-' and whitespace runs as
/// one space, so the matchers below can compare against plain lowercase literals.
fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| match fold_char(c) {
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            c => c.to_ascii_lowercase(),
        }));
    }
    out
}

fn tokens(s: &str) -> Vec<&str> {
    s.split([' ', '-']).filter(|w| !w.is_empty()).collect()
}

/// `s` after the first of `prefixes` that it starts with.
fn strip_first<'a>(s: &'a str, prefixes: &[&str]) -> Option<&'a str> {
    prefixes.iter().find_map(|p| s.strip_prefix(p))
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

// ---------------------------------------------------------------- Chinese numerals

fn cn_digit(c: char) -> Option<u64> {
    match c {
        '零' => Some(0),
        '两' => Some(2),
        _ => index_of("〇一二三四五六七八九", c).map(|i| i as u64),
    }
}

fn index_of(chars: &str, c: char) -> Option<usize> {
    chars.chars().position(|x| x == c)
}

/// Position of `w` in a '|'-separated word table; tables are strings so they stay compact.
fn word_index(table: &str, w: &str) -> Option<usize> {
    table.split('|').position(|x| x == w)
}

fn cn_unit(c: char) -> Option<u64> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn is_numeral_char(c: char) -> bool {
    c.is_ascii_digit() || cn_digit(c).is_some() || cn_unit(c).is_some() || c == '万' || c == '亿'
}

/// An ASCII, full-width or Chinese digit (两 included; callers exclude it where it is odd).
fn any_digit(c: char) -> Option<u64> {
    fold_char(c).to_digit(10).map(u64::from).or_else(|| cn_digit(c))
}

/// A digit on its own, as used after 成 and in the colloquial "三万五" (= 35000).
fn single_digit(s: &str) -> Option<u64> {
    let mut it = s.chars();
    let c = it.next()?;
    if it.next().is_some() || c == '两' {
        return None;
    }
    any_digit(c)
}

/// One section below 万 (0..=9999). `start`: this section opens the numeral, so a bare 百/千
/// means one hundred/thousand (百强, 千万). `lead_zero`: a 零 may open it, as after 万 in 三万零五.
fn parse_section(s: &str, start: bool, lead_zero: bool) -> Option<u64> {
    let mut value = 0u64;
    let mut pending: Option<u64> = None;
    let mut last_unit = 10_000u64;
    let mut zero = false;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if let Some(d) = c.to_digit(10) {
            if pending.is_some() {
                return None;
            }
            let mut n = u64::from(d);
            while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                n = n * 10 + u64::from(d);
                if n > 9_999 {
                    return None;
                }
                chars.next();
            }
            pending = Some(n);
        } else if c == '零' || c == '〇' {
            if pending.is_some() || zero || (value == 0 && !lead_zero) {
                return None;
            }
            zero = true;
        } else if let Some(d) = cn_digit(c) {
            if pending.replace(d).is_some() {
                return None;
            }
        } else if let Some(u) = cn_unit(c) {
            if u >= last_unit {
                return None;
            }
            let d = match pending.take() {
                Some(d) if (1..=9).contains(&d) => d,
                Some(_) => return None,
                // 十 alone is ten everywhere (十五, 一百十); 百/千 only at the very start.
                None if u == 10 || (start && value == 0 && !zero) => 1,
                None => return None,
            };
            value += d * u;
            last_unit = u;
            zero = false;
        } else {
            return None;
        }
    }
    match pending {
        None if zero => None,
        None => Some(value),
        Some(d) if last_unit == 10_000 => Some(d),
        Some(d) if d > 9 => None,
        Some(d) if zero || last_unit == 10 => Some(value + d),
        // Colloquial abbreviation: 一百五 = 150, 两千五 = 2500.
        Some(d) => Some(value + d * last_unit / 10),
    }
}

/// hi·10⁴ + lo around 万, or hi·10⁸ + lo around 亿 (whose halves may hold 万). A lone digit
/// after the unit is the colloquial next-place abbreviation: 三万五 = 35000.
fn parse_big(s: &str, unit: char, start: bool, lead_zero: bool) -> Option<u64> {
    let scale: u64 = if unit == '亿' { 100_000_000 } else { 10_000 };
    let inner = |s: &str, start, zero| match unit {
        '亿' => parse_big(s, '万', start, zero),
        _ => parse_section(s, start, zero),
    };
    let Some((hi, lo)) = s.split_once(unit) else {
        return inner(s, start, lead_zero).filter(|_| !s.is_empty());
    };
    let h = inner(hi, start, lead_zero).filter(|&h| h > 0 && !hi.is_empty())?;
    let l = match single_digit(lo).filter(|&d| d > 0) {
        _ if lo.is_empty() => 0,
        Some(d) => d * scale / 10,
        None => inner(lo, false, true)?,
    };
    h.checked_mul(scale)?.checked_add(l)
}

/// Chinese integer numerals: 零〇一二两三四五六七八九十百千万亿, e.g. "十二"=12, "二十"=20, "一百零五"=105, "两千"=2000, "三万五千"=35000, "十"=10, "〇"=0. ASCII and full-width digits may be mixed in ("12万"=120000). None if not a numeral.
pub fn parse_cn_integer(s: &str) -> Option<u64> {
    let folded = fold_width(s);
    let s = folded.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok();
    }
    if s == "零" || s == "〇" {
        return Some(0);
    }
    parse_big(s, '亿', true, false)
}

// ---------------------------------------------------------------- plain numbers

/// Digits with optional thousands separators and decimal part, returned without separators.
fn ascii_decimal(s: &str) -> Option<String> {
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = int.contains(',');
    let mut out = String::with_capacity(s.len());
    for (k, g) in int.split(',').enumerate() {
        if !digits(g) || (grouped && g.len() != 3 && !(k == 0 && g.len() < 3)) {
            return None;
        }
        out.push_str(g);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(Some(f).filter(|f| digits(f))?);
    }
    Some(out)
}

/// The ASCII decimal spelling of a number, so that floats come from `str::parse` only.
fn number_ascii(s: &str) -> Option<String> {
    let folded = fold_width(s);
    let s = folded.trim();
    if s.is_empty() {
        return None;
    }
    if s.is_ascii() {
        return ascii_decimal(s);
    }
    let Some((int, frac)) = s.split_once('点') else {
        return parse_cn_integer(s).map(|n| n.to_string());
    };
    let mut out = parse_cn_integer(int)?.to_string();
    out.push('.');
    for c in Some(frac).filter(|f| !f.is_empty())?.chars() {
        let d = any_digit(c).filter(|_| c != '两')?;
        out.push(char::from_digit(d as u32, 10)?);
    }
    Some(out)
}

/// A plain number: "46.4", "４６．４", "1,234.5", "39.51", "四十六点四" (=46.4), "五十三点七八" (=53.78), "12", "十二". Leading/trailing whitespace ignored. None otherwise.
pub fn parse_number(s: &str) -> Option<f64> {
    let v: f64 = number_ascii(s)?.parse().ok()?;
    v.is_finite().then_some(v)
}

// ---------------------------------------------------------------- English words

const SMALL_WORDS: &str = "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
const TENS_WORDS: &str = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
const ORDINAL_WORDS: &str = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth";
const ORDINAL_TENS: &str = "twentieth|thirtieth|fortieth|fiftieth|sixtieth|seventieth|eightieth|ninetieth";

fn small_word(w: &str) -> Option<u64> {
    word_index(SMALL_WORDS, w).map(|i| i as u64)
}

fn tens_word(w: &str) -> Option<u64> {
    word_index(TENS_WORDS, w).map(|i| (i as u64 + 2) * 10)
}

fn ordinal_word(w: &str) -> Option<u32> {
    let unit = word_index(ORDINAL_WORDS, w).map(|i| i as u32 + 1);
    unit.or_else(|| word_index(ORDINAL_TENS, w).map(|i| (i as u32 + 2) * 10))
}

/// "1st", "22nd", "113th": the suffix must agree with the number, so "2th" is rejected.
fn suffixed_ordinal(w: &str) -> Option<u32> {
    let split = w.len().checked_sub(2)?;
    let (digits, suffix) = (w.get(..split)?, w.get(split..)?);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n: u32 = digits.parse().ok().filter(|&n| n > 0)?;
    let want = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    (suffix == want).then_some(n)
}

/// An ordinal at the front of `toks`, with how many tokens it used.
fn ordinal_tokens(toks: &[&str]) -> Option<(u32, usize)> {
    let first = *toks.first()?;
    if let Some(v) = suffixed_ordinal(first) {
        return Some((v, 1));
    }
    let unit = toks.get(1).and_then(|w| ordinal_word(w)).filter(|u| *u < 10);
    if let (Some(t), Some(u)) = (tens_word(first), unit) {
        return Some((t as u32 + u, 2));
    }
    ordinal_word(first).map(|v| (v, 1))
}

fn en_integer_tokens(toks: &[&str]) -> Option<u64> {
    match toks {
        ["hundred"] | ["a" | "one", "hundred"] => Some(100),
        [w] => small_word(w).or_else(|| tens_word(w)),
        [t, u] => Some(tens_word(t)? + small_word(u).filter(|n| (1..=9).contains(n))?),
        _ => None,
    }
}

/// English number words to integers: "one".."twenty", "thirty".."ninety", "hundred", hyphenated "twenty-one"; also digits. Case-insensitive.
pub fn parse_en_integer(s: &str) -> Option<u64> {
    let n = normalise(s);
    if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
        return n.parse().ok();
    }
    en_integer_tokens(&tokens(&n))
}

/// English ordinal words and suffixed numerals: "first"=1 .. "twentieth"=20, "twenty-first"..(up to 99), "1st","2nd","3rd","11th","22nd"; case-insensitive. None otherwise.
pub fn parse_en_ordinal(s: &str) -> Option<u32> {
    let n = normalise(s);
    let toks = tokens(&n);
    match ordinal_tokens(&toks) {
        Some((v, used)) if used == toks.len() => Some(v),
        _ => None,
    }
}

// ---------------------------------------------------------------- shares

const PREFIX_HEDGES: &str = "a little over|a little under|slightly more than|slightly less than|slightly over|slightly under|just over|just under|well over|well above|more than|less than|fewer than|close to|up to|at least|as much as|as many as|upwards of|in excess of|an estimated|estimated|approximately|approx.|approx|roughly|around|about|nearly|almost|over|under|above|below|some|only|just|fully|exactly|circa|~|\
    大约|大概|约为|约占|约|将近|接近|近乎|近|超过|超出|超|逾|达到|高达|多达|已达|达|不到|不足|仅有|仅|只有|几乎|差不多|至少|占比|占|过|已经|已";
const SUFFIX_HEDGES: &str =
    "+| plus|-plus| or so| or more| or less| and above|以上|以下|左右|上下|有余|之多|出头|还多|多|强|弱|的";

/// The remainder after the longest listed prefix. A word hedge must end at a word boundary,
/// so "over" does not eat the front of "overall".
fn strip_longest_prefix<'a>(s: &'a str, table: &str) -> Option<&'a str> {
    // One walk over the table's bytes: this runs for every rank and share candidate, and
    // splitting the table into words each time cost more than the rest of the parse.
    let (sb, tb) = (s.as_bytes(), table.as_bytes());
    let mut best: Option<usize> = None;
    let mut i = 0;
    while i <= tb.len() {
        let mut k = 0;
        while i + k < tb.len() && tb[i + k] != b'|' && k < sb.len() && tb[i + k] == sb[k] {
            k += 1;
        }
        let whole = i + k == tb.len() || tb[i + k] == b'|';
        if whole {
            let wordy = k > 0 && tb[i + k - 1].is_ascii_alphabetic();
            let glued = sb.get(k).is_some_and(u8::is_ascii_alphabetic);
            if !(wordy && glued) && best.is_none_or(|b| k > b) {
                best = Some(k);
            }
        }
        while i + k < tb.len() && tb[i + k] != b'|' {
            k += 1;
        }
        i += k + 1;
    }
    // The word matched whole, so `k` ends on a character boundary.
    best.map(|k| &s[k..])
}

fn strip_hedges(mut s: &str) -> &str {
    loop {
        let before = s.len();
        s = s.trim();
        if let Some(rest) = strip_longest_prefix(s, PREFIX_HEDGES) {
            s = rest.trim_start();
        }
        let suffix = SUFFIX_HEDGES.split('|').filter(|w| s.ends_with(w));
        if let Some(w) = suffix.max_by_key(|w| w.len()) {
            s = s.strip_suffix(w).unwrap_or(s).trim_end();
        }
        if s.len() == before {
            return s;
        }
    }
}

const PERCENT_WORDS: [&str; 4] = ["per cent", "per-cent", "percent", "pct"];

/// n/d as a percent rounded half-up to one decimal; integer maths so 1/3 gives exactly the
/// double nearest 33.3.
fn round1(n: u64, d: u64) -> Option<f64> {
    if d == 0 || n > d {
        return None;
    }
    let tenths = (u128::from(n) * 1000 + u128::from(d) / 2) / u128::from(d);
    Some(tenths as f64 / 10.0)
}

/// The number in front of a percent sign or word, if `t` ends in one.
fn percent_head(t: &str) -> Option<&str> {
    let mut suffixes = ["%", "﹪"].into_iter().chain(PERCENT_WORDS);
    let head = suffixes.find_map(|suf| t.strip_suffix(suf))?.trim_end();
    Some(head.strip_suffix('-').unwrap_or(head).trim_end())
}

/// X成 / X成Y: tenths, with Y a further single percent digit (三成五 = 35).
fn cheng_share(x: &str, y: &str) -> Option<f64> {
    let tenths = parse_cn_integer(x).filter(|&x| x <= 10)?;
    let extra = if y.is_empty() { 0 } else { single_digit(y).filter(|_| tenths < 10)? };
    Some((tenths * 10 + extra) as f64)
}

fn denominator(w: &str) -> Option<u64> {
    match w {
        "half" | "halves" => Some(2),
        "quarter" | "quarters" => Some(4),
        _ => ordinal_word(w.strip_suffix('s').unwrap_or(w)).filter(|&n| n >= 3).map(u64::from),
    }
}

fn english_share(t: &str) -> Option<f64> {
    for sep in [" out of ", " in ", " of "] {
        if let Some((x, y)) = t.split_once(sep) {
            let y = strip_first(y, &["every ", "each ", "the "]).unwrap_or(y);
            return round1(parse_en_integer(x)?, parse_en_integer(y)?);
        }
    }
    match tokens(t).as_slice() {
        ["half"] => Some(50.0),
        [num, den] => {
            let n = parse_en_integer(num).or(matches!(*num, "a" | "an").then_some(1))?;
            round1(n, denominator(den)?)
        }
        _ => None,
    }
}

fn share_core(t: &str) -> Option<f64> {
    if t.is_empty() {
        return None;
    }
    if let Some(head) = percent_head(t) {
        return parse_number(head).or_else(|| parse_en_integer(head).map(|n| n as f64));
    }
    if let Some(rest) = t.strip_prefix("百分之") {
        return parse_number(rest);
    }
    if let Some((den, num)) = t.split_once("分之") {
        return round1(parse_cn_integer(num)?, parse_cn_integer(den)?);
    }
    if let Some((x, y)) = t.split_once('成') {
        return cheng_share(x, y);
    }
    if matches!(t, "半" | "一半" | "半数" | "过半") {
        return Some(50.0);
    }
    english_share(t)
}

/// A share as a percent (0..=100), from the captured text. Hedges ("about", "nearly", "约",
/// "超过", "以上", "左右", ...) are skipped. Accepts digit percents ("46.4%", "46.4 per cent",
/// "４６．４％"), 百分之 forms, X成/X成Y, Chinese fractions (三分之一), English fractions
/// ("two-thirds", "a quarter", "half") and ratios ("one in four", "nine out of ten",
/// "nine of the ten"). Fractions round to one decimal. Values above 100 → None.
pub fn parse_share(s: &str) -> Option<f64> {
    // Most shares are written "46.4%": read those without the general machinery.
    let t = s.trim();
    if let Some(num) = t.strip_suffix('%').map(str::trim_end) {
        let plain = !num.is_empty()
            && num.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && num.bytes().filter(|&b| b == b'.').count() <= 1
            && !num.starts_with('.')
            && !num.ends_with('.');
        if plain {
            return num.parse::<f64>().ok().filter(|v| (0.0..=100.0).contains(v));
        }
    }
    let n = normalise(s);
    share_core(strip_hedges(&n)).filter(|v| (0.0..=100.0).contains(v))
}

// ---------------------------------------------------------------- ranks and top-N

/// Words that may follow an ordinal in a rank ("second-largest", "third place").
const RANK_WORDS: &str = "largest|biggest|highest|greatest|best|most|strongest|fastest|smallest|lowest|ranked|ranking|place|placed|position|spot|rank|slot";
/// Words that may follow "top" or "No. 1" without changing the rank.
const RANK_NOUNS: &str = "spot|position|place|rank|ranked|ranking|slot|seat";
const CN_RANK_VERBS: &str =
    "位居|位列|名列|排名|排行|排在|稳居|高居|跃居|跃升至|升至|升居|退居|降至|仍居|重回|蝉联|居于|居|列|排";

fn split_numeral(s: &str) -> (&str, &str) {
    s.split_at(s.find(|c: char| !is_numeral_char(c)).unwrap_or(s.len()))
}

/// Ranks and counts start at one and must fit the public `u32`.
fn positive(n: u64) -> Option<u32> {
    u32::try_from(n).ok().filter(|&v| v > 0)
}

fn cn_rank_word(t: &str) -> Option<u32> {
    match t {
        "榜首" | "居首" | "首位" | "冠军" => Some(1),
        "头名" | "头号" | "魁首" | "头把交椅" => Some(1),
        "亚军" | "居次" | "次之" | "次席" => Some(2),
        "季军" => Some(3),
        _ => None,
    }
}

fn cn_rank(t: &str) -> Option<u32> {
    if let Some(v) = cn_rank_word(t) {
        return Some(v);
    }
    let t = strip_longest_prefix(t, CN_RANK_VERBS).unwrap_or(t).trim_start();
    if let Some(v) = cn_rank_word(t) {
        return Some(v);
    }
    let (num, suffix) = split_numeral(t.strip_prefix('第')?.trim_start());
    if !["", "大", "位", "名", "高", "多", "家", "把交椅"].contains(&suffix.trim()) {
        return None;
    }
    positive(parse_cn_integer(num)?)
}

/// Drops a trailing rank noun: "1 spot" → "1".
fn strip_rank_noun(s: &str) -> &str {
    match s.rsplit_once([' ', '-']) {
        Some((head, tail)) if word_index(RANK_NOUNS, tail).is_some() => head.trim_end(),
        _ => s,
    }
}

fn en_rank(t: &str) -> Option<u32> {
    if matches!(t, "runner-up" | "runner up" | "runners-up" | "runners up") {
        return Some(2);
    }
    if let Some(rest) = t.strip_prefix("top") {
        let rest = rest.trim_start_matches([' ', '-']);
        let one = rest.is_empty() || word_index(RANK_NOUNS, rest).is_some() || parse_top(t) == Some(1);
        return one.then_some(1);
    }
    // "no" last, so "no." and "nº" win; digits only, so "no one" is not a rank.
    let sign = strip_first(t, &["no.", "nº", "n°", "n.º", "n.°", "№", "#", "nr.", "no"]);
    if let Some(rest) = sign {
        let rest = strip_rank_noun(rest.trim());
        let digits = !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit());
        return positive(rest.parse().ok().filter(|_| digits)?);
    }
    if let Some(rest) = t.strip_prefix("number")
        && (rest.starts_with([' ', '-']) || rest.starts_with(|c: char| c.is_ascii_digit()))
    {
        let rest = strip_rank_noun(rest.trim_start_matches([' ', '-']));
        return positive(parse_en_integer(rest)?);
    }
    let toks = tokens(t);
    let (v, used) = ordinal_tokens(&toks)?;
    let ok = match toks.get(used..)? {
        [] => true,
        [w] => word_index(RANK_WORDS, w).is_some(),
        // "second most popular", "third largest vendor": one word may follow a superlative.
        [w, x] => {
            (*w == "most" || (w.ends_with("est") && word_index(RANK_WORDS, w).is_some()))
                && x.bytes().all(|b| b.is_ascii_alphabetic())
        }
        _ => false,
    };
    ok.then_some(v)
}

/// A rank position from the captured text, case-insensitive, whitespace-tolerant: "No. 1",
/// "Nº1", "#1", "number one", "first".."twentieth", "twenty-first", "1st", "second-largest",
/// "runner-up", "top spot", "第一", "第十二", "第二大", "第五位", "榜首", "亚军", "季军", ...
/// None for anything that is not a rank (e.g. "first half", "第一季度", "1,000", "").
pub fn parse_rank(s: &str) -> Option<u32> {
    let n = normalise(s);
    let t = n.strip_suffix('的').unwrap_or(&n).trim_end();
    let t = strip_first(t, &["the ", "ranked ", "ranks ", "ranking ", "placed "]).unwrap_or(t);
    cn_rank(t).or_else(|| en_rank(t))
}

/// A top-N count: "top three" = 3, "top 3" = 3, "top-three" = 3, "TOP5" = 5, "Top 10" = 10, "top ten" = 10, "top-10" = 10, "ＴＯＰ３" = 3,
///  "前三" = 3, "前3" = 3, "前三名" = 3, "前十名" = 10, "前两家" = 2, "前二" = 2, "五强" = 5, "十强" = 10, "20强" = 20, "前5强" = 5.
/// None otherwise.
pub fn parse_top(s: &str) -> Option<u32> {
    let n = normalise(s);
    let t = n.strip_prefix("the ").unwrap_or(&n);
    let v = if let Some(rest) = t.strip_prefix("top") {
        let rest = rest.trim_start_matches([' ', '-']);
        parse_en_integer(rest).or_else(|| parse_cn_integer(rest))?
    } else if let Some(rest) = t.strip_prefix('前') {
        let (num, suffix) = split_numeral(rest.trim_start());
        if !["", "名", "位", "家", "强", "大", "甲", "个", "席"].contains(&suffix.trim()) {
            return None;
        }
        parse_cn_integer(num)?
    } else if let Some(num) = t.strip_suffix('强').or_else(|| t.strip_suffix('甲')) {
        parse_cn_integer(num)?
    } else {
        // "nine of the ten most used drones": the size of the list, said without "top".
        parse_en_integer(t)?
    };
    positive(v)
}

// ---------------------------------------------------------------- find_shares

/// True when the ASCII word `w` opens `s` (any case) and is not the front of a longer word.
fn word_at(s: &str, w: &str) -> bool {
    let glued = s.get(w.len()..).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_alphanumeric()));
    s.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)) && !glued
}

/// Skips up to three spacing characters (ASCII, no-break, thin, ideographic) from byte `k`.
fn skip_gaps(s: &str, k: usize) -> usize {
    let gap = |c: &char| matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}' | '\u{3000}');
    let chars = s.get(k..).into_iter().flat_map(str::chars).take(3);
    k + chars.take_while(gap).map(char::len_utf8).sum::<usize>()
}

/// "1,234": a comma is a thousands separator only before exactly three digits.
fn thousands_group(s: &str, k: usize) -> bool {
    let mut it = s.get(k..).into_iter().flat_map(str::chars).map(fold_char);
    it.by_ref().take(3).filter(char::is_ascii_digit).count() == 3 && !it.next().is_some_and(|c| c.is_ascii_digit())
}

fn digit_percent_at(s: &str, i: usize) -> Option<(usize, f64)> {
    // Start only at the front of a number: not inside "1,234", "12.5" or an unparsed "12,5".
    let mut back = s.get(..i)?.chars().rev();
    match (back.next(), back.next().map(fold_char)) {
        (Some(p), _) if fold_char(p).is_ascii_digit() => return None,
        (Some('.' | ',' | '．'), Some(q)) if q.is_ascii_digit() => return None,
        _ => {}
    }
    let mut num = String::new();
    let mut j = i;
    while let Some(ch) = char_at(s, j) {
        let next_is_digit = || char_at(s, j + ch.len_utf8()).is_some_and(|d| fold_char(d).is_ascii_digit());
        match fold_char(ch) {
            _ if num.len() > 32 => return None, // no share needs more; bounds hostile input
            d if d.is_ascii_digit() => num.push(d),
            ',' if ch == ',' && !num.contains('.') && thousands_group(s, j + 1) => {}
            '.' if !num.contains('.') && next_is_digit() => num.push('.'),
            _ => break,
        }
        j += ch.len_utf8();
    }
    let gap_end = skip_gaps(s, j);
    let tail = s.get(gap_end..)?;
    let end = match tail.chars().next() {
        Some(p @ ('%' | '％' | '﹪')) => gap_end + p.len_utf8(),
        _ => {
            // "50-percent stake": a hyphen may join the number to a percent word.
            let (k, tail) = match tail.strip_prefix('-') {
                Some(t) if gap_end == j => (gap_end + 1, t),
                _ => (gap_end, tail),
            };
            // `word_at` rejects "percentage", which introduces points, not shares.
            let w = PERCENT_WORDS.into_iter().find(|w| word_at(tail, w))?;
            k + w.len()
        }
    };
    let after = s.get(skip_gaps(s, end)..)?;
    if ["points", "point", "pts", "pp"].iter().any(|w| word_at(after, w)) {
        return None;
    }
    let v: f64 = num.parse().ok()?;
    (0.0..=100.0).contains(&v).then_some((end, v))
}

fn baifenzhi_at(s: &str, i: usize) -> Option<(usize, f64)> {
    const HEAD: &str = "百分之";
    let start = i + HEAD.len();
    if !s.get(i..)?.starts_with(HEAD) {
        return None;
    }
    // Numerals are short; the cap keeps the back-off below cheap on hostile input.
    let mut end = start;
    for c in s.get(start..)?.chars().take(24) {
        let f = fold_char(c);
        if !(is_numeral_char(f) || c == '点' || f == '.') {
            break;
        }
        end += c.len_utf8();
    }
    // Back off over trailing characters that do not parse ("百分之三十点" then prose).
    while end > start {
        let cand = s.get(start..end)?;
        if let Some(v) = parse_number(cand) {
            return (v <= 100.0).then_some((end, v));
        }
        end -= cand.chars().next_back()?.len_utf8();
    }
    None
}

/// X成 in running text. 成 is also a common word-forming character (成为, 成本, 一成不变,
/// 统一成), so the neighbours are checked before a digit + 成 is taken as tenths.
fn cheng_at(s: &str, i: usize, c: char, prev: Option<char>) -> Option<(usize, f64)> {
    let glued = |p: char| is_numeral_char(p) || ".点第".contains(p);
    let word_before = c == '一' && prev.is_some_and(|p| "统合唯单同万之逐划专归均整如始".contains(p));
    if prev.map(fold_char).is_some_and(glued) || word_before {
        return None;
    }
    // X is one or two digits or a single Chinese numeral, and 成 must follow it directly.
    let rest = s.get(i..)?;
    let mut x_end = rest.char_indices().take(3);
    let x_len = x_end.find(|&(_, ch)| !fold_char(ch).is_ascii_digit())?.0.max(c.len_utf8());
    let (x, tail) = rest.split_at_checked(x_len)?;
    let x = parse_cn_integer(x).filter(|x| (1..=10).contains(x))?;
    let tail = tail.strip_prefix('成')?;
    let end = s.len() - tail.len();
    let mut after = tail.chars();
    let (y, beyond) = (after.next(), after.next().map(fold_char));
    // 三成五 = 35, unless the digit opens a longer number (三成五十万…).
    let y_digit = y.filter(|&y| x < 10 && y != '两').and_then(any_digit);
    if let (Some(d @ 1..), Some(y)) = (y_digit, y)
        && !beyond.is_some_and(|n| is_numeral_char(n) || "成.点%".contains(n))
    {
        return Some((end + y.len_utf8(), (x * 10 + d) as f64));
    }
    if y.is_some_and(|n| "为员本功立长熟交果就绩型分了效败品年全形".contains(n)) || tail.starts_with("不变")
    {
        return None;
    }
    Some((end, (x * 10) as f64))
}

/// Every share-valued token in a text, left to right, each as (byte range within `s`, percent
/// value): digit percents ("27%", "17 %", "４６．４％", "12.5 per cent"), 百分之 forms and X成
/// forms. Changes ("5个百分点", "5 percentage points", "8.5 points") and values above 100 are
/// skipped. Ranges are non-empty, on char boundaries, increasing and non-overlapping.
pub fn find_shares(s: &str) -> Vec<(Range<usize>, f64)> {
    let mut out = Vec::new();
    let mut prev = None;
    let mut i = 0;
    while let Some(c) = char_at(s, i) {
        // Dispatch on the first character so most of a sentence costs one comparison per char.
        let hit = match c {
            '百' => baifenzhi_at(s, i),
            c if fold_char(c).is_ascii_digit() => digit_percent_at(s, i).or_else(|| cheng_at(s, i, c, prev)),
            c if cn_digit(c).is_some() || c == '十' => cheng_at(s, i, c, prev),
            _ => None,
        };
        match hit {
            Some((end, v)) if end > i => {
                out.push((i..end, v));
                prev = s.get(..end).and_then(|r| r.chars().next_back());
                i = end;
            }
            _ => {
                prev = Some(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_and_big_units() {
        let big = |s| parse_big(s, '亿', true, false);
        assert_eq!(parse_section("三千零五", true, false), Some(3005));
        assert_eq!(parse_section("零五百", false, true), Some(500));
        assert_eq!(parse_section("零五百", false, false), None);
        assert_eq!(parse_section("百", false, false), None);
        assert_eq!(parse_section("12十", true, false), None);
        assert_eq!(big("一亿零五百万"), Some(105_000_000));
        assert_eq!(big("三亿五"), Some(350_000_000));
    }

    #[test]
    fn helpers() {
        assert_eq!(round1(1, 3), Some(33.3));
        assert_eq!(round1(u64::MAX, u64::MAX), Some(100.0));
        assert_eq!(round1(1, 0), None);
        assert_eq!(strip_hedges("just over 40%"), "40%");
        assert_eq!(strip_hedges("约近40%以上"), "40%");
        assert_eq!(normalise(" Two\u{2013}Thirds \u{3000}ＯＦ "), "two-thirds of");
        assert_eq!(suffixed_ordinal("111th"), Some(111));
        assert_eq!(suffixed_ordinal("111st"), None);
        assert!(thousands_group("234%", 0) && !thousands_group("2345", 0));
    }

    #[test]
    fn cheng_context() {
        assert_eq!(cheng_at("近三成五。", 3, '三', Some('近')), Some((12, 35.0)));
        assert_eq!(cheng_at("三成为", 0, '三', None), None);
        assert_eq!(cheng_at("５成", 0, '５', None), Some((6, 50.0)));
        assert_eq!(cheng_at("11成", 0, '1', None), None);
    }
}
