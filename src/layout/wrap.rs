//! Line breaking in logical order at UAX #14 opportunities, measured in cells.
//!
//! Wrapping happens before reordering: reordering a whole paragraph and then
//! cutting it would put the paragraph's end on its first line.

use std::ops::Range;

use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::clusters::Clusters;

/// Cells a string takes when written grapheme by grapheme, as a terminal
/// buffer writes it. `str` width is not used: unicode-width counts a lam+alef
/// pair as one column, while a buffer writes the two letters in two cells.
pub fn cell_width(s: &str) -> usize {
    s.graphemes(true).map(UnicodeWidthStr::width).sum()
}

/// Splits `text` into line ranges no wider than `width` cells. Trailing white
/// space is left out of each range. A segment wider than `width` on its own is
/// cut at grapheme boundaries.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    wrap_clusters(text, &Clusters::new(text), width)
}

/// [`wrap`] with the clusters already measured.
pub(crate) fn wrap_clusters(text: &str, clusters: &Clusters, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    let mut prev = 0;
    let mut line_end = 0;
    let mut cursor = 0;
    for (at, kind) in linebreaks(text) {
        // The line-break and grapheme tables may come from different Unicode
        // versions; a break offered inside a cluster is no break.
        if !clusters.is_boundary(at, &mut cursor) {
            continue;
        }
        let segment = &text[prev..at];
        let word = segment.trim_end();
        let word_w = clusters.width(prev..prev + word.len());
        let seg_w = clusters.width(prev..at);
        if used > 0 && used + word_w > width {
            lines.push(start..line_end);
            start = prev;
            used = 0;
        }
        if word_w > width {
            let mut cut = prev;
            let mut w = 0;
            for g in clusters.within(prev..prev + word.len()) {
                let gw = clusters.width(g.clone());
                if w + gw > width && w > 0 {
                    lines.push(start..g.start);
                    start = g.start;
                    w = 0;
                }
                w += gw;
                cut = g.end;
            }
            used = w + (seg_w - word_w);
            line_end = cut;
        } else {
            used += seg_w;
            line_end = prev + word.len();
        }
        prev = at;
        if kind == BreakOpportunity::Mandatory && at < text.len() {
            lines.push(start..line_end);
            start = at;
            used = 0;
            line_end = at;
        }
    }
    if line_end > start || lines.is_empty() {
        lines.push(start..line_end);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn table() {
        assert_eq!(pieces("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(pieces("aa bb cc", 8), ["aa bb cc"]);
        assert_eq!(pieces("aa  bb", 3), ["aa", "bb"]);
        assert_eq!(pieces("abcdefgh ij", 3), ["abc", "def", "gh", "ij"]);
        assert_eq!(pieces("", 10), [""]);
        assert_eq!(
            pieces("2017/01/23 x", 6),
            ["2017/0", "1/23 x"],
            "a date is one segment, cut only when too wide"
        );
        assert_eq!(pieces("في أستانة غداً", 9), ["في أستانة", "غداً"]);
        assert_eq!(
            pieces("محمَّدٌ علي", 5),
            ["محمَّدٌ", "علي"],
            "harakat take no cells"
        );
    }

    #[test]
    fn width_is_per_grapheme() {
        assert_eq!(cell_width("لا"), 2);
        assert_eq!(cell_width("\u{FEFB}"), 1);
        assert_eq!(cell_width("مَّ"), 1);
    }

    proptest::proptest! {
        #[test]
        fn lines_fit_and_lose_nothing(words in proptest::collection::vec("[a-z]{1,12}|[ا-ي]{1,9}", 0..30), w in 1usize..40) {
            let text = words.join(" ");
            let lines = pieces(&text, w);
            for l in &lines {
                proptest::prop_assert!(cell_width(l) <= w, "{l:?} wider than {w}");
            }
            let rejoined: String = lines.concat().replace(' ', "");
            proptest::prop_assert_eq!(rejoined, text.replace(' ', ""));
        }
    }
}
