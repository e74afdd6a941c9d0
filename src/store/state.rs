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
}

#[cfg(test)]
mod tests {
    use super::*;

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
