//! Real-world inputs through the command line: pages fetched from a local HTTP server (UTF-8
//! and GBK, redirects, errors, timeouts, size caps), JSONL record streams (meta, malformed
//! lines, order under --jobs, results while input still arrives), and encodings.

mod common;

use common::*;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;
use wiremock::ResponseTemplate;

const EN_PAGE: &str = "<!doctype html><html lang=\"en\"><head><title>Tablet report</title>\
    <script>var badge = \"No. 1 brand\";</script></head><body><nav><a href=\"/\">Home</a></nav>\
    <article><h1>Tablets in Q2 2025</h1><p>Orbis held a 31.5% share of tablet shipments in Q2 2025, \
    according to IDC.</p></article><footer>A leading publisher</footer></body></html>";

const ZH_TEXT: &str = "据IDC数据显示，2025年第二季度海川以23.4%的份额位居中国平板市场第一。";

fn zh_page() -> String {
    format!(
        "<html lang=\"zh-CN\"><head><title>平板市场</title></head><body><article><p>{ZH_TEXT}</p></article></body></html>"
    )
}

fn gbk(s: &str) -> Vec<u8> {
    encoding_rs::GBK.encode(s).0.into_owned()
}

fn jsonl(stdout: &str) -> Vec<Value> {
    stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
}

// ---------------------------------------------------------------------------------------------
// URLs.

#[test]
fn a_fetched_page_is_scanned_as_html_with_spans_into_its_bytes() {
    let s = Server::start();
    s.mount("/en", page(EN_PAGE, "text/html; charset=utf-8"));
    let url = s.url("/en");
    let dir = tempfile::tempdir().unwrap();
    let (report, r) = scan_json(dir.path(), &[&url]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = document(&report, &url);
    let found = claims(doc);
    assert_eq!(found.len(), 1, "the script and footer are not read: {doc:#}");
    let span = &found[0]["span"];
    let (start, end) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
    assert_eq!(&EN_PAGE[start..end], found[0]["text"].as_str().unwrap());
    assert_eq!(found[0]["scope"]["source"]["id"], "source.idc");
}

#[test]
fn a_gbk_page_is_decoded_from_the_header_charset() {
    let s = Server::start();
    s.mount("/zh", page(gbk(&zh_page()), "text/html; charset=GBK"));
    let url = s.url("/zh");
    let dir = tempfile::tempdir().unwrap();
    let (report, r) = scan_json(dir.path(), &[&url]);
    assert_eq!(r.code, 1, "an unflagged claim plus a rank without metric: {}", r.stderr);
    let doc = document(&report, &url);
    let texts: Vec<&str> = claims(doc).iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.contains("23.4%")), "{texts:?}");
    let notices = doc["notices"].as_array().unwrap();
    assert!(notices.iter().any(|n| n.as_str().unwrap().contains("GBK")), "{notices:?}");
    // Spans refer to the UTF-8 transcoding of the page.
    let transcoded = zh_page();
    for c in claims(doc) {
        let (a, b) = (c["span"]["start"].as_u64().unwrap() as usize, c["span"]["end"].as_u64().unwrap() as usize);
        assert_eq!(&transcoded[a..b], c["text"].as_str().unwrap());
    }
}

#[test]
fn a_redirect_chain_is_followed_and_noted() {
    let s = Server::start();
    s.mount("/a", ResponseTemplate::new(301).insert_header("Location", "/b"));
    s.mount("/b", ResponseTemplate::new(302).insert_header("Location", "/c"));
    s.mount("/c", page(EN_PAGE, "text/html"));
    let url = s.url("/a");
    let dir = tempfile::tempdir().unwrap();
    let (report, r) = scan_json(dir.path(), &[&url]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(claims(document(&report, &url)).len(), 1);
    assert!(r.stderr.contains("redirected to") && r.stderr.contains("/c"), "{}", r.stderr);
}

#[test]
fn fetch_failures_exit_2_and_the_other_inputs_still_run() {
    let s = Server::start();
    s.mount("/missing", ResponseTemplate::new(404));
    s.mount("/slow", page(EN_PAGE, "text/html").set_delay(Duration::from_secs(5)));
    s.mount("/big", page(vec![b'a'; 64 * 1024], "text/plain"));
    s.mount("/image", page(vec![0x89, b'P', b'N', b'G'], "image/png"));
    let loop_to = |to: &str| ResponseTemplate::new(302).insert_header("Location", to);
    s.mount("/loop1", loop_to("/loop2"));
    s.mount("/loop2", loop_to("/loop1"));
    let dir = folder(&[("good.txt", b"Orbis held a 31.5% share of tablet shipments in Q2 2025, according to IDC.\n")]);
    let urls = ["/missing", "/slow", "/big", "/image", "/loop1"].map(|p| s.url(p));
    let mut args = vec!["--timeout", "1", "--max-bytes", "10000"];
    args.extend(urls.iter().map(String::as_str));
    args.push("good.txt");
    let (report, r) = scan_json(dir.path(), &args);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(paths(&report), ["good.txt"]);
    let errors = report["errors"].as_array().unwrap();
    let reason = |url: &str| {
        errors.iter().find(|e| e["path"] == url).unwrap_or_else(|| panic!("no error for {url}: {errors:?}"))["error"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(reason(&urls[0]).contains("404"), "{}", reason(&urls[0]));
    assert!(reason(&urls[1]).contains("timed out"), "{}", reason(&urls[1]));
    assert!(reason(&urls[2]).contains("10000"), "{}", reason(&urls[2]));
    assert!(reason(&urls[3]).contains("image/png"), "{}", reason(&urls[3]));
    assert!(reason(&urls[4]).contains("redirect"), "{}", reason(&urls[4]));
    for url in &urls {
        assert!(r.stderr.contains(url.as_str()), "stderr names {url}: {}", r.stderr);
    }
}

#[test]
fn only_http_and_https_are_fetched() {
    let dir = tempfile::tempdir().unwrap();
    let (report, r) = scan_json(dir.path(), &["ftp://example.com/report.txt"]);
    assert_eq!(r.code, 2);
    assert!(report["errors"][0]["error"].as_str().unwrap().contains("http"), "{report:#}");
}

// ---------------------------------------------------------------------------------------------
// JSONL records.

#[test]
fn records_carry_their_id_and_meta_and_bad_lines_become_error_records() {
    let stream = [
        r#"{"id": "a1", "text": "Orbis held a 31.5% share of tablet shipments in Q2 2025, according to IDC.", "desk": "tech", "rank": 3}"#,
        "{not json",
        "",
        r#"{"id": 42, "html": "<p>Orbis held a 31.5% share of tablet shipments in Q2 2025, according to IDC.</p><script>No. 1</script>"}"#,
        r#"{"id": "empty"}"#,
        r#"["an", "array"]"#,
    ]
    .join("\n");
    let dir = tempfile::tempdir().unwrap();
    let r = run_with_stdin(dir.path(), &["scan", "--input", "jsonl", "--format", "jsonl"], Some(stream.as_bytes()));
    assert_eq!(r.code, 2, "{}", r.stderr);
    let lines = jsonl(&r.stdout);
    assert_eq!(lines.len(), 5, "{}", r.stdout);
    assert_eq!(lines[0]["path"], "a1");
    assert_eq!(lines[0]["meta"], serde_json::json!({"desk": "tech", "rank": 3}));
    assert_eq!(lines[0]["text"], "31.5% share");
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("not JSON"));
    assert_eq!(lines[2]["path"], "42");
    assert!(lines[2].get("meta").is_none());
    assert_eq!((&lines[3]["path"], &lines[3]["line"]), (&Value::from("empty"), &Value::from(5)));
    assert_eq!(lines[4]["line"], 6);
}

#[test]
fn records_in_json_output_are_documents_with_meta() {
    let stream = r#"{"id": "x", "text": "We are the No. 1 brand.", "source_feed": "wire"}"#;
    let dir = tempfile::tempdir().unwrap();
    let r = run_with_stdin(dir.path(), &["scan", "--input", "jsonl", "--format", "json"], Some(stream.as_bytes()));
    let report: Value = serde_json::from_str(&r.stdout).unwrap();
    let doc = document(&report, "x");
    assert_eq!(doc["meta"]["source_feed"], "wire");
    assert_eq!(claims(doc).len(), 1);
}

#[test]
fn a_record_may_name_a_url() {
    let s = Server::start();
    s.mount("/en", page(EN_PAGE, "text/html"));
    let stream = format!("{{\"id\": \"page\", \"url\": \"{}\", \"lang\": \"en\"}}\n", s.url("/en"));
    let dir = tempfile::tempdir().unwrap();
    let r = run_with_stdin(dir.path(), &["scan", "--input", "jsonl", "--format", "jsonl"], Some(stream.as_bytes()));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let lines = jsonl(&r.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!((&lines[0]["path"], &lines[0]["meta"]["lang"]), (&Value::from("page"), &Value::from("en")));
}

fn many_records(n: usize) -> String {
    let texts = [
        "Orbis held a 31.5% share of tablet shipments in Q2 2025, according to IDC.",
        "Nothing to see here.",
        "据IDC数据显示，2025年第二季度海川以23.4%的份额位居中国平板市场第一。",
        "We are the No. 1 brand. Sales grew 12% in the first half.",
    ];
    (0..n)
        .map(|i| serde_json::json!({"id": format!("r{i}"), "text": texts[i % texts.len()]}).to_string() + "\n")
        .collect()
}

#[test]
fn parallel_jobs_keep_input_order() {
    let stream = many_records(200);
    let dir = tempfile::tempdir().unwrap();
    let args = |jobs: &'static str| ["scan", "--input", "jsonl", "--format", "jsonl", "--jobs", jobs];
    let one = run_with_stdin(dir.path(), &args("1"), Some(stream.as_bytes()));
    let four = run_with_stdin(dir.path(), &args("4"), Some(stream.as_bytes()));
    assert_eq!(one.code, four.code);
    assert!(!one.stdout.is_empty());
    assert_eq!(one.stdout, four.stdout);
    let ids: Vec<usize> =
        jsonl(&four.stdout).iter().map(|l| l["path"].as_str().unwrap()[1..].parse().unwrap()).collect();
    assert!(ids.windows(2).all(|w| w[0] <= w[1]), "{ids:?}");
}

#[test]
fn results_arrive_while_the_input_is_still_open() {
    for jobs in ["1", "3"] {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("claimscope"))
            .args(["scan", "--input", "jsonl", "--format", "jsonl", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut first = String::new();
            BufReader::new(stdout).read_line(&mut first).unwrap();
            let _ = tx.send(first);
        });
        let record = r#"{"id": "first", "text": "We are the No. 1 brand."}"#;
        writeln!(stdin, "{record}").unwrap();
        stdin.flush().unwrap();
        // The stream stays open: the claim must come out before it ends.
        let first = rx.recv_timeout(Duration::from_secs(20)).expect("a result before the input ended");
        assert!(first.contains("\"first\""), "{first}");
        drop(stdin);
        assert!(child.wait().unwrap().code().is_some());
    }
}

// ---------------------------------------------------------------------------------------------
// Encodings.

#[test]
fn legacy_encodings_are_detected_or_named() {
    let big5 = encoding_rs::BIG5.encode("鴻碩筆電市佔率達31.2%，位居台灣市場第一。").0.into_owned();
    let dir = folder(&[("gbk.txt", &gbk(ZH_TEXT)), ("big5.txt", &big5)]);
    let (report, r) = scan_json(dir.path(), &["gbk.txt", "--encoding", "big5", "big5.txt"]);
    assert_ne!(r.code, 2, "{}", r.stderr);
    // --encoding applies to every input: read as Big5, the GBK file is mojibake, but still
    // read without error.
    let doc = document(&report, "big5.txt");
    assert!(claims(doc).iter().any(|c| c["text"] == "位居台灣市場第一" || c["text"] == "第一"), "{doc:#}");
    assert!(claims(doc).iter().any(|c| c["scope"]["geography"]["text"] == "台灣"), "{doc:#}");
    assert!(doc["notices"][0].as_str().unwrap().contains("--encoding"));
    let (report, _) = scan_json(dir.path(), &["gbk.txt"]);
    let doc = document(&report, "gbk.txt");
    assert!(claims(doc).iter().any(|c| c["text"].as_str().unwrap().contains("23.4%")), "{doc:#}");
    assert!(doc["notices"][0].as_str().unwrap().contains("transcoding"));
}

#[test]
fn an_unknown_encoding_is_a_usage_error() {
    let dir = folder(&[("a.txt", b"text")]);
    let r = run(dir.path(), &["scan", "--encoding", "klingon", "a.txt"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("klingon"), "{}", r.stderr);
}

#[test]
fn utf16_and_utf8_marks_are_read() {
    let mut wide = vec![0xFF, 0xFE];
    wide.extend("We are the No. 1 brand.\n".encode_utf16().flat_map(u16::to_le_bytes));
    let dir = folder(&[("wide.txt", &wide), ("marked.txt", b"\xEF\xBB\xBFWe are the No. 1 brand.\n")]);
    let (report, r) = scan_json(dir.path(), &["wide.txt", "marked.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let wide_claim = &claims(document(&report, "wide.txt"))[0];
    assert_eq!(wide_claim["span"]["start"], 11, "offsets in the UTF-8 transcoding, mark dropped");
    let marked_claim = &claims(document(&report, "marked.txt"))[0];
    assert_eq!(marked_claim["span"]["start"], 14, "offsets in the file, mark kept");
    assert_eq!(marked_claim["span"]["column"], 12, "the mark is no character an editor shows");
}

#[test]
fn the_human_output_says_once_that_spans_are_in_the_transcoding() {
    let text = format!("{ZH_TEXT}\n海川位居行业第一，份额为23.4%。\n");
    let dir = folder(&[("gbk.txt", &gbk(&text))]);
    let r = run(dir.path(), &["scan", "--format", "human", "--color", "never", "gbk.txt"]);
    assert_eq!(r.stdout.matches("UTF-8 transcoding").count(), 1, "{}", r.stdout);
    assert!(r.stdout.contains("23.4%"), "{}", r.stdout);
}

#[test]
fn pdf_and_image_files_are_skipped_with_a_notice() {
    let dir =
        folder(&[("a.pdf", b"%PDF-1.7 No. 1"), ("b.png", b"\x89PNG\r\n"), ("c.txt", b"We are the No. 1 brand.\n")]);
    let (report, r) = scan_json(dir.path(), &["a.pdf", "b.png", "c.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(paths(&report), ["c.txt"]);
    assert!(r.stderr.contains("a.pdf: skipped: binary file (PDF)"), "{}", r.stderr);
    assert!(r.stderr.contains("b.png: skipped: binary file (PNG image)"), "{}", r.stderr);
}
