//! A corpus's articles: held in memory, or decoded from an index on demand,
//! so that a lookup over a large archive decodes only the articles it
//! prints, and the whole list is decoded once, the first time it is needed.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::Article;

/// Where articles not yet decoded come from (an index cache).
pub trait ArticleSource: Send + Sync {
    /// How many articles there are.
    fn len(&self) -> usize;
    /// Whether there are none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Article `i` in corpus order (`i < len()`), without its body.
    fn article(&self, i: usize) -> Article;
    /// Every article in corpus order.
    fn all(&self) -> Vec<Article> {
        (0..self.len()).map(|i| self.article(i)).collect()
    }
}

/// The articles of a corpus in corpus order (sorted by id). Derefs to a
/// slice, decoding every article the first time; [`Articles::get`] and
/// [`Articles::len`] decode no more than they must.
#[derive(Default)]
pub struct Articles {
    all: OnceLock<Vec<Article>>,
    source: Option<Box<dyn ArticleSource>>,
}

impl Articles {
    /// Articles decoded from `source` when asked for.
    pub fn lazy(source: Box<dyn ArticleSource>) -> Articles {
        Articles {
            all: OnceLock::new(),
            source: Some(source),
        }
    }

    /// How many articles there are (decodes none).
    pub fn len(&self) -> usize {
        match (self.all.get(), &self.source) {
            (Some(all), _) => all.len(),
            (None, Some(s)) => s.len(),
            (None, None) => 0,
        }
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Article `i`, decoding it alone unless the whole list already is.
    pub fn get(&self, i: usize) -> Option<Cow<'_, Article>> {
        match (self.all.get(), &self.source) {
            (Some(all), _) => all.get(i).map(Cow::Borrowed),
            (None, Some(s)) => (i < s.len()).then(|| Cow::Owned(s.article(i))),
            (None, None) => None,
        }
    }

    /// The articles, decoded, to own.
    pub fn into_vec(mut self) -> Vec<Article> {
        let _ = self.as_slice();
        self.all.take().unwrap_or_default()
    }

    fn as_slice(&self) -> &[Article] {
        self.all
            .get_or_init(|| self.source.as_ref().map_or_else(Vec::new, |s| s.all()))
    }
}

impl std::ops::Deref for Articles {
    type Target = [Article];

    fn deref(&self) -> &[Article] {
        self.as_slice()
    }
}

impl<'a> IntoIterator for &'a Articles {
    type Item = &'a Article;
    type IntoIter = std::slice::Iter<'a, Article>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl From<Vec<Article>> for Articles {
    fn from(articles: Vec<Article>) -> Articles {
        Articles {
            all: OnceLock::from(articles),
            source: None,
        }
    }
}

impl Clone for Articles {
    fn clone(&self) -> Articles {
        Articles::from(self.as_slice().to_vec())
    }
}

impl std::fmt::Debug for Articles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.all.get() {
            Some(all) => f.debug_list().entries(all).finish(),
            None => write!(f, "[{} articles, not decoded]", self.len()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    struct Counting(Arc<AtomicUsize>);

    impl ArticleSource for Counting {
        fn len(&self) -> usize {
            3
        }
        fn article(&self, i: usize) -> Article {
            self.0.fetch_add(1, Ordering::Relaxed);
            Article::from_text(i.to_string(), "عنوان".to_owned(), vec![])
        }
    }

    #[test]
    fn one_article_is_decoded_alone_and_the_list_once() {
        let decoded = Arc::new(AtomicUsize::new(0));
        let a = Articles::lazy(Box::new(Counting(decoded.clone())));
        assert_eq!(a.len(), 3);
        assert_eq!(decoded.load(Ordering::Relaxed), 0);
        assert_eq!(a.get(1).unwrap().id, "1");
        assert!(a.get(3).is_none());
        assert_eq!(decoded.load(Ordering::Relaxed), 1);
        assert_eq!(
            a.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            ["0", "1", "2"]
        );
        assert_eq!(a[2].id, "2");
        assert_eq!(decoded.load(Ordering::Relaxed), 4, "the whole list once");
        assert!(matches!(a.get(0), Some(Cow::Borrowed(_))));
    }
}
