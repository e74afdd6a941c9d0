//! Dates as Arabic news writes them: in records (`2017-01-23T10:00:00Z`,
//! `23/01/2017`, a Unix time) and in page headers and datelines
//! (`23 يناير 2017`, `الاثنين 23-01-2017`, `23 كانون الثاني 2017`,
//! `January 23, 2017`). Gregorian dates become [`jiff::civil::Date`]s;
//! Hijri dates (`25 ربيع الآخر 1438 هـ`) are recognised and noted as such,
//! not converted (the civil and Umm al-Qura calendars differ by a day or two).
//!
//! Hand-written: no date crate reads Arabic month names.

use jiff::civil::Date;

use super::fold_char;

/// A date found in text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundDate {
    /// A date of the Gregorian calendar.
    Gregorian(Date),
    /// A date of the Hijri calendar: year, month, day as written.
    Hijri(i16, i8, i8),
}

/// Gregorian months: Egyptian and Gulf names, Levantine and Iraqi names,
/// Maghrebi names, English names and abbreviations (folded spellings).
const MONTHS: &[(&str, i8)] = &[
    ("يناير", 1),
    ("فبراير", 2),
    ("مارس", 3),
    ("ابريل", 4),
    ("افريل", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("جويليه", 7),
    ("اغسطس", 8),
    ("اوت", 8),
    ("سبتمبر", 9),
    ("اكتوبر", 10),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("ديسمبر", 12),
    ("دجنبر", 12),
    ("جانفي", 1),
    ("فيفري", 2),
    ("شباط", 2),
    ("اذار", 3),
    ("نيسان", 4),
    ("ايار", 5),
    ("حزيران", 6),
    ("تموز", 7),
    ("اب", 8),
    ("ايلول", 9),
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

/// Levantine months of two words.
const TWO_WORD_MONTHS: &[(&str, &str, i8)] = &[
    ("كانون", "الثاني", 1),
    ("كانون", "الاول", 12),
    ("تشرين", "الاول", 10),
    ("تشرين", "الثاني", 11),
];

/// Hijri months (folded), one or two words.
const HIJRI_MONTHS: &[(&str, Option<&str>, i8)] = &[
    ("محرم", None, 1),
    ("صفر", None, 2),
    ("ربيع", Some("الاول"), 3),
    ("ربيع", Some("الاخر"), 4),
    ("ربيع", Some("الثاني"), 4),
    ("جمادي", Some("الاولي"), 5),
    ("جمادي", Some("الاول"), 5),
    ("جمادي", Some("الاخره"), 6),
    ("جمادي", Some("الثانيه"), 6),
    ("جمادي", Some("الاخر"), 6),
    ("رجب", None, 7),
    ("شعبان", None, 8),
    ("رمضان", None, 9),
    ("شوال", None, 10),
    ("ذو", Some("القعده"), 11),
    ("ذو", Some("الحجه"), 12),
];

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Num(u32, usize),
    Word(String),
    Sep(char),
}

/// Digits (any script) as numbers, letters as folded lower-case words,
/// `/ - .` as separators; everything else splits.
fn tokens(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut num: Option<(u32, usize)> = None;
    let flush = |out: &mut Vec<Tok>, word: &mut String, num: &mut Option<(u32, usize)>| {
        if !word.is_empty() {
            out.push(Tok::Word(std::mem::take(word)));
        }
        if let Some((n, len)) = num.take() {
            out.push(Tok::Num(n, len));
        }
    };
    for c in text.chars() {
        let c = fold_char(c).unwrap_or('\u{0}');
        if c == '\u{0}' {
            continue;
        }
        if let Some(d) = c.to_digit(10) {
            if !word.is_empty() {
                out.push(Tok::Word(std::mem::take(&mut word)));
            }
            let (n, len) = num.unwrap_or((0, 0));
            num = Some((n.saturating_mul(10).saturating_add(d), len + 1));
        } else if c.is_alphabetic() {
            if let Some((n, len)) = num.take() {
                out.push(Tok::Num(n, len));
            }
            word.extend(c.to_lowercase());
        } else {
            flush(&mut out, &mut word, &mut num);
            if matches!(c, '/' | '-' | '.') {
                out.push(Tok::Sep(c));
            }
        }
    }
    flush(&mut out, &mut word, &mut num);
    out
}

fn gregorian(y: u32, m: u32, d: u32) -> Option<FoundDate> {
    if !(1900..=2100).contains(&y) {
        return None;
    }
    Date::new(y as i16, m.try_into().ok()?, d.try_into().ok()?)
        .ok()
        .map(FoundDate::Gregorian)
}

fn month_of(words: &[&Tok]) -> Option<(i8, usize)> {
    let w = |k: usize| match words.get(k) {
        Some(Tok::Word(s)) => Some(s.as_str()),
        _ => None,
    };
    let first = w(0)?;
    if let Some(&(_, _, m)) = TWO_WORD_MONTHS
        .iter()
        .find(|(a, b, _)| *a == first && w(1) == Some(*b))
    {
        return Some((m, 2));
    }
    MONTHS
        .iter()
        .find(|(name, _)| *name == first)
        .map(|&(_, m)| (m, 1))
}

fn hijri_month_of(words: &[&Tok]) -> Option<(i8, usize)> {
    let w = |k: usize| match words.get(k) {
        Some(Tok::Word(s)) => Some(s.as_str()),
        _ => None,
    };
    let first = w(0)?;
    HIJRI_MONTHS
        .iter()
        .find(|(a, b, _)| *a == first && b.is_none_or(|b| w(1) == Some(b)))
        .map(|&(_, b, m)| (m, if b.is_some() { 2 } else { 1 }))
}

/// The first date in `text` (a header line, a dateline, a record field).
pub fn find_date(text: &str) -> Option<FoundDate> {
    let toks = tokens(text);
    let t: Vec<&Tok> = toks.iter().collect();
    for i in 0..t.len() {
        let num = |k: usize| match t.get(i + k) {
            Some(Tok::Num(n, len)) => Some((*n, *len)),
            _ => None,
        };
        let sep = |k: usize| matches!(t.get(i + k), Some(Tok::Sep(_)));
        // 2017-01-23, 2017/1/23
        if let (Some((y, 4)), true, Some((m, _)), true, Some((d, dl))) =
            (num(0), sep(1), num(2), sep(3), num(4))
        {
            if dl <= 2 {
                if let Some(found) = gregorian(y, m, d) {
                    return Some(found);
                }
            }
        }
        // 23/01/2017, 23-01-2017, 23.01.2017 (day first, as Arab sites write)
        if let (Some((d, dl)), true, Some((m, _)), true, Some((y, 4))) =
            (num(0), sep(1), num(2), sep(3), num(4))
        {
            if dl <= 2 {
                if let Some(found) = gregorian(y, m, d) {
                    return Some(found);
                }
            }
        }
        // 23 يناير 2017, 23 كانون الثاني 2017, 25 ربيع الآخر 1438
        if let Some((d, dl)) = num(0).filter(|&(_, l)| l <= 2) {
            let rest = &t[i + 1..];
            if let Some((m, used)) = month_of(rest) {
                if let Some(Tok::Num(y, 4)) = rest.get(used) {
                    if let Some(found) = gregorian(*y, m as u32, d) {
                        return Some(found);
                    }
                }
            }
            if let Some((m, used)) = hijri_month_of(rest) {
                if let Some(Tok::Num(y, 4)) = rest.get(used) {
                    if (1300..=1600).contains(y) && (1..=30).contains(&d) {
                        return Some(FoundDate::Hijri(*y as i16, m, d as i8));
                    }
                }
            }
            let _ = dl;
        }
        // January 23, 2017
        if let Some((m, used)) = month_of(&t[i..]) {
            if let (Some(Tok::Num(d, dl)), Some(Tok::Num(y, 4))) =
                (t.get(i + used), t.get(i + used + 1))
            {
                if *dl <= 2 {
                    if let Some(found) = gregorian(*y, m as u32, *d) {
                        return Some(found);
                    }
                }
            }
        }
    }
    None
}

/// A record's date field: a date in any of the forms above, or a Unix time
/// in seconds or milliseconds.
pub fn parse_date(text: &str) -> Option<FoundDate> {
    let t = text.trim();
    if t.len() >= 9 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = t.parse().ok()?;
        let secs = if t.len() >= 12 { n / 1000 } else { n };
        let ts = jiff::Timestamp::from_second(secs).ok()?;
        let date = ts.to_zoned(jiff::tz::TimeZone::UTC).date();
        return gregorian(date.year() as u32, date.month() as u32, date.day() as u32);
    }
    find_date(t)
}

impl FoundDate {
    /// The date to show and sort by: ISO 8601 for a Gregorian date; a Hijri
    /// date as `1438-04-25 هـ`, which sorts with none.
    pub fn shown(&self) -> String {
        match self {
            FoundDate::Gregorian(d) => d.to_string(),
            FoundDate::Hijri(y, m, d) => format!("{y:04}-{m:02}-{d:02} هـ"),
        }
    }

    /// The Gregorian date, if it is one.
    pub fn gregorian(&self) -> Option<Date> {
        match self {
            FoundDate::Gregorian(d) => Some(*d),
            FoundDate::Hijri(..) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_table() {
        let g = |y, m, d| Some(FoundDate::Gregorian(Date::new(y, m, d).unwrap()));
        let cases = [
            ("2017-01-23", g(2017, 1, 23)),
            ("2017-01-23T10:00:00Z", g(2017, 1, 23)),
            ("2015-7-3", g(2015, 7, 3)),
            ("2017/01/23", g(2017, 1, 23)),
            ("30/12/2016", g(2016, 12, 30)),
            ("الاثنين 23-01-2017", g(2017, 1, 23)),
            ("23.01.2017 10:30", g(2017, 1, 23)),
            ("٢٣ يناير ٢٠١٧", g(2017, 1, 23)),
            ("الأحد 22 يناير 2017 - 11:05 ص", g(2017, 1, 22)),
            ("23 كانون الثاني 2017", g(2017, 1, 23)),
            ("5 تشرين الأول 2016", g(2016, 10, 5)),
            ("1 آب 2015", g(2015, 8, 1)),
            ("12 أبريل 2016", g(2016, 4, 12)),
            ("January 23, 2017", g(2017, 1, 23)),
            ("23 Jan 2017", g(2017, 1, 23)),
            ("موسكو/ وكالات - 23 يناير 2017:", g(2017, 1, 23)),
            ("25 ربيع الآخر 1438 هـ", Some(FoundDate::Hijri(1438, 4, 25))),
            ("1 رمضان 1437", Some(FoundDate::Hijri(1437, 9, 1))),
            ("1485712800", g(2017, 1, 29)),
            ("1485712800000", g(2017, 1, 29)),
            ("31/02/2017", None),
            ("قال إن 23 شخصا قتلوا عام 2017", None),
            ("2017", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(parse_date(text), want, "{text:?}");
        }
    }

    #[test]
    fn shown_forms_sort_by_time() {
        let a = parse_date("30/12/2016").unwrap().shown();
        let b = parse_date("2017-01-02").unwrap().shown();
        let c = parse_date("2015-7-3").unwrap().shown();
        let d = parse_date("2015-07-21").unwrap().shown();
        assert_eq!((a.as_str(), c.as_str()), ("2016-12-30", "2015-07-03"));
        assert!(a < b && c < d);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse_date(&s);
        }
    }
}
