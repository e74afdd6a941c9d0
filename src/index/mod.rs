//! The index: a corpus directory's article listings and persons and places,
//! kept in a cache between runs so that a warm start reads no article file,
//! and a changed, added or removed file is reprocessed alone.
//!
//! A file is unchanged when its size and modification time match the cache
//! (and it was not modified within a moment of the last indexing, when a
//! time can lie); otherwise its content hash decides. Names that a changed
//! file makes known to the corpus are looked for in that file; the other
//! files keep what they found until a full rebuild (`sahifa index --full`).

pub mod cache;
mod entity_table;
pub mod files;
mod fresh;
pub mod listing;
mod update;

use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use thiserror::Error;

use crate::corpus::{Corpus, LoadError};
use crate::entities::model::ModelError;
use crate::entities::{CorpusEntities, Extractor, Kind};
use crate::search::NameIndex;

pub use cache::{CacheError, FORMAT_VERSION};

/// A corpus as the index lists it: articles without bodies (read on demand
/// with [`Corpus::text`]) and their persons and places.
pub struct Indexed {
    /// The articles (lazy).
    pub corpus: Corpus,
    /// Their persons and places.
    pub found: CorpusEntities,
    /// The index of their names, for lookups.
    pub name_index: StoredIndex,
}

/// The name index of an indexed corpus: built just now, or kept in the
/// cache until a lookup asks for it.
pub enum StoredIndex {
    /// Built while indexing, as the cache keeps it (the bytes are half
    /// the size of the index, and a large cold index is short of memory).
    Encoded(std::sync::Arc<Vec<u8>>),
    /// In the cache's mapped file.
    Mapped(std::sync::Arc<memmap2::Mmap>, std::ops::Range<usize>),
}

impl StoredIndex {
    /// The index for `entities` entities; `None` when the cache's copy is
    /// missing or damaged (the caller builds one from the entities).
    pub fn decode(self, entities: usize) -> Option<NameIndex> {
        match self {
            StoredIndex::Encoded(bytes) => {
                let len = bytes.len();
                NameIndex::from_shared(bytes, 0..len, entities)
            }
            StoredIndex::Mapped(map, range) => {
                // The hash and the check of every record, on two cores.
                let (sound, index) = rayon::join(
                    || cache::Cache::lookup_checked(&map, range.clone()).is_some(),
                    || NameIndex::from_shared(map.clone(), range.clone(), entities),
                );
                index.filter(|_| sound)
            }
        }
    }
}

/// Why a corpus could not be indexed at all.
#[derive(Debug, Error)]
pub enum IndexError {
    /// The corpus path is missing or unreadable.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The built-in model is damaged (a broken build).
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// The extractor, loaded only if some file has to be analyzed (a warm start
/// does without its model).
#[derive(Default)]
pub struct LazyExtractor(OnceLock<Extractor>);

impl LazyExtractor {
    /// An extractor already loaded.
    pub fn with(extractor: Extractor) -> LazyExtractor {
        let cell = OnceLock::new();
        let _ = cell.set(extractor);
        LazyExtractor(cell)
    }

    /// The extractor, loading the built-in one on first use.
    pub fn get(&self) -> Result<&Extractor, ModelError> {
        if let Some(e) = self.0.get() {
            return Ok(e);
        }
        let e = Extractor::builtin()?;
        Ok(self.0.get_or_init(|| e))
    }
}

/// What opening the index did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Article files in the corpus.
    pub files: usize,
    /// Articles listed.
    pub articles: usize,
    /// Distinct persons.
    pub persons: usize,
    /// Distinct places.
    pub places: usize,
    /// Files taken from the cache as they were.
    pub reused: usize,
    /// Files read and analyzed.
    pub processed: usize,
    /// Bytes of the files analyzed.
    pub bytes: u64,
    /// Files the cache knew that are gone.
    pub removed: usize,
    /// Entries skipped, and files with records skipped (each named on stderr
    /// when first seen; `index --full` names them again).
    pub skipped: usize,
    /// Why the cache was not used, when it existed but could not be.
    pub rebuilt_because: Option<String>,
    /// Why the updated cache could not be written, if so.
    pub not_saved: Option<String>,
    /// Files left unread because indexing was asked to stop.
    pub left: usize,
    /// Wall time.
    pub elapsed: Duration,
}

impl Report {
    /// Whether anything was read or the cache changed.
    pub fn did_work(&self) -> bool {
        self.processed > 0 || self.removed > 0 || self.rebuilt_because.is_some()
    }

    /// One line: what was read, found and how fast.
    pub fn summary(&self) -> String {
        let secs = self.elapsed.as_secs_f64();
        // A rate over less than a megabyte says more about start-up than speed.
        let rate = if self.bytes >= 1_000_000 && secs > 0.0 {
            format!(", {:.1} MB/s", self.bytes as f64 / 1e6 / secs)
        } else {
            String::new()
        };
        let skipped = if self.skipped > 0 {
            format!(", {} skipped", self.skipped)
        } else {
            String::new()
        };
        format!(
            "{} ({} analyzed, {} from cache, {} removed{skipped}), {}, {}, {} in {:.2} s{rate}",
            count_of(self.files, "file", "files"),
            self.processed,
            self.reused,
            self.removed,
            count_of(self.articles, "article", "articles"),
            count_of(self.persons, "person", "persons"),
            count_of(self.places, "place", "places"),
            secs,
        )
    }
}

fn count_of(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How much of the cache to trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refresh {
    /// Trust the directories' times and a budget of files (see
    /// [`fresh`]); walk the corpus only when they say it changed.
    Quick,
    /// Walk the corpus: reuse every file whose size and time match.
    Incremental,
    /// Analyze every file again.
    Full,
}

/// Told how far indexing has got, for a progress bar: the front end draws,
/// the index only counts.
pub trait Progress: Sync {
    /// Analysis begins: this many files and bytes to read.
    fn start(&self, files: usize, bytes: u64);
    /// One file was read and analyzed.
    fn file_done(&self, bytes: u64);
    /// The corpus-wide passes after the files (known names, linking).
    fn linking(&self);
    /// Whether to stop reading files (Ctrl-C): the files read so far are
    /// indexed and saved, the others are left for the next run.
    fn cancelled(&self) -> bool {
        false
    }
}

/// No progress to tell.
struct Silent;

impl Progress for Silent {
    fn start(&self, _: usize, _: u64) {}
    fn file_done(&self, _: u64) {}
    fn linking(&self) {}
}

/// Opens the index of a corpus path, updating the cache at `cache_path`
/// (when given) with what changed. Only a corpus path that cannot be read at
/// all is an error; a bad cache is rebuilt and the report says why.
pub fn open(
    root: &Path,
    cache_path: Option<&Path>,
    extractor: &LazyExtractor,
    refresh: Refresh,
) -> Result<(Indexed, Report), IndexError> {
    open_telling(root, cache_path, extractor, refresh, &Silent)
}

/// [`open`], telling `progress` how the analysis goes.
pub fn open_telling(
    root: &Path,
    cache_path: Option<&Path>,
    extractor: &LazyExtractor,
    refresh: Refresh,
    progress: &dyn Progress,
) -> Result<(Indexed, Report), IndexError> {
    let clock = Instant::now();
    let fingerprint = crate::entities::fingerprint();
    let mut report = Report::default();
    let listing = |path: &Path, c: &cache::Cache| -> Result<listing::Listing, CacheError> {
        let (map, range) = c.listing_section();
        listing::Listing::open(map, range, c.head.files.rels(), root)
            .ok_or_else(|| CacheError::NotIndex(path.display().to_string()))
    };
    let read = |path: &Path| -> Result<Option<(cache::Cache, listing::Listing)>, CacheError> {
        let Some(c) = cache::read(path, fingerprint)? else {
            return Ok(None);
        };
        let listed = listing(path, &c)?;
        Ok(Some((c, listed)))
    };
    let (cached, scan) = match (cache_path, refresh) {
        (Some(path), Refresh::Quick) => {
            // The listing is opened (its hash checked) while the probe
            // waits on the file system.
            let (cached, vouched) = match cache::read(path, fingerprint) {
                Ok(Some(c)) => {
                    let (listed, vouched) = rayon::join(
                        || listing(path, &c),
                        || fresh::probe(root, &c.head, update::now_ns()),
                    );
                    // A damaged listing makes the whole cache suspect: the
                    // corpus is walked, not taken from its head.
                    let vouched = vouched.filter(|_| listed.is_ok());
                    (listed.map(|l| Some((c, l))), vouched)
                }
                other => (other.map(|_| None), None),
            };
            match (vouched, cached) {
                (Some(fresh::Vouch::Settled), Ok(Some(cached))) => {
                    let updated = update::settled(root, cached, &mut report);
                    return Ok(finish(updated, report, clock));
                }
                (Some(fresh::Vouch::Scan(scan)), cached) => (cached, Ok(scan)),
                (_, cached) => (cached, crate::corpus::scan(root)),
            }
        }
        // The cache is read while the corpus is walked.
        (Some(path), Refresh::Incremental) => {
            rayon::join(|| read(path), || crate::corpus::scan(root))
        }
        _ => (Ok(None), crate::corpus::scan(root)),
    };
    let scan = scan?;
    let cached = cached.unwrap_or_else(|e| {
        report.rebuilt_because = Some(e.to_string());
        None
    });
    if let (Some(path), Refresh::Full) = (cache_path, refresh) {
        if path.exists() {
            report.rebuilt_because = Some("a full rebuild was asked for".to_owned());
        }
    }
    let updated = update::update(root, scan, cached, extractor, &mut report, progress)?;
    if updated.changed {
        if let Some(path) = cache_path {
            let detail = match &updated.raw_detail {
                Some(raw) => cache::Detail::Raw(raw),
                None => cache::Detail::Decoded(&updated.names, &updated.detail),
            };
            let sections = cache::Sections {
                entities: updated.raw_entities.as_deref(),
                listing: &updated.listing,
                lookup: &updated.lookup,
                detail,
            };
            let written = crate::store::write_atomic_with(path, |w| {
                cache::write(w, &updated.head, sections, fingerprint)
            });
            if let Err(e) = written {
                report.not_saved = Some(format!("cannot write {}: {e}", path.display()));
            }
        }
    }
    Ok(finish(updated, report, clock))
}

/// The index as opened, and what its report says of it.
fn finish(updated: update::Updated, mut report: Report, clock: Instant) -> (Indexed, Report) {
    report.files = updated.head.files.len();
    let indexed = Indexed {
        corpus: updated.corpus,
        found: updated.head.found,
        name_index: updated.name_index,
    };
    report.articles = indexed.corpus.articles.len();
    report.persons = indexed.found.entities.count_kind(Kind::Person);
    report.places = indexed.found.entities.count_kind(Kind::Place);
    report.elapsed = clock.elapsed();
    (indexed, report)
}
