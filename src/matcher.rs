//! From text to claim candidates: one Aho-Corasick pass finds every trigger literal, and a
//! rule's regex runs only on the sentences that hold one of its triggers.

use crate::model::Kind;
use crate::numbers;
use crate::pattern::Pattern;
use crate::rules::{Reach, Rule, RuleSet, ValueSpec};
use crate::segments::{Layout, clause_bounds};
use crate::triggers::TriggerIndex;
use regex::{RegexSet, RegexSetBuilder};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

/// How far before and after a candidate the `not_before`/`not_after` checks look.
const WINDOW: usize = 160;

#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub rule: usize,
    pub kind: Kind,
    /// Byte range in the text view.
    pub span: Range<usize>,
    pub value: Option<f64>,
    pub top: Option<u32>,
    pub vague: bool,
    pub sentence: usize,
    /// A subject the rule captured itself with `(?P<subj>...)`.
    pub subject: Option<Range<usize>>,
    /// What is counted, when the claim's own words say it with `(?P<metric>...)`: "the
    /// best-selling drug" is measured by sales, "the most cited institution" by citations.
    pub metric: Option<Range<usize>>,
    /// Whether that measure is exact, given with `(?P<counted>...)`: "the most routes" counts
    /// routes whatever the paragraph counts elsewhere.
    pub exact_metric: bool,
}

/// Pairs of indices: (sentence, rule), (rule, sentence), (pattern, block).
type Pairs = Vec<(usize, usize)>;

/// What the trigger pass found; see `Matcher::plan`.
struct Plan {
    rules: Vec<(usize, usize)>,
    voice: Vec<(usize, usize)>,
    /// Bits per sentence, a row of `words` words each: bit `r` where a literal of rule `r`'s
    /// `requires` occurs.
    requires: Vec<u64>,
    words: usize,
}

/// What one trigger pass over a document found.
pub struct Detection {
    pub candidates: Vec<Candidate>,
    /// (voice pattern index into `RuleSet::scopes`, block) pairs whose literals occur.
    pub voice: Vec<(usize, usize)>,
}

pub struct Matcher {
    /// Literals of the claim rules, then of the document-voice patterns: one pass finds both.
    triggers: TriggerIndex,
    /// Trigger owners below this are rules; from it on, voice patterns (rules + scope index),
    /// then the literals of rules' `requires` (rules + scopes + rule index), then mask phrases
    /// (from `masks` on).
    rules: usize,
    scopes: usize,
    masks: usize,
    /// Shared excludes of each kind (share, rank, superlative), one set per check.
    excludes: [ExcludeSet; 3],
}

/// All excludes of one kind, so a candidate costs a few searches however many excludes there
/// are. Most excludes have one check (before, after or the claim's text): any hit of those
/// fires, so their set per check only asks whether anything matches and stops at the first
/// hit. The few with several checks fire only when all their checks hit: each is asked on its
/// own, its anchored `after` check first, and stops at the first check that misses (a set
/// would have to report every pattern that matches, which reads the whole window forward).
/// Each set is compiled on first use: a document with only shares never builds the rank
/// sets, and a set the others settle first is never needed.
struct ExcludeSet {
    /// Per check (before, after, text): the one-check excludes' patterns.
    single: [Vec<String>; 3],
    single_sets: [OnceLock<Option<RegexSet>>; 3],
    /// The excludes with several checks: each one's (before, after, text).
    several: Vec<[Option<Pattern>; 3]>,
}

/// A set of trusted patterns, or none when there are none.
fn compile_set(pats: &[String]) -> Option<RegexSet> {
    if pats.is_empty() {
        return None;
    }
    // A trusted pattern that failed to compile already matches nothing on its own; in a set it
    // would take the others with it, so the set then matches nothing too.
    RegexSetBuilder::new(pats).size_limit(64 << 20).dfa_size_limit(32 << 20).build().ok()
}

impl ExcludeSet {
    fn new(set: &RuleSet, kind: Kind) -> ExcludeSet {
        let mut single: [Vec<String>; 3] = Default::default();
        let mut several = Vec::new();
        for x in set.excludes.iter().filter(|x| x.kinds.contains(&kind)) {
            let parts = [&x.before, &x.after, &x.text];
            if parts.iter().filter(|p| p.is_some()).count() > 1 {
                several.push(parts.map(Option::clone));
                continue;
            }
            for (k, p) in parts.iter().enumerate() {
                if let Some(p) = p {
                    single[k].push(p.as_str().to_string());
                }
            }
        }
        ExcludeSet { single, single_sets: Default::default(), several }
    }

    fn fires(&self, hays: [&str; 3]) -> bool {
        // The text after a claim settles most ("grew 12% year on year"), then the text before.
        for k in [1, 0, 2] {
            if self.single_sets[k]
                .get_or_init(|| compile_set(&self.single[k]))
                .as_ref()
                .is_some_and(|set| set.is_match(hays[k]))
            {
                return true;
            }
        }
        self.several
            .iter()
            .any(|checks| [1, 0, 2].into_iter().all(|k| checks[k].as_ref().is_none_or(|p| p.is_match(hays[k]))))
    }
}

impl Matcher {
    pub fn new(set: &RuleSet) -> Matcher {
        let (rules, scopes) = (set.rules.len(), set.scopes.len());
        let voice = set.scopes.iter().enumerate().filter(|(_, p)| p.field.is_none());
        let requires = set.rules.iter().enumerate().filter(|(_, r)| !r.requires_triggers.is_empty());
        let triggers = TriggerIndex::with_words(
            set.rules
                .iter()
                .enumerate()
                .map(|(r, rule)| (r, rule.triggers.as_slice(), rule.whole_words))
                .chain(voice.map(|(i, p)| (rules + i, p.triggers.as_slice(), false)))
                .chain(requires.map(|(r, rule)| (rules + scopes + r, rule.requires_triggers.as_slice(), false)))
                .chain(
                    set.masks
                        .iter()
                        .enumerate()
                        .map(|(m, mask)| (rules + scopes + rules + m, mask.phrases.as_slice(), false)),
                ),
        );
        let excludes = [Kind::Share, Kind::Rank, Kind::Superlative].map(|k| ExcludeSet::new(set, k));
        Matcher { triggers, rules, scopes, masks: rules + scopes + rules, excludes }
    }

    fn exclude_set(&self, kind: Kind) -> &ExcludeSet {
        match kind {
            Kind::Share => &self.excludes[0],
            Kind::Rank => &self.excludes[1],
            Kind::Superlative => &self.excludes[2],
        }
    }

    /// The trigger pass: which rules to run on which sentence, which voice patterns on which
    /// block, and which sentences hold a literal of a rule's `requires`. Pairs of (sentence,
    /// rule) and (pattern, block), sorted and distinct, in flat lists (a list per sentence cost
    /// an allocation each); the `requires` literals as bits, asked sentence by sentence.
    fn plan(&self, text: &str, layout: &Layout) -> Plan {
        // (sentence, rule) pairs as bits, one row of words per sentence: a document's hits wake
        // the same few rules over and over, and sorting the duplicates away cost more than this.
        let words = self.rules.div_ceil(64);
        let mut plan = vec![0u64; layout.sentences.len() * words];
        let mut requires = vec![0u64; layout.sentences.len() * words];
        let mut voice: Vec<(usize, usize)> = Vec::new();
        let mut cursor = 0;
        let hits: Vec<(Range<usize>, &[usize])> = self.triggers.hits(text).collect();
        // Mask phrases, in order of their ends: a rule trigger inside one wakes nothing.
        let masks: Vec<Range<usize>> =
            hits.iter().filter(|(_, owners)| owners.iter().any(|&o| o >= self.masks)).map(|(r, _)| r.clone()).collect();
        let longest = masks.iter().map(|m| m.len()).max().unwrap_or(0);
        // The masks that end before the current hit: hits come in order of their ends, so
        // this only moves on.
        let mut passed = 0;
        for (at, owners) in hits {
            let pos = at.start;
            let s = sentence_from(layout, &mut cursor, pos);
            while masks.get(passed).is_some_and(|m| m.end < at.end) {
                passed += 1;
            }
            // A mask holding `at` ends at or after it and no further than `longest` past its
            // start.
            let silenced =
                masks[passed..].iter().take_while(|m| m.end <= at.start + longest).any(|m| m.start <= at.start);
            for &o in owners {
                if o < self.rules {
                    if let Some(s) = s.filter(|_| !silenced) {
                        plan[s * words + o / 64] |= 1 << (o % 64);
                    }
                } else if o >= self.masks {
                    continue;
                } else if o >= self.rules + self.scopes {
                    if let Some(s) = s {
                        let r = o - self.rules - self.scopes;
                        requires[s * words + r / 64] |= 1 << (r % 64);
                    }
                } else if let Some(b) = s.map(|s| layout.sentences[s].block).or_else(|| layout.block_at(pos)) {
                    voice.push((o - self.rules, b));
                }
            }
        }
        voice.sort_unstable();
        voice.dedup();
        Plan { rules: pairs(&plan, words), voice, requires, words }
    }

    /// The plan grouped by sentence.
    fn planned<'p>(plan: &'p [(usize, usize)]) -> impl Iterator<Item = (usize, &'p [(usize, usize)])> + 'p {
        plan.chunk_by(|a, b| a.0 == b.0).map(|group| (group[0].0, group))
    }

    /// Every regex hit of every planned rule, and whether an exclude removed it.
    pub fn debug(&self, set: &RuleSet, text: &str, layout: &Layout) -> Vec<String> {
        let mut out = Vec::new();
        let plan = self.plan(text, layout).rules;
        for (s, rules) in Self::planned(&plan) {
            let range = layout.sentences[s].range.clone();
            for &(_, r) in rules {
                let rule = &set.rules[r];
                if !rule.script.admits(crate::rules::ScriptCounts::of(&text[range.clone()])) {
                    out.push(format!("{} skipped: sentence not in its script", rule.id));
                    continue;
                }
                for m in rule.regex.captures_iter(&text[range.clone()]) {
                    let m = m.name("claim").or_else(|| m.get(0)).expect("group 0");
                    let span = range.start + m.start()..range.start + m.end();
                    let why = excluded_by(set, rule, text, range.clone(), span.clone());
                    out.push(format!("{} {:?} {}", rule.id, &text[span], why.unwrap_or_default()));
                }
            }
        }
        out
    }

    /// Every surviving candidate, overlaps resolved, list rules expanded, in text order.
    pub fn candidates(&self, set: &RuleSet, text: &str, layout: &Layout) -> Vec<Candidate> {
        self.detect(set, text, layout).candidates
    }

    /// The candidates, and the voice patterns the same trigger pass woke.
    pub fn detect(&self, set: &RuleSet, text: &str, layout: &Layout) -> Detection {
        self.detect_many(set, &[(text, layout)]).pop().expect("one document in, one detection out")
    }

    /// `detect` for several documents (text and layout each), with every document's planned
    /// rules run rule by rule across all of them: a rule's automaton then stays in the cache
    /// over all its sentences in the batch, where within one document a rule has a sentence or
    /// two before the next rule evicts it. Each document gets what `detect` gives it alone.
    pub fn detect_many(&self, set: &RuleSet, docs: &[(&str, &Layout)]) -> Vec<Detection> {
        let mut voices = Vec::with_capacity(docs.len());
        let mut runs: Vec<(u32, u32, u32)> = Vec::new();
        for (d, &(text, layout)) in docs.iter().enumerate() {
            let (planned, voice) = self.runs(set, text, layout);
            runs.extend(planned.into_iter().map(|(r, s)| (r as u32, d as u32, s as u32)));
            voices.push(voice);
        }
        runs.sort_unstable();
        let mut raw: Vec<Vec<(Candidate, i32)>> = vec![Vec::new(); docs.len()];
        let mut scratch = Scratch::default();
        for (r, d, s) in runs {
            let (r, d, s) = (r as usize, d as usize, s as usize);
            let (text, layout) = docs[d];
            scratch.doc = d;
            run_rule(self, set, r, text, s, layout.sentences[s].range.clone(), &mut scratch, &mut raw[d]);
        }
        raw.into_iter()
            .zip(voices)
            .zip(docs)
            .map(|((raw, voice), &(text, layout))| Detection { candidates: settle(set, text, layout, raw), voice })
            .collect()
    }

    /// The (rule, sentence) runs a document's triggers call for, in order, with the voice
    /// patterns they woke.
    fn runs(&self, set: &RuleSet, text: &str, layout: &Layout) -> (Pairs, Pairs) {
        // A rule's paragraph-wide `requires` is asked once per paragraph, not per sentence.
        let mut requires: Vec<((usize, usize), bool)> = Vec::new();
        let Plan { rules: plan, voice, requires: literals, words } = self.plan(text, layout);
        let literals = Literals { bits: &literals, words };
        let mut runs: Vec<(usize, usize)> = Vec::with_capacity(plan.len());
        for (s, rules) in Self::planned(&plan) {
            let range = layout.sentences[s].range.clone();
            let mut counts = None;
            for &(_, r) in rules {
                let script = set.rules[r].script;
                if script != crate::rules::Script::Any
                    && !script
                        .admits(*counts.get_or_insert_with(|| crate::rules::ScriptCounts::of(&text[range.clone()])))
                {
                    continue;
                }
                if !requirement_met(set, r, text, layout, s, literals, &mut requires) {
                    continue;
                }
                runs.push((r, s));
            }
        }
        (runs, voice)
    }
}

/// A document's rule hits made candidates: overlaps resolved, lists expanded, notes and
/// excluded table cells dropped, in text order.
fn settle(set: &RuleSet, text: &str, layout: &Layout, raw: Vec<(Candidate, i32)>) -> Vec<Candidate> {
    let mut kept = resolve_overlaps(set, raw);
    kept = expand_lists(set, text, kept);
    // A note ("*Based on a survey…", "**Circana, dollar sales growth among top 20 brands")
    // says on what basis the claims above it rest; it claims nothing itself.
    kept.retain(|c| {
        layout.blocks[layout.sentences[c.sentence].block].kind != crate::segments::BlockKind::Footnote
            && !crate::tables::excluded(set, text, layout, c)
    });
    kept.sort_by_key(|c| (c.span.start, c.span.end));
    kept
}

/// The sentence holding `pos`, as `Layout::sentence_at` finds it, walking forward from the
/// sentence at `cursor`: hits come in order of their ends, so most fall in the sentence of the
/// one before or a few sentences on, where a binary search per hit cost more. A position
/// before the cursor's sentence (a long literal's start) is searched for.
fn sentence_from(layout: &Layout, cursor: &mut usize, pos: usize) -> Option<usize> {
    let sentences = &layout.sentences;
    if sentences.get(*cursor).is_none_or(|s| pos < s.range.start) {
        return layout.sentence_at(pos).inspect(|&s| *cursor = s);
    }
    while sentences.get(*cursor + 1).is_some_and(|s| s.range.start <= pos) {
        *cursor += 1;
    }
    (pos < sentences[*cursor].range.end).then_some(*cursor)
}

/// The set bits of rows of `words` words as (row, bit) pairs, in order.
fn pairs(bits: &[u64], words: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(bits.iter().map(|w| w.count_ones() as usize).sum());
    for (i, &w) in bits.iter().enumerate() {
        let mut w = w;
        while w != 0 {
            let bit = w.trailing_zeros() as usize;
            out.push((i / words, i % words * 64 + bit));
            w &= w - 1;
        }
    }
    out
}

/// Where the literals of rules' `requires` occur (see `Plan::requires`).
#[derive(Clone, Copy)]
struct Literals<'p> {
    bits: &'p [u64],
    words: usize,
}

impl Literals<'_> {
    /// Whether sentence `s` holds a literal of rule `r`'s `requires`.
    fn seen(self, s: usize, r: usize) -> bool {
        self.bits[s * self.words + r / 64] & (1 << (r % 64)) != 0
    }
}

/// A rule's `requires`: in the sentence, or in the paragraph (a table row reads its table).
/// Its regex runs only where the trigger pass saw one of its literals.
fn requirement_met(
    set: &RuleSet,
    r: usize,
    text: &str,
    layout: &Layout,
    s: usize,
    literals: Literals,
    cache: &mut Vec<((usize, usize), bool)>,
) -> bool {
    let rule = &set.rules[r];
    let Some((req, reach)) = &rule.requires else { return true };
    let seen =
        |mut sentences: Range<usize>| rule.requires_triggers.is_empty() || sentences.any(|x| literals.seen(x, r));
    let block = layout.sentences[s].block;
    let row = layout.blocks[block].kind == crate::segments::BlockKind::TableRow;
    match reach {
        Reach::Clause | Reach::Sentence if !row => {
            seen(s..s + 1) && req.is_match(&text[layout.sentences[s].range.clone()])
        }
        _ => {
            let para = layout.paragraph_of(block);
            let key = (r, para.start);
            // Sentences come in order, so only the current paragraph's answers are kept: a
            // handful, where a scan beats hashing, however long the document.
            if cache.first().is_some_and(|((_, p), _)| *p != para.start) {
                cache.clear();
            }
            if let Some((_, hit)) = cache.iter().find(|(k, _)| *k == key) {
                return *hit;
            }
            let sentences = layout.blocks[para.start].sentences.start..layout.blocks[para.end - 1].sentences.end;
            let range = layout.blocks[para.start].range.start..layout.blocks[para.end - 1].range.end;
            let hit = seen(sentences) && req.is_match(&text[range]);
            cache.push((key, hit));
            hit
        }
    }
}

/// A rule's capture slots and where its named groups are, made once per document for each
/// rule that runs in it.
struct Slots {
    slots: crate::pattern::Slots,
    /// claim, value, num, den, top, subj, metric, counted.
    groups: [Option<usize>; 8],
}

impl Slots {
    fn new(re: &regex::Regex) -> Slots {
        let groups = ["claim", "value", "num", "den", "top", "subj", "metric", "counted"]
            .map(|g| crate::pattern::Slots::index(re, g));
        Slots { slots: crate::pattern::Slots::new(re), groups }
    }

    /// The range of named group `k` (an index into `groups`) in the last match, if it took part.
    fn get(&self, k: usize) -> Option<Range<usize>> {
        self.groups[k].and_then(|i| self.slots.get(i))
    }
}

/// (document, start, end, kind) -> whether the excludes of that kind remove that span.
type Verdicts = HashMap<(usize, usize, usize, Kind), bool>;

/// What the runs of a batch of documents reuse: capture slots per rule, and the excludes'
/// verdicts on the spans found so far.
#[derive(Default)]
struct Scratch {
    slots: Vec<Option<Slots>>,
    /// (document, start, end, kind) -> fired: the rules of a kind often find the same span
    /// ("41%" is read by every percentage rule), and the excludes of a kind give it the same
    /// answer.
    fired: Verdicts,
    /// The document of the run under way.
    doc: usize,
}

#[allow(clippy::too_many_arguments)]
fn run_rule(
    matcher: &Matcher,
    set: &RuleSet,
    r: usize,
    text: &str,
    s: usize,
    range: Range<usize>,
    scratch: &mut Scratch,
    out: &mut Vec<(Candidate, i32)>,
) {
    let rule = &set.rules[r];
    let re = rule.regex.regex();
    let sentence = &text[range.clone()];
    // Most runs find nothing: a match test stops at the first hit, where a search for
    // captures would look on for the longest.
    if !re.is_match(sentence) {
        return;
    }
    let Scratch { slots, fired, doc } = scratch;
    if slots.len() <= r {
        slots.resize_with(r + 1, || None);
    }
    let slot = slots[r].get_or_insert_with(|| Slots::new(re));
    slot.slots.reset();
    while slot.slots.next(re, sentence) {
        let whole = slot.slots.get(0).expect("group 0 always matches");
        let claim = slot.get(0).unwrap_or(whole);
        let claim_text = &sentence[claim.clone()];
        if claim_text.trim().is_empty() {
            continue;
        }
        let group_text = |k: usize| slot.get(k).map(|g| &sentence[g]);
        let span = range.start + claim.start..range.start + claim.end;
        // Most matches in running text are periods, growth rates and ordinals that an exclude
        // removes: ask the excludes before parsing the number.
        if matcher.excluded(rule, text, range.clone(), span.clone(), *doc, fired) {
            continue;
        }
        let value = match rule.value {
            ValueSpec::Ratio => ratio(group_text(2), group_text(3)),
            spec => eval(spec, group_text(1)),
        };
        // The hedge may sit outside the value group ("占比超过七成"), so look at the claim.
        let vague =
            rule.vague || (rule.value == ValueSpec::Share && group_text(1).is_some() && coarse_hedged(claim_text));
        let top = match rule.top {
            ValueSpec::Fixed(x) if x >= 0.0 => Some(x as u32),
            spec => eval(spec, group_text(4)).map(|v| v as u32),
        };
        let parses = |spec: ValueSpec, v: Option<f64>| {
            !matches!(spec, ValueSpec::Share | ValueSpec::Rank | ValueSpec::Top | ValueSpec::Ratio) || v.is_some()
        };
        if !parses(rule.value, value) && !rule.list || !parses(rule.top, top.map(f64::from)) {
            continue;
        }
        if rule.kind == Kind::Share && value.is_some_and(|v| !(0.0..=100.0).contains(&v)) {
            continue;
        }
        let group = |k: usize| slot.get(k).map(|g| range.start + g.start..range.start + g.end);
        let (subject, counted) = (group(5), group(7));
        let metric = group(6).or_else(|| counted.clone());
        let exact_metric = counted.is_some();
        let cand =
            Candidate { rule: r, kind: rule.kind, span, value, top, vague, sentence: s, subject, metric, exact_metric };
        out.push((cand, rule.priority));
    }
}

fn eval(spec: ValueSpec, group: Option<&str>) -> Option<f64> {
    match spec {
        ValueSpec::None | ValueSpec::Ratio => None,
        ValueSpec::Fixed(x) => Some(x),
        ValueSpec::Share => numbers::parse_share(group?),
        ValueSpec::Rank => numbers::parse_rank(group?).map(f64::from),
        ValueSpec::Top => numbers::parse_top(group?).map(f64::from),
    }
}

fn ratio(num: Option<&str>, den: Option<&str>) -> Option<f64> {
    let count = |s: &str| numbers::parse_cn_integer(s).or_else(|| numbers::parse_en_integer(s));
    let (n, d) = (count(num?)? as f64, count(den?)? as f64);
    (d > 0.0 && n <= d).then(|| (n / d * 1000.0).round() / 10.0)
}

/// "近五成", "more than a third", "超三分之一": a coarse form (tenths, fractions) with a hedge
/// keeps its number but states no exact quantity.
fn coarse_hedged(s: &str) -> bool {
    // Most shares are exact figures ("12%"): the hedge is asked only of a coarse form.
    let lower = s.to_lowercase();
    let coarse = s.contains('成')
        || s.contains("分之")
        || ["third", "quarter", "half", "fifth"].iter().any(|w| lower.contains(w));
    coarse
        && (["近", "超", "约", "逾", "将近", "接近", "不到", "以上", "左右", "多"].iter().any(|h| s.contains(h))
            || ["more than", "less than", "nearly", "almost", "about", "roughly", "over", "around", "some", "close to"]
                .iter()
                .any(|h| lower.contains(h)))
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The text before and after a candidate that excludes look at, within its sentence.
fn windows<'t>(text: &'t str, sentence: &Range<usize>, span: &Range<usize>) -> (&'t str, &'t str) {
    let before = &text[floor_char(text, span.start.saturating_sub(WINDOW)).max(sentence.start)..span.start];
    let after = &text[span.end..ceil_char(text, span.end + WINDOW).min(sentence.end)];
    (before, after)
}

impl Matcher {
    fn excluded(
        &self,
        rule: &Rule,
        text: &str,
        sentence: Range<usize>,
        span: Range<usize>,
        doc: usize,
        fired: &mut Verdicts,
    ) -> bool {
        let (before, after) = windows(text, &sentence, &span);
        let claim = &text[span.clone()];
        if rule.not_before.as_ref().is_some_and(|r| r.is_match(before))
            || rule.not_after.as_ref().is_some_and(|r| r.is_match(after))
            || rule.not_text.as_ref().is_some_and(|r| r.is_match(claim))
        {
            return true;
        }
        *fired
            .entry((doc, span.start, span.end, rule.kind))
            .or_insert_with(|| self.exclude_set(rule.kind).fires([before, after, claim]))
    }
}

/// The rule's own `not_before`/`not_after`/`not_text` and every global exclude for its kind;
/// names the check that removed the candidate.
fn excluded_by(set: &RuleSet, rule: &Rule, text: &str, sentence: Range<usize>, span: Range<usize>) -> Option<String> {
    let (before, after) = windows(text, &sentence, &span);
    let claim = &text[span.clone()];
    if rule.not_before.as_ref().is_some_and(|r| r.is_match(before)) {
        return Some("not_before".into());
    }
    if rule.not_after.as_ref().is_some_and(|r| r.is_match(after)) {
        return Some("not_after".into());
    }
    if rule.not_text.as_ref().is_some_and(|r| r.is_match(claim)) {
        return Some("not_text".into());
    }
    set.excludes
        .iter()
        .filter(|x| x.kinds.contains(&rule.kind))
        .find(|x| {
            let checks = [
                x.before.as_ref().map(|r| r.is_match(before)),
                x.after.as_ref().map(|r| r.is_match(after)),
                x.text.as_ref().map(|r| r.is_match(claim)),
            ];
            checks.iter().flatten().all(|&hit| hit)
        })
        .map(|x| x.id.clone())
}

/// Shares compete with shares; ranks and superlatives compete with each other, because
/// "the No. 1 vendor" is one fact whichever rule saw it first.
fn group(kind: Kind) -> u8 {
    match kind {
        Kind::Share => 0,
        Kind::Rank | Kind::Superlative => 1,
    }
}

fn resolve_overlaps(set: &RuleSet, mut raw: Vec<(Candidate, i32)>) -> Vec<Candidate> {
    raw.sort_by(|(a, pa), (b, pb)| {
        pb.cmp(pa).then(b.span.len().cmp(&a.span.len())).then(a.span.start.cmp(&b.span.start)).then(a.rule.cmp(&b.rule))
    });
    // The spans kept so far in each group, by start: they never overlap, so the one starting
    // last before a candidate ends is the only one it can clash with.
    let mut taken: [std::collections::BTreeMap<usize, usize>; 2] = Default::default();
    let mut kept: Vec<Candidate> = Vec::new();
    for (c, _) in raw {
        let spans = &mut taken[usize::from(group(c.kind))];
        let clash = spans.range(..c.span.end).next_back().is_some_and(|(_, &end)| end > c.span.start);
        if !clash {
            spans.insert(c.span.start, c.span.end);
            kept.push(c);
        }
    }
    let _ = set;
    kept
}

/// "分别占比27%、17%" is two claims: a list rule's `value` group yields one claim per share.
fn expand_lists(set: &RuleSet, text: &str, cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out = Vec::with_capacity(cands.len());
    for c in cands {
        if !set.rules[c.rule].list {
            out.push(c);
            continue;
        }
        let claim = &text[c.span.clone()];
        let items = numbers::find_shares(claim);
        if items.is_empty() {
            continue;
        }
        for (i, (r, v)) in items.into_iter().enumerate() {
            let start = if i == 0 { c.span.start } else { c.span.start + r.start };
            out.push(Candidate { span: start..c.span.start + r.end, value: Some(v), ..c.clone() });
        }
    }
    out
}

/// The clause around a candidate, for callers that look for nearby words.
pub fn clause_of(text: &str, layout: &Layout, c: &Candidate) -> Range<usize> {
    clause_bounds(text, layout.sentences[c.sentence].range.clone(), c.span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(kind: Kind, span: Range<usize>) -> Candidate {
        Candidate {
            rule: 0,
            kind,
            span,
            value: None,
            top: None,
            vague: false,
            sentence: 0,
            subject: None,
            metric: None,
            exact_metric: false,
        }
    }

    /// A batch runs each rule over all its documents' sentences before the next rule, and the
    /// excludes' verdict on a span is kept for the rules after: a verdict on one document's
    /// bytes must not be read for another document's span at the same offsets ("31%" below is
    /// a growth rate in one and a share in the other, at bytes 14..17 of both).
    #[test]
    fn a_verdict_on_one_documents_span_is_not_reused_for_anothers() {
        let set = crate::rules::load(&crate::scanner::default_sources()).expect("default rules load");
        let matcher = Matcher::new(&set);
        let texts = ["Sales grew at 31% as share rose.", "Acme's share: 31% of the market."];
        let layouts: Vec<Layout> = texts.iter().map(|t| crate::segments::layout_text(t)).collect();
        let docs: Vec<(&str, &Layout)> = texts.iter().copied().zip(&layouts).collect();
        let spans = |d: &Detection| d.candidates.iter().map(|c| (c.span.start, c.span.end)).collect::<Vec<_>>();
        let alone: Vec<Vec<(usize, usize)>> = docs.iter().map(|&(t, l)| spans(&matcher.detect(&set, t, l))).collect();
        assert_eq!(alone, [vec![], vec![(14, 17)]], "the growth rate is no candidate, the share is one");
        for order in [[0, 1], [1, 0]] {
            let batch: Vec<(&str, &Layout)> = order.iter().map(|&i| docs[i]).collect();
            let together: Vec<Vec<(usize, usize)>> = matcher.detect_many(&set, &batch).iter().map(spans).collect();
            assert_eq!(together, order.map(|i| alone[i].clone()), "documents in the order {order:?}");
        }
    }

    #[test]
    fn the_walk_to_a_hits_sentence_agrees_with_the_search() {
        let text = "One claim here.  Two follows it. Three!\n\nFour is a new block. Five.";
        let layout = crate::segments::layout_text(text);
        assert!(layout.sentences.len() >= 5);
        // In order, out of order, in the gaps between sentences and past the end.
        let mut order: Vec<usize> = (0..=text.len()).collect();
        order.extend((0..=text.len()).rev().step_by(3));
        order.extend([40, 2, 41, 0, text.len(), 17]);
        let mut cursor = 0;
        for pos in order {
            assert_eq!(sentence_from(&layout, &mut cursor, pos), layout.sentence_at(pos), "at {pos}");
        }
    }

    #[test]
    fn overlaps_are_settled_by_priority_then_length_within_a_group() {
        let raw = vec![
            (cand(Kind::Share, 0..5), 9),
            (cand(Kind::Share, 10..15), 9),
            // Lower priority: clashes with both spans above, then with neither.
            (cand(Kind::Share, 3..12), 1),
            (cand(Kind::Share, 6..9), 1),
            (cand(Kind::Share, 14..20), 1),
            // Ranks and superlatives compete with each other, not with shares.
            (cand(Kind::Rank, 2..4), 5),
            (cand(Kind::Superlative, 0..3), 1),
            (cand(Kind::Superlative, 4..8), 1),
        ];
        let mut kept: Vec<(Kind, Range<usize>)> =
            resolve_overlaps(&RuleSet::default(), raw).into_iter().map(|c| (c.kind, c.span)).collect();
        kept.sort_by_key(|(k, s)| (group(*k), s.start));
        assert_eq!(
            kept,
            vec![
                (Kind::Share, 0..5),
                (Kind::Share, 6..9),
                (Kind::Share, 10..15),
                (Kind::Rank, 2..4),
                (Kind::Superlative, 4..8)
            ]
        );
    }
}
