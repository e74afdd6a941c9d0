//! The name index as bytes, kept in the index cache: normalizing and
//! reducing a hundred thousand names to skeletons takes longer than the
//! rest of a warm start, and the index only changes with the entities.
//!
//! Seven tables, each a count (u32) and its records as they are in memory
//! (names, distinct words, the words of each name, characters, the names
//! holding each word and where each word's holders start: plain old data,
//! so read in place from the mapped cache; then one byte per entity's
//! kind), then the English names (postcard). Each table starts 4 bytes
//! after a multiple of 4 from the start of the index, which the cache
//! aligns. Records are checked when
//! the index is opened, and characters as they are used: a damaged table
//! is `None`, and the index is then built from the entities. The records
//! are in the machine's byte order: a big-endian machine never trusts a
//! cache's copy and builds its own.

use std::sync::Arc;

use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

use super::index::{Name, NameIndex, Word, SKELETON};
use crate::entities::Kind;
use crate::shared::{next_table, Shared, Table};

impl NameIndex {
    /// The index as bytes for the cache (see the module's note). Written
    /// in one buffer, sized first: a cold index of a large archive is short
    /// of memory when it comes here.
    pub fn to_bytes(&self) -> Vec<u8> {
        let english = postcard::to_stdvec(&self.english).expect("in-memory encoding cannot fail");
        let names: &[u8] = bytemuck::cast_slice(&self.names);
        let words: &[u8] = bytemuck::cast_slice(&self.words);
        let refs: &[u8] = bytemuck::cast_slice(&self.refs);
        let chars: &[u8] = bytemuck::cast_slice(&self.chars);
        let holders: &[u8] = bytemuck::cast_slice(&self.holders);
        let starts: &[u8] = bytemuck::cast_slice(&self.starts);
        let mut out = Vec::with_capacity(
            28 + names.len()
                + words.len()
                + refs.len()
                + chars.len()
                + holders.len()
                + starts.len()
                + self.kinds.len()
                + english.len(),
        );
        let count = |out: &mut Vec<u8>, n: usize| out.extend_from_slice(&(n as u32).to_le_bytes());
        count(&mut out, self.names.len());
        out.extend_from_slice(names);
        count(&mut out, self.words.len());
        out.extend_from_slice(words);
        count(&mut out, self.refs.len());
        out.extend_from_slice(refs);
        count(&mut out, self.chars.len());
        out.extend_from_slice(chars);
        count(&mut out, self.holders.len());
        out.extend_from_slice(holders);
        count(&mut out, self.starts.len());
        out.extend_from_slice(starts);
        count(&mut out, self.kinds.len());
        out.extend(self.kinds.iter().map(|&k| k as u8));
        out.extend_from_slice(&english);
        out
    }

    /// The index stored by [`NameIndex::to_bytes`] for `entities` entities;
    /// `None` when the bytes are damaged or are for another number.
    pub fn from_bytes(bytes: &[u8], entities: usize) -> Option<NameIndex> {
        let len = bytes.len();
        NameIndex::from_shared(Arc::new(bytes.to_vec()), 0..len, entities)
    }

    /// The index stored in `bytes[range]`, read in place where it is
    /// aligned; `None` as for [`NameIndex::from_bytes`].
    pub fn from_shared(
        bytes: Shared,
        range: std::ops::Range<usize>,
        entities: usize,
    ) -> Option<NameIndex> {
        if cfg!(target_endian = "big") {
            return None;
        }
        let all = (*bytes).as_ref();
        let section = all.get(range.clone())?;
        let mut at = 0;
        let names = next_table(section, &mut at, std::mem::size_of::<Name>())?;
        let words = next_table(section, &mut at, std::mem::size_of::<Word>())?;
        let refs = next_table(section, &mut at, 4)?;
        let chars = next_table(section, &mut at, 4)?;
        let holders = next_table(section, &mut at, 4)?;
        let starts = next_table(section, &mut at, 4)?;
        let kinds = next_table(section, &mut at, 1)?;
        let english: Vec<String> = postcard::from_bytes(&section[at..]).ok()?;
        let kinds: Vec<Kind> = section[kinds]
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
        let shift = |r: std::ops::Range<usize>| range.start + r.start..range.start + r.end;
        let names: Table<Name> = Table::shared(bytes.clone(), shift(names))?;
        let words: Table<Word> = Table::shared(bytes.clone(), shift(words))?;
        let refs: Table<u32> = Table::shared(bytes.clone(), shift(refs))?;
        let chars: Table<u32> = Table::shared(bytes.clone(), shift(chars))?;
        let holders: Table<u32> = Table::shared(bytes.clone(), shift(holders))?;
        let starts: Table<u32> = Table::shared(bytes, shift(starts))?;
        let starts_sound = starts.len() == words.len() + 1
            && starts.first() == Some(&0)
            && starts.last().map(|&l| l as usize) == Some(holders.len());
        // Every number that indexes something is checked once, here, on all
        // cores (hundreds of thousands of words on a large archive); the
        // characters are checked as they are read.
        if !starts_sound {
            return None;
        }
        let (words_sound, (refs_sound, names_sound)) = rayon::join(
            || {
                words.par_iter().all(|w| {
                    w.at as usize + usize::from(w.len) <= chars.len()
                        && usize::from(w.skeleton_len) <= SKELETON
                        && char::from_u32(w.first).is_some()
                        && w.particle <= 1
                }) && starts.par_windows(2).all(|s| s[0] <= s[1])
                    && holders.par_iter().all(|&n| (n as usize) < names.len())
            },
            || {
                rayon::join(
                    || refs.par_iter().all(|&w| (w as usize) < words.len()),
                    || {
                        names.par_iter().all(|n| {
                            (n.entity as usize) < entities
                                && n.first_word as usize + usize::from(n.words) <= refs.len()
                                && (n.english == super::index::NO_ENGLISH
                                    || (n.english as usize) < english.len())
                        })
                    },
                )
            },
        );
        (words_sound && refs_sound && names_sound).then(|| NameIndex {
            english_names: super::index::english_names(&names),
            keys: super::index::WordKeys::new(&words, &chars),
            names,
            words,
            refs,
            holders,
            starts,
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
