//! Compiling each kind of entry a rule file holds (rules, table excludes, scope patterns) and
//! the checks that span them (lexicon entries, mask phrases against rule triggers).

use super::raw::{RawRule, RawScope, RawTable, RawValue};
use super::{Loader, anchored_end, anchored_start, plain};
use crate::lexicon::{Entry, LexiconCategory};
use crate::model::Kind;
use crate::rules::*;
use std::collections::{HashMap, HashSet};
use toml::Spanned;

/// How a captured group becomes a number.
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

/// A mask phrase must hold some rule's trigger (or it masks nothing) and must not be one (or
/// it silences that trigger everywhere).
pub(super) fn check_masks(loader: &mut Loader, rules: &[Rule], phrases: &[(usize, usize, String, String)]) {
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

pub(super) fn compile_rule(loader: &mut Loader, i: usize, raw: Spanned<RawRule>) -> Option<Rule> {
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
        if !lower_triggers.iter().any(|t| crate::triggers::occurs_as(&lower, t, raw.whole_words)) {
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
        whole_words: raw.whole_words,
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

pub(super) fn compile_table(loader: &mut Loader, i: usize, raw: Spanned<RawTable>) -> Option<TableExclude> {
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

pub(super) fn compile_scope(loader: &mut Loader, i: usize, raw: Spanned<RawScope>) -> Option<ScopePattern> {
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

pub(super) fn check_entries(loader: &mut Loader, entries: &[Entry]) {
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
