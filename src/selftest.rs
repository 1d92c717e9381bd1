//! `claimscope rules test`: every rule's examples must come out of the whole pipeline as a
//! claim of that rule with the stated value, its counter-examples must not, every exclude's
//! examples must be claims without the exclude and not with it, and no claim may come out of
//! a mask's phrase in its examples.

use crate::document::Document;
use crate::rules::RuleSet;
use crate::scanner::Scanner;

#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub path: String,
    pub line: usize,
    pub id: String,
    pub message: String,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}: {}", self.path, self.line, self.id, self.message)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Outcome {
    pub checked: usize,
    pub failures: Vec<Failure>,
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() <= 0.051)
}

pub fn run(scanner: &Scanner) -> Outcome {
    let mut out = Outcome::default();
    let set = &scanner.set;
    for rule in &set.rules {
        for ex in &rule.examples {
            out.checked += 1;
            let claims = scanner.scan(&Document::from_text(ex.text.clone()));
            let mine: Vec<_> = claims.iter().filter(|c| c.rule == rule.id).collect();
            let fail =
                |message: String| Failure { path: rule.path.clone(), line: ex.line, id: rule.id.clone(), message };
            if mine.is_empty() {
                let got: Vec<String> = claims.iter().map(|c| format!("{} \"{}\"", c.rule, c.text)).collect();
                let got = if got.is_empty() { "nothing".to_string() } else { got.join(", ") };
                out.failures.push(fail(format!("example {:?} gave no claim of this rule (got {got})", ex.text)));
                continue;
            }
            if let Some(v) = ex.value
                && !mine.iter().any(|c| close(c.value, v))
            {
                let got: Vec<_> = mine.iter().map(|c| c.value).collect();
                out.failures.push(fail(format!("example {:?}: expected value {v}, got {got:?}", ex.text)));
            }
            if let Some(t) = ex.top
                && !mine.iter().any(|c| c.top == Some(t))
            {
                let got: Vec<_> = mine.iter().map(|c| c.top).collect();
                out.failures.push(fail(format!("example {:?}: expected top {t}, got {got:?}", ex.text)));
            }
        }
        for (text, line) in &rule.counter {
            out.checked += 1;
            let claims = scanner.scan(&Document::from_text(text.clone()));
            if let Some(c) = claims.iter().find(|c| c.rule == rule.id) {
                out.failures.push(Failure {
                    path: rule.path.clone(),
                    line: *line,
                    id: rule.id.clone(),
                    message: format!("counter-example {text:?} matched as \"{}\"", c.text),
                });
            }
        }
    }
    for mask in &set.masks {
        for (text, line) in &mask.examples {
            out.checked += 1;
            let lower = text.to_lowercase();
            let claims = scanner.scan(&Document::from_text(text.clone()));
            // Offsets of the lower-cased copy hold for the text as long as it is ASCII-cased.
            let inside = claims.iter().find(|c| {
                mask.phrases.iter().any(|p| {
                    lower.match_indices(p.as_str()).any(|(at, _)| c.span.start < at + p.len() && at < c.span.end)
                })
            });
            if let Some(c) = inside {
                out.failures.push(Failure {
                    path: mask.path.clone(),
                    line: *line,
                    id: mask.id.clone(),
                    message: format!("example {text:?} still gives \"{}\" inside a masked phrase", c.text),
                });
            }
        }
    }
    for (i, ex) in set.excludes.iter().enumerate() {
        let mut without: RuleSet = set.clone();
        without.excludes.remove(i);
        let bare = Scanner::from_set(without);
        for (text, line) in &ex.examples {
            out.checked += 1;
            let doc = Document::from_text(text.clone());
            let hit = |s: &Scanner| {
                s.scan(&doc).into_iter().filter(|c| ex.kinds.contains(&c.kind)).map(|c| c.text).collect::<Vec<_>>()
            };
            let fail = |message: String| Failure { path: ex.path.clone(), line: *line, id: ex.id.clone(), message };
            let with = hit(scanner);
            if !with.is_empty() {
                out.failures.push(fail(format!("example {text:?} still gives {with:?}")));
            } else if hit(&bare).is_empty() {
                out.failures.push(fail(format!(
                    "example {text:?} gives no claim even without this exclude, so it tests nothing"
                )));
            }
        }
    }
    out
}
