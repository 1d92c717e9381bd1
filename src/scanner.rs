//! The scanner: compiled rules, lexicons and scope patterns, and the pass that turns a
//! document into claims with subject, scope and flags.

use crate::backing::{cited_by_holder, in_speech, is_characterisation, is_measured, professed, self_reported};
use crate::citations;
use crate::document::Document;
use crate::flags::{self, FlagInput};
use crate::lexicon::{LexiconCategory, Lexicons};
use crate::matcher::Candidate;
use crate::matcher::{Detection, Matcher};
use crate::model::{Citation, CitationStatus, Claim, Kind, Reference, Scope, Span, Tag, Via, VoiceReport};
use crate::rules::{self, LoadError, Reach, RuleSet, RuleSource};
use crate::scope::{ScopeFinder, TagDraft};
use crate::segments::clause_bounds;
use crate::subject::{SubjectDraft, SubjectFinder};
use crate::triggers::TriggerIndex;
use crate::voice;
use include_dir::{Dir, include_dir};
use std::ops::Range;

static DEFAULT_RULES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// The rule files compiled into the binary, so it runs with nothing around it.
pub fn default_sources() -> Vec<RuleSource> {
    let mut out = Vec::new();
    collect(&DEFAULT_RULES, &mut out);
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

fn collect(dir: &Dir<'_>, out: &mut Vec<RuleSource>) {
    for f in dir.files() {
        if f.path().extension().is_some_and(|e| e == "toml")
            && let Some(text) = f.contents_utf8()
        {
            out.push(RuleSource {
                path: format!("rules/{}", f.path().display()),
                text: text.to_string(),
                trusted: true,
            });
        }
    }
    for d in dir.dirs() {
        collect(d, out);
    }
}

/// Rule files under a user's folder, recursively, in path order.
pub fn sources_in(dir: &std::path::Path) -> std::io::Result<Vec<RuleSource>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d)? {
            let p = entry?.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|e| e == "toml") {
                let text = std::fs::read_to_string(&p)?;
                out.push(RuleSource { path: p.display().to_string(), text, trusted: false });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// How many documents, and how many bytes of them past the first, `Scanner::analyze_many` is
/// best given at once: smaller batches lose the gain, larger ones only hold more in memory.
pub const BATCH_DOCS: usize = 128;
pub const BATCH_BYTES: usize = 1 << 20;

/// `items` in such batches: consecutive items with a size (in bytes) go together, up to
/// `BATCH_DOCS` of them and, past the first, `BATCH_BYTES`; an item without one goes alone.
pub fn batches<T>(items: impl Iterator<Item = T>, size: impl Fn(&T) -> Option<usize>) -> impl Iterator<Item = Vec<T>> {
    let mut items = items.peekable();
    std::iter::from_fn(move || {
        let first = items.next()?;
        let Some(mut bytes) = size(&first) else { return Some(vec![first]) };
        let mut batch = vec![first];
        while batch.len() < BATCH_DOCS
            && let Some(n) = items.peek().and_then(&size).filter(|n| bytes + n <= BATCH_BYTES)
            && let Some(item) = items.next()
        {
            bytes += n;
            batch.push(item);
        }
        Some(batch)
    })
}

/// What a batch reads of a document with claims before it scopes them (see
/// `Scanner::analyze_many`). The voice is read only when an absolute claim will ask for it (a
/// claim that needs it otherwise reads it then), and counts as read, and is reported, only
/// once a claim has asked for it.
struct Ahead {
    voice: Option<voice::Voice>,
    cites: citations::DocCitations,
}

pub struct Scanner {
    pub set: RuleSet,
    matcher: Matcher,
    lex: Lexicons,
    scope_triggers: TriggerIndex,
}

impl Scanner {
    pub fn new(sources: &[RuleSource]) -> Result<Scanner, LoadError> {
        let set = rules::load(sources)?;
        Ok(Scanner::from_set(set))
    }

    pub fn from_set(set: RuleSet) -> Scanner {
        let matcher = Matcher::new(&set);
        let lex = Lexicons::build(&set.entries);
        let scope_triggers = crate::scope::scope_triggers(&set);
        Scanner { set, matcher, lex, scope_triggers }
    }

    pub fn with_defaults() -> Result<Scanner, LoadError> {
        Scanner::new(&default_sources())
    }

    pub fn lexicons(&self) -> &Lexicons {
        &self.lex
    }

    /// Every claim in a document, in text order.
    pub fn scan(&self, doc: &Document) -> Vec<Claim> {
        self.analyze(doc).0
    }

    /// Claims and the document voice they were judged in.
    pub fn analyze(&self, doc: &Document) -> (Vec<Claim>, Option<VoiceReport>) {
        self.analyze_many(&[doc]).pop().expect("one document in, one analysis out")
    }

    /// `analyze` for several documents: the claims of each, in order. Batches of about
    /// `BATCH_DOCS` documents or `BATCH_BYTES` of text get most of the gain. Every document's
    /// candidates are found before any is scoped: detection's automata then stay in the
    /// processor's caches from one document to the next, where scoping a document in between
    /// pushed them out (about a tenth of a scan of news went to reloading them). So with the
    /// scope patterns: the claims' own sentences are read for scope before any claim is, and
    /// so with the document's voice and citations.
    pub fn analyze_many(&self, docs: &[&Document]) -> Vec<(Vec<Claim>, Option<VoiceReport>)> {
        // Everything is found in the folded view; what is quoted comes from the text view.
        let texts: Vec<(&str, &crate::segments::Layout)> = docs.iter().map(|d| (d.match_text(), &d.layout)).collect();
        let found: Vec<Detection> = self.matcher.detect_many(&self.set, &texts);
        let scopes: Vec<Option<ScopeFinder>> = docs
            .iter()
            .zip(&found)
            .map(|(d, f)| {
                let mut scopes = self.scopes(d, &f.candidates)?;
                scopes.read_claim_sentences(&f.candidates);
                Some(scopes)
            })
            .collect();
        // The voice, for the documents whose claims will ask for it, and the citations.
        let ahead: Vec<Option<Ahead>> = docs
            .iter()
            .zip(&found)
            .map(|(d, f)| {
                (!f.candidates.is_empty()).then(|| Ahead {
                    voice: f
                        .candidates
                        .iter()
                        .any(|c| self.absolute(c))
                        .then(|| voice::detect(d.match_text(), &d.layout, &self.set, &self.lex, &f.voice)),
                    cites: citations::analyze(d),
                })
            })
            .collect();
        docs.iter()
            .zip(found)
            .zip(scopes)
            .zip(ahead)
            .map(|(((d, found), scopes), ahead)| self.analyze_detected(d, found, scopes, ahead))
            .collect()
    }

    /// Whether a claim speaks in absolute terms ("the largest", "No. 1"): such a claim is an
    /// extreme term when the document speaks for the holder, so it needs the voice.
    fn absolute(&self, c: &Candidate) -> bool {
        self.set.rules[c.rule].extreme.unwrap_or(match c.kind {
            Kind::Superlative => true,
            Kind::Rank => c.value == Some(1.0),
            Kind::Share => false,
        })
    }

    /// A document's scope reader, when it has claims to scope.
    fn scopes<'d>(&'d self, doc: &'d Document, cands: &[Candidate]) -> Option<ScopeFinder<'d>> {
        if cands.is_empty() {
            return None;
        }
        let mut scopes = ScopeFinder::new(doc.match_text(), &doc.layout, &self.set, &self.lex, &self.scope_triggers);
        scopes.mark_claims(cands);
        Some(scopes)
    }

    fn analyze_detected(
        &self,
        doc: &Document,
        detection: Detection,
        scopes: Option<ScopeFinder>,
        ahead: Option<Ahead>,
    ) -> (Vec<Claim>, Option<VoiceReport>) {
        let text = doc.match_text();
        let layout = &doc.layout;
        let cands = detection.candidates;
        let (Some(mut scopes), Some(Ahead { voice: mut read_voice, cites })) = (scopes, ahead) else {
            return (Vec::new(), None);
        };
        // The voice matters only for absolute terms, so it is read at the first one.
        let mut voice: Option<voice::Voice> = None;
        let subjects = SubjectFinder::new(text, layout, &self.lex);
        let mut claims = Vec::with_capacity(cands.len());
        let mut last_subject: Option<(usize, SubjectDraft)> = None;
        let mut named = Named::default();
        let boilerplate = crate::segments::boilerplate_start(text, layout).unwrap_or(usize::MAX);
        for c in &cands {
            let rule = &self.set.rules[c.rule];
            let block = layout.sentences[c.sentence].block;
            let subject = self.subject_of(c, &subjects, &mut scopes, last_subject.as_ref(), &mut voice, || {
                read_voice.take().unwrap_or_else(|| voice::detect(text, layout, &self.set, &self.lex, &detection.voice))
            });
            let (subject, counted) = match subject {
                Some(s) => {
                    let (s, counted) = self.counted(text, layout, c, &mut scopes, &named, s);
                    (Some(s), counted)
                }
                None => (None, None),
            };
            if let Some(s) = subject.as_ref().filter(|s| s.via == Via::Sentence) {
                let para = layout.paragraph_of(block).start;
                named.held.retain(|(p, _)| *p == para);
                named.held.push((para, s.range.clone()));
            }
            // The latest holder of each place, for "前两家", "the top three".
            let place = match c.kind {
                Kind::Rank if c.top.is_none() => c.value.map(|v| v as usize),
                Kind::Superlative if crate::crossdoc::is_leadership_text(&text[c.span.clone()]) => Some(1),
                _ => None,
            };
            if let (Some(k @ 1..=5), Some(s)) = (place, &subject)
                && counted.is_none()
            {
                named.places.resize(named.places.len().max(k), None);
                named.places[k - 1] = Some(s.range.clone());
            }
            if let Some(s) = &subject
                && s.via == Via::Sentence
                // The issuer speaking of itself ("本公司…份额约为9.4%，排名第三") goes on holding
                // what follows; "it" and "the company" stand for a name and are read anew.
                && (!SubjectFinder::is_pronoun(&text[s.range.clone()])
                    || ["本公司", "我司", "本集团", "我们", "we", "We", "our", "Our"].contains(&text[s.range.clone()].trim()))
            {
                last_subject = Some((block, s.clone()));
            }
            let characterisation = is_characterisation(text, layout, c) && !is_measured(text, &self.lex, c);
            // A spokesperson's words and the issuer's "About" paragraph assert; the figures and
            // sources elsewhere in the release do not measure them.
            let asserted = !characterisation
                && (block >= boilerplate
                    || in_speech(text, layout.blocks[block].range.clone(), c)
                    || professed(text, layout, c));
            // A holder reporting its own position keeps the paragraph's period, not its measurer.
            let self_report = !characterisation
                && !asserted
                && self_reported(text, &self.lex, layout.sentences[c.sentence].range.clone(), c, subject.as_ref());
            let reach = if characterisation {
                Reach::Clause
            } else if asserted {
                rule.reach.min(Reach::Sentence)
            } else {
                rule.reach
            };
            let subject_range = subject.as_ref().map(|s| &s.range);
            let resolved = scopes.resolve(c, reach, subject_range);
            // An analyst of the measuring firm quoted on its data speaks for the data.
            let (reach, mut resolved) = if asserted && resolved.source.is_some() && rule.reach > reach {
                (rule.reach, scopes.resolve(c, rule.reach, subject_range))
            } else {
                (reach, resolved)
            };
            // A list's stated basis says more of a place on it than a title or lead about
            // other figures.
            if resolved.metric.as_ref().is_none_or(|t| t.via == Via::Document)
                && reach == Reach::Document
                && !self_report
                && let Some(basis) = scopes.list_basis(c)
            {
                resolved.metric = Some(basis);
            }
            if self_report {
                // Its own internal data ("Based on internal sales data") still is its source.
                // So is a measurer it cites for the figures beside them ("The company
                // attributes the figures to research firm Omdia"), in their paragraph.
                if resolved.source.as_ref().is_some_and(|t| {
                    t.via != Via::Sentence
                        && t.id.as_deref() != Some("source.self")
                        && !(t.via == Via::Paragraph && cited_by_holder(text, layout, t))
                }) {
                    resolved.source = None;
                }
                if resolved.vague_source.as_ref().is_some_and(|(_, via)| *via != Via::Sentence) {
                    resolved.vague_source = None;
                }
            }
            // A measure the claim names itself ("best-selling") is what it counts when nothing
            // says more exactly ("in dollar sales", a paragraph about units sold); one it counts
            // exactly ("the most routes") beats a measure the context gave another claim ("FedEx
            // led with 19 billion tonne-kilometres, Southwest operates the most routes"), not
            // one that frames its own sentence ("By passengers, … carried the most travellers").
            let others = |t: &TagDraft| {
                t.via != Via::Sentence
                    || cands
                        .iter()
                        .any(|o| o.sentence == c.sentence && o.span.end <= t.range.start && o.span.start < c.span.start)
            };
            if let Some(r) = &c.metric
                && resolved.metric.as_ref().is_none_or(|t| c.exact_metric && others(t))
            {
                let metrics = self.lex.get(LexiconCategory::Metric);
                let id = metrics.find(text, r.clone()).first().map(|m| metrics.id(m.entry).to_string());
                resolved.metric = Some(TagDraft { range: r.clone(), id, via: Via::Sentence });
            }
            let mut subject_tag = subject.as_ref().map(|s| self.subject_tag(doc, s));
            // Holders named apart are listed by name; the count that refers to them is where.
            if let (Some(tag), Some((_, apart))) = (subject_tag.as_mut(), &counted)
                && !apart.is_empty()
            {
                let cjk = apart.iter().any(|r| text[r.clone()].chars().any(crate::segments::is_cjk));
                let names: Vec<&str> = apart.iter().map(|r| text[r.clone()].trim()).collect();
                tag.text = names.join(if cjk { "、" } else { ", " });
                tag.id = None;
                tag.span = None;
            }
            // The subject as the lexicons and the issuer's names read it.
            let subject_read = subject.as_ref().map(|s| text[s.range.clone()].trim());
            let absolute = self.absolute(c);
            let voice = match (absolute, &mut voice) {
                (false, v) => v.as_ref(),
                (true, v) => Some(&*v.get_or_insert_with(|| {
                    read_voice
                        .take()
                        .unwrap_or_else(|| voice::detect(text, layout, &self.set, &self.lex, &detection.voice))
                })),
            };
            let extreme = absolute && voice.is_some_and(|v| v.promotional) && {
                let voice = voice.expect("read above for absolute claims");
                let (t, id) = (subject_read, subject_tag.as_ref().and_then(|t| t.id.as_deref()));
                let ancestors = id.map(|i| self.ancestors(i)).unwrap_or_default();
                voice.is_self(t, id, &ancestors) && !self.names_other_party(t)
            };
            // A page's publication date is its dateline: the period of last resort for claims
            // that may take context from the document.
            let period = resolved.period.as_ref().map(|t| self.tag(doc, t)).or_else(|| {
                let (date, at) = doc.dateline.as_ref().filter(|_| reach == Reach::Document)?;
                let at = doc.raw_span(at.clone());
                Some(Tag { text: date.clone(), id: None, span: None, via: Via::Document, at: Some(at) })
            });
            let mut cited = cites.of_claim(doc, c.sentence, c.span.clone());
            if reach == Reach::Clause {
                // A characterisation is not what the sentence's citation measured.
                let clause = clause_bounds(text, layout.sentences[c.sentence].range.clone(), c.span.start);
                cited.retain(|x| x.marker.start >= clause.start && x.marker.start <= clause.end);
            }
            let citation_list = self.citations(doc, &cited);
            // A claim that names no source in its own sentence but cites an entry naming a known firm
            // takes that firm: the citation beside it is nearer than the paragraph's context.
            let own = resolved.source.as_ref().filter(|t| t.via == Via::Sentence).map(|t| self.tag(doc, t));
            let inferred = || resolved.source.as_ref().map(|t| self.tag(doc, t));
            let source = own.or_else(|| self.cited_source(doc, &cited)).or_else(inferred);
            let vague_cue = resolved.vague_source.as_ref().map(|(r, _)| doc.text[r.clone()].trim().to_string());
            let mut flag_list = flags::compute(&FlagInput {
                kind: Some(c.kind),
                has_metric: resolved.metric.is_some(),
                has_period: period.is_some(),
                has_source: source.is_some(),
                vague_source: vague_cue.as_deref(),
                vague_quantity: c.vague,
                extreme,
            });
            for missing in citation_list.iter().filter(|x| x.status == CitationStatus::Missing) {
                let msg = format!("citation {} points at no reference entry", missing.marker);
                flag_list.push(flags::flag("citation-missing", msg));
            }
            let span = doc.span(c.span.clone());
            let scope = Scope {
                metric: resolved.metric.as_ref().map(|t| self.tag(doc, t)),
                market: resolved.market.as_ref().map(|t| self.tag(doc, t)),
                geography: resolved.geography.as_ref().map(|t| self.tag(doc, t)),
                period,
                source,
            };
            claims.push(Claim {
                kind: c.kind,
                rule: rule.id.clone(),
                text: doc.raw_slice(&span).to_string(),
                span,
                value: c.value,
                top: c.top,
                subject: subject_tag,
                scope,
                flags: flag_list,
                citations: citation_list,
                holders: counted.map(|(n, _)| n).filter(|&n| n > 1),
            });
        }
        let report = voice.map(|v| VoiceReport {
            promotional: v.promotional,
            issuer: v.issuer_ranges.iter().map(|r| doc.text[r.clone()].to_string()).collect(),
        });
        (claims, report)
    }

    /// "两家合计…", "前两家", "the two together": a count of holders stands for the names the
    /// paragraph gave before it, organisations and earlier claims' holders alike. Returns the
    /// subject (the names' span when they stand together) and, for a count, how many and the
    /// names given apart.
    fn counted(
        &self,
        text: &str,
        layout: &crate::segments::Layout,
        c: &Candidate,
        scopes: &mut ScopeFinder,
        named: &Named,
        s: SubjectDraft,
    ) -> (SubjectDraft, Counted) {
        let (held, places) = (&named.held, &named.places);
        let Some(crate::groups::Count { n, ranked }) = crate::groups::count_of(&text[s.range.clone()]) else {
            return (s, None);
        };
        let holders = if ranked {
            let places: Vec<Option<Range<usize>>> = (1..=n).map(|k| places.get(k - 1).cloned().flatten()).collect();
            crate::groups::resolve_ranked(text, &places)
        } else {
            let para = layout.paragraph_of(layout.sentences[c.sentence].block);
            let first = layout.blocks[para.start].sentences.start;
            let mut names: Vec<Range<usize>> = (first..=c.sentence).flat_map(|x| scopes.orgs(x)).collect();
            names.extend(held.iter().filter(|(p, _)| *p == para.start).map(|(_, r)| r.clone()));
            names.retain(|r| r.end <= s.range.start);
            names.sort_by_key(|r| (r.start, r.end));
            names.dedup();
            crate::groups::resolve(text, n, &names)
        };
        let count = u32::try_from(n).unwrap_or(u32::MAX);
        match holders {
            Some(crate::groups::Holders::Span(range)) => {
                (SubjectDraft { id: None, range, via: s.via }, Some((count, Vec::new())))
            }
            Some(crate::groups::Holders::Apart(apart)) => (s, Some((count, apart))),
            None => (s, Some((count, Vec::new()))),
        }
    }

    /// Who holds a claim: a name in its own sentence; for a pronoun, the name opening that
    /// sentence or an earlier one of the paragraph; the paragraph's last subject; in ad copy,
    /// the issuer.
    fn subject_of(
        &self,
        c: &Candidate,
        subjects: &SubjectFinder,
        scopes: &mut ScopeFinder,
        last: Option<&(usize, SubjectDraft)>,
        voice: &mut Option<voice::Voice>,
        read_voice: impl FnOnce() -> voice::Voice,
    ) -> Option<SubjectDraft> {
        let layout = subjects.layout();
        let text = subjects.text();
        let block = layout.sentences[c.sentence].block;
        let orgs = scopes.orgs(c.sentence);
        let subject = match &c.subject {
            Some(r) => Some(SubjectDraft { range: r.clone(), id: None, via: Via::Sentence }),
            None => quoted_holder(text, layout.sentences[c.sentence].range.clone(), &c.span, &orgs)
                .map(|r| SubjectDraft { id: None, range: r, via: Via::Sentence })
                .or_else(|| subjects.find(c.sentence, &c.span, &orgs)),
        };
        let pronoun = subject.as_ref().is_some_and(|s| SubjectFinder::is_pronoun(&text[s.range.clone()]));
        // A pronoun the subject search passed over ("in 2018 it ranked").
        let unnamed = if subject.is_none() { subjects.pronoun_before(c.sentence, c.span.start) } else { None };
        // A pronoun stands first for the name opening its own sentence ("Keytruda's rise was
        // steady: in 2018 it ranked No. 5").
        let named = match (&subject, &unnamed) {
            (Some(p), _) if pronoun => subjects.antecedent(c.sentence, &p.range, &orgs, false),
            (None, Some(p)) => subjects.antecedent(c.sentence, p, &orgs, true),
            _ => None,
        };
        if named.is_some() {
            return named;
        }
        // "Restaurants choose us because we are the fastest…": a "we" between the name and the
        // claim is who claims it.
        let we = subject.as_ref().filter(|_| !pronoun).and_then(|s| subjects.we_between(s.range.end, c.span.start));
        // "'We are now the number one…,' Veltra chief executive Jonas Brecht said": the firm
        // the speaker is introduced with.
        let word = if pronoun { subject.as_ref().map(|s| &s.range) } else { unnamed.as_ref().or(we.as_ref()) };
        if (word.is_some() || subject.is_none() || we.is_some())
            && let Some(firm) = subjects.speaker_firm(c.sentence, word, &c.span)
        {
            return Some(firm);
        }
        if subject.is_some() && !pronoun {
            return subject;
        }
        // "It ranked second" and a bare "位居第一" continue the paragraph's last subject.
        if let Some((b, prev)) = last
            && *b == block
        {
            return Some(SubjectDraft { via: Via::Paragraph, ..prev.clone() });
        }
        // Then a name opening one of the two sentences before ("TSMC drove the increase. The
        // Taiwanese foundry … lifting its share to 70.2%").
        let referred = pronoun || unnamed.is_some();
        let first = layout.blocks[block].sentences.start;
        if referred {
            for s in (first..c.sentence).rev().take(2) {
                let end = layout.sentences[s].range.end;
                let orgs = scopes.orgs(s);
                if let Some(named) = subjects.antecedent(s, &(end..end), &orgs, true) {
                    return Some(SubjectDraft { via: Via::Paragraph, ..named });
                }
            }
            // "The German group shipped 612,000 units, giving it a 17.4% share" opens a
            // paragraph about the holder the one before it named.
            if let Some((b, prev)) = last
                && c.sentence == first
                && b + 1 == block
            {
                return Some(SubjectDraft { via: Via::Paragraph, ..prev.clone() });
            }
        }
        if subject.is_some() {
            return subject;
        }
        // Ad copy speaks of its own brand ("N°1 brand worldwide*"): a claim that names no holder
        // is the advertiser's, named where the page names its issuer.
        let v = voice.get_or_insert_with(read_voice);
        let r = v.issuer_ranges.first().filter(|_| v.ad)?;
        Some(SubjectDraft { range: r.clone(), id: None, via: Via::Document })
    }

    fn citations(&self, doc: &Document, cited: &[citations::Cited]) -> Vec<Citation> {
        cited
            .iter()
            .map(|c| {
                let span = c.raw.clone().map_or_else(|| doc.span(c.marker.clone()), |r| doc.raw_span(r));
                let reference = c.entry.as_ref().map(|e| Reference {
                    text: doc.text[e.range.clone()].trim().to_string(),
                    url: e.url.clone(),
                    span: (!e.range.is_empty()).then(|| doc.span(e.range.clone())),
                });
                let status = if reference.is_some() { CitationStatus::Unchecked } else { CitationStatus::Missing };
                Citation {
                    marker: doc.raw_slice(&span).to_string(),
                    span,
                    reference,
                    status,
                    detail: None,
                    found: None,
                }
            })
            .collect()
    }

    /// The first known measurement firm a cited entry names.
    fn cited_source(&self, doc: &Document, cited: &[citations::Cited]) -> Option<Tag> {
        let sources = self.lex.get(LexiconCategory::Source);
        cited.iter().filter_map(|c| c.entry.as_ref()).find_map(|e| {
            let m = sources.find(doc.match_text(), e.range.clone()).into_iter().next()?;
            let at = doc.span(m.range.clone());
            let text = doc.text[m.range.clone()].trim().to_string();
            Some(Tag { text, id: Some(sources.id(m.entry).to_string()), span: None, via: Via::Citation, at: Some(at) })
        })
    }

    fn ancestors(&self, id: &str) -> Vec<String> {
        let org = self.lex.get(LexiconCategory::Org);
        org.index_of(id).map(|i| org.lineage(i).map(|e| org.id(e).to_string()).collect()).unwrap_or_default()
    }

    /// A subject that is itself a measurement firm or a market is not the issuer boasting.
    fn names_other_party(&self, subject: Option<&str>) -> bool {
        let Some(s) = subject else { return false };
        // "AI云", "Streaming" are markets, "IDC" a measurer; "悦享空气净化器" is a brand that names
        // its market.
        let s = s.trim();
        [LexiconCategory::Source, LexiconCategory::Market]
            .iter()
            .any(|&c| self.lex.get(c).find(s, 0..s.len()).iter().any(|m| m.range.len() * 10 >= s.len() * 8))
    }

    fn tag(&self, doc: &Document, t: &TagDraft) -> Tag {
        let at = doc.span(t.range.clone());
        // As written, like a claim's text ("2025年1&ndash;6月"), unless markup runs through it.
        let raw = doc.raw_slice(&at);
        let text = if raw.contains('<') { &doc.text[t.range.clone()] } else { raw };
        Tag {
            text: text.trim().to_string(),
            id: t.id.clone(),
            span: (t.via == Via::Sentence).then_some(at),
            via: t.via,
            at: Some(at),
        }
    }

    fn subject_tag(&self, doc: &Document, s: &SubjectDraft) -> Tag {
        let at: Span = doc.span(s.range.clone());
        let local = s.via == Via::Sentence;
        let id = s.id.clone().or_else(|| {
            let org = self.lex.get(LexiconCategory::Org);
            let r: Range<usize> = s.range.clone();
            org.find(doc.match_text(), r.clone())
                .into_iter()
                .find(|m| m.range == r)
                .map(|m| org.id(m.entry).to_string())
        });
        Tag {
            text: doc.text[s.range.clone()].trim().to_string(),
            id,
            span: local.then_some(at),
            via: s.via,
            at: Some(at),
        }
    }
}

/// The holders a document has named so far, for counts of holders ("两家合计", "the top three").
#[derive(Default)]
struct Named {
    /// Subjects of the current paragraph's claims, with the paragraph's first block.
    held: Vec<(usize, Range<usize>)>,
    /// The latest holder of each place from first to fifth.
    places: Vec<Option<Range<usize>>>,
}

/// A count of holders: how many, and the names given apart that it stands for.
type Counted = Option<(u32, Vec<Range<usize>>)>;

/// "印有“全国销量领先的红罐凉茶-加多宝”字样", "“Britain's No. 1 oat milk — Brightwater”": a
/// slogan quoted whole signs it with its holder's name, whoever the sentence around it is about.
/// A known name right after the claim, past a dash or a comma, inside the same quotation; one
/// right after its words ("领先于中国移动") is who it is compared with.
fn quoted_holder(
    text: &str,
    sentence: std::ops::Range<usize>,
    claim: &std::ops::Range<usize>,
    orgs: &[std::ops::Range<usize>],
) -> Option<std::ops::Range<usize>> {
    const MARKS: &str = "-–—－:：,，";
    // The rest of the slogan's noun ("…best-selling cordless| vacuum — Dyson") may come first.
    let signed = |o: &&std::ops::Range<usize>| {
        let between = text.get(claim.end..o.start).unwrap_or("");
        o.end <= sentence.end
            && between.rfind(|c| MARKS.contains(c)).is_some_and(|i| {
                between[i..].chars().all(|c| c.is_whitespace() || MARKS.contains(c))
                    && !between[..i].contains(['"', '“', '”', '.', '。'])
            })
    };
    let name = orgs.iter().find(signed)?;
    let quote = voice::quoted_ranges(&text[sentence.clone()])
        .into_iter()
        .map(|q| sentence.start + q.start..sentence.start + q.end)
        .find(|q| q.start <= claim.start && name.end <= q.end)?;
    (quote.start <= claim.start).then(|| name.clone())
}

impl Scanner {
    /// Claim candidates only (spans, kinds, values), without subject, scope or flags: the
    /// detection pass on its own.
    pub fn detect(&self, doc: &Document) -> Vec<Candidate> {
        self.matcher.candidates(&self.set, doc.match_text(), &doc.layout)
    }

    /// Every scope value found in every sentence, described, for rule authors.
    pub fn scope_debug(&self, doc: &Document) -> Vec<String> {
        let mut f = ScopeFinder::new(doc.match_text(), &doc.layout, &self.set, &self.lex, &self.scope_triggers);
        (0..doc.layout.sentences.len())
            .flat_map(|s| {
                let head: String = doc.text[doc.layout.sentences[s].range.clone()].chars().take(30).collect();
                f.describe(s).into_iter().map(move |d| format!("[{s}] {head}… {d}"))
            })
            .collect()
    }

    /// Every raw regex hit before excludes and overlaps, described, for rule authors.
    pub fn candidates_debug(&self, doc: &Document) -> Vec<String> {
        self.matcher.debug(&self.set, doc.match_text(), &doc.layout)
    }
}
