// Developer aid: time per phase over a file of documents separated by form feeds.
// cargo run --release --example phases -- /tmp/dump/en.txt
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("a file of documents separated by form feeds");
    let text = std::fs::read_to_string(path).unwrap();
    let mb = text.len() as f64 / 1e6;
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    let raw: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    for d in raw.iter().take(50) {
        scanner.scan(&claimscope::Document::from_text(d.clone()));
    }
    let t = Instant::now();
    let docs: Vec<claimscope::Document> = raw.iter().map(|d| claimscope::Document::from_text(d.clone())).collect();
    let layout = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let n: usize = docs.iter().map(|d| scanner.detect(d).len()).sum();
    let detect = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let c: usize = docs.iter().map(|d| scanner.scan(d).len()).sum();
    let scan = t.elapsed().as_secs_f64();
    println!(
        "{mb:.2} MB: layout {:.0} MB/s; detect {:.0} MB/s ({n} candidates); full scan {:.0} MB/s ({c} claims); layout+scan {:.0} MB/s",
        mb / layout,
        mb / detect,
        mb / scan,
        mb / (layout + scan)
    );
}
