// Developer aid: how fast the rule-trigger automaton runs over a file, and how many hits.
use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    let idx = claimscope::triggers::TriggerIndex::new(
        scanner.set.rules.iter().enumerate().map(|(i, r)| (i, r.triggers.as_slice())),
    );
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..10 {
        n += idx.hits(&text).count();
    }
    let dt = t.elapsed().as_secs_f64();
    println!("{} hits per pass, {:.0} MB/s", n / 10, text.len() as f64 * 10.0 / dt / 1e6);
}
