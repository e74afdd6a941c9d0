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

/// The walk's result as the cache has it, if the directories' times and a
/// budget of files (see the module's note) say that a walk would find the
/// same; `None` when the corpus must be walked.
pub fn probe(root: &Path, head: &Head, now: i128) -> Option<Scan> {
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
    let files: Vec<FileEntry> = head
        .files
        .par_iter()
        .map(|f| FileEntry {
            path: root.join(text_path(&f.rel)),
            rel: f.rel.clone(),
            size: f.size,
            mtime: f.mtime,
        })
        .collect();
    let same = |f: &FileEntry| {
        std::fs::metadata(&f.path)
            .is_ok_and(|m| m.is_file() && m.len() == f.size && mtime_of(&m) == f.mtime)
    };
    if !sample(&files, now).par_iter().all(|&i| same(&files[i])) {
        return None;
    }
    Some(Scan {
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
    })
}

/// The files a probe at time `now` checks: all of a small corpus; else the
/// most recently modified and a window placed by the clock.
fn sample(files: &[FileEntry], now: i128) -> Vec<usize> {
    let n = files.len();
    if n <= RECENT + WINDOW {
        return (0..n).collect();
    }
    let mut by_time: Vec<(i128, usize)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.mtime, i))
        .collect();
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

    fn entries(n: usize) -> Vec<FileEntry> {
        (0..n)
            .map(|i| FileEntry {
                rel: format!("{i}.txt"),
                path: format!("{i}.txt").into(),
                size: 1,
                mtime: i as i128,
            })
            .collect()
    }

    #[test]
    fn a_small_corpus_is_checked_whole() {
        assert_eq!(sample(&entries(10), 0), (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn the_newest_files_are_always_checked_and_the_window_covers_all() {
        let files = entries(20_000);
        let newest: Vec<usize> = (20_000 - RECENT..20_000).collect();
        let mut seen = vec![false; files.len()];
        for second in 0..(20_000 / WINDOW + 1) {
            let s = sample(&files, second as i128 * 1_000_000_000);
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
