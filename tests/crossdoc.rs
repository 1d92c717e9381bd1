//! Across documents, through the command line: the 2025 "AI cloud No. 1" case (three true
//! claims on different terms must come out incomparable, never in conflict), a planted set with
//! a true conflict, a share overflow, a No. 1 the shares contradict and wrong arithmetic, and the
//! claims matrix in every format.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every flag of the given code in a scan report, as (path, claim text, message).
fn flags(report: &Value, code: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for d in documents(report) {
        for c in claims(d) {
            for f in c["flags"].as_array().unwrap() {
                if f["code"] == code {
                    let path = d["path"].as_str().unwrap().to_string();
                    out.push((
                        path,
                        c["text"].as_str().unwrap().to_string(),
                        f["message"].as_str().unwrap().to_string(),
                    ));
                }
            }
        }
    }
    out
}

#[test]
fn three_true_no1_claims_are_incomparable_and_never_in_conflict() {
    let (report, r) = scan_json(root(), &["corpus/sets/ai-cloud"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(flags(&report, "conflict").is_empty(), "{:#?}", flags(&report, "conflict"));
    let incomparable = flags(&report, "incomparable");
    let between = |a: &str, b: &str| {
        incomparable
            .iter()
            .filter(|(_, _, m)| m.contains(a) && m.contains(b))
            .map(|(_, _, m)| m.clone())
            .collect::<Vec<_>>()
    };
    // Volcano Engine's token calls (IDC, 2024, MaaS) against Alibaba Cloud's revenue (Omdia, H1 2025, AI cloud).
    let va = between("Volcano Engine", "Alibaba Cloud");
    assert!(!va.is_empty(), "{incomparable:#?}");
    for m in &va {
        assert!(m.contains("token calls") && m.contains("revenue"), "metric axis: {m}");
        assert!(m.contains("2024") && m.contains("H1 2025"), "period axis: {m}");
        assert!(m.contains("Omdia") && m.contains("IDC"), "source: {m}");
    }
    assert!(
        va.iter().any(|m| m.contains("MaaS vs AI cloud") || m.contains("AI cloud market vs MaaS")),
        "market axis: {va:#?}"
    );
    // Baidu's AI public cloud services (IDC, 2024) against Alibaba Cloud's AI cloud revenue (Omdia, H1 2025).
    let ba = between("百度智能云", "Alibaba Cloud");
    assert!(
        !ba.is_empty() && ba.iter().all(|m| m.contains("H1 2025 vs 2024") || m.contains("2024 vs H1 2025")),
        "{ba:#?}"
    );
    // Baidu against Volcano Engine: same source and year, different metric and market.
    let bv = between("百度智能云", "Volcano Engine");
    assert!(!bv.is_empty() && bv.iter().all(|m| m.contains("token calls") && !m.contains("2024 vs")), "{bv:#?}");
}

#[test]
fn a_lead_over_the_next_three_combined_is_checked_and_holds() {
    let (report, _) = scan_json(root(), &["corpus/sets/ai-cloud"]);
    let ok = flags(&report, "arithmetic-ok");
    let lead: Vec<_> = ok.iter().filter(|(_, t, _)| t.contains("35.8%")).collect();
    assert_eq!(lead.len(), 2, "English and Chinese releases: {ok:#?}");
    for (_, _, m) in lead {
        assert!(
            m.contains("35.8%")
                && m.contains("14.8%")
                && m.contains("13.1%")
                && m.contains("7%")
                && m.contains("34.9%"),
            "{m}"
        );
    }
    assert!(flags(&report, "arithmetic-wrong").is_empty());
}

#[test]
fn a_tie_told_as_sole_leadership_is_a_warning() {
    let (report, _) = scan_json(root(), &["corpus/sets/ai-cloud"]);
    let tie = flags(&report, "tie-as-sole");
    assert!(tie.iter().any(|(p, _, m)| p.ends_with("zh-baidu-release.md") && m.contains("百度智能云")), "{tie:#?}");
    let f = documents(&report)
        .iter()
        .find(|d| d["path"].as_str().unwrap().ends_with("zh-baidu-release.md"))
        .and_then(|d| {
            claims(d).iter().flat_map(|c| c["flags"].as_array().unwrap()).find(|f| f["code"] == "tie-as-sole").cloned()
        })
        .expect("a tie-as-sole flag in the Baidu release");
    assert_eq!(f["severity"], "warning");
    let related = f["related"].as_array().unwrap();
    assert!(related.iter().any(|r| r["text"] == "并列第一" || r["text"] == "tied for first"), "{related:#?}");
}

#[test]
fn planted_errors_are_found() {
    let (report, r) = scan_json(root(), &["corpus/sets/planted-conflict"]);
    assert_eq!(r.code, 1);
    let conflict = flags(&report, "conflict");
    assert!(
        conflict.iter().any(|(p, _, m)| p.ends_with("en-kestrel-release.md") && m.contains("Orbis Devices")),
        "{conflict:#?}"
    );
    assert!(
        conflict.iter().any(|(p, _, m)| p.ends_with("en-orbis-release.md") && m.contains("Kestrel Mobile")),
        "{conflict:#?}"
    );
    // Each side of the conflict points at the other.
    let d = documents(&report).iter().find(|d| d["path"].as_str().unwrap().ends_with("en-kestrel-release.md")).unwrap();
    let f = claims(d).iter().flat_map(|c| c["flags"].as_array().unwrap()).find(|f| f["code"] == "conflict").unwrap();
    assert!(f["related"][0]["path"].as_str().unwrap().ends_with("en-orbis-release.md"), "{f:#}");
    assert_eq!(f["severity"], "error");

    let overflow = flags(&report, "share-overflow");
    assert_eq!(overflow.len(), 5, "each of the five shares: {overflow:#?}");
    assert!(overflow[0].2.contains("103.4%"));
    let contradicted = flags(&report, "rank-contradicted");
    assert!(
        contradicted.iter().any(|(_, t, m)| t == "排名第一" && m.contains("澜启") && m.contains("28.5%")),
        "{contradicted:#?}"
    );
    let wrong = flags(&report, "arithmetic-wrong");
    assert!(wrong.iter().any(|(_, t, m)| t.contains("75.2%") && m.contains("72.2%")), "{wrong:#?}");
}

#[test]
fn one_document_at_a_time_keeps_its_own_checks_only() {
    let (report, _) = scan_json(root(), &["--no-cross", "corpus/sets/planted-conflict"]);
    assert!(flags(&report, "conflict").is_empty(), "a conflict needs both releases");
    assert_eq!(flags(&report, "share-overflow").len(), 5, "an overflow inside one document is still found");
}

fn matrix(format: &str) -> String {
    let r = run(root(), &["matrix", "--format", format, "corpus/sets/ai-cloud", "corpus/sets/planted-conflict"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn the_matrix_in_every_format() {
    insta::assert_snapshot!("matrix_table", matrix("table"));
    insta::assert_snapshot!("matrix_markdown", matrix("markdown"));
    insta::assert_snapshot!("matrix_csv", matrix("csv"));
    let json: Value = serde_json::from_str(&matrix("json")).unwrap();
    let rows = json["rows"].as_array().unwrap();
    // Grouped by canonical market, parents before children.
    let groups: Vec<&str> = rows.iter().map(|r| r["group"].as_str().unwrap()).collect();
    let pos = |g: &str| groups.iter().position(|x| *x == g).unwrap_or_else(|| panic!("no {g} in {groups:?}"));
    assert!(pos("market.cloud.ai") < pos("market.cloud.ai.maas"));
    assert!(groups.windows(2).all(|w| w[0] <= w[1] || w[1] == "(no market)"), "{groups:?}");
    insta::assert_json_snapshot!("matrix_json", json);
}

#[test]
fn regression_first_in_growth_or_trust_contradicts_no_size_ranking() {
    // "Huawei was the fastest-growing of the top five" had been read as a rival No. 1: it
    // put Apple's top spot in conflict and called the table's largest share contradicted.
    let text = "# Wearables: Apple Holds Top Spot\n\nGlobal wearable shipments reached 52.1 million units in 2Q26, \
                according to Kestrel Insights.\n\n| Vendor | 2Q26 market share |\n|---|---|\n| Apple | 19.8% |\n\
                | Huawei | 14.2% |\n| Samsung | 8.8% |\n\nHuawei was the fastest-growing of the top five in 2Q26, \
                according to Kestrel Insights.\n";
    let dir = folder(&[("wearables.md", text.as_bytes())]);
    let (report, _) = scan_json(dir.path(), &["wearables.md"]);
    for code in ["conflict", "rank-contradicted"] {
        assert!(flags(&report, code).is_empty(), "{code}: {:#?}", flags(&report, code));
    }
    // The same table with a rival told as the leader is still caught.
    let rival = text.replace("was the fastest-growing of the top five", "was the market leader");
    let dir = folder(&[("wearables.md", rival.as_bytes())]);
    let (report, _) = scan_json(dir.path(), &["wearables.md"]);
    assert!(!flags(&report, "rank-contradicted").is_empty() || !flags(&report, "conflict").is_empty());
}
