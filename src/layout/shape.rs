//! Arabic joining: letters become their isolated, initial, medial or final
//! presentation forms, and lam followed directly by alef becomes one ligature.
//!
//! Shaping runs on logical text, before reordering, as joining is defined
//! between logical neighbours. Each output character remembers the bytes of the
//! input it came from, so a cell on screen can be traced back to the article.

use std::ops::Range;

use unicode_joining_type::{get_joining_type, JoiningType};

use super::forms::{FORMS, LAM_ALEF};

/// Text after shaping, with the origin of every character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shaped {
    /// The shaped text, still in logical order.
    pub text: String,
    /// For each character of `text`: its byte offset there, and the byte range
    /// of the input it stands for (two letters for a lam-alef ligature).
    origins: Vec<Origin>,
}

/// Where one shaped character came from, in `u32` offsets (a paragraph is
/// at most one 64 MB file; a long one holds one of these per character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Origin {
    /// Offset in the shaped text.
    at: u32,
    /// Input bytes it stands for.
    start: u32,
    end: u32,
}

impl Origin {
    fn new(at: usize, from: Range<usize>) -> Origin {
        Origin {
            at: at as u32,
            start: from.start as u32,
            end: from.end as u32,
        }
    }
}

impl Shaped {
    /// Text that is not shaped: every character stands for itself.
    pub fn identity(text: &str) -> Shaped {
        let origins = text
            .char_indices()
            .map(|(i, c)| Origin::new(i, i..i + c.len_utf8()))
            .collect();
        Shaped {
            text: text.to_owned(),
            origins,
        }
    }

    /// The input bytes behind a byte range of the shaped text.
    pub fn origin(&self, shaped: Range<usize>) -> Range<usize> {
        let first = self
            .origins
            .partition_point(|o| (o.at as usize) < shaped.start);
        let last = self
            .origins
            .partition_point(|o| (o.at as usize) < shaped.end);
        match (
            self.origins.get(first),
            last.checked_sub(1).and_then(|l| self.origins.get(l)),
        ) {
            (Some(a), Some(b)) if first < last => a.start as usize..b.end as usize,
            _ => {
                let at = self
                    .origins
                    .get(first)
                    .map_or(self.origins.last().map_or(0, |o| o.end), |o| o.start)
                    as usize;
                at..at
            }
        }
    }
}

impl Shaped {
    /// The input bytes behind each of a sequence of ascending, adjacent shaped
    /// ranges (the grapheme clusters), in one pass instead of a search each.
    pub fn origins_of(&self, ranges: impl Iterator<Item = Range<usize>>) -> Vec<Range<u32>> {
        let mut k = 0;
        ranges
            .map(|r| {
                while k < self.origins.len() && (self.origins[k].at as usize) < r.start {
                    k += 1;
                }
                let first = k;
                while k < self.origins.len() && (self.origins[k].at as usize) < r.end {
                    k += 1;
                }
                if first < k {
                    self.origins[first].start..self.origins[k - 1].end
                } else {
                    let o = self.origin(r);
                    o.start as u32..o.end as u32
                }
            })
            .collect()
    }
}

fn joins_before(t: JoiningType) -> bool {
    matches!(
        t,
        JoiningType::DualJoining | JoiningType::RightJoining | JoiningType::JoinCausing
    )
}

fn joins_after(t: JoiningType) -> bool {
    matches!(
        t,
        JoiningType::DualJoining | JoiningType::LeftJoining | JoiningType::JoinCausing
    )
}

fn forms_of(c: char) -> Option<&'static [u32; 4]> {
    FORMS
        .binary_search_by_key(&c, |(b, _)| *b)
        .ok()
        .map(|i| &FORMS[i].1)
}

fn lam_alef(alef: char) -> Option<&'static [u32; 2]> {
    LAM_ALEF.iter().find(|(a, _)| *a == alef).map(|(_, f)| f)
}

/// Shapes Arabic letters into presentation forms.
///
/// Transparent characters (harakat) are skipped when looking for neighbours,
/// ZWJ joins and ZWNJ breaks as Unicode says, and a letter without the form it
/// needs keeps its nominal form, as FriBidi does.
pub fn shape(text: &str) -> Shaped {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let types: Vec<JoiningType> = chars.iter().map(|&(_, c)| get_joining_type(c)).collect();
    let neighbour = |from: usize, step: isize| -> Option<usize> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < chars.len() {
            if types[i as usize] != JoiningType::Transparent {
                return Some(i as usize);
            }
            i += step;
        }
        None
    };
    let mut out = Shaped {
        text: String::with_capacity(text.len()),
        origins: Vec::with_capacity(chars.len()),
    };
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let end = |k: usize| chars.get(k + 1).map_or(text.len(), |n| n.0);
        let t = types[i];
        if t == JoiningType::Transparent || t == JoiningType::NonJoining {
            push(&mut out, c, at..end(i));
            i += 1;
            continue;
        }
        let prev_joins = neighbour(i, -1).is_some_and(|p| joins_after(types[p])) && joins_before(t);
        if c == '\u{0644}' {
            if let Some(lig) = chars.get(i + 1).and_then(|&(_, a)| lam_alef(a)) {
                let form = lig[usize::from(prev_joins)];
                push(&mut out, char::from_u32(form).unwrap_or(c), at..end(i + 1));
                i += 2;
                continue;
            }
        }
        let next_joins = neighbour(i, 1).is_some_and(|n| joins_before(types[n])) && joins_after(t);
        let slot = match (prev_joins, next_joins) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        let shaped = forms_of(c)
            .map(|f| f[slot])
            .filter(|&f| f != 0)
            .and_then(char::from_u32)
            .unwrap_or(c);
        push(&mut out, shaped, at..end(i));
        i += 1;
    }
    out
}

fn push(out: &mut Shaped, c: char, origin: Range<usize>) {
    out.origins.push(Origin::new(out.text.len(), origin));
    out.text.push(c);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u32> {
        s.chars().map(|c| c as u32).collect()
    }

    #[test]
    fn joining_forms() {
        assert_eq!(hex(&shape("بتب").text), [0xFE91, 0xFE98, 0xFE90]);
        assert_eq!(hex(&shape("ب").text), [0xFE8F]);
        assert_eq!(
            hex(&shape("دب").text),
            [0xFEA9, 0xFE8F],
            "dal does not join forward"
        );
        assert_eq!(
            hex(&shape("ـبـ").text),
            [0x640, 0xFE92, 0x640],
            "tatweel joins both ways"
        );
        assert_eq!(hex(&shape("ب\u{200D}").text), [0xFE91, 0x200D], "ZWJ joins");
        assert_eq!(
            hex(&shape("ب\u{200C}ب").text),
            [0xFE8F, 0x200C, 0xFE8F],
            "ZWNJ breaks"
        );
        assert_eq!(
            hex(&shape("بَب").text),
            [0xFE91, 0x064E, 0xFE90],
            "harakat are transparent"
        );
        assert_eq!(hex(&shape("پچژگ").text), [0xFB58, 0xFB7D, 0xFB8B, 0xFB92]);
    }

    #[test]
    fn lam_alef_ligatures_and_origins() {
        let s = shape("علاقة");
        assert_eq!(hex(&s.text), [0xFECB, 0xFEFC, 0xFED7, 0xFE94]);
        let lig_at = s.text.char_indices().nth(1).unwrap().0;
        assert_eq!(
            s.origin(lig_at..lig_at + 3),
            2..6,
            "the ligature stands for lam and alef"
        );
        assert_eq!(hex(&shape("لا").text), [0xFEFB]);
        assert_eq!(
            hex(&shape("لَا").text),
            [0xFEDF, 0x064E, 0xFE8E],
            "no ligature across a haraka"
        );
        assert_eq!(
            hex(&shape("الله").text),
            [0xFE8D, 0xFEDF, 0xFEE0, 0xFEEA],
            "no Allah ligature"
        );
    }

    #[test]
    fn latin_is_untouched() {
        let s = shape("abc 2017");
        assert_eq!(s.text, "abc 2017");
        assert_eq!(s.origin(4..8), 4..8);
        assert_eq!(s.origin(8..8), 8..8);
    }
}
