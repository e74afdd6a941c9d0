//! The closed classes of Arabic (pronouns, prepositions with and without
//! their pronouns, particles, demonstratives, relatives), normalized: words
//! of the grammar, never a name, however a foreign name is transliterated
//! (هو for Hu, لي for Li, انا for Anna are listed as given names by name
//! lists, and are "he", "to me" and "I" in running text).
//!
//! Hand-written: the classes are closed, and no crate lists them. No word
//! here is a name's spelling after normalization (على folds into علي, a
//! name, so it is not listed).

/// The words, normalized, in the order of `str`'s `Ord` (for the binary
/// search).
pub const FUNCTION_WORDS: &[&str] = &[
    "اذ",
    "اذا",
    "التي",
    "الذي",
    "الذين",
    "الي",
    "اليه",
    "اليها",
    "اليهم",
    "ان",
    "انا",
    "انت",
    "انتم",
    "انتما",
    "انتن",
    "او",
    "اياه",
    "اياها",
    "اياهم",
    "بك",
    "بل",
    "بنا",
    "به",
    "بها",
    "بهم",
    "بي",
    "بين",
    "تلك",
    "ثم",
    "حتي",
    "حيث",
    "ذلك",
    "عليه",
    "عليها",
    "عليهم",
    "عن",
    "عند",
    "عنه",
    "عنها",
    "عنهم",
    "في",
    "فيه",
    "فيها",
    "فيهم",
    "قد",
    "كل",
    "كما",
    "كي",
    "لا",
    "لان",
    "لدي",
    "لك",
    "لكم",
    "لكن",
    "لم",
    "لن",
    "لنا",
    "له",
    "لها",
    "لهم",
    "لهما",
    "لهن",
    "لو",
    "لي",
    "ما",
    "مع",
    "معه",
    "معها",
    "معهم",
    "من",
    "منذ",
    "منه",
    "منها",
    "منهم",
    "نحن",
    "هذا",
    "هذه",
    "هم",
    "هما",
    "هن",
    "هنا",
    "هناك",
    "هو",
    "هي",
];

/// Whether a normalized word is one of the language's function words.
pub fn is_function_word(norm: &str) -> bool {
    FUNCTION_WORDS.binary_search(&norm).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_and_normalized() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        for w in FUNCTION_WORDS {
            assert_eq!(crate::text::normalize_str(w), *w);
        }
    }

    #[test]
    fn words_of_the_grammar_only() {
        for w in ["هو", "لي", "انا", "في", "الذي"] {
            assert!(is_function_word(w), "{w}");
        }
        for w in ["علي", "هود", "ليلي", "محمد", ""] {
            assert!(!is_function_word(w), "{w}");
        }
    }
}
