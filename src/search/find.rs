//! Finding a phrase inside one article, the way Arabic readers expect:
//! hamza forms, alef maksura and taa marbuta folded, harakat and tatweel
//! ignored, Latin letters without case. Each hit is the byte range of the
//! original text, so that the reader can highlight exactly those letters.

use std::ops::Range;

use crate::text::fold_char;

/// One occurrence: the paragraph (0 is the headline) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextHit {
    /// Index of the paragraph.
    pub paragraph: usize,
    /// Bytes of the paragraph the hit covers.
    pub range: Range<usize>,
}

/// Every occurrence of `query` in `paragraphs`, in reading order, not
/// overlapping. An empty query (after folding) finds nothing.
pub fn find_all(paragraphs: &[&str], query: &str) -> Vec<TextHit> {
    let needle: Vec<char> = query.chars().filter_map(fold_char).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (paragraph, text) in paragraphs.iter().enumerate() {
        // The folded letters, each with the bytes of the original it came
        // from (a dropped mark is covered by the letter before it).
        let mut folded: Vec<(char, Range<usize>)> = Vec::with_capacity(text.len() / 2);
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            match fold_char(c) {
                Some(f) => folded.push((f, i..end)),
                None => {
                    if let Some(last) = folded.last_mut() {
                        last.1.end = end;
                    }
                }
            }
        }
        let mut k = 0;
        while k + needle.len() <= folded.len() {
            if folded[k..k + needle.len()]
                .iter()
                .zip(&needle)
                .all(|((c, _), n)| c == n)
            {
                let range = folded[k].1.start..folded[k + needle.len() - 1].1.end;
                hits.push(TextHit { paragraph, range });
                k += needle.len();
            } else {
                k += 1;
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        let text = [
            "مُحادثات أستانة",
            "قال إن استانه ستستضيف المحادثاتِ، وأستانةُ جاهزة",
            "Astana ASTANA",
        ];
        let cases: &[(&str, &[(usize, &str)])] = &[
            ("استانة", &[(0, "أستانة"), (1, "استانه"), (1, "أستانةُ")]),
            ("محادثات", &[(0, "مُحادثات"), (1, "محادثاتِ")]),
            ("astana", &[(2, "Astana"), (2, "ASTANA")]),
            ("قال ان", &[(1, "قال إن")]),
            ("", &[]),
            ("ً", &[]),
            ("موسكو", &[]),
        ];
        for (query, want) in cases {
            let got: Vec<(usize, &str)> = find_all(&text, query)
                .into_iter()
                .map(|h| (h.paragraph, &text[h.paragraph][h.range]))
                .collect();
            assert_eq!(&got, want, "query {query:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn hits_are_char_boundaries_in_order(text in "\\PC{0,60}", query in "\\PC{0,4}") {
            let hits = find_all(&[&text], &query);
            for w in hits.windows(2) {
                proptest::prop_assert!(w[0].range.end <= w[1].range.start);
            }
            for h in hits {
                proptest::prop_assert!(text.is_char_boundary(h.range.start) && text.is_char_boundary(h.range.end));
            }
        }
    }
}
