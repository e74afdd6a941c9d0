//! sahifa: a terminal reader for corpora of Arabic news articles.
//!
//! Pure logic that does no I/O, tested on strings: Arabic normalization
//! ([`text`]), right-to-left line layout and shaping ([`layout`]), persons and
//! places ([`entities`]), lookup ([`search`]). Then the corpus on disk
//! ([`corpus`]: reading and cleaning scraped pages), the index cache
//! ([`index`]), settings and reading state ([`store`]), the command line
//! ([`cli`]) and the terminal reader ([`tui`]), whose key vocabulary ([`keys`]) the settings share.
//! [`lazy_list`] is the list type both the corpus and the entities decode
//! from an index item by item.

pub mod cli;
pub mod corpus;
pub mod entities;
pub mod index;
pub mod keys;
pub mod layout;
pub mod lazy_list;
pub mod random;
pub mod search;
pub mod shared;
pub mod store;
pub mod text;
pub mod tui;
