//! What every view reads and none changes: the corpus, its entities and the
//! name index, with the layout modes.

use crate::corpus::{Corpus, SortOrder};
use crate::entities::gazetteer::Gazetteer;
use crate::entities::{CorpusEntities, Extractor, Kind};
use crate::layout::LayoutOptions;
use crate::search::{LazyIndex, NameIndex};

/// The reader's shared, read-only data.
pub struct Library {
    /// The articles.
    pub corpus: Corpus,
    /// Their persons and places.
    pub found: CorpusEntities,
    /// Names for lookup: see [`Library::index`].
    index: LazyIndex,
    /// Bidi and shaping modes (the width is the view's).
    pub layout: LayoutOptions,
    /// The order the list starts in (config `sort`).
    pub order: SortOrder,
    /// Cells of the date column: 0 when no article has a date (columns
    /// empty for the whole corpus take no room), 10 for ISO dates, 13 when
    /// a Hijri date (`1438-04-25 هـ`) is among them.
    pub date_width: u16,
    /// Whether any article names its source.
    pub has_sources: bool,
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
        Library::with_index(corpus, found, index, layout)
    }

    /// A library from a corpus already analyzed, with its name index.
    pub fn with_index(
        corpus: Corpus,
        found: CorpusEntities,
        index: NameIndex,
        layout: LayoutOptions,
    ) -> Library {
        Library::with_lazy_index(corpus, found, LazyIndex::ready(index), layout)
    }

    /// A library whose name index is made when first needed (the reader
    /// starts that after its first frame: at 100,000 articles it is tens of
    /// megabytes).
    pub fn with_lazy_index(
        corpus: Corpus,
        found: CorpusEntities,
        index: LazyIndex,
        layout: LayoutOptions,
    ) -> Library {
        Library {
            order: SortOrder::Id,
            date_width: corpus
                .articles
                .iter()
                .filter_map(|a| a.date.as_deref())
                .map(|d| d.chars().count().min(13) as u16)
                .max()
                .map_or(0, |w| w.max(10)),
            has_sources: corpus.articles.iter().any(|a| a.source.is_some()),
            corpus,
            found,
            index,
            layout,
        }
    }

    /// Makes ready what the filter will need: the name index and the
    /// entities decoded whole (the reader does this on a thread of its own
    /// after the first frame, while the user reads it, so that no
    /// keystroke waits for tens of megabytes).
    pub fn warm(&self) {
        self.index();
        let _ = self.found.entities.first();
    }

    /// The index of the entities' names, for the filter.
    pub fn index(&self) -> &NameIndex {
        self.index.get(&self.found.entities)
    }

    /// The same library, its list starting in another order.
    pub fn sorted(mut self, order: SortOrder) -> Library {
        self.order = order;
        self
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
            self.found.count_of(article, Kind::Person),
            self.found.count_of(article, Kind::Place),
        )
    }
}
