//! A corpus's articles: held in memory, or decoded from an index on demand,
//! so that a lookup over a large archive decodes only the articles it
//! prints, and the whole list is decoded once, the first time it is needed.

use super::Article;
use crate::lazy_list::{LazyList, Source};

/// Where articles not yet decoded come from (an index cache): article `i`
/// in corpus order, without its body.
pub trait ArticleSource: Source<Article> {}

impl<S: Source<Article>> ArticleSource for S {}

/// The articles of a corpus in corpus order (sorted by id). Derefs to a
/// slice, decoding every article the first time; `get` and `len` decode no
/// more than they must.
pub type Articles = LazyList<Article, dyn ArticleSource>;
