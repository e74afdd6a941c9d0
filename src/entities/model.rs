//! An averaged perceptron over hashed features, and its file format.
//!
//! Hand-written: the model is small (a weight vector per feature), training is
//! a few seconds on ANERcorp, and no maintained crate offers a sequence
//! perceptron with a stable on-disk format we could ship as data.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use thiserror::Error;

/// The tags, in BIO form over the corpus's four entity types.
pub const TAGS: [&str; 9] = [
    "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
];
/// Number of tags.
pub const N_TAGS: usize = TAGS.len();

/// Hashes a feature: template number and string parts, FNV-1a (64 bit). A
/// fixed hash, unlike std's, so saved models stay valid across builds.
pub fn feature(template: u8, parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    eat(template);
    for p in parts {
        for &b in p.as_bytes() {
            eat(b);
        }
        eat(0xff);
    }
    h
}

/// Keys are already hashes; hashing them again would only cost time.
#[derive(Default)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Weights = HashMap<u64, [f32; N_TAGS], BuildHasherDefault<PassThrough>>;

/// Why a model file could not be read.
#[derive(Debug, Error)]
pub enum ModelError {
    /// Wrong magic or version.
    #[error("not a sahifa NER model (bad header)")]
    BadHeader,
    /// The file ends early.
    #[error("truncated model file")]
    Truncated,
}

const MAGIC: &[u8; 12] = b"SAHIFA-NER\x00\x03";

/// The model format, the last byte of [`MAGIC`].
pub const FORMAT: u8 = MAGIC[11];
/// Weights are stored as i16 multiples of this.
const QUANTUM: f32 = 1.0 / 64.0;

/// A trained (or training) perceptron.
#[derive(Default)]
pub struct Perceptron {
    weights: Weights,
    /// Words seen in training, normalized, sorted, with how often each occurred,
    /// how often as part of a person's name and how often of a place's.
    pub vocabulary: Vec<(String, u32, u32, u32)>,
    // Averaging state, used only while training.
    totals: HashMap<(u64, usize), f64>,
    stamps: HashMap<(u64, usize), u64>,
    clock: u64,
}

impl Perceptron {
    /// Scores of each tag for a set of features.
    pub fn scores(&self, features: &[u64]) -> [f32; N_TAGS] {
        let mut s = [0f32; N_TAGS];
        for f in features {
            if let Some(w) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(w) {
                    *a += b;
                }
            }
        }
        s
    }

    /// The best tag for a set of features (ties go to the lower index, O first).
    pub fn predict(&self, features: &[u64]) -> usize {
        let s = self.scores(features);
        (0..N_TAGS).fold(0, |best, t| if s[t] > s[best] { t } else { best })
    }

    /// One perceptron update: towards `gold`, away from `guess`.
    pub fn update(&mut self, features: &[u64], gold: usize, guess: usize) {
        self.tick();
        if gold != guess {
            self.adjust(features, gold, 1.0);
            self.adjust(features, guess, -1.0);
        }
    }

    /// Moves `tag`'s weights of `features` by `delta`, for updates of whole
    /// tag sequences; [`Perceptron::tick`] counts the tokens between.
    pub fn adjust(&mut self, features: &[u64], tag: usize, delta: f32) {
        for &f in features {
            let w = self.weights.entry(f).or_insert([0.0; N_TAGS]);
            let key = (f, tag);
            let since = self.clock - self.stamps.get(&key).copied().unwrap_or(0);
            *self.totals.entry(key).or_insert(0.0) += f64::from(w[tag]) * since as f64;
            self.stamps.insert(key, self.clock);
            w[tag] += delta;
        }
    }

    /// Counts one token seen in training, for the averaging.
    pub fn tick(&mut self) {
        self.clock += 1;
    }

    /// Replaces each weight by its average over all updates, and drops weights
    /// too small to matter. Call once, after the last epoch.
    pub fn average(&mut self) {
        let clock = self.clock.max(1) as f64;
        for (f, w) in self.weights.iter_mut() {
            for (tag, wt) in w.iter_mut().enumerate() {
                let key = (*f, tag);
                let since = self.clock - self.stamps.get(&key).copied().unwrap_or(0);
                let total =
                    self.totals.get(&key).copied().unwrap_or(0.0) + f64::from(*wt) * since as f64;
                *wt = ((total / clock) as f32 / QUANTUM).round() * QUANTUM;
            }
        }
        self.weights.retain(|_, w| w.iter().any(|x| *x != 0.0));
        self.totals = HashMap::new();
        self.stamps = HashMap::new();
    }

    /// Number of features with weights.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model has no weights.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Serializes the model: header, sparse quantized weights sorted by key
    /// (so the bytes depend only on the weights), vocabulary.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        let mut keys: Vec<&u64> = self.weights.keys().collect();
        keys.sort();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            let w = &self.weights[k];
            out.extend_from_slice(&k.to_le_bytes());
            let mask: u16 = (0..N_TAGS)
                .filter(|&t| w[t] != 0.0)
                .fold(0, |m, t| m | (1 << t));
            out.extend_from_slice(&mask.to_le_bytes());
            for t in (0..N_TAGS).filter(|&t| w[t] != 0.0) {
                let q = (w[t] / QUANTUM)
                    .round()
                    .clamp(f32::from(i16::MIN), f32::from(i16::MAX)) as i16;
                out.extend_from_slice(&q.to_le_bytes());
            }
        }
        out.extend_from_slice(&(self.vocabulary.len() as u32).to_le_bytes());
        for (word, count, person, place) in &self.vocabulary {
            out.extend_from_slice(&(word.len() as u16).to_le_bytes());
            out.extend_from_slice(word.as_bytes());
            out.extend_from_slice(&count.to_le_bytes());
            out.extend_from_slice(&person.to_le_bytes());
            out.extend_from_slice(&place.to_le_bytes());
        }
        out
    }

    /// Reads a model written by [`Perceptron::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Perceptron, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadHeader);
        }
        let n = r.u32()? as usize;
        let mut weights = Weights::with_capacity_and_hasher(n, Default::default());
        for _ in 0..n {
            let key = u64::from_le_bytes(r.take(8)?.try_into().map_err(|_| ModelError::Truncated)?);
            let mask =
                u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated)?);
            let mut w = [0f32; N_TAGS];
            for (t, slot) in w.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    let q = i16::from_le_bytes(
                        r.take(2)?.try_into().map_err(|_| ModelError::Truncated)?,
                    );
                    *slot = f32::from(q) * QUANTUM;
                }
            }
            weights.insert(key, w);
        }
        let nv = r.u32()? as usize;
        let mut vocabulary = Vec::with_capacity(nv);
        for _ in 0..nv {
            let len = u16::from_le_bytes(r.take(2)?.try_into().map_err(|_| ModelError::Truncated)?)
                as usize;
            let word = std::str::from_utf8(r.take(len)?).map_err(|_| ModelError::Truncated)?;
            vocabulary.push((word.to_owned(), r.u32()?, r.u32()?, r.u32()?));
        }
        Ok(Perceptron {
            weights,
            vocabulary,
            ..Perceptron::default()
        })
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or(ModelError::Truncated)?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(
            self.take(4)?
                .try_into()
                .map_err(|_| ModelError::Truncated)?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        let mut p = Perceptron::default();
        let (a, b) = (feature(1, &["x"]), feature(1, &["y"]));
        for _ in 0..5 {
            let g = p.predict(&[a]);
            p.update(&[a], 1, g);
            let g = p.predict(&[b]);
            p.update(&[b], 3, g);
        }
        p.average();
        assert_eq!((p.predict(&[a]), p.predict(&[b])), (1, 3));
        p.vocabulary = vec![("كلمة".into(), 3, 1, 0)];
        let q = Perceptron::from_bytes(&p.to_bytes()).unwrap();
        assert_eq!((q.predict(&[a]), q.predict(&[b])), (1, 3));
        assert_eq!(q.vocabulary, p.vocabulary);
        assert!(Perceptron::from_bytes(b"nope").is_err());
        assert!(Perceptron::from_bytes(&p.to_bytes()[..20]).is_err());
    }

    #[test]
    fn feature_hash_is_stable() {
        assert_eq!(feature(0, &[]), 0xaf63_bd4c_8601_b7df);
        assert_ne!(feature(1, &["ab", "c"]), feature(1, &["a", "bc"]));
    }
}
