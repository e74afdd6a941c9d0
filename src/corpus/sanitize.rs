//! Removal of terminal control sequences and control characters from untrusted text.
//!
//! Scraped pages can carry escape sequences; an article must never be able to
//! write them to the user's terminal. Whole sequences (CSI, OSC, DCS and friends)
//! are dropped rather than just their ESC byte, so no `]0;title` debris remains.

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
    use super::strip_controls;

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
