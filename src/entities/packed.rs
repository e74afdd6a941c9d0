//! Lists of numbers stored as little-endian bytes in serde formats: one
//! copy to decode instead of a varint per number, which is what lets an index
//! of a million article numbers load in a millisecond.

use serde::{Deserializer, Serializer};

/// `#[serde(with = "packed::u32s")]` for `Vec<u32>`.
pub mod u32s {
    use super::*;

    /// Writes the numbers as 4 bytes each.
    pub fn serialize<S: Serializer>(v: &[u32], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
        serde_bytes::serialize(&bytes, s)
    }

    /// Reads numbers written by [`serialize`]; a length not a multiple of 4
    /// is an error.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u32>, D::Error> {
        super::numbers(d, |x| x)
    }
}

/// `#[serde(with = "packed::usizes")]` for `Vec<usize>` holding values that
/// fit in 32 bits (article numbers).
pub mod usizes {
    use super::*;

    /// Writes the numbers as 4 bytes each (values are below 2³²).
    pub fn serialize<S: Serializer>(v: &[usize], s: S) -> Result<S::Ok, S::Error> {
        let bytes: Vec<u8> = v.iter().flat_map(|&x| (x as u32).to_le_bytes()).collect();
        serde_bytes::serialize(&bytes, s)
    }

    /// Reads numbers written by [`serialize`].
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<usize>, D::Error> {
        super::numbers(d, |x| x as usize)
    }
}

/// Reads 4-byte numbers, borrowing the bytes from the input where the format
/// allows (postcard from a mapped cache: no copy before the one into the
/// list); a length not a multiple of 4 is an error.
fn numbers<'de, D: Deserializer<'de>, T>(d: D, each: fn(u32) -> T) -> Result<Vec<T>, D::Error> {
    let bytes: std::borrow::Cow<'de, [u8]> = serde_bytes::deserialize(d)?;
    if !bytes.len().is_multiple_of(4) {
        return Err(serde::de::Error::custom(
            "packed numbers of a broken length",
        ));
    }
    Ok(bytes
        .chunks_exact(4)
        .map(|c| each(u32::from_le_bytes([c[0], c[1], c[2], c[3]])))
        .collect())
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Both {
        #[serde(with = "super::u32s")]
        a: Vec<u32>,
        #[serde(with = "super::usizes")]
        b: Vec<usize>,
    }

    #[test]
    fn round_trip() {
        let v = Both {
            a: vec![0, 1, u32::MAX],
            b: vec![7, 300_000],
        };
        let bytes = postcard::to_stdvec(&v).unwrap();
        assert_eq!(postcard::from_bytes::<Both>(&bytes).unwrap(), v);
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(serde_json::from_str::<Both>(&json).unwrap(), v);
    }
}
