//! Scanning a sentence with the embedded rules and picking a claim out of the result, for the
//! tests that pin what the scanner reads in a piece of text.

use claimscope::model::{Claim, Kind, Tag};
use claimscope::{Document, Scanner};
use std::sync::OnceLock;

pub fn scanner() -> &'static Scanner {
    static S: OnceLock<Scanner> = OnceLock::new();
    S.get_or_init(|| Scanner::with_defaults().unwrap())
}

pub fn scan(text: &str) -> Vec<Claim> {
    scanner().scan(&Document::from_text(text.to_string()))
}

/// The claim of `kind` whose text contains `needle`.
pub fn find(text: &str, kind: Kind, needle: &str) -> Claim {
    let claims = scan(text);
    claims
        .iter()
        .find(|c| c.kind == kind && (c.text.contains(needle) || needle.contains(c.text.as_str())))
        .cloned()
        .unwrap_or_else(|| {
            let got: Vec<_> = claims.iter().map(|c| format!("{} {:?} {:?}", c.kind, c.text, c.value)).collect();
            panic!("no {kind} claim at {needle:?} in {text:?}; got {got:?}")
        })
}

/// The text of the subject of the claim of `kind` at `needle`.
pub fn subject_text(text: &str, kind: Kind, needle: &str) -> Option<String> {
    tag_text(find(text, kind, needle).subject)
}

pub fn tag_text(tag: Option<Tag>) -> Option<String> {
    tag.map(|t| t.text)
}
