// Developer aid: layout, detection and full-scan speed separately for documents with and
// without claims, over a file of documents separated by form feeds.
use std::time::Instant;

fn best<F: FnMut() -> usize>(mut f: F) -> f64 {
    (0..5)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let path = std::env::args().nth(1).expect("a file of documents separated by form feeds");
    let text = std::fs::read_to_string(path).unwrap();
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    let raw: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    let (with, without): (Vec<String>, Vec<String>) =
        raw.into_iter().partition(|d| !scanner.scan(&claimscope::Document::from_text(d.clone())).is_empty());
    if let Ok(out) = std::env::var("WRITE_WITH") {
        std::fs::write(out, with.join("\u{c}")).unwrap();
    }
    for (name, set) in [("with claims", &with), ("claim-free", &without)] {
        let mb = set.iter().map(String::len).sum::<usize>() as f64 / 1e6;
        let docs: Vec<claimscope::Document> = set.iter().map(|d| claimscope::Document::from_text(d.clone())).collect();
        let layout =
            best(|| set.iter().map(|d| claimscope::Document::from_text(d.clone()).layout.sentences.len()).sum());
        let detect = best(|| docs.iter().map(|d| scanner.detect(d).len()).sum());
        let scan = best(|| docs.iter().map(|d| scanner.scan(d).len()).sum());
        println!(
            "{name}: {mb:.2} MB; layout {:.3}s ({:.0} MB/s); detect {:.3}s ({:.0} MB/s); scan {:.3}s ({:.0} MB/s); layout+scan {:.3}s",
            layout,
            mb / layout,
            detect,
            mb / detect,
            scan,
            mb / scan,
            layout + scan
        );
    }
}
