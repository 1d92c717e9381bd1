//! Turning command-line paths into documents: files, folders walked as ripgrep walks them
//! (.gitignore and hidden-file rules honoured), and `-` for standard input.

use claimscope::Document;
use std::io::Read;
use std::path::Path;

pub struct Loaded {
    /// The input as named on the command line (or found under a named folder).
    pub name: String,
    pub doc: Document,
    pub notices: Vec<String>,
    /// Set when the input was read but is not something to scan (a binary file).
    pub skipped: Option<String>,
}

/// Every input in order; an unreadable one is an `Err` naming it and the reason.
pub fn expand(paths: &[String]) -> impl Iterator<Item = Result<Loaded, String>> + '_ {
    paths.iter().flat_map(|p| -> Box<dyn Iterator<Item = Result<Loaded, String>>> {
        if p == "-" {
            let mut bytes = Vec::new();
            return Box::new(std::iter::once(match std::io::stdin().lock().read_to_end(&mut bytes) {
                Ok(_) => Ok(load("-".to_string(), bytes)),
                Err(e) => Err(format!("-: cannot read standard input: {e}")),
            }));
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Err(e) => Box::new(std::iter::once(Err(format!("{p}: {}", describe(&e))))),
            Ok(m) if m.is_dir() => Box::new(walk(path)),
            Ok(_) => Box::new(std::iter::once(read(p.clone(), path))),
        }
    })
}

fn walk(root: &Path) -> impl Iterator<Item = Result<Loaded, String>> {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for entry in ignore::WalkBuilder::new(root).sort_by_file_name(|a, b| a.cmp(b)).build() {
        match entry {
            Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => files.push(e.into_path()),
            Ok(_) => {}
            Err(e) => errors.push(Err(format!("{}: {e}", root.display()))),
        }
    }
    errors.into_iter().chain(files.into_iter().map(|f| read(f.display().to_string(), &f)))
}

fn read(name: String, path: &Path) -> Result<Loaded, String> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(load(name, bytes)),
        Err(e) => Err(format!("{name}: {}", describe(&e))),
    }
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

/// Binary input (a NUL in the first 8 KiB) is skipped; invalid UTF-8 is replaced and noted.
fn load(name: String, bytes: Vec<u8>) -> Loaded {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Loaded {
            name,
            doc: Document::from_text(String::new()),
            notices: Vec::new(),
            skipped: Some("binary file (NUL bytes)".to_string()),
        };
    }
    let mut notices = Vec::new();
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let bytes = e.into_bytes();
            let bad = String::from_utf8_lossy(&bytes).matches('\u{FFFD}').count();
            notices.push(format!(
                "invalid UTF-8: {bad} sequence(s) replaced with U+FFFD; spans refer to the repaired text"
            ));
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let is_html =
        Path::new(&name).extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
            || ((name == "-" || Path::new(&name).extension().is_none())
                && claimscope::html::looks_like_html(text.as_bytes()));
    let doc = if is_html { claimscope::html::read(text).0 } else { Document::from_text(text) };
    Loaded { name, doc, notices, skipped: None }
}
