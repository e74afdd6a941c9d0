//! Pure Arabic text handling: folding for comparison and matching.

mod fold;

pub use fold::{fold_char, fold_key, is_harakah};
