//! Proclitic analysis of normalized Arabic words.
//!
//! Names arrive glued to conjunctions, prepositions and the article (وموسكو,
//! بتدمر, لفلاديمير, والأستانة). Which split is right cannot be told from the
//! word alone (لافروف is a name, not ل + افروف), so this module lists the
//! possible splits and callers choose with a lexicon.

/// Proclitic sequences, in normalized spelling, longest first. `لل` is ل + ال
/// with the alef dropped, so its stem takes the article back.
pub const PROCLITICS: &[&str] = &[
    "وبال", "فبال", "وكال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "وب",
    "وك", "ول", "فب", "فل", "فك", "و", "ف", "ب", "ك", "ل",
];

/// Whether a proclitic sequence includes the article ال, written (بال,
/// وال) or implied after ل (لل).
pub fn bears_article(prefix: &str) -> bool {
    prefix.ends_with("ال") || prefix.ends_with("لل")
}

/// One way to read a word: proclitics, then a stem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Analysis<'a> {
    /// The proclitics removed (empty for the word as it is).
    pub prefix: &'static str,
    /// What remains.
    pub stem: &'a str,
    /// Whether the proclitics include the article ال (written or, in لل, implied).
    pub article: bool,
}

/// The readings of a normalized word: as it is first, then each proclitic split
/// that leaves a stem of at least two letters, longest prefix first.
pub fn analyses(word: &str) -> Vec<Analysis<'_>> {
    let mut out = vec![Analysis {
        prefix: "",
        stem: word,
        article: false,
    }];
    for &p in PROCLITICS {
        if let Some(stem) = word.strip_prefix(p) {
            if stem.chars().count() >= 2 {
                out.push(Analysis {
                    prefix: p,
                    stem,
                    article: bears_article(p),
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_splits() {
        let stems: Vec<&str> = analyses("والاستانه").iter().map(|a| a.stem).collect();
        assert_eq!(stems, ["والاستانه", "استانه", "الاستانه"]);
        let a = analyses("للرييس");
        assert!(a.iter().any(|a| a.stem == "رييس" && a.article));
        assert_eq!(
            analyses("لندن").len(),
            2,
            "لندن or ل+ندن; the lexicon decides"
        );
        assert_eq!(analyses("وب").len(), 1);
    }
}
