//! Every claim form the scanner promises to find, and every hard negative it promises to
//! leave alone, each in a sentence of its own.

mod common;

use claimscope::model::{Claim, Kind};
use common::claims::*;

fn value(text: &str, kind: Kind, needle: &str, want: Option<f64>) {
    let c = find(text, kind, needle);
    match (c.value, want) {
        (Some(v), Some(w)) => assert!((v - w).abs() < 0.051, "{text:?}: value {v}, want {w}"),
        (got, want) => assert_eq!(got, want, "{text:?}"),
    }
}

fn vague(text: &str, needle: &str) {
    let c = find(text, Kind::Share, needle);
    assert!(c.flags.iter().any(|f| f.code == "vague-quantity"), "{text:?}: {:?}", c.flags);
}

#[test]
fn shares_in_every_written_form() {
    let cases: &[(&str, &str, f64)] = &[
        ("Acme's market share was 46.4% in 2024.", "46.4%", 46.4),
        ("Acme held 46.4 percent of the market.", "46.4 percent", 46.4),
        ("Acme held 46.4 per cent of the market.", "46.4 per cent", 46.4),
        ("海川的市场份额为４６．４％。", "４６．４％", 46.4),
        ("海川的份额为百分之四十六点四。", "百分之四十六点四", 46.4),
        ("海川一家就拿下了三成的市场份额。", "三成", 30.0),
        ("海川约占国内市场的三分之一。", "三分之一", 33.3),
        ("Acme now holds one third of the market.", "one third", 33.3),
        ("Budget models made up half of all units sold.", "half", 50.0),
        ("Orbis took a 19% shipment share in the quarter.", "19% shipment share", 19.0),
        ("Cloud services, accounting for 36.7 percent of total spend, led the way.", "36.7 percent", 36.7),
        ("海川冰箱占比27%，位居第一。", "占比27%", 27.0),
        ("海川的市场份额达46.4%。", "市场份额达46.4%", 46.4),
        ("前五家企业合计占据71%。", "合计占据71%", 71.0),
    ];
    for (text, needle, want) in cases {
        value(text, Kind::Share, needle, Some(*want));
    }
}

#[test]
fn a_list_of_shares_is_one_claim_each() {
    let claims: Vec<Claim> =
        scan("海川和远川分别占比27%、17%。").into_iter().filter(|c| c.kind == Kind::Share).collect();
    let values: Vec<f64> = claims.iter().filter_map(|c| c.value).collect();
    assert_eq!(values, vec![27.0, 17.0]);
    assert_ne!(claims[0].span, claims[1].span);
}

/// "分列第二、第三" and "分列第一和第二" are two ranks, not an enumeration ("第一，…") or a
/// rank named for comparison ("与第三名的差距").
#[test]
fn regression_a_list_of_ranks_is_one_claim_each() {
    for (text, want) in [
        ("星澜与云岚分列第二、第三，份额分别为21.6%和18.2%。", vec![2.0, 3.0]),
        ("海川、远川分列第一和第二。", vec![1.0, 2.0]),
    ] {
        let ranks: Vec<f64> = scan(text).into_iter().filter(|c| c.kind == Kind::Rank).filter_map(|c| c.value).collect();
        assert_eq!(ranks, want, "{text}");
    }
    // "分别以…的份额排名第三至第五": the places go to the names in order, the range's end to
    // the last name.
    let text = "小米、荣耀和联想分别以12.5%、9.7%和6.2%的份额排名第三至第五。";
    let holders: Vec<(f64, String)> = scan(text)
        .into_iter()
        .filter(|c| c.kind == Kind::Rank)
        .map(|c| (c.value.unwrap_or(0.0), c.subject.map(|s| s.text).unwrap_or_default()))
        .collect();
    assert_eq!(holders, vec![(3.0, "小米".to_string()), (5.0, "联想".to_string())]);
    let ranks = scan("第一，扩大产能；第二，加大研发投入。该企业与第三名的差距缩小。");
    assert!(ranks.iter().all(|c| c.kind != Kind::Rank), "{ranks:?}");
}

#[test]
fn vague_shares_have_no_number_and_say_so() {
    for (text, needle) in [
        ("海川一家就拿下了近半的市场份额。", "近半"),
        ("国产芯片的出货量已经过半。", "过半"),
        ("海川占据了国内市场的半壁江山。", "半壁江山"),
        ("The incumbent still takes the lion's share of spending.", "lion's share"),
        ("Orbis holds a significant market share in Brazil.", "significant market share"),
        ("Local brands shipped the majority of units sold in the region.", "majority"),
    ] {
        vague(text, needle);
        let c = find(text, Kind::Share, needle);
        assert_eq!(c.value, None, "{text:?}");
    }
}

#[test]
fn ranks_in_every_written_form() {
    let cases: &[(&str, &str, Option<f64>, Option<u32>)] = &[
        ("Acme was No. 1 in tablets in 2024.", "No. 1", Some(1.0), None),
        ("THE NO.1 AIR FRYER BRAND IN EUROPE", "NO.1", Some(1.0), None),
        ("The #1 smartphone brand in Kenya is Orbis.", "#1", Some(1.0), None),
        ("Both insist they are number one in the e-bike market.", "number one", Some(1.0), None),
        ("Orbis finished first in tablet shipments last quarter.", "first", Some(1.0), None),
        ("Kestrel ranked fourth after growing 31%.", "ranked fourth", Some(4.0), None),
        ("Marlo became the second-largest grocer online.", "second-largest", Some(2.0), None),
        ("Kestrel was the runner-up in Chile.", "runner-up", Some(2.0), None),
        ("The handheld grabbed the top spot in March.", "top spot", Some(1.0), None),
        ("Orbis ranked among the top three vendors.", "top three", None, Some(3)),
        ("三家平台连续两年蝉联TOP5。", "TOP5", None, Some(5)),
        ("按销量计，海川位居国内第一。", "第一", Some(1.0), None),
        ("海川的空调销量位居行业第1。", "第1", Some(1.0), None),
        ("蓝鲸的出货量排名第三。", "排名第三", Some(3.0), None),
        ("远川的出货量位居第二。", "位居第二", Some(2.0), None),
        ("海川洗衣机连续十年蝉联全球榜首。", "榜首", Some(1.0), None),
        ("北岸支付以51.2%的交易份额居首。", "居首", Some(1.0), None),
        ("三个品类的份额均排名前三。", "前三", None, Some(3)),
        ("两家企业的出货量并列第一。", "并列第一", Some(1.0), None),
        ("海川连续五年蝉联全国冠军。", "蝉联", Some(1.0), None),
    ];
    for (text, needle, v, top) in cases {
        let c = find(text, Kind::Rank, needle);
        assert_eq!(c.top, *top, "{text:?}");
        if let Some(v) = v {
            assert_eq!(c.value, Some(*v), "{text:?}");
        }
    }
}

#[test]
fn superlatives() {
    for (text, needle) in [
        ("Quillo is still the market leader for audiobooks.", "market leader"),
        ("Acme is a leading provider of cloud services.", "leading provider"),
        ("The nation's largest broadband provider said it would comply.", "largest"),
        ("Voltra dominates the e-bike market in Berlin.", "dominates"),
        ("Kestrel remains in pole position in Europe.", "pole position"),
        ("海川在份额上仍保持领先。", "领先"),
        ("东岳电信在用户规模上持续领跑。", "领跑"),
        ("该品牌的续航遥遥领先。", "遥遥领先"),
        ("本公司是国内冷冻食品行业的龙头企业。", "龙头"),
        ("公司已稳居行业头部。", "头部"),
        ("公司稳居行业第一梯队。", "第一梯队"),
    ] {
        let c = find(text, Kind::Superlative, needle);
        assert_eq!(c.value, None);
    }
}

#[test]
fn hard_negatives_are_not_claims() {
    for text in [
        "Revenue grew 70% last year.",
        "海川营收同比增长55.3%。",
        "Its gross margin of 41% beat forecasts.",
        "Cloud made up 18% of group revenue.",
        "云业务占集团收入18.7%。",
        "62% of respondents said they would switch brands.",
        "Sales rose in the first half of the year.",
        "Shipments fell in Q1.",
        "上半年营收稳步增长。",
        "2025年第一季度出货量回升。",
        "It was the first time the firm missed a target.",
        "公司首次发布年度报告。",
        "首先，公司将扩大产能。",
        "一是扩大产能，二是降低成本。",
        "第一，扩大产能；第二，降低成本。",
        "据第一财经报道，公司将扩产。",
        "Price cuts are leading to thinner margins.",
        "The camera is top-notch.",
        "It was the fourth straight quarter of growth.",
        "Its share fell for the third consecutive quarter.",
    ] {
        let claims = scan(text);
        assert!(claims.is_empty(), "{text:?} gave {:?}", claims.iter().map(|c| &c.text).collect::<Vec<_>>());
    }
}

#[test]
fn a_phrase_with_a_share_and_a_rank_is_two_claims() {
    let claims = scan("海川以23.5%的份额排名第二。");
    let kinds: Vec<Kind> = claims.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, vec![Kind::Share, Kind::Rank]);
    assert_eq!(claims[0].value, Some(23.5));
    assert_eq!(claims[1].value, Some(2.0));
}

#[test]
fn period_forms_are_tagged() {
    for (text, period) in [
        ("Acme held a 31% share in Q3 2025, according to IDC.", "Q3 2025"),
        ("Acme held a 31% share in H1 2025, according to IDC.", "H1 2025"),
        ("Acme held a 31% share in FY2024, according to IDC.", "FY2024"),
        ("Acme held a 31% share in 2024, according to IDC.", "2024"),
        ("Acme held a 31% share in 2022-2024, according to IDC.", "2022-2024"),
        ("据IDC统计，2025年上半年海川的市场份额为31%。", "2025年上半年"),
        ("据IDC统计，2024年第三季度海川的市场份额为31%。", "2024年第三季度"),
        ("据IDC统计，截至2025年6月海川的市场份额为31%。", "截至2025年6月"),
    ] {
        let c = find(text, Kind::Share, "31%");
        let p = c.scope.period.unwrap_or_else(|| panic!("{text:?}: no period"));
        assert_eq!(p.text, period, "{text:?}");
    }
}

#[test]
fn attribution_names_the_source_and_allusion_is_vague() {
    for text in [
        "According to IDC, Acme held a 31% share in 2024.",
        "IDC data show Acme held a 31% share in 2024.",
        "据IDC统计，2024年海川的市场份额为31%。",
        "IDC数据显示，2024年海川的市场份额为31%。",
    ] {
        let c = find(text, Kind::Share, "31%");
        assert_eq!(c.scope.source.map(|s| s.text), Some("IDC".to_string()), "{text:?}");
        assert!(!c.flags.iter().any(|f| f.code == "no-source" || f.code == "vague-source"), "{text:?}");
    }
    for text in [
        "According to a report, Acme held a 31% share in 2024.",
        "据报告，2024年海川的市场份额为31%。",
        "业内数据显示，2024年海川的市场份额为31%。",
    ] {
        let c = find(text, Kind::Share, "31%");
        assert!(c.scope.source.is_none(), "{text:?}: {:?}", c.scope.source);
        assert!(c.flags.iter().any(|f| f.code == "vague-source"), "{text:?}: {:?}", c.flags);
    }
}

#[test]
fn regression_a_sentence_word_or_a_particle_is_not_a_source() {
    for text in [
        "Bracketed numbers refer to the notes. Acme held a 31% share in 2024.",
        "星禾位居第二，但所依据的是单一平台的榜单。",
    ] {
        for c in scan(text) {
            assert!(c.scope.source.is_none(), "{text:?}: {:?}", c.scope.source);
        }
    }
}

#[test]
fn regression_each_share_in_a_name_value_list_keeps_its_own_name() {
    let claims = scan("2025年上半年中国AI云市场收入份额排在其后的依次是：火山引擎14.8%、华为云13.1%、腾讯云7%。");
    let got: Vec<_> = claims.iter().map(|c| c.subject.as_ref().map(|s| s.text.clone()).unwrap_or_default()).collect();
    assert_eq!(got, ["火山引擎", "华为云", "腾讯云"]);
    // Coordinated subjects with 分别 still take the values in order, first to first.
    let c = find("小米和苹果分别占比15.0%、14.2%。", Kind::Share, "15.0%");
    assert_eq!(c.subject.map(|s| s.text).as_deref(), Some("小米"));
}

#[test]
fn regression_a_ranked_group_holds_a_combined_share() {
    let c = find("2025年第二季度中国平板电脑市场出货量前三名合计占据75.2%的份额。", Kind::Share, "75.2%");
    assert_eq!(c.subject.map(|s| s.text).as_deref(), Some("前三名"));
    let c = find("The top three vendors held 61% of shipments in Q2 2025.", Kind::Share, "61%");
    assert_eq!(c.subject.map(|s| s.text).as_deref(), Some("The top three vendors"));
    let text = "Transsion and vivo rounded out the Top 5 with 9 percent and 8 percent respectively.";
    let c = find(text, Kind::Share, "9 percent");
    assert_ne!(c.subject.map(|s| s.text).as_deref(), Some("the Top 5"), "an object is not the subject");
}

#[test]
fn regression_a_year_before_china_is_a_year() {
    let c = find("据IDC数据，2024年中国AI公有云服务市场，百度智能云排名第一。", Kind::Rank, "排名第一");
    assert_eq!(c.scope.period.map(|p| p.text).as_deref(), Some("2024年"));
}

#[test]
fn regression_an_appositive_does_not_take_the_subject() {
    let text =
        "Volcano Engine, the cloud and AI services business of ByteDance, ranked No. 1 in China's MaaS market in 2024.";
    let c = find(text, Kind::Rank, "No. 1");
    assert_eq!(c.subject.map(|s| s.text).as_deref(), Some("Volcano Engine"));
    let c = find("Shopee, Kedai and Lazada accounted for 38%, 30% and 11% of GMV respectively.", Kind::Share, "11%");
    assert_ne!(c.subject.map(|s| s.text).as_deref(), Some("Shopee"), "a list is not an appositive");
}

#[test]
fn regression_a_sum_of_places_is_not_a_place() {
    let claims = scan("阿里云的份额超过第二至第四名之和。");
    assert!(claims.iter().all(|c| c.kind != Kind::Rank), "{claims:?}");
}

#[test]
fn a_source_named_once_at_the_top_scopes_the_claims_below() {
    let text = "Canalys: tablet shipments in Q2 2020\n\nSINGAPORE - Canalys today published its Q2 2020 tablet \
                figures for the region, covering all major vendors and channels.\n\nOrbis ranked first with a 31% share. \
                Kestrel was second.";
    let c = find(text, Kind::Rank, "second");
    assert_eq!(c.scope.source.as_ref().map(|s| s.text.as_str()), Some("Canalys"));
    assert_eq!(c.scope.period.as_ref().map(|s| s.text.as_str()), Some("Q2 2020"));
    assert!(c.scope.source.as_ref().is_some_and(|s| s.span.is_none()), "inferred tags carry no span");
}

#[test]
fn an_ad_boasting_about_itself_is_an_extreme_term() {
    let claims = scan("Shop now!\n\nThe No. 1 air fryer brand in Europe.*\n\n*Source: GfK, 2024 unit sales.");
    let c = claims.iter().find(|c| c.kind == Kind::Rank).expect("the No. 1 claim");
    assert!(c.flags.iter().any(|f| f.code == "extreme-term"), "{:?}", c.flags);
    assert_eq!(c.scope.source.as_ref().map(|s| s.text.as_str()), Some("GfK"));
    let news = scan("Analysts doubt that Orbis is the No. 1 air fryer brand in Europe.");
    assert!(news.iter().all(|c| c.flags.iter().all(|f| f.code != "extreme-term")));
}

/// A superlative that names its own measure ("best-selling": sales) has a metric; one that
/// does not ("largest") still lacks one, and a more exact measure in its sentence wins.
#[test]
fn superlatives_that_name_their_measure_carry_it_as_metric() {
    let metric = |text: &str, needle: &str| {
        let c = find(text, Kind::Superlative, needle);
        let codes: Vec<String> = c.flags.iter().map(|f| f.code.clone()).collect();
        (c.scope.metric.map(|t| t.text), codes.contains(&"no-metric".to_string()))
    };
    assert_eq!(
        metric("For years the statin was the best-selling medicine.", "best-selling"),
        (Some("best-selling".into()), false)
    );
    assert_eq!(
        metric("Corvid runs the country's most reliable 5G network.", "most reliable"),
        (Some("most reliable".into()), false)
    );
    assert_eq!(metric("Corvid is the largest maker of routers.", "largest"), (None, true));
    assert_eq!(
        metric("Measured by dollar sales, the console was the best-selling hardware in May.", "best-selling")
            .0
            .as_deref(),
        Some("dollar sales")
    );
}

/// A vague cue later in a paragraph ("a report indicating…") brings its own figure; it does
/// not attribute the claims before it. One earlier in the paragraph still does.
#[test]
fn a_later_vague_cue_does_not_attribute_earlier_claims() {
    let codes = |text: &str, needle: &str| -> Vec<String> {
        find(text, Kind::Share, needle).flags.iter().map(|f| f.code.clone()).collect()
    };
    let later = "Corvid took 31% of the smartphone market in 2024. A report indicates that Sable holds a 12% share.";
    assert!(codes(later, "31%").contains(&"no-source".to_string()), "{:?}", codes(later, "31%"));
    assert!(codes(later, "12%").contains(&"vague-source".to_string()), "{:?}", codes(later, "12%"));
    let earlier = "A report published this week looked at phones. Corvid took 31% of the smartphone market in 2024.";
    assert!(codes(earlier, "31%").contains(&"vague-source".to_string()), "{:?}", codes(earlier, "31%"));
}

/// "Counterpoint estimates that it took 22.4%": the measurer reporting is the source, and "it"
/// is the paragraph's subject.
#[test]
fn a_reporting_measurer_is_not_the_subject() {
    let text = "Corvid is the leader by value. Counterpoint Research estimates that it took 22.4% of smartphone revenue in Q2 2025.";
    let c = find(text, Kind::Share, "22.4%");
    assert_eq!(c.subject.map(|s| s.text).as_deref(), Some("Corvid"));
    assert_eq!(c.scope.source.map(|s| s.text).as_deref(), Some("Counterpoint Research"));
}

/// Words that open a line or an ad are not the subject: a list label before its colon, the N
/// of "N°1", an imperative ("Meet…"), a year before a name.
#[test]
fn labels_abbreviations_and_imperatives_are_not_subjects() {
    let subject = subject_text;
    assert_eq!(
        subject("- Refrigeration appliances: N°1 brand worldwide, 15.7% retail volume share", Kind::Rank, "N°1"),
        None
    );
    assert_eq!(
        subject("- Refrigeration appliances: N°1 brand worldwide, 15.7% retail volume share", Kind::Share, "15.7%"),
        None
    );
    assert_eq!(subject("Meet the world's first self-emptying robot vacuum.", Kind::Superlative, "first"), None);
    // A colon that does not follow a line-opening name keeps the subject before it.
    assert_eq!(
        subject(
            "Online, Harrowgate's lead is larger: it accounts for 34% of internet grocery sales.",
            Kind::Share,
            "34%"
        )
        .as_deref(),
        Some("Harrowgate")
    );
}

/// Ad copy speaks of its own brand: a claim that names no holder is the advertiser's, taken
/// from where the page names its issuer. A news story names no issuer and gets no such guess.
#[test]
fn ad_copy_claims_without_a_holder_are_the_issuers() {
    let ad = "Corvana Pulse 5\n\nThe best-selling smartwatch in India.\n\nShop now at corvana.example\n\nAbout Corvana\n\nCorvana designs smartwatches.";
    let c = find(ad, Kind::Superlative, "best-selling");
    let s = c.subject.expect("the issuer is the subject");
    assert_eq!(s.text, "Corvana");
    assert_eq!(s.via, claimscope::model::Via::Document);
    assert_eq!(s.span, None, "an inferred subject has no span of its own");
    let news = "Smartwatch sales rose in the second quarter.\n\nThe best-selling smartwatch in India took 21% of shipments, IDC said.";
    assert_eq!(find(news, Kind::Share, "21%").subject, None);
}

/// "AbbVie's Humira was the best-selling drug": the owner is context, the product holds the
/// rank. "Keytruda's rise … it ranked No. 5": the pronoun stands for the name opening its own
/// sentence, not for the paragraph's earlier subject; but a measurer opening the sentence
/// only reports, and "The Taiwanese manufacturer … its share" describes an earlier name.
#[test]
fn possessed_names_and_pronouns_take_the_nearest_holder() {
    let subject = subject_text;
    let para = "Before the pandemic, AbbVie's Humira was the best-selling drug. Keytruda's rise was steady: in 2018 it ranked No. 5 among drugs.";
    assert_eq!(subject(para, Kind::Superlative, "best-selling").as_deref(), Some("Humira"));
    assert_eq!(subject(para, Kind::Rank, "No. 5").as_deref(), Some("Keytruda"));
    // The sentence before makes no claim: its opening name is what "its" refers to.
    let described =
        "Samsung drove the increase. The Korean chipmaker grew revenue 18%, lifting its market share to 61.5%.";
    assert_eq!(subject(described, Kind::Share, "61.5%").as_deref(), Some("Samsung"));
    // A proper name before a common noun is still a name.
    let named = "The Kedai marketplace remained the second-largest platform by order value.";
    assert_eq!(subject(named, Kind::Rank, "second-largest").as_deref(), Some("The Kedai"));
    // "US$" is money, not a name.
    let money = "Shipments grew. In 2024, it earned US$7.2 billion and ranked No. 3 among vendors.";
    assert_ne!(subject(money, Kind::Rank, "No. 3").as_deref(), Some("US"));
    let reported = "Corvid is the leader by value. Counterpoint Research estimates that it took 22.4% of revenue.";
    assert_eq!(subject(reported, Kind::Share, "22.4%").as_deref(), Some("Corvid"));
}

/// A share of the world held by a place names no firm: the place holds it, and the next
/// clause about the same place continues it.
#[test]
fn a_place_holds_a_share_of_the_world() {
    let subject = subject_text;
    let zh = "2024年，越南电池片产能达80GW，占全球总产能的12.5%。";
    assert_eq!(subject(zh, Kind::Share, "12.5%").as_deref(), Some("越南"));
    let en = "Europe accounted for 31% of worldwide EV sales.";
    assert_eq!(subject(en, Kind::Share, "31%").as_deref(), Some("Europe"));
    // A firm named in the clause still holds its share.
    let firm = "In China, Xiaomi took 20% of global shipments.";
    assert_eq!(subject(firm, Kind::Share, "20%").as_deref(), Some("Xiaomi"));
}

/// A market is the whole a share is of ("of all US television viewing time"), never a size
/// ("a significant market share"), a place ("在西欧市场") or a firm before 市场.
#[test]
fn markets_are_wholes_not_sizes_places_or_firms() {
    let market = |text: &str, kind: Kind, needle: &str| tag_text(find(text, kind, needle).scope.market);
    let whole = "Streaming captured 47.3% of all US television viewing time in July.";
    assert_eq!(market(whole, Kind::Share, "47.3%").as_deref(), Some("television"));
    let size = "Corvid holds a significant market share in terms of daily API calls.";
    assert_ne!(market(size, Kind::Share, "significant").as_deref(), Some("significant"));
    let place = "石头在西欧市场拿下26.8%的出货份额。";
    let c = find(place, Kind::Share, "26.8%");
    assert_ne!(c.scope.market.map(|t| t.text).as_deref(), Some("西欧"));
    assert_eq!(c.scope.geography.map(|t| t.text).as_deref(), Some("西欧"));
}

/// "当季", "同期", "the same period" point back at a period stated before: the stated one is
/// the claim's period. A month range is one period.
#[test]
fn a_pointing_period_yields_to_the_one_it_points_at() {
    let period = |text: &str, kind: Kind, needle: &str| tag_text(find(text, kind, needle).scope.period);
    let zh = "易观发布2024年第3季度报告。报告显示，当季拓达以41.2%的交易份额居首。";
    assert_eq!(period(zh, Kind::Share, "41.2%").as_deref(), Some("2024年第3季度"));
    let en = "In the first half of 2025 shipments rose. Over the same period, Corvid took 18% of units.";
    assert_eq!(period(en, Kind::Share, "18%").as_deref(), Some("first half of 2025"));
    // Said alone, the pointer is still the best there is.
    assert_eq!(period("当季拓达以41.2%的交易份额居首。", Kind::Share, "41.2%").as_deref(), Some("当季"));
    let range = "2025年1-6月全球动力电池装车量中，宁德时代以37.9%的份额蝉联第一。";
    assert_eq!(period(range, Kind::Share, "37.9%").as_deref(), Some("2025年1-6月"));
}

/// "荷兰合作银行（Rabobank）": the measurer is quoted by the name the document uses, not by the
/// gloss in brackets after it.
#[test]
fn a_measurer_is_quoted_by_its_name_not_its_gloss() {
    let text = "荷兰合作银行（Rabobank）发布全球乳业20强榜单，伊利位列第五。";
    let source = find(text, Kind::Rank, "第五").scope.source.expect("a source");
    assert_eq!(source.text, "荷兰合作银行");
    assert_eq!(source.id.as_deref(), Some("source.rabobank"));
}

/// "从市场格局看" opens a topic; only "从出货量来看", a quantity, says what is counted. "in both
/// unit and dollar terms" counts units, not "both unit".
#[test]
fn a_topic_is_no_metric() {
    let metric = |text: &str, kind: Kind, needle: &str| tag_text(find(text, kind, needle).scope.metric);
    assert_eq!(metric("从市场格局看，拓达以53.7%的份额居首。", Kind::Share, "53.7%"), None);
    assert_eq!(metric("从出货量来看，拓达以53.7%的份额居首。", Kind::Share, "53.7%").as_deref(), Some("出货量"));
    let en = "Corvid reclaimed first place in both unit and dollar terms.";
    assert_ne!(metric(en, Kind::Rank, "first place").as_deref(), Some("both unit"));
}

/// The window after a claim that the place check reads ended inside a Chinese character and
/// took the scan down.
#[test]
fn regression_a_place_window_ends_on_a_character_boundary() {
    for pad in 0..4 {
        let text =
            format!("越南电池片产能达80GW，占全球总产能的12.5%{}，其中单晶电池片占绝大多数份额。", "a".repeat(pad));
        let c = find(&text, Kind::Share, "12.5%");
        assert_eq!(c.subject.map(|s| s.text).as_deref(), Some("越南"));
    }
}

/// 两成 is two tenths, as 三成 is three.
#[test]
fn regression_two_tenths_is_a_share() {
    value("小鹏汽车在该细分市场的占有率已超过两成。", Kind::Share, "两成", Some(20.0));
}

/// Ad copy in capitals, a place's favourite, "was only fourth" and a bullet's "行业前三" are
/// claims; "the favourite to win", 全国前三季度 are not.
#[test]
fn regression_capitals_favourites_hedged_ordinals_and_verbless_top_n() {
    use claimscope::model::Kind;
    let kinds = |t: &str| common::claims::scan(t).into_iter().map(|c| (c.kind, c.text)).collect::<Vec<_>>();
    assert_eq!(kinds("TARN: THE UK'S MOST TRUSTED E-BIKE").len(), 1);
    assert_eq!(kinds("Ride with Norway's favourite e-bike brand.")[0].0, Kind::Superlative);
    assert!(kinds("Tarn is the favourite to win the tender.").is_empty());
    assert_eq!(kinds("In Sweden, Tarn was only fourth.")[0], (Kind::Rank, "was only fourth".to_string()));
    assert_eq!(kinds("★ 出口量行业前三")[0].0, Kind::Rank);
    assert!(kinds("全国前三季度社会消费品零售总额增长4.5%。").is_empty());
}

/// "Tarn Named Top Vendor…" ranks first; 占据主导地位 dominates; "the top vendors" is a group
/// and 政府主导 leads nothing.
#[test]
fn regression_named_top_vendor_and_zh_dominance() {
    let claims = |t: &str| common::claims::scan(t).into_iter().map(|c| (c.kind, c.value)).collect::<Vec<_>>();
    assert_eq!(claims("Tarn Named Top Vendor in Nordic E-Bike Market"), vec![(Kind::Rank, Some(1.0))]);
    assert_eq!(claims("外资品牌在整车领域仍占据主导地位。"), vec![(Kind::Superlative, None)]);
    assert!(claims("这是由政府主导的项目。").is_empty());
}

/// "followed by Orin with 17%": the "by" of a ranking is no "grew by 17%", so a list of holders
/// after it keeps its shares.
#[test]
fn regression_followed_by_a_holder_with_a_share() {
    let text = "Vesta held 21% of tablet shipments in the quarter, followed by Orin with 17% and Kade with 13%.";
    let values: Vec<f64> = scan(text).iter().filter(|c| c.kind == Kind::Share).filter_map(|c| c.value).collect();
    assert_eq!(values, vec![21.0, 17.0, 13.0]);
    // A change by an amount is still no share.
    assert!(scan("Its share held while revenue was boosted by 12% higher prices.").is_empty());
}

/// "its share rose from 32.2% to 34%": a share that moved states the level it reached.
#[test]
fn regression_a_share_moving_from_one_level_to_another() {
    value(
        "Corvid said its share of the tablet market rose from 18.5% to 21% over the year.",
        Kind::Share,
        "to 21%",
        Some(21.0),
    );
    value(
        "Its share of tablet shipments, as counted by Tallis, slipped from 30% to 27.5%.",
        Kind::Share,
        "27.5%",
        Some(27.5),
    );
    assert!(scan("The share price rose from 12% below its peak to 3% above it.").is_empty());
}

/// A share of the firm's own revenue, or of the people a survey asked, is no market share,
/// however the sentence orders its words.
#[test]
fn regression_a_share_of_own_revenue_or_of_respondents_named_before_its_figure() {
    for text in [
        "Cloud's share of group revenue rose to 22% last year.",
        "Cloud's share of group revenue rose from 18% to 22%.",
        "The share of respondents who pay for news reached 17%.",
        "Its share of Arcton's own shipments stood at 31%.",
    ] {
        let shares: Vec<String> = scan(text).iter().filter(|c| c.kind == Kind::Share).map(|c| c.text.clone()).collect();
        assert!(shares.is_empty(), "{text:?}: {shares:?}");
    }
}

/// "American ranked second behind United": a people's adjective standing before the verb of a
/// claim is the holder's name, not the market's place.
#[test]
fn regression_a_demonym_before_the_claim_verb_is_the_holder() {
    let text = "On seat miles flown, American ranked second behind United.";
    assert_eq!(subject_text(text, Kind::Rank, "ranked second").as_deref(), Some("American"));
    let text = "Chinese brands held 40% of the market.";
    assert_eq!(subject_text(text, Kind::Share, "40%").as_deref(), Some("Chinese brands"));
    // Nor is it the place of a ranking it is listed in.
    let text = "A world ranking put Delta first, with United second and American third on revenue.";
    assert_eq!(tag_text(find(text, Kind::Rank, "second").scope.geography).as_deref(), Some("world"));
    let text = "American consumers made the Corvid the top-selling car.";
    assert_eq!(tag_text(find(text, Kind::Superlative, "top-selling").scope.geography).as_deref(), Some("American"));
}

/// "FedEx led with 19 billion tonne-kilometres, Southwest operates the most routes": the
/// measure another claim of the sentence was given is not the one "the most routes" counts;
/// a measure framing the whole sentence ("By passengers, …") still is.
#[test]
fn regression_the_most_routes_counts_routes() {
    let metric = |text: &str, needle: &str| tag_text(find(text, Kind::Superlative, needle).scope.metric);
    let text = "By cargo, Skylane led with 19 billion freight tonne-kilometres, Corvid operates the most routes.";
    assert_eq!(metric(text, "the most routes").as_deref(), Some("routes"));
    let text =
        "By cargo, Skylane led with 19 billion freight tonne-kilometres; Corvid flies to more islands than any rival.";
    assert_eq!(metric(text, "more islands").as_deref(), Some("islands"));
    let text = "By passengers, the tallies show Corvid carried the most travellers in 2024.";
    assert_eq!(metric(text, "the most travellers").as_deref(), Some("passengers"));
}

/// "很多报道都会写上…", "as several reports have noted": many unnamed reports are still an
/// allusion to a source, not no source at all.
#[test]
fn regression_many_reports_is_a_vague_source() {
    for (text, needle) in [
        ("提起星澜，很多报道都会写上一句“占据全球扫地机器人约四成份额”。", "约四成份额"),
        ("As several reports have noted, Corvid holds about 40% of the router market.", "40%"),
    ] {
        let c = find(text, Kind::Share, needle);
        let codes: Vec<&str> = c.flags.iter().map(|f| f.code.as_str()).collect();
        assert!(codes.contains(&"vague-source") && !codes.contains(&"no-source"), "{text:?}: {codes:?}");
    }
}

/// "…subscribers worldwide… Spotify held 31%." / "Apple Music was second with 15%.": a ranking
/// that goes on in the next paragraph keeps that paragraph's place; a paragraph about another
/// market does not take it (only the document's lead may place it).
#[test]
fn regression_a_ranking_continued_in_the_next_paragraph_keeps_its_place() {
    use claimscope::model::Via;
    let geography = |text: &str| {
        let tag = find(text, Kind::Rank, "second").scope.geography;
        tag.map(|t| (t.text, t.via))
    };
    let first = "Tablet tracker\n\nTallis published its quarterly tracker of consumer devices on Monday, with figures for every region.\n\nTallis counted 120 million tablets shipped in Europe in 2025. Corvid held 30% of them.\n\n";
    let text = format!("{first}Orin was second with 15% of shipments.");
    assert_eq!(geography(&text), Some(("Europe".to_string(), Via::Paragraph)));
    let text = format!("{first}Among smartwatches, Orin was second with 15% of shipments.");
    assert!(geography(&text).is_none_or(|(_, via)| via != Via::Paragraph), "{:?}", geography(&text));
}

/// "在华东地区的销量已跻身前三": China's macro-regions are places.
#[test]
fn regression_chinese_macro_regions_are_places() {
    let c = find("公司低糖茶系列在华东地区的销量已跻身前三。", Kind::Rank, "前三");
    assert_eq!(c.scope.geography.and_then(|t| t.id).as_deref(), Some("geo.cn.east"));
}

/// "placing it third behind Genesys": a ranking that puts its holder in a place, the holder
/// given by a pronoun. "put it first" says what matters most, and is no ranking.
#[test]
fn regression_a_ranking_that_places_a_pronoun_is_a_rank() {
    let text = "Novara's share of the global CCaaS market rose to 14.2% in 2025, placing it third behind \
                Genesys and NICE, IDC data show.";
    let c = find(text, Kind::Rank, "placing it third");
    assert_eq!(c.value, Some(3.0));
    assert!(scan("We put it first in everything we do.").is_empty());
}

/// "the global CCaaS market", "the AI-powered software": the name of a market before the word
/// "market", or a word describing a product, holds nothing.
#[test]
fn regression_a_market_name_or_a_descriptor_is_not_the_holder() {
    let text = "The share of the global CCaaS market rose to 14.2% in 2025, up from 11.9% a year earlier.";
    assert_eq!(subject_text(text, Kind::Share, "11.9%"), None);
    let text = "Novara, the maker of AI-powered engagement software, said it has been named a Leader in \
                the 2026 Gartner Magic Quadrant.";
    assert_eq!(subject_text(text, Kind::Superlative, "Leader").as_deref(), Some("Novara"));
}

/// A slogan quoted whole signs it with its holder's name after a dash ("…领先的气泡水-元气森林");
/// the clause around the quotation is not the holder.
#[test]
fn regression_a_quoted_slogan_is_signed_by_the_name_after_its_dash() {
    let text = "法院要求超市撤下印有“全国销量领先的无糖气泡水-元气森林”字样的海报。";
    assert_eq!(subject_text(text, Kind::Superlative, "领先").as_deref(), Some("元气森林"));
    let text = "Shops must remove posters printed with \"Britain's best-selling cordless vacuum — Dyson\".";
    assert_eq!(subject_text(text, Kind::Superlative, "best-selling").as_deref(), Some("Dyson"));
}

/// "略领先于农夫山泉": the name a comparison takes is who is passed, not who leads. A word
/// describing a product keeps the claim when it opens the clause ("Cellular-enabled models").
#[test]
fn regression_the_name_a_comparison_takes_is_not_the_holder() {
    let text = "今年该品牌的销量略领先于农夫山泉。";
    assert_ne!(subject_text(text, Kind::Superlative, "领先").as_deref(), Some("农夫山泉"));
    let text = "Cellular-enabled models made up 21% of tablet shipments in the quarter, Canalys said.";
    assert_eq!(subject_text(text, Kind::Share, "21%").as_deref(), Some("Cellular-enabled"));
}

/// "gave Corvid 61% and Sable just 4%": the last name of a list holds the last share, even
/// with no share word in its sentence; a figure joined to a share of a firm's own revenue
/// ("41.6% of Halden's revenue for the year and 45% in the final quarter") is a mix too.
#[test]
fn regression_the_last_share_of_a_list_and_a_figure_joined_to_own_revenue() {
    let text = "Corvid's market share has slipped since. A 2019 count of registrations gave Corvid 61% and \
                Sable just 4%.";
    let c = find(text, Kind::Share, "4%");
    assert_eq!(c.value, Some(4.0));
    assert_eq!(subject_text(text, Kind::Share, "4%").as_deref(), Some("Sable"));
    assert_eq!(subject_text(text, Kind::Share, "61%").as_deref(), Some("Corvid"));
    let text = "The vaccine accounted for 41.6% of Halden's revenue for the year and 45% in the final quarter.";
    assert!(scan(text).is_empty(), "{:?}", scan(text));
}

/// "DJI made nine of the ten most commonly used drones": several places of a ranked list are a
/// rank claim with the list's size as its top and what the list ranks by as its measure; the
/// same words with no holder before them ("Nine of the ten largest economies grew") are not.
#[test]
fn regression_several_places_of_a_top_list_are_a_rank() {
    let text = "A 2018 poll by Kittle found that Corvid made nine of the ten most commonly used e-bikes.";
    let c = find(text, Kind::Rank, "nine of the ten");
    assert_eq!((c.value, c.top), (None, Some(10)));
    assert_eq!(subject_text(text, Kind::Rank, "nine of the ten").as_deref(), Some("Corvid"));
    assert_eq!(tag_text(c.scope.metric).as_deref(), Some("most commonly used"));
    let text = "Chinese brands took seven of the top ten spots in the ranking.";
    assert_eq!(find(text, Kind::Rank, "seven of the top ten").top, Some(10));
    for text in ["Nine of the ten largest economies grew last year.", "Kestrel won three of the first five races."] {
        assert!(scan(text).is_empty(), "{text}: {:?}", scan(text));
    }
}

/// "Look at Screenshare, which calculated that cable's share…": a writer's imperative opening
/// the sentence is capitalised, not a name.
#[test]
fn regression_an_imperative_opening_a_sentence_holds_nothing() {
    let text = "Look at Screenshare, which calculated that cable's share of TV time reached 39% in May 2021.";
    assert_ne!(subject_text(text, Kind::Share, "39%").as_deref(), Some("Look"));
    let text = "Consider Halden, which held 21% of the market in 2024, according to Omdia.";
    assert_eq!(subject_text(text, Kind::Share, "21%").as_deref(), Some("Halden"));
}
