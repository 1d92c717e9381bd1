// Developer aid: where detection time goes, rule by rule, on a file of documents separated by
// form feeds (the benchmark writes one with CLAIMSCOPE_BENCH_DUMP).
// cargo run --release --example ruleprof -- /tmp/dump/en.txt
use std::time::{Duration, Instant};

fn main() {
    let path = std::env::args().nth(1).expect("a file of documents separated by form feeds");
    let text = std::fs::read_to_string(path).unwrap();
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    let docs: Vec<claimscope::Document> =
        text.split('\u{c}').map(|d| claimscope::Document::from_text(d.to_string())).collect();
    let sentences: Vec<(&str, String)> = docs
        .iter()
        .flat_map(|d| d.layout.sentences.iter().map(|s| &d.text[s.range.clone()]))
        .map(|s| (s, s.to_ascii_lowercase()))
        .collect();
    let mut cost: Vec<(Duration, Duration, usize, usize, String)> = Vec::new();
    for r in &scanner.set.rules {
        let hits: Vec<&str> = sentences
            .iter()
            .filter(|(_, l)| r.triggers.iter().any(|t| l.contains(&t.to_ascii_lowercase())))
            .map(|(s, _)| *s)
            .collect();
        let _ = r.regex.is_match("warm up");
        let t = Instant::now();
        let mut matched = 0;
        for s in &hits {
            matched += r.regex.is_match(s) as usize;
        }
        let is_match = t.elapsed();
        let t = Instant::now();
        for s in &hits {
            for c in r.regex.captures_iter(s) {
                std::hint::black_box(c);
            }
        }
        cost.push((t.elapsed(), is_match, hits.len(), matched, r.id.clone()));
    }
    // By the time of the match test, which every woken rule pays; captures only where it matched.
    cost.sort_by_key(|c| std::cmp::Reverse(c.1));
    let total: Duration = cost.iter().map(|c| c.0).sum();
    let total_m: Duration = cost.iter().map(|c| c.1).sum();
    println!("captures_iter total {total:?}, is_match total {total_m:?}, {} sentences", sentences.len());
    for (d, m, runs, matched, id) in cost.iter().take(30) {
        println!("{d:>12?} {m:>12?} {runs:>6} runs {matched:>5} match  {id}");
    }
}
