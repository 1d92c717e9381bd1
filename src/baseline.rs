//! Baselines: the findings a team has already seen, so a run reports only new ones. A finding
//! is keyed by its flag code, the claim's text (whitespace collapsed, lowercased) and the
//! document's path, never by line: an edited document does not resurface every old finding.

use crate::model::Claim;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    pub code: String,
    pub path: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// The stable key of one flag on one claim of one document.
pub fn key(code: &str, claim_text: &str, path: &str) -> String {
    let mut h = Sha256::new();
    for part in [code, &normalise(claim_text), path] {
        h.update(part.as_bytes());
        h.update([0u8]);
    }
    h.finalize().iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// The entries for every flag of a document's claims.
pub fn entries(path: &str, claims: &[Claim]) -> Vec<Entry> {
    claims
        .iter()
        .flat_map(|c| {
            c.flags.iter().map(move |f| Entry {
                key: key(&f.code, &c.text, path),
                code: f.code.clone(),
                path: path.to_string(),
                text: c.text.clone(),
            })
        })
        .collect()
}

impl Baseline {
    pub fn new(mut findings: Vec<Entry>) -> Baseline {
        findings.sort_by(|a, b| (&a.path, &a.code, &a.key).cmp(&(&b.path, &b.code, &b.key)));
        findings.dedup_by(|a, b| a.key == b.key);
        Baseline { version: 1, findings }
    }

    pub fn keys(&self) -> HashSet<&str> {
        self.findings.iter().map(|e| e.key.as_str()).collect()
    }
}

/// Removes the flags already in the baseline; returns how many.
pub fn filter(keys: &HashSet<&str>, path: &str, claims: &mut [Claim]) -> usize {
    let mut removed = 0;
    for c in claims {
        let before = c.flags.len();
        let text = c.text.clone();
        c.flags.retain(|f| !keys.contains(key(&f.code, &text, path).as_str()));
        removed += before - c.flags.len();
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Scanner};

    #[test]
    fn an_edited_document_keeps_its_old_findings_quiet() {
        let scanner = Scanner::with_defaults().unwrap();
        let old = scanner.scan(&Document::from_text("Acme held 31% of the market.\n".to_string()));
        let base = Baseline::new(entries("a.md", &old));
        assert!(!base.findings.is_empty());
        // The claim moved two lines down and gained a new neighbour with its own finding.
        let text = "Intro.\n\nAcme held  31%  of the market.\nBolt is the No. 1 brand.\n";
        let mut new = scanner.scan(&Document::from_text(text.to_string()));
        let removed = filter(&base.keys(), "a.md", &mut new);
        assert_eq!(removed, base.findings.len());
        assert!(new.iter().find(|c| c.text == "31%").unwrap().flags.is_empty());
        assert!(!new.iter().find(|c| c.text.contains("No. 1")).unwrap().flags.is_empty(), "new findings stay");
        // Another document with the same sentence is not covered.
        let mut other = scanner.scan(&Document::from_text("Acme held 31% of the market.\n".to_string()));
        assert_eq!(filter(&base.keys(), "b.md", &mut other), 0);
    }
}
