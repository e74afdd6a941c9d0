//! Byte-level decoding of article files: BOM sniffing, UTF-8, UTF-16 and the
//! windows-1256 fallback that older Arabic sites still serve.

use thiserror::Error;

/// The encoding a file was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 (either endianness), recognised by its byte-order mark.
    Utf16,
    /// Windows code page 1256 (Arabic), used when the bytes are not UTF-8.
    Windows1256,
}

/// Why a file's bytes could not be turned into text.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// The file holds no bytes, or only a byte-order mark and white space.
    #[error("empty file")]
    Empty,
    /// NUL bytes or mostly non-text bytes: not an article.
    #[error("binary file, not text")]
    Binary,
    /// A byte-order mark promised UTF-16 but the content is malformed.
    #[error("malformed UTF-16")]
    BadUtf16,
    /// Neither UTF-8 nor plausible windows-1256 text.
    #[error("not UTF-8, UTF-16 or windows-1256 text")]
    Undecodable,
}

/// Decodes a file's bytes into text, reporting which encoding was used.
///
/// UTF-16 needs a BOM. Without one, bytes that are not valid UTF-8 are read as
/// windows-1256 (every byte maps to something there, so the result is checked
/// for plausibility: mostly letters, spaces and punctuation, few controls).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
            let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
            if had_errors {
                return Err(DecodeError::BadUtf16);
            }
            return non_empty(text.into_owned(), Encoding::Utf16);
        }
        return decode_unmarked(&bytes[bom_len..]);
    }
    decode_unmarked(bytes)
}

fn decode_unmarked(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => non_empty(text.to_owned(), Encoding::Utf8),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1256.decode(bytes);
            if !plausible_text(&text) {
                return Err(if looks_binary(bytes) {
                    DecodeError::Binary
                } else {
                    DecodeError::Undecodable
                });
            }
            non_empty(text.into_owned(), Encoding::Windows1256)
        }
    }
}

fn non_empty(text: String, enc: Encoding) -> Result<(String, Encoding), DecodeError> {
    if text.trim().is_empty() {
        Err(DecodeError::Empty)
    } else {
        Ok((text, enc))
    }
}

/// Text is plausible when control characters (other than line ends and tabs) are
/// rare and letters make up a fair share of what is not white space.
fn plausible_text(text: &str) -> bool {
    let (mut total, mut controls, mut letters) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if c.is_whitespace() {
            continue;
        }
        total += 1;
        if c.is_control() {
            controls += 1;
        } else if ('\u{0621}'..='\u{064A}').contains(&c) || c.is_alphabetic() {
            letters += 1;
        }
    }
    total > 0 && controls * 100 <= total && letters * 2 >= total
}

fn looks_binary(bytes: &[u8]) -> bool {
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t'))
        .count();
    controls * 20 > bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("سلام".as_bytes()).unwrap(),
            ("سلام".into(), Encoding::Utf8)
        );
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend_from_slice("سلام".as_bytes());
        assert_eq!(decode(&b).unwrap().0, "سلام");
    }

    #[test]
    fn utf16_both_endians() {
        let text = "دمشق\r\n";
        let mut le = vec![0xff, 0xfe];
        let mut be = vec![0xfe, 0xff];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&le).unwrap(), (text.into(), Encoding::Utf16));
        assert_eq!(decode(&be).unwrap(), (text.into(), Encoding::Utf16));
        assert_eq!(decode(&le[..le.len() - 1]), Err(DecodeError::BadUtf16));
    }

    #[test]
    fn windows_1256() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode("مفاوضات أستانة في كازاخستان");
        let (text, enc) = decode(&bytes).unwrap();
        assert_eq!(text, "مفاوضات أستانة في كازاخستان");
        assert_eq!(enc, Encoding::Windows1256);
    }

    #[test]
    fn rejects_empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf  \n"), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(DecodeError::Binary)
        );
        let noise: Vec<u8> = (0..4000u32).map(|i| (i * 7919 % 251) as u8 | 1).collect();
        assert!(decode(&noise).is_err());
    }
}
