//! The corpus documents: one reviewed JSON snapshot each (the output contract as a user sees
//! it), and the invariants every document must keep whatever the rules say.

use claimscope::crossdoc::DocFacts;
use claimscope::input::ReadOptions;
use claimscope::model::{CONTRACT_VERSION, DocumentReport, Report};
use claimscope::{Document, Scanner};
use std::path::{Path, PathBuf};

fn corpus_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut files = Vec::new();
    for lang in ["en", "zh"] {
        for entry in std::fs::read_dir(root.join(lang)).expect("corpus folder") {
            let p = entry.expect("corpus entry").path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let notes = p.file_name().is_some_and(|n| n == "INDEX.md");
            if matches!(ext, "txt" | "md" | "html" | "htm") && !notes {
                files.push(p);
            }
        }
    }
    files.sort();
    files
}

fn relative(p: &Path) -> String {
    p.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(p).display().to_string()
}

/// Read as the command line reads a file: by extension for HTML, encodings detected.
fn read(p: &Path) -> claimscope::input::Loaded {
    let bytes = std::fs::read(p).expect("corpus document");
    let html = matches!(p.extension().and_then(|e| e.to_str()), Some("html" | "htm"));
    let loaded = claimscope::input::load(bytes, &ReadOptions { html: Some(html), ..ReadOptions::default() });
    assert!(loaded.skipped.is_none(), "{}: {:?}", relative(p), loaded.skipped);
    loaded
}

fn report(scanner: &Scanner, p: &Path) -> (Document, DocumentReport) {
    let loaded = read(p);
    let published = loaded.page.as_ref().and_then(|p| p.published.clone());
    let doc = loaded.doc;
    let (claims, voice) = scanner.analyze(&doc);
    // As the command line writes a document: with the checks that look across its claims.
    let cues = claimscope::cues::read(&doc, &claims, scanner.lexicons());
    let issuer = voice.as_ref().and_then(|v| v.issuer.first().cloned());
    let mut set = [DocFacts { path: relative(p), claims, cues, issuer, year: None }];
    claimscope::crossdoc::check(scanner.lexicons(), &mut set);
    let [DocFacts { claims, .. }] = set;
    let report = DocumentReport {
        path: relative(p),
        lang: doc.lang,
        claims,
        notices: loaded.notices,
        voice,
        meta: None,
        published,
        suppressed: 0,
    };
    (doc, report)
}

#[test]
fn corpus_has_both_languages_and_every_genre() {
    let files = corpus_files();
    for lang in ["en", "zh"] {
        let of_lang: Vec<_> = files.iter().filter(|f| relative(f).starts_with(&format!("corpus/{lang}/"))).collect();
        assert!(of_lang.len() >= 10, "{lang}: {} documents", of_lang.len());
        for genre in ["analyst-", "vendor-", "news-", "ad-"] {
            assert!(
                of_lang.iter().any(|f| f.file_name().unwrap().to_string_lossy().starts_with(genre)),
                "{lang} has no {genre} document"
            );
        }
    }
}

#[test]
fn every_span_is_the_input_it_names() {
    let scanner = Scanner::with_defaults().unwrap();
    for p in corpus_files() {
        let (doc, r) = report(&scanner, &p);
        assert!(!r.claims.is_empty(), "{}: no claims at all", relative(&p));
        let lines: Vec<&str> = doc.raw().split('\n').collect();
        for c in &r.claims {
            assert_eq!(&doc.raw()[c.span.start..c.span.end], c.text, "{}", relative(&p));
            let line = lines[c.span.line - 1];
            let line_start = doc.raw()[..c.span.start].rfind('\n').map_or(0, |i| i + 1);
            assert_eq!(doc.raw()[line_start..c.span.start].chars().count() + 1, c.span.column);
            assert!(line.len() >= c.span.start - line_start);
            let tags =
                [&c.subject, &c.scope.metric, &c.scope.market, &c.scope.geography, &c.scope.period, &c.scope.source];
            for t in tags.into_iter().flatten() {
                if let Some(s) = &t.span {
                    assert!(
                        doc.raw()[s.start..s.end].contains(t.text.trim()) || t.text.is_empty(),
                        "{}: {t:?}",
                        relative(&p)
                    );
                }
            }
        }
    }
}

#[test]
fn corpus_snapshots() {
    let scanner = Scanner::with_defaults().unwrap();
    for p in corpus_files() {
        let (_, r) = report(&scanner, &p);
        let name = relative(&p).replace(['/', '.'], "__");
        let report = Report { version: CONTRACT_VERSION, documents: vec![r], errors: Vec::new() };
        insta::with_settings!({ snapshot_suffix => name, prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!("corpus", report);
        });
    }
}

/// `analyze_many` finds every document's candidates before it scopes any: each document must
/// still get exactly its own claims and voice, in order, as `analyze` gives them one by one.
#[test]
fn a_batch_of_documents_gets_what_each_gets_alone() {
    let scanner = Scanner::with_defaults().expect("default rules load");
    let docs: Vec<Document> = corpus_files().iter().map(|p| read(p).doc).collect();
    // Twice over, so that a document's own detection is never next to it in the batch.
    let batch: Vec<&Document> = docs.iter().chain(docs.iter().rev()).collect();
    let together = scanner.analyze_many(&batch);
    assert_eq!(together.len(), batch.len());
    assert!(together.iter().any(|(claims, _)| !claims.is_empty()));
    for (doc, (claims, voice)) in batch.iter().zip(&together) {
        let (alone, alone_voice) = scanner.analyze(doc);
        assert_eq!(
            serde_json::to_value(claims).unwrap(),
            serde_json::to_value(&alone).unwrap(),
            "claims of a document scanned in a batch"
        );
        assert_eq!(serde_json::to_value(voice).unwrap(), serde_json::to_value(&alone_voice).unwrap());
    }
}
