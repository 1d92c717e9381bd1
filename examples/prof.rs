// Developer aid: one warm pass, then measured passes in `measured`, for
// valgrind --tool=callgrind --toggle-collect='prof::measured', or for timing: with PASSES=n
// (default 1) it prints the fastest and the median pass in MB/s.
// The binary's allocator, so that profiles show the binary's costs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[inline(never)]
fn warm(scanner: &claimscope::Scanner, raw: &[&str]) -> usize {
    raw.iter().map(|d| scanner.scan(&claimscope::Document::from_text(d.to_string())).len()).sum()
}

#[inline(never)]
fn measured(scanner: &claimscope::Scanner, raw: &[&str]) -> usize {
    let batch: usize = std::env::var("BATCH").ok().and_then(|v| v.parse().ok()).unwrap_or(0);
    if batch > 0 {
        return raw
            .chunks(batch)
            .map(|docs| {
                let docs: Vec<claimscope::Document> =
                    docs.iter().map(|d| claimscope::Document::from_text(d.to_string())).collect();
                scanner.analyze_many(&docs.iter().collect::<Vec<_>>()).iter().map(|(c, _)| c.len()).sum::<usize>()
            })
            .sum();
    }
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
    let mut times = Vec::with_capacity(passes);
    for _ in 0..passes {
        let t = std::time::Instant::now();
        n += measured(&scanner, &raw);
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let mb = text.len() as f64 / 1e6;
    if let (Some(fast), Some(mid)) = (times.first(), times.get(times.len() / 2)) {
        println!("{warm} {n} fastest {:.1} MB/s median {:.1} MB/s", mb / fast, mb / mid);
    }
}
