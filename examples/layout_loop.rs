// Developer aid: run only Document::from_text in a loop, for a profiler.
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let text = std::fs::read_to_string(path).unwrap();
    let raw: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    let mut n = 0;
    for _ in 0..20 {
        for d in &raw {
            n += claimscope::Document::from_text(d.clone()).layout.sentences.len();
        }
    }
    println!("{n}");
}
