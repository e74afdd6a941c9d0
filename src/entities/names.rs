//! Mentions in compact form: each distinct name (kind, words as written,
//! normalized words) stored once in a [`NameTable`], each mention a few
//! numbers. A corpus of 30,000 articles has over a million mentions but only
//! tens of thousands of names, so this is what the index keeps and links.

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::extract::{ArticleMentions, Kind, Mention};
use super::known::Pending;

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

/// Every distinct name, each once.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NameTable {
    names: Vec<Name>,
    /// Ids by a hash of the name, so that each name is held once (keyed by
    /// the names themselves, the table held every name twice: a tenth of a
    /// large index's memory). Hashes that clash take the next free value.
    #[serde(skip)]
    ids: HashMap<u64, u32>,
}

/// A 64-bit hash of a name, for [`NameTable`]'s lookup.
fn name_hash(name: &Name) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    h.update(&[name.kind as u8]);
    for w in name.words.iter().chain(&name.norms) {
        h.update(w.as_bytes());
        h.update(&[0xff]);
    }
    h.update(&(name.words.len() as u64).to_le_bytes());
    h.digest()
}

impl NameTable {
    /// The name with this id.
    pub fn get(&self, id: u32) -> &Name {
        &self.names[id as usize]
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
            let slot = self.slot(&self.names[i]).0;
            self.ids.insert(slot, i as u32);
        }
    }

    /// Where a name's id is or would go, and the id if it is there.
    fn slot(&self, name: &Name) -> (u64, Option<u32>) {
        let mut h = name_hash(name);
        loop {
            match self.ids.get(&h) {
                None => return (h, None),
                Some(&id) if self.names[id as usize] == *name => return (h, Some(id)),
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
        self.names.push(name);
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
            words: n.words.clone(),
            norms: n.norms.clone(),
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
    pub fn retain_used<'a>(&mut self, mentions: impl Iterator<Item = &'a mut Found>) {
        let mut mentions: Vec<&mut Found> = mentions.collect();
        let mut new_id = vec![u32::MAX; self.names.len()];
        let mut names = Vec::new();
        for f in &mut mentions {
            let old = f.name as usize;
            if new_id[old] == u32::MAX {
                new_id[old] = names.len() as u32;
                names.push(std::mem::replace(
                    &mut self.names[old],
                    Name {
                        kind: Kind::Person,
                        words: Vec::new(),
                        norms: Vec::new(),
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
