//! The article listing a warm start shows, moved out of the cache's head
//! while the corpus is scanned, and put back when the cache is written.

use std::path::Path;

use super::cache::{CachedArticle, Head};
use crate::corpus::{path_text, sort_articles_renamed, text_path, Article};

/// A cache's articles as a warm start lists them (sorted, without bodies),
/// with what is needed to give each file its listing back.
pub struct Listed {
    pub(super) articles: Vec<Article>,
    /// The file (index into the head's files) of each article.
    file_of: Vec<u32>,
    /// Original ids of the articles renamed to make ids unique.
    renamed: Vec<(usize, String)>,
}

/// Moves a cache's article listings out of its head into articles: made
/// while the corpus is being scanned. [`regroup`] puts them back.
pub fn listing(root: &Path, head: &mut Head) -> Listed {
    let single = root.is_file();
    let mut articles = Vec::with_capacity(head.files.len());
    let mut file_of = Vec::with_capacity(head.files.len());
    for (k, f) in head.files.iter_mut().enumerate() {
        let path: std::sync::Arc<str> = if single {
            path_text(root).into()
        } else {
            path_text(&root.join(text_path(&f.rel))).into()
        };
        let listed = std::mem::take(&mut f.articles);
        for (r, a) in listed.into_iter().enumerate() {
            articles.push(a.into_article(path.clone(), r));
            file_of.push(k as u32);
        }
    }
    let (order, renamed) = sort_articles_renamed(&mut articles);
    let file_of = order.iter().map(|&i| file_of[i]).collect();
    Listed {
        articles,
        file_of,
        renamed,
    }
}

/// Gives each file of the head its listing back, from articles [`listing`]
/// took it into.
pub(super) fn regroup(head: &mut Head, listed: &Listed) {
    let mut slots: Vec<Vec<Option<CachedArticle>>> =
        head.files.iter().map(|_| Vec::new()).collect();
    for (i, (a, &k)) in listed.articles.iter().zip(&listed.file_of).enumerate() {
        let mut c = CachedArticle::of(a);
        if let Ok(at) = listed.renamed.binary_search_by_key(&i, |r| r.0) {
            c.id = listed.renamed[at].1.clone();
        }
        let file = &mut slots[k as usize];
        if file.len() <= a.record {
            file.resize(a.record + 1, None);
        }
        file[a.record] = Some(c);
    }
    for (f, listing) in head.files.iter_mut().zip(slots) {
        f.articles = listing.into_iter().flatten().collect();
    }
}
