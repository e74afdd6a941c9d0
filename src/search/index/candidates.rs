//! Which distinct words a query word can match at all: found from the
//! words' first letters, first sounds and pairs of letters, so that a
//! query scores the few thousand words that could match it, not the whole
//! vocabulary (a quarter of a million words for names that share few).
//!
//! Every rule of the word scores needs one of these: the same first letter
//! (whole word, prefix, subsequence), the same first sound (skeleton, one
//! consonant off; for Latin queries every rule), or one edit. One edit that
//! changes the first letter leaves the word's second and third letters the
//! query's; one that adds a letter before it, the word's second and third
//! the query's first and second; one that drops it, the word's first and
//! second the query's second and third; a swap of the first two, the
//! word's first two the query's swapped. The tables are derived from the
//! words when an index is built or read, so the cache does not hold them.

use super::{phonetic, Query, QueryWord, Word, ONE_EDIT_MIN};

/// Word ids grouped by a key below [`Postings::build`]'s `keys`: those of
/// key `k` are `ids[starts[k]..starts[k + 1]]`.
#[derive(Debug, Default)]
struct Postings {
    starts: Vec<u32>,
    ids: Vec<u32>,
}

impl Postings {
    /// By a counting sort of each word's key (`None`: in no group), of
    /// `count` possible keys.
    fn build(keys: &[Option<u16>], count: usize) -> Postings {
        let mut starts = vec![0u32; count + 1];
        for &k in keys.iter().flatten() {
            starts[usize::from(k) + 1] += 1;
        }
        for k in 0..count {
            starts[k + 1] += starts[k];
        }
        let mut next = starts.clone();
        let mut ids = vec![0u32; starts[count] as usize];
        for (w, k) in keys.iter().enumerate() {
            if let Some(k) = k {
                ids[next[usize::from(*k)] as usize] = w as u32;
                next[usize::from(*k)] += 1;
            }
        }
        Postings { starts, ids }
    }

    fn of(&self, key: u16) -> &[u32] {
        let k = usize::from(key);
        match (self.starts.get(k), self.starts.get(k + 1)) {
            (Some(&from), Some(&to)) => self.ids.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// A letter's key. Each letter of the Arabic block (U+0600–U+06FF) has its
/// own; other letters share keys with them, which only adds candidates.
fn letter(c: u32) -> u16 {
    (c & 0xFF) as u16
}

/// The key of two letters in a row.
fn pair(a: u32, b: u32) -> u16 {
    letter(a) << 8 | letter(b)
}

/// Keys of one letter, of a first sound, of two letters.
const LETTERS: usize = 1 << 8;
const PAIRS: usize = 1 << 16;

/// The vocabulary's words by first letter, first sound, first two letters
/// and second and third letters; and its particles.
#[derive(Debug, Default)]
pub(in crate::search) struct WordKeys {
    first: Postings,
    sound: Postings,
    first_two: Postings,
    second_two: Postings,
    particles: Vec<u32>,
}

impl WordKeys {
    /// The keys of `words`, whose characters are in `chars`.
    pub(in crate::search) fn new(words: &[Word], chars: &[u32]) -> WordKeys {
        let letters = |w: &Word, k: usize| {
            let at = w.at as usize + k;
            (usize::from(w.len) > k)
                .then(|| chars.get(at))
                .flatten()
                .copied()
        };
        let keys = |key: &dyn Fn(&Word) -> Option<u16>| -> Vec<Option<u16>> {
            words.iter().map(key).collect()
        };
        let two = |k: usize| move |w: &Word| Some(pair(letters(w, k)?, letters(w, k + 1)?));
        WordKeys {
            first: Postings::build(&keys(&|w| letters(w, 0).map(letter)), LETTERS),
            sound: Postings::build(
                &keys(&|w| w.skeleton().first().map(|&s| u16::from(s))),
                LETTERS,
            ),
            first_two: Postings::build(&keys(&two(0)), PAIRS),
            second_two: Postings::build(&keys(&two(1)), PAIRS),
            particles: (0..words.len() as u32)
                .filter(|&w| words[w as usize].is_particle())
                .collect(),
        }
    }

    /// The words each of `slots` (words of `q`) may match, as (word, slot)
    /// pairs, each once: every other pair scores 0.
    pub(super) fn candidates(
        &self,
        q: &Query,
        slots: &[(&QueryWord, bool)],
        words: usize,
    ) -> Vec<(u32, u16)> {
        // Which slot last took each word, plus one: the lists of one slot
        // overlap (most words of the same first letter share its sound).
        let mut taken = vec![0u16; words];
        let mut out = Vec::new();
        for (slot, &(qw, _)) in slots.iter().enumerate().take(usize::from(u16::MAX)) {
            let stamp = slot as u16 + 1;
            let mut take = |ids: &[u32]| {
                for &w in ids {
                    if let Some(t) = taken.get_mut(w as usize) {
                        if *t != stamp {
                            *t = stamp;
                            out.push((w, slot as u16));
                        }
                    }
                }
            };
            if q.latin {
                // A Latin particle answers only to an Arabic particle; any
                // other Latin word only to words of the same first sound.
                if qw.particle.is_some() {
                    take(&self.particles);
                } else {
                    // Its skeleton's, or that of its consonant-h pairs
                    // read apart (shahid: ش or س).
                    for &s in qw.skeleton.first().into_iter().chain(qw.split.first()) {
                        for k in 0..=u8::MAX {
                            if phonetic::same_class(s, k) {
                                take(self.sound.of(u16::from(k)));
                            }
                        }
                    }
                }
                continue;
            }
            let c = &qw.chars;
            if let Some(&c0) = c.first() {
                take(self.first.of(letter(c0)));
            }
            if let Some(&s) = qw.skeleton.first() {
                take(self.sound.of(u16::from(s)));
            }
            // One edit away with another first letter (see above).
            if let [c0, c1, c2, ..] = c[..] {
                if c.len() >= ONE_EDIT_MIN {
                    take(self.second_two.of(pair(c1, c2)));
                    take(self.second_two.of(pair(c0, c1)));
                    take(self.first_two.of(pair(c1, c2)));
                    take(self.first_two.of(pair(c1, c0)));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::super::{NameIndex, Query};
    use crate::entities::gazetteer::Gazetteer;
    use crate::entities::{Entity, Kind};
    use crate::random::Lcg;

    const LETTERS: &[char] = &[
        'ا', 'ب', 'ت', 'ث', 'ج', 'ح', 'خ', 'د', 'ذ', 'ر', 'ز', 'س', 'ش', 'ص', 'ض', 'ط', 'ظ', 'ع',
        'غ', 'ف', 'ق', 'ك', 'ل', 'م', 'ن', 'ه', 'و', 'ي', 'ى', 'ة', 'أ', 'إ', 'ء', 'ئ', 'a', 'x',
    ];

    fn word(rng: &mut Lcg, len: usize) -> String {
        (0..len)
            .map(|_| LETTERS[rng.below(LETTERS.len())])
            .collect()
    }

    /// Misspelled: one letter changed, dropped, added or two swapped, at
    /// the start as often as anywhere.
    fn misspelled(rng: &mut Lcg, w: &str) -> String {
        let mut c: Vec<char> = w.chars().collect();
        let at = if rng.below(2) == 0 {
            0
        } else {
            rng.below(c.len().max(1))
        };
        let other = LETTERS[rng.below(LETTERS.len())];
        match rng.below(4) {
            0 if at < c.len() => c[at] = other,
            1 if at < c.len() => drop(c.remove(at)),
            2 => c.insert(at.min(c.len()), other),
            _ if at + 1 < c.len() => c.swap(at, at + 1),
            _ => {}
        }
        c.into_iter().collect()
    }

    #[test]
    fn every_word_that_scores_is_a_candidate() {
        let mut rng = Lcg::new(7);
        let entities: Vec<Entity> = (0..3000)
            .map(|i| {
                let name: Vec<String> = (0..1 + rng.below(3))
                    .map(|_| {
                        let len = 1 + rng.below(7);
                        word(&mut rng, len)
                    })
                    .collect();
                let name = name.join(" ");
                // Particles too, which only Latin particles match.
                Entity {
                    kind: [Kind::Person, Kind::Place][i % 2],
                    name: name.clone(),
                    variants: vec![name, "عبد ابن بن ابو دي".into()],
                    articles: vec![0],
                    mentions: 1,
                }
            })
            .collect();
        let index = NameIndex::build(&entities, &Gazetteer::builtin());
        let mut queries: Vec<String> = [
            "lavrov",
            "abdelrahman",
            "bin salman",
            "abu",
            "de mistura",
            "x",
            "a",
            "al-sisi",
            "qatar",
            "ghazi",
            "kassem",
            "zz",
            "",
            // Consonant-h pairs, read as one letter or two.
            "shahid",
            "ishac",
            "fathi",
            "khalid",
            "dhafer",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        for e in entities.iter().step_by(7) {
            let first = e.name.split(' ').next().unwrap_or_default().to_owned();
            let prefix: String = e.name.chars().take(2 + rng.below(3)).collect();
            queries.extend([
                misspelled(&mut rng, &first),
                misspelled(&mut rng, &e.name),
                prefix,
                first,
            ]);
        }
        let mut scored = 0;
        for text in &queries {
            let q = Query::new(text);
            let (slots, _) = q.slots();
            let mut candidates = index.keys.candidates(&q, &slots, index.words.len());
            let all = candidates.len();
            candidates.sort_unstable();
            candidates.dedup();
            assert_eq!(candidates.len(), all, "{text:?}: each pair once");
            for (w, word) in index.words.iter().enumerate() {
                for (slot, &(qw, last)) in slots.iter().enumerate() {
                    if index.word_score(&q, qw, word, last) > 0 {
                        scored += 1;
                        assert!(
                            candidates.binary_search(&(w as u32, slot as u16)).is_ok(),
                            "{text:?}: {:?} scores but is no candidate",
                            super::super::text_of(index.chars_of(word))
                        );
                    }
                }
            }
        }
        assert!(scored > queries.len(), "the queries match words: {scored}");
    }
}
