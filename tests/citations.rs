//! Citations through the command line: markers linked to reference entries, and
//! `--check-citations` against pages served from 127.0.0.1 that do and do not hold the figure,
//! in English and Chinese, with every way a fetch can fail, the private-address guard, the
//! cache, and one fetch per URL however many documents cite it.

mod common;

use common::*;
use serde_json::Value;
use std::time::Duration;
use wiremock::ResponseTemplate;

const EN_HOLDS: &str = "<!doctype html><html lang=\"en\"><head><title>Cloud tracker</title></head><body>\
    <nav>No. 1 in news</nav><main><h1>Public cloud, 2024</h1><p>Acme held 46.4 percent of China&#39;s \
    public cloud market in 2024.</p><p>Bolt ranked second.</p></main></body></html>";

const ZH_HOLDS: &str = "<html lang=\"zh-CN\"><head><meta charset=\"gbk\"><title>公有云</title></head><body><article>\
    <p>2024年，阿克米占中国公有云市场的百分之四十六点四，博尔特排名第二。</p></article></body></html>";

const LACKS: &str = "Acme took 41% of spending in 2024. Bolt came third.";

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

/// A Markdown article citing each URL in turn from a numbered reference list: claim i cites [i].
fn article(sentences: &[&str], urls: &[String]) -> String {
    let body: Vec<String> = sentences.iter().enumerate().map(|(i, s)| format!("{s} [{}]", i + 1)).collect();
    let refs: Vec<String> =
        urls.iter().enumerate().map(|(i, u)| format!("{}. IDC, Cloud tracker, {u}", i + 1)).collect();
    format!("# Cloud in 2024\n\n{}\n\n## References\n\n{}\n", body.join("\n\n"), refs.join("\n"))
}

/// Every citation in a report, with the text of the claim that carries it.
fn citations(report: &Value) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for d in documents(report) {
        for c in claims(d) {
            for x in c["citations"].as_array().into_iter().flatten() {
                out.push((c["text"].as_str().unwrap().to_string(), x.clone()));
            }
        }
    }
    out
}

fn status_of<'a>(cites: &'a [(String, Value)], claim: &str) -> &'a Value {
    &cites.iter().find(|(t, _)| t == claim).unwrap_or_else(|| panic!("no citation on {claim:?}: {cites:#?}")).1
}

fn flag_codes(report: &Value) -> Vec<String> {
    let mut out = Vec::new();
    for d in documents(report) {
        for c in claims(d) {
            for f in c["flags"].as_array().unwrap() {
                out.push(f["code"].as_str().unwrap().to_string());
            }
        }
    }
    out
}

#[test]
fn a_cited_page_holding_the_figure_supports_it_in_english_and_chinese() {
    let s = Server::start();
    s.mount("/en", page(EN_HOLDS, "text/html; charset=utf-8"));
    s.mount("/zh", page(gbk(ZH_HOLDS), "text/html; charset=gbk"));
    s.mount("/lacks", page(LACKS, "text/plain"));
    let share = "Acme held 46.4% of China's public cloud market in 2024, IDC said.";
    let doc = article(&[share, share, share], &[s.url("/en"), s.url("/zh"), s.url("/lacks")]);
    let dir = folder(&[("a.md", doc.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["--check-citations", "--allow-private-hosts", "--no-cache", "a.md"]);
    assert_eq!(r.code, 1, "an unsupported citation is a warning: {}", r.stderr);
    let cites = citations(&report);
    let statuses: Vec<&str> = cites.iter().map(|(_, x)| x["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["supported", "supported", "unsupported"], "{cites:#?}");

    // The found span is the page's own bytes: the English page as served, the Chinese one after decoding.
    let found = |i: usize| -> (usize, usize, String) {
        let f = &cites[i].1["found"];
        (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize, f["text"].as_str().unwrap().into())
    };
    let (start, end, text) = found(0);
    assert_eq!(&EN_HOLDS[start..end], text);
    assert_eq!(text, "46.4 percent");
    let (start, end, text) = found(1);
    assert_eq!(&ZH_HOLDS[start..end], text);
    assert_eq!(text, "百分之四十六点四");
    assert_eq!(cites[2].1["detail"], "no 46.4% in the page");
    assert!(cites[2].1.get("found").is_none());
    // One page holding the figure answers for the claim: the third claim cites only the page that lacks it.
    assert_eq!(flag_codes(&report).iter().filter(|c| *c == "citation-unsupported").count(), 1);
    assert!(
        r.stderr
            .contains("citations: 3 checked: 2 supported, 1 unsupported, 0 unreachable; 3 pages read, 0 from cache"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_rank_is_supported_only_beside_its_own_subject() {
    let s = Server::start();
    s.mount("/en", page(EN_HOLDS, "text/html"));
    s.mount("/zh", page(gbk(ZH_HOLDS), "text/html; charset=gbk"));
    s.mount("/lacks", page(LACKS, "text/plain"));
    let doc = article(
        &["Bolt ranked second in 2024.", "Acme ranked second in 2024.", "Bolt ranked second in 2024 by revenue."],
        &[s.url("/en"), s.url("/en"), s.url("/lacks")],
    );
    let dir = folder(&[("a.md", doc.as_bytes())]);
    let (report, _) = scan_json(dir.path(), &["--check-citations", "--allow-private-hosts", "--no-cache", "a.md"]);
    let statuses: Vec<String> = citations(&report).iter().map(|(_, x)| x["status"].as_str().unwrap().into()).collect();
    assert_eq!(statuses, ["supported", "unsupported", "unsupported"]);
    assert_eq!(s.hits("/en"), 1, "one fetch for two citations of one page");
}

#[test]
fn unreachable_pages_say_why() {
    let s = Server::start();
    s.mount("/missing", ResponseTemplate::new(404));
    s.mount("/slow", page(EN_HOLDS, "text/html").set_delay(Duration::from_secs(5)));
    s.mount("/big", page(vec![b'a'; 64 * 1024], "text/plain"));
    let loop_to = |to: &str| ResponseTemplate::new(302).insert_header("Location", to);
    s.mount("/loop1", loop_to("/loop2"));
    s.mount("/loop2", loop_to("/loop1"));
    let urls = ["/missing", "/slow", "/big", "/loop1"].map(|p| s.url(p));
    let sentences = ["Acme held 46.4% of the market in 2024."; 4];
    let doc = article(&sentences, &urls);
    let dir = folder(&[("a.md", doc.as_bytes())]);
    let args = ["--check-citations", "--allow-private-hosts", "--no-cache", "--retries", "0"];
    let mut args = args.to_vec();
    args.extend(["--timeout", "1", "--max-bytes", "10000", "a.md"]);
    let (report, r) = scan_json(dir.path(), &args);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let cites = citations(&report);
    let detail = |i: usize| cites[i].1["detail"].as_str().unwrap_or_default().to_string();
    for (i, (_, x)) in cites.iter().enumerate() {
        assert_eq!(x["status"], "unreachable", "{i}: {x:#}");
    }
    assert!(detail(0).contains("404"), "{}", detail(0));
    assert!(detail(1).contains("timed out"), "{}", detail(1));
    assert!(detail(2).contains("10000"), "{}", detail(2));
    assert!(detail(3).contains("redirect"), "{}", detail(3));
    assert_eq!(flag_codes(&report).iter().filter(|c| *c == "citation-unreachable").count(), 4);
    assert_eq!(s.hits("/missing"), 1, "a 404 is not retried");
}

#[test]
fn private_addresses_are_refused_unless_allowed() {
    let s = Server::start();
    s.mount("/en", page(EN_HOLDS, "text/html"));
    let literal = s.url("/en");
    // The same server by a name that resolves to loopback: refused after DNS, not by spelling.
    let named = literal.replace("127.0.0.1", "localhost");
    let doc = article(&["Acme held 46.4% of the market in 2024.", "Acme held 46.4% of the market."], &[literal, named]);
    let dir = folder(&[("a.md", doc.as_bytes())]);
    let (report, _) = scan_json(dir.path(), &["--check-citations", "--no-cache", "a.md"]);
    for (_, x) in citations(&report) {
        assert_eq!(x["status"], "unreachable", "{x:#}");
        let why = x["detail"].as_str().unwrap();
        assert!(why.contains("loopback") && why.contains("--allow-private-hosts"), "{why}");
    }
    assert_eq!(s.hits("/en"), 0, "nothing reached the private address");
    let (report, _) = scan_json(dir.path(), &["--check-citations", "--no-cache", "--allow-private-hosts", "a.md"]);
    for (_, x) in citations(&report) {
        assert_eq!(x["status"], "supported", "{x:#}");
    }
}

#[test]
fn each_url_is_fetched_once_per_run_and_then_served_from_the_cache() {
    let s = Server::start();
    s.mount("/en", page(EN_HOLDS, "text/html"));
    let doc = article(&["Acme held 46.4% of the market in 2024."], &[s.url("/en")]);
    let files: Vec<(String, Vec<u8>)> = (0..6).map(|i| (format!("d{i}.md"), doc.clone().into_bytes())).collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let dir = folder(&refs);
    let cache = tempfile::tempdir().unwrap();
    let cache_arg = cache.path().to_str().unwrap();
    let args = ["--check-citations", "--allow-private-hosts", "--jobs", "3", "--cache", cache_arg, "."];
    let (report, r) = scan_json(dir.path(), &args);
    assert_eq!(documents(&report).len(), 6);
    assert!(citations(&report).iter().all(|(_, x)| x["status"] == "supported"));
    assert_eq!(s.hits("/en"), 1, "six documents in parallel, one fetch: {}", r.stderr);
    assert!(
        r.stderr.contains("6 checked: 6 supported") && r.stderr.contains("1 page read, 0 from cache"),
        "{}",
        r.stderr
    );

    let (_, again) = scan_json(dir.path(), &args);
    assert_eq!(s.hits("/en"), 1, "the second run reads the cache");
    assert!(again.stderr.contains("1 page read, 1 from cache"), "{}", again.stderr);
}

#[test]
fn without_the_flag_nothing_is_fetched_and_markers_are_still_linked() {
    let s = Server::start();
    s.mount("/en", page(EN_HOLDS, "text/html"));
    let doc = format!(
        "Acme held 46.4% of the market in 2024 [1]. Bolt ranked second [7].\n\n## Sources\n\n1. IDC, {}\n",
        s.url("/en")
    );
    let dir = folder(&[("a.md", doc.as_bytes())]);
    let (report, r) = scan_json(dir.path(), &["a.md"]);
    let cites = citations(&report);
    assert_eq!(status_of(&cites, "46.4%")["status"], "unchecked");
    assert_eq!(status_of(&cites, "46.4%")["reference"]["url"], s.url("/en"));
    assert_eq!(status_of(&cites, "46.4%")["marker"], "[1]");
    let missing = status_of(&cites, "ranked second");
    assert_eq!((&missing["status"], &missing["reference"]), (&Value::from("missing"), &Value::Null));
    assert!(flag_codes(&report).contains(&"citation-missing".to_string()));
    assert_eq!(s.hits("/en"), 0);
    assert!(!r.stderr.contains("citations:"), "no summary without checks: {}", r.stderr);
}

#[test]
fn the_human_report_shows_each_citation_and_its_verdict() {
    let s = Server::start();
    s.mount("/en", page(EN_HOLDS, "text/html"));
    let doc = article(&["Acme held 46.4% of the market in 2024."], &[s.url("/en")]);
    let dir = folder(&[("a.md", doc.as_bytes())]);
    let r = run(
        dir.path(),
        &["scan", "--format", "human", "--check-citations", "--allow-private-hosts", "--no-cache", "a.md"],
    );
    assert!(r.stdout.contains("cites [1] → IDC, Cloud tracker,"), "{}", r.stdout);
    assert!(r.stdout.contains("supported: \"46.4 percent\" in the page"), "{}", r.stdout);
}
