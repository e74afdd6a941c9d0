//! sahifa: a terminal reader for corpora of Arabic news articles.
//!
//! The library holds everything that is not the terminal itself: decoding and
//! cleaning scraped pages ([`corpus`]), and the command-line front end ([`cli`]).
//! Pure text logic lives in modules that do no I/O so it can be tested on strings.

pub mod cli;
pub mod corpus;
pub mod entities;
pub mod layout;
pub mod search;
pub mod store;
pub mod text;
pub mod tui;
