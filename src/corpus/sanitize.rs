//! Removal of terminal control sequences and control characters from untrusted text.
//!
//! Scraped pages can carry escape sequences; an article must never be able to
//! write them to the user's terminal. Whole sequences (CSI, OSC, DCS and friends)
//! are dropped rather than just their ESC byte, so no `]0;title` debris remains.
//!
//! This is the one sanitizer for text that can reach a terminal: bodies go
//! through [`strip_controls`]; one-line strings (titles, sources, ids, file
//! names, warnings, errors, strings read back from a cache) through
//! [`one_line`] or [`shown_name`], which also show bidi embedding, override and
//! isolate controls as visible `<U+202E>` marks: a title cannot then reorder
//! itself to pass for another, and two spoofs of one title look different.

/// Returns `text` without control characters, keeping only `\n` and `\t`.
///
/// `\r\n` and lone `\r` become `\n`. ESC-introduced sequences and their 8-bit C1
/// equivalents are removed whole: CSI up to its final byte, OSC/DCS/SOS/PM/APC
/// up to BEL or ST. Any other C0/C1 control or DEL is dropped.
pub fn strip_controls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\u{1b}' => match chars.peek().copied() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                Some(n) if !n.is_control() => {
                    chars.next();
                }
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Whether `c` is a bidi embedding, override or isolate control (U+202A–U+202E,
/// U+2066–U+2069): what can make a string display as a different one.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A one-line string safe for a terminal: controls and escape sequences
/// removed, line breaks and tabs as spaces, bidi controls shown as `<U+XXXX>`.
/// Borrows when nothing needed changing (the common case).
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    line_with(text, " ")
}

/// Like [`one_line`], for names (ids, paths): a line break is shown as `\n`,
/// so that two names differing only there still look different.
pub fn shown_name(text: &str) -> std::borrow::Cow<'_, str> {
    line_with(text, "\\n")
}

fn line_with<'a>(text: &'a str, newline: &str) -> std::borrow::Cow<'a, str> {
    let raw = |c: char| super::names::raw_byte(c).is_some();
    if !may_need_cleaning(text)
        || !text
            .chars()
            .any(|c| c.is_control() || is_bidi_control(c) || raw(c))
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in strip_controls(text).chars() {
        match c {
            '\n' => out.push_str(newline),
            '\t' => out.push(' '),
            c if is_bidi_control(c) => out.push_str(&format!("<U+{:04X}>", u32::from(c))),
            // A byte of a file name that is not UTF-8 (see names.rs).
            c if raw(c) => out.push_str(&format!(
                "\\x{:02X}",
                super::names::raw_byte(c).unwrap_or(0)
            )),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Whether `text` has a byte that can begin a character [`line_with`]
/// changes: C0 controls and DEL; 0xC2, which begins the C1 controls;
/// 0xE2, which begins the bidi controls; 0xF4, which begins the stand-ins
/// for raw bytes. A byte test, because every string read back from an index
/// passes here and almost none needs anything (Arabic letters begin with
/// 0xD8 to 0xDB).
fn may_need_cleaning(text: &str) -> bool {
    text.as_bytes().chunks(32).any(may_begin_unclean)
}

/// Whether `bytes` hold a byte that can begin a character [`one_line`]
/// changes (see [`may_need_cleaning`]): for a caller that checks many
/// strings at once, back to back.
pub fn may_begin_unclean(bytes: &[u8]) -> bool {
    // No early exit, so that the compiler turns a chunk into a few vector
    // instructions.
    bytes.iter().fold(false, |hit, &b| {
        hit | (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == 0xe2) | (b == 0xf4)
    })
}

/// Skips the parameter and intermediate bytes of a CSI sequence and its final byte.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || c == '\n' {
            break;
        }
    }
}

/// Skips a control string up to BEL, ESC \ or 8-bit ST; a newline also ends it so
/// that an unterminated OSC cannot swallow the rest of an article.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' | '\n' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{one_line, shown_name, strip_controls};

    #[test]
    fn the_byte_test_lets_no_character_that_needs_cleaning_through() {
        // Exhaustive: every scalar value, alone and inside Arabic text.
        for c in (0..=0x10_FFFFu32).filter_map(char::from_u32) {
            let needs = c.is_control()
                || super::is_bidi_control(c)
                || crate::corpus::names::raw_byte(c).is_some();
            if needs {
                assert!(super::may_need_cleaning(&format!("نص{c}نص")), "{c:?}");
            }
        }
        assert!(!super::may_need_cleaning("لافروف يلتقي Lavrov في موسكو"));
    }

    #[test]
    fn one_line_table() {
        let cases = [
            ("Putin wins election", "Putin wins election"),
            ("\u{202e}noitcele sniw nituP", "<U+202E>noitcele sniw nituP"),
            (
                "\u{2066}\u{202e}noitcele sniw nituP\u{2069}",
                "<U+2066><U+202E>noitcele sniw nituP<U+2069>",
            ),
            ("a\nb\tc", "a b c"),
            ("id\u{1b}]2;owned\u{7}x", "idx"),
            ("c1\u{9b}2Jx", "c1x"),
            ("نص\u{200f} عربي", "نص\u{200f} عربي"),
        ];
        for (input, want) in cases {
            assert_eq!(one_line(input), want, "input {input:?}");
        }
        assert_eq!(shown_name("dir/a\nb"), "dir/a\\nb");
        assert!(matches!(one_line("plain"), std::borrow::Cow::Borrowed(_)));
    }

    proptest::proptest! {
        #[test]
        fn one_line_leaves_no_control(s in "\\PC*|[\\x00-\\x{9f}\u{202a}-\u{202e}\u{2066}-\u{2069}a-z]*") {
            for out in [one_line(&s), shown_name(&s)] {
                proptest::prop_assert!(out.chars().all(|c| !c.is_control() && !super::is_bidi_control(c)));
            }
        }
    }

    #[test]
    fn table() {
        let cases = [
            ("plain نص", "plain نص"),
            ("a\r\nb\rc", "a\nb\nc"),
            ("x\u{1b}]0;title\u{7}y", "xy"),
            (
                "x\u{1b}]8;;http://e\u{1b}\\link\u{1b}]8;;\u{1b}\\y",
                "xlinky",
            ),
            ("\u{1b}[2Jclear", "clear"),
            ("\u{1b}[38;5;196mred\u{1b}[0m", "red"),
            ("a\u{9b}31mb", "ab"),
            ("a\u{0}\u{7}\u{8}\u{7f}\u{85}b\tc", "ab\tc"),
            ("\u{1b}]unterminated\nnext", "next"),
            ("\u{1b}c reset", " reset"),
            ("tail\u{1b}", "tail"),
        ];
        for (input, want) in cases {
            assert_eq!(strip_controls(input), want, "input {input:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn never_leaves_controls(s in "\\PC*|[\\x00-\\x{9f}a-z]*") {
            let out = strip_controls(&s);
            proptest::prop_assert!(out.chars().all(|c| !c.is_control() || c == '\n' || c == '\t'));
        }
    }
}
