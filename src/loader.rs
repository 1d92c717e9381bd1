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
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    defs: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    rule: Vec<Spanned<RawRule>>,
    #[serde(default)]
    exclude: Vec<Spanned<RawExclude>>,
    #[serde(default)]
    mask: Vec<Spanned<RawMask>>,
    #[serde(default)]
    scope: Vec<Spanned<RawScope>>,
    #[serde(default)]
    entry: Vec<Spanned<RawEntry>>,
    #[serde(default)]
    table: Vec<Spanned<RawTable>>,
}

/// A table cell that says the numbers under it (or beside it) are no claims.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTable {
    id: String,
    kinds: Vec<Spanned<String>>,
    /// Matches a header cell: the column below it holds no claims of these kinds.
    header: Option<Spanned<String>>,
    /// Matches a row's first cell: the row holds no claims of these kinds.
    first_cell: Option<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    #[serde(default)]
    counter: Vec<Spanned<String>>,
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawValue {
    Parse(String),
    Fixed(f64),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: String,
    kind: Spanned<String>,
    #[serde(default)]
    triggers: Vec<String>,
    pattern: Spanned<String>,
    value: Option<Spanned<RawValue>>,
    top: Option<Spanned<RawValue>>,
    #[serde(default)]
    list: bool,
    #[serde(default)]
    vague: bool,
    #[serde(default)]
    priority: i32,
    /// "sentence": the claim takes metric, period and source only from its own sentence.
    reach: Option<Spanned<String>>,
    extreme: Option<bool>,
    requires: Option<Spanned<String>>,
    requires_in: Option<Spanned<String>>,
    /// Literals one of which the sentence or paragraph must hold before `requires` runs.
    #[serde(default)]
    requires_triggers: Vec<Spanned<String>>,
    not_before: Option<Spanned<String>>,
    not_after: Option<Spanned<String>>,
    /// Must not match anywhere in the claim's own text.
    not_text: Option<Spanned<String>>,
    /// "latin" or "han": the writing a sentence must be in for the rule to run on it.
    script: Option<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<RawExample>>,
    #[serde(default)]
    counter: Vec<Spanned<String>>,
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExample {
    text: String,
    value: Option<f64>,
    top: Option<u32>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExclude {
    id: String,
    kinds: Vec<Spanned<String>>,
    before: Option<Spanned<String>>,
    after: Option<Spanned<String>>,
    text: Option<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    description: Option<String>,
}

/// Phrases that hold a trigger but never a claim.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMask {
    id: String,
    phrases: Vec<Spanned<String>>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    description: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScope {
    id: String,
    field: Spanned<String>,
    #[serde(default = "default_role")]
    role: Spanned<String>,
    pattern: Spanned<String>,
    /// Literals one of which a sentence must hold for the pattern to run; none: always run.
    #[serde(default)]
    triggers: Vec<String>,
    /// The canonical id the tag gets (e.g. `source.self`).
    tag_id: Option<String>,
    #[serde(default)]
    examples: Vec<Spanned<String>>,
    #[serde(default)]
    counter: Vec<Spanned<String>>,
    description: Option<String>,
}

fn default_role() -> Spanned<String> {
    Spanned::new(0..0, "value".to_string())
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    id: String,
    aliases: Vec<String>,
    parent: Option<String>,
    case_sensitive: Option<bool>,
}

/// How a captured group becomes a number.
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

fn parse_value(v: &Option<Spanned<RawValue>>) -> Result<ValueSpec, (usize, String)> {
    let Some(v) = v else {
        return Ok(ValueSpec::None);
    };
    match v.get_ref() {
        RawValue::Fixed(x) => Ok(ValueSpec::Fixed(*x)),
        RawValue::Parse(s) => match s.as_str() {
            "share" => Ok(ValueSpec::Share),
            "rank" => Ok(ValueSpec::Rank),
            "top" | "count" => Ok(ValueSpec::Top),
            "ratio" => Ok(ValueSpec::Ratio),
            "none" => Ok(ValueSpec::None),
            other => Err((
                v.span().start,
                format!("unknown value \"{other}\" (use share, rank, count, ratio, none or a number)"),
            )),
        },
    }
}

fn parse_script(raw: &Option<Spanned<String>>) -> Result<Script, (usize, String)> {
    let Some(r) = raw else { return Ok(Script::Any) };
    match r.get_ref().as_str() {
        "any" => Ok(Script::Any),
        "latin" => Ok(Script::Latin),
        "han" => Ok(Script::Han),
        other => Err((r.span().start, format!("unknown script \"{other}\" (use any, latin or han)"))),
    }
}

fn parse_reach(r: &Option<Spanned<String>>, default: Reach) -> Result<Reach, (usize, String)> {
    let Some(r) = r else { return Ok(default) };
    match r.get_ref().as_str() {
        "clause" => Ok(Reach::Clause),
        "sentence" => Ok(Reach::Sentence),
        "paragraph" => Ok(Reach::Paragraph),
        "document" => Ok(Reach::Document),
        other => {
            Err((r.span().start, format!("unknown reach \"{other}\" (use clause, sentence, paragraph or document)")))
        }
    }
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

/// A mask phrase must hold some rule's trigger (or it masks nothing) and must not be one (or
/// it silences that trigger everywhere).
fn check_masks(loader: &mut Loader, rules: &[Rule], phrases: &[(usize, usize, String, String)]) {
    if phrases.is_empty() {
        return;
    }
    let triggers: Vec<(&Rule, String)> =
        rules.iter().flat_map(|r| r.triggers.iter().map(move |t| (r, t.to_lowercase()))).collect();
    for (i, at, id, phrase) in phrases {
        if let Some((rule, _)) = triggers.iter().find(|(_, t)| t == phrase) {
            let msg =
                format!("mask \"{id}\": phrase {phrase:?} is a trigger of rule \"{}\" and would silence it", rule.id);
            loader.err(*i, *at, msg);
        } else if !triggers.iter().any(|(_, t)| crate::triggers::occurs(phrase, t)) {
            loader.err(
                *i,
                *at,
                format!("mask \"{id}\": phrase {phrase:?} holds no rule's trigger, so it masks nothing"),
            );
        }
    }
}

fn compile_rule(loader: &mut Loader, i: usize, raw: Spanned<RawRule>) -> Option<Rule> {
    let at = raw.span().start;
    let line = loader.line(i, at);
    let raw = raw.into_inner();
    let before = loader.errors.len();
    let kind = Kind::parse(raw.kind.get_ref());
    if kind.is_none() {
        loader.err(
            i,
            raw.kind.span().start,
            format!("unknown kind \"{}\" (use share, rank or superlative)", raw.kind.get_ref()),
        );
    }
    if raw.triggers.is_empty() || raw.triggers.iter().any(String::is_empty) {
        loader.err(i, at, format!("rule \"{}\" needs non-empty triggers", raw.id));
    }
    if raw.examples.is_empty() {
        loader.err(i, at, format!("rule \"{}\" has no examples", raw.id));
    }
    let value = parse_value(&raw.value).map_err(|(o, m)| loader.err(i, o, m)).unwrap_or(ValueSpec::None);
    let top = parse_value(&raw.top).map_err(|(o, m)| loader.err(i, o, m)).unwrap_or(ValueSpec::None);
    let reach =
        parse_reach(&raw.reach, Reach::Document).map_err(|(o, m)| loader.err(i, o, m)).unwrap_or(Reach::Document);
    let requires_in =
        parse_reach(&raw.requires_in, Reach::Sentence).map_err(|(o, m)| loader.err(i, o, m)).unwrap_or(Reach::Sentence);
    let script = parse_script(&raw.script).map_err(|(o, m)| loader.err(i, o, m)).unwrap_or(Script::Any);
    let regex = loader.regex(i, &raw.pattern, plain);
    let requires = raw.requires.as_ref().and_then(|p| loader.regex(i, p, plain)).map(|r| (r, requires_in));
    if let Some(t) = raw.requires_triggers.first()
        && raw.requires.is_none()
    {
        loader.err(i, t.span().start, format!("rule \"{}\" has requires_triggers but no requires", raw.id));
    }
    if let Some(t) = raw.requires_triggers.iter().find(|t| t.get_ref().is_empty()) {
        loader.err(i, t.span().start, format!("rule \"{}\" has an empty requires trigger", raw.id));
    }
    let requires_triggers: Vec<String> = raw.requires_triggers.iter().map(|t| t.get_ref().to_lowercase()).collect();
    let not_before = raw.not_before.as_ref().and_then(|p| loader.regex(i, p, anchored_end));
    let not_after = raw.not_after.as_ref().and_then(|p| loader.regex(i, p, anchored_start));
    let not_text = raw.not_text.as_ref().and_then(|p| loader.regex(i, p, plain));
    let regex = regex?;
    // A trusted (embedded) rule was checked in CI; compiling it here would cost every run.
    let strict = !loader.sources[i].trusted;
    let mut needed: Vec<&str> = Vec::new();
    for (spec, group) in [(value, "value"), (top, "top")] {
        match spec {
            ValueSpec::Share | ValueSpec::Rank | ValueSpec::Top => needed.push(group),
            ValueSpec::Ratio => needed.extend(["num", "den"]),
            _ => {}
        }
    }
    for name in needed.into_iter().filter(|_| strict) {
        if !regex.capture_names().flatten().any(|n| n == name) {
            loader.err(
                i,
                raw.pattern.span().start,
                format!("rule \"{}\" needs a (?P<{name}>...) group in its pattern", raw.id),
            );
        }
    }
    let lower_triggers: Vec<String> = raw.triggers.iter().map(|t| t.to_lowercase()).collect();
    let mut examples = Vec::new();
    for ex in &raw.examples {
        let ex_line = loader.line(i, ex.span().start);
        let e = ex.get_ref();
        let lower = e.text.to_lowercase();
        if !lower_triggers.iter().any(|t| crate::triggers::occurs(&lower, t)) {
            loader.err(
                i,
                ex.span().start,
                format!("rule \"{}\" can never match this example: it holds none of the triggers", raw.id),
            );
        } else if !requires_triggers.is_empty() && !requires_triggers.iter().any(|t| crate::triggers::occurs(&lower, t))
        {
            loader.err(
                i,
                ex.span().start,
                format!("rule \"{}\" can never match this example: it holds none of the requires_triggers", raw.id),
            );
        } else if !script.admits(ScriptCounts::of(&e.text)) {
            loader.err(
                i,
                ex.span().start,
                format!("rule \"{}\" can never match this example: it is not written in the rule's script", raw.id),
            );
        } else if strict && !regex.is_match(&e.text) {
            loader.err(
                i,
                ex.span().start,
                format!("rule \"{}\": pattern does not match its example {:?}", raw.id, e.text),
            );
        }
        examples.push(Example { text: e.text.clone(), value: e.value, top: e.top, line: ex_line });
    }
    let counter = raw.counter.iter().map(|c| (c.get_ref().clone(), loader.line(i, c.span().start))).collect();
    if loader.errors.len() > before {
        return None;
    }
    Some(Rule {
        id: raw.id,
        kind: kind?,
        triggers: raw.triggers,
        regex,
        value,
        top,
        list: raw.list,
        vague: raw.vague,
        priority: raw.priority,
        reach,
        extreme: raw.extreme,
        requires,
        not_before,
        not_after,
        not_text,
        script,
        requires_triggers,
        examples,
        counter,
        description: raw.description,
        path: loader.sources[i].path.clone(),
        line,
    })
}

fn compile_table(loader: &mut Loader, i: usize, raw: Spanned<RawTable>) -> Option<TableExclude> {
    let at = raw.span().start;
    let line = loader.line(i, at);
    let raw = raw.into_inner();
    let before = loader.errors.len();
    let mut kinds = Vec::new();
    for k in &raw.kinds {
        match Kind::parse(k.get_ref()) {
            Some(k) => kinds.push(k),
            None => loader.err(i, k.span().start, format!("unknown kind \"{}\"", k.get_ref())),
        }
    }
    if raw.header.is_some() == raw.first_cell.is_some() {
        loader.err(i, at, format!("table exclude \"{}\" needs one of header and first_cell", raw.id));
    }
    if raw.examples.is_empty() {
        loader.err(i, at, format!("table exclude \"{}\" has no examples", raw.id));
    }
    let header = raw.header.as_ref().and_then(|p| loader.regex(i, p, plain));
    let first_cell = raw.first_cell.as_ref().and_then(|p| loader.regex(i, p, plain));
    let strict = !loader.sources[i].trusted;
    if let Some(re) = header.as_ref().or(first_cell.as_ref()).filter(|_| strict) {
        for ex in &raw.examples {
            if !re.is_match(ex.get_ref().trim()) {
                let msg = format!("table exclude \"{}\" does not match its example {:?}", raw.id, ex.get_ref());
                loader.err(i, ex.span().start, msg);
            }
        }
        for ex in &raw.counter {
            if re.is_match(ex.get_ref().trim()) {
                let msg = format!("table exclude \"{}\" matches its counter-example {:?}", raw.id, ex.get_ref());
                loader.err(i, ex.span().start, msg);
            }
        }
    }
    if loader.errors.len() > before {
        return None;
    }
    Some(TableExclude {
        id: raw.id,
        kinds,
        header,
        first_cell,
        description: raw.description,
        path: loader.sources[i].path.clone(),
        line,
    })
}

fn compile_scope(loader: &mut Loader, i: usize, raw: Spanned<RawScope>) -> Option<ScopePattern> {
    let at = raw.span().start;
    let line = loader.line(i, at);
    let raw = raw.into_inner();
    let before = loader.errors.len();
    let role = match raw.role.get_ref().as_str() {
        "value" => ScopeRole::Value,
        "vague" => ScopeRole::Vague,
        "promotional" => ScopeRole::Promotional,
        "ad" => ScopeRole::Ad,
        "issuer" => ScopeRole::Issuer,
        "mention" => ScopeRole::Mention,
        "block" => ScopeRole::Block,
        other => {
            loader.err(i, raw.role.span().start, format!("unknown role \"{other}\""));
            ScopeRole::Value
        }
    };
    let field = match raw.field.get_ref().as_str() {
        "document" => None,
        f => match ScopeField::parse(f) {
            Some(f) => Some(f),
            None => {
                loader.err(i, raw.field.span().start, format!("unknown field \"{f}\""));
                None
            }
        },
    };
    if raw.examples.is_empty() {
        loader.err(i, at, format!("scope pattern \"{}\" has no examples", raw.id));
    }
    let regex = loader.regex(i, &raw.pattern, plain)?;
    let strict = !loader.sources[i].trusted;
    for ex in raw.examples.iter().filter(|_| strict) {
        if crate::rules::scope_matches(&regex, ex.get_ref()).next().is_none() {
            loader.err(
                i,
                ex.span().start,
                format!("scope pattern \"{}\" does not match its example {:?}", raw.id, ex.get_ref()),
            );
        }
    }
    for c in raw.counter.iter().filter(|_| strict) {
        if crate::rules::scope_matches(&regex, c.get_ref()).next().is_some() {
            loader.err(
                i,
                c.span().start,
                format!("scope pattern \"{}\" matches its counter-example {:?}", raw.id, c.get_ref()),
            );
        }
    }
    if loader.errors.len() > before {
        return None;
    }
    let lower: Vec<String> = raw.triggers.iter().map(|t| t.to_lowercase()).collect();
    for ex in raw.examples.iter().filter(|_| !lower.is_empty()) {
        let text = ex.get_ref().to_lowercase();
        if !lower.iter().any(|t| crate::triggers::occurs(&text, t)) {
            loader.err(
                i,
                ex.span().start,
                format!(
                    "scope pattern \"{}\" would never run on its example {:?}: it holds none of the triggers",
                    raw.id,
                    ex.get_ref()
                ),
            );
        }
    }
    if loader.errors.len() > before {
        return None;
    }
    Some(ScopePattern {
        id: raw.id,
        field,
        role,
        regex,
        triggers: raw.triggers,
        tag_id: raw.tag_id,
        examples: raw.examples.iter().map(|e| (e.get_ref().clone(), loader.line(i, e.span().start))).collect(),
        counter: raw.counter.iter().map(|e| (e.get_ref().clone(), loader.line(i, e.span().start))).collect(),
        description: raw.description,
        path: loader.sources[i].path.clone(),
        line,
    })
}

fn check_entries(loader: &mut Loader, entries: &[Entry]) {
    let mut ids: HashMap<&str, &Entry> = HashMap::new();
    let mut aliases: HashMap<(LexiconCategory, String), &Entry> = HashMap::new();
    let mut problems = Vec::new();
    for e in entries {
        if let Some(prev) = ids.insert(&e.id, e) {
            problems.push((e, format!("entry id \"{}\" is already defined at {}:{}", e.id, prev.path, prev.line)));
        }
        let mut own = HashSet::new();
        for a in &e.aliases {
            let key = a.to_lowercase();
            if !own.insert(key.clone()) {
                continue;
            }
            if let Some(prev) = aliases.insert((e.category, key), e) {
                problems.push((
                    e,
                    format!(
                        "alias \"{a}\" of {} is already an alias of {} ({}:{})",
                        e.id, prev.id, prev.path, prev.line
                    ),
                ));
            }
        }
    }
    for e in entries {
        if let Some(p) = &e.parent
            && !ids.contains_key(p.as_str())
        {
            problems.push((e, format!("entry \"{}\" names parent \"{p}\", which is not defined", e.id)));
        }
    }
    for (e, message) in problems {
        loader.errors.push(RuleError { path: e.path.clone(), line: e.line, column: 1, message });
    }
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
