//! Reading state, per corpus: which articles were read, which are
//! bookmarked, and where the reader was. Written atomically; a file that
//! cannot be read is moved aside with a warning, never silently emptied.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::write_atomic;

/// The format version written; others are moved aside.
const VERSION: u32 = 1;

/// Where the reader was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// The article's id.
    pub id: String,
    /// First line shown.
    pub scroll: usize,
}

/// What the user has done with a corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadingState {
    version: u32,
    /// Ids of the articles opened.
    pub read: BTreeSet<String>,
    /// Ids of the bookmarked articles.
    pub bookmarks: BTreeSet<String>,
    /// The last article opened.
    pub last: Option<Position>,
}

impl Default for ReadingState {
    fn default() -> ReadingState {
        ReadingState {
            version: VERSION,
            read: BTreeSet::new(),
            bookmarks: BTreeSet::new(),
            last: None,
        }
    }
}

/// The state file of a corpus (named by a stable hash of its path).
pub fn state_file(state_dir: &Path, corpus: &str) -> PathBuf {
    let hash = crate::entities::model::feature(0, &[corpus]);
    state_dir.join(format!("state-{hash:016x}.json"))
}

impl ReadingState {
    /// Reads the state; a missing file is a fresh state; an unreadable one is
    /// moved aside (`NAME.corrupt`) and the warning says so.
    pub fn load(path: &Path) -> (ReadingState, Option<String>) {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (ReadingState::default(), None)
            }
            Err(e) => {
                return (
                    ReadingState::default(),
                    Some(format!(
                        "{}: cannot read reading state: {e}",
                        path.display()
                    )),
                )
            }
        };
        match serde_json::from_slice::<ReadingState>(&bytes) {
            Ok(s) if s.version == VERSION => (s, None),
            other => {
                let why = match other {
                    Ok(s) => format!("format version {} is not {VERSION}", s.version),
                    Err(e) => e.to_string(),
                };
                let aside = path.with_extension("json.corrupt");
                let moved = std::fs::rename(path, &aside).is_ok();
                let what = if moved {
                    format!("moved aside to {}", aside.display())
                } else {
                    "left in place".to_owned()
                };
                (
                    ReadingState::default(),
                    Some(format!(
                        "{}: reading state unreadable ({why}); {what}, starting afresh",
                        path.display()
                    )),
                )
            }
        }
    }

    /// Writes the state atomically.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let bytes = serde_json::to_vec_pretty(self).map_err(std::io::Error::other)?;
        write_atomic(path, &bytes)
    }

    /// What `self` (a session's state, begun from `base`) makes of `disk`
    /// (the file as another session may have left it since): marks and
    /// bookmarks this session added or removed are applied to the file's,
    /// and the last position is this session's.
    pub fn merged_into(&self, base: &ReadingState, disk: &ReadingState) -> ReadingState {
        let apply = |mine: &BTreeSet<String>, was: &BTreeSet<String>, theirs: &BTreeSet<String>| {
            let mut out: BTreeSet<String> = theirs.difference(&(was - mine)).cloned().collect();
            out.extend(mine.difference(was).cloned());
            out
        };
        ReadingState {
            version: VERSION,
            read: apply(&self.read, &base.read, &disk.read),
            bookmarks: apply(&self.bookmarks, &base.bookmarks, &disk.bookmarks),
            last: self.last.clone().or_else(|| disk.last.clone()),
        }
    }
}

/// A corpus's state file as one reader session sees it: saves merge with
/// what other sessions wrote meanwhile, under an advisory lock, so that two
/// readers on one corpus both keep their marks.
pub struct StateFile {
    path: PathBuf,
    /// The state as this session last read or wrote it.
    base: ReadingState,
}

impl StateFile {
    /// Opens the state file at `path`; the warning says what was wrong with
    /// a bad one (it was moved aside).
    pub fn open(path: PathBuf) -> (StateFile, Option<String>) {
        let (base, warning) = ReadingState::load(&path);
        (StateFile { path, base }, warning)
    }

    /// The state the session starts from.
    pub fn state(&self) -> &ReadingState {
        &self.base
    }

    /// Saves `current`, merged with the file as it is now.
    pub fn save(&mut self, current: &ReadingState) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        super::atomic::create_private_dir(dir)?;
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.path.with_extension("lock"))?;
        lock.lock()?;
        // A file another session made unreadable is not merged with (load
        // has moved it aside and said so; here there is no one to say it to).
        let (disk, _) = ReadingState::load(&self.path);
        let merged = current.merged_into(&self.base, &disk);
        merged.save(&self.path)?;
        self.base = merged;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: &[&str]) -> BTreeSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn merging_keeps_both_sessions_changes() {
        let base = ReadingState {
            read: set(&["a"]),
            bookmarks: set(&["a", "b"]),
            ..ReadingState::default()
        };
        // This session read c and unbookmarked b; the other read d and
        // bookmarked e meanwhile.
        let mine = ReadingState {
            read: set(&["a", "c"]),
            bookmarks: set(&["a"]),
            last: Some(Position {
                id: "c".into(),
                scroll: 3,
            }),
            ..ReadingState::default()
        };
        let disk = ReadingState {
            read: set(&["a", "d"]),
            bookmarks: set(&["a", "b", "e"]),
            ..ReadingState::default()
        };
        let m = mine.merged_into(&base, &disk);
        assert_eq!(m.read, set(&["a", "c", "d"]));
        assert_eq!(m.bookmarks, set(&["a", "e"]));
        assert_eq!(m.last.unwrap().id, "c");
    }

    #[test]
    fn two_sessions_on_one_file_both_keep_their_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = state_file(dir.path(), "/srv/news");
        let (mut one, _) = StateFile::open(path.clone());
        let (mut two, _) = StateFile::open(path.clone());
        let mut a = one.state().clone();
        a.read.insert("x".into());
        let mut b = two.state().clone();
        b.read.insert("y".into());
        one.save(&a).unwrap();
        two.save(&b).unwrap();
        one.save(&a).unwrap();
        assert_eq!(ReadingState::load(&path).0.read, set(&["x", "y"]));
    }

    #[test]
    fn round_trip_and_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let path = state_file(dir.path(), "/srv/news");
        assert_eq!(ReadingState::load(&path), (ReadingState::default(), None));
        let mut s = ReadingState::default();
        s.read.insert("a/1".into());
        s.bookmarks.insert("a/2".into());
        s.last = Some(Position {
            id: "a/1".into(),
            scroll: 7,
        });
        s.save(&path).unwrap();
        assert_eq!(ReadingState::load(&path).0, s);
        std::fs::write(&path, b"\x00garbage{").unwrap();
        let (fresh, warning) = ReadingState::load(&path);
        assert_eq!(fresh, ReadingState::default());
        assert!(warning.unwrap().contains("moved aside"));
        assert_eq!(
            std::fs::read(path.with_extension("json.corrupt")).unwrap(),
            b"\x00garbage{",
            "the old file is kept"
        );
        assert_ne!(state_file(dir.path(), "/a"), state_file(dir.path(), "/b"));
    }
}
