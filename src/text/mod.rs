//! Pure Arabic text handling: folding and normalization for comparison and
//! matching, tokenization, proclitic analysis, and dates.

mod clitics;
mod dates;
mod fold;
mod function_words;
mod normalize;
mod tokens;

pub use clitics::{analyses, bears_article, Analysis, PROCLITICS};
pub use dates::{find_date, parse_date, FoundDate};
pub use fold::{fold_char, fold_key, is_harakah};
pub use function_words::{is_function_word, FUNCTION_WORDS};
pub use normalize::{normalize, normalize_into, normalize_str, Normalized};
pub use tokens::{tokenize, Token, TokenKind};
