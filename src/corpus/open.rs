//! Reading one article file without trusting what the directory said of it.
//!
//! Between the scan and the read a file can be replaced by a FIFO (an open
//! for reading would wait for a writer forever), and a file whose size
//! reads as 0 can be endless (`/proc/self/pagemap` through a symlink). So
//! the file is opened non-blocking, checked to be a regular file on the
//! opened descriptor, and read only up to the size limit.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// Files larger than this are not articles (and would cost the reader memory).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The bytes of a regular file of at most [`MAX_FILE_BYTES`].
pub fn read_article_file(path: &Path) -> io::Result<Vec<u8>> {
    let file = open_regular(path)?;
    let hint = file.metadata().map_or(0, |m| m.len().min(MAX_FILE_BYTES));
    let mut bytes = Vec::with_capacity(hint as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(io::Error::other(format!(
            "more than {} MB, too large for an article",
            MAX_FILE_BYTES >> 20
        )));
    }
    Ok(bytes)
}

/// Opens `path` for reading if it is a regular file, never blocking.
fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        libc::O_NONBLOCK | libc::O_NOCTTY,
    );
    let file = options.open(path)?;
    let kind = file.metadata()?.file_type();
    if !kind.is_file() {
        return Err(io::Error::other(format!(
            "not a regular file ({})",
            describe(kind)
        )));
    }
    Ok(file)
}

fn describe(kind: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "not a file"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn fifos_and_endless_files_are_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("a.txt");
        let c = std::ffi::CString::new(fifo.to_str().unwrap()).unwrap();
        // SAFETY: a valid, NUL-terminated path.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let e = read_article_file(&fifo).unwrap_err();
        assert!(e.to_string().contains("FIFO"), "{e}");
        if Path::new("/dev/zero").exists() {
            let e = read_article_file(Path::new("/dev/zero")).unwrap_err();
            assert!(e.to_string().contains("device"), "{e}");
        }
        let dir_err = read_article_file(dir.path()).unwrap_err();
        assert!(dir_err.to_string().contains("directory"), "{dir_err}");
    }

    #[test]
    fn regular_files_are_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "نص").unwrap();
        assert_eq!(read_article_file(&p).unwrap(), "نص".as_bytes());
    }
}
