//! The scope values of one sentence: lexicon names and pattern captures, weeded (causes,
//! nationalities, glosses, names inside longer names, titles) and cached field by field.

use super::names::{TITLE_WORDS, clean_name, inside_name, is_title_case};
use super::patterns::Slots;
use super::{ALL_FIELDS, Found, ScopeFinder, bit, category, field_of, overlaps};
use crate::lexicon::{LexMatch, LexiconCategory, Lexicons};
use crate::rules::{RuleSet, ScopeField, ScopeRole};
use std::ops::Range;

impl<'a> ScopeFinder<'a> {
    /// Every lexicon name in a sentence, found once.
    fn lexicon_hits(&mut self, s: usize) -> &[LexMatch] {
        if self.hits[s].is_none() {
            let range = self.layout.sentences[s].range.clone();
            self.hits[s] = Some(self.lex.find(self.text, range));
        }
        self.hits[s].as_deref().unwrap_or(&[])
    }

    /// Organisation names in a sentence: candidates for a subject.
    pub fn orgs(&mut self, s: usize) -> Vec<Range<usize>> {
        self.lexicon_hits(s).iter().filter(|m| m.category == LexiconCategory::Org).map(|m| m.range.clone()).collect()
    }

    /// The values found in sentence `s`, with those of `fields` among them. Values of one
    /// field keep the order a whole-sentence reading gives them; fields are not interleaved.
    pub(super) fn found(&mut self, s: usize, fields: u8) -> &[Found<'a>] {
        let missing = fields & !self.done[s];
        if missing != 0 {
            let v = self.extract(s, missing);
            self.done[s] |= missing;
            self.cache[s].extend(v);
        }
        &self.cache[s]
    }

    /// The values of `fields` (bits by `bit`) in sentence `s`. Fields do not meet here: each
    /// field's values are read and weeded against its own and the lexicon's, so a field read
    /// alone comes out as it does among all.
    fn extract(&mut self, s: usize, fields: u8) -> Vec<Found<'a>> {
        let range = self.layout.sentences[s].range.clone();
        let text = self.text;
        let sentence = &text[range.clone()];
        // Borrowed out of its cache for the length of the call, not copied: this call needs
        // `self` for the patterns' slots too.
        self.lexicon_hits(s);
        let hits = self.hits[s].take().unwrap_or_default();
        let lex: &'a Lexicons = self.lex;
        let set: &'a RuleSet = self.set;
        let mut glosses: Vec<Range<usize>> = Vec::new();
        let mut out: Vec<Found<'a>> = hits
            .iter()
            .enumerate()
            .filter_map(|(k, m)| {
                let field = field_of(m.category).filter(|&f| fields & bit(f) != 0)?;
                // "荷兰合作银行（Rabobank）": a measurer's name in brackets glosses the one before
                // it, which is the one the document uses.
                if field == ScopeField::Source && k > 0 && is_gloss(text, &hits[k - 1], m) {
                    glosses.push(m.range.clone());
                    return None;
                }
                // "our customers' trust": a possessive word is whose something is, not a count.
                if field == ScopeField::Metric && text[m.range.end..].starts_with(['\'', '’']) {
                    return None;
                }
                // "…second with 19.1%, helped by strong iPhone sales": a cause, not what is counted.
                if field == ScopeField::Metric && is_cause(&text[range.start..m.range.start]) {
                    return None;
                }
                // "徐工汽车", "海川电器": an industry word joined to a firm's name ends the name.
                if field == ScopeField::Market
                    && k > 0
                    && hits[k - 1].category == LexiconCategory::Org
                    && hits[k - 1].range.end == m.range.start
                    && ["汽车", "电器", "电子", "能源", "重工", "动力", "电气", "家电", "科技"]
                        .contains(&&text[m.range.clone()])
                {
                    return None;
                }
                // "新能源车零售", "零售份额", "retail share": retail is the channel a figure is
                // counted in, not the market, beside a product or a figure's word.
                if field == ScopeField::Market && lex.id(m.entry) == "market.retail" {
                    let after = &text[m.range.end..range.end];
                    let product_before = k > 0
                        && hits[k - 1].category == LexiconCategory::Market
                        && text[hits[k - 1].range.end..m.range.start].trim().is_empty();
                    let figure_after = ["份额", "渗透率", "销量", "销售", "量", "额", " share", " volume"]
                        .iter()
                        .any(|w| after.starts_with(w));
                    if product_before || figure_after {
                        return None;
                    }
                }
                // "中国品牌在前五名中占据三席", "Chinese brands": a nationality of the players, not
                // the place the market is measured in.
                if field == ScopeField::Geography
                    && is_nationality(&text[m.range.clone()], &text[m.range.end..range.end])
                {
                    return None;
                }
                Some(Found {
                    field,
                    range: m.range.clone(),
                    id: Some(lex.id(m.entry)),
                    vague: false,
                    role: crate::periods::Role::Own,
                })
            })
            .collect();
        // "a new television campaign", "TV ads": a medium that carries a message is no market.
        out.retain(|f| {
            f.field != ScopeField::Market || {
                let next = text[f.range.end..range.end].trim_start();
                let word = next.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                ![
                    "campaign",
                    "campaigns",
                    "ad",
                    "ads",
                    "advert",
                    "adverts",
                    "advertisement",
                    "advertising",
                    "commercial",
                    "commercials",
                    "spot",
                    "spots",
                ]
                .iter()
                .any(|w| word.eq_ignore_ascii_case(w))
            }
        });
        // A gloss is not a tag, but it still is a name no pattern may read a part of
        // ("欧睿国际（Euromonitor International）" names no "International").
        // Patterns' finds go to a list of their own so that the lexicon's, ahead of them in
        // `out`, can be read while they are added.
        let lexicon_hits = || {
            out.iter()
                .map(|f| (f.field, f.range.clone()))
                .chain(glosses.iter().map(|g| (ScopeField::Source, g.clone())))
        };
        let mut patterned: Vec<Found<'a>> = Vec::new();
        if self.slots.len() < set.scopes.len() {
            self.slots.resize_with(set.scopes.len(), || None);
        }
        self.runs.wake(s, sentence, self.triggers);
        let mut next = 0;
        while let Some(pi) = self.runs.next(s, fields, next) {
            next = pi + 1;
            let p = &set.scopes[pi];
            let Some(field) = p.field else { continue };
            let slots = self.slots[pi].get_or_insert_with(|| Slots::new(&p.regex));
            slots.reset();
            while slots.next(&p.regex, sentence) {
                if slots.vetoed() {
                    continue;
                }
                let Some(m) = slots.name() else { continue };
                let r = range.start + m.start..range.start + m.end;
                let Some(r) = clean_name(text, r, p.role == ScopeRole::Vague, field) else { continue };
                if field == ScopeField::Metric && is_cause(&text[range.start..r.start]) {
                    continue;
                }
                // A lexicon hit at the same place already carries a canonical id, unless the
                // pattern's name says more: "电竞路由器" is a segment of "路由器".
                // Only a name that opens its clause is read whole; elsewhere a lazy match may
                // start inside a word ("中国消费级…" read from 国).
                // "在带屏智能音箱细分市场": a preposition before the name opens it too.
                let opens_clause = text[range.start..r.start]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| ch.is_whitespace() || "，。；：、,;:（(“\"-*•在于从".contains(ch));
                // "国内智能手机市场" is the smartphone market in a place, not a segment of it.
                let placed = hits.iter().any(|h| {
                    h.range.start >= r.start
                        && h.range.end <= r.end
                        && matches!(h.category, LexiconCategory::Geo | LexiconCategory::Org)
                });
                let narrower = |lr: &Range<usize>| {
                    field == ScopeField::Market
                        && opens_clause
                        && !placed
                        && lr.start >= r.start
                        && lr.end <= r.end
                        && lr.len() * 10 < r.len() * 7
                };
                if lexicon_hits().any(|(f, lr)| f == field && overlaps(&lr, &r) && !narrower(&lr)) {
                    continue;
                }
                // The name gets a canonical id only when a lexicon alias is most of it.
                let inside = || hits.iter().filter(|h| h.range.start >= r.start && h.range.end <= r.end);
                let major = |h: &&LexMatch| h.range.len() * 2 >= r.len();
                // A segment read whole ("电竞路由器") is not its parent market: it keeps no id.
                let segment = lexicon_hits().any(|(f, lr)| f == field && narrower(&lr));
                let id = p.tag_id.as_deref().or_else(|| {
                    let cat = category(field);
                    inside().find(|h| h.category == cat && major(h) && !segment).map(|h| lex.id(h.entry))
                });
                // "在西欧市场", "格力…市场": a place or a firm before 市场 is no market; nor is
                // "European" in "the European market", which the place's name holds whole.
                if field == ScopeField::Market
                    && p.tag_id.is_none()
                    && hits.iter().any(|h| {
                        matches!(h.category, LexiconCategory::Geo | LexiconCategory::Org)
                            && (h.range.start >= r.start && h.range.end <= r.end && h.range.len() * 10 >= r.len() * 8
                                || h.range.start <= r.start && r.end <= h.range.end)
                    })
                {
                    continue;
                }
                // "Delta reported", "Samsung says": a company speaking is not a measurer,
                // unless the name is also a known source. "NPD analyst Mat Piscatella": a person
                // named by a role speaks for the firm before it, which is the source.
                if field == ScopeField::Source
                    && p.role == ScopeRole::Value
                    && id.is_none()
                    && p.tag_id.is_none()
                    && (inside().any(|h| h.category == LexiconCategory::Org && major(&h))
                        || crate::names::is_person_by_role(&text[range.start..r.start])
                        || crate::names::named_person(text, &text[r.clone()]))
                {
                    continue;
                }
                patterned.push(Found {
                    field,
                    range: r,
                    id,
                    vague: p.role == ScopeRole::Vague,
                    role: crate::periods::Role::Own,
                });
            }
        }
        out.append(&mut patterned);
        self.hits[s] = Some(hits);
        // A vague allusion is a source's: it hides other readings of its words as a source, not
        // the year in "a 2025 survey".
        let vague: Vec<(ScopeField, Range<usize>)> =
            out.iter().filter(|f| f.vague).map(|f| (f.field, f.range.clone())).collect();
        out.retain(|f| {
            f.vague || f.id.is_some() || !vague.iter().any(|(field, v)| *field == f.field && overlaps(v, &f.range))
        });
        // "本报讯（记者 李明）": the reporter's name measures nothing.
        out.retain(|f| {
            let before = text[range.start..f.range.start].trim_end();
            !(f.field == ScopeField::Source && ["记者", "通讯员", "编辑"].iter().any(|w| before.ends_with(w)))
        });
        // "NEW YORK - Netflix remains…": where the story was filed is not the market's place.
        // Read only for places and periods: the dateline's search runs over the whole sentence.
        let dated = if out.iter().any(|f| matches!(f.field, ScopeField::Geography | ScopeField::Period)) {
            range.start + crate::subject::dateline_len(sentence)
        } else {
            range.start
        };
        out.retain(|f| f.field != ScopeField::Geography || f.range.start >= dated);
        // "British Meridian", "Vertex Semiconductor", "the International Air Cargo Association":
        // a place or a market inside a longer name is part of the name, not the claim's scope.
        // Few values stand inside a name: the headline test waits until one does.
        let named = |f: &Found| {
            matches!(f.field, ScopeField::Geography | ScopeField::Market | ScopeField::Metric)
                && inside_name(text, &range, &f.range, f.field)
        };
        if out.iter().any(named) && !is_title_case(sentence) {
            out.retain(|f| !named(f));
        }
        // "the 2026 Commercial UAV Market Report published by Skyward Intelligence": a
        // publication's title is not its publisher, when the sentence names the publisher.
        let titled = |f: &Found| {
            f.field == ScopeField::Source
                && f.id.is_none()
                && !f.vague
                && (text[f.range.clone()].rsplit(' ').next().is_some_and(|w| TITLE_WORDS.contains(&w))
                    || text[range.start..f.range.start].trim_end().rsplit(' ').next().is_some_and(|w| {
                        w.len() == 4
                            && (w.starts_with("19") || w.starts_with("20"))
                            && w.bytes().all(|b| b.is_ascii_digit())
                    }))
        };
        if out.iter().any(|f| f.field == ScopeField::Source && !f.vague && !titled(f)) {
            out.retain(|f| !titled(f));
        }
        // A period's role depends on its sentence alone: read it once, not once per claim.
        for f in out.iter_mut().filter(|f| f.field == ScopeField::Period) {
            f.role = crate::periods::role(
                &text[range.start..f.range.start],
                &text[f.range.clone()],
                &text[f.range.end..range.end],
            );
            // "FRANKFURT, March 4, 2026 — Veltra became … in 2025": the date a story was filed
            // dates a claim only when nothing else does.
            if f.range.start < dated {
                f.role = crate::periods::Role::Pointer;
            }
        }
        // "2012—2023年" is one period, not a year inside a range.
        let covered = |f: &Found, all: &[Found]| {
            all.iter().any(|g| {
                g.field == f.field
                    && g.range.len() > f.range.len()
                    && g.range.start <= f.range.start
                    && f.range.end <= g.range.end
            })
        };
        // Few sentences hold a value inside another: the rest need no copy to test against.
        if out.iter().any(|f| covered(f, &out)) {
            let all = out.clone();
            out.retain(|f| !covered(f, &all));
        }
        out
    }

    /// Every scope value found in a sentence, described, for rule authors.
    pub fn describe(&mut self, s: usize) -> Vec<String> {
        let text = self.text;
        self.found(s, ALL_FIELDS)
            .iter()
            .map(|f| {
                format!(
                    "{:?} {:?} id={:?}{}",
                    f.field,
                    &text[f.range.clone()],
                    f.id,
                    if f.vague { " vague" } else { "" }
                )
            })
            .collect()
    }
}

/// The cues of `is_cause`, each's words from its last; at most three words may stand between
/// it and the name.
const CAUSE_CUES: [&[&str]; 10] = [
    &["by", "helped"],
    &["by", "driven"],
    &["to", "thanks"],
    &["of", "back", "the", "on"],
    &["by", "boosted"],
    &["by", "fuelled"],
    &["by", "fueled"],
    &["to", "due"],
    &["of", "because"],
    &["by", "supported"],
];

/// Whether a metric's name stands in a phrase giving a cause: "helped by strong iPhone sales",
/// "driven by higher unit shipments", "thanks to rising subscriptions".
fn is_cause(before: &str) -> bool {
    let clause = &before[before.bytes().rposition(|b| matches!(b, b',' | b';' | b'(')).map_or(0, |i| i + 1)..];
    let mut last = [""; 7];
    let mut n = 0;
    if clause.is_ascii() {
        // Most clauses: cut from the end byte by byte where `split_whitespace` cuts them.
        let b = clause.as_bytes();
        let space = |i: usize| b[i] == b' ' || (b'\t'..=b'\r').contains(&b[i]);
        let mut end = b.len();
        while n < last.len() {
            while end > 0 && space(end - 1) {
                end -= 1;
            }
            let mut start = end;
            while start > 0 && !space(start - 1) {
                start -= 1;
            }
            if start == end {
                break;
            }
            (last[n], n, end) = (&clause[start..end], n + 1, start);
        }
    } else {
        for w in clause.split_whitespace().rev().take(last.len()) {
            last[n] = w;
            n += 1;
        }
    }
    // Every cue opens with a word of two letters (a test keeps them so).
    (0..4.min(n)).any(|at| {
        last[at].len() == 2
            && CAUSE_CUES
                .iter()
                .any(|cue| at + cue.len() <= n && cue.iter().zip(&last[at..]).all(|(c, w)| w.eq_ignore_ascii_case(c)))
    })
}

/// Whether the words after a place name make it the players' nationality ("中国品牌", "Chinese
/// vendors") rather than the market's place.
fn is_nationality(place: &str, after: &str) -> bool {
    const ZH: [&str; 8] = ["品牌", "厂商", "企业", "车企", "公司", "手机品牌", "本土品牌", "玩家"];
    if ZH.iter().any(|w| after.starts_with(w)) {
        return true;
    }
    // "Taiwanese chipmaker TSMC", "Swedish streaming giant Spotify": a player noun within a few
    // words, before any "market" ("the Chinese smartphone market" is a place).
    const PLAYERS: [&str; 30] = [
        "brand",
        "vendor",
        "company",
        "companies",
        "maker",
        "manufacturer",
        "player",
        "firm",
        "carmaker",
        "automaker",
        "chipmaker",
        "giant",
        "rival",
        "carrier",
        "airline",
        "group",
        "conglomerate",
        "operator",
        "retailer",
        "supplier",
        "producer",
        "startup",
        "provider",
        "foundry",
        "foundries",
        "bank",
        "insurer",
        "champion",
        "peer",
        "competitor",
    ];
    // "the world's largest foundry", "America's top carrier": a possessive place is the place;
    // so is "global foundry revenue": only a people or a country has a home.
    if !place.starts_with(|c: char| c.is_ascii_uppercase())
        || ["Global", "Worldwide", "World"].contains(&place)
        || place.ends_with("'s")
        || place.ends_with("’s")
        || after.starts_with("'s")
        || after.starts_with("’s")
        || after.starts_with('\'')
        || after.starts_with('’')
    {
        return false;
    }
    // Lower-cased on the stack: most places in a sentence are asked this.
    let n = after.char_indices().nth(60).map_or(after.len(), |(i, _)| i);
    let mut buf = [0u8; 60 * 4];
    let head = &mut buf[..n];
    head.copy_from_slice(&after.as_bytes()[..n]);
    head.make_ascii_lowercase();
    let Ok(head) = std::str::from_utf8(head) else { return false };
    let clause = head.split([',', ';', ':', '.', '(', '—']).next().unwrap_or("");
    let mut words = [""; 4];
    let mut count = 0;
    for (slot, w) in words.iter_mut().zip(clause.split_whitespace()) {
        *slot = w;
        count += 1;
    }
    let words = &words[..count];
    for w in words {
        let w = w.trim_end_matches("'s").trim_end_matches('’');
        if matches!(w, "market" | "markets" | "in" | "of" | "by" | "for") {
            break;
        }
        if PLAYERS.iter().any(|p| w == *p || w.strip_suffix('s') == Some(p)) {
            return true;
        }
    }
    crate::names::is_demonym_name(place, words.first().copied())
}

/// Whether `m` is the same entry as `prev`, given in brackets right after it.
fn is_gloss(text: &str, prev: &LexMatch, m: &LexMatch) -> bool {
    let gap = text.get(prev.range.end..m.range.start).unwrap_or("").trim();
    prev.entry == m.entry && (gap == "(" || gap == "（") && text[m.range.end..].trim_start().starts_with([')', '）'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cause_cues_open_with_two_letters_as_is_cause_expects() {
        assert!(CAUSE_CUES.iter().all(|cue| cue[0].len() == 2));
        assert!(is_cause("second with 19.1%, helped by strong"));
        assert!(is_cause("growth\tdriven  BY higher unit"));
        assert!(!is_cause("helped by strong demand, the"));
        assert!(!is_cause("measured by"));
    }
}
