//! Mentions in compact form: each distinct name (kind, words as written,
//! normalized words) stored once in a [`NameTable`], each mention a few
//! numbers. A corpus of 30,000 articles has over a million mentions but only
//! tens of thousands of names, so this is what the index keeps and links.

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::extract::{ArticleMentions, Kind, Mention};
use super::known::{NameTally, Pending};

/// One distinct name as mentions write it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Name {
    /// Person or place.
    pub kind: Kind,
    /// The words as written (proclitics included).
    pub words: Vec<String>,
    /// The same words normalized.
    pub norms: Vec<String>,
}

/// A mention: where it is and which name it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Found {
    /// Paragraph (0 is the title).
    pub paragraph: u32,
    /// First byte in the paragraph.
    pub start: u32,
    /// Byte after the mention.
    pub end: u32,
    /// Index into the [`NameTable`].
    pub name: u32,
}

/// A [`Pending`] occurrence in compact form, for holding many between the
/// corpus-wide passes.
#[derive(Debug, Clone, Copy)]
pub struct PendingFound {
    found: Found,
    blank_from: u32,
    blank_to: u32,
}

/// A [`Name`] as the table holds it: its words and then its normalized
/// words in one string, cut at `ends`: two allocations where a two-word
/// name's two vectors of strings were six, for each of the hundred and
/// fifty thousand names of a large archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Stored {
    kind: Kind,
    /// How many of the pieces are words as written (the rest are norms).
    words: u32,
    text: Box<str>,
    /// Where each piece ends in `text`.
    ends: Box<[u32]>,
}

impl Stored {
    fn of(name: &Name) -> Stored {
        let mut text = String::new();
        let mut ends = Vec::with_capacity(name.words.len() + name.norms.len());
        for w in name.words.iter().chain(&name.norms) {
            text.push_str(w);
            ends.push(text.len() as u32);
        }
        Stored {
            kind: name.kind,
            words: name.words.len() as u32,
            text: text.into(),
            ends: ends.into(),
        }
    }

    /// Every piece, words first.
    fn pieces(&self) -> impl Iterator<Item = &str> + '_ {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(self.ends.iter().copied())
            .map(|(a, b)| self.text.get(a as usize..b as usize).unwrap_or(""))
    }

    fn words(&self) -> impl Iterator<Item = &str> + '_ {
        self.pieces().take(self.words as usize)
    }

    fn norms(&self) -> impl Iterator<Item = &str> + '_ {
        self.pieces().skip(self.words as usize)
    }

    fn is(&self, name: &Name) -> bool {
        self.kind == name.kind
            && self.words as usize == name.words.len()
            && self
                .pieces()
                .eq(name.words.iter().chain(&name.norms).map(String::as_str))
    }

    fn name(&self) -> Name {
        Name {
            kind: self.kind,
            words: self.words().map(str::to_owned).collect(),
            norms: self.norms().map(str::to_owned).collect(),
        }
    }
}

/// Every distinct name, each once.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NameTable {
    names: Vec<Stored>,
    /// Ids by a hash of the name, so that each name is held once (keyed by
    /// the names themselves, the table held every name twice: a tenth of a
    /// large index's memory). Hashes that clash take the next free value.
    #[serde(skip)]
    ids: HashMap<u64, u32>,
    /// The corpus-wide keys of names (see [`super::known::name_key`]), for
    /// per-file tallies by id: as strings, a tally held every key of every
    /// file, a tenth of the memory of a large cold index.
    keys: indexmap::IndexSet<String, rustc_hash::FxBuildHasher>,
}

/// A file's share of the corpus's [`NameTally`], keys by their id in the
/// [`NameTable`], sorted by id.
pub type KeyTally = Vec<(u32, [u32; 3])>;

/// A 64-bit hash of a name (its kind, its pieces, how many are words),
/// for [`NameTable`]'s lookup.
fn name_hash<'a>(kind: Kind, pieces: impl Iterator<Item = &'a str>, words: usize) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&[kind as u8]);
    for w in pieces {
        h.update(w.as_bytes());
        h.update(&[0xff]);
    }
    h.update(&(words as u64).to_le_bytes());
    h.digest()
}

impl NameTable {
    /// The name with this id (made whole: see [`NameTable::kind`] and
    /// [`NameTable::norms`] for what needs no copy).
    pub fn get(&self, id: u32) -> Name {
        self.names[id as usize].name()
    }

    /// The kind of the name with this id.
    pub fn kind(&self, id: u32) -> Kind {
        self.names[id as usize].kind
    }

    /// The normalized words of the name with this id.
    pub fn norms(&self, id: u32) -> impl Iterator<Item = &str> + '_ {
        self.names[id as usize].norms()
    }

    /// Number of names.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Rebuilds the lookup after decoding (it is not stored).
    pub fn reindex(&mut self) {
        self.ids = HashMap::default();
        self.ids.reserve(self.names.len());
        for i in 0..self.names.len() {
            let n = &self.names[i];
            let mut h = name_hash(n.kind, n.pieces(), n.words as usize);
            // A clash takes the next free value, as in `slot`.
            while self.ids.contains_key(&h) {
                h = h.wrapping_add(1);
            }
            self.ids.insert(h, i as u32);
        }
    }

    /// Where a name's id is or would go, and the id if it is there.
    fn slot(&self, name: &Name) -> (u64, Option<u32>) {
        let pieces = name.words.iter().chain(&name.norms).map(String::as_str);
        let mut h = name_hash(name.kind, pieces, name.words.len());
        loop {
            match self.ids.get(&h) {
                None => return (h, None),
                Some(&id) if self.names[id as usize].is(name) => return (h, Some(id)),
                Some(_) => h = h.wrapping_add(1),
            }
        }
    }

    /// The id of a name, adding it if new.
    pub fn intern(&mut self, name: Name) -> u32 {
        let (slot, found) = self.slot(&name);
        if let Some(id) = found {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(Stored::of(&name));
        self.ids.insert(slot, id);
        id
    }

    /// One mention in compact form.
    fn found_of(&mut self, m: &Mention) -> Found {
        Found {
            paragraph: m.paragraph as u32,
            start: m.range.start as u32,
            end: m.range.end as u32,
            name: self.intern(Name {
                kind: m.kind,
                words: m.words.clone(),
                norms: m.norms.clone(),
            }),
        }
    }

    /// One compact mention in full.
    fn mention_of(&self, f: &Found) -> Mention {
        let n = self.get(f.name);
        Mention {
            kind: n.kind,
            paragraph: f.paragraph as usize,
            range: f.start as usize..f.end as usize,
            words: n.words,
            norms: n.norms,
        }
    }

    /// A tally with its keys as ids (each key added to the table if new).
    pub fn key_tally(&mut self, tally: NameTally) -> KeyTally {
        let mut out: KeyTally = tally
            .into_iter()
            .map(|(key, t)| (self.keys.insert_full(key).0 as u32, t))
            .collect();
        out.sort_unstable_by_key(|e| e.0);
        out
    }

    /// Adds `extra` to a file's tally.
    pub fn add_to_tally(&mut self, tally: &mut KeyTally, extra: NameTally) {
        for (key, t) in extra {
            let id = self.keys.insert_full(key).0 as u32;
            match tally.binary_search_by_key(&id, |e| e.0) {
                Ok(i) => (0..3).for_each(|k| tally[i].1[k] += t[k]),
                Err(i) => tally.insert(i, (id, t)),
            }
        }
    }

    /// The corpus's tally: the sum of the files' tallies.
    pub fn sum_tallies<'a>(&self, tallies: impl IntoIterator<Item = &'a KeyTally>) -> NameTally {
        let mut sums = vec![[0u32; 3]; self.keys.len()];
        for &(id, t) in tallies.into_iter().flatten() {
            let s = &mut sums[id as usize];
            (0..3).for_each(|k| s[k] += t[k]);
        }
        self.keys
            .iter()
            .zip(sums)
            .filter(|(_, t)| *t != [0; 3])
            .map(|(key, t)| (key.clone(), t))
            .collect()
    }

    /// Whether every id of `tally` is a key of the table.
    pub fn holds_keys(&self, tally: &KeyTally) -> bool {
        tally.iter().all(|e| (e.0 as usize) < self.keys.len())
    }

    /// Keeps only the keys some tally uses, renumbering the tallies (in
    /// order, so that they stay sorted).
    pub fn retain_used_keys<'a>(&mut self, tallies: impl IntoIterator<Item = &'a mut KeyTally>) {
        let mut tallies: Vec<&mut KeyTally> = tallies.into_iter().collect();
        let mut used = vec![false; self.keys.len()];
        for e in tallies.iter().flat_map(|t| t.iter()) {
            used[e.0 as usize] = true;
        }
        let mut new_id = vec![u32::MAX; self.keys.len()];
        let mut next = 0;
        for (id, u) in used.iter().enumerate() {
            if *u {
                new_id[id] = next;
                next += 1;
            }
        }
        let mut k = 0;
        self.keys.retain(|_| {
            k += 1;
            used[k - 1]
        });
        for e in tallies.iter_mut().flat_map(|t| t.iter_mut()) {
            e.0 = new_id[e.0 as usize];
        }
    }

    /// Pending occurrences in compact form (their names are added to the
    /// table; [`NameTable::retain_used`] drops those never used).
    pub fn compact_pending(&mut self, pending: &[Pending]) -> Vec<PendingFound> {
        pending
            .iter()
            .map(|p| PendingFound {
                found: self.found_of(&p.mention),
                blank_from: p.blank_from as u32,
                blank_to: p.blank_to as u32,
            })
            .collect()
    }

    /// Pending occurrences from their compact form.
    pub fn expand_pending(&self, pending: &[PendingFound]) -> Vec<Pending> {
        pending
            .iter()
            .map(|p| Pending {
                mention: self.mention_of(&p.found),
                blank_from: p.blank_from as usize,
                blank_to: p.blank_to as usize,
            })
            .collect()
    }

    /// An article's mentions in compact form.
    pub fn compact(&mut self, found: &ArticleMentions) -> Vec<Found> {
        found.mentions.iter().map(|m| self.found_of(m)).collect()
    }

    /// Compact mentions back in full (for rules that look at their words).
    pub fn expand(&self, found: &[Found]) -> ArticleMentions {
        ArticleMentions {
            mentions: found.iter().map(|f| self.mention_of(f)).collect(),
            related_places: Vec::new(),
        }
    }

    /// Keeps only the names some mention uses, renumbering the mentions:
    /// what a cache updated many times sheds before it is written.
    pub fn retain_used<'a>(&mut self, mentions: impl IntoIterator<Item = &'a mut Found>) {
        let mut new_id = vec![u32::MAX; self.names.len()];
        let mut names = Vec::new();
        for f in mentions {
            let old = f.name as usize;
            if new_id[old] == u32::MAX {
                new_id[old] = names.len() as u32;
                names.push(std::mem::replace(
                    &mut self.names[old],
                    Stored {
                        kind: Kind::Person,
                        words: 0,
                        text: Box::default(),
                        ends: Box::default(),
                    },
                ));
            }
            f.name = new_id[old];
        }
        self.names = names;
        self.reindex();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_name_comes_back_whole_and_is_found_again_after_decoding() {
        let name = |kind, words: &[&str], norms: &[&str]| Name {
            kind,
            words: words.iter().map(|w| w.to_string()).collect(),
            norms: norms.iter().map(|w| w.to_string()).collect(),
        };
        // Pieces with spaces or nothing in them, none at all, or uneven
        // halves: the one string is cut where each ended, not at a separator.
        let names = [
            name(Kind::Person, &["وبوتين"], &["وبوتين"]),
            name(Kind::Place, &["وبوتين"], &["وبوتين"]),
            name(Kind::Person, &["a b", ""], &["ab", ""]),
            name(Kind::Person, &["a", " b"], &["ab", ""]),
            name(Kind::Person, &[], &[]),
            name(Kind::Place, &["نيو", "يورك"], &["نيو"]),
            name(Kind::Place, &["نيو"], &["يورك", "نيو"]),
        ];
        let mut table = NameTable::default();
        let ids: Vec<u32> = names.iter().map(|n| table.intern(n.clone())).collect();
        assert_eq!(ids, (0..names.len() as u32).collect::<Vec<_>>());
        let bytes = postcard::to_allocvec(&table).unwrap();
        let mut decoded: NameTable = postcard::from_bytes(&bytes).unwrap();
        decoded.reindex();
        for (n, &id) in names.iter().zip(&ids) {
            assert_eq!(decoded.get(id), *n);
            assert_eq!(decoded.kind(id), n.kind);
            assert!(decoded.norms(id).eq(n.norms.iter().map(String::as_str)));
            assert_eq!(decoded.intern(n.clone()), id);
        }
        assert_eq!(decoded.len(), names.len());
    }

    #[test]
    fn tallies_by_key_id_sum_and_shed_unused_keys() {
        let tally = |pairs: &[(&str, [u32; 3])]| -> NameTally {
            pairs.iter().map(|(k, t)| (k.to_string(), *t)).collect()
        };
        let mut table = NameTable::default();
        let mut a = table.key_tally(tally(&[("سلمان", [1, 0, 0]), ("لندن", [0, 1, 0])]));
        let mut b = table.key_tally(tally(&[("كيف", [0, 1, 2]), ("سلمان", [2, 0, 0])]));
        assert!(a.windows(2).all(|w| w[0].0 < w[1].0) && b.windows(2).all(|w| w[0].0 < w[1].0));
        table.add_to_tally(&mut b, tally(&[("سلمان", [0, 0, 1]), ("باريس", [0, 0, 1])]));
        let sum = table.sum_tallies([&a, &b]);
        assert_eq!(sum["سلمان"], [3, 0, 1]);
        assert_eq!(sum["لندن"], [0, 1, 0]);
        assert_eq!(sum["باريس"], [0, 0, 1]);
        // Only what `b` uses is kept, renumbered in order: still sorted, and
        // summing gives what it gave.
        a.clear();
        table.retain_used_keys([&mut a, &mut b]);
        assert!(table.holds_keys(&b) && b.windows(2).all(|w| w[0].0 < w[1].0));
        let after = table.sum_tallies([&b]);
        assert_eq!(after.len(), 3);
        assert_eq!(after["سلمان"], [2, 0, 1]);
        assert!(!after.contains_key("لندن"));
    }

    #[test]
    fn names_are_stored_once_and_round_trip() {
        let m = |p: usize, at: usize, w: &str| Mention {
            kind: Kind::Person,
            paragraph: p,
            range: at..at + w.len(),
            words: vec![w.to_owned()],
            norms: vec![w.to_owned()],
        };
        let article = ArticleMentions {
            mentions: vec![m(0, 0, "بوتين"), m(1, 5, "بوتين"), m(1, 20, "لافروف")],
            related_places: Vec::new(),
        };
        let mut table = NameTable::default();
        let found = table.compact(&article);
        assert_eq!(table.len(), 2);
        assert_eq!(found[0].name, found[1].name);
        assert_eq!(table.expand(&found), article);
        let mut other = table.compact(&ArticleMentions {
            mentions: vec![m(0, 0, "لافروف")],
            related_places: Vec::new(),
        });
        table.retain_used(other.iter_mut());
        assert_eq!(table.len(), 1);
        assert_eq!(table.get(other[0].name).words, ["لافروف"]);
    }
}
