//! Ordinary Arabic words: whether a token is a word of the language, as a
//! spelling dictionary lists it, rather than a name.
//!
//! The list is the stems of Ayaspell's hunspell dictionary (MPL 1.1, see
//! `data/ATTRIBUTION.md`), built by `data/build-ordinary-words.py`. Hunspell's
//! affix rules are not applied (no crate reads Arabic `.aff` files at the
//! speed extraction needs); instead a word is also looked for without its
//! proclitics and its commonest suffixes, with a ة restored where a suffix
//! took it (مدرستها → مدرسه, مدرسات → مدرسه). That over-accepts a little,
//! which a feature weighed by the tagger tolerates: in ANERcorp's training
//! text 92 % of the rare words outside names are found, against 50 % of the
//! rare words of persons' names (most foreign names are not).

use super::word_set::WordSet;

use crate::text::PROCLITICS;

/// The stems, folded (see `src/text/fold.rs`), one per line after `#` lines.
pub(crate) static WORDS: &str = include_str!("data/ordinary-words-ayaspell.txt");

/// The future's س, alone or after a conjunction: the proclitics a
/// dictionary word may carry beyond [`PROCLITICS`] (سيقولون).
const FUTURE: &[&str] = &["وس", "فس", "س"];

/// Suffixes: pronouns, the dual and plural endings, the ة before a pronoun
/// (ت), the accusative alif.
const SUFFIXES: &[&str] = &[
    "هما", "كما", "تين", "تان", "يين", "يون", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا",
    "ته", "ه", "ي", "ك", "ا", "ت",
];

/// How a word stands in the dictionary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ordinary {
    /// Listed as written, or once a proclitic is taken off.
    Listed,
    /// Listed once a suffix is taken off as well.
    Inflected,
    /// Not found: a name, a foreign word, or a word the list lacks.
    Unlisted,
}

impl Ordinary {
    /// A one-letter value for features.
    pub fn code(self) -> &'static str {
        match self {
            Ordinary::Listed => "l",
            Ordinary::Inflected => "i",
            Ordinary::Unlisted => "-",
        }
    }
}

/// The dictionary's stems.
#[derive(Debug, Clone, Default)]
pub struct OrdinaryWords {
    stems: WordSet,
}

impl OrdinaryWords {
    /// The compiled-in list.
    pub fn builtin() -> OrdinaryWords {
        OrdinaryWords {
            stems: WORDS
                .lines()
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect(),
        }
    }

    /// Whether the dictionary lists normalized word `norm` as written or
    /// behind proclitics: [`Ordinary::Listed`], without the inflections'
    /// search.
    pub fn listed(&self, norm: &str) -> bool {
        stems_of(norm).any(|s| self.stems.contains(s))
    }

    /// How normalized word `norm` stands in the dictionary.
    pub fn lookup(&self, norm: &str) -> Ordinary {
        if self.stems.is_empty() {
            return Ordinary::Unlisted;
        }
        let stems = || stems_of(norm);
        if self.listed(norm) {
            return Ordinary::Listed;
        }
        let mut buf = String::new();
        for stem in stems() {
            for suffix in SUFFIXES {
                let Some(base) = stem.strip_suffix(suffix) else {
                    continue;
                };
                if base.chars().count() < 2 {
                    continue;
                }
                if self.stems.contains(base) {
                    return Ordinary::Inflected;
                }
                // The ة a suffix follows is written ت (مدرستها), or dropped
                // before a plural ending (مدرسات).
                buf.clear();
                buf.push_str(base.strip_suffix('ت').unwrap_or(base));
                buf.push('ه');
                if self.stems.contains(&buf) {
                    return Ordinary::Inflected;
                }
            }
        }
        Ordinary::Unlisted
    }
}

/// A word as written, then without each proclitic sequence that leaves two
/// letters or more.
fn stems_of(norm: &str) -> impl Iterator<Item = &str> {
    std::iter::once(norm).chain(
        PROCLITICS
            .iter()
            .chain(FUTURE)
            .filter_map(move |p| norm.strip_prefix(p))
            .filter(|s| s.chars().count() >= 2),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_folded_as_sahifa_folds_text() {
        for line in WORDS.lines().filter(|l| !l.starts_with('#')) {
            assert_eq!(crate::text::normalize_str(line), line, "{line}");
            assert!(line.chars().count() >= 2, "{line}");
        }
    }

    #[test]
    fn words_and_names() {
        let d = OrdinaryWords::builtin();
        let cases = [
            ("كبير", Ordinary::Listed),
            ("والمدرسه", Ordinary::Listed),
            ("مدرستها", Ordinary::Inflected),
            ("سيقولون", Ordinary::Inflected),
            ("لافروف", Ordinary::Unlisted),
            ("يلتسين", Ordinary::Unlisted),
            ("كاسترو", Ordinary::Unlisted),
            ("شيراك", Ordinary::Unlisted),
        ];
        for (word, want) in cases {
            assert_eq!(d.lookup(word), want, "{word}");
        }
    }
}
