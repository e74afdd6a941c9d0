//! The corpus: reading article files from disk (or the bundled samples), decoding
//! them, and turning scraped pages into clean [`Article`]s.

mod article;
mod articles;
mod boiler;
mod bundled;
mod clean;
mod decode;
mod load;
mod names;
mod newslike;
mod open;
mod records;
mod sanitize;
mod scan;
mod synth;

pub use article::{Article, SortOrder};
pub use articles::{ArticleSource, Articles};
pub use bundled::BUNDLED_NAME;
pub use clean::{clean_body, clean_markdown, clean_page, CleanPage};
pub use decode::{decode, DecodeError, Encoding};
pub use load::{
    load, read_bytes, read_file, sort_articles, sort_articles_renamed, Corpus, CorpusSource,
    FileArticles, LoadError, Warning,
};
pub use names::{os_text, path_text, text_path};
pub use newslike::{Made, NewsLike};
pub use open::{read_article_file, MAX_FILE_BYTES};
pub use sanitize::{is_bidi_control, may_begin_unclean, one_line, shown_name, strip_controls};
pub use scan::{mtime_of, scan, FileEntry, Scan};
pub use synth::{synthetic, synthetic_pages};
