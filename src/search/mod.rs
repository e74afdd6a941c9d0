//! Lookup: which articles mention a person or place, by a query typed in
//! Arabic (any spelling, typos) or in Latin script; and finding a phrase
//! inside one article.

mod find;
mod index;
mod lazy;
pub mod phonetic;
mod stored;

pub use find::{find_all, TextHit};
pub use index::{united, Hit, NameIndex, CHOICES, THRESHOLD};
pub use lazy::{LazyIndex, MakeIndex};

use crate::entities::{CorpusEntities, Kind};

/// Articles (indices, ascending) that mention any of the hit entities.
pub fn articles_of(found: &CorpusEntities, hits: &[Hit]) -> Vec<usize> {
    let mut out: Vec<usize> = hits
        .iter()
        .flat_map(|h| found.articles_of(h.entity))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Articles matching a person query and a place query together (AND); a
/// missing query does not filter. `None` when neither is given.
pub fn filter(
    index: &NameIndex,
    found: &CorpusEntities,
    person: Option<&str>,
    place: Option<&str>,
) -> Option<Vec<usize>> {
    let sets = [(person, Kind::Person), (place, Kind::Place)]
        .into_iter()
        .filter_map(|(query, kind)| Some(index.search(query?, Some(kind))));
    articles_of_all(found, sets)
}

/// Articles that match every set of hits (each set: any of its entities),
/// ascending; `None` when there is no set at all.
pub fn articles_of_all(
    found: &CorpusEntities,
    sets: impl IntoIterator<Item = Vec<Hit>>,
) -> Option<Vec<usize>> {
    let mut result: Option<Vec<usize>> = None;
    for hits in sets {
        let arts = articles_of(found, &hits);
        result = Some(match result {
            None => arts,
            Some(prev) => prev
                .into_iter()
                .filter(|a| arts.binary_search(a).is_ok())
                .collect(),
        });
    }
    result
}

/// Articles whose normalized title or body contains the normalized query
/// (Latin queries match case-insensitively): for what is not a name. A lazy
/// corpus is read file by file; an article that cannot be read is left out.
pub fn text_filter(corpus: &crate::corpus::Corpus, query: &str) -> Vec<usize> {
    let q = crate::text::normalize_str(query.trim());
    if q.is_empty() {
        return (0..corpus.articles.len()).collect();
    }
    corpus.select(|a| {
        std::iter::once(&a.title)
            .chain(&a.body)
            .any(|p| crate::text::normalize_str(p).contains(&q))
    })
}
