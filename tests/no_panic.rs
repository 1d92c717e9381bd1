//! Hostile input never panics and never yields a span that is not the input it names.
//!
//! A deterministic mutation fuzzer: corpus documents and claim fragments are cut, spliced,
//! re-encoded and salted with multibyte characters, markup and entities, then read as text
//! and as HTML. Every claim, subject and scope tag must point at bytes of the input on char
//! boundaries. (Longer runs: raise CLAIMSCOPE_FUZZ_ROUNDS.)

use claimscope::input::ReadOptions;
use claimscope::{Document, Scanner};
use std::path::Path;

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 { 0 } else { (self.next() as usize) % n }
    }
}

const SALT: &[&str] = &[
    "%",
    "％",
    "No.",
    "No. 1",
    "#1",
    "第",
    "第一",
    "前三",
    "TOP5",
    "百分之",
    "成",
    "分之",
    "份额",
    "占比",
    "领先",
    "最",
    "leader",
    "leading",
    "share",
    "the largest",
    "top",
    "first",
    "ranked",
    "“",
    "”",
    "\"",
    "（",
    "）",
    "。",
    "，",
    "；",
    "\n",
    "\n\n",
    " ",
    "*",
    "|",
    "# ",
    "- ",
    "&amp;",
    "&#12290;",
    "&",
    "<p>",
    "</p>",
    "<td>",
    "<table>",
    "<script>",
    "</tr>",
    "<h1>",
    "<br>",
    "\u{feff}",
    "\u{200b}",
    "\u{fffd}",
    "é",
    "𝔸",
    "🙂",
    "١٢",
    "٪",
    "..",
    "分别占比27%、",
    "each on",
    "according to IDC",
    "据IDC统计",
    // Traditional characters, which the reader folds in place.
    "市佔率",
    "營收",
    "領先",
    "第二季",
    "據",
    "According to",
    ":",
    "：",
    "\t",
    "\r\n",
];

fn corpus_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out = Vec::new();
    for lang in ["en", "zh"] {
        let mut files: Vec<_> = std::fs::read_dir(root.join(lang)).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        for f in files {
            if f.file_name().is_some_and(|n| n != "INDEX.md") {
                // Encoded documents join the pool as their UTF-8 transcoding.
                let loaded = claimscope::input::load(std::fs::read(f).unwrap(), &ReadOptions::default());
                out.push(loaded.doc.into_raw());
            }
        }
    }
    out
}

fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Lcg, texts: &[String]) -> String {
    let base = &texts[rng.below(texts.len())];
    let mut s = String::new();
    match rng.below(4) {
        // A slice of a document.
        0 => {
            let a = floor(base, rng.below(base.len() + 1));
            let b = floor(base, a + rng.below(600));
            s.push_str(&base[a..b.max(a)]);
        }
        // Two documents spliced at arbitrary points.
        1 => {
            let other = &texts[rng.below(texts.len())];
            s.push_str(&base[..floor(base, rng.below(base.len() + 1))]);
            s.push_str(&other[floor(other, rng.below(other.len() + 1))..]);
        }
        // Salt soup.
        2 => {
            for _ in 0..rng.below(80) {
                s.push_str(SALT[rng.below(SALT.len())]);
                if rng.below(3) == 0 {
                    s.push_str(&rng.below(1000).to_string());
                }
            }
        }
        // A document with salt inserted at random places.
        _ => {
            s.push_str(base);
            for _ in 0..rng.below(30) {
                let at = floor(&s, rng.below(s.len() + 1));
                s.insert_str(at, SALT[rng.below(SALT.len())]);
            }
        }
    }
    s
}

/// The input as bytes: in a legacy encoding, behind a byte-order mark, or with bytes flipped.
fn mutate_bytes(rng: &mut Lcg, input: &str) -> Vec<u8> {
    let mut bytes = match rng.below(6) {
        0 => encoding_rs::GBK.encode(input).0.into_owned(),
        1 => encoding_rs::BIG5.encode(input).0.into_owned(),
        2 => [&[0xFF, 0xFE][..], &input.encode_utf16().flat_map(u16::to_le_bytes).collect::<Vec<u8>>()].concat(),
        3 => [b"\xEF\xBB\xBF".as_slice(), input.as_bytes()].concat(),
        _ => input.as_bytes().to_vec(),
    };
    for _ in 0..rng.below(4) {
        if !bytes.is_empty() {
            let at = rng.below(bytes.len());
            bytes[at] = rng.below(256) as u8;
        }
    }
    bytes
}

fn check(doc: &Document, scanner: &Scanner, input: &str) {
    let claims = scanner.scan(doc);
    for c in &claims {
        let sp = c.span;
        assert!(sp.start < sp.end && sp.end <= doc.raw().len(), "bad span {sp:?} for {input:?}");
        assert!(doc.raw().is_char_boundary(sp.start) && doc.raw().is_char_boundary(sp.end));
        assert_eq!(&doc.raw()[sp.start..sp.end], c.text);
        assert!(sp.line >= 1 && sp.column >= 1);
        if let Some(v) = c.value {
            assert!(v.is_finite());
            if c.kind == claimscope::model::Kind::Share {
                assert!((0.0..=100.0).contains(&v), "share {v} from {:?}", c.text);
            }
        }
        let tags = [&c.subject, &c.scope.metric, &c.scope.market, &c.scope.geography, &c.scope.period, &c.scope.source];
        for t in tags.into_iter().flatten() {
            if let Some(at) = t.at {
                assert!(at.start <= at.end && at.end <= doc.raw().len());
                assert!(doc.raw().is_char_boundary(at.start) && doc.raw().is_char_boundary(at.end));
            }
        }
    }
    // The checks across claims (cues, periods, arithmetic) run on whatever the scan found, twice
    // over so that the document is also compared with itself as a second document.
    let cues = claimscope::cues::read(doc, &claims, scanner.lexicons());
    let facts = claimscope::crossdoc::DocFacts { path: "a".into(), claims, cues, issuer: None, year: Some(2025) };
    let mut set = [facts.clone(), claimscope::crossdoc::DocFacts { path: "b".into(), ..facts }];
    for f in claimscope::crossdoc::check(scanner.lexicons(), &mut set) {
        assert!(f.claims.iter().all(|&(d, i)| d < 2 && i < set[d].claims.len()), "{f:?}");
    }
}

#[test]
fn mutated_documents_never_panic_and_spans_hold() {
    let scanner = Scanner::with_defaults().unwrap();
    let texts = corpus_texts();
    let rounds: usize = std::env::var("CLAIMSCOPE_FUZZ_ROUNDS").ok().and_then(|v| v.parse().ok()).unwrap_or(1500);
    let mut rng = Lcg(0x00c1_a1a5_c0be);
    for _ in 0..rounds {
        let input = mutate(&mut rng, &texts);
        let html = format!(
            "<html><body><article><p>{input}</p><table><tr><td>{input}</td></tr></table></article></body></html>"
        );
        let bytes = mutate_bytes(&mut rng, &input);
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            check(&Document::from_text(input.clone()), &scanner, &input);
            // The reader of raw bytes: encodings, marks, binary sniffing.
            let loaded = claimscope::input::load(bytes.clone(), &ReadOptions::default());
            check(&loaded.doc, &scanner, &String::from_utf8_lossy(&bytes));
            check(&claimscope::html::read(input.clone()).0, &scanner, &input);
            check(&claimscope::html::read(html.clone()).0, &scanner, &html);
        }));
        if outcome.is_err() {
            // Keep the input that broke it, for a regression test.
            let out = std::env::temp_dir().join("claimscope-fuzz-failure.txt");
            let _ = std::fs::write(&out, &input);
            panic!("input saved to {}", out.display());
        }
    }
}

#[test]
fn degenerate_inputs() {
    let scanner = Scanner::with_defaults().unwrap();
    let long_line = "第".repeat(20_000) + &"%".repeat(5_000) + &" share".repeat(3_000);
    for input in
        ["", " ", "\n\n\n", "%", "No.", "第", "百分之", "<", "<p>", "&#;", "&#x110000;", "\u{0}", long_line.as_str()]
    {
        check(&Document::from_text(input.to_string()), &scanner, input);
        check(&claimscope::html::read(input.to_string()).0, &scanner, input);
    }
}
