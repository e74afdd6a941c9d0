//! The article model shared by the CLI, the index and the reader.

use serde::Serialize;

/// One clean news article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    /// Stable identifier: the path relative to the corpus root without its
    /// extension, plus `#N` for the N-th record of a multi-record JSON file.
    pub id: String,
    /// The real headline.
    pub title: String,
    /// Body paragraphs in logical order, boilerplate removed.
    pub body: Vec<String>,
    /// The publishing site's name when the page shows it (إرم نيوز).
    pub source: Option<String>,
    /// The dateline place that opens the body (موسكو/ وكالات).
    pub dateline: Option<String>,
    /// Publication date when the record carries one.
    pub date: Option<String>,
    /// Original address when the record carries one.
    pub url: Option<String>,
    /// Where the article was read from.
    pub path: String,
    /// Number of words in the body.
    pub words: usize,
    /// Position among the articles of its file (for reading its body again).
    #[serde(skip)]
    pub record: usize,
}

impl Article {
    /// Counts whitespace-separated words over body paragraphs.
    pub fn count_words(body: &[String]) -> usize {
        body.iter().map(|p| p.split_whitespace().count()).sum()
    }
}
