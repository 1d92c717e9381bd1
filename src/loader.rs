//! Loading rule files: the TOML format, `{def}` expansion, and the checks that run at load.
//!
//! Every file may hold `[defs]` (regex fragments usable as `{name}` in any pattern), `[[rule]]`
//! (claim patterns), `[[exclude]]` (hard negatives shared by all rules of a kind), `[[mask]]`
//! (phrases whose triggers wake no rule), `[[scope]]`
//! (patterns that tag a scope field or the document's voice) and `[[entry]]` (lexicon entries).
//! Errors name the file and the line, and a rule whose own examples do not match is an error:
//! a rule that can never fire is a defect, not a warning.

use crate::lexicon::{Entry, LexiconCategory};
use crate::model::Kind;
use crate::pattern::Pattern;
use crate::rules::*;
use std::collections::HashMap;
use toml::Spanned;

mod compile;
mod raw;

use compile::{check_entries, check_masks, compile_rule, compile_scope, compile_table};
use raw::RawFile;

/// Line and column (in characters, from 1) of a byte offset in a rule file, for errors that
/// name where the problem is.
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    fn at(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line - 1];
        let col = self.text.get(start..offset).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }
}

struct Loader<'a> {
    errors: Vec<RuleError>,
    defs: HashMap<String, (String, String, usize)>,
    sources: &'a [RuleSource],
    /// One line index per source, so naming a line costs a binary search.
    lines: Vec<LineIndex<'a>>,
}

impl Loader<'_> {
    fn err(&mut self, src: usize, offset: usize, message: impl Into<String>) {
        let s = &self.sources[src];
        let (line, column) = self.lines[src].at(offset);
        self.errors.push(RuleError { path: s.path.clone(), line, column, message: message.into() });
    }

    fn line(&self, src: usize, offset: usize) -> usize {
        self.lines[src].at(offset).0
    }

    /// Replace `{name}` with the named fragment; `\p{Han}`-style classes and `{2,3}`
    /// repetitions are left alone because def names are lowercase identifiers.
    fn expand(&self, pattern: &str) -> Result<String, String> {
        let mut out = String::with_capacity(pattern.len());
        let mut rest = pattern;
        let mut depth = 0;
        while let Some(open) = rest.find('{') {
            let before = &rest[..open];
            out.push_str(before);
            let after = &rest[open + 1..];
            let name_len = after.find('}').unwrap_or(0);
            let name = &after[..name_len];
            let escaped = before.ends_with("\\p")
                || before.ends_with("\\P")
                || before.ends_with("\\x")
                || before.ends_with("\\u");
            let is_ident = !name.is_empty()
                && name.starts_with(|c: char| c.is_ascii_lowercase())
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
            if is_ident && !escaped {
                let Some((frag, _, _)) = self.defs.get(name) else {
                    return Err(format!("pattern uses {{{name}}} but no [defs] entry defines it"));
                };
                depth += 1;
                if depth > 200 {
                    return Err("defs expand recursively without end".into());
                }
                // Definitions may use other definitions.
                let expanded = self.expand(frag)?;
                out.push_str("(?:");
                out.push_str(&expanded);
                out.push(')');
                rest = &after[name_len + 1..];
            } else {
                out.push('{');
                rest = after;
            }
        }
        out.push_str(rest);
        Ok(out)
    }

    fn regex(&mut self, src: usize, pattern: &Spanned<String>, wrap: fn(&str) -> String) -> Option<Pattern> {
        let expanded = match self.expand(pattern.get_ref()) {
            Ok(p) => wrap(&ascii_word_classes(&p)),
            Err(e) => {
                self.err(src, pattern.span().start, e);
                return None;
            }
        };
        if self.sources[src].trusted {
            return Some(Pattern::deferred(expanded));
        }
        match Pattern::compile(expanded) {
            Ok(p) => Some(p),
            Err(e) => {
                let msg = e.to_string();
                let last = msg.lines().last().unwrap_or("invalid regex").trim().to_string();
                self.err(src, pattern.span().start, format!("regex does not compile: {last}"));
                None
            }
        }
    }
}

/// In rule patterns `\w` and `\b` are ASCII: a word character is `[0-9A-Za-z_]`, and a
/// boundary also holds between a Latin letter and a Han character ("IDC数据"). Han text is
/// matched with `\p{Han}`. ASCII classes keep the compiled automata small and let the fast
/// DFA engines run on Chinese text, where a Unicode `\b` would force the slowest one.
pub fn ascii_word_classes(p: &str) -> String {
    let mut out = String::with_capacity(p.len() + 16);
    let mut depth = 0usize;
    let mut chars = p.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if depth > 0 => out.push_str("[:word:]"),
                Some('w') => out.push_str("[[:word:]]"),
                Some('b') if depth == 0 => out.push_str("(?-u:\\b)"),
                Some('B') if depth == 0 => out.push_str("(?-u:\\B)"),
                Some(n) => {
                    out.push('\\');
                    out.push(n);
                }
                None => out.push('\\'),
            },
            '[' => {
                // "[:word:]" inside a class opens no nested class.
                if depth > 0 && chars.peek() == Some(&':') {
                    out.push(c);
                } else {
                    depth += 1;
                    out.push(c);
                    if chars.peek() == Some(&'^') {
                        out.push(chars.next().unwrap_or('^'));
                    }
                    if chars.peek() == Some(&']') {
                        out.push(chars.next().unwrap_or(']'));
                    }
                }
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

fn plain(p: &str) -> String {
    p.to_string()
}

fn anchored_end(p: &str) -> String {
    format!("(?:{p})\\z")
}

fn anchored_start(p: &str) -> String {
    format!("\\A(?:{p})")
}

/// Load, expand and compile every file; check every rule against its own examples.
pub fn load(sources: &[RuleSource]) -> Result<RuleSet, LoadError> {
    let mut loader = Loader {
        errors: Vec::new(),
        defs: HashMap::new(),
        sources,
        lines: sources.iter().map(|s| LineIndex::new(&s.text)).collect(),
    };
    let mut parsed = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        // Documents are read with Traditional Chinese folded to Simplified, so rules and
        // lexicons are too: one written in either script matches both. Folding keeps every
        // offset, so errors still point at the file's own lines.
        let folded = crate::fold::fold(&s.text);
        match toml::from_str::<RawFile>(folded.as_deref().unwrap_or(&s.text)) {
            Ok(f) => parsed.push((i, f)),
            Err(e) => {
                let at = e.span().map_or(0, |r| r.start);
                let msg = e.message().to_string();
                loader.err(i, at, format!("invalid rule file: {msg}"));
            }
        }
    }
    // Defs first: any file's patterns may use any file's fragments.
    for (i, f) in &parsed {
        for (name, frag) in &f.defs {
            if let Some((_, other, line)) = loader.defs.get(name) {
                let msg = format!("def \"{name}\" is already defined in {other}:{line}");
                loader.err(*i, frag.span().start, msg);
                continue;
            }
            let line = loader.line(*i, frag.span().start);
            loader.defs.insert(name.clone(), (frag.get_ref().clone(), sources[*i].path.clone(), line));
        }
    }
    let mut set = RuleSet::default();
    let mut seen_ids: HashMap<String, String> = HashMap::new();
    // (source, offset, mask id, phrase), checked against every rule's triggers at the end.
    let mut mask_phrases: Vec<(usize, usize, String, String)> = Vec::new();
    for (i, f) in parsed {
        let path = sources[i].path.clone();
        for raw in f.rule {
            let at = raw.span().start;
            if let Some(rule) = compile_rule(&mut loader, i, raw) {
                if let Some(other) = seen_ids.insert(rule.id.clone(), format!("{}:{}", rule.path, rule.line)) {
                    loader.err(i, at, format!("rule id \"{}\" is already used at {other}", rule.id));
                }
                set.rules.push(rule);
            }
        }
        for raw in f.exclude {
            let at = raw.span().start;
            let line = loader.line(i, at);
            let raw = raw.into_inner();
            let mut kinds = Vec::new();
            for k in &raw.kinds {
                match Kind::parse(k.get_ref()) {
                    Some(k) => kinds.push(k),
                    None => loader.err(i, k.span().start, format!("unknown kind \"{}\"", k.get_ref())),
                }
            }
            if raw.before.is_none() && raw.after.is_none() && raw.text.is_none() {
                loader.err(i, at, format!("exclude \"{}\" needs before, after or text", raw.id));
            }
            if raw.examples.is_empty() {
                loader.err(i, at, format!("exclude \"{}\" has no examples", raw.id));
            }
            let before = raw.before.as_ref().and_then(|p| loader.regex(i, p, anchored_end));
            let after = raw.after.as_ref().and_then(|p| loader.regex(i, p, anchored_start));
            let text = raw.text.as_ref().and_then(|p| loader.regex(i, p, plain));
            let examples = raw.examples.iter().map(|e| (e.get_ref().clone(), loader.line(i, e.span().start))).collect();
            set.excludes.push(Exclude {
                id: raw.id,
                kinds,
                before,
                after,
                text,
                examples,
                description: raw.description,
                path: path.clone(),
                line,
            });
        }
        for raw in f.mask {
            let at = raw.span().start;
            let line = loader.line(i, at);
            let raw = raw.into_inner();
            if raw.phrases.is_empty() || raw.phrases.iter().any(|p| p.get_ref().trim().is_empty()) {
                loader.err(i, at, format!("mask \"{}\" needs non-empty phrases", raw.id));
                continue;
            }
            if raw.examples.is_empty() {
                loader.err(i, at, format!("mask \"{}\" has no examples", raw.id));
            }
            let phrases: Vec<String> = raw.phrases.iter().map(|p| p.get_ref().to_lowercase()).collect();
            for ex in &raw.examples {
                let lower = ex.get_ref().to_lowercase();
                if !phrases.iter().any(|p| crate::triggers::occurs(&lower, p)) {
                    let msg = format!("mask \"{}\": example {:?} holds none of its phrases", raw.id, ex.get_ref());
                    loader.err(i, ex.span().start, msg);
                }
            }
            for p in &raw.phrases {
                mask_phrases.push((i, p.span().start, raw.id.clone(), p.get_ref().to_lowercase()));
            }
            let examples = raw.examples.iter().map(|e| (e.get_ref().clone(), loader.line(i, e.span().start))).collect();
            set.masks.push(Mask {
                id: raw.id,
                phrases,
                examples,
                description: raw.description,
                path: path.clone(),
                line,
            });
        }
        for raw in f.scope {
            if let Some(p) = compile_scope(&mut loader, i, raw) {
                set.scopes.push(p);
            }
        }
        for raw in f.table {
            if let Some(t) = compile_table(&mut loader, i, raw) {
                set.tables.push(t);
            }
        }
        for raw in f.entry {
            let at = raw.span().start;
            let line = loader.line(i, at);
            let raw = raw.into_inner();
            let Some(category) = LexiconCategory::of_id(&raw.id) else {
                loader.err(
                    i,
                    at,
                    format!("entry id \"{}\" must start with source., metric., market., geo. or org.", raw.id),
                );
                continue;
            };
            if raw.aliases.is_empty() || raw.aliases.iter().any(|a| a.trim().is_empty()) {
                loader.err(i, at, format!("entry \"{}\" needs non-empty aliases", raw.id));
                continue;
            }
            set.entries.push(Entry {
                id: raw.id,
                category,
                aliases: raw.aliases,
                parent: raw.parent,
                case_sensitive: raw.case_sensitive,
                path: path.clone(),
                line,
            });
        }
    }
    check_entries(&mut loader, &set.entries);
    check_masks(&mut loader, &set.rules, &mask_phrases);
    if loader.errors.is_empty() { Ok(set) } else { Err(LoadError(loader.errors)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(text: &str) -> Vec<RuleSource> {
        vec![RuleSource { path: "test.toml".into(), text: text.into(), trusted: false }]
    }

    #[test]
    fn word_classes_become_ascii() {
        assert_eq!(ascii_word_classes(r"\b\w+[\w-]"), r"(?-u:\b)[[:word:]]+[[:word:]-]");
        assert_eq!(ascii_word_classes(r"[^\]\w]\\b"), r"[^\][:word:]]\\b");
        let re = regex::Regex::new(&ascii_word_classes(r"\bIDC\b")).unwrap();
        assert!(re.is_match("IDC数据显示"));
        assert!(!re.is_match("IDCs"));
    }

    #[test]
    fn defs_expand_and_rules_compile() {
        let set = load(&src(r#"
[defs]
pct = '\d+(?:\.\d+)?\s?%'

[[rule]]
id = "t.share"
kind = "share"
triggers = ["%"]
pattern = '(?P<value>{pct}) share'
value = "share"
examples = [{ text = "a 19% share", value = 19 }]
"#))
        .unwrap();
        assert_eq!(set.rules.len(), 1);
        assert!(set.rules[0].regex.is_match("a 4.5 % share"));
    }

    #[test]
    fn bad_regex_names_file_and_line() {
        let err = load(&src("\n\n[[rule]]\nid = \"x\"\nkind = \"rank\"\ntriggers = [\"a\"]\npattern = 'a('\nexamples = [{ text = \"a\" }]\n")).unwrap_err();
        assert_eq!(err.0[0].path, "test.toml");
        assert_eq!(err.0[0].line, 7);
        assert!(err.0[0].message.contains("regex does not compile"), "{}", err);
    }

    #[test]
    fn rule_that_cannot_match_its_example_is_an_error() {
        let err = load(&src("[[rule]]\nid = \"x\"\nkind = \"rank\"\ntriggers = [\"first\"]\npattern = 'first place'\nexamples = [{ text = \"ranked first overall\" }]\n")).unwrap_err();
        assert!(err.to_string().contains("does not match its example"), "{err}");
        assert_eq!(err.0[0].line, 6);
    }

    const FIRST_RULE: &str = "[[rule]]\nid = \"r\"\nkind = \"rank\"\ntriggers = [\"first\"]\npattern = 'ranked first'\nexamples = [{ text = \"ranked first\" }]\n";

    #[test]
    fn masks_must_hold_a_trigger_and_not_be_one() {
        let mask = |phrases: &str, example: &str| {
            format!("{FIRST_RULE}\n[[mask]]\nid = \"m\"\nphrases = [{phrases}]\nexamples = [\"{example}\"]\n")
        };
        let set = load(&src(&mask("\"first half\"", "in the First Half"))).expect("a good mask loads");
        assert_eq!(set.masks[0].phrases, ["first half"]);
        let err = load(&src(&mask("\"second half\"", "in the second half"))).unwrap_err();
        assert!(
            err.to_string().contains("test.toml:10:12: mask \"m\": phrase \"second half\" holds no rule's trigger"),
            "{err}"
        );
        let err = load(&src(&mask("\"first\"", "first"))).unwrap_err();
        assert!(err.to_string().contains("is a trigger of rule \"r\""), "{err}");
        // "first" inside "thirst" is no trigger hit, so a mask of it masks nothing.
        let err = load(&src(&mask("\"thirsty\"", "thirsty"))).unwrap_err();
        assert!(err.to_string().contains("masks nothing"), "{err}");
        let err = load(&src(&mask("\"first half\"", "in the second half"))).unwrap_err();
        assert!(err.to_string().contains("holds none of its phrases"), "{err}");
    }

    #[test]
    fn a_trigger_inside_a_mask_wakes_nothing_and_elsewhere_still_does() {
        let rule = "[[rule]]\nid = \"r\"\nkind = \"rank\"\ntriggers = [\"first\"]\npattern = 'first'\nvalue = 1\nexamples = [{ text = \"Acme came first\" }]\n";
        let masked =
            format!("{rule}\n[[mask]]\nid = \"m\"\nphrases = [\"first half\"]\nexamples = [\"x first half\"]\n");
        let scan = |set: RuleSet, text: &str| {
            let doc = crate::document::Document::from_text(text.to_string());
            crate::scanner::Scanner::from_set(set).scan(&doc).into_iter().map(|c| c.text).collect::<Vec<_>>()
        };
        let text = "Sales rose in the first half.";
        assert_eq!(scan(load(&src(rule)).unwrap(), text), ["first"]);
        assert!(scan(load(&src(&masked)).unwrap(), text).is_empty());
        let both = "In the First Half, Acme came first.";
        assert_eq!(scan(load(&src(&masked)).unwrap(), both), ["first"]);
    }

    #[test]
    fn rule_without_examples_is_an_error() {
        let err = load(&src("[[rule]]\nid = \"x\"\nkind = \"rank\"\ntriggers = [\"first\"]\npattern = 'first'\n"))
            .unwrap_err();
        assert!(err.to_string().contains("test.toml:1:1: rule \"x\" has no examples"), "{err}");
    }

    #[test]
    fn unparsable_file_is_an_error_with_a_line() {
        let err = load(&src("[[rule]]\nid = \"x\"\nkind = \n")).unwrap_err();
        assert_eq!(err.0[0].line, 3, "{err}");
    }

    #[test]
    fn undefined_def_is_an_error() {
        let err = load(&src("[[rule]]\nid = \"x\"\nkind = \"rank\"\ntriggers = [\"a\"]\npattern = '{nope}a'\nexamples = [{ text = \"a\" }]\n")).unwrap_err();
        assert!(err.to_string().contains("{nope}"), "{err}");
    }

    #[test]
    fn unicode_classes_and_repetitions_are_not_defs() {
        let set = load(&src("[[rule]]\nid = \"x\"\nkind = \"rank\"\ntriggers = [\"第\"]\npattern = '\\p{Han}{1,3}第一'\nexamples = [{ text = \"中国第一\", value = 1 }]\n")).unwrap();
        assert_eq!(set.rules.len(), 1);
    }
}
