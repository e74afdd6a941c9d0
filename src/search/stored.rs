//! The name index as bytes, kept in the index cache: normalizing and
//! reducing a hundred thousand names to skeletons takes longer than the
//! rest of a warm start, and the index only changes with the entities.
//!
//! Fixed-size little-endian records, decoded with one pass per table and
//! checked as they are: a damaged table is `None`, and the index is then
//! built from the entities.

use std::borrow::Cow;

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::{Deserialize, Serialize};

use super::index::{Name, NameIndex, Word, SKELETON};
use crate::entities::Kind;

/// Bytes of one stored word: at, len, skeleton, skeleton_len, first,
/// particle.
const WORD: usize = 4 + 2 + SKELETON + 1 + 4 + 1;
/// Bytes of one stored name: entity, first_word, words, english (or
/// `u32::MAX`).
const NAME: usize = 4 + 4 + 1 + 4;

#[derive(Serialize, Deserialize)]
struct Stored<'a> {
    #[serde(borrow, with = "serde_bytes")]
    names: Cow<'a, [u8]>,
    #[serde(borrow, with = "serde_bytes")]
    words: Cow<'a, [u8]>,
    #[serde(borrow, with = "serde_bytes")]
    chars: Cow<'a, [u8]>,
    #[serde(borrow, with = "serde_bytes")]
    kinds: Cow<'a, [u8]>,
    english: Vec<String>,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

impl NameIndex {
    /// The index as bytes for the cache.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut names = Vec::with_capacity(self.names.len() * NAME);
        for n in &self.names {
            names.extend_from_slice(&n.entity.to_le_bytes());
            names.extend_from_slice(&n.first_word.to_le_bytes());
            names.push(n.words);
            names.extend_from_slice(&n.english.unwrap_or(u32::MAX).to_le_bytes());
        }
        let mut words = Vec::with_capacity(self.words.len() * WORD);
        for w in &self.words {
            words.extend_from_slice(&w.at.to_le_bytes());
            words.extend_from_slice(&w.len.to_le_bytes());
            words.extend_from_slice(&w.skeleton);
            words.push(w.skeleton_len);
            words.extend_from_slice(&u32::from(w.first).to_le_bytes());
            words.push(u8::from(w.particle));
        }
        let chars: Vec<u8> = self
            .chars
            .iter()
            .flat_map(|&c| u32::from(c).to_le_bytes())
            .collect();
        let stored = Stored {
            names: Cow::Owned(names),
            words: Cow::Owned(words),
            chars: Cow::Owned(chars),
            kinds: self.kinds.iter().map(|&k| k as u8).collect(),
            english: self.english.clone(),
        };
        postcard::to_stdvec(&stored).expect("in-memory encoding cannot fail")
    }

    /// The index stored by [`NameIndex::to_bytes`] for `entities` entities;
    /// `None` when the bytes are damaged or are for another number.
    pub fn from_bytes(bytes: &[u8], entities: usize) -> Option<NameIndex> {
        let s: Stored = postcard::from_bytes(bytes).ok()?;
        let kinds: Vec<Kind> = s
            .kinds
            .iter()
            .map(|&k| match k {
                0 => Some(Kind::Person),
                1 => Some(Kind::Place),
                _ => None,
            })
            .collect::<Option<_>>()?;
        if kinds.len() != entities
            || !s.chars.len().is_multiple_of(4)
            || !s.words.len().is_multiple_of(WORD)
            || !s.names.len().is_multiple_of(NAME)
        {
            return None;
        }
        let chars: Vec<char> = s
            .chars
            .chunks_exact(4)
            .map(|c| char::from_u32(u32_at(c, 0)))
            .collect::<Option<_>>()?;
        let words: Vec<Word> = s
            .words
            .chunks_exact(WORD)
            .map(|b| {
                let w = Word {
                    at: u32_at(b, 0),
                    len: u16::from_le_bytes([b[4], b[5]]),
                    skeleton: b[6..6 + SKELETON].try_into().expect("skeleton bytes"),
                    skeleton_len: b[6 + SKELETON],
                    first: char::from_u32(u32_at(b, 7 + SKELETON))?,
                    particle: b[11 + SKELETON] == 1,
                };
                let fits = w.at as usize + usize::from(w.len) <= chars.len()
                    && usize::from(w.skeleton_len) <= SKELETON;
                fits.then_some(w)
            })
            .collect::<Option<_>>()?;
        let names: Vec<Name> = s
            .names
            .chunks_exact(NAME)
            .map(|b| {
                let english = u32_at(b, 9);
                let n = Name {
                    entity: u32_at(b, 0),
                    first_word: u32_at(b, 4),
                    words: b[8],
                    english: (english != u32::MAX).then_some(english),
                };
                let fits = (n.entity as usize) < entities
                    && n.first_word as usize + usize::from(n.words) <= words.len()
                    && n.english.is_none_or(|e| (e as usize) < s.english.len());
                fits.then_some(n)
            })
            .collect::<Option<_>>()?;
        Some(NameIndex {
            names,
            words,
            chars,
            english: s.english,
            kinds,
            matcher: SkimMatcherV2::default(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::gazetteer::Gazetteer;
    use crate::entities::Entity;

    fn entity(kind: Kind, name: &str) -> Entity {
        Entity {
            kind,
            name: name.to_owned(),
            variants: vec![name.to_owned()],
            articles: vec![0],
            mentions: 1,
        }
    }

    #[test]
    fn a_stored_index_answers_as_the_one_it_was_made_from() {
        let entities = [
            entity(Kind::Person, "سيرغي لافروف"),
            entity(Kind::Person, "عبد الفتاح السيسي"),
            entity(Kind::Place, "القاهرة"),
            entity(Kind::Place, "موسكو"),
        ];
        let built = NameIndex::build(&entities, &Gazetteer::builtin());
        let bytes = built.to_bytes();
        let stored = NameIndex::from_bytes(&bytes, entities.len()).unwrap();
        for q in ["lavrov", "al-sisi", "cairo", "moscow", "القاهره", "لافروف"] {
            assert_eq!(stored.search(q, None), built.search(q, None), "{q}");
            assert!(!stored.search(q, None).is_empty(), "{q}");
        }
        assert!(NameIndex::from_bytes(&bytes, 3).is_none(), "another corpus");
        assert!(NameIndex::from_bytes(&bytes[..bytes.len() / 2], 4).is_none());
        assert!(NameIndex::from_bytes(b"\xff\xff\xff", 4).is_none());
    }
}
