//! What the text around a claim may and may not say about its scope: which sentences, quotes
//! and sections speak for a figure, and which words are names rather than scope.

mod common;

use claimscope::model::Kind;
use common::claims::*;

fn source(text: &str, kind: Kind, needle: &str) -> Option<String> {
    tag_text(find(text, kind, needle).scope.source)
}

/// "…ranked fifth, the Guild said": a later sentence with a figure of its own names the source
/// of that figure, not of the claims before it, unless it speaks of the same holder again.
#[test]
fn regression_a_later_sentence_with_its_own_figure_does_not_source_the_claims_before_it() {
    let text = "Tidewater Lager led craft lager sales in 2025, according to retail data from Circana.\n\n\
                Tidewater Lager captured an 11.4% dollar share of the segment. Harbor's portfolio ranked \
                fifth among brewers by volume, the Brewers Guild said.";
    assert_eq!(source(text, Kind::Share, "11.4%").as_deref(), Some("Circana"));
    assert_eq!(source(text, Kind::Rank, "ranked fifth").as_deref(), Some("Brewers Guild"));
    let same = "Kedai remained the second-largest platform in Malaysia. Shopee, Kedai and Lazada \
                accounted for 38%, 30% and 11% of GMV, according to Tenggara Insights.";
    assert_eq!(source(same, Kind::Rank, "second-largest").as_deref(), Some("Tenggara Insights"));
}

/// A spokesperson's words assert; the release's measurer does not stand behind them. An analyst
/// of the measuring firm, named in the same sentence, does.
#[test]
fn a_quoted_boast_takes_no_source_or_period_from_the_release() {
    let text = "Corvana led smartwatch shipments in H1 2025, according to Counterpoint Research.\n\n\
                \"We are simply the number one choice for runners everywhere,\" said Corvana's chief \
                executive.";
    let c = find(text, Kind::Rank, "number one");
    assert_eq!(tag_text(c.scope.source), None);
    assert_eq!(tag_text(c.scope.period), None);
    assert!(c.flags.iter().any(|f| f.code == "no-source"), "{:?}", c.flags);
    let analyst = "Tablet shipments rose in 3Q25, according to IDC.\n\n\"Huawei was the number one \
                   tablet vendor in China for a sixth quarter,\" said a research manager with IDC.";
    assert_eq!(source(analyst, Kind::Rank, "number one").as_deref(), Some("IDC"));
}

/// The "About" section closing a release describes the issuer: its boasts are not measured by
/// the data the release quotes, and a founding year dates nothing.
#[test]
fn the_about_section_asserts_and_a_founding_year_is_no_period() {
    let text = "Harbor Brewing was the top-selling craft brewer in 2025, according to Circana.\n\n\
                About Harbor Brewing Co.\n\
                Founded in 1998, Harbor Brewing is the largest independent brewery in Oregon.";
    let c = find(text, Kind::Superlative, "the largest");
    assert_eq!(tag_text(c.scope.source), None);
    assert_eq!(tag_text(c.scope.period), None);
    let zh = "鼎曜电脑成立于1998年，是台湾领先的笔记型电脑品牌。";
    assert_eq!(tag_text(find(zh, Kind::Superlative, "领先").scope.period), None);
}

/// "British Meridian", "Vertex Semiconductor", "the International Air Cargo Association": a
/// place or a market inside a longer name is part of the name.
#[test]
fn a_place_or_market_inside_a_name_is_not_scope() {
    let c = find("British Meridian flew about 38% of the route's seats last summer.", Kind::Share, "38%");
    assert_eq!(tag_text(c.scope.geography), None);
    let c = find("Vertex Semiconductor retained first place with 81% of shipments.", Kind::Share, "81%");
    assert_ne!(tag_text(c.scope.market).as_deref(), Some("Semiconductor"));
    // An acronym and a lower-case market stay scope, and so does a place before a title.
    let c = find("Orbis is China's AI cloud No. 1 by revenue.", Kind::Rank, "No. 1");
    assert_eq!(tag_text(c.scope.market).as_deref(), Some("AI cloud"));
    let c = find("Nordtel promises \"Norway's No.1 5G network\", citing an award.", Kind::Rank, "No.1");
    assert_eq!(tag_text(c.scope.geography).as_deref(), Some("Norway's"));
}

/// "the first half", "this year": a period's words are its own; only a determiner goes. A
/// comparison's "a year earlier" yields to the period the release states.
#[test]
fn a_period_keeps_its_words_and_a_comparison_yields() {
    let period = |text: &str, kind: Kind, needle: &str| tag_text(find(text, kind, needle).scope.period);
    let text = "In the first half of the year, Corvid took 18% of units.";
    assert_eq!(period(text, Kind::Share, "18%").as_deref(), Some("first half of the year"));
    let text = "Data center GPU shipments rose to 1.9 million units in the third quarter of 2025, Nimbus \
                Research said.\n\n\
                Vertex retained first place with 81% of shipments, down from 84% a year earlier.";
    assert_eq!(period(text, Kind::Share, "81%").as_deref(), Some("third quarter of 2025"));
    let release = "Worldwide shipments grew in the third quarter of 2025, according to Canalys. Growth \
                   stayed below the rebound seen in the first half of 2024.\n\n\
                   Apple came in second with an 18% share.";
    assert_eq!(period(release, Kind::Share, "18%").as_deref(), Some("third quarter of 2025"));
}

/// Who holds a figure: not the place a route or a sea is, not a describing word, not a
/// headline's verb; the rest of the market is a holder too.
#[test]
fn regression_places_descriptions_and_headline_verbs_hold_nothing() {
    let subject = |text: &str, kind: Kind, needle: &str| subject_text(text, kind, needle);
    let appositive = "Northwind Air, the Oslo-based discounter, was the biggest with a 9.8 percent share.";
    assert_eq!(subject(appositive, Kind::Share, "9.8 percent").as_deref(), Some("Northwind Air"));
    let route = "British Meridian remained the leader on London-New York, flying about 38% of the seats.";
    assert_eq!(subject(route, Kind::Share, "38%").as_deref(), Some("British Meridian"));
    let headline = "Harbor Brewing Named America's Best-Selling Craft Lager";
    assert_eq!(subject(headline, Kind::Superlative, "Best-Selling").as_deref(), Some("Harbor Brewing"));
    let person = "Northwind Air was the biggest with a 9.8 percent share of seats. Its chief executive, Mara Lindqvist, told reporters the airline \
                  would soon be the largest by departures.";
    assert_eq!(subject(person, Kind::Superlative, "the largest").as_deref(), Some("Northwind Air"));
    let rest = "Corallo took 12%. All other vendors together accounted for the remaining 3%.";
    assert_eq!(subject(rest, Kind::Share, "3%").as_deref(), Some("All other vendors"));
    // Chinese: a verb of saying ends the name, a bracketed tag opens no name, a model keeps
    // its number, and an industry is where a product is compared, not who leads.
    assert_eq!(
        subject("幸运咖自称是全国门店最多的平价咖啡品牌。", Kind::Superlative, "最多").as_deref(),
        Some("幸运咖")
    );
    assert_eq!(subject("【新品发布】极光X5智能手表 全网销量第一", Kind::Rank, "第一").as_deref(), Some("极光X5"));
    let domain = "极光X5搭载双频定位芯片，续航时间行业领先。";
    assert_ne!(subject(domain, Kind::Superlative, "领先").as_deref(), Some("续航时间行业"));
}

/// A firm's revenue mix and its plans are not market shares.
#[test]
fn regression_a_revenue_mix_and_a_plan_are_no_shares() {
    for text in
        ["公司海外收入占比为42%。", "未来三年，公司计划将海外收入占比提升至30%。", "公司计划将市场份额提升至30%。"]
    {
        assert!(scan(text).iter().all(|c| c.kind != Kind::Share), "{text}: {:?}", scan(text));
    }
}

/// "NEW YORK - Netflix remains…": the dateline places the story, "The company" points back at
/// the name it follows, and a clause opening with its verb shares the sentence's subject.
#[test]
fn regression_datelines_references_and_verb_clauses() {
    let text = "NEW YORK - Netflix remains the most-watched streaming service in American homes. The \
                company accounted for 8.1% of all television viewing in October, according to Nielsen.";
    let c = find(text, Kind::Share, "8.1%");
    assert_eq!(tag_text(c.subject).as_deref(), Some("Netflix"));
    let lead = find(text, Kind::Superlative, "most-watched");
    assert_ne!(tag_text(lead.scope.geography).as_deref(), Some("NEW YORK"));
    let verb = "Disney's combined services, including Disney+ and Hulu, ranked third among streamers with 4.9%.";
    assert_eq!(subject_text(verb, Kind::Rank, "ranked third").as_deref(), Some("Disney"));
    let reported = "Circana data show Nintendo's Switch 2, first launched in June, was the best-selling \
                    console in the US by units.";
    assert_eq!(subject_text(reported, Kind::Superlative, "best-selling").as_deref(), Some("Switch 2"));
}

/// A claim marked "*" reads the note marked "*", not the one marked "**"; the notes themselves
/// claim nothing.
#[test]
fn regression_a_claim_reads_its_own_note() {
    let text = "America's #1 Dentist-Recommended Whitening Toothpaste*\n\n\
                Join the millions who made Sparkle the fastest-growing oral care brand of 2024**.\n\n\
                *Based on a 2024 survey of 1,000 US dentists conducted by an independent research firm.\n\
                **Circana, 52 weeks ending December 29, 2024, dollar sales growth among top 20 brands.";
    let top = find(text, Kind::Rank, "#1");
    assert_eq!(tag_text(top.scope.source), None);
    assert!(top.flags.iter().any(|f| f.code == "vague-source"), "{:?}", top.flags);
    let fast = find(text, Kind::Superlative, "fastest-growing");
    assert_eq!(tag_text(fast.scope.source).as_deref(), Some("Circana"));
    assert!(scan(text).iter().all(|c| !c.text.contains("top 20")), "{:?}", scan(text));
}

/// "according to Nimbus Research's latest quarterly tracker": the firm, without its possessive.
#[test]
fn regression_a_source_is_named_without_its_possessive() {
    let text = "Vertex retained first place with 81% of shipments, according to Nimbus Research's latest \
                quarterly tracker.";
    assert_eq!(source(text, Kind::Share, "81%").as_deref(), Some("Nimbus Research"));
}

fn period(text: &str, kind: Kind, needle: &str) -> Option<String> {
    tag_text(find(text, kind, needle).scope.period)
}

/// A period a figure is compared with ("比2019年提高", "higher than in 2024") is not the figure's
/// own, though it sits nearer; the figure given for that time keeps it ("较2019年的23.9%").
#[test]
fn regression_a_comparison_year_does_not_date_the_figure_compared() {
    let zh = "据群智咨询2021年的统计，海川显示的出货额首次位居第一，份额为21.4%，比2020年提高1.8个百分点。\
              此前居首的星河面板份额降至16.3%，较2020年的22.0%下降明显。";
    assert_eq!(period(zh, Kind::Share, "21.4%").as_deref(), Some("2021年"));
    assert_eq!(period(zh, Kind::Share, "16.3%").as_deref(), Some("2021年"));
    assert_eq!(period(zh, Kind::Share, "22.0%").as_deref(), Some("2020年"));
    let en = "In 2025 Harbor Brewing held 11.2% of Oregon craft beer sales by volume, according to \
              Circana, a larger share than in 2024.";
    assert_eq!(period(en, Kind::Share, "11.2%").as_deref(), Some("2025"));
}

/// "早在2017年就已登上首位", "as early as 2019": a past event told in passing dates its own
/// clause, not the figures after it; told at the head of the sentence it sets the sentence's time.
#[test]
fn a_past_event_told_in_passing_dates_only_its_clause() {
    let zh = "据群智咨询统计，2021年海川显示按出货额位居第一。按出货量计算，海川早在2018年就已登上首位，\
              此次按金额计算也排在第一。星河面板的份额升至8.8%，位列第五。";
    assert_eq!(period(zh, Kind::Rank, "登上首位").as_deref(), Some("2018年"));
    assert_eq!(period(zh, Kind::Rank, "排在第一").as_deref(), Some("2021年"));
    assert_eq!(period(zh, Kind::Share, "8.8%").as_deref(), Some("2021年"));
    let en = "Back in 2018, Tallis Research expected Orbion to become the third-largest cloud \
              provider in Brazil.";
    assert_eq!(period(en, Kind::Rank, "third-largest").as_deref(), Some("2018"));
}

/// A time in a later clause of a claim's sentence dates that clause ("全年销量达…", "继去年首次
/// 跻身五强"); the claim keeps the time before it or in its own clause, and takes a later one
/// only when its sentence has no other.
#[test]
fn regression_a_later_clauses_time_does_not_date_the_claim_before_it() {
    let zh = "据奥维云网数据，2024年澜川集团空调市占率为27.8%，位居行业第一，全年空调销量达6140万台。";
    assert_eq!(period(zh, Kind::Rank, "位居行业第一").as_deref(), Some("2024年"));
    let en = "Orbion ranked first in Chilean cloud revenue, Tallis Research said in its survey of Q3 2025.";
    assert_eq!(period(en, Kind::Rank, "ranked first").as_deref(), Some("Q3 2025"));
    let zh_alone = "澜川集团位居行业第一，2024年空调销量达6140万台。";
    assert_eq!(period(zh_alone, Kind::Rank, "位居行业第一").as_deref(), Some("2024年"));
}

/// A short line over a table is its caption: the rows read their period and place from it, and
/// a column headed "Change vs H1 2024" dates nothing.
#[test]
fn regression_a_tables_caption_scopes_its_rows() {
    let text = "Corvana reported results on Tuesday.\n\n\
                European smartwatch shipments, H1 2025\n\n\
                | Rank | Brand | Share | Change vs H1 2024 |\n\
                |------|-------|-------|-------------------|\n\
                | 1 | Corvana | 31.2% | +2.1 pts |\n\
                | 2 | Tessel | 18.3% | -0.4 pts |\n";
    let c = find(text, Kind::Share, "18.3%");
    assert_eq!(tag_text(c.scope.period).as_deref(), Some("H1 2025"));
    assert_eq!(tag_text(c.scope.geography).as_deref(), Some("European"));
}

/// An adverb or a time word opening a clause ("迅速", "此次", "当时") holds no place, and a verb
/// phrase ("完成了从…") or a passive ("被视为") ends a name.
#[test]
fn regression_zh_adverbs_and_verb_phrases_are_no_subjects() {
    let text = "2025年，云岚无人机在国内的销量增长迅速。云岚迅速成为中国市场第五大品牌。";
    assert_ne!(subject_text(text, Kind::Rank, "第五大").as_deref(), Some("迅速"));
    let text = "据易观统计，海川早在2018年就已按出货量登上首位，此次按金额计算也排在第一。";
    assert_ne!(subject_text(text, Kind::Rank, "排在第一").as_deref(), Some("此次"));
    let text = "短短一年，雪岭完成了从全国第二到全国第一的跨越。";
    assert_eq!(subject_text(text, Kind::Rank, "全国第二").as_deref(), Some("雪岭"));
    let text = "该榜单被视为全球乳业最权威的排行榜之一。";
    assert_ne!(subject_text(text, Kind::Superlative, "最权威").as_deref(), Some("被视"));
}

/// Where a span of time begins ("从2013年…算起", "since 2016") dates no figure after it; a clause
/// hung on a period ("…since November 2018, when the PS4 last held the No. 1 spot") is of that
/// time.
#[test]
fn regression_the_start_of_a_span_dates_no_figure_but_a_when_clause_takes_its_period() {
    let zh = "从2013年两家公司立下赌约算起，双方的较量已持续12年。\n\n\
              据奥维云网数据，星澜以16.7%的线上市占率超越海川。";
    assert_eq!(period(zh, Kind::Share, "16.7%"), None);
    let en = "Switch had been America's top-selling console every month since November 2018, when \
              the Orbit 4 last held the No. 1 spot, according to Circana.";
    assert_eq!(period(en, Kind::Rank, "No. 1").as_deref(), Some("November 2018"));
    // "2013年3月起" starts the run of slogans; it is not the time their boasts measure.
    let zh = "2013年3月起，禾泉陆续发布“全国销量领先的凉茶——禾泉”“禾泉凉茶，销量遥遥领先”等广告语。";
    assert_eq!(period(zh, Kind::Superlative, "遥遥领先"), None);
}

/// "Taiwanese chipmaker Norvik", "Swedish streaming giant Sonore": a people's adjective before
/// a player names the player's home, not the market's place; "the world's largest foundry"
/// keeps its place.
#[test]
fn regression_a_players_nationality_is_not_the_markets_place() {
    let text = "Taiwanese chipmaker Norvik lifted its share of global foundry revenue to 61.2% in Q2 2025, \
                according to TrendForce.";
    assert_eq!(tag_text(find(text, Kind::Share, "61.2%").scope.geography).as_deref(), Some("global"));
    let text = "Swedish streaming giant Sonore held 31% of music subscriptions in 2024, MIDiA said.";
    assert_eq!(tag_text(find(text, Kind::Share, "31%").scope.geography), None);
    let text = "Norvik remained the world's largest foundry in 2024, according to TrendForce.";
    assert_eq!(tag_text(find(text, Kind::Superlative, "largest").scope.geography).as_deref(), Some("the world"));
}

/// "Halvik Home Reports First-Half 2025 Results; Keeps Top Spot in Smart Home Cameras": the
/// second clause of a headline opens with its verb and takes the first clause's name.
#[test]
fn regression_a_headline_clause_opening_with_its_verb_takes_the_headlines_subject() {
    let text = "Corvana Reports First-Half 2025 Results; Keeps Top Spot in Smartwatches\n\n\
                OSLO, 28 August 2025 -- Corvana ASA today reported results.";
    assert_eq!(subject_text(text, Kind::Rank, "Top Spot").as_deref(), Some("Corvana"));
}

/// "A year earlier, Sonicast had led with 33.1%", "79% a year earlier": the figure given for an
/// earlier time is of that time, not of the period the paragraph states.
#[test]
fn regression_a_figure_given_for_a_year_earlier_keeps_that_time() {
    let text = "Streamly accounted for 34.2% of podcast listening hours in the third quarter, according \
                to Audiotrack Insights. A year earlier, Sonicast had led with 33.1%.";
    assert_eq!(period(text, Kind::Share, "34.2%").as_deref(), Some("third quarter"));
    assert_eq!(period(text, Kind::Share, "33.1%").as_deref(), Some("year earlier"));
    let text = "In 2025 Corvana's share slipped to 68% after standing at 79% a year earlier, \
                according to Tallis Research.";
    assert_eq!(period(text, Kind::Share, "68%").as_deref(), Some("2025"));
    assert_eq!(period(text, Kind::Share, "79%").as_deref(), Some("year earlier"));
}

/// "在带屏智能音箱细分市场，小度仍以超过五成的份额遥遥领先": the segment is the market, and a
/// product line's part of its own maker's sales is no market share.
#[test]
fn regression_a_named_segment_is_the_market_and_a_sales_mix_is_no_share() {
    let text = "据洛图科技数据，云栖以27.4%的份额位居智能音箱市场第一。在带屏智能音箱细分市场，星澜以超过五成的份额遥遥领先。\
                高端产品线贡献了近四成的销售额。";
    let c = find(text, Kind::Superlative, "遥遥领先");
    assert_eq!(tag_text(c.scope.market).as_deref(), Some("带屏智能音箱"));
    assert!(scan(text).iter().all(|c| !c.text.contains("贡献")), "{:?}", scan(text));
}

/// An ad: the headline shouts its brand before a colon, a capitalised imperative ("Join the
/// millions…") is no name, and a bulleted "* Based on…" line is the note the starred claim reads.
#[test]
fn regression_an_ads_shouted_brand_imperative_and_starred_note() {
    let text = "GLEAMWELL PRO: THE NO. 1 DENTIST-RECOMMENDED ELECTRIC TOOTHBRUSH*\n\n\
                Join the millions who already trust Canada's most-loved oral care brand. Gleamwell Pro \
                is the best-selling premium electric toothbrush in Canada**.\n\n\
                * Based on a 2025 survey of 400 Canadian dentists.\n\
                ** NielsenIQ, dollar sales, 52 weeks ending March 1, 2026.\n";
    let no1 = find(text, Kind::Rank, "NO. 1");
    assert_eq!(tag_text(no1.subject).as_deref(), Some("GLEAMWELL PRO"));
    assert_eq!(tag_text(no1.scope.source), None);
    assert_eq!(tag_text(no1.scope.period).as_deref(), Some("2025"));
    assert_ne!(subject_text(text, Kind::Superlative, "most-loved").as_deref(), Some("Join"));
    let best = find(text, Kind::Superlative, "best-selling");
    assert_eq!(tag_text(best.scope.source).as_deref(), Some("NielsenIQ"));
}

/// "Caspian Freight" is a name, not the metric "freight"; "Measured by tonne-kilometres" says
/// what is counted; a claim a company "has argued" in quotes takes no source from the article;
/// "up from 38% in 2024" dates only the 38%.
#[test]
fn regression_a_metric_inside_a_name_an_argued_claim_and_a_compared_year() {
    let text = "Northline Rail carried 41% of all intermodal containers moved by rail last year, up \
                from 38% in 2024, the Transport Statistics Office said. Its rival, Caspian Freight, \
                held 27%.\n\n\
                Measured by tonne-kilometres, the picture is closer: Northline's share was 33.5% \
                against Caspian's 31.9%, according to the office. Caspian has argued that it is \
                \"the country's largest rail freight operator\" because it runs the most trains.";
    let c = find(text, Kind::Share, "27%");
    assert_eq!(tag_text(c.scope.period).as_deref(), Some("last year"));
    assert_ne!(tag_text(c.scope.metric).as_deref(), Some("Freight"));
    let c = find(text, Kind::Share, "33.5%");
    assert_eq!(tag_text(c.scope.metric).as_deref(), Some("tonne-kilometres"));
    let c = find(text, Kind::Superlative, "largest");
    assert_eq!(tag_text(c.scope.source), None);
    let forecast = "Analysts expect Northline to hold roughly two-fifths of the container market through 2027.";
    assert_eq!(find(forecast, Kind::Share, "two-fifths").value, Some(40.0));
}

/// A Chinese ad: a rating (全网好评率高达99%) is no share, a brand that names its market
/// (悦享空气净化器) still speaks for itself, a note's range 2022年-2024年 is one period, and a
/// reporter's byline (本报讯（记者 李明）) names no measurer.
#[test]
fn regression_zh_ad_ratings_brand_markets_ranges_and_bylines() {
    let ad = "【重磅】悦享空气净化器连续三年全国销量第一*\n\n\
              悦享空气净化器，全网好评率高达99%。\n\n\
              *数据来源：中怡康全国零售监测，2022年-2024年空气净化器零售量。\n";
    assert!(scan(ad).iter().all(|c| c.value != Some(99.0)), "{:?}", scan(ad));
    let c = find(ad, Kind::Rank, "第一");
    assert!(c.flags.iter().any(|f| f.code == "extreme-term"), "{:?}", c.flags);
    assert_eq!(tag_text(c.scope.period).as_deref(), Some("2022年-2024年"));
    assert_eq!(tag_text(c.scope.market).as_deref(), Some("空气净化器"));
    let news = "2026年第三季度中国平板电脑市场：华为继续领跑\n\n\
                本报讯（记者 李明）市场研究机构Canalys最新发布的报告显示，华为以33.8%的份额位居榜首。";
    assert_eq!(tag_text(find(news, Kind::Superlative, "领跑").scope.source).as_deref(), Some("Canalys"));
}

/// "according to Halcyon Research's Worldwide Quarterly Wearables Tracker" names the firm, not
/// its product; "down from 25.0% a year ago" dates only the 25.0%.
#[test]
fn regression_a_firms_tracker_names_the_firm_and_a_year_ago_dates_its_figure() {
    let text = "Vitta remained the market leader with 24.1% of wearable band shipments in Q3 2026, \
                according to Halcyon Research's Worldwide Quarterly Wearables Tracker. Vitta's share \
                was down from 25.0% a year ago.";
    let c = find(text, Kind::Share, "24.1%");
    assert_eq!(tag_text(c.scope.source).as_deref(), Some("Halcyon Research"));
    assert_eq!(period(text, Kind::Share, "25.0%").as_deref(), Some("year ago"));
}

/// "calls it \"America's No. 1 bank\"": the place before a rank is the place, not part of a name;
/// a "television campaign" is no market; "Other rankings" names no firm; "J.D. Power" and
/// "the largest U.S. lender" are not cut at their initials.
#[test]
fn regression_initials_media_and_quantifiers_are_no_scope() {
    let text = "Lumen Bank's new television campaign calls it \"America's No. 1 bank for small business.\"\n\n\
                Other rankings tell a different story. In J.D. Power's 2025 small business banking \
                satisfaction study, Lumen finished seventh among national banks. The largest U.S. \
                lender remains Harbor Trust.";
    let c = find(text, Kind::Rank, "No. 1");
    assert_eq!(tag_text(c.scope.geography).as_deref(), Some("America's"));
    assert_ne!(tag_text(c.scope.market).as_deref(), Some("television"));
    let c = find(text, Kind::Rank, "finished seventh");
    assert_eq!(tag_text(c.scope.source).as_deref(), Some("J.D. Power"));
    assert!(scan(text).iter().any(|c| c.text == "The largest U.S."), "{:?}", scan(text));
}

/// "欧睿国际（Euromonitor International）": the gloss names the same firm, and no pattern reads
/// "International" out of it; "本报讯" and "同一报告显示" name no measurer.
#[test]
fn regression_a_glossed_firm_and_the_papers_own_name_are_not_read_as_sources() {
    let text = "近日，权威市场调研机构欧睿国际（Euromonitor International）发布数据，海川在全球冰箱品牌中位列第一。";
    assert_eq!(tag_text(find(text, Kind::Rank, "位列第一").scope.source).as_deref(), Some("欧睿国际"));
    let text = "本报讯　据统计，海川面板的出货额首次跃居首位。同一报告显示，星河面板位列第二。";
    assert_eq!(tag_text(find(text, Kind::Rank, "跃居首位").scope.source), None);
    assert_eq!(tag_text(find(text, Kind::Rank, "位列第二").scope.source), None);
}

/// "according to Circana analyst Mat Pellow … Pellow said": a person named by a role speaks
/// for the firm, which is the source, in that sentence and wherever the person is named again.
#[test]
fn regression_a_person_named_by_role_is_not_the_source() {
    let text = "The Orbit 5 finished first in dollar sales for September, according to Circana analyst \
                Mat Pellow.\n\nFor the year so far, Pellow said, the Orbit 5 is the best-selling console \
                in dollars.";
    let c = find(text, Kind::Rank, "finished first");
    assert_eq!(tag_text(c.scope.source).as_deref(), Some("Circana"));
    let c = find(text, Kind::Superlative, "best-selling");
    assert_ne!(tag_text(c.scope.source).as_deref(), Some("Pellow"));
}

/// "The largest U.S. lender remains Harbor Trust", "Second place went to Aurel": a claim that
/// opens its clause names its holder after the verb.
#[test]
fn regression_a_holder_named_after_the_verb_holds_the_claim() {
    let text = "Lumen led in loan counts. By deposits, the largest U.S. lender remains Harbor Trust, \
                according to the FDIC. Second place went to Aurel Bank.";
    assert_eq!(subject_text(text, Kind::Superlative, "largest").as_deref(), Some("Harbor Trust"));
    assert_eq!(subject_text(text, Kind::Rank, "Second place").as_deref(), Some("Aurel Bank"));
}

/// "头部品牌占据大部分市场份额", "继续保持行业领先", "但海外市场": a quantity, a verb or a
/// conjunction before 市场/行业 names no market.
#[test]
fn regression_zh_quantities_and_verbs_before_market_name_none() {
    let text = "据奥维云网数据，洗衣机头部品牌占据大部分市场份额。海川表示将继续保持行业领先。";
    let c = find(text, Kind::Share, "大部分");
    assert_ne!(tag_text(c.scope.market).as_deref(), Some("大部分"));
    let c = find(text, Kind::Superlative, "领先");
    assert_ne!(tag_text(c.scope.market).as_deref(), Some("保持"));
}

/// "OSLO, May 2, 2026 — Tarn became the largest … in 2025": the date a story was filed dates
/// a claim only when the text gives no period of its own.
#[test]
fn regression_a_dateline_date_yields_to_the_period_the_text_states() {
    let text = "OSLO, May 2, 2026 — Tarn became the largest seller of e-bikes by units in 2025, \
                according to Pedalstat Research.";
    let c = find(text, Kind::Superlative, "largest");
    assert_eq!(tag_text(c.scope.period).as_deref(), Some("2025"));
    let dated = "OSLO, May 2, 2026 — Tarn is the largest seller of e-bikes in Norway.";
    assert_eq!(tag_text(find(dated, Kind::Superlative, "largest").scope.period).as_deref(), Some("May 2, 2026"));
}

/// "figures released by market researcher Pedalstat Analytics": a market researcher is a firm
/// that measures, not a person named by a title.
#[test]
fn regression_a_market_researcher_is_the_source_not_a_person() {
    let text = "Tarn led e-bike sales in 2025, according to figures released on Monday by market \
                researcher Pedalstat Analytics.";
    assert_eq!(source(text, Kind::Superlative, "led").as_deref(), Some("Pedalstat Analytics"));
}

/// "the Nordic market": a people's or region's adjective before "market" is its place; the
/// market is still the one the context names.
#[test]
fn regression_a_place_adjective_before_market_is_no_market() {
    let text = "Tarn sold 80,000 e-bikes, a 21% share of the European market.";
    let c = find(text, Kind::Share, "21%");
    assert_ne!(tag_text(c.scope.market).as_deref(), Some("European"));
    assert_eq!(tag_text(c.scope.geography).as_deref(), Some("European market"));
}

/// "Tarn Overtakes Velo as …": a headline's verb ends the holder's name.
#[test]
fn regression_a_headline_verb_ends_the_holders_name() {
    let text = "Tarn Overtakes Velo as Norway's Biggest E-Bike Seller\n\nTarn sold more e-bikes than anyone in 2025.";
    assert_eq!(subject_text(text, Kind::Superlative, "Biggest").as_deref(), Some("Tarn"));
}

/// "'We are the number one…,' Tarn chief executive Ola Berg said", "Berg said the company…":
/// the firm a speaker is introduced with is the "we" of their words and "the company" they
/// speak of; the speaker holds nothing.
#[test]
fn regression_a_speakers_we_is_the_firm_they_speak_for() {
    let text = "Tarn sold 80,000 e-bikes in 2025.\n\n\"We are now the number one e-bike brand in \
                Norway,\" Tarn chief executive Ola Berg said. Berg said the company held the top \
                spot in Oslo.";
    assert_eq!(subject_text(text, Kind::Rank, "number one").as_deref(), Some("Tarn"));
    assert_eq!(subject_text(text, Kind::Rank, "top spot").as_deref(), Some("Tarn"));
    let after = "\"Our range is the biggest in the country,\" said Ola Berg, chief executive of \
                 Tarn Cycles.";
    assert_eq!(subject_text(after, Kind::Superlative, "biggest").as_deref(), Some("Tarn Cycles"));
}

/// "The Dutch group shipped 80,000 units, giving it a 21% share": a paragraph that opens by
/// describing its holder continues the holder the paragraph before named.
#[test]
fn regression_a_paragraph_opening_with_a_description_keeps_the_last_holder() {
    let text = "Tarn became Norway's largest e-bike seller in 2025.\n\n\
                The Norwegian group shipped 80,000 units, giving it a 21% share of the market.";
    assert_eq!(subject_text(text, Kind::Share, "21%").as_deref(), Some("Tarn"));
}

/// "悦然电器出口量位居行业前三", "悦然电器成立于2003年，是国内领先的…": the holder comes
/// before its metric, and a clause opening with its predicate is about the sentence's topic.
#[test]
fn regression_zh_holder_before_a_metric_and_the_topic_of_a_predicate_clause() {
    let text = "澜风电器出口量位居行业前三。";
    assert_eq!(subject_text(text, Kind::Rank, "位居").as_deref(), Some("澜风电器"));
    let text = "澜风电器成立于2001年，是国内领先的燃气灶制造商。";
    assert_eq!(subject_text(text, Kind::Superlative, "领先").as_deref(), Some("澜风电器"));
    // A clause of figures or a cited report is no topic.
    let text = "根据IDC报告，澜风电器第二季度出货量份额达31.2%，连续六季位居第一。";
    assert_eq!(subject_text(text, Kind::Rank, "位居第一").as_deref(), Some("澜风电器"));
    let text = "即饮茶零售额位居第一。";
    assert_eq!(subject_text(text, Kind::Rank, "位居第一"), None);
}

/// "澜风方面称，公司…销量排名第一", "Tarn also claims 31% of…": a holder reporting its own
/// position is its own source, whatever firm measured the figures around it; the paragraph's
/// period still dates it.
#[test]
fn regression_a_holder_reporting_itself_takes_no_measurer_from_context() {
    let text = "据洛图科技数据，2025年澜风扫地机器人零售量份额为21.3%，位居第一。\
                澜风方面称，公司在欧洲多个国家的销量排名第一。";
    let c = find(text, Kind::Rank, "排名第一");
    assert_eq!(tag_text(c.scope.source), None);
    assert!(c.flags.iter().any(|f| f.code == "no-source"), "{:?}", c.flags);
    let en = "Tarn led Norway's e-bike market in 2024 with 24%, according to Pedalstat. Tarn also claims \
              31% of the cargo-bike segment.";
    let c = find(en, Kind::Share, "31%");
    assert_eq!(tag_text(c.scope.source), None);
    assert_eq!(tag_text(c.scope.period).as_deref(), Some("2024"));
    // A measurer saying who leads is still the source.
    let said = "Pedalstat said Tarn held 24% of the market in 2024.";
    assert_eq!(source(said, Kind::Share, "24%").as_deref(), Some("Pedalstat"));
    let known = "Tarn led in 2024, according to IDC. IDC said the company held 24% of the market.";
    assert_eq!(source(known, Kind::Share, "24%").as_deref(), Some("IDC"));
}

/// "从1-9月累计来看" looks at a span of months (it starts nothing); "徐工汽车" ends its name in
/// 汽车, no market; a brand that 自称 a title is its own source; "the fastest-growing market"
/// ranks a market and names none; "…, Says Ardent Research" names the firm without the verb.
#[test]
fn regression_month_spans_names_ending_in_an_industry_self_titles_and_ranked_markets() {
    let text = "据商车数据统计，今年9月新能源重卡销量2.1万辆。从1-9月累计来看，徐工汽车仍以15.6%的份额保持领先。";
    let c = find(text, Kind::Share, "15.6%");
    assert_eq!(tag_text(c.scope.period).as_deref(), Some("1-9月"));
    assert_ne!(tag_text(c.scope.market).as_deref(), Some("汽车"));
    let boast = "据商车数据统计，今年9月新能源重卡销量2.1万辆。某品牌在宣传中自称“新能源重卡销量冠军”。";
    assert_eq!(tag_text(find(boast, Kind::Rank, "冠军").scope.source), None);
    let en = "Smart Ring Shipments Rose 38% in Q2 2026, Says Ardent Research\n\nIn India, the \
              fastest-growing market, local brands accounted for 68% of ring shipments in Q2 2026.";
    let c = find(en, Kind::Share, "68%");
    assert_eq!(tag_text(c.scope.source).as_deref(), Some("Ardent Research"));
    assert_ne!(tag_text(c.scope.market).as_deref(), Some("fastest"));
}

/// "| Tarn | 41% | 52% |" under "| Brand | 2025 share | 2024 share |": a cell reads the header
/// of its own column, not the nearest header cell; "| Others | 29% |" and "local brands" hold
/// the rest.
#[test]
fn regression_a_table_cell_reads_its_own_columns_header() {
    let text = "E-bike sales by brand, Norway\n\n| Brand | 2025 share | 2024 share |\n|---|---|---|\n\
                | Tarn | 41% | 52% |\n| Others | 29% | 25% |\n";
    assert_eq!(tag_text(find(text, Kind::Share, "41%").scope.period).as_deref(), Some("2025"));
    assert_eq!(tag_text(find(text, Kind::Share, "52%").scope.period).as_deref(), Some("2024"));
    assert_eq!(subject_text(text, Kind::Share, "29%").as_deref(), Some("Others"));
    let local = "In India, local brands accounted for 68% of ring shipments in 2025.";
    assert_eq!(subject_text(local, Kind::Share, "68%").as_deref(), Some("local brands"));
}

/// A wire release's dateline ("OSLO, Norway, May 2, 2027 /PRNewswire/ --") dates nothing the
/// text dates itself; "the 2026 E-Bike Report published by Pedalstat Analytics" is published
/// by the firm, which is the source; "Being named the market leader…," said Tarn's chief
/// executive: the quote is the firm's, and "our customers' trust" counts no customers; an
/// analyst's quoted remark is nobody's boast.
#[test]
fn regression_wire_datelines_report_titles_and_quoted_boasts() {
    let text = "OSLO, Norway, May 2, 2027 /PRNewswire/ -- Tarn has been ranked the No. 1 e-bike \
                vendor by revenue in the 2026 E-Bike Report published by Pedalstat Analytics.\n\n\
                \"Being named the market leader again shows our customers' trust,\" said Ola Berg, \
                chief executive of Tarn Cycles.\n\n\"Every brand has a number-one stat,\" said Ida \
                Moe, an analyst at Pedalstat Analytics.";
    let c = find(text, Kind::Rank, "No. 1");
    assert_eq!(tag_text(c.scope.period).as_deref(), Some("2026"));
    assert_eq!(tag_text(c.scope.source).as_deref(), Some("Pedalstat Analytics"));
    let c = find(text, Kind::Superlative, "market leader");
    assert_eq!(c.subject.as_ref().map(|s| s.text.as_str()), Some("Tarn Cycles"));
    assert_eq!(tag_text(c.scope.metric), None);
    assert_eq!(subject_text(text, Kind::Rank, "number-one"), None);
}

/// "国产品牌整体市场占有率": the players are no market; "企业级WLAN市场" is one.
#[test]
fn regression_zh_players_are_no_market() {
    let text = "2026年上半年，国产品牌整体市场占有率首次超过55%。";
    assert_ne!(tag_text(find(text, Kind::Share, "55%").scope.market).as_deref(), Some("国产品牌整体"));
    let text = "2026年上半年，澜海在企业级WLAN市场以31.4%的份额位居第一。";
    assert_eq!(tag_text(find(text, Kind::Share, "31.4%").scope.market).as_deref(), Some("企业级WLAN"));
}

/// "澜海，国民燃气灶领导品牌": a clause that is only a name holds the claim the next clause
/// makes; "第三名为石桥电器" and "就有3台是澜海" name the holder after 是/为; a platform whose
/// category ranks brands (天猫…品类销量TOP1) is where, not who; "2023年1月-2025年12月" is one
/// period.
#[test]
fn regression_zh_appositive_names_holders_after_the_verb_platforms_and_month_spans() {
    let text = "澜海，国民燃气灶领导品牌。";
    assert_eq!(subject_text(text, Kind::Superlative, "领导品牌").as_deref(), Some("澜海"));
    let text = "据洛图科技监测，第三名为石桥电器，份额为13.8%。";
    assert_eq!(subject_text(text, Kind::Rank, "第三名").as_deref(), Some("石桥电器"));
    let text = "每卖出10台燃气灶，就有3台是澜海。";
    assert_eq!(subject_text(text, Kind::Share, "每卖出").as_deref(), Some("澜海"));
    let text = "连续三年天猫燃气灶品类销量TOP1*\n\n*数据来源：天猫平台，2023年1月-2025年12月，燃气灶类目销量排名。";
    let c = find(text, Kind::Rank, "TOP1");
    assert_ne!(c.subject.as_ref().map(|s| s.text.as_str()), Some("天猫"));
    assert_eq!(tag_text(c.scope.period).as_deref(), Some("2023年1月-2025年12月"));
}

/// "by number of current accounts" says what is counted; the Competition and Markets Authority
/// is one measurer, not "Markets Authority".
#[test]
fn regression_a_count_named_by_number_of_and_a_regulator_with_and_in_its_name() {
    let text = "By number of current accounts, Heyford held the top position, with a 19% share in \
                2025, the Competition and Markets Authority said.";
    let c = find(text, Kind::Share, "19%");
    assert_eq!(tag_text(c.scope.metric).as_deref(), Some("number of current accounts"));
    assert_eq!(tag_text(c.scope.source).as_deref(), Some("Competition and Markets Authority"));
}

/// "against 39% for cable and 25% for broadcast", "leaving 29.5% for everyone else": a listed
/// share is held by what follows its "for", but "30% for the year" is timed, not held; a
/// Chinese claim ending in a multi-byte character is read without slicing inside it.
#[test]
fn regression_a_listed_share_is_held_by_what_follows_for() {
    let text = "Streaming accounted for 26% of TV time, against 39% for cable and 25% for broadcast. \
                The top two took 60%, leaving 29.5% for everyone else. Acme held 30% for the year.";
    assert_eq!(subject_text(text, Kind::Share, "39%").as_deref(), Some("cable"));
    assert_eq!(subject_text(text, Kind::Share, "25%").as_deref(), Some("broadcast"));
    assert_eq!(subject_text(text, Kind::Share, "29.5%").as_deref(), Some("everyone else"));
    assert_eq!(subject_text(text, Kind::Share, "30%").as_deref(), Some("Acme"));
    let next = "Amazon took 37.6%. The next 14 biggest digital retailers made up 31.0% combined.";
    assert_eq!(subject_text(next, Kind::Share, "31.0%").as_deref(), Some("The next 14 biggest digital retailers"));
    let zh = "支付宝以53.7%的交易份额位居第一。";
    assert_eq!(subject_text(zh, Kind::Share, "53.7%").as_deref(), Some("支付宝"));
}

/// "陕汽和重汽分列第三、第四位", "今年上半年澜海和石桥分别位列第一、第二": names the lexicon
/// does not know, joined by 和/、, take their places in order.
#[test]
fn regression_zh_unknown_names_joined_by_he_take_places_in_order() {
    let text = "其中，三一重卡位居第一；陕汽和重汽分列第三、第四位。";
    assert_eq!(subject_text(text, Kind::Rank, "第四位").as_deref(), Some("重汽"));
    let text = "今年上半年澜海和石桥分别位列第一、第二。";
    assert_eq!(subject_text(text, Kind::Rank, "位列第一").as_deref(), Some("澜海"));
    assert_eq!(subject_text(text, Kind::Rank, "第二").as_deref(), Some("石桥"));
}

/// "Nexa Research POS Tracker": the firm is the source, not the firm plus its product's name;
/// the note's "installed terminals" is what is counted and "2024-2026" one span of years.
#[test]
fn regression_a_trackers_firm_its_installed_base_and_a_span_of_years() {
    let text = "Lumora Named the No. 1 Restaurant POS Provider in North America*\n\n\
                Lumora holds a 23 percent share of installed restaurant terminals in North America.\n\n\
                *Based on installed terminals at independent restaurants, Nexa Research POS Tracker, 2024-2026.";
    let top = find(text, Kind::Rank, "No. 1");
    assert_eq!(tag_text(top.scope.source).as_deref(), Some("Nexa Research"));
    assert_eq!(tag_text(top.scope.metric).as_deref(), Some("installed terminals"));
    assert_eq!(tag_text(top.scope.period).as_deref(), Some("2024-2026"));
    let share = find(text, Kind::Share, "23 percent");
    assert_eq!(tag_text(share.scope.metric).as_deref(), Some("installed restaurant terminals"));
    let insights = "Apple led with 19.8% of shipments in 2Q26, according to the Kestrel Insights Wearables Tracker.";
    assert_eq!(source(insights, Kind::Share, "19.8%").as_deref(), Some("Kestrel Insights"));
    let between = "Acme ranked first by sales between 2021 and 2025, Halvard Analytics said.";
    assert_eq!(tag_text(find(between, Kind::Rank, "first").scope.period).as_deref(), Some("2021 and 2025"));
}

/// "Restaurants choose us because we are the fastest…" had been held by "Restaurants": a "we"
/// between the name and the claim is the speaker's firm.
#[test]
fn regression_a_we_after_a_name_is_the_speakers_firm() {
    let text = "\"Restaurants choose us because we're the fastest system on the market,\" said Carla Mendes, \
                chief executive of Lumora.";
    assert_eq!(subject_text(text, Kind::Superlative, "fastest").as_deref(), Some("Lumora"));
    let named = "\"Restaurants choose Lumora because it is the fastest system on the market,\" said Carla Mendes, \
                 an analyst at Nexa Research.";
    assert_ne!(subject_text(named, Kind::Superlative, "fastest").as_deref(), Some("Nexa Research"));
}

/// Ad copy titled with a brand no lexicon knows ("净界 X7 洗地机") had its boasts held by nobody:
/// the title's opening brand is the advertiser.
#[test]
fn regression_an_ad_titled_with_its_brand_is_the_brands() {
    let zh = "净界 X7 洗地机\n\n连续5年全国销量遥遥领先*\n\n中国洗地机行业领导品牌。\n\n\
              *数据来源：奥维云网（AVC）中国洗地机线上零售监测，2021年1月-2025年12月零售额。\n";
    assert_eq!(subject_text(zh, Kind::Superlative, "遥遥领先").as_deref(), Some("净界"));
    assert_eq!(subject_text(zh, Kind::Superlative, "领导品牌").as_deref(), Some("净界"));
    let en = "Roveo S9 Ultra: Germany's No.1* robot vacuum brand\n\nMeet the Roveo S9 Ultra.\n\n\
              *Source: Markt Panel, robot vacuum sales value, 2025.\n";
    assert_eq!(subject_text(en, Kind::Rank, "No.1").as_deref(), Some("Roveo"));
    // A title that opens with a claim names no brand.
    let claim_title = "全国销量第一 洗地机\n\n连续5年全国销量遥遥领先*\n\n*数据来源：奥维云网（AVC），2025年零售额。\n";
    assert_eq!(subject_text(claim_title, Kind::Superlative, "遥遥领先"), None);
}

/// An ad whose name line runs straight into its tagline ("VANTORI AERO X2" over "Lighter.
/// Quieter.") has no title block: its boasts were held by nobody. The first line names the brand,
/// and the body's "Vantori" is that brand whatever its case, so its "No. 1" is a self-description.
#[test]
fn regression_an_ads_name_line_over_its_tagline_is_the_brand() {
    let en = "VANTORI AERO X2\nLighter. Quieter. Further.\n\nMeet the first folding drone with a 4K gimbal.\n\n\
              Industry-leading flight time.\nBest-in-class obstacle sensing.\n\n\
              THE NO.1 CONSUMER DRONE BRAND IN EUROPE*\n\
              Vantori ranked first in European consumer drone sales last year.*\n\n\
              *Source: Markt Panel, consumer drone sales value, 2025.\n";
    let holder = subject_text(en, Kind::Superlative, "Industry-leading").map(|s| s.to_lowercase());
    assert_eq!(holder.as_deref(), Some("vantori"));
    let ranked = find(en, Kind::Rank, "ranked first");
    assert!(ranked.flags.iter().any(|f| f.code == "extreme-term"), "{:?}", ranked.flags);
    // A first line that reads as a sentence names nothing.
    let sentence = "Lighter, quieter and further than before.\nIndustry-leading flight time.\n\n\
                    *Source: Markt Panel, consumer drone sales value, 2025.\n";
    assert_eq!(subject_text(sentence, Kind::Superlative, "Industry-leading"), None);
}

/// A release that names its issuer in its title let a boast with no named holder go unflagged
/// ("按门店数计已是“中国第一”"): in promotional copy such a boast is the issuer's own.
#[test]
fn regression_an_unattributed_boast_in_a_named_issuers_release_is_its_own() {
    let zh = "美的集团今日发布年度报告\n\n【公司公告】2025年3月3日，美的集团发布年度报告。我们感谢投资者的信任。\n\n\
              一年多前公司首次递交上市申请时，按门店数计已是“中国第一”。我们将继续扩大门店网络，我们的目标不变。\n";
    let c = find(zh, Kind::Rank, "第一");
    assert!(c.flags.iter().any(|f| f.code == "extreme-term"), "{:?}", c.flags);
}

/// "新能源车零售", "零售份额", "smartphone retail revenue": retail is the channel a figure is counted
/// in; the product beside it is the market.
#[test]
fn regression_retail_beside_a_product_or_a_figure_is_no_market() {
    let zh = "乘联会数据显示，10月新能源车零售销量达到132.6万辆。比亚迪以31.2%的零售份额位居第一。";
    assert_eq!(tag_text(find(zh, Kind::Share, "31.2%").scope.market).as_deref(), Some("新能源车"));
    let en = "Counterpoint estimates that Samsung took 22.4% of smartphone retail revenue in India.";
    assert_eq!(tag_text(find(en, Kind::Share, "22.4%").scope.market).as_deref(), Some("smartphone"));
    let mk = "从厂商份额来看，阿里云以26.8%的市场份额位居首位。";
    assert_eq!(tag_text(find(mk, Kind::Share, "26.8%").scope.metric), None);
}

/// "两家合计拿下超九成", "前两家合计占比超过七成", "the top three now hold…" had been held by the
/// count itself: the holders are the names it counts, the ones just named or the top of the
/// ranking, and the claim says how many hold it together.
#[test]
fn regression_a_count_of_holders_names_them() {
    let zh = "支付宝以53.7%的交易份额居首；财付通（含微信支付）以39.51%的份额位列第二。两家合计拿下超九成的市场份额。";
    let c = find(zh, Kind::Share, "超九成");
    assert_eq!(tag_text(c.subject).as_deref(), Some("支付宝、财付通"));
    assert_eq!(c.holders, Some(2));
    let list = "支付宝、拉卡拉和财付通蝉联TOP3，三家交易份额合计超过94%。";
    assert_eq!(subject_text(list, Kind::Share, "94%").as_deref(), Some("支付宝、拉卡拉和财付通"));
    let one = "按装车量计，宁德时代以48.2%的占比位居第一，一家企业就拿下了近五成的装车量。";
    let c = find(one, Kind::Share, "近五成");
    assert_eq!(tag_text(c.subject).as_deref(), Some("宁德时代"));
    assert_eq!(c.holders, None);
    let top = "Hexa dominates with a 70.2% share. Sorin remained the runner-up with 7.3%. Malt held third \
               place with 5.1 percent. Dova ranked fourth and Lenn fifth. Taken together, the top three now \
               hold more than four-fifths of total revenue.";
    let c = find(top, Kind::Share, "four-fifths");
    assert_eq!(tag_text(c.subject).as_deref(), Some("Hexa, Sorin, Malt"));
    assert_eq!(c.holders, Some(3));
    // A count that describes its members is a group of its own.
    let group = "晶科能源、天合光能、隆基绿能和晶澳科技出货领先。四家垂直一体化企业继续包揽前四名。";
    assert_eq!(subject_text(group, Kind::Rank, "前四名").as_deref(), Some("四家垂直一体化企业"));
}

/// "PS5 is the best-selling hardware in dollars while Switch leads in units" had given "leads"
/// to PS5, the one name the lexicon knew; "Walmart to overtake Apple and become the
/// third-largest" gave it to Apple, the object of "overtake".
#[test]
fn regression_the_nearer_unknown_name_and_the_object_of_a_pass() {
    let text = "For the year so far, PS5 is the best-selling hardware in dollars while Switch leads in units.";
    assert_eq!(subject_text(text, Kind::Superlative, "leads").as_deref(), Some("Switch"));
    assert_eq!(subject_text(text, Kind::Superlative, "best-selling").as_deref(), Some("PS5"));
    let pass =
        "eMarketer expected Walmart to overtake Apple and become the third-largest US retailer by ecommerce sales.";
    assert_eq!(subject_text(pass, Kind::Rank, "third-largest").as_deref(), Some("Walmart"));
    // A known name's own last word, and a name joined to it, are not a nearer holder.
    let joined = "Netflix held 31% of subscriptions, with Disney+ and Max the runners-up.";
    assert_eq!(subject_text(joined, Kind::Rank, "runners-up").as_deref(), Some("Disney+"));
    let whole = "Further down the list, Hua Hong Group came in sixth.";
    assert_ne!(subject_text(whole, Kind::Rank, "sixth").as_deref(), Some("Group"));
}

/// "增速在前五大品牌中最快" had been held by 增速 and "门店数量位居…第二" by nobody: a clause opening
/// with what is counted is about its sentence's topic; the issuer speaking of itself (本公司) goes
/// on holding the bare claims after it.
#[test]
fn regression_a_counted_word_holds_nothing_and_the_issuer_goes_on() {
    let growth = "小米销量同比增长12%，增速在前五大品牌中最快，份额升至14.3%。";
    assert_eq!(subject_text(growth, Kind::Superlative, "最快").as_deref(), Some("小米"));
    let stores = "截至2026年6月30日，本公司门店总数达9,216家，门店数量位居中国连锁咖啡品牌第二。";
    assert_eq!(subject_text(stores, Kind::Rank, "第二").as_deref(), Some("本公司"));
    let own = "根据弗若斯特沙利文的资料，按2025年零售额计，本公司在中国现制咖啡市场的份额约为9.4%，排名第三。";
    assert_eq!(subject_text(own, Kind::Rank, "排名第三").as_deref(), Some("本公司"));
}

/// Four readings from a browser-share story and an insurer's release: a cause ("helped by strong
/// iPhone sales") is not what a share counts; an analyst's firm ("an analyst at Webmetric") is a
/// source; "the state Division of Insurance" is one; and "the company" in the claim's own clause
/// holds it, not a study named in the clause before.
#[test]
fn regression_causes_analysts_agencies_and_the_company() {
    let cause = "Apple's Safari remained second, helped by strong iPhone sales, according to StatCounter.";
    assert_eq!(tag_text(find(cause, Kind::Rank, "second").scope.metric), None);
    let counted = "Apple's Safari remained second by sales, according to StatCounter.";
    assert_eq!(tag_text(find(counted, Kind::Rank, "second").scope.metric).as_deref(), Some("sales"));
    let analyst = "\"Safari is now the fastest-growing browser in Europe,\" said Mara Lind, an analyst at Webmetric.";
    assert_eq!(source(analyst, Kind::Superlative, "fastest-growing").as_deref(), Some("Webmetric"));
    let agency = "Harbor Mutual is the state's second-largest auto insurer by premiums written, according to the \
                  state Division of Insurance.";
    assert_eq!(source(agency, Kind::Rank, "second-largest").as_deref(), Some("Division of Insurance"));
    let company = "Harbor Mutual ranked first in the 2026 Veridata Study, the fifth consecutive year the company \
                   has earned the top spot.";
    assert_eq!(subject_text(company, Kind::Rank, "top spot").as_deref(), Some("Harbor Mutual"));
}

/// From an ad, a plant-milk story and a battery maker's news (probe documents of my own):
/// efficacy is no share, "a distant third" is a place, "a 2025 survey" is a vague source that
/// still dates the claim, and a name taken by 仅次于 or "overtaking" is an object unless the
/// claim is in its relative clause.
#[test]
fn regression_efficacy_distant_places_dated_surveys_and_objects() {
    assert!(scan("Clinically proven to remove 95% of surface stains.").is_empty());
    assert_eq!(find("Soy was a distant third.", Kind::Rank, "third").value, Some(3.0));
    assert!(scan("Its share was a third of the total.").iter().all(|c| c.kind != Kind::Rank));
    let ad = "GLOWMINT STRIPS\n\nAmerica's #1 dentist-recommended whitening brand*\n\n\
              *Based on a 2025 survey of 400 US dentists who recommend whitening strips.\n";
    let top = find(ad, Kind::Rank, "#1");
    assert_eq!(tag_text(top.scope.period).as_deref(), Some("2025"));
    assert!(top.flags.iter().any(|f| f.code == "vague-source"), "{:?}", top.flags);
    let zh = "据GGII统计，2025年海岚科技储能电池出货量全球排名第二，仅次于宁德时代，市场份额约为15%。";
    assert_eq!(subject_text(zh, Kind::Rank, "排名第二").as_deref(), Some("海岚科技"));
    assert_eq!(subject_text(zh, Kind::Share, "15%").as_deref(), Some("海岚科技"));
    let relative = "Huawei claimed first place, overtaking Xiaomi, which slipped to runner-up.";
    assert_eq!(subject_text(relative, Kind::Rank, "runner-up").as_deref(), Some("Xiaomi"));
    assert!(scan("公司表示，海外收入占比已提升至45%，其中欧洲是最大的海外市场。").is_empty());
}

/// "海岚科技：储能电池出货量连续三年全球第二" had been held by 储能电池: a market and its metric
/// name what is counted, and the name before the title's colon holds it (a measurer there,
/// "Counterpoint：…华为重回…第一", still does not).
#[test]
fn regression_a_titles_name_before_its_colon_holds_a_counted_claim() {
    let title = "海岚科技：储能电池出货量连续三年全球第二\n\n正文。\n";
    assert_eq!(subject_text(title, Kind::Rank, "第二").as_deref(), Some("海岚科技"));
    let measured = "Counterpoint：第三季度华为重回中国智能手机市场第一\n\n正文。\n";
    assert_eq!(subject_text(measured, Kind::Rank, "第一").as_deref(), Some("华为"));
}

/// "Ardent expects smart rings to make up 12%" had been held by Ardent, which then stood as its
/// own source: the forecaster measured it, what it forecasts holds it; a forecast figure ("that
/// proportion") holds nothing.
#[test]
fn regression_a_forecasters_object_holds_the_share() {
    let text = "Ardent expects smart rings to make up 12% of wearable shipments by 2028.";
    let c = find(text, Kind::Share, "12%");
    assert_eq!(tag_text(c.subject).as_deref(), Some("smart rings"));
    assert_eq!(tag_text(c.scope.source).as_deref(), Some("Ardent"));
    let figure = "OLED made up 45% of premium TV shipments, and Omdia expects that proportion to reach 53.8% in 2025.";
    assert_ne!(subject_text(figure, Kind::Share, "53.8%").as_deref(), Some("proportion"));
}

/// Retail panels and accounts date a figure by the stretch that closes on a date: "the 52 weeks
/// ended January 25" is the period, not a bare "January 25" or nothing at all.
#[test]
fn regression_a_stretch_ended_on_a_date_is_the_whole_period() {
    let text = "Brightwater led the refrigerated oat milk category in US grocery stores with 31% of \
                dollar sales in the 52 weeks ended January 25, according to Circana.";
    assert_eq!(period(text, Kind::Share, "31%").as_deref(), Some("52 weeks ended January 25"));
    let text = "Harrowgate's share of the grocery market was 27.9% in the 12 weeks to 7 September 2025.";
    assert_eq!(period(text, Kind::Share, "27.9%").as_deref(), Some("12 weeks to 7 September 2025"));
    let text = "For the year ended June 30, 2025, Orbion ranked second in Brazilian cloud revenue.";
    assert_eq!(period(text, Kind::Rank, "ranked second").as_deref(), Some("year ended June 30, 2025"));
}

fn metric(text: &str, kind: Kind, needle: &str) -> Option<String> {
    tag_text(find(text, kind, needle).scope.metric)
}

/// "in US grocery stores", "media outlets": where goods are sold, or news, is not a count of
/// stores; the dollar sales the sentence names are what is counted.
#[test]
fn regression_stores_where_goods_are_sold_are_not_the_metric() {
    let text = "Brightwater led the refrigerated oat milk category in US grocery stores with 31% of \
                dollar sales, according to Circana.";
    assert_eq!(metric(text, Kind::Superlative, "led").as_deref(), Some("dollar sales"));
    let text = "Posters in retail stores call three different brands the No. 1 phone.";
    assert_eq!(metric(text, Kind::Rank, "No. 1"), None);
    let text = "Harrowgate runs the most stores of any UK grocer, and ranks first by number of stores.";
    assert_eq!(metric(text, Kind::Rank, "ranks first").as_deref(), Some("number of stores"));
}

/// "the #1 selling pickup" counts sales, as "the best-selling pickup" does.
#[test]
fn regression_a_number_one_selling_claim_counts_sales() {
    let text = "Ridgeline has been America's No. 1-selling pickup for 40 years.";
    let c = find(text, Kind::Rank, "No. 1");
    assert_eq!(c.text, "No. 1-selling");
    assert_eq!(tag_text(c.scope.metric).as_deref(), Some("selling"));
}

/// "BYD overtook Tesla as Europe's best-selling carmaker": the verb gives the place the claim
/// names, so the measurer the sentence cites stands behind it; "As the market leader, Acme…"
/// only describes.
#[test]
fn regression_a_place_taken_as_something_is_a_claim_not_a_description() {
    let text = "BYD overtook Tesla as Europe's best-selling electric carmaker in April, data from \
                industry researcher JATO Dynamics showed.";
    assert_eq!(source(text, Kind::Superlative, "best-selling").as_deref(), Some("JATO Dynamics"));
    let text = "As the market leader, Acme will open 40 stores in April, data from JATO Dynamics showed.";
    assert_eq!(source(text, Kind::Superlative, "the market leader"), None);
    // The paragraph's measurer and period scope a place the next sentence gives.
    let text = "Registrations tracked by Drone Industry Insights through July 2020 give Skyra a 76.1% \
                market share in the US. Orvane came out as No. 2, thanks to its light-show fleets.";
    assert_eq!(source(text, Kind::Rank, "No. 2").as_deref(), Some("Drone Industry Insights"));
}

/// "Norvik and Halden each claim to be No. 1", "禾泉方面则坚称自己仍是…第二": a claim its
/// holder is said to profess takes no measurer or period from the article around it.
#[test]
fn regression_a_professed_claim_is_not_measured_by_the_articles_sources() {
    let text = "Norvik and Halden each claim to be No. 1 in TVs\n\n\
                OSLO, February 2025 - Norvik says it captured 28.3% of the global TV market in 2024, \
                according to Omdia.";
    assert_eq!(source(text, Kind::Rank, "No. 1"), None);
    assert_eq!(period(text, Kind::Rank, "No. 1"), None);
    let zh = "据奥维云网数据，今年8月星澜以16.7%的线上市占率超越海川。海川方面则坚称自己仍是空调线上市场第二。";
    assert_eq!(source(zh, Kind::Rank, "第二"), None);
    assert_eq!(source(zh, Kind::Share, "16.7%").as_deref(), Some("奥维云网"));
}

/// "all drones registered with the FAA": the things counted as they were registered are what a
/// share of them counts; a lone participle was dropped as if it were a capitalised opener.
#[test]
fn regression_things_registered_are_the_measure_of_a_share() {
    let text = "Skyline Data looked at all drones registered with the FAA in 2020. On that basis \
                Corvid leads with a 70% market share in the US.";
    let metric = |needle| tag_text(find(text, Kind::Share, needle).scope.metric);
    assert_eq!(metric("70% market share").as_deref(), Some("registered"));
    // Securities and offices are registered too, and measure no market.
    let text = "Halden's shares registered in London rose. Halden holds a 20% share of the market.";
    assert_eq!(tag_text(find(text, Kind::Share, "20% share").scope.metric), None);
}

/// "The list is based on each company's revenue", 榜单依据各乳企的营业额排定: a ranking's basis
/// stated once, in a paragraph of its own, is what every place on that list counts; a share,
/// or a place the holder claims for itself, is not on that list.
#[test]
fn regression_a_rankings_stated_basis_measures_its_places() {
    let metric = |text: &str, kind, needle| tag_text(find(text, kind, needle).scope.metric);
    let text = "Halden ranked fifth on the Dairy 20 list published by Rabo Partners in July.\n\n\
                Halden also holds 12% of the cheese market in Norway.\n\n\
                The list is based on each company's dairy revenue in the previous year.";
    assert!(
        metric(text, Kind::Rank, "fifth").is_some_and(|m| m.contains("revenue")),
        "{:?}",
        metric(text, Kind::Rank, "fifth")
    );
    assert_eq!(metric(text, Kind::Share, "12%"), None);
    let zh = "在荷兰合作银行发布的全球乳企20强排行中，禾牧乳业排名第五。\n\n该排行主要依据各乳企上一财年的营业额排定。";
    assert_eq!(metric(zh, Kind::Rank, "排名第五").as_deref(), Some("营业额"));
    let own = "禾牧乳业表示，公司已是亚洲乳业第一品牌。\n\n全球乳企20强排行主要依据各乳企上一财年的营业额排定。";
    assert_eq!(metric(own, Kind::Rank, "第一"), None);
    // A sentence with a place of its own measures that place, not the list.
    let text = "Helvara is the No. 1 sovereign cloud in Europe.\n\n\
                Measured by revenue, Nordwolk ranked third in the Nordic rankings.";
    assert_eq!(metric(text, Kind::Rank, "No. 1"), None);
    let own =
        "Halden said it was the No. 1 dairy brand in Asia.\n\nThe Dairy 20 list is based on each company's revenue.";
    assert_eq!(metric(own, Kind::Rank, "No. 1"), None);
}

/// "Now look at Paymetrics, which calculated that Halden's share reached 56.7%": a measurer
/// introduced by a relative clause measured the figure in it, and the paragraph's later figures
/// "on the same method".
#[test]
fn regression_a_measurer_in_a_relative_clause_is_the_source() {
    let text = "Now look at Paymetrics, which calculated that Halden's share of online sales reached \
                56.7% in 2021. On the same method Vexa ended 2021 with a 6.2% portion of online sales.";
    assert_eq!(source(text, Kind::Share, "56.7%").as_deref(), Some("Paymetrics"));
    assert_eq!(source(text, Kind::Share, "6.2%").as_deref(), Some("Paymetrics"));
}

/// "Norvik says it captured 28.3%… The company attributes the figures to research firm
/// Omdia": a holder reporting its own figures keeps the measurer it cites for them beside
/// them; a later paragraph of its claims is not covered by that citation.
#[test]
fn regression_a_holder_keeps_the_measurer_it_cites() {
    let text = "Norvik says it captured 28.3% of the global TV market in 2024. The company attributes \
                the figures to research firm Omdia.\n\n\
                Norvik also claims 46.8% of the QLED TV segment.";
    assert_eq!(source(text, Kind::Share, "28.3%").as_deref(), Some("Omdia"));
    assert_eq!(source(text, Kind::Share, "46.8%"), None);
}

/// "…against 39% for cable and 25% for broadcast, which left cable as the single biggest
/// category", "enjoyed a decade-long run as the best-selling drug": a verb that leaves a holder
/// in a place, or a run in it, gives that place, scoped as the figures
/// around it are; "as" after it does not make it a mere description.
#[test]
fn regression_left_as_the_biggest_is_a_place_not_a_description() {
    let text = "According to Screenwatch, streaming accounted for 26% of TV time in May 2021, against \
                39% for cable, which left cable as the single biggest category.";
    assert_eq!(source(text, Kind::Superlative, "biggest").as_deref(), Some("Screenwatch"));
    assert_eq!(period(text, Kind::Superlative, "biggest").as_deref(), Some("May 2021"));
    // A run, a reign or a streak as the best-selling one is a place held.
    let text = "According to Pharmatrack, Halden's Vexil enjoyed a decade-long run as the best-selling drug.";
    assert_eq!(source(text, Kind::Superlative, "best-selling").as_deref(), Some("Pharmatrack"));
}
