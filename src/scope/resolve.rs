//! A claim's scope resolved across context levels: its own sentence first, then the rest of
//! its paragraph, then the document's nearest heading, title and lead paragraph.

use super::{ALL_FIELDS, Found, Resolved, ScopeFinder, TagDraft, bit, overlaps};
use crate::matcher::Candidate;
use crate::model::Via;
use crate::rules::{Reach, ScopeField};
use crate::segments::{BlockKind, Layout};
use aho_corasick::{AhoCorasick, MatchKind};
use std::ops::Range;
use std::sync::OnceLock;

impl<'a> ScopeFinder<'a> {
    /// Whether sentence `s` names the subject at `r` again, by one of its names' words.
    fn mentions(text: &str, layout: &Layout, s: usize, r: &Range<usize>) -> bool {
        let sentence = &text[layout.sentences[s].range.clone()];
        let subject = &text[r.clone()];
        if subject.chars().any(crate::segments::is_cjk) {
            let head: String = subject.chars().take(2).collect();
            return head.chars().count() == 2 && sentence.contains(&head);
        }
        subject
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.len() >= 3 && w.starts_with(|c: char| c.is_uppercase()) && *w != "The")
            .any(|w| sentence.split(|c: char| !c.is_alphanumeric()).any(|x| x == w))
    }

    /// Context levels for a claim: its sentence (and footnotes it points at), the rest of its
    /// paragraph nearest first, the paragraph before (read for places only), then the nearest
    /// heading, the title and the lead paragraph.
    fn levels(&self, c: &Candidate) -> [(Via, Vec<(usize, bool)>); 4] {
        let layout = self.layout;
        let s = c.sentence;
        let block = layout.sentences[s].block;
        let mut own = vec![(s, false)];
        let sentence_text = &self.text[layout.sentences[s].range.clone()];
        if sentence_text.contains('*') || sentence_text.contains('※') {
            // "…Toothpaste*" reads the note marked "*", not the one marked "**".
            let after = &self.text[c.span.end.min(layout.sentences[s].range.end)..layout.sentences[s].range.end];
            let marker = after.find('*').map_or(0, |i| after[i..].bytes().take_while(|&b| b == b'*').count());
            let stars = |f: usize| {
                let t = self.text[layout.blocks[f].range.clone()].trim_start();
                t.bytes().take_while(|&b| b == b'*').count()
            };
            let exact = marker > 0 && self.footnotes.iter().any(|&f| stars(f) == marker);
            for &f in self.footnotes.iter().filter(|&&f| !exact || stars(f) == marker) {
                own.extend(layout.blocks[f].sentences.clone().map(|x| (x, false)));
            }
        }
        let b = &layout.blocks[block];
        // A table row reads with its caption and the rows above it.
        let first = layout.blocks[layout.paragraph_of(block).start].sentences.start;
        let mut para: Vec<(usize, bool)> = (first..s).rev().map(|x| (x, false)).collect();
        para.extend((s + 1..b.sentences.end).map(|x| (x, true)));
        let mut doc = Vec::new();
        // The nearest heading, then the title.
        for h in [self.heading_before[block], self.title.filter(|&t| t != block)].into_iter().flatten() {
            doc.extend(layout.blocks[h].sentences.clone().map(|x| (x, false)));
        }
        if let Some(lead) = layout.lead.filter(|&l| l != block) {
            doc.extend(layout.blocks[lead].sentences.clone().map(|x| (x, false)));
        }
        // The paragraph before, when it is running text: a ranking goes on across paragraphs
        // ("…subscribers worldwide…" / "Apple Music was second with 15%").
        let start = layout.paragraph_of(block).start;
        let mut before = Vec::new();
        if start > 0 && layout.blocks[start - 1].kind == BlockKind::Paragraph && Some(start - 1) != self.title {
            let prev = layout.paragraph_of(start - 1);
            let sentences = layout.blocks[prev.start].sentences.start..layout.blocks[prev.end - 1].sentences.end;
            before.extend(sentences.rev().map(|x| (x, false)));
        }
        [(Via::Sentence, own), (Via::Paragraph, para), (Via::Paragraph, before), (Via::Document, doc)]
    }

    pub fn resolve(&mut self, c: &Candidate, reach: Reach, subject: Option<&Range<usize>>) -> Resolved {
        let levels = self.levels(c);
        let (text, layout) = (self.text, self.layout);
        let clause =
            crate::segments::clause_bounds(self.text, self.layout.sentences[c.sentence].range.clone(), c.span.start);
        let clause = clause.start.min(c.span.start)..clause.end.max(c.span.end);
        let mut out = Resolved::default();
        // A later sentence with a figure of its own names the source of that figure ("…ranked
        // fifth, the Guild said"): it attributes the claims before it only when nothing else
        // does.
        let mut fallback: Option<(usize, Found)> = None;
        // A cell of a table reads the header of its own column first ("| Q2 2026 share | Q2
        // 2025 share |"): the nearest header cell may head another column.
        let in_table = |b: usize| {
            let block = &layout.blocks[b];
            block.group.filter(|_| matches!(block.kind, BlockKind::TableRow | BlockKind::Heading))
        };
        let column = |b: usize, at: usize| text[layout.blocks[b].range.start..at].matches('|').count();
        let own_block = layout.sentences[c.sentence].block;
        let own_column = in_table(own_block).map(|g| (g, column(own_block, c.span.start)));
        // Every field is looked for in the claim's own sentence: read them all at once.
        for &(s, _) in &levels[0].1 {
            self.found(s, ALL_FIELDS);
        }
        for field in ScopeField::ALL {
            // A market is what a claim is about even in a slogan, so it may always come from
            // context; the other fields only as far as the rule lets them.
            let limit = if field == ScopeField::Market { Reach::Document } else { reach };
            let allowed = match limit {
                Reach::Clause | Reach::Sentence => 1,
                Reach::Paragraph => 2,
                Reach::Document => 4,
            };
            // In the document, periods and markets rank by the order they are read in (below).
            let by_order = matches!(field, ScopeField::Period | ScopeField::Market);
            'levels: for (level, (via, sentences)) in levels.iter().take(allowed).enumerate() {
                // The paragraph before places a claim only when its own paragraph goes on about
                // the same thing: one that names a market of its own starts another topic.
                if level == 2
                    && (field != ScopeField::Geography
                        || levels[..2].iter().flat_map(|(_, l)| l).filter(|(_, later)| !later).any(|&(s, _)| {
                            self.found(s, bit(ScopeField::Market)).iter().any(|f| f.field == ScopeField::Market)
                        }))
                {
                    continue;
                }
                let mut best: Option<(usize, Found)> = None;
                let mut vague: Option<(usize, Found)> = None;
                let mut pointer: Option<(usize, Found)> = None;
                for (k, &(s, later)) in sentences.iter().enumerate() {
                    // Later sentences of a paragraph attribute ("The firm credits IDC"), they
                    // do not re-scope. They close its list (see `levels`).
                    if later && field != ScopeField::Source {
                        break;
                    }
                    // Once a value is found, a sentence none of whose values could rank before
                    // it is not read for this field: what it holds besides fills the vague,
                    // pointer and fallback slots, which matter only when nothing is found.
                    // (A table's columns only add to a value's distance.)
                    let range = &layout.sentences[s].range;
                    let nearest = if *via == Via::Document && by_order {
                        (k << 32) + range.start
                    } else {
                        distance(range, &c.span)
                    };
                    if best.as_ref().is_some_and(|(d, _)| *d <= nearest) {
                        continue;
                    }
                    // A later sentence with its own figures about the same holder backs this
                    // claim too ("…the second-largest. Shopee, Kedai and Lazada took 38%, 30%
                    // and 11%, according to Tenggara."); about another, it is a last resort.
                    // Asked of the sentence's first value: most later sentences give none.
                    let mut other_claim = (later && self.claimed[s]).then_some(None);
                    for f in self.found(s, bit(field)).iter().filter(|f| f.field == field) {
                        // A subject such as "禾牧液态奶" names its market, never its source.
                        if field != ScopeField::Market && subject.is_some_and(|r| overlaps(r, &f.range)) {
                            continue;
                        }
                        // What a share counts is said before it or in its clause, not in a
                        // later clause about something else ("…市占率为27.8%，全年销量达…").
                        if field == ScopeField::Metric && s == c.sentence && f.range.start >= clause.end {
                            continue;
                        }
                        if limit == Reach::Clause
                            && s == c.sentence
                            && !(f.range.start >= clause.start && f.range.end <= clause.end)
                        {
                            continue;
                        }
                        // "A report indicating…" later in a paragraph brings its own figure; it
                        // does not attribute the ones before it, as "The firm credits IDC" does.
                        if later && f.vague {
                            continue;
                        }
                        // "47.3% of all US television viewing time": the whole a share is of
                        // is its market, ahead of the holder before it ("Streaming captured").
                        let whole = field == ScopeField::Market && s == c.sentence && is_whole(text, c, &f.range);
                        // A release states its period first: in the title and lead, the
                        // earliest period is the release's, later ones are comparisons ("below
                        // the rebound seen in the first half of 2024").
                        let dist = if whole {
                            0
                        } else if *via == Via::Document && by_order {
                            (k << 32) + f.range.start
                        } else {
                            distance(&f.range, &c.span)
                        };
                        // A time in a later clause of the claim's sentence dates that clause
                        // ("2024年…市占率为27.8%，位居行业第一，全年空调销量达…"); one before the
                        // claim or in its clause is the claim's.
                        let dist = if field == ScopeField::Period && s == c.sentence && f.range.start >= clause.end {
                            dist + (1 << 40)
                        } else {
                            dist
                        };
                        let block = layout.sentences[s].block;
                        let dist = match own_column {
                            Some((g, col)) if block != own_block && in_table(block) == Some(g) => {
                                if column(block, f.range.start) == col { dist } else { dist + (1 << 40) }
                            }
                            _ => dist,
                        };
                        // In its own sentence, a comparison's time may still be the claim's.
                        let own = s == c.sentence && f.role != crate::periods::Role::Own;
                        let role =
                            if own && hung_on(text, &f.range, &c.span) { crate::periods::Role::Own } else { f.role };
                        // "早在2017年就已登上首位" dates that clause, not the claims around it.
                        if role == crate::periods::Role::Aside
                            && !(s == c.sentence && f.range.start >= clause.start && f.range.end <= clause.end)
                        {
                            continue;
                        }
                        let compared = role == crate::periods::Role::Pointer
                            && !(own && given_for(text, layout.sentences[s].range.start, &f.range, &c.span));
                        let claimed = other_claim.as_mut().is_some_and(|known| {
                            *known.get_or_insert_with(|| !subject.is_some_and(|r| Self::mentions(text, layout, s, r)))
                        });
                        let slot = if claimed {
                            &mut fallback
                        } else if f.vague {
                            &mut vague
                        } else if compared {
                            &mut pointer
                        } else {
                            &mut best
                        };
                        if slot.as_ref().is_none_or(|(d, _)| dist < *d) {
                            *slot = Some((dist, f.clone()));
                        }
                    }
                }
                if let Some((_, f)) = best {
                    out.set(field, TagDraft { range: f.range, id: f.id.map(str::to_string), via: *via });
                    break 'levels;
                }
                // "当季", "the same period" point back at a period stated before: any stated
                // one, here or at a wider level, says more.
                if let Some((_, f)) = pointer
                    && out.period.is_none()
                {
                    out.set(field, TagDraft { range: f.range, id: f.id.map(str::to_string), via: *via });
                }
                if let Some((_, f)) = vague {
                    out.vague_source = Some((f.range, *via));
                    break 'levels;
                }
            }
            if field == ScopeField::Source
                && out.source.is_none()
                && out.vague_source.is_none()
                && let Some((_, f)) = fallback.take()
            {
                out.set(field, TagDraft { range: f.range, id: f.id.map(str::to_string), via: Via::Paragraph });
            }
        }
        out
    }

    /// Whether a claim is a place on a ranking: a rank, or a superlative its sentence reads off
    /// a list ("该榜单上的最高排名", "the highest-ranked Asian firm on the list").
    fn on_a_list(&self, c: &Candidate) -> bool {
        c.kind == crate::model::Kind::Rank || {
            let sentence = &self.text[self.layout.sentences[c.sentence].range.clone()];
            list_words().is_match(sentence)
        }
    }

    /// What a place on a ranking counts when only the ranking's basis, stated once in a
    /// sentence of its own, says it ("the list is based on each company's revenue", 榜单依据
    /// 各乳企的销售数据排定).
    pub fn list_basis(&mut self, c: &Candidate) -> Option<TagDraft> {
        if !self.on_a_list(c) {
            return None;
        }
        let f = self.basis_metric(c.sentence)?;
        Some(TagDraft { range: f.range, id: f.id.map(str::to_string), via: Via::Document })
    }

    /// The first metric of the first sentence other than `own` that says what a ranking is
    /// based on.
    fn basis_metric(&mut self, own: usize) -> Option<Found<'a>> {
        if self.basis.is_none() {
            let (text, layout) = (self.text, self.layout);
            let mut found: Vec<usize> = Vec::new();
            for m in basis_cues().find_iter(text) {
                let Some(i) = layout.sentence_at(m.start()) else { continue };
                // A sentence with a place of its own ("Measured by revenue, Nordwolk ranked
                // third") measures that place, not a list.
                if found.last() != Some(&i)
                    && !self.ranked[i]
                    && list_words().is_match(&text[layout.sentences[i].range.clone()])
                {
                    found.push(i);
                }
            }
            self.basis = Some(found);
        }
        let sentences: Vec<usize> = self.basis.iter().flatten().copied().filter(|&s| s != own).collect();
        sentences.into_iter().find_map(|s| {
            let range = self.layout.sentences[s].range.clone();
            // The metric the basis word governs, not one a clause before it mentions.
            let at = basis_at(&self.text[range.clone()]).map_or(range.start, |i| range.start + i);
            let found = self.found(s, bit(ScopeField::Metric));
            found.iter().find(|f| f.field == ScopeField::Metric && f.range.start >= at).cloned()
        })
    }
}

/// Words that name a ranking or a place on one, read case-blind: a sentence that states a
/// ranking's basis names its list too ("the list ranks companies based on revenue",
/// 榜单主要依据销售数据排定), and a superlative read off a list stands beside one.
fn list_words() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let words = [
            "榜单",
            "排行榜",
            "排名",
            "榜上",
            "十强",
            "五强",
            "前十",
            "排定",
            "ranking",
            "ranked",
            "league table",
            "on the list",
            "the list",
            "list ranks",
        ];
        AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("static words")
    })
}

/// The cues that say what something is based on: "based on", "ranked by", 依据, 基于, 按照, as
/// written in running text, sentences, titles and headings (lower, sentence, title and upper
/// case). Read case-sensitively they make a packed (SIMD) search, which reads a whole document
/// in one call; a case-blind automaton stepped through every byte of every sentence of a
/// document with a place, which cost 6% of the scan of such documents.
fn basis_cues() -> &'static AhoCorasick {
    static AC: OnceLock<AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let english = ["based on", "ranked by", "ranks by", "ranked according to", "ordered by", "measured by"];
        let capital = |s: &str| s[..1].to_ascii_uppercase() + &s[1..];
        let mut cues: Vec<String> = Vec::new();
        for cue in english {
            let title = cue.split(' ').map(capital).collect::<Vec<_>>().join(" ");
            for form in [cue.to_string(), capital(cue), title, cue.to_ascii_uppercase()] {
                if !cues.contains(&form) {
                    cues.push(form);
                }
            }
        }
        cues.extend(["依据", "基于", "按照"].map(String::from));
        AhoCorasick::builder().match_kind(MatchKind::LeftmostFirst).build(cues).expect("static cues")
    })
}

/// Where a sentence says what something is based on.
fn basis_at(sentence: &str) -> Option<usize> {
    basis_cues().find(sentence).map(|m| m.start())
}

/// "…since November 2018, when the PS4 last held the No. 1 spot": the clause hung on a period
/// is of that time.
fn hung_on(text: &str, period: &Range<usize>, claim: &Range<usize>) -> bool {
    period.end <= claim.start && {
        let gap = text[period.end..claim.start].trim_start();
        let rest = gap.strip_prefix(',').or_else(|| gap.strip_prefix('，')).unwrap_or("").trim_start();
        (rest.starts_with("when ") || rest.starts_with("当时")) && !rest.contains([',', '，', ';', '；'])
    }
}

/// Whether a compared or earlier time in the claim's sentence is the time its figure is given
/// for: "较2019年的23.9%", "up from 67.6% in the previous quarter", "79% a year earlier", "A year
/// earlier, Sonicast had led with 33.1%".
fn given_for(text: &str, sentence_start: usize, period: &Range<usize>, claim: &Range<usize>) -> bool {
    let before = period.end <= claim.start && {
        let gap = &text[period.end..claim.start];
        gap.trim().chars().count() <= 2 && !gap.contains([',', '，', ';', '；'])
    };
    const JOINS: [&str; 12] =
        ["", "a", "the", "in", "in the", "during", "during the", "for", "for the", "at", "at the", "as of"];
    let after = period.start >= claim.end && {
        let gap = text[claim.end..period.start].trim();
        JOINS.iter().any(|j| gap.eq_ignore_ascii_case(j))
    };
    let opens = crate::periods::is_shifted(&text[period.clone()]) && {
        let head = text[sentence_start..period.start].trim();
        ["", "a", "an", "the"].iter().any(|w| head.eq_ignore_ascii_case(w))
    };
    before || after || opens
}

/// Whether `r` is in the "of …" phrase right after a share ("31% of all TV time").
fn is_whole(text: &str, c: &Candidate, r: &Range<usize>) -> bool {
    if c.kind != crate::model::Kind::Share || r.start < c.span.end || r.start - c.span.end > 24 {
        return false;
    }
    let gap = text[c.span.end..r.start].trim_start();
    gap.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("of ")) && !gap.contains([',', ';', '.'])
}

fn distance(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start { b.start - a.end } else { a.start.saturating_sub(b.end) }
}
