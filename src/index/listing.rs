//! The article listing in the index cache: one record per article, in
//! corpus order, each decodable alone, so that a lookup over a large
//! archive decodes only the articles it prints.
//!
//! Section layout: a hash of the rest (XXH3, u64, little-endian), the
//! number of articles n (u32), n + 1 offsets (u32) into the records, then
//! the records (postcard). The hash is checked when the listing is opened
//! (a fraction of a millisecond for 30,000 articles), so that a damaged
//! listing is rebuilt with a warning rather than listed as empty articles.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::cache::{CachedArticle, CachedFile};
use crate::corpus::{path_text, text_path, Article};
use crate::lazy_list::Source;
use crate::shared::Shared;

/// One article as the listing holds it, borrowed from the cache.
#[derive(Serialize, Deserialize)]
struct Record<'a> {
    /// Unique across the corpus.
    id: &'a str,
    title: &'a str,
    #[serde(borrow)]
    source: Option<&'a str>,
    #[serde(borrow)]
    dateline: Option<&'a str>,
    #[serde(borrow)]
    date: Option<&'a str>,
    #[serde(borrow)]
    url: Option<&'a str>,
    words: u64,
    /// Index of its file in the cache's head.
    file: u32,
    /// Its place among its file's articles.
    record: u32,
    /// The id its file gives it, when another article had it first.
    #[serde(borrow)]
    original: Option<&'a str>,
}

impl Record<'_> {
    /// The listing of the article, under `id`.
    fn cached(&self, id: &str) -> CachedArticle {
        CachedArticle {
            id: id.to_owned(),
            title: self.title.to_owned(),
            source: self.source.map(str::to_owned),
            dateline: self.dateline.map(str::to_owned),
            date: self.date.map(str::to_owned),
            url: self.url.map(str::to_owned),
            words: self.words as usize,
        }
    }
}

/// The number of articles a listing section holds, if it has a frame.
pub fn count(section: &[u8]) -> Option<usize> {
    Some(u32::from_le_bytes(section.get(8..12)?.try_into().ok()?) as usize)
}

/// Writes the listing section of `articles` (in corpus order): `files[i]`
/// is the head's index of the file of article `i`; `renamed` gives the
/// original id of each article renamed to make ids unique (by position).
pub fn encode(articles: &[Article], files: &[u32], renamed: &[(usize, String)]) -> Vec<u8> {
    let mut records = Vec::with_capacity(articles.len() * 160);
    let mut offsets = Vec::with_capacity(articles.len() + 1);
    let mut renamed = renamed.iter().peekable();
    for (i, (a, &file)) in articles.iter().zip(files).enumerate() {
        offsets.push(records.len() as u32);
        let original = renamed.next_if(|r| r.0 == i).map(|r| r.1.as_str());
        let record = Record {
            id: &a.id,
            title: &a.title,
            source: a.source.as_deref(),
            dateline: a.dateline.as_deref(),
            date: a.date.as_deref(),
            url: a.url.as_deref(),
            words: a.words as u64,
            file,
            record: a.record as u32,
            original,
        };
        records = postcard::to_extend(&record, records).expect("in-memory encoding cannot fail");
    }
    offsets.push(records.len() as u32);
    let mut out = Vec::with_capacity(12 + offsets.len() * 4 + records.len());
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&(articles.len() as u32).to_le_bytes());
    offsets
        .iter()
        .for_each(|o| out.extend_from_slice(&o.to_le_bytes()));
    out.extend_from_slice(&records);
    let hash = super::cache::content_hash(&out[8..]);
    out[..8].copy_from_slice(&hash.to_le_bytes());
    out
}

/// The listing section of files whose articles are in their `articles`
/// (in head order): what an update writes, for a head put together by hand.
pub fn encode_files(files: &[CachedFile]) -> Vec<u8> {
    let mut articles = Vec::new();
    let mut file_of = Vec::new();
    for (k, f) in files.iter().enumerate() {
        let path: Arc<str> = f.rel.as_str().into();
        for (r, a) in f.articles.iter().enumerate() {
            articles.push(a.article(&path, r));
            file_of.push(k as u32);
        }
    }
    let (order, renamed) = crate::corpus::sort_articles_renamed(&mut articles);
    let file_of: Vec<u32> = order.iter().map(|&i| file_of[i]).collect();
    encode(&articles, &file_of, &renamed)
}

/// The listing of a cache, decoded article by article from the mapped file
/// (or, just after indexing, from the section about to be written).
pub struct Listing {
    map: Shared,
    /// Where the offsets begin in the map.
    offsets: usize,
    /// Where the records begin in the map.
    records: usize,
    n: usize,
    /// The path of each file of the head, as articles carry it.
    root: PathBuf,
    single: bool,
    rels: Arc<super::files::Rels>,
}

impl Listing {
    /// The listing in `map[range]` for a head whose files have the paths
    /// `rels`; `None` when it is damaged (its hash differs, or its frame
    /// does not hold together).
    pub fn open(
        map: Shared,
        range: std::ops::Range<usize>,
        rels: Arc<super::files::Rels>,
        root: &Path,
    ) -> Option<Listing> {
        let section = (*map).as_ref().get(range.clone())?;
        let hash = u64::from_le_bytes(section.get(..8)?.try_into().ok()?);
        if super::cache::content_hash(&section[8..]) != hash {
            return None;
        }
        let n = count(section)?;
        let records_at = 12usize.checked_add(n.checked_add(1)?.checked_mul(4)?)?;
        let records_len = section.len().checked_sub(records_at)?;
        let listing = Listing {
            offsets: range.start + 12,
            records: range.start + records_at,
            n,
            root: root.to_path_buf(),
            single: root.is_file(),
            rels,
            map,
        };
        let monotone = (0..n).all(|i| listing.offset(i) <= listing.offset(i + 1));
        (listing.offset(0) == 0 && listing.offset(n) == records_len && monotone).then_some(listing)
    }

    /// The bytes the listing is read from.
    fn bytes(&self) -> &[u8] {
        (*self.map).as_ref()
    }

    fn offset(&self, i: usize) -> usize {
        let at = self.offsets + i * 4;
        u32::from_le_bytes(self.bytes()[at..at + 4].try_into().expect("4 bytes")) as usize
    }

    fn record(&self, i: usize) -> Option<Record<'_>> {
        let bytes = &self.bytes()[self.records..];
        postcard::from_bytes(bytes.get(self.offset(i)..self.offset(i + 1))?).ok()
    }

    /// Gives each file of the head its articles back (with the ids the file
    /// gave them), for an update that reuses some files.
    pub fn regroup(&self, files: &mut [CachedFile]) {
        let mut slots: Vec<Vec<Option<CachedArticle>>> = files.iter().map(|_| Vec::new()).collect();
        for r in (0..self.n).filter_map(|i| self.record(i)) {
            let Some(file) = slots.get_mut(r.file as usize) else {
                continue;
            };
            // No file has more records than the corpus has articles.
            let at = r.record as usize;
            if at >= self.n {
                continue;
            }
            if file.len() <= at {
                file.resize(at + 1, None);
            }
            file[at] = Some(r.cached(r.original.unwrap_or(r.id)));
        }
        for (f, listing) in files.iter_mut().zip(slots) {
            f.articles = listing.into_iter().flatten().collect();
        }
    }

    fn path(&self, file: u32) -> Arc<str> {
        if self.single {
            return path_text(&self.root).into();
        }
        let rel = self.rels.get(file as usize);
        path_text(&self.root.join(text_path(rel))).into()
    }
}

impl Source<Article> for Listing {
    fn len(&self) -> usize {
        self.n
    }

    fn item(&self, i: usize) -> Article {
        // The section's hash was checked when the listing was opened, so a
        // record fails only if this build wrote it wrong; it then lists as
        // an empty article rather than stopping the program.
        let Some(r) = self.record(i) else {
            return Article::from_text("?".to_owned(), String::new(), Vec::new());
        };
        // Sanitized on the way in, as every listing read from a cache is.
        r.cached(r.id)
            .into_article(self.path(r.file), r.record as usize)
    }

    fn all(&self) -> Vec<Article> {
        (0..self.n).into_par_iter().map(|i| self.item(i)).collect()
    }
}
