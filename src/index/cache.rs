//! The index cache file: a versioned header, then six sections.
//!
//! The head is all a warm start decodes (per-file keys); the mentions
//! (which entities each article mentions, and where) are read in place
//! (see `entities/stored.rs`); the entity table holds each entity's
//! record apart, decoded only when it is named (see `entity_table.rs`); the
//! listing holds each article's record apart, decoded
//! only when the article is listed (see `listing.rs`); the name index is
//! the one lookups use, ready made (see `search/stored.rs`); the detail holds
//! what is only needed to update the index when files change (each file's
//! mentions and name tally), and is decoded only then.

use std::path::Path;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::corpus::Article;
use crate::entities::{CorpusEntities, Found, NameTable};

/// Identifies the file type; the version follows it.
const MAGIC: &[u8; 8] = b"SAHIFAIX";
/// Bumped whenever the layout of the sections changes, and whenever the
/// stored name index would come out differently (its skeletons, see
/// `search/phonetic.rs`; 11: a sounded final ـاه; 12: the entity table;
/// 13: its names apart; 14: the name index read in place; 15: the
/// mentions read in place; 16: the files as columns; 17: the name index's
/// distinct words apart from the names' words; 18: tallies keyed by id;
/// 19: names as one string each).
pub const FORMAT_VERSION: u32 = 19;

/// Why a cache file could not be used (it is then rebuilt).
#[derive(Debug, Error)]
pub enum CacheError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Read {
        /// The cache file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Not a sahifa index at all (garbage, truncated, another program's file).
    #[error("{0} is not a sahifa index (damaged?)")]
    NotIndex(String),
    /// Written by another format version or another build's extraction.
    #[error("{path} was written by another version of sahifa ({what})")]
    OtherVersion {
        /// The cache file.
        path: String,
        /// Which part differs.
        what: &'static str,
    },
}

/// One article as listed without its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedArticle {
    /// See [`Article::id`] (before ids are made unique across the corpus).
    pub id: String,
    /// The headline.
    pub title: String,
    /// Site name.
    pub source: Option<String>,
    /// Dateline place.
    pub dateline: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Original address.
    pub url: Option<String>,
    /// Words in the body.
    pub words: usize,
}

impl CachedArticle {
    /// The listing of an article.
    pub fn of(a: &Article) -> CachedArticle {
        CachedArticle {
            id: a.id.clone(),
            title: a.title.clone(),
            source: a.source.clone(),
            dateline: a.dateline.clone(),
            date: a.date.clone(),
            url: a.url.clone(),
            words: a.words,
        }
    }

    /// The article, without its body, as read from `path`.
    pub fn into_article(self, path: std::sync::Arc<str>, record: usize) -> Article {
        // A cache file is as untrusted as the corpus: its strings are
        // sanitized again on the way in.
        Article {
            id: self.id,
            title: self.title,
            body: Vec::new(),
            source: self.source,
            dateline: self.dateline,
            date: self.date,
            url: self.url,
            path,
            words: self.words,
            record,
        }
        .sanitized()
    }

    /// The article, without its body, as read from `path` (a copy).
    pub fn article(&self, path: &std::sync::Arc<str>, record: usize) -> Article {
        self.clone().into_article(path.clone(), record)
    }
}

/// One file as it was indexed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CachedFile {
    /// Path under the corpus root.
    pub rel: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: i128,
    /// Content hash (see [`content_hash`]).
    pub hash: u64,
    /// Its articles in file order: kept in the listing section, and here
    /// only while the index is updated.
    #[serde(skip)]
    pub articles: Vec<CachedArticle>,
    /// Why records of it (or all of it) were skipped.
    pub warnings: Vec<String>,
}

/// What a warm start reads.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Head {
    /// When indexing began (ns since the epoch): a file modified within a
    /// moment of it is checked by content next time, whatever its time says.
    pub started: i128,
    /// The files, sorted by `rel` (as columns, see `files.rs`).
    #[serde(with = "super::files")]
    pub files: super::files::FileTable,
    /// Entities and spots, articles in corpus order (sorted by id): in
    /// sections of their own.
    #[serde(skip)]
    pub found: CorpusEntities,
    /// Entries the scan skipped (path, reason): unsupported formats, files
    /// too large, unreadable directories. Kept so that each is named once,
    /// when first seen, and not on every command.
    pub skipped: Vec<(String, String)>,
    /// The directories walked and their times (see [`crate::corpus::Scan::dirs`]).
    pub dirs: Vec<(String, i128)>,
    /// Whether the walk read everything (see [`crate::corpus::Scan::complete`]).
    pub complete: bool,
}

/// Per-file extraction results, for updating the index file by file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FileDetail {
    /// Mentions of each article of the file, in file order (names in the
    /// detail's [`NameTable`]).
    pub mentions: Vec<Vec<Found>>,
    /// The file's share of the corpus's name tally (keys in the detail's
    /// [`NameTable`]).
    pub tally: crate::entities::KeyTally,
}

/// A cache as read: the head decoded, the listing and the detail left in
/// the mapped file until needed.
pub struct Cache {
    /// What a warm start reads.
    pub head: Head,
    map: std::sync::Arc<memmap2::Mmap>,
    entities_at: usize,
    listing_at: usize,
    lookup_at: usize,
    detail_at: usize,
    path: String,
}

/// Bytes before the head: magic, format version, fingerprint, the lengths
/// of the head, the mentions, the entity table, the listing and the name
/// index, and the name index's hash (checked when it is decoded; the entity
/// table and the listing carry their own).
const HEADER: usize = 68;

impl Cache {
    /// The entity table section undecoded, to be written back unchanged.
    pub fn entity_bytes(&self) -> &[u8] {
        &self.map[self.entities_at..self.listing_at]
    }

    /// The mapped file and where the listing section is in it.
    pub fn listing_section(&self) -> (std::sync::Arc<memmap2::Mmap>, std::ops::Range<usize>) {
        (self.map.clone(), self.listing_at..self.lookup_at)
    }

    /// The listing section undecoded, to be written back unchanged.
    pub fn listing_bytes(&self) -> &[u8] {
        &self.map[self.listing_at..self.lookup_at]
    }

    /// The stored name index (see `search/stored.rs`), undecoded.
    pub fn lookup_bytes(&self) -> &[u8] {
        &self.map[self.lookup_range()]
    }

    /// The mapped file and where the name index is in it.
    pub fn lookup_section(&self) -> (std::sync::Arc<memmap2::Mmap>, std::ops::Range<usize>) {
        (self.map.clone(), self.lookup_range())
    }

    /// Where the name index is: after the zeros that align it.
    fn lookup_range(&self) -> std::ops::Range<usize> {
        (self.lookup_at + align_pad(self.lookup_at)).min(self.detail_at)..self.detail_at
    }

    /// The name index's bytes if their hash is the one the header gives.
    pub fn lookup_checked(map: &[u8], range: std::ops::Range<usize>) -> Option<&[u8]> {
        let hash = u64::from_le_bytes(map.get(HEADER - 8..HEADER)?.try_into().ok()?);
        map.get(range).filter(|b| content_hash(b) == hash)
    }

    /// The detail section undecoded, to be written back unchanged.
    pub fn detail_bytes(&self) -> &[u8] {
        &self.map[self.detail_at..]
    }

    /// Decodes the names and per-file details (one per head file, same order).
    pub fn detail(&self) -> Result<(NameTable, Vec<FileDetail>), CacheError> {
        let (mut names, detail): (NameTable, Vec<FileDetail>) =
            postcard::from_bytes(&self.map[self.detail_at..])
                .map_err(|_| CacheError::NotIndex(self.path.clone()))?;
        let sound = detail.len() == self.head.files.len()
            && detail
                .iter()
                .flat_map(|d| d.mentions.iter().flatten())
                .all(|f| (f.name as usize) < names.len())
            && detail.iter().all(|d| names.holds_keys(&d.tally));
        if !sound {
            return Err(CacheError::NotIndex(self.path.clone()));
        }
        names.reindex();
        Ok((names, detail))
    }
}

/// Reads a cache's header and head; `Ok(None)` when there is none yet.
pub fn read(path: &Path, fingerprint: u64) -> Result<Option<Cache>, CacheError> {
    let shown = path.display().to_string();
    let read_error = |source| CacheError::Read {
        path: shown.clone(),
        source,
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(read_error(e)),
    };
    // SAFETY: sahifa replaces a cache only by renaming a new file over it
    // (`write_atomic`), which leaves this mapping's file untouched; the map
    // is read only and every byte of it is validated as it is decoded.
    let map = unsafe { memmap2::Mmap::map(&file) }.map_err(read_error)?;
    let not_index = || CacheError::NotIndex(shown.clone());
    let header = map.get(..HEADER).ok_or_else(not_index)?;
    if &header[..8] != MAGIC {
        return Err(not_index());
    }
    if header[8..12] != FORMAT_VERSION.to_le_bytes() {
        return Err(CacheError::OtherVersion {
            path: shown,
            what: "cache format",
        });
    }
    if header[12..20] != fingerprint.to_le_bytes() {
        return Err(CacheError::OtherVersion {
            path: shown,
            what: "extraction model or rules",
        });
    }
    let length = |at: usize| u64::from_le_bytes(header[at..at + 8].try_into().expect("8 bytes"));
    let end = |from: usize, len: u64| {
        usize::try_from(len)
            .ok()
            .and_then(|l| l.checked_add(from))
            .filter(|&end| end <= map.len())
    };
    let mentions_at = end(HEADER, length(20)).ok_or_else(not_index)?;
    let entities_at = end(mentions_at, length(28)).ok_or_else(not_index)?;
    let listing_at = end(entities_at, length(36)).ok_or_else(not_index)?;
    let lookup_at = end(listing_at, length(44)).ok_or_else(not_index)?;
    let detail_at = end(lookup_at, length(52)).ok_or_else(not_index)?;
    let map = std::sync::Arc::new(map);
    // Every number that will index something must be in range: a damaged
    // cache is rebuilt, never trusted into a panic. (The listing is checked
    // when it is opened, the entity table here and record by record.) The
    // head is decoded while the table's hash is checked.
    let articles = super::listing::count(&map[listing_at..lookup_at]).unwrap_or(0);
    let (head, table) = rayon::join(
        || postcard::from_bytes::<Head>(&map[HEADER..mentions_at]),
        || {
            super::entity_table::MappedEntities::open(
                map.clone(),
                entities_at..listing_at,
                articles,
            )
        },
    );
    let mut head = head.map_err(|_| not_index())?;
    let table = table.ok_or_else(not_index)?;
    let mentions = (mentions_at + align_pad(mentions_at)).min(entities_at)..entities_at;
    head.found = CorpusEntities::from_mentions_section(
        map.clone(),
        mentions,
        crate::entities::EntityTable::lazy(Box::new(table)),
    )
    .ok_or_else(not_index)?;
    if !head.found.is_sound(articles) {
        return Err(not_index());
    }
    Ok(Some(Cache {
        head,
        map,
        entities_at,
        listing_at,
        lookup_at,
        detail_at,
        path: shown,
    }))
}

/// Zeros before a section read in place at `at` (the mentions, the name
/// index), so that its tables are aligned to 4 bytes (the map itself is
/// aligned to a page).
fn align_pad(at: usize) -> usize {
    (4 - at % 4) % 4
}

/// Encodes a cache (written with [`crate::store::write_atomic`]).
pub fn encode(
    head: &Head,
    listing: &[u8],
    names: &NameTable,
    detail: &[FileDetail],
    fingerprint: u64,
) -> Vec<u8> {
    let mut out = Vec::new();
    let sections = Sections {
        entities: None,
        listing,
        lookup: &[],
        detail: Detail::Decoded(names, detail),
    };
    write(&mut out, head, sections, fingerprint).expect("writing to memory cannot fail");
    out
}

/// The detail section to write: as decoded, or bytes kept from the old cache.
pub enum Detail<'a> {
    /// Names and per-file details.
    Decoded(&'a NameTable, &'a [FileDetail]),
    /// A section already encoded.
    Raw(&'a [u8]),
}

/// The sections after the head, as written.
pub struct Sections<'a> {
    /// The encoded entity table (see `entity_table.rs`), when the head's
    /// entities are those of the cache read: else it is encoded from them.
    pub entities: Option<&'a [u8]>,
    /// The encoded listing (see `listing.rs`).
    pub listing: &'a [u8],
    /// The stored name index (see `search/stored.rs`); empty for none, and
    /// lookups then build it from the entities.
    pub lookup: &'a [u8],
    /// The detail.
    pub detail: Detail<'a>,
}

/// Writes a cache straight to `out`, so that a large index is not held
/// twice in memory.
pub fn write(
    out: &mut dyn std::io::Write,
    head: &Head,
    sections: Sections<'_>,
    fingerprint: u64,
) -> std::io::Result<()> {
    let Sections {
        entities,
        listing,
        lookup,
        detail,
    } = sections;
    let encoded;
    let entities = match entities {
        Some(bytes) => bytes,
        None => {
            encoded = super::entity_table::encode(&head.found.entities);
            &encoded
        }
    };
    let encoding = |e: postcard::Error| std::io::Error::other(e.to_string());
    // The head's length leads it: measured by a first encoding pass that
    // writes nothing, so that the head is never held twice either.
    let len = postcard::experimental::serialized_size(head).map_err(encoding)?;
    out.write_all(MAGIC)?;
    out.write_all(&FORMAT_VERSION.to_le_bytes())?;
    out.write_all(&fingerprint.to_le_bytes())?;
    let mentions = head.found.mentions_section_len();
    let mentions_pad = align_pad(HEADER + len);
    let lookup_at = HEADER + len + mentions_pad + mentions + entities.len() + listing.len();
    let pad = align_pad(lookup_at);
    out.write_all(&(len as u64).to_le_bytes())?;
    out.write_all(&((mentions_pad + mentions) as u64).to_le_bytes())?;
    out.write_all(&(entities.len() as u64).to_le_bytes())?;
    out.write_all(&(listing.len() as u64).to_le_bytes())?;
    out.write_all(&((pad + lookup.len()) as u64).to_le_bytes())?;
    out.write_all(&content_hash(lookup).to_le_bytes())?;
    postcard::to_io(head, &mut *out).map_err(encoding)?;
    out.write_all(&[0; 4][..mentions_pad])?;
    head.found.write_mentions_section(&mut *out)?;
    out.write_all(entities)?;
    out.write_all(listing)?;
    out.write_all(&[0; 4][..pad])?;
    out.write_all(lookup)?;
    match detail {
        Detail::Raw(bytes) => out.write_all(bytes),
        Detail::Decoded(names, detail) => postcard::to_io(&(names, detail), out)
            .map(|_| ())
            .map_err(encoding),
    }
}

/// A stable 64-bit hash of a file's bytes: XXH3, as fast as reading memory
/// and with every output bit depending on every input bit (the FNV-style
/// word hash it replaces let two small edits of a title collide).
pub fn content_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_the_old_word_hash_could_not_see_change_the_hash() {
        // The FNV-style word hash it replaced: flipping the top bit of two
        // 8-byte words cancelled out (bit k depended only on bits <= k).
        let old = |bytes: &[u8]| {
            let mut h: u64 = 0xcbf2_9ce4_8422_2325;
            for c in bytes.chunks_exact(8) {
                h ^= u64::from_le_bytes(c.try_into().unwrap());
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
            h
        };
        let a = *b"Putin wins the vote!!!!!";
        let mut b = a;
        b[7] ^= 0x80;
        b[15] ^= 0x80;
        assert_eq!(old(&a), old(&b), "the collision the old hash had");
        assert_ne!(content_hash(&a), content_hash(&b));
    }

    #[test]
    fn round_trip_and_rejections() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.idx");
        let head = Head {
            started: 7,
            files: vec![CachedFile {
                rel: "a.txt".into(),
                size: 3,
                mtime: 9,
                hash: content_hash(b"abc"),
                articles: vec![],
                warnings: vec!["bad".into()],
            }]
            .into(),
            found: CorpusEntities::default(),
            skipped: vec![("b.csv".into(), "unsupported".into())],
            dirs: vec![(String::new(), 5)],
            complete: true,
        };
        let detail = vec![FileDetail::default()];
        let names = NameTable::default();
        let listing = super::super::listing::encode(&[], &[], &[]);
        std::fs::write(&path, encode(&head, &listing, &names, &detail, 42)).unwrap();
        let c = read(&path, 42).unwrap().unwrap();
        assert_eq!(c.head.files, head.files);
        assert_eq!(c.head.skipped, head.skipped);
        assert_eq!(c.head.dirs, head.dirs);
        assert_eq!(c.detail().unwrap().1.len(), 1);
        assert!(matches!(
            read(&path, 43),
            Err(CacheError::OtherVersion { .. })
        ));
        std::fs::write(&path, b"\x00garbage\xff").unwrap();
        assert!(matches!(read(&path, 42), Err(CacheError::NotIndex(_))));
        assert!(read(&dir.path().join("none"), 42).unwrap().is_none());
        assert_ne!(content_hash(b"abcdefgh1"), content_hash(b"abcdefgh2"));
    }
}
