//! Phonetic skeletons: Arabic names and Latin transliterations reduced to a
//! shared alphabet of consonant classes, so that `lavrov` meets لافروف and
//! `bogdanov` meets both بوغدانوف and بوجدانوف, for names no list has seen.
//!
//! Vowels are dropped from the skeletons on both sides (Arabic writes long
//! vowels only, and transliterations disagree on them); و and ي count only
//! at a word's start (as w and y), and a final ي as the -i/-y every
//! transliteration writes (الحلبي is halabi, not halab; سيرغي is sergei).
//! Beside a skeleton, the vowels after each class are kept, so that a long
//! vowel Arabic writes can tell skeleton twins apart (جميل jamil, جمال
//! jamal). Class letters: B T D S Z C(sh) G K Q(ق: G or K) H X(kh) F L M N
//! R W Y, and the Latin-only wildcards 8 (th: ث or ت) and 9 (dh: ذ or د).

/// One class per Arabic letter of a normalized word (article removed).
/// The index cache keeps skeletons: a change here bumps its format
/// (`index/cache.rs`).
pub fn arabic(word: &str) -> Vec<u8> {
    arabic_with_vowels(word).0
}

/// Long vowels (or their Latin spellings) after each class of a skeleton,
/// as bits: ا and a, ي and i, و and u; e stands for either of the first two.
pub const VOWEL_A: u8 = 1;
pub const VOWEL_I: u8 = 2;
pub const VOWEL_U: u8 = 4;
/// A Latin spelling's long i or ay (ee, ei, ai, ay, ia, ie…: two vowel
/// letters, one an i or y), which Arabic writes with ي: hussein is حسين,
/// not حسن.
pub const LONG_I: u8 = 8;
/// An Arabic ع or hamza after a class, which Latin often writes as a vowel
/// letter (saad سعد, raid رائد): a slot with one clashes with no vowel.
pub const GLOTTAL: u8 = 16;
const VOWELS: u8 = VOWEL_A | VOWEL_I | VOWEL_U;

/// [`arabic`], with the long vowels written after each class: what tells
/// skeleton twins apart (جميل jamil, جمال jamal).
pub fn arabic_with_vowels(word: &str) -> (Vec<u8>, Vec<u8>) {
    let word = word
        .strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(word);
    let chars: Vec<char> = word.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut vowels: Vec<u8> = Vec::with_capacity(chars.len());
    for (i, &c) in chars.iter().enumerate() {
        let last = i + 1 == chars.len();
        let vowel = match c {
            'ا' | 'آ' => VOWEL_A,
            'ي' => VOWEL_I,
            'و' => VOWEL_U,
            'ع' | 'ء' | 'أ' | 'إ' | 'ئ' | 'ؤ' => GLOTTAL,
            _ => 0,
        };
        let class = match c {
            'ب' | 'پ' => b'B',
            // تس writes a German or Slavic z (شولتس, Scholz).
            'ت' if chars.get(i + 1) == Some(&'س') => b'Z',
            'س' if i > 0 && chars[i - 1] == 'ت' => continue,
            'ت' | 'ط' => b'T',
            'ث' | 'س' | 'ص' => b'S',
            'ج' | 'غ' | 'گ' => b'G',
            'ح' => b'H',
            // A final ه is mostly the ة of an undotted spelling (سلامه,
            // salama), but after ا it is sounded (شاه, shah; مياه).
            'ه' if !last || (i > 0 && chars[i - 1] == 'ا') => b'H',
            'خ' => b'X',
            'د' | 'ض' => b'D',
            'ذ' | 'ز' | 'ظ' | 'ژ' => b'Z',
            'ر' => b'R',
            'ش' | 'چ' => b'C',
            'ف' | 'ڤ' => b'F',
            'ق' => b'Q',
            'ك' => b'K',
            'ل' => b'L',
            'م' => b'M',
            'ن' => b'N',
            'و' if i == 0 => b'W',
            'ي' if i == 0 || (last && i > 0) => b'Y',
            _ => {
                if let Some(v) = vowels.last_mut() {
                    *v |= vowel;
                }
                continue;
            }
        };
        if push(&mut out, class) {
            vowels.push(0);
        }
    }
    (out, vowels)
}

/// Classes of a Latin word (lower case, article removed by the caller).
pub fn latin(word: &str) -> Vec<u8> {
    latin_with_vowels(word).0
}

/// [`latin`], with the vowels written after each class (see
/// [`arabic_with_vowels`]).
pub fn latin_with_vowels(word: &str) -> (Vec<u8>, Vec<u8>) {
    latin_classes(word, true)
}

/// [`latin`] with every consonant before an h read apart from it: sh, kh,
/// th, dh, gh and ph also write two letters (ishac, إسحاق; fathi, فتحي;
/// lakhal, لكحل). The same as [`latin`] when the word has no such pair.
pub fn latin_split(word: &str) -> Vec<u8> {
    latin_classes(word, false).0
}

fn latin_classes(word: &str, digraphs: bool) -> (Vec<u8>, Vec<u8>) {
    let b: Vec<u8> = word
        .bytes()
        .filter(u8::is_ascii_alphabetic)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut out = Vec::with_capacity(b.len());
    let mut vowels: Vec<u8> = Vec::with_capacity(b.len());
    // Vowel letters since the last class, and whether one is an i or y.
    let mut run = (0, false);
    let mut i = 0;
    while i < b.len() {
        let next = b.get(i + 1).copied().filter(|&n| digraphs || n != b'h');
        let (class, step) = match (b[i], next) {
            (b's', Some(b'c')) if b.get(i + 2) == Some(&b'h') => (Some(b'C'), 3),
            (b's' | b'c', Some(b'h')) => (Some(b'C'), 2),
            (b'k', Some(b'h')) => (Some(b'X'), 2),
            (b'g', Some(b'h')) => (Some(b'G'), 2),
            (b't', Some(b'h')) => (Some(b'8'), 2),
            (b'd', Some(b'h')) => (Some(b'9'), 2),
            (b'p', Some(b'h')) => (Some(b'F'), 2),
            (b't', Some(b's' | b'z')) => (Some(b'Z'), 2),
            (b'c', Some(b'e' | b'i' | b'y')) => (Some(b'S'), 1),
            (b'b' | b'p', _) => (Some(b'B'), 1),
            (b't', _) => (Some(b'T'), 1),
            (b'd', _) => (Some(b'D'), 1),
            (b's', _) => (Some(b'S'), 1),
            (b'z', _) => (Some(b'Z'), 1),
            (b'c' | b'k', _) => (Some(b'K'), 1),
            (b'q', _) => (Some(b'Q'), 1),
            (b'g' | b'j', _) => (Some(b'G'), 1),
            (b'h', _) => (Some(b'H'), 1),
            (b'f' | b'v', _) => (Some(b'F'), 1),
            (b'l', _) => (Some(b'L'), 1),
            (b'm', _) => (Some(b'M'), 1),
            (b'n', _) => (Some(b'N'), 1),
            (b'r', _) => (Some(b'R'), 1),
            (b'x', _) => {
                if push(&mut out, b'K') {
                    vowels.push(0);
                }
                (Some(b'S'), 1)
            }
            (b'w', _) if i == 0 => (Some(b'W'), 1),
            (b'y', _) if i == 0 => (Some(b'Y'), 1),
            // A final -i, -y, -ee, -ey, -ei, -ie writes ي; so does the -e of a
            // short word (de, abe).
            (b'i' | b'y', None) if i > 0 => (Some(b'Y'), 1),
            (b'e', Some(b'e' | b'y' | b'i')) if i + 2 == b.len() => (Some(b'Y'), 2),
            (b'i', Some(b'e')) if i + 2 == b.len() => (Some(b'Y'), 2),
            (b'e', None) if b.len() <= 3 && i > 0 && !b"aeiou".contains(&b[i - 1]) => {
                (Some(b'Y'), 1)
            }
            _ => (None, 1),
        };
        match class {
            Some(c) => {
                if push(&mut out, c) {
                    vowels.push(0);
                }
                run = (0, false);
            }
            None => {
                let vowel = match b[i] {
                    b'a' => VOWEL_A,
                    b'e' => VOWEL_A | VOWEL_I,
                    b'i' | b'y' => VOWEL_I,
                    b'o' | b'u' | b'w' => VOWEL_U,
                    _ => 0,
                };
                if vowel != 0 {
                    run = (run.0 + 1, run.1 || matches!(b[i], b'i' | b'y'));
                }
                // ee is a long i too (saeed, sheet).
                let long = run.0 >= 2
                    && (run.1 || (b[i] == b'e' && b.get(i.wrapping_sub(1)) == Some(&b'e')));
                if let Some(v) = vowels.last_mut() {
                    *v |= vowel | if long { LONG_I } else { 0 };
                }
            }
        }
        i += step;
    }
    (out, vowels)
}

/// Long vowels of an Arabic skeleton that a Latin spelling of the same
/// skeleton does not write where Arabic does: جمال for jamil has one.
pub fn vowel_clashes(arabic: &[u8], latin: &[u8]) -> usize {
    arabic
        .iter()
        .zip(latin)
        .filter(|&(&a, &l)| {
            let unwritten = a & VOWELS != 0 && a & l & VOWELS == 0;
            // A long i the Latin writes where Arabic has neither ي nor a
            // letter Latin may write as a vowel.
            let unmatched = l & LONG_I != 0 && a & (VOWEL_I | GLOTTAL) == 0;
            unwritten || unmatched
        })
        .count()
}

/// Appends a class, collapsing doubles (ss, لّ) into one; whether it was
/// appended.
fn push(out: &mut Vec<u8>, class: u8) -> bool {
    let new = out.last() != Some(&class);
    if new {
        out.push(class);
    }
    new
}

/// Whether two classes may stand for the same sound.
pub fn same_class(a: u8, b: u8) -> bool {
    a == b
        || matches!(
            (a.min(b), a.max(b)),
            (b'G', b'Q')
                | (b'K', b'Q')
                | (b'8', b'S')
                | (b'8', b'T')
                | (b'8', b'Z')
                | (b'9', b'D')
                | (b'9', b'Z')
        )
}

/// Edit distance between two skeletons under [`same_class`], or `None` once
/// it exceeds `limit` (lengths too far apart are rejected without work).
pub fn distance(a: &[u8], b: &[u8], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    let mut prev: [usize; 24] = [0; 24];
    let mut cur: [usize; 24] = [0; 24];
    if b.len() >= prev.len() {
        return None;
    }
    for (j, p) in prev.iter_mut().enumerate().take(b.len() + 1) {
        *p = j;
    }
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(!same_class(a[i - 1], b[j - 1]));
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
            row_min = row_min.min(cur[j]);
        }
        if row_min > limit {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[b.len()] <= limit).then_some(prev[b.len()])
}

/// Whether one skeleton becomes the other by one class missing, extra or
/// changed (under [`same_class`]); linear, unlike [`distance`].
pub fn one_off(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = short
        .iter()
        .zip(long)
        .position(|(x, y)| !same_class(*x, *y))
    else {
        return true;
    };
    let rest_equal =
        |s: &[u8], l: &[u8]| s.len() == l.len() && s.iter().zip(l).all(|(x, y)| same_class(*x, *y));
    if short.len() == long.len() {
        rest_equal(&short[i + 1..], &long[i + 1..])
    } else {
        rest_equal(&short[i..], &long[i + 1..])
    }
}

/// Whether two skeletons are equal under [`same_class`].
pub fn equal(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same_class(*x, *y))
}

/// Whether skeleton `short` matches the start of `long` under [`same_class`].
pub fn is_prefix(short: &[u8], long: &[u8]) -> bool {
    short.len() <= long.len() && short.iter().zip(long).all(|(a, b)| same_class(*a, *b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize_str;

    fn ar(s: &str) -> Vec<u8> {
        arabic(&normalize_str(s))
    }

    #[test]
    fn latin_meets_arabic() {
        let pairs = [
            ("putin", "بوتين"),
            ("lavrov", "لافروف"),
            ("erdogan", "أردوغان"),
            ("mistura", "ميستورا"),
            ("zarif", "ظريف"),
            ("bogdanov", "بوغدانوف"),
            ("bogdanov", "بوجدانوف"),
            ("astana", "أستانا"),
            ("astana", "آستانة"),
            ("halab", "حلب"),
            ("tadmur", "تدمر"),
            ("shoigu", "شويغو"),
            ("khaled", "خالد"),
            ("qadri", "قدري"),
            ("kadri", "قدري"),
            ("gadri", "قدري"),
            ("uthman", "عثمان"),
            ("tehran", "طهران"),
            ("nazarbayev", "نزارباييف"),
            ("zakharova", "زاخاروفا"),
            ("peskov", "بيسكوف"),
            ("scholz", "شولتس"),
            ("schultz", "شولتس"),
            ("tsunami", "تسونامي"),
            ("sergei", "سيرغي"),
            ("sergey", "سيرجي"),
            ("halabi", "الحلبي"),
            ("modi", "مودي"),
            ("sisi", "السيسي"),
            ("de", "دي"),
            ("abe", "آبي"),
            ("shah", "شاه"),
            ("salama", "سلامه"),
            ("dmitry", "دميتري"),
            ("joe", "جو"),
        ];
        for (l, a) in pairs {
            assert_eq!(
                distance(&latin(l), &ar(a), 0),
                Some(0),
                "{l} / {a}: {:?} vs {:?}",
                String::from_utf8_lossy(&latin(l)),
                String::from_utf8_lossy(&ar(a))
            );
        }
        assert_eq!(distance(&latin("trump"), &ar("بوتين"), 1), None);
        assert!(
            !equal(&latin("halab"), &ar("الحلبي")),
            "a nisba surname is not the city"
        );
        assert_eq!(ar("الأستانة"), ar("أستانا"), "the article does not count");
    }

    #[test]
    fn long_vowels_follow_their_classes() {
        let (skeleton, vowels) = arabic_with_vowels("جميل");
        assert_eq!(
            (&skeleton[..], &vowels[..]),
            (&b"GML"[..], &[0, VOWEL_I, 0][..])
        );
        let (skeleton, vowels) = latin_with_vowels("jamil");
        assert_eq!(
            (&skeleton[..], &vowels[..]),
            (&b"GML"[..], &[VOWEL_A, VOWEL_I, 0][..])
        );
        let clashes =
            |ar: &str, la: &str| vowel_clashes(&arabic_with_vowels(ar).1, &latin_with_vowels(la).1);
        assert_eq!(clashes("جميل", "jamil"), 0);
        assert_eq!(clashes("جمال", "jamil"), 1);
        assert_eq!(clashes("جمال", "jamal"), 0);
        // e stands for either; a short vowel Arabic does not write is free.
        assert_eq!(clashes("صالح", "saleh"), 0);
        assert_eq!(clashes("احمد", "ahmed"), 0);
        assert_eq!(clashes("يوسف", "yusuf"), 0);
        assert_eq!(clashes("يوسف", "yasif"), 1);
        // A long i the Latin writes wants a ي, or a ع or hamza that Latin
        // writes as a vowel letter.
        assert_eq!(clashes("حسين", "hussein"), 0);
        assert_eq!(clashes("حسن", "hussein"), 1);
        assert_eq!(clashes("حسن", "hassan"), 0);
        assert_eq!(clashes("سعيد", "saeed"), 0);
        assert_eq!(clashes("سعيد", "said"), 0);
        assert_eq!(clashes("سعد", "saad"), 0);
        assert_eq!(clashes("رائد", "raid"), 0);
        assert_eq!(clashes("فيصل", "faisal"), 0);
        assert_eq!(clashes("نادية", "nadia"), 0);
        assert_eq!(clashes("سليمان", "sulaiman"), 0);
        assert_eq!(clashes("سلمان", "sulaiman"), 1);
    }

    #[test]
    fn distances() {
        assert_eq!(distance(b"LFRF", b"LFRF", 1), Some(0));
        assert_eq!(distance(b"LFRF", b"LFR", 1), Some(1));
        assert_eq!(distance(b"LFRF", b"L", 1), None);
        assert!(is_prefix(b"LF", b"LFRF"));
        for (a, b) in [
            (&b"LFRF"[..], &b"LFR"[..]),
            (b"LFRF", b"LFRFF"),
            (b"LFRF", b"LKRF"),
            (b"GDN", b"QDN"),
        ] {
            assert_eq!(one_off(a, b), distance(a, b, 1).is_some(), "{a:?} {b:?}");
        }
        assert!(!one_off(b"LFRF", b"LF"));
        assert!(!is_prefix(b"LK", b"LFRF"));
    }
}
