//! Scope: metric, market, geography, period and source for each claim, looked up in the
//! claim's sentence first, then the rest of its paragraph, then the document's title,
//! nearest heading and lead paragraph.

use crate::lexicon::{LexMatch, LexiconCategory, Lexicons};
use crate::matcher::Candidate;
use crate::model::Via;
use crate::rules::{RuleSet, ScopeField};
use crate::segments::{BlockKind, Layout};
use crate::triggers::TriggerIndex;
use patterns::{Runs, Slots};
use std::ops::Range;

mod extract;
mod names;
mod patterns;
mod resolve;

/// One scope value found in one sentence.
#[derive(Debug, Clone)]
pub struct Found<'a> {
    pub field: ScopeField,
    /// Where the tag's text is.
    pub range: Range<usize>,
    /// Borrowed from the lexicons or the rule set: found values are many, tags few.
    pub id: Option<&'a str>,
    /// An allusion to a source that names nobody ("a report", 据报告).
    pub vague: bool,
    /// What a period does in its sentence; `Own` for the other fields.
    pub role: crate::periods::Role,
}

/// A scope tag before it is mapped to input spans.
#[derive(Debug, Clone, PartialEq)]
pub struct TagDraft {
    pub range: Range<usize>,
    pub id: Option<String>,
    pub via: Via,
}

/// What a claim's scope resolved to, plus whether its source was only alluded to.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub metric: Option<TagDraft>,
    pub market: Option<TagDraft>,
    pub geography: Option<TagDraft>,
    pub period: Option<TagDraft>,
    pub source: Option<TagDraft>,
    pub vague_source: Option<(Range<usize>, Via)>,
}

impl Resolved {
    pub fn get(&self, field: ScopeField) -> Option<&TagDraft> {
        match field {
            ScopeField::Metric => self.metric.as_ref(),
            ScopeField::Market => self.market.as_ref(),
            ScopeField::Geography => self.geography.as_ref(),
            ScopeField::Period => self.period.as_ref(),
            ScopeField::Source => self.source.as_ref(),
        }
    }

    fn set(&mut self, field: ScopeField, tag: TagDraft) {
        let slot = match field {
            ScopeField::Metric => &mut self.metric,
            ScopeField::Market => &mut self.market,
            ScopeField::Geography => &mut self.geography,
            ScopeField::Period => &mut self.period,
            ScopeField::Source => &mut self.source,
        };
        *slot = Some(tag);
    }
}

pub struct ScopeFinder<'a> {
    text: &'a str,
    layout: &'a Layout,
    set: &'a RuleSet,
    lex: &'a Lexicons,
    triggers: &'a TriggerIndex,
    /// Per sentence, its values of the fields in `done` (bits by `bit`): a claim's own sentence
    /// is read for every field, but the sentences around it only for the fields the claim's
    /// own sentence left open, so each field is extracted when first asked for.
    cache: Vec<Vec<Found<'a>>>,
    done: Vec<u8>,
    runs: Runs,
    hits: Vec<Option<Vec<LexMatch>>>,
    /// For each block, the nearest heading before it; and the title: found once, since a
    /// search per claim grows with the document.
    heading_before: Vec<Option<usize>>,
    title: Option<usize>,
    footnotes: Vec<usize>,
    /// Sentences that hold a claim of their own.
    claimed: Vec<bool>,
    /// Sentences that hold a place on a ranking.
    ranked: Vec<bool>,
    /// Sentences that say what a ranking is based on, found on first need.
    basis: Option<Vec<usize>>,
    /// Per scope pattern, made on its first match attempt: one set of capture slots reused
    /// for every match in the document, rather than a `Captures` allocated per match.
    slots: Vec<Option<Slots>>,
}

fn category(field: ScopeField) -> LexiconCategory {
    match field {
        ScopeField::Metric => LexiconCategory::Metric,
        ScopeField::Market => LexiconCategory::Market,
        ScopeField::Geography => LexiconCategory::Geo,
        ScopeField::Period => LexiconCategory::Org, // periods come from patterns only
        ScopeField::Source => LexiconCategory::Source,
    }
}

/// A field's bit in a set of fields.
fn bit(field: ScopeField) -> u8 {
    1 << field as u8
}

const ALL_FIELDS: u8 = (1 << ScopeField::ALL.len()) - 1;

fn field_of(category: LexiconCategory) -> Option<ScopeField> {
    match category {
        LexiconCategory::Metric => Some(ScopeField::Metric),
        LexiconCategory::Market => Some(ScopeField::Market),
        LexiconCategory::Geo => Some(ScopeField::Geography),
        LexiconCategory::Source => Some(ScopeField::Source),
        LexiconCategory::Org => None,
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The trigger index over a rule set's scope patterns (those that tag a field).
pub fn scope_triggers(set: &RuleSet) -> TriggerIndex {
    TriggerIndex::new(
        set.scopes.iter().enumerate().filter(|(_, p)| p.field.is_some()).map(|(i, p)| (i, p.triggers.as_slice())),
    )
}

impl<'a> ScopeFinder<'a> {
    pub fn new(
        text: &'a str,
        layout: &'a Layout,
        set: &'a RuleSet,
        lex: &'a Lexicons,
        triggers: &'a TriggerIndex,
    ) -> Self {
        let n = layout.sentences.len();
        let mut heading_before = Vec::with_capacity(layout.blocks.len());
        let mut last = None;
        for (i, b) in layout.blocks.iter().enumerate() {
            heading_before.push(last);
            if b.kind == BlockKind::Heading {
                last = Some(i);
            }
        }
        let title = layout.blocks.iter().position(|b| b.kind == BlockKind::Title);
        let footnotes = layout.footnotes().collect();
        ScopeFinder {
            text,
            layout,
            set,
            lex,
            triggers,
            cache: vec![Vec::new(); n],
            done: vec![0; n],
            runs: Runs::new(set, n),
            hits: vec![None; n],
            heading_before,
            title,
            footnotes,
            claimed: vec![false; n],
            ranked: vec![false; n],
            basis: None,
            slots: Vec::new(),
        }
    }

    /// Marks the sentences that hold claims: a later sentence with its own figure speaks for
    /// that figure ("…ranked fifth, the Guild said"), not for the claims before it.
    pub fn mark_claims(&mut self, cands: &[Candidate]) {
        for c in cands {
            self.claimed[c.sentence] = true;
            self.ranked[c.sentence] |= c.kind == crate::model::Kind::Rank;
        }
    }

    /// Reads now every value of the claims' own sentences, which `resolve` reads first for
    /// each claim: done for a batch of documents in a row, it finds the scope patterns'
    /// automata in the cache (see `Scanner::analyze_many`).
    pub fn read_claim_sentences(&mut self, cands: &[Candidate]) {
        for c in cands {
            self.found(c.sentence, ALL_FIELDS);
        }
    }
}
