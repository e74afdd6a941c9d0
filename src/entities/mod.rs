//! Persons and places in Arabic news text: a perceptron tagger trained on
//! ANERcorp, a gazetteer, rules for the hard cases, and clustering of spelling
//! variants into one entity per real person or place across a corpus.

pub mod cluster;
pub mod extract;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod names;
pub mod tagger;

pub use cluster::{cluster, Entities, Entity};
pub use extract::{known_names, known_set, ArticleMentions, Extractor, Kind, Mention, NameTally};
pub use names::{Found, Name, NameTable};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::corpus::Article;

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
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct CorpusEntities {
    /// The corpus-wide entities, most widely mentioned first.
    pub entities: Vec<Entity>,
    /// Per article (same order as the corpus), its mentions in reading order.
    pub spots: Vec<Vec<Spot>>,
}

/// Finds and clusters the persons and places of every article, on all cores.
/// Names tagged twice or more anywhere in the corpus are then looked for where
/// the tagger missed them (a name the news repeats is a name in every article).
pub fn analyze(articles: &[Article], extractor: &Extractor) -> CorpusEntities {
    let mut found: Vec<ArticleMentions> = articles
        .par_iter()
        .map(|a| extractor.article(&paragraphs(a)))
        .collect();
    let mut tally = NameTally::default();
    for f in &found {
        known_names(f, &mut tally);
    }
    let known = known_set(&tally);
    found.par_iter_mut().zip(articles).for_each(|(f, a)| {
        extractor.add_known(&paragraphs(a), &known, f);
    });
    let mut names = NameTable::default();
    let compact: Vec<Vec<Found>> = found.iter().map(|f| names.compact(f)).collect();
    link(&names, &compact, extractor)
}

/// Gathers the mentions of every article into entities, and where they are.
pub fn link(names: &NameTable, found: &[Vec<Found>], extractor: &Extractor) -> CorpusEntities {
    let clustered = cluster(names, found, extractor);
    let spots = found
        .iter()
        .zip(&clustered.mention_entity)
        .map(|(f, ids)| {
            f.iter()
                .zip(ids)
                .map(|(m, &e)| Spot {
                    paragraph: m.paragraph,
                    start: m.start,
                    end: m.end,
                    kind: names.get(m.name).kind,
                    entity: e as u32,
                })
                .collect()
        })
        .collect();
    CorpusEntities {
        entities: clustered.entities,
        spots,
    }
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
        let mut counts: Vec<(u32, usize, usize)> = Vec::new();
        for (pos, s) in self.spots[article].iter().enumerate() {
            if s.kind != kind {
                continue;
            }
            match counts.iter_mut().find(|c| c.0 == s.entity) {
                Some(c) => c.1 += 1,
                None => counts.push((s.entity, 1, pos)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        counts
            .into_iter()
            .map(|(e, _, _)| &self.entities[e as usize])
            .collect()
    }
}

/// Bumped whenever the rules change what extraction finds, so that index
/// caches written by an older build are rebuilt rather than trusted.
const RULES_VERSION: u64 = 1;

/// Identifies what this build's extraction finds: the rules' version, the
/// model and the gazetteer data. Index caches carry it.
pub fn fingerprint() -> u64 {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    h.write_u64(RULES_VERSION);
    h.write(extract::MODEL);
    h.write(gazetteer::CLDR.as_bytes());
    h.write(gazetteer::CURATED.as_bytes());
    h.finish()
}
