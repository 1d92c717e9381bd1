//! Scope: metric, market, geography, period and source for each claim, looked up in the
//! claim's sentence first, then the rest of its paragraph, then the document's title,
//! nearest heading and lead paragraph.

use crate::lexicon::{LexiconCategory, Lexicons};
use crate::matcher::Candidate;
use crate::model::Via;
use crate::rules::{Reach, RuleSet, ScopeField, ScopeRole};
use crate::segments::{BlockKind, Layout};
use std::ops::Range;

/// One scope value found in one sentence.
#[derive(Debug, Clone)]
pub struct Found {
    pub field: ScopeField,
    /// Where the tag's text is.
    pub range: Range<usize>,
    pub id: Option<String>,
    /// An allusion to a source that names nobody ("a report", 据报告).
    pub vague: bool,
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
    cache: Vec<Option<Vec<Found>>>,
    orgs: Vec<Option<Vec<Range<usize>>>>,
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

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

impl<'a> ScopeFinder<'a> {
    pub fn new(text: &'a str, layout: &'a Layout, set: &'a RuleSet, lex: &'a Lexicons) -> Self {
        let n = layout.sentences.len();
        ScopeFinder {
            text,
            layout,
            set,
            lex,
            cache: vec![None; n],
            orgs: vec![None; n],
        }
    }

    /// Organisation names in a sentence, which no other tag may be found inside
    /// ("China" in "China Mobile" is not a geography).
    pub fn orgs(&mut self, s: usize) -> &[Range<usize>] {
        if self.orgs[s].is_none() {
            let range = self.layout.sentences[s].range.clone();
            let found = self
                .lex
                .get(LexiconCategory::Org)
                .find(self.text, range)
                .into_iter()
                .map(|m| m.range)
                .collect();
            self.orgs[s] = Some(found);
        }
        self.orgs[s].as_deref().unwrap_or(&[])
    }

    fn found(&mut self, s: usize) -> &[Found] {
        if self.cache[s].is_none() {
            let v = self.extract(s);
            self.cache[s] = Some(v);
        }
        self.cache[s].as_deref().unwrap_or(&[])
    }

    fn extract(&mut self, s: usize) -> Vec<Found> {
        let range = self.layout.sentences[s].range.clone();
        let text = self.text;
        let mut out = Vec::new();
        let sources: Vec<Range<usize>> = self
            .lex
            .get(LexiconCategory::Source)
            .find(text, range.clone())
            .into_iter()
            .map(|m| m.range)
            .collect();
        let orgs = self.orgs(s).to_vec();
        let mut blocked: Vec<Range<usize>> = Vec::new();
        for p in self
            .set
            .scopes
            .iter()
            .filter(|p| p.role == ScopeRole::Block)
        {
            for m in p.regex.find_iter(&text[range.clone()]) {
                blocked.push(range.start + m.start()..range.start + m.end());
            }
        }
        for field in [
            ScopeField::Source,
            ScopeField::Metric,
            ScopeField::Market,
            ScopeField::Geography,
        ] {
            let lex = self.lex.get(category(field));
            for m in lex.find(text, range.clone()) {
                let inside_name = orgs
                    .iter()
                    .any(|o| overlaps(o, &m.range) && o.len() > m.range.len())
                    || (field != ScopeField::Source
                        && sources.iter().any(|o| overlaps(o, &m.range)));
                if inside_name || blocked.iter().any(|b| overlaps(b, &m.range)) {
                    continue;
                }
                out.push(Found {
                    field,
                    range: m.range,
                    id: Some(lex.id(m.entry).to_string()),
                    vague: false,
                });
            }
        }
        for p in &self.set.scopes {
            let Some(field) = p.field else { continue };
            if !matches!(p.role, ScopeRole::Value | ScopeRole::Vague) {
                continue;
            }
            for caps in p.regex.captures_iter(&text[range.clone()]) {
                let m = crate::rules::name_group(&p.regex, &caps)
                    .unwrap_or_else(|| caps.get(0).expect("group 0"));
                let r = range.start + m.start()..range.start + m.end();
                if r.is_empty() || blocked.iter().any(|b| overlaps(b, &r)) {
                    continue;
                }
                // A lexicon hit at the same place already carries a canonical id.
                if out
                    .iter()
                    .any(|f: &Found| f.field == field && overlaps(&f.range, &r) && !f.vague)
                {
                    continue;
                }
                let id = p.tag_id.clone().or_else(|| {
                    let lex = self.lex.get(category(field));
                    lex.find(text, r.clone())
                        .first()
                        .map(|m| lex.id(m.entry).to_string())
                });
                out.push(Found {
                    field,
                    range: r,
                    id,
                    vague: p.role == ScopeRole::Vague,
                });
            }
        }
        out
    }

    /// Context levels for a claim: its sentence (and footnotes it points at), the rest of its
    /// paragraph nearest first, then the nearest heading, the title and the lead paragraph.
    fn levels(&self, c: &Candidate) -> [(Via, Vec<usize>); 3] {
        let layout = self.layout;
        let s = c.sentence;
        let block = layout.sentences[s].block;
        let mut own = vec![s];
        let sentence_text = &self.text[layout.sentences[s].range.clone()];
        if sentence_text.contains('*') || sentence_text.contains('※') {
            for f in layout.footnotes() {
                own.extend(layout.blocks[f].sentences.clone());
            }
        }
        let b = &layout.blocks[block];
        let mut para: Vec<usize> = (b.sentences.start..s).rev().collect();
        para.extend(s + 1..b.sentences.end);
        let mut doc = Vec::new();
        for h in layout.headings_before(block) {
            doc.extend(layout.blocks[h].sentences.clone());
        }
        if let Some(lead) = layout.lead.filter(|&l| l != block) {
            doc.extend(layout.blocks[lead].sentences.clone());
        }
        // A claim in the title or a heading reads the lead as its context.
        if matches!(b.kind, BlockKind::Title | BlockKind::Heading)
            && layout.lead.is_none()
            && let Some(next) = layout.blocks.get(block + 1)
        {
            doc.extend(next.sentences.clone());
        }
        [
            (Via::Sentence, own),
            (Via::Paragraph, para),
            (Via::Document, doc),
        ]
    }

    pub fn resolve(
        &mut self,
        c: &Candidate,
        reach: Reach,
        subject: Option<&Range<usize>>,
    ) -> Resolved {
        let levels = self.levels(c);
        let mut out = Resolved::default();
        for field in ScopeField::ALL {
            let limit = match field {
                ScopeField::Market => Reach::Document,
                _ => reach,
            };
            let allowed = match limit {
                Reach::Sentence => 1,
                Reach::Paragraph => 2,
                Reach::Document => 3,
            };
            'levels: for (via, sentences) in levels.iter().take(allowed) {
                let mut best: Option<(usize, Found)> = None;
                let mut vague: Option<(usize, Found)> = None;
                for &s in sentences {
                    for f in self.found(s).iter().filter(|f| f.field == field) {
                        if subject.is_some_and(|r| overlaps(r, &f.range))
                            || overlaps(&f.range, &c.span) && field == ScopeField::Source
                        {
                            continue;
                        }
                        let dist = distance(&f.range, &c.span);
                        let slot = if f.vague { &mut vague } else { &mut best };
                        if slot.as_ref().is_none_or(|(d, _)| dist < *d) {
                            *slot = Some((dist, f.clone()));
                        }
                    }
                }
                if let Some((_, f)) = best {
                    out.set(
                        field,
                        TagDraft {
                            range: f.range,
                            id: f.id,
                            via: *via,
                        },
                    );
                    break 'levels;
                }
                if let Some((_, f)) = vague {
                    out.vague_source = Some((f.range, *via));
                    break 'levels;
                }
            }
        }
        out
    }
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}
