//! Whether a cached index still matches the files on disk, told without
//! walking the corpus: a `stat` of every file costs more than a whole
//! lookup on an archive of tens of thousands of articles.
//!
//! Adding, removing or renaming a file (which is also how most programs
//! save one) changes its directory's modification time, so the cached
//! directories' times vouch for the set of files. A file rewritten in place
//! changes only its own time; for those a budget of files is checked each
//! time: the most recently modified (where a scraper still writing would
//! be) and a window that moves with the clock, so that every file is looked
//! at within a few minutes of steady use. An edit in place to an old file
//! can thus go unseen for a while; `sahifa index` and `--refresh` look at
//! every file.

use std::path::Path;

use rayon::prelude::*;

use super::cache::Head;
use crate::corpus::{mtime_of, text_path, FileEntry, Scan, Warning};

/// What a probe found.
pub enum Vouch {
    /// Nothing changed and no time is too recent to trust: the cache is
    /// the index as it stands, with nothing to check or write.
    Settled,
    /// The walk's result as the cache has it, for the update to check the
    /// files whose times are too recent to trust.
    Scan(Scan),
}

/// A file or directory modified this close to the last indexing may have
/// changed after it was read without its time showing it (times are kept
/// in coarse ticks); such files are checked by content, such directories
/// walked again.
pub(super) const RACY_NS: i128 = 2_000_000_000;

/// Most recently modified files checked on every probe.
const RECENT: usize = 1024;
/// Files of the moving window checked on every probe.
const WINDOW: usize = 1024;
/// How long the window stays on one stretch of files, in seconds.
const WINDOW_SECONDS: i128 = 1;

/// Whether the directories' times and a budget of files (see the module's
/// note) say that a walk would find what the cache has; `None` when the
/// corpus must be walked.
pub fn probe(root: &Path, head: &Head, now: i128) -> Option<Vouch> {
    // A cache of an older layout, of a single file (one `stat` anyway), or
    // of a walk that could not read everything cannot vouch.
    if head.dirs.is_empty() || !head.complete {
        return None;
    }
    let trusted = head.started - RACY_NS;
    let dirs_same = head.dirs.par_iter().all(|(rel, mtime)| {
        *mtime < trusted
            && std::fs::metadata(root.join(text_path(rel)))
                .is_ok_and(|m| m.is_dir() && mtime_of(&m) == *mtime)
    });
    if !dirs_same {
        return None;
    }
    let same = |rel: &str, size: u64, mtime: i128| {
        std::fs::metadata(root.join(text_path(rel)))
            .is_ok_and(|m| m.is_file() && m.len() == size && mtime_of(&m) == mtime)
    };
    let table = &head.files;
    let checked = sample(table.len(), |i| table.mtime(i), now);
    if !checked.par_iter().all(|&i| {
        let (size, mtime, _) = table.stat(i);
        same(table.rel(i), size, mtime)
    }) {
        return None;
    }
    // Dirs were trusted above; files too recent are left to the update.
    if (0..table.len()).all(|i| table.mtime(i) < trusted) {
        return Some(Vouch::Settled);
    }
    let files: Vec<FileEntry> = (0..table.len())
        .into_par_iter()
        .map(|i| {
            let (size, mtime, _) = table.stat(i);
            FileEntry {
                path: root.join(text_path(table.rel(i))),
                rel: table.rel(i).to_owned(),
                size,
                mtime,
            }
        })
        .collect();
    Some(Vouch::Scan(Scan {
        files,
        warnings: head
            .skipped
            .iter()
            .map(|(path, reason)| Warning {
                path: path.clone(),
                reason: reason.clone(),
            })
            .collect(),
        dirs: head.dirs.clone(),
        complete: true,
    }))
}

/// The files a probe at time `now` checks, of `n` files with times
/// `mtime(i)`: all of a small corpus; else the most recently modified and
/// a window placed by the clock.
fn sample(n: usize, mtime: impl Fn(usize) -> i128, now: i128) -> Vec<usize> {
    if n <= RECENT + WINDOW {
        return (0..n).collect();
    }
    let mut by_time: Vec<(i128, usize)> = (0..n).map(|i| (mtime(i), i)).collect();
    by_time.select_nth_unstable_by(RECENT, |a, b| b.cmp(a));
    let mut out: Vec<usize> = by_time[..RECENT].iter().map(|&(_, i)| i).collect();
    let tick = (now / 1_000_000_000 / WINDOW_SECONDS).max(0) as usize;
    let from = tick.wrapping_mul(WINDOW) % n;
    out.extend((from..from + WINDOW).map(|i| i % n));
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_corpus_is_checked_whole() {
        assert_eq!(sample(10, |i| i as i128, 0), (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn the_newest_files_are_always_checked_and_the_window_covers_all() {
        let n = 20_000;
        let newest: Vec<usize> = (n - RECENT..n).collect();
        let mut seen = vec![false; n];
        for second in 0..(n / WINDOW + 1) {
            let s = sample(n, |i| i as i128, second as i128 * 1_000_000_000);
            assert!(s.len() <= RECENT + WINDOW);
            assert!(newest.iter().all(|i| s.binary_search(i).is_ok()));
            s.iter().for_each(|&i| seen[i] = true);
        }
        assert!(
            seen.iter().all(|&s| s),
            "every file within n / WINDOW seconds"
        );
    }
}
