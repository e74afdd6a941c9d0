//! Grapheme clusters of a paragraph with their cell widths, computed once and
//! shared by wrapping and reordering.

use std::ops::Range;

use unicode_bidi::data_source::BidiDataSource;
use unicode_bidi::{BidiClass, HardcodedBidiData};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Grapheme clusters: start offsets and cumulative widths.
#[derive(Debug, Clone)]
pub struct Clusters {
    starts: Vec<usize>,
    /// `cum[k]` is the width of clusters `0..k`; one longer than `starts`.
    cum: Vec<usize>,
    len: usize,
}

impl Clusters {
    /// Segments `text` into grapheme clusters and measures each as a terminal
    /// buffer writes it.
    pub fn new(text: &str) -> Clusters {
        let mut clusters = Clusters {
            starts: Vec::with_capacity(text.len() / 2),
            cum: Vec::with_capacity(text.len() / 2 + 1),
            len: text.len(),
        };
        clusters.cum.push(0);
        if text.chars().all(is_simple) {
            clusters.segment_simple(text);
        } else {
            let mut total = 0;
            for (i, g) in text.grapheme_indices(true) {
                clusters.starts.push(i);
                total += g.width();
                clusters.cum.push(total);
            }
        }
        clusters
    }

    /// Segments text made only of [`is_simple`] characters: there, a cluster is
    /// one base character and the marks that follow it (rules GB9, GB999),
    /// and a base takes one cell, a mark none.
    fn segment_simple(&mut self, text: &str) {
        let mut total = 0;
        for (i, c) in text.char_indices() {
            if !is_extend(c) || self.starts.is_empty() {
                self.starts.push(i);
                total += usize::from(!is_extend(c));
                self.cum.push(total);
            }
        }
    }

    /// Index of the first cluster starting at or after byte `at`.
    pub fn index(&self, at: usize) -> usize {
        self.starts.partition_point(|&s| s < at)
    }

    /// Cells taken by the bytes `range` (cluster-aligned).
    pub fn width(&self, range: Range<usize>) -> usize {
        self.cum[self.index(range.end)] - self.cum[self.index(range.start)]
    }

    /// Byte ranges of the clusters that start inside `range`, clipped to it.
    pub fn within(&self, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
        self.indexed(range).map(|(_, r)| r)
    }

    /// [`Clusters::within`] with each cluster's index. A cluster that
    /// straddles an edge of `range` (bidi runs can split one: a right-to-left
    /// letter with a left-to-right spacing mark) contributes its part inside.
    pub fn indexed(&self, range: Range<usize>) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
        let first = self
            .starts
            .partition_point(|&s| s <= range.start)
            .saturating_sub(1);
        let last = self.index(range.end);
        (first..last).filter_map(move |k| {
            let end = self
                .starts
                .get(k + 1)
                .copied()
                .unwrap_or(self.len)
                .min(range.end);
            let start = self.starts[k].max(range.start);
            (start < end).then_some((k, start..end))
        })
    }

    /// Whether byte `at` begins a cluster (or ends the text). `cursor` is a
    /// position in the cluster list kept by the caller for ascending queries,
    /// so a pass over a paragraph stays linear.
    pub fn is_boundary(&self, at: usize, cursor: &mut usize) -> bool {
        while *cursor < self.starts.len() && self.starts[*cursor] < at {
            *cursor += 1;
        }
        at == self.len || self.starts.get(*cursor) == Some(&at)
    }

    /// The bytes of cluster `k`.
    pub fn range_of(&self, k: usize) -> Range<usize> {
        self.starts[k]..self.starts.get(k + 1).copied().unwrap_or(self.len)
    }

    /// Cells taken by cluster `k`.
    pub fn width_of(&self, k: usize) -> usize {
        self.cum[k + 1] - self.cum[k]
    }

    /// Every cluster's byte range, in order.
    pub fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.within(0..self.len)
    }
}

/// Characters for which the extended grapheme cluster rules reduce to "a base
/// and its following marks": printable ASCII and Latin-1, the Arabic block less
/// its prepended number signs and ALM, common punctuation, the presentation
/// forms, and ZWNJ/ZWJ. Everything else takes the full segmentation.
fn is_simple(c: char) -> bool {
    matches!(c,
        ' '..='~' | '\u{A0}'..='\u{AC}' | '\u{AE}'..='\u{2FF}' | '\u{0606}'..='\u{061B}' | '\u{061D}'..='\u{06DC}'
        | '\u{06DE}'..='\u{06FF}' | '\u{200C}' | '\u{200D}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}')
}

/// Marks that join the preceding base among the simple characters
/// (Grapheme_Cluster_Break Extend or ZWJ).
fn is_extend(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}' | '\u{06E7}' | '\u{06E8}' | '\u{06EA}'..='\u{06ED}'
        | '\u{200C}' | '\u{200D}')
}

/// Bidi classes with a quick answer for ASCII and the common Arabic letters,
/// which are nearly all of a news corpus, before the table search.
pub struct FastBidiData;

impl BidiDataSource for FastBidiData {
    fn bidi_class(&self, c: char) -> BidiClass {
        match c {
            'a'..='z' | 'A'..='Z' => BidiClass::L,
            '0'..='9' => BidiClass::EN,
            ' ' => BidiClass::WS,
            '\u{0620}'..='\u{064A}'
            | '\u{FE70}'..='\u{FE74}'
            | '\u{FE76}'..='\u{FEFC}'
            | '\u{FB50}'..='\u{FBB1}' => BidiClass::AL,
            '\u{064B}'..='\u{065F}' => BidiClass::NSM,
            _ => HardcodedBidiData.bidi_class(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_path_agrees_with_the_table() {
        for c in (0u32..0x700)
            .chain(0xFB50..0xFF00)
            .filter_map(char::from_u32)
        {
            assert_eq!(
                FastBidiData.bidi_class(c),
                HardcodedBidiData.bidi_class(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    fn reference(text: &str) -> (Vec<usize>, Vec<usize>) {
        let mut cum = vec![0];
        let starts = text
            .grapheme_indices(true)
            .map(|(i, g)| {
                cum.push(cum.last().unwrap() + g.width());
                i
            })
            .collect();
        (starts, cum)
    }

    #[test]
    fn simple_segmentation_agrees_with_unicode_segmentation() {
        let simple: Vec<char> = (0u32..0x10000)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
            .collect();
        for &c in &simple {
            for text in [
                format!("ب{c}"),
                format!("{c}ب"),
                format!("a{c}{c}"),
                c.to_string(),
            ] {
                let ours = Clusters::new(&text);
                assert_eq!(
                    (ours.starts, ours.cum),
                    reference(&text),
                    "{text:?} U+{:04X}",
                    c as u32
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn simple_segmentation_on_random_text(s in "[ -~\u{A0}-\u{2FF}\u{0606}-\u{06FF}\u{200C}\u{200D}\u{FE70}-\u{FEFC}]{0,40}") {
            let ours = Clusters::new(&s);
            proptest::prop_assert_eq!((ours.starts, ours.cum), reference(&s));
        }
    }

    #[test]
    fn widths_and_ranges() {
        let c = Clusters::new("مَّا ab");
        assert_eq!(c.width(0..c.len), 5);
        let units: Vec<_> = c.within(0..c.len).collect();
        assert_eq!(units[0], 0..6, "marks belong to their letter");
        assert_eq!(c.within(6..8).count(), 1);
    }
}
