//! Listing a corpus directory's article files with their sizes and times,
//! reading no content: what an index cache compares against.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::load::{Format, LoadError, Warning, MAX_FILE_BYTES};

/// A file a corpus directory holds, as the walk found it.
#[derive(Debug, Clone)]
pub struct FileEntry {
    /// Path relative to the corpus root, with `/` separators.
    pub rel: String,
    /// The path to open.
    pub path: PathBuf,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch (0 if unknown).
    pub mtime: i128,
}

/// The article files under a corpus path, and what was skipped on the way.
#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Files in a supported format, sorted by relative path.
    pub files: Vec<FileEntry>,
    /// Unreadable entries, unsupported formats, oversized files.
    pub warnings: Vec<Warning>,
    /// Every directory walked (relative path, `""` for the root) with its
    /// modification time, sorted by path: adding, removing or renaming an
    /// entry changes its directory's time, so these tell whether a walk
    /// would find the same files without walking.
    pub dirs: Vec<(String, i128)>,
    /// Whether every directory and entry could be read (a walk with an
    /// unreadable part cannot be vouched for by directory times).
    pub complete: bool,
}

/// Lists a corpus path: a file, or a directory read recursively (hidden
/// entries skipped, symbolic links followed, sorted by name).
pub fn scan(root: &Path) -> Result<Scan, LoadError> {
    let meta = std::fs::metadata(root).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(root.to_path_buf()),
        _ => LoadError::Unreadable {
            path: root.to_path_buf(),
            source: e,
        },
    })?;
    let mut out = Scan {
        complete: true,
        ..Scan::default()
    };
    if meta.is_file() {
        let rel = root
            .file_name()
            .map(super::names::os_text)
            .unwrap_or_default();
        out.add(root.to_path_buf(), rel, &meta);
        return Ok(out);
    }
    out.dirs.push((String::new(), mtime_of(&meta)));
    walk(root, "", &[identity(&meta)], &mut out);
    out.dirs.sort();
    Ok(out)
}

/// Directories deeper than this below the root are skipped with a warning:
/// no news archive nests so deep, and a crafted one would cost time and
/// memory in every path built below it.
pub const MAX_DEPTH: usize = 64;

/// What identifies a directory whatever the path to it: device and inode
/// (on Unix), to tell a symbolic link loop without resolving paths.
type DirId = (u64, u64);

fn identity(meta: &std::fs::Metadata) -> DirId {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        (meta.dev(), meta.ino())
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        (0, 0)
    }
}

/// One directory: its files' metadata comes from the open directory (no
/// path lookup per file), its subdirectories are walked on all cores. A
/// warm start of a large corpus is mostly this.
fn walk(dir: &Path, rel: &str, ancestors: &[DirId], out: &mut Scan) {
    let entries = match std::fs::read_dir(dir) {
        Ok(d) => d,
        Err(e) => {
            out.complete = false;
            return out.warn(dir, format!("cannot read: {e}"));
        }
    };
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                out.complete = false;
                out.warn(dir, format!("cannot read: {e}"));
                continue;
            }
        };
        let name = super::names::os_text(&entry.file_name());
        if name.starts_with('.') {
            continue;
        }
        let child_rel = if rel.is_empty() {
            name.clone()
        } else {
            format!("{rel}/{name}")
        };
        let meta = match entry.file_type() {
            Ok(t) if t.is_symlink() => std::fs::metadata(entry.path()),
            _ => entry.metadata(),
        };
        match meta {
            Ok(m) if m.is_dir() => dirs.push((name, entry.path(), child_rel, m)),
            Ok(m) if m.is_file() => files.push((name, entry.path(), child_rel, m)),
            Ok(_) => {}
            Err(e) => {
                out.complete = false;
                out.warn(&entry.path(), format!("cannot read: {e}"));
            }
        }
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    dirs.sort_by(|a, b| a.0.cmp(&b.0));
    // Files of a directory come before its subdirectories' files.
    for (_, path, rel, meta) in files {
        out.add(path, rel, &meta);
    }
    let subs: Vec<Scan> = dirs
        .par_iter()
        .map(|(_, path, rel, meta)| {
            let id = &identity(meta);
            let mut sub = Scan {
                complete: true,
                ..Scan::default()
            };
            if cfg!(unix) && ancestors.contains(id) {
                sub.warn(path, "symbolic link loop, skipped");
            } else if ancestors.len() > MAX_DEPTH {
                sub.warn(
                    path,
                    format!("more than {MAX_DEPTH} directories deep, skipped"),
                );
            } else {
                let mut chain = ancestors.to_vec();
                chain.push(*id);
                sub.dirs.push((rel.clone(), mtime_of(meta)));
                walk(path, rel, &chain, &mut sub);
            }
            sub
        })
        .collect();
    for mut sub in subs {
        out.files.append(&mut sub.files);
        out.warnings.append(&mut sub.warnings);
        out.dirs.append(&mut sub.dirs);
        out.complete &= sub.complete;
    }
}

impl Scan {
    fn warn(&mut self, path: &Path, reason: impl Into<String>) {
        self.warnings.push(Warning {
            path: super::names::path_text(path),
            reason: reason.into(),
        });
    }

    fn add(&mut self, path: PathBuf, rel: String, meta: &std::fs::Metadata) {
        if Format::of(&rel).is_none() {
            return self.warn(
                &path,
                "not a supported format (.txt, .md, .json, .jsonl), skipped",
            );
        }
        if meta.len() > MAX_FILE_BYTES {
            let mb = meta.len() >> 20;
            return self.warn(
                &path,
                format!("{mb} MB is too large for an article, skipped"),
            );
        }
        self.files.push(FileEntry {
            rel,
            path,
            size: meta.len(),
            mtime: mtime_of(meta),
        });
    }
}

/// A file's or directory's modification time, nanoseconds since the epoch
/// (0 if unknown).
pub fn mtime_of(meta: &std::fs::Metadata) -> i128 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128)
}
