// Developer aid: run the full scan N times (default 10), for a profiler; compare two N to
// separate the per-pass cost from start-up.
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let loops: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(10);
    let text = std::fs::read_to_string(path).unwrap();
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    let docs: Vec<claimscope::Document> =
        text.split('\u{c}').map(|d| claimscope::Document::from_text(d.to_string())).collect();
    let mut n = 0;
    for _ in 0..loops {
        n += docs.iter().map(|d| scanner.scan(d).len()).sum::<usize>();
    }
    println!("{n}");
}
