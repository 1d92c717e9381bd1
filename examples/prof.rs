// Developer aid: one warm pass, then one measured pass in `measured`, for
// valgrind --tool=callgrind --toggle-collect='prof::measured'.
#[inline(never)]
fn warm(scanner: &claimscope::Scanner, raw: &[&str]) -> usize {
    raw.iter().map(|d| scanner.scan(&claimscope::Document::from_text(d.to_string())).len()).sum()
}

#[inline(never)]
fn measured(scanner: &claimscope::Scanner, raw: &[&str]) -> usize {
    raw.iter().map(|d| scanner.scan(&claimscope::Document::from_text(d.to_string())).len()).sum::<usize>()
        + std::hint::black_box(0)
}

fn main() {
    let path = std::env::args().nth(1).expect("a file of documents separated by form feeds");
    let text = std::fs::read_to_string(path).unwrap();
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    let raw: Vec<&str> = text.split('\u{c}').collect();
    let warm = warm(&scanner, &raw);
    let passes: usize = std::env::var("PASSES").ok().and_then(|v| v.parse().ok()).unwrap_or(1);
    let mut n = 0;
    for _ in 0..passes {
        n += measured(&scanner, &raw);
    }
    println!("{warm} {n}");
}
