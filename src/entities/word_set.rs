//! Lexicon sets and maps that keep a 64-bit hash of each word, not the word.
//!
//! The lexicons (Wikidata's names and full names, GeoNames' towns, the
//! dictionary's stems) are only asked whether they hold a word; they are
//! never listed. Keeping an `xxh3` hash instead of a `String` spares an
//! allocation per entry when the extractor loads (the 57,736 full names
//! alone were half of the gazetteer's load time) and the string comparison
//! after each hit when it looks words up. Two words of the lexicons or a
//! word of the text that share a hash would be taken for one another: with
//! about 250,000 entries, a lookup has a chance under 10⁻¹³ of that.

use rustc_hash::{FxHashMap, FxHashSet};

/// The hash a word is kept by.
fn key(word: &str) -> u64 {
    xxhash_rust::xxh3::xxh3_64(word.as_bytes())
}

/// A set of words, by hash.
#[derive(Debug, Clone, Default)]
pub struct WordSet(FxHashSet<u64>);

impl WordSet {
    /// Adds a word.
    pub fn insert(&mut self, word: &str) {
        self.0.insert(key(word));
    }

    /// Whether the set holds `word`.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(&key(word))
    }

    /// Whether the set holds no word.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<'a> FromIterator<&'a str> for WordSet {
    fn from_iter<I: IntoIterator<Item = &'a str>>(words: I) -> WordSet {
        WordSet(words.into_iter().map(key).collect())
    }
}

/// A map from words, by hash, to values; a word given twice keeps the last.
#[derive(Debug, Clone)]
pub struct WordMap<V>(FxHashMap<u64, V>);

impl<V> Default for WordMap<V> {
    fn default() -> WordMap<V> {
        WordMap(FxHashMap::default())
    }
}

impl<V: Copy> WordMap<V> {
    /// Gives `word` `value`.
    pub fn insert(&mut self, word: &str, value: V) {
        self.0.insert(key(word), value);
    }

    /// The value of `word`, if it has one.
    pub fn get(&self, word: &str) -> Option<V> {
        self.0.get(&key(word)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_what_was_put_in_and_nothing_else() {
        let set: WordSet = ["محمد", "علي"].into_iter().collect();
        assert!(set.contains("محمد") && set.contains("علي"));
        assert!(!set.contains("على") && !set.contains("محم") && !set.contains(""));
        assert!(!set.is_empty() && WordSet::default().is_empty());
        let mut map = WordMap::default();
        map.insert("سعيد", 1);
        map.insert("سعيد", 2);
        assert_eq!((map.get("سعيد"), map.get("سعد")), (Some(2), None));
    }
}
