//! Who holds the share or rank: the organisation named nearest before the claim in its
//! clause, a capitalised name in English, the clause-initial noun in Chinese, or, for "it",
//! "the company" and 公司, whoever the paragraph was last talking about.

use crate::lexicon::{LexMatch, LexiconCategory, Lexicons};
use crate::model::Via;
use crate::names::{en_name, named_person, trim_en_name};
use crate::segments::{Layout, has_cjk};
use std::cell::{Ref, RefCell};
use std::collections::HashMap;
use std::ops::Range;

mod clauses;
mod en;
mod groups;
mod pronouns;
mod zh;

use clauses::{is_passed, subject_clause};
pub(crate) use en::dateline_len;
use en::{ends_in_modal, forecast, opens_with_verb};
use groups::{group_gap, last_top_group, rest_group_at};
use pronouns::names_the_holder;
use zh::ZH_PREDICATES;

#[derive(Debug, Clone, PartialEq)]
pub struct SubjectDraft {
    pub range: Range<usize>,
    pub id: Option<String>,
    /// Where it was found: the claim's own sentence, earlier in its paragraph, or the
    /// document's issuer.
    pub via: Via,
}

/// "天猫空气炸锅品类销量TOP1": a platform whose category ranks brands is where a claim is
/// measured, not who holds it; `after` is the text after the platform's name.
pub(crate) fn is_venue(after: &str) -> bool {
    // Ten characters at most: 30 bytes of Chinese.
    let next = &after[..after.floor_char_boundary(30)];
    // The words are Chinese: ASCII holds none of them. Each is looked for only where its first
    // character stands, in one pass over the ten characters.
    const WORDS: [&str; 5] = ["品类", "类目", "热销榜", "榜单", "平台"];
    !next.is_ascii()
        && !next.contains(['，', ','])
        && next.char_indices().any(|(i, c)| {
            matches!(c, '品' | '类' | '热' | '榜' | '平') && WORDS.iter().any(|w| next[i..].starts_with(w))
        })
}

pub struct SubjectFinder<'a> {
    text: &'a str,
    layout: &'a Layout,
    lex: &'a Lexicons,
    /// Whether each name asked about is introduced as a person somewhere in the text: finding
    /// out searches the whole document, and its claims ask after the same few names.
    persons: RefCell<HashMap<&'a str, bool>>,
    /// The lexicon's matches in the range asked about last: a name is looked up to rule it out
    /// as a place or a source, and then again for its organisation's id.
    last_hits: RefCell<Option<(Range<usize>, Vec<LexMatch>)>>,
}

impl<'a> SubjectFinder<'a> {
    pub fn new(text: &'a str, layout: &'a Layout, lex: &'a Lexicons) -> Self {
        SubjectFinder { text, layout, lex, persons: RefCell::default(), last_hits: RefCell::default() }
    }

    /// `Lexicons::find` over `r`, answered again without a search while `r` is the range last
    /// asked about. The answer must be let go of before the next question.
    fn lexicon_hits(&self, r: &Range<usize>) -> Ref<'_, [LexMatch]> {
        let known = self.last_hits.borrow().as_ref().is_some_and(|(at, _)| at == r);
        if !known {
            let found = self.lex.find(self.text, r.clone());
            *self.last_hits.borrow_mut() = Some((r.clone(), found));
        }
        Ref::map(self.last_hits.borrow(), |last| last.as_ref().map_or(&[][..], |(_, hits)| hits.as_slice()))
    }

    /// Whether the lexicon knows a source in `r`.
    fn has_source(&self, r: &Range<usize>) -> bool {
        self.lexicon_hits(r).iter().any(|m| m.category == LexiconCategory::Source)
    }

    /// `named_person` for this document's text, answered once per name.
    fn is_named_person(&self, name: &'a str) -> bool {
        // One hashing of the name, found or not: most names are asked about once.
        *self.persons.borrow_mut().entry(name).or_insert_with(|| named_person(self.text, name))
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn layout(&self) -> &'a Layout {
        self.layout
    }

    /// A name in the claim's own sentence, with its organisation id if it is a known one.
    fn named(&self, r: Range<usize>) -> SubjectDraft {
        SubjectDraft { id: self.org_id(&r), range: r, via: Via::Sentence }
    }

    fn org_id(&self, r: &Range<usize>) -> Option<String> {
        let hits = self.lexicon_hits(r);
        let first = hits.iter().find(|m| m.category == LexiconCategory::Org)?;
        (first.range == *r).then(|| self.lex.id(first.entry).to_string())
    }

    /// The subject of a claim at `claim` in sentence `s`, if its own sentence names one.
    pub fn find(&self, s: usize, claim: &Range<usize>, orgs: &[Range<usize>]) -> Option<SubjectDraft> {
        let Some(found) = self.find_named(s, claim, orgs) else { return self.place_holder(s, claim) };
        Some(self.possessed(&found, claim.start).unwrap_or(found))
    }

    /// "中国大陆组件产能达920GW，占全球总产能的83.4%", "China made up 80% of global capacity": a
    /// share of the world held by a place names no firm; the place holds it.
    fn place_holder(&self, s: usize, claim: &Range<usize>) -> Option<SubjectDraft> {
        let sentence = self.layout.sentences[s].range.clone();
        let mut end = (claim.end + 24).min(sentence.end);
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let window = sentence.start..end;
        // Most sentences name no world at all: a substring test spares them the lexicon.
        let hay = &self.text[window.clone()];
        let latin = |w: &[u8]| hay.as_bytes().windows(w.len()).any(|x| x.eq_ignore_ascii_case(w));
        if !(hay.contains("全球") || hay.contains("世界") || latin(b"global") || latin(b"world")) {
            return None;
        }
        let geo = self.lex.get(LexiconCategory::Geo);
        let hits = geo.find(self.text, window);
        let world = |m: &crate::lexicon::LexMatch| geo.id(m.entry) == "geo.global";
        // The world is the share's whole, said just before the figure, in it or just after it
        // ("占全球总产能的83.4%", "83% of global capacity").
        let whole = hits.iter().find(|m| {
            world(m)
                && (m.range.end <= claim.start && claim.start - m.range.end <= 12
                    || m.range.start >= claim.end
                        && ["of", "of the", "of all"].contains(&self.text[claim.end..m.range.start].trim())
                    || m.range.start >= claim.start && m.range.end <= claim.end)
        })?;
        let before = whole.range.start.min(claim.start);
        // The place is the clause's topic, near enough before both.
        let place = hits.iter().rfind(|m| !world(m) && m.range.end <= before)?;
        if before - place.range.end > 80 {
            return None;
        }
        Some(SubjectDraft { range: place.range.clone(), id: Some(geo.id(place.entry).to_string()), via: Via::Sentence })
    }

    fn find_named(&self, s: usize, claim: &Range<usize>, orgs: &[Range<usize>]) -> Option<SubjectDraft> {
        let sentence = self.layout.sentences[s].range.clone();
        let kept: Vec<Range<usize>>;
        let orgs = if orgs.iter().any(|o| is_venue(&self.text[o.end..claim.start.max(o.end)])) {
            kept = orgs.iter().filter(|o| !is_venue(&self.text[o.end..claim.start.max(o.end)])).cloned().collect();
            kept.as_slice()
        } else {
            orgs
        };
        let clause = subject_clause(self.text, sentence.clone(), claim.start);
        let reported = self.after_reporting_source(clause.clone(), claim.start);
        // Past a reporting measurer, nothing before its "that" may be the subject.
        let from = if reported.start > clause.start { reported.start } else { sentence.start };
        let clause = reported;
        // A known organisation in the clause before the claim; in Chinese the first one (the
        // topic), in English the nearest one.
        // "expected Walmart to overtake Apple and become the third-largest", "ahead of Apple": a
        // name a verb of passing or a comparison takes is its object, not the holder.
        // Only the first and the last are ever asked for: each is looked for from its own end,
        // so the names between are not tested and nothing is collected.
        let before = |o: &&Range<usize>| {
            o.start >= clause.start && o.end <= claim.start && !self.passed_over(clause.start, o, claim.start)
        };
        // "against 39% for cable and 25% for broadcast", "leaving 29.5% for everyone else": a
        // listed share is held by what follows its "for".
        if let Some(r) = self.share_for(claim, sentence.end) {
            return Some(SubjectDraft { range: r, id: None, via: Via::Sentence });
        }
        let chinese = has_cjk(&self.text[clause.clone()]);
        // A group holding a combined share ("前三名合计占据75.2%", "the top five vendors held")
        // is the subject, whatever names the clause opened with.
        let lead = &self.text[clause.start..claim.start];
        // Most clauses name no group: one search for a few substrings spares them the regex.
        let found = last_top_group(lead);
        if let Some(m) = found {
            // The group must be what holds the share: only a verb or 合计 between it and the claim.
            let gap = &lead[m.end()..];
            // An English group is the subject only when it opens the clause ("The top three
            // vendors held"), not as an object ("rounded out the top five with 7.8%").
            let opens = if m.as_str().chars().any(crate::segments::is_cjk) {
                // "前三名合计占据75.2%", but not "前十二名中唯一一家…".
                group_gap().is_match(gap)
            } else {
                // Compared case-blind in place: beyond ASCII only the Kelvin sign lower-cases to
                // ASCII, and its "k" is in none of these words.
                let before = lead[..m.start()].trim();
                let last = before.rsplit(' ').next().unwrap_or("");
                (before.is_empty()
                    || ["says", "said", "and", "while", "that", "but", "whereas"]
                        .iter()
                        .any(|w| last.eq_ignore_ascii_case(w)))
                    && gap.len() <= 32
            };
            if opens && !gap.contains(|c: char| ",，、；;".contains(c)) {
                let r = clause.start + m.start()..clause.start + m.end();
                return Some(SubjectDraft { range: r, id: None, via: Via::Sentence });
            }
        }
        // "Ardent expects smart rings to make up 12%": a forecaster's object holds the share;
        // the forecaster measured it.
        // "expects that proportion to reach 53.8%" forecasts a figure, not a holder.
        const FIGURES: [&str; 9] =
            ["share", "shares", "proportion", "figure", "number", "percentage", "portion", "ratio", "penetration"];
        if !chinese
            && ends_in_modal(lead)
            && let Some(m) = forecast().captures(lead).and_then(|c| c.name("held"))
            && !m.as_str().rsplit(' ').next().is_some_and(|w| FIGURES.contains(&w.to_ascii_lowercase().as_str()))
        {
            let r = clause.start + m.start()..clause.start + m.end();
            let org = orgs.iter().find(|o| o.start >= r.start && o.end <= r.end).cloned();
            return Some(self.named(org.unwrap_or(r)));
        }
        // "The largest U.S. lender remains Harbor Trust", "Second place went to Aurel": a claim
        // opening its clause names its holder after the verb.
        if !chinese
            && ["", "the"].iter().any(|w| lead.trim().eq_ignore_ascii_case(w))
            && let Some(r) = self.inverted_holder(claim.end, sentence.end)
        {
            return Some(SubjectDraft { range: r, id: None, via: Via::Sentence });
        }
        // "All other vendors together accounted for the remaining 3%": the rest of the market;
        // "…, while all other platforms took the remaining 8.9%" too.
        // A table row opens with its cell's bar: "| Others | 29% |".
        let opening = lead.trim_start_matches(|c: char| c.is_whitespace() || c == '|');
        let opening = ["while ", "and ", "whereas ", "with ", "but "]
            .iter()
            .find_map(|w| opening.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w)).map(|_| &opening[w.len()..]))
            .unwrap_or(opening);
        if let Some(m) = rest_group_at(opening) {
            let start = clause.start + (lead.len() - opening.len()) + m.start();
            return Some(SubjectDraft { range: start..start + m.len(), id: None, via: Via::Sentence });
        }
        // In a list ("火山引擎14.8%、华为云13.1%"), the name right before a share holds it,
        // not the clause's topic.
        // Only in such a list: a value stands before the name ("A14.8%、B13.1%"), unlike the
        // coordinated subjects of "小米和苹果分别占比15.0%、14.2%", whose first takes the first value.
        let last_before = orgs.iter().rfind(before);
        let adjacent = last_before.filter(|o| {
            let gap = &self.text[o.end..claim.start];
            let lead = &self.text[clause.start..o.start];
            gap.chars().count() <= 2
                && !gap.contains(|c: char| "，,、；;：:".contains(c))
                && lead.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c))
        });
        // "小米和苹果分别占比15.0%、14.2%", "上汽通用五菱、长安汽车分列第四、第五": the k-th value
        // after 分别 belongs to the k-th name before it.
        if chinese && let Some(r) = self.respectively(&clause, claim, orgs) {
            return Some(self.named(r));
        }
        // "PS5 is the best-selling hardware in dollars while Switch leads in units": a name the
        // lexicon does not know, nearer the claim than the last one it knows, holds it.
        let nearer = (!chinese)
            .then_some(last_before)
            .flatten()
            .filter(|o| self.text[o.end..claim.start].bytes().any(|b| b.is_ascii_uppercase()))
            .and_then(|o| self.en_name_before(o.end..claim.start).map(|r| (o, r)))
            // Not the rest of the known name ("Hua Hong Group") nor a name joined to it
            // ("Disney+ and Max the runners-up"): a clause of its own lies between.
            .filter(|(o, r)| {
                let gap = &self.text[o.end..r.start];
                gap.split(|c: char| !c.is_ascii_alphabetic())
                    .any(|w| w.len() > 1 && w.bytes().all(|b| b.is_ascii_lowercase()) && !["and", "or"].contains(&w))
            })
            .map(|(_, r)| r)
            .filter(|r| !is_passed(&self.text[clause.start..r.start]));
        if let Some(r) = nearer {
            return Some(self.named(r));
        }
        let pick = if chinese { adjacent.or_else(|| orgs.iter().find(before)) } else { last_before };
        if let Some(r) = pick {
            return Some(self.named((*r).clone()));
        }
        let guess = if chinese {
            // "增速在前五大品牌中最快": what is counted holds nothing.
            self.zh_chunk(clause.start..claim.start).filter(|r| !self.opens_with_metric(r.start..claim.start))
        } else {
            self.en_name_before(clause.start..claim.start)
        };
        if let Some(r) = guess {
            return Some(self.named(r));
        }
        // "悦然电器成立于2003年，是国内领先的热水器制造商": a clause opening with its predicate
        // is about the sentence's topic.
        // "本公司门店总数达9,216家，门店数量位居…第二", "小米销量同比增长12%，增速…最快": a
        // clause opening with what is counted is about the topic too.
        if chinese
            && clause.start > sentence.start
            && (ZH_PREDICATES.iter().any(|p| self.text[clause.start..claim.start].trim_start().starts_with(p))
                || self.opens_with_metric(clause.start..claim.start))
        {
            // The nearest clause before that names someone: "根据IDC报告，鼎曜…达31.2%，连续六季
            // 位居第一" is about 鼎曜, not the report.
            let mut end = clause.start;
            for _ in 0..2 {
                let part = self.clause_before(sentence.start, end);
                let topic = orgs.iter().find(|o| o.start == part.start && o.end <= part.end);
                // A clause opening with a time or a figure ("2024年组件出货量约92GW") describes;
                // only a name opening its clause is the topic.
                let chunk = self.zh_chunk(part.clone()).filter(|r| r.start == part.start);
                if let Some(r) = topic.cloned().or(chunk) {
                    return Some(self.named(r));
                }
                if part.start == sentence.start {
                    break;
                }
                end = part.start;
            }
        }
        // "静澜，国民空气炸锅领导品牌": a clause that is only a name, and a claim that is all of
        // the next clause describes it.
        if chinese && clause.start > sentence.start && self.text[clause.start..claim.start].trim().is_empty() {
            let whole = self.clause_before(sentence.start, clause.start);
            let part = &self.text[whole.clone()];
            const CUES: [&str; 12] =
                ["据", "方面", "介绍", "建议", "表示", "认为", "指出", "称", "第", "其中", "此外", "同时"];
            if part.chars().count() <= 8
                && !CUES.iter().any(|c| part.contains(c))
                && let Some(r) = self.zh_chunk(whole.clone()).filter(|r| *r == whole)
            {
                return Some(self.named(r));
            }
        }
        // "每卖出10台…，就有3台是静澜", "排名第一的是海川": the holder named after 是.
        if chinese {
            let after = self.text[claim.end..sentence.end].trim_start_matches('的');
            let at = sentence.end - after.len();
            let end = after.find(['，', ',', '；', ';', '。', '、']).map_or(sentence.end, |i| at + i);
            if let Some(verb) = ["是", "为", "来自", "属于", "出自"].iter().find(|v| after.starts_with(*v))
                && let Some(r) = self.zh_chunk(at + verb.len()..end)
            {
                return Some(self.named(r));
            }
        }
        // "Disney's combined services, including Disney+ and Hulu, ranked third": a clause
        // that opens with its verb shares the sentence's subject, whatever it names between.
        if !chinese
            && from == sentence.start
            && opens_with_verb(&self.text[clause.start..claim.end])
            && let Some(r) = self.sentence_opener(sentence.clone(), clause.start)
        {
            return Some(self.named(r));
        }
        // An organisation earlier in the sentence, then one right after the claim
        // ("此前排名第一的LG显示器").
        // "Volcano Engine, the cloud arm of ByteDance, ranked No. 1": a name opening the sentence
        // and set off by a comma is the subject; the appositive only describes it.
        let opener = orgs.iter().find(|o| {
            o.end <= claim.start && self.text[sentence.start..o.start].trim().is_empty() && {
                let after = self.text[o.end..].trim_start_matches([',', '，', ' ']);
                self.text[o.end..].starts_with([',', '，'])
                    && ["the ", "a ", "an ", "its ", "which ", "whose "].iter().any(|w| after.starts_with(w))
            }
        });
        if let Some(r) = opener.or_else(|| {
            orgs.iter().rfind(|o| o.end <= claim.start && o.start >= from && !self.passed_over(from, o, claim.start))
        }) {
            return Some(self.named(r.clone()));
        }
        // "…in the 2026 Veridata Study, the fifth consecutive year the company has earned the
        // top spot": "the company" in the claim's own clause stands for its holder, which the
        // caller finds; a name in an earlier clause is not it.
        if !chinese && names_the_holder(&self.text[clause.start..claim.start]) {
            return None;
        }
        // "…according to a separate Kantar breakdown, though it is a distant third": the "it" of
        // the claim's clause is not the measurer named before it.
        let it = self.text[clause.start..claim.start].split(|c: char| !c.is_ascii_alphabetic()).any(|w| w == "it");
        if !chinese
            && let Some(r) = self.en_name_before(from..claim.start)
            && (!it || !self.has_source(&r))
            && !(self.text[r.end..claim.start].contains([':', '：'])
                && self.text[from..r.start]
                    .trim_matches(|c: char| c.is_whitespace() || "-*•·#>".contains(c))
                    .is_empty()
                && !self.shouted_title(s, &r))
        {
            // A name opening a line before a colon labels a list item ("Refrigeration
            // appliances: N°1 brand"); it does not hold the share. An ad's headline shouting
            // its brand ("BRIGHTSMILE PRO: THE NO. 1 …") names the holder.
            return Some(self.named(r));
        }
        // "略领先于农夫山泉", "ahead of Dyson": a name the comparison takes is who is passed.
        let compared = |o: &&Range<usize>| ends_in_comparison(&self.text[claim.start..o.start]);
        let after = orgs.iter().find(|o| o.start >= claim.end && o.start <= claim.end + 12 && !compared(o));
        if let Some(r) = after {
            return Some(self.named(r.clone()));
        }
        // "As a global leader in X, Acme ..." / "作为行业龙头，海川……": the main clause names it.
        // Read case-blind in place: no character beyond ASCII lower-cases to "a" or "s".
        let opener = self.text[clause.start..claim.start].trim_start();
        let as_ = opener.get(..3).is_some_and(|w| w.eq_ignore_ascii_case("as "));
        if as_ || opener.starts_with("作为") || opener.starts_with("身为") {
            let tail = &self.text[claim.end..sentence.end];
            let comma = tail.char_indices().find(|(_, c)| matches!(c, ',' | '，'))?;
            let next = claim.end + comma.0 + comma.1.len_utf8();
            let rest = next..sentence.end;
            if let Some(o) = orgs.iter().find(|o| o.start >= rest.start && o.start < rest.start + 16) {
                return Some(self.named(o.clone()));
            }
            let m = en_name().find(&self.text[rest.clone()]).filter(|m| m.start() <= 2)?;
            let r = rest.start + m.start()..rest.start + m.end();
            let trimmed = trim_en_name(&self.text[r.clone()])?;
            let start = r.start + self.text[r.clone()].find(trimmed)?;
            return Some(SubjectDraft { range: start..start + trimmed.len(), id: None, via: Via::Sentence });
        }
        None
    }

    fn is_scope_word(&self, r: &Range<usize>) -> bool {
        // Sources and markets are not excluded: a boast may be about a research firm, and a
        // category holds a share of a whole ("Streaming accounted for 47%").
        self.lexicon_hits(r).iter().any(|m| {
            matches!(m.category, LexiconCategory::Geo | LexiconCategory::Metric) && m.range.len() * 10 >= r.len() * 8
        })
    }
}

/// Whether `upto` ends in the word of a comparison whose object follows: "略领先于", "ahead
/// of", "more than". An English word must end there whole: "Hanover" is no "over".
fn ends_in_comparison(upto: &str) -> bool {
    let upto = upto.trim_end();
    ["于", "过", "比", "than", "of", "over"].into_iter().any(|w| {
        upto.strip_suffix(w).is_some_and(|rest| !w.is_ascii() || !rest.ends_with(|c: char| c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::ends_in_comparison;

    #[test]
    fn regression_a_comparison_word_is_a_whole_word() {
        for upto in ["略领先于", "ahead of ", "more than", "a lead over"] {
            assert!(ends_in_comparison(upto), "{upto}");
        }
        for upto in ["the best-selling model in Hanover", "a Stroganof", "No. 1 in Dover"] {
            assert!(!ends_in_comparison(upto), "{upto}");
        }
    }
}
