//! The files of an index's head, stored as columns (paths back to back,
//! then sizes, times and hashes), so that a warm start reads them in a few
//! passes instead of building one record, with its own allocations, per
//! file: on an archive of 30,000 files that was a sixth of a lookup.
//! A file's record is made whole only when an update asks for it.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::cache::CachedFile;
use crate::lazy_list::{LazyList, Source};

/// Paths under the corpus root, back to back.
#[derive(Debug, Default)]
pub struct Rels {
    text: Box<str>,
    /// Where each path ends in `text`: each on a character boundary, and
    /// none before the one ahead of it (checked when read).
    ends: Vec<u32>,
}

impl Rels {
    /// The paths of `rels`, in order.
    fn of<'a>(rels: impl Iterator<Item = &'a str>) -> Rels {
        let mut text = String::new();
        let mut ends = Vec::new();
        for rel in rels {
            text.push_str(rel);
            ends.push(text.len() as u32);
        }
        Rels {
            text: text.into(),
            ends,
        }
    }

    /// Path `i`; empty beyond the last.
    pub fn get(&self, i: usize) -> &str {
        let Some(&end) = self.ends.get(i) else {
            return "";
        };
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] as usize,
        };
        self.text.get(start..end as usize).unwrap_or("")
    }
}

/// The head's files as columns, one entry per file in each.
#[derive(Debug, Default)]
pub struct FileColumns {
    rels: Arc<Rels>,
    sizes: Vec<u64>,
    mtimes: Vec<i128>,
    hashes: Vec<u64>,
    /// The files with warnings (by index, ascending) and their warnings:
    /// few files have any.
    warnings: Vec<(u32, Vec<String>)>,
}

impl FileColumns {
    fn of(files: &[CachedFile]) -> FileColumns {
        FileColumns {
            rels: Arc::new(Rels::of(files.iter().map(|f| f.rel.as_str()))),
            sizes: files.iter().map(|f| f.size).collect(),
            mtimes: files.iter().map(|f| f.mtime).collect(),
            hashes: files.iter().map(|f| f.hash).collect(),
            warnings: files
                .iter()
                .enumerate()
                .filter(|(_, f)| !f.warnings.is_empty())
                .map(|(i, f)| (i as u32, f.warnings.clone()))
                .collect(),
        }
    }

    fn warnings_of(&self, i: usize) -> &[String] {
        self.warnings
            .binary_search_by_key(&(i as u32), |w| w.0)
            .map_or(&[], |k| &self.warnings[k].1)
    }
}

impl Source<CachedFile> for FileColumns {
    fn len(&self) -> usize {
        self.sizes.len()
    }

    fn item(&self, i: usize) -> CachedFile {
        CachedFile {
            rel: self.rels.get(i).to_owned(),
            size: self.sizes[i],
            mtime: self.mtimes[i],
            hash: self.hashes[i],
            articles: Vec::new(),
            warnings: self.warnings_of(i).to_vec(),
        }
    }
}

/// The files of a head, sorted by path: read as columns, made into
/// [`CachedFile`]s when an update needs them (see [`LazyList`]).
pub type FileTable = LazyList<CachedFile, FileColumns>;

impl LazyList<CachedFile, FileColumns> {
    /// The path of file `i`; empty beyond the last.
    pub fn rel(&self, i: usize) -> &str {
        match (self.undecoded(), self.decoded()) {
            (Some(c), _) => c.rels.get(i),
            (None, Some(all)) => all.get(i).map_or("", |f| f.rel.as_str()),
            (None, None) => "",
        }
    }

    /// Size, time and content hash of file `i` (`i < len()`).
    pub fn stat(&self, i: usize) -> (u64, i128, u64) {
        match (self.undecoded(), self.decoded()) {
            (Some(c), _) => (c.sizes[i], c.mtimes[i], c.hashes[i]),
            (None, Some(all)) => (all[i].size, all[i].mtime, all[i].hash),
            (None, None) => (0, 0, 0),
        }
    }

    /// The modification time of file `i` (`i < len()`).
    pub fn mtime(&self, i: usize) -> i128 {
        self.stat(i).1
    }

    /// How many files have warnings.
    pub fn warned(&self) -> usize {
        match (self.undecoded(), self.decoded()) {
            (Some(c), _) => c.warnings.len(),
            (_, all) => all
                .unwrap_or_default()
                .iter()
                .filter(|f| !f.warnings.is_empty())
                .count(),
        }
    }

    /// The paths, as the listing names its articles' files.
    pub fn rels(&self) -> Arc<Rels> {
        match (self.undecoded(), self.decoded()) {
            (Some(c), _) => c.rels.clone(),
            (_, all) => Arc::new(Rels::of(
                all.unwrap_or_default().iter().map(|f| f.rel.as_str()),
            )),
        }
    }
}

/// The columns as written: paths as text, numbers as little-endian bytes
/// (read back in one pass each, not number by number).
#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow)]
    rels: Cow<'a, str>,
    #[serde(borrow, with = "serde_bytes")]
    ends: Cow<'a, [u8]>,
    #[serde(borrow, with = "serde_bytes")]
    sizes: Cow<'a, [u8]>,
    #[serde(borrow, with = "serde_bytes")]
    mtimes: Cow<'a, [u8]>,
    #[serde(borrow, with = "serde_bytes")]
    hashes: Cow<'a, [u8]>,
    warnings: Vec<(u32, Vec<String>)>,
}

fn le_bytes<const N: usize, T: Copy>(values: &[T], to: impl Fn(T) -> [u8; N]) -> Vec<u8> {
    values.iter().flat_map(|&v| to(v)).collect()
}

/// The numbers in `bytes`, `None` unless they are `n` of `N` bytes each.
fn from_le<const N: usize, T>(
    bytes: &[u8],
    n: usize,
    from: impl Fn([u8; N]) -> T,
) -> Option<Vec<T>> {
    (bytes.len() == n.checked_mul(N)?).then(|| {
        bytes
            .chunks_exact(N)
            .map(|c| from(c.try_into().expect("N bytes")))
            .collect()
    })
}

/// `#[serde(with = "files")]`: a [`FileTable`] as columns.
pub fn serialize<S: Serializer>(table: &FileTable, s: S) -> Result<S::Ok, S::Error> {
    let built;
    let c = match table.undecoded() {
        Some(c) => c,
        None => {
            built = FileColumns::of(table);
            &built
        }
    };
    Stored {
        rels: Cow::Borrowed(&c.rels.text),
        ends: le_bytes(&c.rels.ends, u32::to_le_bytes).into(),
        sizes: le_bytes(&c.sizes, u64::to_le_bytes).into(),
        mtimes: le_bytes(&c.mtimes, i128::to_le_bytes).into(),
        hashes: le_bytes(&c.hashes, u64::to_le_bytes).into(),
        warnings: c.warnings.clone(),
    }
    .serialize(s)
}

/// Reads the columns [`serialize`] wrote, checking that they hold together
/// (a damaged cache is then rebuilt, never trusted into a panic).
pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<FileTable, D::Error> {
    let s = Stored::deserialize(d)?;
    columns(s).map_or_else(
        || {
            Err(serde::de::Error::custom(
                "the file table does not hold together",
            ))
        },
        |c| Ok(LazyList::lazy(Box::new(c))),
    )
}

fn columns(s: Stored<'_>) -> Option<FileColumns> {
    let n = s.ends.len() / 4;
    let ends = from_le(&s.ends, n, u32::from_le_bytes)?;
    let ends_sound = ends.iter().try_fold(0u32, |prev, &end| {
        (end >= prev && s.rels.is_char_boundary(end as usize)).then_some(end)
    });
    let warnings_sound = s.warnings.windows(2).all(|w| w[0].0 < w[1].0)
        && s.warnings.last().is_none_or(|w| (w.0 as usize) < n);
    (ends_sound.is_some() && warnings_sound).then_some(())?;
    Some(FileColumns {
        sizes: from_le(&s.sizes, n, u64::from_le_bytes)?,
        mtimes: from_le(&s.mtimes, n, i128::from_le_bytes)?,
        hashes: from_le(&s.hashes, n, u64::from_le_bytes)?,
        rels: Arc::new(Rels {
            text: s.rels.into_owned().into(),
            ends,
        }),
        warnings: s.warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rel: &str, warnings: &[&str]) -> CachedFile {
        CachedFile {
            rel: rel.to_owned(),
            size: rel.len() as u64,
            mtime: -(rel.len() as i128) * 1_000_000_007,
            hash: 7 * rel.len() as u64,
            articles: Vec::new(),
            warnings: warnings.iter().map(|w| w.to_string()).collect(),
        }
    }

    #[derive(Serialize, Deserialize)]
    struct Wrap(#[serde(with = "super")] FileTable);

    fn round_trip(t: &FileTable) -> FileTable {
        postcard::from_bytes::<Wrap>(&postcard::to_stdvec(&Wrap(t.clone())).unwrap())
            .unwrap()
            .0
    }

    #[test]
    fn files_read_back_as_columns_and_whole() {
        let files = vec![
            file("a/خبر.txt", &[]),
            file("b.jsonl", &["record 3: no text", "record 9: no text"]),
            file("", &[]),
            file("c/d.md", &["too large"]),
        ];
        let read = round_trip(&FileTable::from(files.clone()));
        assert!(read.decoded().is_none(), "read as columns");
        assert_eq!(read.len(), 4);
        assert_eq!(read.rel(0), "a/خبر.txt");
        assert_eq!(read.rel(2), "");
        assert_eq!(read.rel(4), "");
        assert_eq!(read.stat(1), (7, -7_000_000_049, 49));
        assert_eq!(read.warned(), 2);
        assert_eq!(read.rels().get(3), "c/d.md");
        assert_eq!(read.get(1).unwrap().into_owned(), files[1]);
        assert_eq!(read.into_vec(), files);
        assert_eq!(round_trip(&FileTable::default()).len(), 0);
    }

    #[test]
    fn columns_that_do_not_hold_together_are_refused() {
        let stored = |rels: &'static str, ends: &[u32], n: [usize; 3], warned: &[u32]| Stored {
            rels: rels.into(),
            ends: le_bytes(ends, u32::to_le_bytes).into(),
            sizes: vec![0; 8 * n[0]].into(),
            mtimes: vec![0; 16 * n[1]].into(),
            hashes: vec![0; 8 * n[2]].into(),
            warnings: warned.iter().map(|&i| (i, vec![])).collect(),
        };
        assert!(columns(stored("ab", &[1, 2], [2; 3], &[1])).is_some());
        let bad = [
            stored("ab", &[2, 1], [2; 3], &[]),
            stored("ab", &[1, 3], [2; 3], &[]),
            stored("خ", &[1], [1; 3], &[]),
            stored("a", &[1], [1, 0, 1], &[]),
            stored("a", &[1], [1, 1, 2], &[]),
            stored("a", &[1], [1; 3], &[1]),
            stored("ab", &[1, 2], [2; 3], &[1, 0]),
        ];
        for (k, s) in bad.into_iter().enumerate() {
            let bytes = postcard::to_stdvec(&s).unwrap();
            assert!(postcard::from_bytes::<Wrap>(&bytes).is_err(), "case {k}");
        }
        let mut odd = stored("ab", &[1, 2], [2; 3], &[]);
        odd.ends = vec![1, 0, 0, 0, 2, 0, 0].into(); // not whole numbers
        assert!(columns(odd).is_none());
    }
}
