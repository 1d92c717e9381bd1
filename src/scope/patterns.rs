//! Which scope patterns run on a sentence, and how their matches are read: the pattern side
//! of `ScopeFinder::extract`, set up once per document.

use super::{ALL_FIELDS, bit};
use crate::rules::{RuleSet, ScopeField, ScopeRole};
use crate::triggers::TriggerIndex;
use std::ops::Range;

/// How a scope pattern's matches are read, set up on its first match attempt in a document.
pub(super) enum Slots {
    /// Capture slots, and the indices of its `name…` and `veto` groups, found once rather than
    /// by hashing group names at every match.
    Groups { slots: crate::pattern::Slots, names: Vec<usize>, veto: Option<usize> },
    /// A pattern with neither (most periods, the vague allusions): the matches' bounds alone,
    /// walked as `pattern::Slots` walks them, need no pass of a capture engine.
    Whole { at: usize, last_end: Option<usize>, found: Range<usize> },
}

impl Slots {
    pub(super) fn new(regex: &regex::Regex) -> Self {
        let names: Vec<usize> = regex
            .capture_names()
            .enumerate()
            .filter(|(_, n)| n.is_some_and(|n| n.starts_with("name")))
            .map(|(i, _)| i)
            .collect();
        let veto = crate::pattern::Slots::index(regex, "veto");
        if names.is_empty() && veto.is_none() {
            return Slots::Whole { at: 0, last_end: None, found: 0..0 };
        }
        Slots::Groups { slots: crate::pattern::Slots::new(regex), names, veto }
    }

    pub(super) fn reset(&mut self) {
        match self {
            Slots::Groups { slots, .. } => slots.reset(),
            Slots::Whole { at, last_end, .. } => (*at, *last_end) = (0, None),
        }
    }

    /// The next match of `regex` in `hay`; false when none is left.
    pub(super) fn next(&mut self, regex: &regex::Regex, hay: &str) -> bool {
        match self {
            Slots::Groups { slots, .. } => slots.next(regex, hay),
            Slots::Whole { at, last_end, found } => {
                while *at <= hay.len() {
                    let Some(m) = regex.find_at(hay, *at) else { return false };
                    if m.is_empty() && Some(m.end()) == *last_end {
                        *at += 1;
                        continue;
                    }
                    (*at, *last_end, *found) = (m.end(), Some(m.end()), m.range());
                    return true;
                }
                false
            }
        }
    }

    /// Whether the last match is one its `veto` group took part in, which is no match (see
    /// `rules::scope_matches`).
    pub(super) fn vetoed(&self) -> bool {
        matches!(self, Slots::Groups { slots, veto: Some(v), .. } if slots.get(*v).is_some())
    }

    /// The first `name…` group that took part in the last match, else the whole match, as
    /// `crate::rules::name_group` reads it.
    pub(super) fn name(&self) -> Option<Range<usize>> {
        match self {
            Slots::Groups { slots, names, .. } => names.iter().find_map(|&i| slots.get(i)).or_else(|| slots.get(0)),
            Slots::Whole { found, .. } => Some(found.clone()),
        }
    }
}

/// Which scope patterns to run on a sentence, as rows of bits (`words` to a row): those that
/// give a value of each field, and those each sentence's trigger literals wake.
pub(super) struct Runs {
    words: usize,
    /// Per field (by `bit`), its value and vague patterns.
    by_field: Vec<u64>,
    /// Per set of fields, theirs, each made when first asked for (its bit in `made`).
    by_fields: Vec<u64>,
    made: u32,
    /// Per sentence, what `TriggerIndex::wanted` tells, found on the sentence's first extraction
    /// and kept for the fields asked for later. Its first row is the patterns that run
    /// everywhere (wanted on an empty text), which every sentence's row starts from.
    woken: Vec<u64>,
    filled: Vec<bool>,
}

impl Runs {
    pub(super) fn new(set: &RuleSet, sentences: usize) -> Runs {
        let words = set.scopes.len().div_ceil(64);
        let mut by_field = vec![0; ScopeField::ALL.len() * words];
        for (pi, p) in set.scopes.iter().enumerate() {
            if let Some(field) = p.field
                && matches!(p.role, ScopeRole::Value | ScopeRole::Vague)
            {
                by_field[field as usize * words + pi / 64] |= 1 << (pi % 64);
            }
        }
        let by_fields = vec![0; (usize::from(ALL_FIELDS) + 1) * words];
        Runs { words, by_field, by_fields, made: 0, woken: Vec::new(), filled: vec![false; sentences] }
    }

    pub(super) fn wake(&mut self, s: usize, sentence: &str, triggers: &TriggerIndex) {
        if self.filled[s] {
            return;
        }
        let words = self.words;
        if self.woken.is_empty() {
            self.woken = vec![0; words * (self.filled.len() + 1)];
            for (pi, want) in triggers.wanted("").into_iter().enumerate() {
                if want && pi / 64 < words {
                    self.woken[pi / 64] |= 1 << (pi % 64);
                }
            }
        }
        let (always, rows) = self.woken.split_at_mut(words);
        let row = &mut rows[s * words..(s + 1) * words];
        row.copy_from_slice(always);
        for (_, owners) in triggers.hits(sentence) {
            for &pi in owners.iter().filter(|&&pi| pi / 64 < words) {
                row[pi / 64] |= 1 << (pi % 64);
            }
        }
        self.filled[s] = true;
    }

    /// The first pattern from `from` on that gives one of `fields` and that sentence `s` (woken
    /// first) wakes.
    pub(super) fn next(&mut self, s: usize, fields: u8, from: usize) -> Option<usize> {
        if self.made & 1 << fields == 0 {
            for &f in ScopeField::ALL.iter().filter(|&&f| fields & bit(f) != 0) {
                for w in 0..self.words {
                    self.by_fields[usize::from(fields) * self.words + w] |= self.by_field[f as usize * self.words + w];
                }
            }
            self.made |= 1 << fields;
        }
        let row = &self.woken[(s + 1) * self.words..(s + 2) * self.words];
        let of = &self.by_fields[usize::from(fields) * self.words..][..self.words];
        (from / 64..self.words).find_map(|w| {
            let bits = row[w] & of[w] & if w == from / 64 { !0 << (from % 64) } else { !0 };
            (bits != 0).then(|| w * 64 + bits.trailing_zeros() as usize)
        })
    }
}
