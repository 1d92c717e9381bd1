// Debug helper: scan the text given on the command line and print each claim.
fn main() {
    let scanner = claimscope::Scanner::with_defaults().unwrap();
    for s in std::env::args().skip(1) {
        let doc = claimscope::Document::from_text(s.clone());
        if std::env::var_os("PROBE_LAYOUT").is_some() {
            for (i, b) in doc.layout.blocks.iter().enumerate() {
                let head: String = doc.text[b.range.clone()].chars().take(40).collect();
                println!("  block {i} {:?} sentences {:?} {head:?}", b.kind, b.sentences);
            }
            println!("  lead {:?}", doc.layout.lead);
        }
        for c in scanner.scope_debug(&doc) {
            println!("  scope {}", c);
        }
        for c in scanner.candidates_debug(&doc) {
            println!("  cand {}", c);
        }
        for c in scanner.scan(&doc) {
            println!(
                "{s:?}: {} {:?} v={:?} top={:?} subj={:?} flags={:?}",
                c.rule,
                c.text,
                c.value,
                c.top,
                c.subject.map(|t| t.text),
                c.flags.iter().map(|f| f.code.clone()).collect::<Vec<_>>()
            );
        }
    }
}
