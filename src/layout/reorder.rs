//! Reordering one line from logical to visual order (UAX #9 rules L1–L4).
//!
//! unicode-bidi resolves the levels and the visual order of level runs; it
//! neither reverses right-to-left runs by grapheme cluster, so that harakat stay
//! on their letters, nor mirrors brackets. Both are done here.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, ParagraphInfo};

use super::clusters::Clusters;

/// One visual unit of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisualUnit {
    /// Bytes of the text.
    pub range: Range<usize>,
    /// Whether it lies in a right-to-left run (so it is to be mirrored).
    pub rtl: bool,
    /// The grapheme cluster's index, or the character's when reordering by
    /// character.
    pub index: usize,
}

/// The units of `line` in visual order, left to right. With `clusters`, a unit
/// is a grapheme cluster; otherwise a character (as the conformance tests
/// count). Characters removed by rule X9 (embedding controls, BN) are omitted.
pub fn visual_units(
    info: &BidiInfo<'_>,
    para: &ParagraphInfo,
    line: Range<usize>,
    clusters: Option<&Clusters>,
) -> Vec<VisualUnit> {
    let text = info.text;
    let (levels, runs) = info.visual_runs(para, line);
    let mut out = Vec::new();
    for run in runs {
        let rtl = levels[run.start].is_rtl();
        let start = out.len();
        match clusters {
            Some(c) => out.extend(c.indexed(run.clone()).map(|(index, range)| VisualUnit {
                range,
                rtl,
                index,
            })),
            None => out.extend(text[run.clone()].char_indices().map(|(i, c)| VisualUnit {
                range: run.start + i..run.start + i + c.len_utf8(),
                rtl,
                index: text[..run.start + i].chars().count(),
            })),
        }
        let mut kept = start;
        for k in start..out.len() {
            if !removed_by_x9(info.original_classes[out[k].range.start]) {
                out.swap(kept, k);
                kept += 1;
            }
        }
        out.truncate(kept);
        if rtl {
            out[start..].reverse();
        }
    }
    out
}

/// Classes that rule X9 removes; they have no place in visual order.
pub fn removed_by_x9(class: BidiClass) -> bool {
    use BidiClass::*;
    matches!(class, RLE | LRE | RLO | LRO | PDF | BN)
}

/// Writes a unit of a right-to-left run with mirrored characters swapped.
pub fn push_mirrored(out: &mut String, unit: &str) {
    for c in unit.chars() {
        out.push(mirror(c));
    }
}

/// The mirrored glyph of `c`, if it has one. Below U+2000 and among the Arabic
/// presentation forms only a handful of characters mirror; answering for the
/// rest directly spares a table search per Arabic letter.
fn mirror(c: char) -> char {
    let may_mirror = match c {
        '('
        | ')'
        | '<'
        | '>'
        | '['
        | ']'
        | '{'
        | '}'
        | '«'
        | '»'
        | '\u{0F3A}'..='\u{0F3D}'
        | '\u{169B}'
        | '\u{169C}' => true,
        '\0'..='\u{1FFF}' | '\u{FB50}'..='\u{FE58}' | '\u{FE70}'..='\u{FEFF}' => false,
        _ => true,
    };
    if may_mirror {
        unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c)
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn mirror_guard_misses_nothing() {
        for c in (0u32..0x2000)
            .chain(0xFB50..0xFF00)
            .filter_map(char::from_u32)
        {
            assert_eq!(
                super::mirror(c),
                unicode_bidi_mirroring::get_mirrored(c).unwrap_or(c),
                "U+{:04X}",
                c as u32
            );
        }
    }
}
