//! Splitting text into words and punctuation, with byte offsets.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and marks), possibly with digits.
    Word,
    /// Digits only.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// One token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// Its bytes in the text.
    pub range: Range<usize>,
    /// Its kind.
    pub kind: TokenKind,
}

fn is_word_char(c: char) -> bool {
    match c {
        // Arabic letters and harakat, ASCII letters and digits: nearly every
        // character of a news corpus, answered without a table search.
        '\u{0621}'..='\u{065F}' | 'a'..='z' | 'A'..='Z' | '0'..='9' => true,
        ' ' | '.' | '،' | ',' | '"' | ':' | '(' | ')' | '-' => false,
        _ => {
            c.is_alphanumeric()
                || crate::text::is_harakah(c)
                || c == '\u{0640}'
                || c == '\u{200C}'
                || c == '\u{200D}'
        }
    }
}

fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '٠'..='٩' | '۰'..='۹')
}

/// Splits text into words, numbers and single punctuation characters; white
/// space separates and is dropped. Words keep inner apostrophes and hyphens
/// between letters (O'Brien, Jean-Marc).
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 6);
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !is_word_char(c) {
            let end = start + c.len_utf8();
            tokens.push(Token {
                text: &text[start..end],
                range: start..end,
                kind: TokenKind::Punct,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        let mut digits_only = is_digit(c);
        while let Some(&(i, n)) = chars.peek() {
            let joiner = matches!(n, '\'' | '-' | '’') && {
                let rest = &text[i + n.len_utf8()..];
                rest.chars().next().is_some_and(|m| m.is_alphabetic()) && !digits_only
            };
            if is_word_char(n) || joiner {
                digits_only &= is_digit(n);
                end = i + n.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let kind = if digits_only {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        tokens.push(Token {
            text: &text[start..end],
            range: start..end,
            kind,
        });
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_and_punctuation() {
        let t: Vec<&str> = tokenize("قال بوتين، في «موسكو»: 23 يناير (2017).")
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            [
                "قال",
                "بوتين",
                "،",
                "في",
                "«",
                "موسكو",
                "»",
                ":",
                "23",
                "يناير",
                "(",
                "2017",
                ")",
                "."
            ]
        );
        let t = tokenize("لـ”مفاوضات O'Brien");
        assert_eq!(
            t.iter().map(|t| t.text).collect::<Vec<_>>(),
            ["لـ", "”", "مفاوضات", "O'Brien"]
        );
        assert_eq!(tokenize("12")[0].kind, TokenKind::Number);
    }
}
