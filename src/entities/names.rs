//! Mentions in compact form: each distinct name (kind, words as written,
//! normalized words) stored once in a [`NameTable`], each mention a few
//! numbers. A corpus of 30,000 articles has over a million mentions but only
//! tens of thousands of names, so this is what the index keeps and links.

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::extract::{ArticleMentions, Kind, Mention};

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

/// Every distinct name, each once.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct NameTable {
    names: Vec<Name>,
    #[serde(skip)]
    ids: HashMap<Name, u32>,
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
        self.ids = self
            .names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.clone(), i as u32))
            .collect();
    }

    /// The id of a name, adding it if new.
    pub fn intern(&mut self, name: Name) -> u32 {
        if let Some(&id) = self.ids.get(&name) {
            return id;
        }
        let id = self.names.len() as u32;
        self.names.push(name.clone());
        self.ids.insert(name, id);
        id
    }

    /// An article's mentions in compact form.
    pub fn compact(&mut self, found: &ArticleMentions) -> Vec<Found> {
        found
            .mentions
            .iter()
            .map(|m| Found {
                paragraph: m.paragraph as u32,
                start: m.range.start as u32,
                end: m.range.end as u32,
                name: self.intern(Name {
                    kind: m.kind,
                    words: m.words.clone(),
                    norms: m.norms.clone(),
                }),
            })
            .collect()
    }

    /// Compact mentions back in full (for rules that look at their words).
    pub fn expand(&self, found: &[Found]) -> ArticleMentions {
        ArticleMentions {
            mentions: found
                .iter()
                .map(|f| {
                    let n = self.get(f.name);
                    Mention {
                        kind: n.kind,
                        paragraph: f.paragraph as usize,
                        range: f.start as usize..f.end as usize,
                        words: n.words.clone(),
                        norms: n.norms.clone(),
                    }
                })
                .collect(),
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
