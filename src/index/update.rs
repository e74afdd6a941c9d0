//! Bringing a cached index up to date with the files on disk: reuse what
//! matches, analyze the rest on all cores, then link the corpus again.

use std::path::Path;
use std::sync::{Mutex, MutexGuard, PoisonError};

use rayon::prelude::*;

use super::cache::{content_hash, Cache, CachedArticle, CachedFile, FileDetail, Head};
use super::fresh::RACY_NS;
use super::listing::Listing;
use super::{LazyExtractor, Report};
use crate::corpus::{
    read_bytes, sort_articles_renamed, Article, Articles, Corpus, FileEntry, Scan, Warning,
};
use crate::entities::model::ModelError;
use crate::entities::{
    add_known, candidates, extract, known_set, link, paragraphs, untagged_names, Extractor,
};
use crate::entities::{CorpusEntities, Found, NameTable, NameTally, PendingFound};

/// The index after an update, and whether the cache must be written.
pub struct Updated {
    pub head: Head,
    pub names: NameTable,
    pub detail: Vec<FileDetail>,
    /// The cached detail section as it was, when only file times changed.
    pub raw_detail: Option<Vec<u8>>,
    /// The cached entity table as it was, likewise.
    pub raw_entities: Option<Vec<u8>>,
    /// The listing section to write.
    pub listing: std::sync::Arc<Vec<u8>>,
    /// The name index section to write.
    pub lookup: std::sync::Arc<Vec<u8>>,
    /// The name index: as built now, or where the cache keeps it.
    pub name_index: super::StoredIndex,
    pub corpus: Corpus,
    pub changed: bool,
}

/// What to do with one scanned file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plan {
    /// Same size and time as the cached file at this index.
    Reuse(usize),
    /// The cached file at this index, to be compared by content.
    Check(usize),
    /// Not in the cache.
    New,
}

/// One file after the update.
struct FileState {
    /// The file's listing is its articles (without bodies), made into
    /// [`Article`]s only when the corpus is linked.
    key: CachedFile,
    detail: FileDetail,
    analyzed: bool,
}

/// The index as the cache has it, when a probe found nothing to check and
/// nothing to write back (see `fresh.rs`).
pub fn settled(root: &Path, cached: (Cache, Listing), report: &mut Report) -> Updated {
    let (c, listed) = cached;
    let (map, range) = c.lookup_section();
    let head = c.head;
    report.reused = head.files.len();
    report.skipped = head.skipped.len() + head.files.warned();
    Updated {
        head,
        names: NameTable::default(),
        detail: Vec::new(),
        raw_detail: None,
        raw_entities: None,
        listing: Default::default(),
        lookup: Default::default(),
        name_index: super::StoredIndex::Mapped(map, range),
        corpus: lazy_corpus(
            crate::corpus::path_text(root),
            Articles::lazy(Box::new(listed)),
            Vec::new(),
        ),
        changed: false,
    }
}

pub fn update(
    root: &Path,
    scan: Scan,
    cached: Option<(Cache, Listing)>,
    extractor: &LazyExtractor,
    report: &mut Report,
    progress: &dyn super::Progress,
) -> Result<Updated, ModelError> {
    let started = now_ns();
    let name = crate::corpus::path_text(root);
    // Skipped entries are named when first seen; the summary counts them all.
    let skipped: Vec<(String, String)> = scan
        .warnings
        .iter()
        .map(|w| (w.path.clone(), w.reason.clone()))
        .collect();
    let known_skips: rustc_hash::FxHashSet<&(String, String)> = cached
        .as_ref()
        .map(|c| c.0.head.skipped.iter().collect())
        .unwrap_or_default();
    let skips_changed = cached.as_ref().is_none_or(|c| c.0.head.skipped != skipped);
    let (dirs, complete) = (scan.dirs, scan.complete);
    // New directory times are written back, and so are times too close to
    // the last indexing to be trusted, which a new start time makes safe.
    let dirs_changed = cached.as_ref().is_none_or(|c| {
        c.0.head.dirs != dirs
            || c.0.head.complete != complete
            || dirs.iter().any(|d| d.1 >= c.0.head.started - RACY_NS)
    });
    let mut warnings: Vec<Warning> = scan
        .warnings
        .into_iter()
        .zip(&skipped)
        .filter(|(_, key)| !known_skips.contains(key))
        .map(|(w, _)| w)
        .collect();
    drop(known_skips);
    report.skipped = skipped.len();
    let plans = plan(&scan.files, cached.as_ref().map(|c| &c.0.head));
    let kept = plans.iter().filter(|p| **p != Plan::New).count();
    report.removed = cached.as_ref().map_or(0, |c| c.0.head.files.len() - kept);

    // Warm start: every file as cached, in the same order, none gone; files
    // whose times cannot be trusted are compared by content first.
    if let Some((c, _)) = &cached {
        let in_place = plans.len() == c.head.files.len()
            && plans
                .iter()
                .enumerate()
                .all(|(k, p)| matches!(p, Plan::Reuse(i) | Plan::Check(i) if *i == k));
        let hashes: Vec<Option<u64>> = if in_place {
            plans
                .par_iter()
                .zip(&scan.files)
                .enumerate()
                .map(|(k, (p, f))| match p {
                    Plan::Check(_) => {
                        let old = c.head.files.stat(k).2;
                        Some(
                            crate::corpus::read_article_file(&f.path)
                                .map_or(!old, |b| content_hash(&b)),
                        )
                    }
                    _ => None,
                })
                .collect()
        } else {
            Vec::new()
        };
        let unchanged = in_place
            && hashes
                .iter()
                .enumerate()
                .all(|(k, h)| h.is_none_or(|h| h == c.head.files.stat(k).2));
        if unchanged {
            report.reused = plans.len();
            let checked = hashes.iter().any(Option::is_some);
            // Only times (or skipped entries) changed: the cache is written
            // again with them, its detail section copied as it is.
            let rewrite = checked || skips_changed || dirs_changed;
            let raw_detail = rewrite.then(|| c.detail_bytes().to_vec());
            let raw_entities = rewrite.then(|| c.entity_bytes().to_vec());
            let (listing, lookup) = if rewrite {
                (
                    c.listing_bytes().to_vec().into(),
                    c.lookup_bytes().to_vec().into(),
                )
            } else {
                (Default::default(), Default::default())
            };
            let (map, range) = c.lookup_section();
            let name_index = super::StoredIndex::Mapped(map, range);
            let (Cache { mut head, .. }, listed) = cached.expect("checked");
            report.skipped += head.files.warned();
            if rewrite {
                head.skipped = skipped;
                head.dirs = dirs;
                head.complete = complete;
                // Every file was just found as cached (by time or content).
                head.started = started;
            }
            if checked {
                for (f, entry) in head.files.iter_mut().zip(&scan.files) {
                    f.mtime = entry.mtime;
                }
            }
            // The files' own warnings were said when they were analyzed.
            return Ok(Updated {
                head,
                names: NameTable::default(),
                detail: Vec::new(),
                raw_detail,
                raw_entities,
                listing,
                lookup,
                name_index,
                corpus: lazy_corpus(name, Articles::lazy(Box::new(listed)), warnings),
                changed: rewrite,
            });
        }
    }

    let extractor = extractor.get()?;
    let cached = cached.map(|(mut c, listed)| {
        listed.regroup(&mut c.head.files);
        c
    });
    let (old_files, names, old_detail) = match cached {
        Some(c) => match c.detail() {
            Ok((names, d)) => (c.head.files.into_vec(), names, d),
            Err(e) => {
                report.rebuilt_because = Some(e.to_string());
                (Vec::new(), NameTable::default(), Vec::new())
            }
        },
        None => (Vec::new(), NameTable::default(), Vec::new()),
    };
    let names = Mutex::new(names);
    let plans = if old_files.is_empty() {
        vec![Plan::New; scan.files.len()]
    } else {
        plans
    };
    let old_hashes: Vec<u64> = old_files.iter().map(|f| f.hash).collect();
    let mut old: Vec<Option<(CachedFile, FileDetail)>> =
        old_files.into_iter().zip(old_detail).map(Some).collect();

    let (to_read, bytes) = scan
        .files
        .iter()
        .zip(&plans)
        .filter(|(_, p)| !matches!(p, Plan::Reuse(_)))
        .fold((0, 0), |(n, b), (f, _)| (n + 1, b + f.size));
    progress.start(to_read, bytes);
    // A file not read because indexing was asked to stop is left out of
    // this index altogether, so that the next run reads it as new.
    let steps: Vec<Option<Option<Read>>> = scan
        .files
        .par_iter()
        .zip(&plans)
        .map(|(entry, plan)| {
            if matches!(plan, Plan::Reuse(_)) {
                return Some(None);
            }
            if progress.cancelled() {
                return None;
            }
            let read = match plan {
                Plan::Check(i) => read(entry, Some(old_hashes[*i]), extractor, &names),
                _ => read(entry, None, extractor, &names),
            };
            progress.file_done(entry.size);
            Some(Some(read))
        })
        .collect();
    report.left = steps.iter().filter(|s| s.is_none()).count();
    let mut files: Vec<&FileEntry> = Vec::with_capacity(scan.files.len());
    let mut states: Vec<FileState> = Vec::with_capacity(scan.files.len());
    for ((step, plan), entry) in steps.into_iter().zip(&plans).zip(&scan.files) {
        let Some(read) = step else {
            continue;
        };
        files.push(entry);
        states.push(match (read, plan) {
            (Some(Read::Analyzed(state)), _) => state,
            (Some(Read::Same { hash }), Plan::Check(i)) => {
                reuse(entry, old[*i].take().expect("planned once"), Some(hash))
            }
            (_, Plan::Reuse(i)) => reuse(entry, old[*i].take().expect("planned once"), None),
            (Some(Read::Same { .. }), _) => unreachable!("only checked files compare"),
            (None, _) => unreachable!("every file not reused is read"),
        });
    }

    // Names tagged twice anywhere, and in most of the articles that carry
    // them, are found again where the tagger missed them, in the files
    // analyzed now. Files from the cache bring the counts of the candidates
    // of their own time.
    let sum =
        |states: &[FileState]| lock(&names).sum_tallies(states.iter().map(|s| &s.detail.tally));
    progress.linking();
    let candidates = candidates(&sum(&states));
    // Only the (few) pending occurrences are kept between the passes, and
    // the mentions are expanded again when they are added to: that costs
    // less than holding every expanded article of a cold index at once. The
    // files are read again, and one that changed meanwhile is left as it
    // was analyzed (its new time makes the next run look at it).
    let mut pending: Vec<Vec<Vec<PendingFound>>> = states
        .par_iter_mut()
        .zip(&files)
        .map(|(s, entry)| {
            if !s.analyzed || candidates.is_empty() {
                return Vec::new();
            }
            let Some(again) = read_again(entry, s.key.hash) else {
                return Vec::new();
            };
            let mut own = NameTally::default();
            let out: Vec<_> = again
                .iter()
                .zip(&s.detail.mentions)
                .map(|(a, m)| {
                    let full = lock(&names).expand(m);
                    let p = extractor.known_occurrences(&paragraphs(a), &candidates, &full);
                    untagged_names(&full, &p, &mut own);
                    lock(&names).compact_pending(&p)
                })
                .collect();
            lock(&names).add_to_tally(&mut s.detail.tally, own);
            out
        })
        .collect();
    extractor.release_caches();
    let known = known_set(&sum(&states));
    states
        .par_iter_mut()
        .zip(&mut pending)
        .filter(|(s, _)| s.analyzed)
        .for_each(|(s, pending)| {
            for (m, p) in s.detail.mentions.iter_mut().zip(std::mem::take(pending)) {
                if !p.is_empty() {
                    let mut full = lock(&names).expand(m);
                    let p = lock(&names).expand_pending(&p);
                    if add_known(&known, p, &mut full) {
                        *m = lock(&names).compact(&full);
                    }
                }
            }
        });
    let mut names = names.into_inner().unwrap_or_else(PoisonError::into_inner);
    // Linking comes next, and is the peak of a large index's memory.
    drop((known, candidates, pending, old, old_hashes));

    report.processed = states.iter().filter(|s| s.analyzed).count();
    report.reused = states.len() - report.processed;
    report.bytes = states
        .iter()
        .filter(|s| s.analyzed)
        .map(|s| s.key.size)
        .sum();

    // Link the corpus in article order, lending each file's mentions.
    let mut articles = Vec::new();
    let mut mentions = Vec::new();
    let mut origin = Vec::new();
    for (k, s) in states.iter_mut().enumerate() {
        let path = crate::corpus::path_text(&files[k].path);
        report.skipped += usize::from(!s.key.warnings.is_empty());
        if s.analyzed {
            warnings.extend(s.key.warnings.iter().map(|w| warning(&path, w)));
        }
        for (r, m) in s.detail.mentions.iter_mut().enumerate() {
            mentions.push(std::mem::take(m));
            origin.push((k, r));
        }
        let path: std::sync::Arc<str> = path.into();
        // Taken, not copied: the listing section is all that keeps them.
        articles.extend(
            std::mem::take(&mut s.key.articles)
                .into_iter()
                .enumerate()
                .map(|(r, a)| a.into_article(path.clone(), r)),
        );
    }
    let (order, renamed) = sort_articles_renamed(&mut articles);
    let file_of: Vec<u32> = order.iter().map(|&i| origin[i].0 as u32).collect();
    let listing = std::sync::Arc::new(super::listing::encode(&articles, &file_of, &renamed));
    // The corpus lists from the section from now on: linking a large
    // archive is the peak of its memory, and the articles held twice
    // (decoded and encoded) were a tenth of it.
    drop((file_of, renamed, articles, files, plans));
    drop(scan.files);
    let mut sorted: Vec<Vec<Found>> = order
        .iter()
        .map(|&i| std::mem::take(&mut mentions[i]))
        .collect();
    let found: CorpusEntities = link(&names, &sorted, extractor);
    let lookup = std::sync::Arc::new(
        crate::search::NameIndex::build(&found.entities, &extractor.gazetteer).to_bytes(),
    );
    for (g, &i) in order.iter().enumerate() {
        let (k, r) = origin[i];
        states[k].detail.mentions[r] = std::mem::take(&mut sorted[g]);
    }

    let (files, mut detail): (Vec<CachedFile>, Vec<FileDetail>) =
        states.into_iter().map(|s| (s.key, s.detail)).unzip();
    let files: super::files::FileTable = files.into();
    let listed = Listing::open(listing.clone(), 0..listing.len(), files.rels(), root)
        .expect("a listing just encoded holds together");
    // Names (and keys) only removed or changed files used are not kept.
    names.retain_used(
        detail
            .iter_mut()
            .flat_map(|d| d.mentions.iter_mut().flatten()),
    );
    names.retain_used_keys(detail.iter_mut().map(|d| &mut d.tally));
    Ok(Updated {
        head: Head {
            started,
            files,
            found,
            skipped,
            dirs,
            complete,
        },
        names,
        detail,
        raw_detail: None,
        raw_entities: None,
        listing,
        name_index: super::StoredIndex::Encoded(lookup.clone()),
        lookup,
        corpus: lazy_corpus(name, Articles::lazy(Box::new(listed)), warnings),
        changed: true,
    })
}

/// The modification time recorded for a file that could not be read.
const UNREAD: i128 = i128::MIN;

fn plan(files: &[FileEntry], head: Option<&Head>) -> Vec<Plan> {
    let Some(head) = head else {
        return vec![Plan::New; files.len()];
    };
    let by_rel: rustc_hash::FxHashMap<&str, usize> = (0..head.files.len())
        .map(|i| (head.files.rel(i), i))
        .collect();
    files
        .iter()
        .map(|f| match by_rel.get(f.rel.as_str()) {
            Some(&i) => {
                let (size, mtime, _) = head.files.stat(i);
                if size == f.size && mtime == f.mtime && f.mtime < head.started - RACY_NS {
                    Plan::Reuse(i)
                } else {
                    Plan::Check(i)
                }
            }
            None => Plan::New,
        })
        .collect()
}

enum Read {
    /// Same content as the cached file.
    Same {
        hash: u64,
    },
    Analyzed(FileState),
}

/// Reads a file; unless its content hash matches the cached one, cleans it
/// and finds its mentions (not yet those of names known corpus-wide).
fn read(
    entry: &FileEntry,
    expect: Option<u64>,
    extractor: &Extractor,
    names: &Mutex<NameTable>,
) -> Read {
    let (bytes, failure) = match crate::corpus::read_article_file(&entry.path) {
        Ok(b) => (b, None),
        Err(e) => (Vec::new(), Some(format!("cannot read: {e}"))),
    };
    let hash = content_hash(&bytes);
    if failure.is_none() && expect == Some(hash) {
        return Read::Same { hash };
    }
    let failure_kept = failure.is_some();
    let file = match failure {
        Some(w) => crate::corpus::FileArticles {
            articles: Vec::new(),
            warnings: vec![warning(&crate::corpus::path_text(&entry.path), &w)],
        },
        None => read_bytes(&entry.path, &entry.rel, &bytes),
    };
    drop(bytes);
    let (mentions, tally) = extract(&file.articles, extractor);
    let (mentions, tally) = {
        let mut names = lock(names);
        let mentions = mentions.iter().map(|m| names.compact(m)).collect();
        (mentions, names.key_tally(tally))
    };
    Read::Analyzed(FileState {
        key: CachedFile {
            rel: entry.rel.clone(),
            size: entry.size,
            // A file that could not be read is not cached as it is: a time
            // no file has makes the next run try it again.
            mtime: if failure_kept { UNREAD } else { entry.mtime },
            hash,
            articles: file.articles.iter().map(CachedArticle::of).collect(),
            warnings: file.warnings.into_iter().map(|w| w.reason).collect(),
        },
        detail: FileDetail { mentions, tally },
        analyzed: true,
    })
}

/// The articles of a file read again, with their bodies, if its content is
/// still the one analyzed.
fn read_again(entry: &FileEntry, hash: u64) -> Option<Vec<Article>> {
    let bytes = crate::corpus::read_article_file(&entry.path).ok()?;
    (content_hash(&bytes) == hash).then(|| read_bytes(&entry.path, &entry.rel, &bytes).articles)
}

/// A cached file taken as it was (its time refreshed when only that changed).
fn reuse(
    entry: &FileEntry,
    (mut key, detail): (CachedFile, FileDetail),
    hash: Option<u64>,
) -> FileState {
    if hash.is_some() {
        key.mtime = entry.mtime;
        key.size = entry.size;
    }
    FileState {
        key,
        detail,
        analyzed: false,
    }
}

pub(super) fn warning(path: &str, reason: &str) -> Warning {
    Warning {
        path: path.to_owned(),
        reason: reason.to_owned(),
    }
}

fn lazy_corpus(name: String, articles: Articles, warnings: Vec<Warning>) -> Corpus {
    Corpus {
        name,
        articles,
        warnings,
        lazy: true,
    }
}

/// The name table; a panic elsewhere cannot leave it half-written (interning
/// is one push and one insert), so a poisoned lock is still usable.
fn lock(names: &Mutex<NameTable>) -> MutexGuard<'_, NameTable> {
    names.lock().unwrap_or_else(PoisonError::into_inner)
}

pub(super) fn now_ns() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}
