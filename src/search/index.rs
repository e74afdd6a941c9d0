//! Lookup of persons and places by name: Arabic with any spelling, typos,
//! partial names, or Latin script.
//!
//! Queries match entity names (canonical and every variant), never article
//! bodies: the list is short and every hit means a person or place. Each name
//! word keeps its normalized form and its phonetic skeleton; a query is scored
//! against each window of consecutive words of a name.

use std::collections::HashMap;

use fuzzy_matcher::skim::SkimMatcherV2;
use fuzzy_matcher::FuzzyMatcher;
use rayon::prelude::*;

use super::phonetic;
use crate::entities::gazetteer::Gazetteer;
use crate::entities::{Entity, Kind};
use crate::shared::Table;
use crate::text::normalize_str;

mod candidates;

pub(super) use candidates::WordKeys;

/// Hits scoring below this are not matches.
pub const THRESHOLD: u8 = 60;
/// Words scored per task when a search is spread over the cores, and
/// entities per part when an index is built.
const CHUNK: usize = 4096;
/// Hits further than this below the best hit are dropped, so that one clear
/// match does not drag weaker look-alikes along (a name that only shares
/// the skeleton of an exact match, محمود beside محمد, scores 15 below it).
/// Chosen with [`EXTRA_WORD`] on the development half of the held-out Latin
/// queries (`tests/data/latin-queries`), against the persons of the 30,000-
/// and 100,000-article news-like archives: 15 and 0 gave precision .75 (30k),
/// 10 and 2 gave .83 and .73, 6 and 4 give .87 and .79, at the same recall
/// (.89); 5 and 5 gave no more. The more names an archive has, the more of
/// them come close to the best one.
const SPREAD: u8 = 6;
/// How far below the best a name may score and still be offered as a
/// choice: a skeleton twin of an exact match (محمود beside محمد) scores 15
/// below it, and is there to be picked.
pub const CHOICES: u8 = 15;

/// The hits (best first, as [`NameIndex::search`] and
/// [`NameIndex::choices`] give them) that an answer unites: those within
/// [`SPREAD`] of the best.
pub fn united(hits: &[Hit]) -> &[Hit] {
    let top = hits.first().map_or(0, |h| h.score);
    let n = hits
        .iter()
        .take_while(|h| h.score.saturating_add(SPREAD) >= top)
        .count();
    &hits[..n]
}
/// Points off a Latin word's match for each long vowel the Arabic name
/// writes where the Latin spelling has another, or the Latin writes a long i
/// where Arabic has no ي (at most two).
const VOWEL_CLASH: u8 = 10;

/// Points off a name's score for each of its words outside the matching
/// window: `hassan khalil` is حسن خليل before حسن خليل السباعي, who is
/// still found, one word longer being within [`SPREAD`].
const EXTRA_WORD: u32 = 4;

/// Shortest query word matched one edit away (shorter ones have too many
/// neighbours).
const ONE_EDIT_MIN: usize = 4;

/// Longest skeleton kept inline; longer ones are cut (names that long are
/// told apart by their first dozen consonants).
pub(super) const SKELETON: usize = 12;

/// One distinct word of the names, ready for matching, in a flat record so
/// that a scan of the vocabulary stays in cache; plain old data, so that
/// the cache's copy is read in place (see `shared.rs`).
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub(super) struct Word {
    /// Offset of its characters in [`NameIndex::chars`].
    pub(super) at: u32,
    /// First character (a scalar value), for the quick tests.
    pub(super) first: u32,
    /// Number of characters.
    pub(super) len: u16,
    /// Phonetic skeleton, `skeleton_len` bytes used.
    pub(super) skeleton: [u8; SKELETON],
    pub(super) skeleton_len: u8,
    /// 1 if it is a particle (بن، ابن، عبد، ابو، دي), which answers only
    /// to a particle of a Latin query.
    pub(super) particle: u8,
}

impl Word {
    fn skeleton(&self) -> &[u8] {
        &self.skeleton[..usize::from(self.skeleton_len).min(SKELETON)]
    }

    fn is_particle(&self) -> bool {
        self.particle == 1
    }
}

/// No English name.
pub(super) const NO_ENGLISH: u32 = u32::MAX;

/// One name of an entity: a run of words, or an English name.
#[derive(Debug, Clone, Copy, bytemuck::Pod, bytemuck::Zeroable)]
#[repr(C)]
pub(super) struct Name {
    pub(super) entity: u32,
    /// Offset of its words in [`NameIndex::refs`].
    pub(super) first_word: u32,
    /// Index into [`NameIndex::english`] for a place's English name, or
    /// [`NO_ENGLISH`].
    pub(super) english: u32,
    pub(super) words: u8,
    pub(super) pad: [u8; 3],
}

impl Name {
    fn english(&self) -> Option<u32> {
        (self.english != NO_ENGLISH).then_some(self.english)
    }
}

/// A matching entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// Index of the entity.
    pub entity: usize,
    /// How well it matched, 0–100.
    pub score: u8,
}

/// Names of a corpus's entities, prepared for matching.
///
/// Names share their words: the 137,083 names of a 100,000-article archive
/// hold 417,818 words but only 23,814 distinct ones (محمد، عبد، الله...). A
/// query is scored against each distinct word once, and a name's score is
/// then read off its words' scores.
pub struct NameIndex {
    pub(super) names: Table<Name>,
    /// The distinct words.
    pub(super) words: Table<Word>,
    /// The words of each name, as indices into `words`.
    pub(super) refs: Table<u32>,
    /// Characters as scalar values, checked as they are used.
    pub(super) chars: Table<u32>,
    /// The names that hold each word: those of word `w` are
    /// `holders[starts[w]..starts[w + 1]]`. A query visits only the names
    /// holding a word it matches.
    pub(super) holders: Table<u32>,
    pub(super) starts: Table<u32>,
    pub(super) english: Vec<String>,
    /// The names that are English names (they have no words).
    pub(super) english_names: Vec<u32>,
    /// The words grouped by what a match needs (derived from `words`).
    pub(super) keys: WordKeys,
    pub(super) kinds: Vec<Kind>,
    pub(super) matcher: SkimMatcherV2,
}

/// An index being built: its tables as vectors, and its words' spellings
/// (without the article, which is how they are matched) to find them again.
#[derive(Default)]
struct Part {
    names: Vec<Name>,
    words: Vec<Word>,
    refs: Vec<u32>,
    chars: Vec<u32>,
    english: Vec<String>,
    kinds: Vec<Kind>,
    spellings: Vec<String>,
    known: HashMap<String, u32>,
}

impl Part {
    /// Adds a part built after this one (its entities follow ours).
    fn join(&mut self, part: Part) {
        // The part's words, as the whole's: most are known already.
        let mine: Vec<u32> = part
            .spellings
            .into_iter()
            .zip(&part.words)
            .map(|(spelling, w)| {
                if let Some(&id) = self.known.get(&spelling) {
                    return id;
                }
                let id = self.words.len() as u32;
                let chars = &part.chars[w.at as usize..w.at as usize + usize::from(w.len)];
                self.words.push(Word {
                    at: self.chars.len() as u32,
                    ..*w
                });
                self.chars.extend_from_slice(chars);
                self.known.insert(spelling, id);
                id
            })
            .collect();
        let (refs, english) = (self.refs.len() as u32, self.english.len() as u32);
        self.names.extend(part.names.into_iter().map(|n| Name {
            first_word: n.first_word + refs,
            english: n.english().map_or(NO_ENGLISH, |e| e + english),
            ..n
        }));
        self.refs
            .extend(part.refs.iter().map(|&w| mine[w as usize]));
        self.english.extend(part.english);
        self.kinds.extend(part.kinds);
    }

    /// The index of the word spelled `bare` (article already dropped),
    /// added when new.
    fn word(&mut self, bare: &str) -> u32 {
        if let Some(&w) = self.known.get(bare) {
            return w;
        }
        let chars: Vec<char> = bare.chars().take(usize::from(u16::MAX)).collect();
        let skel = phonetic::arabic(bare);
        let mut skeleton = [0u8; SKELETON];
        let skeleton_len = skel.len().min(SKELETON);
        skeleton[..skeleton_len].copy_from_slice(&skel[..skeleton_len]);
        let id = self.words.len() as u32;
        self.words.push(Word {
            at: self.chars.len() as u32,
            len: chars.len() as u16,
            skeleton,
            skeleton_len: skeleton_len as u8,
            first: u32::from(chars.first().copied().unwrap_or(' ')),
            particle: u8::from(ARABIC_PARTICLES.contains(&&chars[..])),
        });
        self.chars.extend(chars.iter().map(|&c| u32::from(c)));
        self.spellings.push(bare.to_owned());
        self.known.insert(bare.to_owned(), id);
        id
    }
}

impl From<Part> for NameIndex {
    fn from(p: Part) -> NameIndex {
        let (holders, starts) = holders(&p.names, &p.refs, p.words.len());
        NameIndex {
            english_names: english_names(&p.names),
            keys: WordKeys::new(&p.words, &p.chars),
            names: p.names.into(),
            words: p.words.into(),
            refs: p.refs.into(),
            chars: p.chars.into(),
            holders: holders.into(),
            starts: starts.into(),
            english: p.english,
            kinds: p.kinds,
            matcher: SkimMatcherV2::default(),
        }
    }
}

/// The names holding each of `words` words, by a counting sort of `refs`:
/// (holders, starts) as [`NameIndex::holders`] keeps them.
fn holders(names: &[Name], refs: &[u32], words: usize) -> (Vec<u32>, Vec<u32>) {
    let words_of = |n: &Name| {
        let from = n.first_word as usize;
        refs.get(from..from + usize::from(n.words)).unwrap_or(&[])
    };
    let mut starts = vec![0u32; words + 1];
    for n in names {
        for &w in words_of(n) {
            starts[w as usize + 1] += 1;
        }
    }
    for w in 0..words {
        starts[w + 1] += starts[w];
    }
    let mut next = starts.clone();
    let mut holders = vec![0u32; refs.len()];
    for (i, n) in names.iter().enumerate() {
        for &w in words_of(n) {
            holders[next[w as usize] as usize] = i as u32;
            next[w as usize] += 1;
        }
    }
    (holders, starts)
}

/// The indices of the names that are English names.
pub(super) fn english_names(names: &[Name]) -> Vec<u32> {
    names
        .iter()
        .enumerate()
        .filter(|(_, n)| n.english().is_some())
        .map(|(i, _)| i as u32)
        .collect()
}

fn strip_article(w: &str) -> &str {
    w.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(w)
}

/// A query word or name word: normalized characters and skeleton.
fn forms(norm: &str) -> (Vec<char>, Vec<u8>) {
    let norm = strip_article(norm);
    (norm.chars().collect(), phonetic::arabic(norm))
}

/// The query words of one search, each with its score against every
/// distinct word of the index: `scores[word * slots + slot]`.
struct Scored {
    slots: usize,
    scores: Vec<u8>,
    /// The words that match some slot, ascending: all others score 0.
    matched: Vec<u32>,
    /// Each reading of the query as slots; only readings whose every word
    /// matches some word of the index.
    readings: Vec<Vec<usize>>,
    /// For each reading, the slot whose matching words are held by the
    /// fewest names (each slot once): the names worth visiting hold one of
    /// their matches.
    drivers: Vec<usize>,
}

impl Scored {
    /// The best score of a window of `refs` (a name's words) against
    /// `reading`: the mean of its words' scores, 0 if one does not match,
    /// less [`EXTRA_WORD`] for each word of the name outside it.
    fn window(&self, reading: &[usize], refs: &[u32]) -> u8 {
        let n = reading.len();
        if n == 0 || n > refs.len() {
            return 0;
        }
        let mut best = 0;
        for start in 0..=refs.len() - n {
            let mut total = 0u32;
            for (&slot, &w) in reading.iter().zip(&refs[start..start + n]) {
                let s = self
                    .scores
                    .get(w as usize * self.slots + slot)
                    .copied()
                    .unwrap_or(0);
                if s == 0 {
                    total = 0;
                    break;
                }
                total += u32::from(s);
            }
            let extra = (refs.len() - n) as u32 * EXTRA_WORD;
            best = best.max((total / n as u32).saturating_sub(extra) as u8);
        }
        best
    }
}

impl NameIndex {
    /// Indexes the names of `entities`; places also answer to their English
    /// names from the gazetteer.
    pub fn build(entities: &[Entity], gaz: &Gazetteer) -> NameIndex {
        // Built in parts on all cores, then joined: a large archive has
        // a hundred thousand names to normalize and reduce to skeletons.
        // One part per core at a time: all thirty parts of such an archive
        // held at once, each with its own copy of the common words, raised
        // the peak memory of its indexing by tens of megabytes.
        let mut index = Part {
            kinds: Vec::with_capacity(entities.len()),
            ..Part::default()
        };
        let batch = CHUNK * rayon::current_num_threads().max(1);
        for (b, group) in entities.chunks(batch).enumerate() {
            let parts: Vec<Part> = group
                .par_chunks(CHUNK)
                .enumerate()
                .map(|(k, chunk)| NameIndex::build_part(chunk, b * batch + k * CHUNK, gaz))
                .collect();
            for part in parts {
                index.join(part);
            }
        }
        index.into()
    }

    /// The index of the names of `entities`, numbered from `first`.
    fn build_part(entities: &[Entity], first: usize, gaz: &Gazetteer) -> Part {
        let mut index = Part {
            kinds: entities.iter().map(|e| e.kind).collect(),
            ..Part::default()
        };
        for (i, e) in entities.iter().enumerate() {
            let entity = (first + i) as u32;
            let mut seen: Vec<String> = Vec::new();
            for v in std::iter::once(&e.name).chain(&e.variants) {
                let n = normalize_str(v);
                if seen.contains(&n) {
                    continue;
                }
                if e.kind == Kind::Place {
                    if let Some(p) = gaz.place(&n) {
                        for en in &p.english {
                            index.names.push(Name {
                                entity,
                                first_word: 0,
                                words: 0,
                                english: index.english.len() as u32,
                                pad: [0; 3],
                            });
                            index.english.push(en.clone());
                        }
                    }
                }
                let first_word = index.refs.len() as u32;
                for w in n
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .take(usize::from(u8::MAX))
                {
                    let id = index.word(strip_article(w));
                    index.refs.push(id);
                }
                let words = (index.refs.len() as u32 - first_word) as u8;
                index.names.push(Name {
                    entity,
                    first_word,
                    words,
                    english: NO_ENGLISH,
                    pad: [0; 3],
                });
                seen.push(n);
            }
        }
        index
    }

    /// A word's characters as scalar values, compared as they are (a
    /// damaged cache's invalid ones match nothing); none when out of range.
    fn chars_of(&self, w: &Word) -> &[u32] {
        self.chars
            .get(w.at as usize..w.at as usize + usize::from(w.len))
            .unwrap_or(&[])
    }

    /// Number of names indexed.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether no names are indexed.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Entities matching `query` (of `kind`, if given), best first, each
    /// once: those within [`SPREAD`] of the best, the answer a lookup unites.
    pub fn search(&self, query: &str, kind: Option<Kind>) -> Vec<Hit> {
        self.search_within(query, kind, SPREAD)
    }

    /// [`NameIndex::search`] with the weaker matches a person may still
    /// mean, down to [`CHOICES`] below the best: what is offered to choose
    /// from (`sahifa names`, the reader's list of matches). [`united`] of
    /// it is what [`NameIndex::search`] gives.
    pub fn choices(&self, query: &str, kind: Option<Kind>) -> Vec<Hit> {
        self.search_within(query, kind, CHOICES)
    }

    fn search_within(&self, query: &str, kind: Option<Kind>, spread: u8) -> Vec<Hit> {
        let q = Query::new(query);
        if q.words.is_empty() {
            return Vec::new();
        }
        let scored = self.score_vocabulary(&q);
        let wanted = |n: &Name| kind.is_none_or(|k| self.kinds.get(n.entity as usize) == Some(&k));
        // Each entity's best score; most stay 0.
        let mut best: Vec<u8> = vec![0; self.kinds.len()];
        let mut keep = |entity: u32, s: u8| {
            if let Some(b) = best.get_mut(entity as usize) {
                *b = (*b).max(s);
            }
        };
        if !scored.readings.is_empty() {
            // A name matches a reading only if it holds a word matching each
            // of the reading's words; so only the names holding a match of
            // the reading's rarest word are visited, each once. (محمد
            // matches words of thousands of names, لافروف of a few.)
            let mut seen = vec![false; self.names.len()];
            for &w in &scored.matched {
                let w = w as usize;
                let row = &scored.scores[w * scored.slots..(w + 1) * scored.slots];
                if !scored.drivers.iter().any(|&d| row[d] > 0) {
                    continue;
                }
                for &n in self.holders_of(w) {
                    let (Some(seen), Some(name)) =
                        (seen.get_mut(n as usize), self.names.get(n as usize))
                    else {
                        continue;
                    };
                    if std::mem::replace(seen, true) || !wanted(name) {
                        continue;
                    }
                    keep(name.entity, self.score(&scored, name));
                }
            }
        }
        if q.latin {
            for name in self
                .english_names
                .iter()
                .filter_map(|&n| self.names.get(n as usize))
            {
                let s = name
                    .english()
                    .and_then(|en| self.english.get(en as usize))
                    .map_or(0, |en| english_score(&q, en));
                if wanted(name) {
                    keep(name.entity, s);
                }
            }
        }
        let top = best.iter().copied().max().unwrap_or(0);
        let floor = THRESHOLD.max(top.saturating_sub(spread));
        // Best first, then by entity: a counting sort, as a name as common
        // as محمد has tens of thousands of hits, of a few dozen scores.
        let mut at = [0usize; 102];
        for &s in best.iter().filter(|&&s| s >= floor) {
            at[usize::from(100 - s.min(100)) + 1] += 1;
        }
        for k in 1..at.len() {
            at[k] += at[k - 1];
        }
        let mut hits = vec![
            Hit {
                entity: 0,
                score: 0
            };
            at[101]
        ];
        for (entity, &score) in best.iter().enumerate().filter(|(_, &s)| s >= floor) {
            let slot = &mut at[usize::from(100 - score.min(100))];
            hits[*slot] = Hit { entity, score };
            *slot += 1;
        }
        hits
    }

    /// The names holding word `w`; none when a damaged cache says otherwise.
    fn holders_of(&self, w: usize) -> &[u32] {
        match (self.starts.get(w), self.starts.get(w + 1)) {
            (Some(&from), Some(&to)) => self.holders.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Scores every distinct query word (with whether it ends its reading,
    /// which lets a prefix match) against the distinct words of the index
    /// that can match it (see `candidates.rs`), on all cores.
    fn score_vocabulary(&self, q: &Query) -> Scored {
        let (slots, readings) = q.slots();
        let n = slots.len().max(1);
        // Only the words that can match a slot are scored against it, on
        // all cores, then put in their cells of the table.
        let pairs = self.keys.candidates(q, &slots, self.words.len());
        let mut cells = vec![0u8; pairs.len()];
        cells
            .par_chunks_mut(CHUNK)
            .zip(pairs.par_chunks(CHUNK))
            .for_each(|(out, pairs)| {
                for (cell, &(w, slot)) in out.iter_mut().zip(pairs) {
                    if let (Some(w), Some(&(qw, last))) =
                        (self.words.get(w as usize), slots.get(usize::from(slot)))
                    {
                        *cell = self.word_score(q, qw, w, last);
                    }
                }
            });
        let mut scores = vec![0u8; self.words.len() * n];
        let mut matched = Vec::new();
        // How many names hold a match of each slot. A reading with a word
        // that no name's word matches matches no name.
        let mut held = vec![0usize; n];
        for (&(w, slot), &s) in pairs.iter().zip(&cells).filter(|(_, &s)| s > 0) {
            let (w, slot) = (w as usize, usize::from(slot));
            let row = &mut scores[w * n..(w + 1) * n];
            if row.iter().all(|&s| s == 0) {
                matched.push(w as u32);
            }
            row[slot] = s;
            held[slot] += self.holders_of(w).len();
        }
        // In order, so that the names are visited as they are laid out.
        matched.sort_unstable();
        let readings: Vec<Vec<usize>> = readings
            .into_iter()
            .filter(|r| !r.is_empty() && r.iter().all(|&s| held[s] > 0))
            .collect();
        let mut drivers: Vec<usize> = readings
            .iter()
            .filter_map(|r| r.iter().copied().min_by_key(|&s| held[s]))
            .collect();
        drivers.sort_unstable();
        drivers.dedup();
        Scored {
            slots: n,
            scores,
            matched,
            readings,
            drivers,
        }
    }

    /// The best score of a name of words against the readings of a query.
    fn score(&self, scored: &Scored, name: &Name) -> u8 {
        let from = name.first_word as usize;
        let Some(refs) = self.refs.get(from..from + usize::from(name.words)) else {
            return 0;
        };
        let mut best = 0;
        for reading in &scored.readings {
            best = best.max(scored.window(reading, refs));
            if best == 100 {
                break;
            }
        }
        best
    }

    /// How well query word `qw` matches the index's word `nw`; `last` when
    /// it ends its reading of the query.
    fn word_score(&self, q: &Query, qw: &QueryWord, nw: &Word, last: bool) -> u8 {
        if !q.latin {
            return self.arabic_word(qw, nw, last);
        }
        match qw.particle {
            Some(arabic) if nw.is_particle() => {
                let wc = text_of(self.chars_of(nw));
                if arabic.contains(&wc.as_str()) {
                    95
                } else {
                    0
                }
            }
            // A particle answers only to a particle.
            Some(_) => 0,
            None if nw.is_particle() => 0,
            None => latin_score(qw, nw, self.chars_of(nw), last),
        }
    }

    fn arabic_word(&self, q: &QueryWord, w: &Word, last: bool) -> u8 {
        // Most words share neither first letter nor length with the query;
        // the cheap tests come first so that they are dismissed at once.
        let qlen = q.chars.len();
        let wlen = usize::from(w.len);
        let same_first = q.chars.first() == Some(&w.first);
        let same_sound = q.skeleton.first() == w.skeleton().first();
        let near_length = qlen.abs_diff(wlen) <= 1;
        if !same_first && !same_sound && !near_length {
            return 0;
        }
        let wc = self.chars_of(w);
        if same_first && qlen == wlen && q.chars[..] == wc[..] {
            return 100;
        }
        // A prefix is how a name looks while it is being typed; it ranks
        // below any whole match, so that حلب does not bring الحلبي along.
        if same_first && last && qlen >= 2 && wc.starts_with(&q.chars) {
            return 80;
        }
        if same_sound
            && q.skeleton.len() >= 2
            && q.inline == w.skeleton
            && q.skeleton.len() == usize::from(w.skeleton_len)
        {
            return 85;
        }
        if qlen >= ONE_EDIT_MIN && near_length && one_edit(&q.chars, wc) {
            return 75;
        }
        if same_sound && q.skeleton.len() >= 3 && phonetic::one_off(&q.skeleton, w.skeleton()) {
            return 65;
        }
        if same_first && last && qlen >= 3 && subsequence(&q.chars, wc) {
            if let Some(s) = self.matcher.fuzzy_match(&text_of(wc), &q.norm) {
                // Skim scores grow with length; a full subsequence of a short
                // name scores about 16 per matched letter.
                let per_letter = s / qlen as i64;
                if per_letter >= 20 {
                    return 60;
                }
            }
        }
        0
    }
}

/// How well a query matches a place's English name: only Latin queries do.
fn english_score(q: &Query, en: &str) -> u8 {
    if q.latin && q.text == *en {
        100
    } else if q.latin && q.text.len() >= 4 && en.starts_with(&q.text) {
        85
    } else if q.latin && q.text.len() >= 5 && one_change(&q.text, en) {
        75
    } else {
        0
    }
}

fn latin_score(q: &QueryWord, w: &Word, chars: &[u32], last: bool) -> u8 {
    let ws = w.skeleton();
    if q.skeleton.is_empty()
        || ws.is_empty()
        || !phonetic::same_class(q.skeleton[0], ws[0]) && q.skeleton.len().abs_diff(ws.len()) > 1
    {
        return 0;
    }
    // Long vowels Arabic writes and the Latin spelling does not (جمال for
    // jamil) rank a skeleton twin below the name that agrees.
    let clashes = || {
        let vowels = phonetic::arabic_with_vowels(&text_of(chars)).1;
        phonetic::vowel_clashes(&vowels, &q.vowels).min(2) as u8 * VOWEL_CLASH
    };
    if phonetic::equal(&q.skeleton, ws) {
        return 95 - clashes();
    }
    // A final ي may be the ى of -a (موسى, musa; سلوى, salwa) as well as -i,
    // for a Latin word ending in -a; a final -ah may be a taa marbuta.
    // Either may be left out, just below an exact match.
    let arabic_loose = match ws {
        [.., b'Y'] if ws.len() > 2 && q.norm.ends_with('a') => Some(&ws[..ws.len() - 1]),
        _ => None,
    };
    let latin_loose = Some(&q.loose[..]).filter(|l| !l.is_empty());
    let loose_equal = [
        (latin_loose, Some(ws)),
        (Some(&q.skeleton[..]), arabic_loose),
        (latin_loose, arabic_loose),
    ]
    .iter()
    .any(|pair| matches!(pair, (Some(a), Some(b)) if phonetic::equal(a, b)));
    if loose_equal {
        return 90 - clashes();
    }
    // A consonant and h written as two letters: فتحي for fathi.
    if !q.split.is_empty() && phonetic::equal(&q.split, ws) {
        return 85;
    }
    if last && q.skeleton.len() >= 3 && phonetic::is_prefix(&q.skeleton, ws) {
        return 75;
    }
    // One consonant off only for longer names: short skeletons have too
    // many neighbours (NTNH, Netanyahu, is one step from NTN, Antonio).
    let same_start = phonetic::same_class(q.skeleton[0], ws[0]);
    if same_start && q.skeleton.len().min(ws.len()) >= 4 && phonetic::one_off(&q.skeleton, ws) {
        return 70;
    }
    0
}

/// Whether `a` becomes `b` by at most one letter missing, extra or changed
/// (Levenshtein distance at most 1); linear for the common ASCII case, as
/// every Latin query meets every English place name.
fn one_change(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        edits_within_one(a.as_bytes(), b.as_bytes(), false)
    } else {
        crate::entities::cluster::edit_distance(a, b) <= 1
    }
}

/// A word's characters as text.
fn text_of(chars: &[u32]) -> String {
    chars.iter().filter_map(|&c| char::from_u32(c)).collect()
}

/// Whether `a` becomes `b` by at most one letter missing, extra, changed, or
/// two neighbours swapped. Linear, for the keystroke budget.
fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    edits_within_one(a, b, true)
}

/// [`one_edit`], with or without swaps.
fn edits_within_one<T: PartialEq>(a: &[T], b: &[T], swaps: bool) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = short.iter().zip(long).position(|(x, y)| x != y) else {
        return true;
    };
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
            || (swaps
                && i + 1 < short.len()
                && short[i] == long[i + 1]
                && short[i + 1] == long[i]
                && short[i + 2..] == long[i + 2..])
    } else {
        short[i..] == long[i + 1..]
    }
}

/// Whether the letters of `q` appear in order in `w`, the first at its start:
/// the cheap test before asking skim for a score.
fn subsequence<T: PartialEq>(q: &[T], w: &[T]) -> bool {
    if q.first() != w.first() {
        return false;
    }
    let mut rest = w.iter();
    q.iter().all(|c| rest.any(|x| x == c))
}

struct QueryWord {
    /// The Arabic spellings of a Latin particle (`bin`: بن، ابن).
    particle: Option<&'static [&'static str]>,
    norm: String,
    /// Its characters as scalar values, as the index keeps them.
    chars: Vec<u32>,
    skeleton: Vec<u8>,
    /// A Latin word's skeleton without a final class that Arabic may not
    /// write (see `latin_word`); empty when there is none.
    loose: Vec<u8>,
    /// A Latin word's skeleton with its consonant-h pairs read as two
    /// letters (see [`phonetic::latin_split`]); empty when the same.
    split: Vec<u8>,
    /// A Latin word's vowels after each class of its skeleton (see
    /// [`phonetic::latin_with_vowels`]); empty for Arabic.
    vowels: Vec<u8>,
    /// The skeleton zero-padded like [`Word::skeleton`], compared in one go.
    inline: [u8; SKELETON],
}

impl QueryWord {
    fn new(norm: String, chars: Vec<char>, skeleton: Vec<u8>) -> QueryWord {
        let mut inline = [0u8; SKELETON];
        let n = skeleton.len().min(SKELETON);
        inline[..n].copy_from_slice(&skeleton[..n]);
        QueryWord {
            particle: PARTICLES
                .iter()
                .find(|(p, _)| *p == norm)
                .map(|&(_, arabic)| arabic),
            norm,
            chars: chars.into_iter().map(u32::from).collect(),
            skeleton,
            loose: Vec::new(),
            split: Vec::new(),
            vowels: Vec::new(),
            inline,
        }
    }
}

struct Query {
    text: String,
    latin: bool,
    words: Vec<QueryWord>,
    /// Other readings of a Latin query: glued articles and compounds split
    /// (`alsisi`, `abdelrahman`, `binsalman`) or compounds joined
    /// (`abd al rahman` against a name written عبدالرحمن). Scored like
    /// `words`; the best reading counts.
    variants: Vec<Vec<QueryWord>>,
}

/// Latin articles and joiners that transliterations add or drop at will.
const LATIN_ARTICLES: &[&str] = &[
    "al", "el", "ul", "il", "ad", "an", "as", "ar", "at", "az", "ash", "ad-",
];

/// Glued articles (`alsisi`, `elbaradei`, `ashsharif`), tried off a word's
/// start when at least three letters are left.
const GLUED_ARTICLES: &[&str] = &[
    "al", "el", "ul", "il", "ash", "ad", "ar", "an", "as", "at", "az", "ath", "adh",
];

/// The first words of Arabic compound names and their Latin spellings, glued
/// to the next word or not (`abdelrahman`, `abdul rahman`, `binsalman`,
/// `abuhamza`, `ibn`): (Latin prefix, the word it stands for).
const COMPOUND_PREFIXES: &[(&str, &str)] = &[
    ("abdel", "abd"),
    ("abdul", "abd"),
    ("abdal", "abd"),
    ("abdol", "abd"),
    ("abdur", "abd"),
    ("abdar", "abd"),
    ("abd", "abd"),
    ("abu", "abu"),
    ("abou", "abu"),
    ("abo", "abu"),
    ("bin", "bin"),
    ("ben", "bin"),
    ("ibn", "bin"),
];

/// Name particles: a query of particles alone matches nothing, and a
/// particle matches only the Arabic particles (بن، ابن، عبد، ابو، دي),
/// never a name that shares its two consonants (`bin` is not بنا, بنى).
const PARTICLES: &[(&str, &[&str])] = &[
    ("bin", &["بن", "ابن"]),
    ("ben", &["بن", "ابن"]),
    ("ibn", &["ابن", "بن"]),
    ("abd", &["عبد"]),
    ("abu", &["ابو"]),
    ("abou", &["ابو"]),
    ("de", &["دي"]),
    ("di", &["دي"]),
    ("da", &["دا"]),
    ("van", &["فان"]),
    ("von", &["فون"]),
];

/// The Arabic particles of [`PARTICLES`], as name words hold them.
const ARABIC_PARTICLES: &[&[char]] = &[
    &['ب', 'ن'],
    &['ا', 'ب', 'ن'],
    &['ع', 'ب', 'د'],
    &['ا', 'ب', 'و'],
    &['د', 'ي'],
];

fn latin_word(w: &str) -> QueryWord {
    let (skeleton, vowels) = phonetic::latin_with_vowels(w);
    let mut qw = QueryWord::new(w.to_owned(), w.chars().collect(), skeleton);
    qw.vowels = vowels;
    let split = phonetic::latin_split(w);
    if split != qw.skeleton {
        qw.split = split;
    }
    // A final -ah or -eh is as often a taa marbuta (salamah, سلامه), which
    // an Arabic skeleton leaves out, as a sounded h (shah, شاه).
    let b = w.as_bytes();
    if let [.., v, b'h'] = b {
        if b"aeo".contains(v) && qw.skeleton.len() > 1 && qw.skeleton.last() == Some(&b'H') {
            qw.loose = qw.skeleton[..qw.skeleton.len() - 1].to_vec();
        }
    }
    qw
}

/// The second words of Arabic compound names, glued after the first in
/// Latin (`noureddine`, نور الدين; `fathallah`, فتح الله): (Latin suffix,
/// the word it stands for).
const COMPOUND_SUFFIXES: &[(&str, &str)] = &[
    ("eddine", "din"),
    ("eddin", "din"),
    ("uddin", "din"),
    ("uddine", "din"),
    ("iddin", "din"),
    ("addin", "din"),
    ("allah", "lah"),
    ("ullah", "lah"),
    ("ollah", "lah"),
    ("illah", "lah"),
];

/// Readings of one Latin word: itself, its glued article dropped, a glued
/// compound split in two.
fn readings(w: &str) -> Vec<Vec<String>> {
    let mut out = vec![vec![w.to_owned()]];
    for (suffix, word) in COMPOUND_SUFFIXES {
        if let Some(stem) = w.strip_suffix(suffix).filter(|s| s.len() >= 3) {
            out.push(vec![stem.to_owned(), (*word).to_owned()]);
        }
    }
    for a in GLUED_ARTICLES {
        if let Some(rest) = w.strip_prefix(a) {
            if rest.len() >= 3 {
                out.push(vec![rest.to_owned()]);
            }
        }
    }
    // The article elided into its l before a vowel, as Maghrebi French
    // spellings write it (labidi, العبيدي; lamdouar, المدور).
    if let Some(rest) = w
        .strip_prefix('l')
        .filter(|r| r.len() >= 4 && r.starts_with(['a', 'e', 'i', 'o', 'u']))
    {
        out.push(vec![rest.to_owned()]);
    }
    for (prefix, particle) in COMPOUND_PREFIXES {
        if w == *prefix && prefix != particle {
            // `abdel rahman`, `abou zeid`: the prefix alone is the particle.
            out.push(vec![(*particle).to_owned()]);
        }
        if let Some(rest) = w.strip_prefix(prefix) {
            let bare = GLUED_ARTICLES
                .iter()
                .find_map(|a| rest.strip_prefix(a).filter(|r| r.len() >= 3));
            for rest in std::iter::once(rest).chain(bare) {
                if rest.len() >= 3 {
                    out.push(vec![(*particle).to_owned(), rest.to_owned()]);
                }
            }
        }
    }
    out
}

impl Query {
    /// The distinct query words of every reading, each with whether it ends
    /// its reading (which lets a prefix match), and the readings as indices
    /// into them.
    fn slots(&self) -> (Vec<(&QueryWord, bool)>, Vec<Vec<usize>>) {
        let mut slots: Vec<(&QueryWord, bool)> = Vec::new();
        let readings: Vec<Vec<usize>> = std::iter::once(&self.words)
            .chain(&self.variants)
            .map(|reading| {
                reading
                    .iter()
                    .enumerate()
                    .map(|(k, qw)| {
                        let last = k + 1 == reading.len();
                        slots
                            .iter()
                            .position(|&(o, l)| o.norm == qw.norm && l == last)
                            .unwrap_or_else(|| {
                                slots.push((qw, last));
                                slots.len() - 1
                            })
                    })
                    .collect()
            })
            .collect();
        (slots, readings)
    }

    fn new(raw: &str) -> Query {
        let latin = raw.chars().any(|c| c.is_ascii_alphabetic())
            && !raw.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        let text = raw.trim().to_lowercase();
        let mut variants = Vec::new();
        let words = if latin {
            let plain: Vec<&str> = text
                .split(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
                .filter(|w| !w.is_empty() && !LATIN_ARTICLES.contains(w))
                .collect();
            if plain.iter().all(|w| PARTICLES.iter().any(|(p, _)| p == w)) {
                return Query {
                    text,
                    latin,
                    words: Vec::new(),
                    variants,
                };
            }
            // Every combination of each word's readings (a handful: few
            // words have more than one).
            let mut combos: Vec<Vec<String>> = vec![Vec::new()];
            for w in &plain {
                let options = readings(w);
                combos = combos
                    .into_iter()
                    .flat_map(|c| {
                        options.iter().map(move |o| {
                            let mut c = c.clone();
                            c.extend(o.iter().cloned());
                            c
                        })
                    })
                    .take(16)
                    .collect();
            }
            // A particle and the next word joined, for names written glued
            // in Arabic (عبدالرحمن, ابوظبي).
            for c in combos.clone() {
                if let Some(k) = c
                    .iter()
                    .position(|w| COMPOUND_PREFIXES.iter().any(|(_, p)| p == w))
                    .filter(|&k| k + 1 < c.len())
                {
                    // عبد is written glued with the article: عبدالرحمن.
                    let glue = if c[k] == "abd" { "al" } else { "" };
                    let mut joined = c[..k].to_vec();
                    joined.push(format!("{}{glue}{}", c[k], c[k + 1]));
                    joined.extend(c[k + 2..].iter().cloned());
                    combos.push(joined);
                }
            }
            let to_words = |c: &Vec<String>| -> Vec<QueryWord> {
                c.iter()
                    .map(|w| latin_word(w))
                    .filter(|w| !w.skeleton.is_empty())
                    .collect()
            };
            let mut all = combos.iter().map(to_words);
            let first = all.next().unwrap_or_default();
            variants.extend(all.filter(|v| !v.is_empty()));
            first
        } else {
            normalize_str(&text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let (chars, skeleton) = forms(w);
                    QueryWord::new(chars.iter().collect(), chars, skeleton)
                })
                .collect()
        };
        Query {
            text,
            latin,
            words,
            variants,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Entity;

    fn c(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    fn person(name: &str) -> Entity {
        Entity {
            kind: Kind::Person,
            name: name.to_owned(),
            variants: vec![name.to_owned()],
            articles: vec![0],
            mentions: 1,
        }
    }

    #[test]
    fn choices_hold_the_answer_and_the_twins_beside_it() {
        let entities: Vec<Entity> = [
            "محمد",
            "محمود",
            "حسين",
            "حسن",
            "حسين علي زكي",
            "جميل",
            "جمال",
        ]
        .iter()
        .map(|n| person(n))
        .collect();
        let index = NameIndex::build(&entities, &Gazetteer::builtin());
        for q in ["mohamed", "hussein", "jamil", "محمد", "husein ali", "zzz"] {
            let choices = index.choices(q, None);
            let answer = index.search(q, None);
            assert_eq!(united(&choices), &answer[..], "{q}");
            assert!(choices.windows(2).all(|w| w[0].score >= w[1].score), "{q}");
            assert!(choices.len() >= answer.len(), "{q}");
        }
        // The skeleton twin is offered, not united.
        let name = |h: &Hit| entities[h.entity].name.as_str();
        let choices = index.choices("jamil", None);
        assert_eq!(name(&choices[0]), "جميل");
        assert!(choices.iter().any(|h| name(h) == "جمال"));
        assert!(!index
            .search("jamil", None)
            .iter()
            .any(|h| name(h) == "جمال"));
        // A Latin long i wants a ي: hussein is حسين, not حسن.
        let answer = index.search("hussein", None);
        assert_eq!(name(&answer[0]), "حسين");
        assert!(!answer.iter().any(|h| name(h) == "حسن"));
    }

    #[test]
    fn an_index_built_in_parts_answers_as_one_built_whole() {
        let given = ["سيرغي", "محمد", "عبد الرحمن", "فريد", "ليلى"];
        let family = ["لافروف", "البرادعي", "السويحلي", "رزق", "الأحمد", "حسيني"];
        let mut entities: Vec<Entity> = (0..3 * CHUNK + 7)
            .map(|i| person(&format!("{} {} {i}", given[i % 5], family[i % 6])))
            .collect();
        entities.push(person("ستيفان دي ميستورا"));
        let gaz = Gazetteer::default();
        let parts = NameIndex::build(&entities, &gaz);
        let whole = NameIndex::from(NameIndex::build_part(&entities, 0, &gaz));
        assert_eq!(parts.len(), whole.len());
        for q in ["de mistura", "ميستورا", "lavrov", "عبد الرحمن رزق"] {
            assert_eq!(parts.search(q, None), whole.search(q, None), "{q}");
        }
        assert_eq!(
            parts.search("ميستورا", None)[0].entity,
            entities.len() - 1,
            "numbered across the parts"
        );
    }

    /// Asserts what each query finds among persons of `names`, best first.
    fn assert_found(names: &[&str], cases: &[(&str, &[&str])]) {
        let entities: Vec<Entity> = names.iter().map(|n| person(n)).collect();
        let index = NameIndex::build(&entities, &Gazetteer::builtin());
        for (q, want) in cases {
            let found: Vec<&str> = index
                .search(q, None)
                .into_iter()
                .map(|h| names[h.entity])
                .collect();
            assert_eq!(&found, want, "query {q:?}");
        }
    }

    #[test]
    fn glued_articles_compounds_and_particles() {
        let names = [
            "عبد الرحمن السويحلي",
            "عبدالرحمن الكواكبي",
            "محمد بن سلمان",
            "عبد الفتاح السيسي",
            "محمد البرادعي",
            "أبو حمزة المصري",
            "بنا الأحمد",
            "ستيفان دي ميستورا",
            "سيرغي لافروف",
            "سمير العبيدي",
            "لطفي زيتون",
        ];
        let cases: &[(&str, &[&str])] = &[
            (
                "abdelrahman",
                &["عبد الرحمن السويحلي", "عبدالرحمن الكواكبي"],
            ),
            ("abdulrahman swehli", &["عبد الرحمن السويحلي"]),
            ("abdel rahman kawakibi", &["عبدالرحمن الكواكبي"]),
            ("bin salman", &["محمد بن سلمان"]),
            ("binsalman", &["محمد بن سلمان"]),
            ("al-sisi", &["عبد الفتاح السيسي"]),
            ("alsisi", &["عبد الفتاح السيسي"]),
            ("el-baradei", &["محمد البرادعي"]),
            ("elbaradei", &["محمد البرادعي"]),
            ("abu hamza", &["أبو حمزة المصري"]),
            ("abuhamza", &["أبو حمزة المصري"]),
            ("de mistura", &["ستيفان دي ميستورا"]),
            ("lavrov", &["سيرغي لافروف"]),
            // The article elided into an l, and a name that only starts so.
            ("samir labidi", &["سمير العبيدي"]),
            ("labidi", &["سمير العبيدي"]),
            ("lotfi", &["لطفي زيتون"]),
            ("lotfi zitoun", &["لطفي زيتون"]),
            ("bana", &["بنا الأحمد"]),
            ("bin", &[]),
            ("abu", &[]),
            ("de", &[]),
        ];
        assert_found(&names, cases);
    }

    #[test]
    fn endings_arabic_may_not_write_and_compounds_glued_after() {
        let names = [
            "طلال سلامة",
            "موسى كوسا",
            "سلوى محمود",
            "نور الدين بدوي",
            "حسن نصر الله",
            "عبد الله فاروق",
            "حسن خليل السباعي",
            "حسن خليل",
            "محمد",
            "محمود",
            "شاه",
            "جمال عرفات",
            "جميل عرفات",
            "فتحي الجبال",
        ];
        let cases: &[(&str, &[&str])] = &[
            // A taa marbuta written -ah; a sounded final h still counts.
            ("talal salamah", &["طلال سلامة"]),
            ("shah", &["شاه"]),
            // A final ى written -a.
            ("musa kusa", &["موسى كوسا"]),
            ("salwa mahmoud", &["سلوى محمود"]),
            ("noureddine bedoui", &["نور الدين بدوي"]),
            ("hassan nasrallah", &["حسن نصر الله"]),
            ("abdullah farouk", &["عبد الله فاروق"]),
            // The longer name is found too, ranked after the whole match.
            ("hassan khalil", &["حسن خليل", "حسن خليل السباعي"]),
            // Long vowels tell skeleton twins apart.
            ("jamil arafat", &["جميل عرفات", "جمال عرفات"]),
            ("jamal arafat", &["جمال عرفات", "جميل عرفات"]),
            // th as ت and ح.
            ("fathi al-jabal", &["فتحي الجبال"]),
            // Only the skeleton shared: 15 below, outside the spread.
            ("محمد", &["محمد"]),
        ];
        assert_found(&names, cases);
    }

    #[test]
    fn typos() {
        assert!(one_edit(&c("بوتن"), &c("بوتين")), "missing");
        assert!(one_edit(&c("بوتيين"), &c("بوتين")), "extra");
        assert!(one_edit(&c("بتوين"), &c("بوتين")), "swapped");
        assert!(one_edit(&c("بوتين"), &c("بوتين")));
        assert!(!one_edit(&c("بتن"), &c("بوتين")));
        assert!(!one_edit(&c("لافروف"), &c("بوتين")));
        assert!(subsequence(&c("لفرف"), &c("لافروف")));
        assert!(!subsequence(&c("فرف"), &c("لافروف")));
    }
}
