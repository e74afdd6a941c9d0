//! File names that are not UTF-8 (an archive copied from Windows, names in
//! windows-1256) kept exactly: each byte that is not part of valid UTF-8 is
//! carried in a string as a character of a private-use plane
//! (U+10FF00 + byte), as Python's surrogateescape does with surrogates, which
//! Rust strings cannot hold. The name can then be stored, compared and
//! turned back into the same bytes to open the file, and [`shown_name`]
//! writes such bytes as `\xNN`.
//!
//! [`shown_name`]: super::shown_name

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The first character that stands for a raw byte.
const RAW_BYTE: u32 = 0x10_FF00;

/// The byte a character stands for, if it is one of ours.
pub fn raw_byte(c: char) -> Option<u8> {
    let n = u32::from(c);
    (RAW_BYTE..RAW_BYTE + 256)
        .contains(&n)
        .then(|| (n - RAW_BYTE) as u8)
}

/// A file name or path as a string, losing nothing.
pub fn os_text(name: &OsStr) -> String {
    if let Some(s) = name.to_str() {
        return s.to_owned();
    }
    let bytes = name.as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len() + 8);
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for &b in chunk.invalid() {
            out.push(char::from_u32(RAW_BYTE + u32::from(b)).expect("a valid scalar"));
        }
    }
    out
}

/// A path as a string, losing nothing (see [`os_text`]).
pub fn path_text(path: &Path) -> String {
    os_text(path.as_os_str())
}

/// The path a string of [`path_text`] stands for.
pub fn text_path(text: &str) -> PathBuf {
    if !text.chars().any(|c| raw_byte(c).is_some()) {
        return PathBuf::from(text);
    }
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        match raw_byte(c) {
            Some(b) => bytes.push(b),
            None => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(OsString::from_vec(bytes))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn windows_1256_names_round_trip() {
        use std::os::unix::ffi::OsStrExt;
        // "خبر.txt" in windows-1256.
        let raw = OsStr::from_bytes(b"dir/\xce\xc8\xd1.txt");
        let text = os_text(raw);
        assert!(text.starts_with("dir/") && text.ends_with(".txt"));
        assert_eq!(text_path(&text).as_os_str(), raw);
        assert_eq!(super::super::shown_name(&text), "dir/\\xCE\\xC8\\xD1.txt");
        assert_eq!(os_text(OsStr::new("نص.txt")), "نص.txt");
    }
}
