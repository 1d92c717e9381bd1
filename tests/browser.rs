//! The HTML report in a real browser: Debian's chromium, headless (`.ci/run` installs it).
//! The page checks itself when opened with `#selftest` (every claim highlighted, a click on a
//! claim opens its details, no script error) and the test reads the verdict from the DOM;
//! a screenshot is kept in `target/` as an artefact.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> PathBuf {
    let candidates =
        [std::env::var("CLAIMSCOPE_CHROMIUM").ok(), Some("chromium".into()), Some("chromium-browser".into())];
    for c in candidates.into_iter().flatten() {
        if Command::new(&c).arg("--version").output().is_ok_and(|o| o.status.success()) {
            return PathBuf::from(c);
        }
    }
    panic!("no chromium found: install Debian's chromium (`.ci/run` does) or set CLAIMSCOPE_CHROMIUM");
}

fn headless(args: &[&str]) -> std::process::Output {
    Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .args(args)
        .output()
        .expect("chromium runs")
}

#[test]
fn the_html_report_works_in_a_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("report.html");
    let page_arg = page.to_str().unwrap();
    let r =
        run(root, &["scan", "--format", "html", "-o", page_arg, "corpus/sets/ai-cloud", "corpus/zh/ad-milk-tea.txt"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let html = std::fs::read_to_string(&page).unwrap();
    let marks = html.matches("<mark class=\"claim").count();
    assert!(marks > 30, "{marks} highlights");

    let url = format!("file://{}#selftest", page.display());
    let dom = headless(&["--dump-dom", &url]);
    let text = String::from_utf8_lossy(&dom.stdout);
    let verdict = text.split("<pre id=\"selftest\">").nth(1).and_then(|t| t.split('<').next()).unwrap_or("no verdict");
    assert!(verdict.starts_with("ok "), "self-test: {verdict}\n{}", String::from_utf8_lossy(&dom.stderr));
    assert!(verdict.contains(&format!("marks={marks}")) && verdict.contains("opened=true"), "{verdict}");
    let log = String::from_utf8_lossy(&dom.stderr);
    assert!(!log.contains("Uncaught"), "console errors: {log}");

    let shot = root.join("target").join("browser-report.png");
    let _ = std::fs::remove_file(&shot);
    let s = headless(&[
        &format!("--screenshot={}", shot.display()),
        "--window-size=1280,1000",
        &format!("file://{}", page.display()),
    ]);
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "screenshot of {size} bytes: {}", String::from_utf8_lossy(&s.stderr));
}
