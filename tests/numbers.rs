//! Integration tests for `claimscope::numbers`: every documented form, near-misses that must
//! not parse, property loops over 0..=100, and a no-panic sweep over pseudo-random input.

use claimscope::numbers::*;
use std::borrow::Cow;

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| a == b)
}

#[track_caller]
fn share(s: &str, want: f64) {
    let got = parse_share(s);
    assert!(close(got, want), "parse_share({s:?}) = {got:?}, want {want}");
}

#[track_caller]
fn no_share(s: &str) {
    assert_eq!(parse_share(s), None, "parse_share({s:?})");
}

#[track_caller]
fn rank(s: &str, want: u32) {
    assert_eq!(parse_rank(s), Some(want), "parse_rank({s:?})");
}

#[track_caller]
fn top(s: &str, want: u32) {
    assert_eq!(parse_top(s), Some(want), "parse_top({s:?})");
}

fn values(s: &str) -> Vec<f64> {
    find_shares(s).into_iter().map(|(_, v)| v).collect()
}

fn texts(s: &str) -> Vec<&str> {
    find_shares(s).into_iter().map(|(r, _)| &s[r]).collect()
}

/// Renders 0..=100 the way a press release would write it in Chinese.
fn cn(n: u32) -> String {
    const D: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => D[n as usize].to_string(),
        10 => "十".to_string(),
        11..=19 => format!("十{}", D[(n - 10) as usize]),
        20..=99 if n.is_multiple_of(10) => format!("{}十", D[(n / 10) as usize]),
        20..=99 => format!("{}十{}", D[(n / 10) as usize], D[(n % 10) as usize]),
        _ => "一百".to_string(),
    }
}

const EN_ORDINALS: [&str; 20] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
];

#[test]
fn fold_width_forms() {
    assert_eq!(fold_width("４６．４％"), "46.4%");
    assert_eq!(fold_width("ＮＯ．１"), "NO.1");
    assert_eq!(fold_width("ＴＯＰ５"), "TOP5");
    assert_eq!(fold_width("前\u{3000}三"), "前 三");
    assert!(matches!(fold_width("46.4% 百分之"), Cow::Borrowed(_)));
    assert!(matches!(fold_width(""), Cow::Borrowed(_)));
    assert!(matches!(fold_width("ＡＢ"), Cow::Owned(_)));
}

#[test]
fn cn_integers() {
    for (s, n) in [
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("两千", 2000),
        ("三万五千", 35000),
        ("三万五", 35000),
        ("三万零五", 30005),
        ("十", 10),
        ("〇", 0),
        ("零", 0),
        ("一千零五十", 1050),
        ("一百五", 150),
        ("十万", 100_000),
        ("一亿三千万", 130_000_000),
        ("一万亿", 1_000_000_000_000),
        ("12万", 120_000),
        ("１２万", 120_000),
        ("2024", 2024),
        ("百", 100),
        ("一十一", 11),
    ] {
        assert_eq!(parse_cn_integer(s), Some(n), "{s}");
    }
    for s in ["", "万", "亿", "一二", "十十", "百十百", "一百零", "零零", "三成", "点", "abc", "一〇", "二十成"]
    {
        assert_eq!(parse_cn_integer(s), None, "{s}");
    }
}

#[test]
fn plain_numbers() {
    for (s, n) in [
        ("46.4", 46.4),
        ("４６．４", 46.4),
        ("1,234.5", 1234.5),
        ("39.51", 39.51),
        ("四十六点四", 46.4),
        ("五十三点七八", 53.78),
        ("零点五", 0.5),
        ("12", 12.0),
        ("十二", 12.0),
        ("  7 ", 7.0),
    ] {
        assert_eq!(parse_number(s), Some(n), "{s}");
    }
    for s in ["", ".", "46.", ".5", "1,23", "12,3456", "4-6", "四十点", "点五", "46.4%", "1.2.3", "-5"] {
        assert_eq!(parse_number(s), None, "{s}");
    }
}

#[test]
fn en_integers_and_ordinals() {
    for (s, n) in [
        ("one", 1),
        ("Twenty", 20),
        ("twenty-one", 21),
        ("ninety nine", 99),
        ("hundred", 100),
        ("a hundred", 100),
        ("one hundred", 100),
        ("12", 12),
    ] {
        assert_eq!(parse_en_integer(s), Some(n), "{s}");
    }
    for s in ["", "a", "twenty-twenty", "one two", "hundred zero", "first"] {
        assert_eq!(parse_en_integer(s), None, "{s}");
    }
    for (s, n) in [
        ("first", 1),
        ("Twentieth", 20),
        ("twenty-first", 21),
        ("ninety-ninth", 99),
        ("1st", 1),
        ("2nd", 2),
        ("3RD", 3),
        ("11th", 11),
        ("12th", 12),
        ("13th", 13),
        ("22nd", 22),
        ("101st", 101),
    ] {
        assert_eq!(parse_en_ordinal(s), Some(n), "{s}");
    }
    for s in ["", "one", "2th", "11st", "0th", "th", "first half", "twenty", "twenty-tenth"] {
        assert_eq!(parse_en_ordinal(s), None, "{s}");
    }
}

#[test]
fn digit_percent_shares() {
    for s in [
        "46.4%",
        "46.4 %",
        "46.4 percent",
        "46.4 per cent",
        "46.4 pct",
        "46.4 PER CENT",
        "４６．４％",
        "46.4％",
        " 46.4% ",
    ] {
        share(s, 46.4);
    }
    share("50-percent", 50.0);
    share("fifty percent", 50.0);
    share("100%", 100.0);
    share("0%", 0.0);
    for s in
        ["%", "", "46.4", "46.4pc", "101%", "150 percent", "15 percentage points", "5个百分点", "2/3", "1/3", "-5%"]
    {
        no_share(s);
    }
}

#[test]
fn hedged_shares() {
    for s in [
        "about 46.4%",
        "around 46.4%",
        "roughly 46.4 per cent",
        "nearly 46.4%",
        "almost 46.4%",
        "over 46.4%",
        "more than 46.4%",
        "less than 46.4%",
        "under 46.4%",
        "just over 46.4%",
        "some 46.4%",
        "approximately 46.4%",
        "About 46.4%",
        "约46.4%",
        "近46.4%",
        "超46.4%",
        "超过46.4%",
        "逾46.4%",
        "达46.4%",
        "将近46.4%",
        "接近46.4%",
        "不到46.4%",
        "46.4%以上",
        "46.4%左右",
        "约46.4%左右",
        "46.4%+",
    ] {
        share(s, 46.4);
    }
    share("百分之三十多", 30.0);
    share("三成多", 30.0);
    no_share("overall 40%");
    no_share("about");
}

#[test]
fn chinese_shares() {
    share("百分之四十六点四", 46.4);
    share("百分之五十三点七八", 53.78);
    share("百分之74", 74.0);
    share("百分之百", 100.0);
    share("百分之一百", 100.0);
    share("百分之零点五", 0.5);
    share("三成", 30.0);
    share("七成", 70.0);
    share("三成五", 35.0);
    share("九成", 90.0);
    share("5成", 50.0);
    share("两成", 20.0);
    share("十成", 100.0);
    no_share("3.5成"); // decimal tenths are not supported
    share("三分之一", 33.3);
    share("三分之二", 66.7);
    share("四分之一", 25.0);
    share("五分之一", 20.0);
    share("六分之一", 16.7);
    share("七分之一", 14.3);
    share("一半", 50.0);
    share("过半", 50.0);
    for s in [
        "百分之",
        "成",
        "十一成",
        "十成五",
        "百分之一百零一",
        "三分之四",
        "零分之一",
        "分之",
        "三成五五",
        "百分之四十六点",
    ] {
        no_share(s);
    }
}

#[test]
fn english_fraction_shares() {
    for s in ["one third", "a third", "one-third", "One Third"] {
        share(s, 33.3);
    }
    for s in ["two thirds", "two-thirds"] {
        share(s, 66.7);
    }
    for s in ["a quarter", "one quarter", "one fourth"] {
        share(s, 25.0);
    }
    for s in ["three quarters", "three-quarters"] {
        share(s, 75.0);
    }
    for s in ["one fifth", "a fifth"] {
        share(s, 20.0);
    }
    for s in ["half", "a half", "one half", "one-half", "nearly half", "over half"] {
        share(s, 50.0);
    }
    for s in ["one in four", "one out of four", "1 in 4", "one in every four", "one out of every four"] {
        share(s, 25.0);
    }
    share("two in five", 40.0);
    share("more than a third", 33.3);
    share("nearly two-thirds", 66.7);
    share("nine of the ten", 90.0);
    share("nine out of ten", 90.0);
    share("nine of every ten", 90.0);
    share("one in a hundred", 1.0);
    share("a third", 33.3);
    share("one sixth", 16.7);
    share("one seventh", 14.3);
    for s in ["five in four", "one in zero", "third", "quarter", "one second", "a first", "four thirds", "x in y"] {
        no_share(s);
    }
}

#[test]
fn ranks_english() {
    for s in
        ["No. 1", "No.1", "no 1", "No.１", "NO.1", "Nº1", "N°1", "N° 1", "#1", "# 1", "ＮＯ．１", "No1", "No. 1 spot"]
    {
        rank(s, 1);
    }
    for s in ["number one", "number-one", "number 1", "Number One", "the number one"] {
        rank(s, 1);
    }
    rank("Number Two", 2);
    for (i, w) in EN_ORDINALS.iter().enumerate() {
        rank(w, i as u32 + 1);
    }
    rank("twenty-first", 21);
    rank("ninety ninth", 99);
    for (s, n) in [("1st", 1), ("2nd", 2), ("3rd", 3), ("4th", 4), ("21st", 21), ("10th", 10)] {
        rank(s, n);
    }
    for (s, n) in [
        ("second-largest", 2),
        ("third-biggest", 3),
        ("fourth largest", 4),
        ("second-ranked", 2),
        ("second place", 2),
        ("the second-largest", 2),
        ("2nd-largest", 2),
        ("second most popular", 2),
        ("third largest vendor", 3),
        ("runner-up", 2),
        ("runner up", 2),
        ("top spot", 1),
        ("top position", 1),
        ("top place", 1),
        ("top", 1),
        ("top-ranked", 1),
        ("TOP1", 1),
    ] {
        rank(s, n);
    }
    for s in [
        "first half",
        "first quarter",
        "first-tier",
        "1,000",
        "",
        "1",
        "no one",
        "No.",
        "#",
        "No. 0",
        "top three",
        "top 5",
        "topic",
        "number",
        "twentieth century",
        "second largest smartphone vendor",
    ] {
        assert_eq!(parse_rank(s), None, "{s}");
    }
}

#[test]
fn ranks_chinese() {
    for (s, n) in [
        ("第一", 1),
        ("第1", 1),
        ("第１", 1),
        ("第十二", 12),
        ("第二十", 20),
        ("第二大", 2),
        ("第五位", 5),
        ("第六名", 6),
        ("第一名", 1),
        ("第二大的", 2),
        ("榜首", 1),
        ("居首", 1),
        ("首位", 1),
        ("冠军", 1),
        ("头名", 1),
        ("亚军", 2),
        ("居次", 2),
        ("次之", 2),
        ("季军", 3),
        ("位居第一", 1),
        ("排名第三", 3),
        ("位居榜首", 1),
        ("居首位", 1),
    ] {
        rank(s, n);
    }
    for s in ["第一季度", "第三方", "第", "第零", "首", "第一梯队", "前三", "一"] {
        assert_eq!(parse_rank(s), None, "{s}");
    }
}

#[test]
fn top_counts() {
    for (s, n) in [
        ("top three", 3),
        ("top 3", 3),
        ("top-three", 3),
        ("TOP5", 5),
        ("Top 10", 10),
        ("top ten", 10),
        ("top-10", 10),
        ("ＴＯＰ３", 3),
        ("the top five", 5),
        ("前三", 3),
        ("前3", 3),
        ("前三名", 3),
        ("前十名", 10),
        ("前两家", 2),
        ("前二", 2),
        ("前十大", 10),
        ("五强", 5),
        ("十强", 10),
        ("20强", 20),
        ("前5强", 5),
        ("百强", 100),
        ("500强", 500),
        ("三甲", 3),
        ("前三甲", 3),
        // The size of a list said without "top": "nine of the ten most used drones".
        ("ten", 10),
        ("the five", 5),
        ("10", 10),
    ] {
        top(s, n);
    }
    for s in [
        "top",
        "top spot",
        "前",
        "前年",
        "前三季度",
        "强",
        "top 0",
        "第三",
        "topic",
        "",
        "zero",
        "tenth",
        "ten percent",
    ] {
        assert_eq!(parse_top(s), None, "{s}");
    }
}

#[test]
fn find_shares_lists() {
    let s = "分别占比27%、17%和12.5%";
    assert_eq!(values(s), [27.0, 17.0, 12.5]);
    assert_eq!(texts(s), ["27%", "17%", "12.5%"]);
    let s = "38%, 30% and 11% respectively";
    assert_eq!(values(s), [38.0, 30.0, 11.0]);
    let s = "with 17 % and 12.5 per cent and 3 percent";
    assert_eq!(texts(s), ["17 %", "12.5 per cent", "3 percent"]);
    assert_eq!(values(s), [17.0, 12.5, 3.0]);
    let s = "市场份额为４６．４％，较去年";
    assert_eq!(texts(s), ["４６．４％"]);
    assert_eq!(values(s), [46.4]);
    let s = "占百分之四十六点四，另有三成五的用户和两成企业";
    assert_eq!(texts(s), ["百分之四十六点四", "三成五", "两成"]);
    assert_eq!(values(s), [46.4, 35.0, 20.0]);
    assert_eq!(values("占比27%，17%"), [27.0, 17.0]);
    assert_eq!(values("38%,30%"), [38.0, 30.0]);
    assert_eq!(values("revenue of 1,234% and 45.5%"), [45.5]);
    assert_eq!(values("百分之三十点"), [30.0]);
    assert_eq!(values("近九成。"), [90.0]);
}

#[test]
fn find_shares_skips_changes_and_words() {
    for s in [
        "up 15 percentage points",
        "上升5个百分点",
        "gained 8.5 points",
        "rose 3% points",
        "half of the market",
        "a third of users",
        "三分之一",
        "一成不变",
        "他成为了第一",
        "统一成本",
        "十一成",
        "增长150%",
        "12,5%",
        "",
        "%",
        "百分之",
    ] {
        assert!(find_shares(s).is_empty(), "{s:?} -> {:?}", find_shares(s));
    }
}

#[test]
fn property_integers_0_to_100() {
    for n in 0..=100u32 {
        let f = f64::from(n);
        assert_eq!(parse_share(&format!("{n}%")), Some(f), "{n}%");
        assert_eq!(parse_share(&format!("{n} per cent")), Some(f), "{n} per cent");
        let zh = format!("百分之{}", cn(n));
        assert_eq!(parse_share(&zh), Some(f), "{zh}");
        assert_eq!(find_shares(&zh), vec![(0..zh.len(), f)], "{zh}");
        let pct = format!("占比{n}%。");
        assert_eq!(values(&pct), [f], "{pct}");
        assert_eq!(parse_cn_integer(&cn(n)), Some(u64::from(n)), "{}", cn(n));
        if (1..=10).contains(&n) {
            assert_eq!(parse_share(&format!("{}成", cn(n))), Some(f * 10.0));
        }
    }
    for n in 1..=99u32 {
        assert_eq!(parse_rank(&format!("第{}", cn(n))), Some(n), "第{}", cn(n));
        assert_eq!(parse_rank(&format!("第{n}名")), Some(n));
        assert_eq!(parse_top(&format!("前{}", cn(n))), Some(n));
        assert_eq!(parse_top(&format!("top {n}")), Some(n));
    }
    for (i, w) in EN_ORDINALS.iter().enumerate() {
        let n = i as u32 + 1;
        assert_eq!(parse_rank(w), Some(n), "{w}");
        assert_eq!(parse_rank(&w.to_uppercase()), Some(n), "{w}");
        assert_eq!(parse_en_ordinal(w), Some(n), "{w}");
        let suffix = match n {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        };
        assert_eq!(parse_rank(&format!("{n}{suffix}")), Some(n));
    }
}

/// Tiny LCG so the sweep is deterministic and needs no extra crates.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn no_panic_sweep() {
    const ALPHABET: &[&str] = &[
        "%",
        "％",
        "百分之",
        "百",
        "分",
        "之",
        "点",
        "成",
        "第",
        "前",
        "TOP",
        "top",
        "No.",
        "no",
        "#",
        "一",
        "二",
        "三",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "两",
        "〇",
        "零",
        "0",
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "7",
        "8",
        "9",
        ".",
        ",",
        "，",
        "、",
        " ",
        "\u{3000}",
        "４",
        "．",
        "per cent",
        "percent",
        "points",
        "个百分点",
        "强",
        "名",
        "first",
        "half",
        "third",
        "in",
        "of",
        "-",
        "é",
        "😀",
        "Nº",
        "°",
        "﹪",
        "不变",
        "为",
        "st",
        "nd",
        "th",
        "ｎｏ",
        "约",
        "以上",
    ];
    let mut rng = Lcg(0x5eed);
    for _ in 0..4000 {
        let len = rng.next() % 14;
        let s: String = (0..len).map(|_| ALPHABET[rng.next() % ALPHABET.len()]).collect();
        let _ = fold_width(&s);
        let _ = parse_cn_integer(&s);
        let _ = parse_number(&s);
        let _ = parse_en_integer(&s);
        let _ = parse_en_ordinal(&s);
        let _ = parse_rank(&s);
        let _ = parse_top(&s);
        if let Some(v) = parse_share(&s) {
            assert!((0.0..=100.0).contains(&v), "{s:?} -> {v}");
        }
        let mut last = 0;
        for (r, v) in find_shares(&s) {
            assert!(r.start < r.end && r.end <= s.len(), "{s:?} {r:?}");
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end), "{s:?} {r:?}");
            assert!(r.start >= last, "{s:?} {r:?} overlaps");
            assert!((0.0..=100.0).contains(&v), "{s:?} -> {v}");
            last = r.end;
        }
    }
    let huge = "9".repeat(5000);
    for s in [
        huge.clone(),
        format!("{huge}%"),
        format!("百分之{huge}"),
        format!("第{huge}"),
        format!("top {huge}"),
        "点".repeat(100),
    ] {
        assert_eq!(parse_share(&s), None);
        assert!(find_shares(&s).is_empty());
        let _ = (parse_number(&s), parse_rank(&s), parse_top(&s), parse_cn_integer(&s), parse_en_integer(&s));
    }
    // Long hostile runs must stay linear (find_shares sees whole sentences).
    let start = std::time::Instant::now();
    for unit in ["1,234,", "1.2.", "三成", "百分之三十点", "第一", "9"] {
        let long = unit.repeat(20_000);
        let _ = find_shares(&long);
        let _ = (parse_share(&long), parse_rank(&long), parse_top(&long), parse_number(&long));
    }
    assert!(start.elapsed().as_secs() < 5, "took {:?}", start.elapsed());
    // Garbage made of real tokens: "百分之百分之…" holds repeated "百分之百" (100%).
    let hits = find_shares(&"百分之".repeat(50));
    assert_eq!(hits.first(), Some(&(0..12, 100.0)));
    assert!(hits.iter().all(|(r, v)| r.len() == 12 && *v == 100.0));
}
