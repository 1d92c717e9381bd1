// Developer aid: how fast the trigger automaton (rules, voice, requires, masks: the literals of
// one detection pass) runs over a file, and how many hits.
use std::time::Instant;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    let set = &scanner.set;
    let lits: Vec<&[String]> = set
        .rules
        .iter()
        .map(|r| r.triggers.as_slice())
        .chain(set.scopes.iter().filter(|p| p.field.is_none()).map(|p| p.triggers.as_slice()))
        .chain(set.rules.iter().map(|r| r.requires_triggers.as_slice()))
        .chain(set.masks.iter().map(|m| m.phrases.as_slice()))
        .collect();
    let idx = claimscope::triggers::TriggerIndex::new(lits.into_iter().enumerate());
    let docs: Vec<&str> = text.split('\u{c}').collect();
    let t = Instant::now();
    let mut n = 0;
    for _ in 0..10 {
        for d in &docs {
            n += idx.hits(d).count();
        }
    }
    let dt = t.elapsed().as_secs_f64();
    println!("{} hits per pass, {:.0} MB/s", n / 10, text.len() as f64 * 10.0 / dt / 1e6);
    if std::env::var_os("LITERALS").is_some() {
        let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for d in &docs {
            for (r, _) in idx.hits(d) {
                *count.entry(d[r].to_lowercase()).or_default() += 1;
            }
        }
        let mut count: Vec<(usize, String)> = count.into_iter().map(|(k, v)| (v, k)).collect();
        count.sort_unstable_by(|a, b| b.cmp(a));
        for (n, lit) in count.iter().take(40) {
            println!("{n:>8} {lit:?}");
        }
    }
}
