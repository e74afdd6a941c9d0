//! Long lists stored as chunks encoded apart, so that reading them back is
//! spread over all cores: a warm start decodes every entity of the corpus
//! (tens of thousands, each with its spellings and articles), and a single
//! serde pass over them was most of its time.
//!
//! `#[serde(with = "chunked")]` on a `Vec<T>`: written as a list of byte
//! strings, each a postcard encoding of up to [`CHUNK`] items.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Items per chunk: enough that a chunk's decoding outweighs handing it to
/// a thread.
const CHUNK: usize = 2048;

#[derive(Serialize, Deserialize)]
struct Chunk<'a>(#[serde(borrow, with = "serde_bytes")] Cow<'a, [u8]>);

/// Writes the list as chunks.
pub fn serialize<T: Serialize, S: Serializer>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
    let chunks: Result<Vec<Chunk>, _> = v
        .chunks(CHUNK)
        .map(|c| postcard::to_stdvec(c).map(|b| Chunk(Cow::Owned(b))))
        .collect();
    chunks.map_err(serde::ser::Error::custom)?.serialize(s)
}

/// Reads a list written by [`serialize`], its chunks on all cores.
pub fn deserialize<'de, T, D>(d: D) -> Result<Vec<T>, D::Error>
where
    T: DeserializeOwned + Send,
    D: Deserializer<'de>,
{
    let chunks: Vec<Chunk<'de>> = Vec::deserialize(d)?;
    let decoded: Result<Vec<Vec<T>>, postcard::Error> = chunks
        .par_iter()
        .map(|c| postcard::from_bytes(&c.0))
        .collect();
    Ok(decoded
        .map_err(serde::de::Error::custom)?
        .into_iter()
        .flatten()
        .collect())
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Long {
        #[serde(with = "super")]
        items: Vec<(String, u32)>,
    }

    #[test]
    fn round_trip_over_several_chunks_and_none() {
        for n in [0, 1, super::CHUNK, 3 * super::CHUNK + 5] {
            let v = Long {
                items: (0..n).map(|i| (format!("اسم {i}"), i as u32)).collect(),
            };
            let bytes = postcard::to_stdvec(&v).unwrap();
            assert_eq!(postcard::from_bytes::<Long>(&bytes).unwrap(), v);
        }
        let mut bytes = postcard::to_stdvec(&Long {
            items: vec![("x".into(), 1)],
        })
        .unwrap();
        let last = bytes.len() - 1;
        bytes[last] = 0xff;
        assert!(
            postcard::from_bytes::<Long>(&bytes).is_err(),
            "a damaged chunk is an error"
        );
    }
}
