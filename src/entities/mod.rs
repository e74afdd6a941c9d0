//! Persons and places in Arabic news text: a perceptron tagger trained on
//! ANERcorp, a gazetteer, rules for the hard cases, and clustering of spelling
//! variants into one entity per real person or place across a corpus.

pub mod cluster;
pub mod extract;
pub mod features;
pub mod gazetteer;
pub mod model;
pub mod tagger;

pub use cluster::{cluster, Entities, Entity};
pub use extract::{ArticleMentions, Extractor, Kind, Mention};

use crate::corpus::Article;

/// The entities of a corpus with each article's mentions.
#[derive(Debug, Clone, Default)]
pub struct CorpusEntities {
    /// Per article (same order as the corpus), its mentions.
    pub per_article: Vec<ArticleMentions>,
    /// The corpus-wide entities.
    pub entities: Entities,
}

/// Finds and clusters the persons and places of every article. Names tagged
/// twice or more anywhere in the corpus are then looked for where the tagger
/// missed them (a name the news repeats is a name in every article).
pub fn analyze(articles: &[Article], extractor: &Extractor) -> CorpusEntities {
    let mut per_article: Vec<ArticleMentions> = articles
        .iter()
        .map(|a| extractor.article(&paragraphs(a)))
        .collect();
    let mut known = std::collections::HashMap::new();
    for found in &per_article {
        extract::known_names(found, &mut known);
    }
    let known: std::collections::HashMap<String, Kind> = known
        .into_iter()
        .filter(|(_, (_, n))| *n >= 2)
        .map(|(k, (kind, _))| (k, kind))
        .collect();
    for (a, found) in articles.iter().zip(per_article.iter_mut()) {
        extractor.add_known(&paragraphs(a), &known, found);
    }
    let entities = cluster(&per_article, extractor);
    CorpusEntities {
        per_article,
        entities,
    }
}

/// An article's paragraphs as extraction sees them: title first.
pub fn paragraphs(a: &Article) -> Vec<&str> {
    std::iter::once(a.title.as_str())
        .chain(a.body.iter().map(String::as_str))
        .collect()
}

impl CorpusEntities {
    /// The entities of one kind an article mentions, most mentioned first.
    pub fn of_article(&self, article: usize, kind: Kind) -> Vec<&Entity> {
        let mut counts: Vec<(usize, usize, usize)> = Vec::new();
        let ids = &self.entities.mention_entity[article];
        for (pos, (&e, m)) in ids
            .iter()
            .zip(&self.per_article[article].mentions)
            .enumerate()
        {
            if m.kind != kind {
                continue;
            }
            match counts.iter_mut().find(|c| c.0 == e) {
                Some(c) => c.1 += 1,
                None => counts.push((e, 1, pos)),
            }
        }
        counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        counts
            .into_iter()
            .map(|(e, _, _)| &self.entities.entities[e])
            .collect()
    }
}
