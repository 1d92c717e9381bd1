// Developer aid: run only the detection pass in a loop, for a profiler.
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).unwrap();
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    let docs: Vec<claimscope::Document> =
        text.split('\u{c}').map(|d| claimscope::Document::from_text(d.to_string())).collect();
    let mut n = 0;
    for _ in 0..10 {
        n += docs.iter().map(|d| scanner.detect(d).len()).sum::<usize>();
    }
    println!("{n}");
}
