//! What every view reads and none changes: the corpus, its entities and the
//! name index, with the layout modes.

use crate::corpus::{Corpus, SortOrder};
use crate::entities::gazetteer::Gazetteer;
use crate::entities::{CorpusEntities, Extractor, Kind};
use crate::layout::LayoutOptions;
use crate::search::NameIndex;

/// The reader's shared, read-only data.
pub struct Library {
    /// The articles.
    pub corpus: Corpus,
    /// Their persons and places.
    pub found: CorpusEntities,
    /// Names for lookup.
    pub index: NameIndex,
    /// Bidi and shaping modes (the width is the view's).
    pub layout: LayoutOptions,
    /// Each article's place in the list (see [`SortOrder::ranks`]).
    pub ranks: Vec<u32>,
}

impl Library {
    /// Analyzes a corpus for the reader.
    pub fn new(corpus: Corpus, extractor: &Extractor, layout: LayoutOptions) -> Library {
        let found = crate::entities::analyze(&corpus.articles, extractor);
        Library::indexed(corpus, found, &extractor.gazetteer, layout)
    }

    /// A library from a corpus already analyzed (by the index).
    pub fn indexed(
        corpus: Corpus,
        found: CorpusEntities,
        gazetteer: &Gazetteer,
        layout: LayoutOptions,
    ) -> Library {
        let index = NameIndex::build(&found.entities, gazetteer);
        Library {
            ranks: SortOrder::Id.ranks(&corpus.articles),
            corpus,
            found,
            index,
            layout,
        }
    }

    /// The same library listing articles in another order.
    pub fn sorted(mut self, order: SortOrder) -> Library {
        self.ranks = order.ranks(&self.corpus.articles);
        self
    }

    /// Articles in list order.
    pub fn in_order(&self, mut articles: Vec<usize>) -> Vec<usize> {
        articles.sort_by_key(|&a| self.ranks.get(a).copied().unwrap_or(u32::MAX));
        articles
    }

    /// Layout options at a width.
    pub fn layout_at(&self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width: width.max(1),
            ..self.layout
        }
    }

    /// Number of distinct persons and places an article mentions.
    pub fn counts(&self, article: usize) -> (usize, usize) {
        (
            self.found.of_article(article, Kind::Person).len(),
            self.found.of_article(article, Kind::Place).len(),
        )
    }
}
