//! The entity table in the index cache: one record per entity, each
//! decodable alone, and every entity's kind in a byte of its own, so that a
//! lookup decodes the entities it names and counts the rest without
//! decoding them.
//!
//! Section layout: a hash of the rest (XXH3, u64, little-endian), the
//! number of entities n (u32), n kinds (one byte each), n + 1 offsets (u32)
//! into the names, the canonical names (UTF-8, back to back: an article's
//! names are printed without decoding a record), n + 1 offsets (u32) into
//! the records, then the records (postcard [`Entity`]). The hash is
//! checked when the table is opened; each record is checked as it is
//! decoded (its articles in range, its strings sanitized).

use std::borrow::Cow;
use std::sync::Arc;

use rayon::prelude::*;

use crate::entities::{Entity, EntitySource, Kind};
use crate::lazy_list::Source;

fn kind_byte(k: Kind) -> u8 {
    k as u8
}

fn byte_kind(b: u8) -> Option<Kind> {
    match b {
        0 => Some(Kind::Person),
        1 => Some(Kind::Place),
        _ => None,
    }
}

/// Writes the table section of `entities`.
pub fn encode(entities: &[Entity]) -> Vec<u8> {
    let records: Vec<Vec<u8>> = entities
        .par_iter()
        .map(|e| postcard::to_stdvec(e).expect("in-memory encoding cannot fail"))
        .collect();
    let body: usize = records.iter().map(Vec::len).sum();
    let names: usize = entities.iter().map(|e| e.name.len()).sum();
    let n = entities.len();
    let mut out = Vec::with_capacity(12 + n + (n + 1) * 8 + names + body);
    out.extend_from_slice(&[0; 8]);
    out.extend_from_slice(&(n as u32).to_le_bytes());
    out.extend(entities.iter().map(|e| kind_byte(e.kind)));
    let offsets = |out: &mut Vec<u8>, lens: &mut dyn Iterator<Item = usize>| {
        let mut at = 0u32;
        out.extend_from_slice(&at.to_le_bytes());
        for len in lens {
            at += len as u32;
            out.extend_from_slice(&at.to_le_bytes());
        }
    };
    offsets(&mut out, &mut entities.iter().map(|e| e.name.len()));
    entities
        .iter()
        .for_each(|e| out.extend_from_slice(e.name.as_bytes()));
    offsets(&mut out, &mut records.iter().map(Vec::len));
    records.iter().for_each(|r| out.extend_from_slice(r));
    let hash = super::cache::content_hash(&out[8..]);
    out[..8].copy_from_slice(&hash.to_le_bytes());
    out
}

/// The entity table of a cache, decoded entity by entity from the mapped
/// file.
pub struct MappedEntities {
    map: Arc<memmap2::Mmap>,
    kinds: usize,
    name_offsets: usize,
    names: usize,
    offsets: usize,
    records: usize,
    n: usize,
    /// The corpus's number of articles: a record's article beyond it is
    /// dropped, never handed on to index something.
    articles: usize,
    /// The names as text, checked once, when a name is first asked for:
    /// a lookup prints thousands of them, and checking each as it was
    /// printed cost more than printing it.
    names_text: std::sync::OnceLock<Names>,
}

/// The names blob, checked.
struct Names {
    text: Box<str>,
    /// The entities whose names may need the terminal sanitizer (ascending):
    /// those holding a byte that can begin what it changes, found in one
    /// pass over the blob. Almost always none.
    suspect: Vec<u32>,
}

impl MappedEntities {
    /// The table in `map[range]` for a corpus of `articles` articles;
    /// `None` when it is damaged (its hash differs, or its frame does not
    /// hold together).
    pub fn open(
        map: Arc<memmap2::Mmap>,
        range: std::ops::Range<usize>,
        articles: usize,
    ) -> Option<MappedEntities> {
        let section = map.get(range.clone())?;
        let hash = u64::from_le_bytes(section.get(..8)?.try_into().ok()?);
        if super::cache::content_hash(section.get(8..)?) != hash {
            return None;
        }
        let n = u32::from_le_bytes(section.get(8..12)?.try_into().ok()?) as usize;
        let table_len = n.checked_add(1)?.checked_mul(4)?;
        let name_offsets_at = 12usize.checked_add(n)?;
        let names_at = name_offsets_at.checked_add(table_len)?;
        let offset_at = |at: usize| -> Option<usize> {
            Some(u32::from_le_bytes(section.get(at..at + 4)?.try_into().ok()?) as usize)
        };
        let names_len = offset_at(name_offsets_at + n * 4)?;
        let offsets_at = names_at.checked_add(names_len)?;
        let records_at = offsets_at.checked_add(table_len)?;
        let records_len = section.len().checked_sub(records_at)?;
        let kinds_sound = section[12..name_offsets_at]
            .iter()
            .all(|&b| byte_kind(b).is_some());
        let table = MappedEntities {
            kinds: range.start + 12,
            name_offsets: range.start + name_offsets_at,
            names: range.start + names_at,
            offsets: range.start + offsets_at,
            records: range.start + records_at,
            n,
            articles,
            map,
            names_text: std::sync::OnceLock::new(),
        };
        let monotone = |of: usize| {
            (0..n).all(|i| table.offset(of, i) <= table.offset(of, i + 1))
                && table.offset(of, 0) == 0
        };
        (kinds_sound
            && monotone(table.name_offsets)
            && monotone(table.offsets)
            && table.offset(table.offsets, n) == records_len)
            .then_some(table)
    }

    /// Entry `i` of the offset table at `table` (checked when opened).
    fn offset(&self, table: usize, i: usize) -> usize {
        let at = table + i * 4;
        u32::from_le_bytes(self.map[at..at + 4].try_into().expect("4 bytes")) as usize
    }

    fn names(&self) -> &Names {
        self.names_text.get_or_init(|| {
            let end = self.names + self.offset(self.name_offsets, self.n);
            let bytes = &self.map[self.names..end];
            // The hash was checked when the table was opened, so the text
            // fails only if this build wrote it wrong: the names are then
            // empty, no more. (A vector check: megabytes of Arabic names,
            // on every lookup that prints them.)
            let text: Box<str> = simdutf8::basic::from_utf8(bytes).unwrap_or("").into();
            let mut suspect: Vec<u32> = Vec::new();
            for (k, chunk) in text.as_bytes().chunks(64).enumerate() {
                if !crate::corpus::may_begin_unclean(chunk) {
                    continue;
                }
                for (j, _) in chunk
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| crate::corpus::may_begin_unclean(&[**b]))
                {
                    let at = k * 64 + j;
                    // The entity whose name holds byte `at`: the last
                    // whose name starts at or before it.
                    let (mut lo, mut hi) = (0, self.n);
                    while lo < hi {
                        let mid = lo + (hi - lo) / 2;
                        if self.offset(self.name_offsets, mid) <= at {
                            lo = mid + 1;
                        } else {
                            hi = mid;
                        }
                    }
                    suspect.extend(lo.checked_sub(1).map(|e| e as u32));
                }
            }
            suspect.dedup();
            Names { text, suspect }
        })
    }

    fn record(&self, i: usize) -> &[u8] {
        self.map[self.records..]
            .get(self.offset(self.offsets, i)..self.offset(self.offsets, i + 1))
            .unwrap_or(&[])
    }
}

impl EntitySource for MappedEntities {
    fn kind(&self, i: usize) -> Kind {
        byte_kind(self.map[self.kinds + i]).unwrap_or(Kind::Person)
    }

    fn name(&self, i: usize) -> Cow<'_, str> {
        let names = self.names();
        let (from, to) = (
            self.offset(self.name_offsets, i),
            self.offset(self.name_offsets, i + 1),
        );
        // A range off a character boundary (a build that wrote the table
        // wrong) makes the entity nameless, no more.
        match names.text.get(from..to) {
            Some(name) if names.suspect.binary_search(&(i as u32)).is_ok() => {
                crate::corpus::one_line(name)
            }
            Some(name) => Cow::Borrowed(name),
            None => Cow::Borrowed(""),
        }
    }

    fn count(&self, kind: Kind) -> usize {
        let kinds = &self.map[self.kinds..self.kinds + self.n];
        kinds.iter().filter(|&&b| b == kind_byte(kind)).count()
    }
}

impl Source<Entity> for MappedEntities {
    fn len(&self) -> usize {
        self.n
    }

    fn item(&self, i: usize) -> Entity {
        let mut e: Entity = postcard::from_bytes(self.record(i)).unwrap_or_else(|_| Entity {
            kind: self.kind(i),
            name: String::new(),
            variants: Vec::new(),
            articles: Vec::new(),
            mentions: 0,
        });
        let clean = |s: &mut String| {
            if let Cow::Owned(c) = crate::corpus::one_line(s) {
                *s = c;
            }
        };
        clean(&mut e.name);
        e.variants.iter_mut().for_each(clean);
        e.articles.retain(|&a| a < self.articles);
        e
    }

    fn all(&self) -> Vec<Entity> {
        (0..self.n).into_par_iter().map(|i| self.item(i)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(bytes: &[u8]) -> Arc<memmap2::Mmap> {
        let mut m = memmap2::MmapMut::map_anon(bytes.len().max(1)).unwrap();
        m[..bytes.len()].copy_from_slice(bytes);
        Arc::new(m.make_read_only().unwrap())
    }

    fn entity(kind: Kind, name: &str, articles: Vec<usize>) -> Entity {
        Entity {
            kind,
            name: name.to_owned(),
            variants: vec![name.to_owned(), format!("و{name}")],
            articles,
            mentions: 3,
        }
    }

    #[test]
    fn entities_read_back_one_by_one_and_whole() {
        let entities = vec![
            entity(Kind::Person, "سيرغي لافروف", vec![0, 2]),
            entity(Kind::Place, "القاهرة", vec![1]),
            entity(Kind::Person, "a\u{1b}[2Jb", vec![0, 9]),
        ];
        let bytes = encode(&entities);
        let t = MappedEntities::open(mapped(&bytes), 0..bytes.len(), 3).unwrap();
        assert_eq!(t.len(), 3);
        assert_eq!(t.kind(1), Kind::Place);
        assert_eq!(t.name(0), "سيرغي لافروف");
        assert_eq!(t.item(1), entities[1]);
        let odd = t.item(2);
        assert!(!odd.name.contains('\u{1b}') && !t.name(2).contains('\u{1b}'));
        // Only the name that needs the sanitizer goes through it.
        assert!(matches!(t.name(1), Cow::Borrowed(_)));
        assert_eq!((t.count(Kind::Person), t.count(Kind::Place)), (2, 1));
        assert_eq!(odd.articles, [0], "an article beyond the corpus is dropped");
        assert_eq!(t.all()[..2], entities[..2]);
        let empty = encode(&[]);
        assert_eq!(
            MappedEntities::open(mapped(&empty), 0..empty.len(), 0)
                .unwrap()
                .len(),
            0
        );
    }

    #[test]
    fn a_damaged_table_is_not_opened() {
        let bytes = encode(&[entity(Kind::Place, "القاهرة", vec![0])]);
        for at in [0, 9, 12, 14, bytes.len() - 1] {
            let mut bad = bytes.clone();
            bad[at] ^= 0x40;
            assert!(
                MappedEntities::open(mapped(&bad), 0..bad.len(), 1).is_none(),
                "{at}"
            );
        }
        assert!(MappedEntities::open(mapped(&bytes), 0..bytes.len() - 1, 1).is_none());
        assert!(MappedEntities::open(mapped(&bytes[..5]), 0..5, 1).is_none());
    }
}
