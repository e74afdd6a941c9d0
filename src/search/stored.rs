//! The name index as bytes, kept in the index cache: normalizing and
//! reducing a hundred thousand names to skeletons takes longer than the
//! rest of a warm start, and the index only changes with the entities.
//!
//! Fixed-size little-endian records, decoded with one pass per table and
//! checked as they are: a damaged table is `None`, and the index is then
//! built from the entities.

use fuzzy_matcher::skim::SkimMatcherV2;

use super::index::{Name, NameIndex, Word, SKELETON};
use crate::entities::Kind;

/// Bytes of one stored word: at, len, skeleton, skeleton_len, first,
/// particle.
const WORD: usize = 4 + 2 + SKELETON + 1 + 4 + 1;
/// Bytes of one stored name: entity, first_word, words, english (or
/// `u32::MAX`).
const NAME: usize = 4 + 4 + 1 + 4;

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

/// Splits the next table off `bytes`: a count (u32), then `count * size`
/// bytes.
fn table<'a>(bytes: &mut &'a [u8], size: usize) -> Option<&'a [u8]> {
    let count = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
    let len = count.checked_mul(size)?;
    let body = bytes.get(4..4usize.checked_add(len)?)?;
    *bytes = &bytes[4 + len..];
    Some(body)
}

/// Decodes fixed-size records of `size` bytes with `one`; `None` if any is
/// unsound.
fn records<T>(bytes: &[u8], size: usize, one: impl Fn(&[u8]) -> Option<T>) -> Option<Vec<T>> {
    let mut out = Vec::with_capacity(bytes.len() / size);
    for b in bytes.chunks_exact(size) {
        out.push(one(b)?);
    }
    Some(out)
}

impl NameIndex {
    /// The index as bytes for the cache: four tables (names, words,
    /// characters, kinds), each a count and fixed-size records, then the
    /// English names (postcard). Written in one buffer, sized first: a
    /// cold index of a large archive is short of memory when it comes here.
    pub fn to_bytes(&self) -> Vec<u8> {
        let english = postcard::to_stdvec(&self.english).expect("in-memory encoding cannot fail");
        let mut out = Vec::with_capacity(
            16 + self.names.len() * NAME
                + self.words.len() * WORD
                + self.chars.len() * 4
                + self.kinds.len()
                + english.len(),
        );
        let count = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
        count(&mut out, self.names.len());
        for n in &self.names {
            out.extend_from_slice(&n.entity.to_le_bytes());
            out.extend_from_slice(&n.first_word.to_le_bytes());
            out.push(n.words);
            out.extend_from_slice(&n.english.unwrap_or(u32::MAX).to_le_bytes());
        }
        count(&mut out, self.words.len());
        for w in &self.words {
            out.extend_from_slice(&w.at.to_le_bytes());
            out.extend_from_slice(&w.len.to_le_bytes());
            out.extend_from_slice(&w.skeleton);
            out.push(w.skeleton_len);
            out.extend_from_slice(&u32::from(w.first).to_le_bytes());
            out.push(u8::from(w.particle));
        }
        count(&mut out, self.chars.len());
        for &c in &self.chars {
            out.extend_from_slice(&u32::from(c).to_le_bytes());
        }
        count(&mut out, self.kinds.len());
        out.extend(self.kinds.iter().map(|&k| k as u8));
        out.extend_from_slice(&english);
        out
    }

    /// The index stored by [`NameIndex::to_bytes`] for `entities` entities;
    /// `None` when the bytes are damaged or are for another number.
    pub fn from_bytes(mut bytes: &[u8], entities: usize) -> Option<NameIndex> {
        let names = table(&mut bytes, NAME)?;
        let words = table(&mut bytes, WORD)?;
        let chars = table(&mut bytes, 4)?;
        let kinds = table(&mut bytes, 1)?;
        let english: Vec<String> = postcard::from_bytes(bytes).ok()?;
        let kinds: Vec<Kind> = kinds
            .iter()
            .map(|&k| match k {
                0 => Some(Kind::Person),
                1 => Some(Kind::Place),
                _ => None,
            })
            .collect::<Option<_>>()?;
        if kinds.len() != entities {
            return None;
        }
        let (n_chars, n_words, n_english) = (chars.len() / 4, words.len() / WORD, english.len());
        let word = |b: &[u8]| {
            let w = Word {
                at: u32_at(b, 0),
                len: u16::from_le_bytes([b[4], b[5]]),
                skeleton: b[6..6 + SKELETON].try_into().expect("skeleton bytes"),
                skeleton_len: b[6 + SKELETON],
                first: char::from_u32(u32_at(b, 7 + SKELETON))?,
                particle: b[11 + SKELETON] == 1,
            };
            let fits = w.at as usize + usize::from(w.len) <= n_chars
                && usize::from(w.skeleton_len) <= SKELETON;
            fits.then_some(w)
        };
        let name = |b: &[u8]| {
            let in_english = u32_at(b, 9);
            let n = Name {
                entity: u32_at(b, 0),
                first_word: u32_at(b, 4),
                words: b[8],
                english: (in_english != u32::MAX).then_some(in_english),
            };
            let fits = (n.entity as usize) < entities
                && n.first_word as usize + usize::from(n.words) <= n_words
                && n.english.is_none_or(|e| (e as usize) < n_english);
            fits.then_some(n)
        };
        // The three tables are decoded side by side, each into a vector
        // sized once: this is most of a warm lookup's own work.
        let (chars, (words, names)) = rayon::join(
            || records(chars, 4, |c| char::from_u32(u32_at(c, 0))),
            || rayon::join(|| records(words, WORD, word), || records(names, NAME, name)),
        );
        let (chars, words, names) = (chars?, words?, names?);
        Some(NameIndex {
            names,
            words,
            chars,
            english,
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
