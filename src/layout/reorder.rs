//! Reordering one line from logical to visual order (UAX #9 rules L1–L4).
//!
//! unicode-bidi resolves the paragraph's levels once. Rules L1 and L2 are
//! applied here to each line's own slice of them: unicode-bidi's per-line
//! call copies the levels of the whole paragraph for every line, which made
//! laying out one long paragraph quadratic (an 8 MB paragraph took 77 s).
//! Right-to-left runs are reversed by grapheme cluster, so that harakat stay
//! on their letters, and brackets are mirrored; unicode-bidi does neither.

use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, Level, ParagraphInfo};

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
    let (levels, runs) = line_runs(info, para, line.clone());
    let mut out = Vec::new();
    for run in runs {
        let rtl = levels[run.start - line.start].is_rtl();
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

/// The levels of one line after rule L1 (indexed from `line.start`), and its
/// level runs (byte ranges of the text) in visual order after rule L2.
fn line_runs(
    info: &BidiInfo<'_>,
    para: &ParagraphInfo,
    line: Range<usize>,
) -> (Vec<Level>, Vec<Range<usize>>) {
    let mut levels = info.levels[line.clone()].to_vec();
    if levels.is_empty() {
        return (levels, Vec::new());
    }
    reset_whitespace(
        &info.text[line.clone()],
        &info.original_classes[line.clone()],
        &mut levels,
        para.level,
    );
    // Level runs, then L2: from the highest level down to the lowest odd
    // one, reverse every stretch of runs at that level or above.
    let mut runs: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for i in 1..=levels.len() {
        if i == levels.len() || levels[i] != levels[start] {
            runs.push(start..i);
            start = i;
        }
    }
    let run_level = |r: &Range<usize>| levels[r.start].number();
    let highest = runs.iter().map(run_level).max().unwrap_or(0);
    let lowest_odd = runs
        .iter()
        .map(run_level)
        .min()
        .map_or(1, |l| l + (l + 1) % 2);
    for level in (lowest_odd..=highest).rev() {
        let mut k = 0;
        while k < runs.len() {
            if run_level(&runs[k]) < level {
                k += 1;
                continue;
            }
            let from = k;
            while k < runs.len() && run_level(&runs[k]) >= level {
                k += 1;
            }
            runs[from..k].reverse();
        }
    }
    let offset = line.start;
    let runs = runs
        .into_iter()
        .map(|r| r.start + offset..r.end + offset)
        .collect();
    (levels, runs)
}

/// Rule L1 on one line's levels: segment and paragraph separators, and the
/// whitespace and isolate controls before them or at the end of the line,
/// go back to the paragraph level. Characters rule X9 removed take the
/// level before them and join such whitespace (as unicode-bidi treats them
/// when it keeps them, so that the conformance tests agree).
fn reset_whitespace(text: &str, classes: &[BidiClass], levels: &mut [Level], para: Level) {
    use BidiClass::*;
    let mut trailing: Option<usize> = None;
    let mut previous = para;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        match classes[i] {
            B | S => {
                levels[trailing.unwrap_or(i)..end].fill(para);
                trailing = None;
            }
            WS | FSI | LRI | RLI | PDI => {
                trailing.get_or_insert(i);
            }
            RLE | LRE | RLO | LRO | PDF | BN => {
                trailing.get_or_insert(i);
                levels[i..end].fill(previous);
            }
            _ => trailing = None,
        }
        previous = levels[i];
    }
    if let Some(from) = trailing {
        levels[from..].fill(para);
    }
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
