//! Atomic file writes: a temporary file beside the target, then a rename, so
//! that a crash leaves the old file or the new one, never half of one.
//!
//! The temporary file has an unpredictable name and is created exclusively
//! (tempfile: `O_CREAT|O_EXCL`, mode 0600), so a symbolic link planted in
//! the directory is never followed. Directories sahifa creates are 0700, as
//! the XDG base directory specification asks; temporary files older than an
//! hour, left by a process killed mid-write, are removed.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// The prefix of sahifa's temporary files, to recognise stale ones.
const TEMP_PREFIX: &str = ".sahifa-tmp-";

/// How old a temporary file must be to count as left by a crash.
const STALE: Duration = Duration::from_secs(3600);

/// Writes `bytes` to `path` atomically, creating the parent directory (0700).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |w| w.write_all(bytes))
}

/// [`write_atomic`] for content written piece by piece (through a buffer),
/// so that a large file need not be assembled in memory first.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    create_private_dir(dir)?;
    remove_stale_temps(dir);
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .tempfile_in(dir)?;
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, tmp.as_file_mut());
        write(&mut buffered)?;
        buffered.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Creates a directory and its missing parents with mode 0700 (on Unix).
pub fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Removes sahifa's temporary files older than [`STALE`] from `dir`.
fn remove_stale_temps(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        if !entry.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| now.duration_since(t).is_ok_and(|age| age > STALE));
        if old {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/state.json");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"two");
        assert_eq!(
            std::fs::read_dir(p.parent().unwrap()).unwrap().count(),
            1,
            "no temporary file left"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(p.parent().unwrap()), 0o700);
            assert_eq!(mode(&p), 0o600);
        }
    }

    #[cfg(unix)]
    #[test]
    fn planted_links_are_not_followed_and_stale_temps_go() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, b"keep").unwrap();
        // The old predictable name, and a stale temporary file of ours.
        let p = dir.path().join("state.json");
        std::os::unix::fs::symlink(
            &victim,
            dir.path()
                .join(format!(".state.json.{}.tmp", std::process::id())),
        )
        .unwrap();
        let stale = dir.path().join(format!("{TEMP_PREFIX}old"));
        let f = std::fs::File::create(&stale).unwrap();
        f.set_modified(SystemTime::now() - 2 * STALE).unwrap();
        let fresh = dir.path().join(format!("{TEMP_PREFIX}new"));
        std::fs::write(&fresh, b"").unwrap();
        write_atomic(&p, b"new").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
        assert_eq!(std::fs::read(&p).unwrap(), b"new");
        assert!(
            !stale.exists(),
            "a temporary file left by a crash is removed"
        );
        assert!(
            fresh.exists(),
            "another process's write in progress is left alone"
        );
    }
}
