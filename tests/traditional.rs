//! Traditional Chinese is read through its Simplified fold: the same claims, scopes and flags as
//! the Simplified text, with every span and quoted text taken from the document as written.

use claimscope::{Claim, Document, Scanner};

/// A Taiwanese release and news item, written for this test: shares, ranks, a superlative, and
/// the hard negatives (growth, a share of its own revenue, a survey) that must stay out.
const TRADITIONAL: &str = "\
星曜科技公布2025年上半年營運成果

根據IDC台灣個人電腦市場報告，星曜2025年第二季在台灣筆記型電腦市場出貨量市佔率達31.2%，連續六季位居第一。

星曜的電競筆電市佔率約四成，創作者筆電以27.5%的市佔率排名第二。

上半年合併營收年增12.4%；電競產品佔公司營收比重達38%。調查顯示87%的受訪者滿意，記憶體價格上漲超過20%。

星曜號稱擁有業界領先的散熱技術，是台灣最大的筆電品牌。
";

fn scan(scanner: &Scanner, text: &str) -> Vec<Claim> {
    scanner.scan(&Document::from_text(text.to_string()))
}

/// What a claim says apart from the words it quotes.
fn shape(c: &Claim) -> String {
    let ids = [&c.scope.metric, &c.scope.market, &c.scope.geography, &c.scope.period, &c.scope.source]
        .map(|t| t.as_ref().map(|t| (t.id.clone(), t.at.map(|s| (s.start, s.end)), t.via)));
    let flags: Vec<&str> = c.flags.iter().map(|f| f.code.as_str()).collect();
    let subject = c.subject.as_ref().map(|s| (s.id.clone(), s.at.map(|s| (s.start, s.end))));
    format!(
        "{} {:?} {:?} {} {:?} {:?} {:?} {:?}",
        c.rule,
        c.kind,
        c.span,
        c.value.unwrap_or(-1.0),
        c.top,
        subject,
        ids,
        flags
    )
}

#[test]
fn traditional_text_reads_as_its_simplified_fold() {
    let scanner = Scanner::with_defaults().unwrap();
    let folded = claimscope::fold::fold(TRADITIONAL).expect("the text is Traditional");
    let (tr, si) = (scan(&scanner, TRADITIONAL), scan(&scanner, &folded));
    assert_eq!(tr.iter().map(shape).collect::<Vec<_>>(), si.iter().map(shape).collect::<Vec<_>>());
    let texts: Vec<&str> = tr.iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "市佔率達31.2%",
            "位居第一",
            "市佔率約四成",
            "27.5%的市佔率",
            "排名第二",
            "業界領先的散熱技術",
            "最大的筆電品牌"
        ]
    );
    for c in &tr {
        assert_eq!(&TRADITIONAL[c.span.start..c.span.end], c.text, "a claim quotes the input as written");
        let tags = [&c.scope.metric, &c.scope.market, &c.scope.geography, &c.scope.period, &c.scope.source];
        for t in tags.into_iter().flatten() {
            if let Some(at) = t.at {
                assert_eq!(TRADITIONAL[at.start..at.end].trim(), t.text, "a tag quotes the input as written");
            }
        }
    }
}

#[test]
fn traditional_scope_tags_carry_the_simplified_ids() {
    let scanner = Scanner::with_defaults().unwrap();
    let claims = scan(&scanner, TRADITIONAL);
    let first = &claims[0];
    let id = |t: &Option<claimscope::model::Tag>| t.as_ref().and_then(|t| t.id.clone());
    assert_eq!(first.scope.metric.as_ref().map(|t| t.text.as_str()), Some("出貨量"));
    assert_eq!(id(&first.scope.metric).as_deref(), Some("metric.shipments"));
    assert_eq!(id(&first.scope.source).as_deref(), Some("source.idc"));
    assert_eq!(first.scope.geography.as_ref().map(|t| t.text.as_str()), Some("台灣"));
}
