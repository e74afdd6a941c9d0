//! The article model shared by the CLI, the index and the reader.

use serde::Serialize;

use super::sanitize::{one_line, shown_name};

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
    /// Where the article was read from: the file's real name, to open it
    /// again (any string a file name can be); shown through [`shown_name`].
    /// Shared by the articles of one file: a file of a million records must
    /// not cost a million copies of its name.
    #[serde(serialize_with = "serialize_shown")]
    pub path: std::sync::Arc<str>,
    /// Number of words in the body.
    pub words: usize,
    /// Position among the articles of its file (for reading its body again).
    #[serde(skip)]
    pub record: usize,
}

/// Serializes a file name as it is shown: no control reaches a terminal
/// through JSON either (serde_json leaves C1 controls and bidi controls raw).
fn serialize_shown<S: serde::Serializer>(path: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&shown_name(path))
}

impl Article {
    /// The Gregorian publication date, when the article has one.
    pub fn published(&self) -> Option<jiff::civil::Date> {
        let d = self.date.as_deref()?;
        d.parse()
            .ok()
            .or_else(|| crate::text::parse_date(d)?.gregorian())
    }

    /// The article with every one-line field safe for a terminal (see
    /// [`one_line`]); the body was cleaned when it was read.
    pub fn sanitized(self) -> Article {
        // The string itself when it was clean (no copy), else the clean one.
        fn clean(s: String, f: fn(&str) -> std::borrow::Cow<'_, str>) -> String {
            match f(&s) {
                std::borrow::Cow::Borrowed(_) => s,
                std::borrow::Cow::Owned(o) => o,
            }
        }
        let line = |s: String| clean(s, one_line);
        Article {
            id: clean(self.id, shown_name),
            title: line(self.title),
            source: self.source.map(line),
            dateline: self.dateline.map(line),
            date: self.date.map(line),
            url: self.url.map(line),
            ..self
        }
    }

    /// An article of a headline and paragraphs only, for text that comes from
    /// no file (labelled corpora, tests).
    pub fn from_text(id: String, title: String, body: Vec<String>) -> Article {
        Article {
            id,
            title,
            words: Article::count_words(&body),
            body,
            source: None,
            dateline: None,
            date: None,
            url: None,
            path: "".into(),
            record: 0,
        }
    }

    /// Counts whitespace-separated words over body paragraphs.
    pub fn count_words(body: &[String]) -> usize {
        body.iter().map(|p| p.split_whitespace().count()).sum()
    }
}

/// The order articles are listed in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// By id: the corpus's own order (paths, then records).
    #[default]
    Id,
    /// Newest first by the records' dates; undated articles last, by id.
    Date,
    /// By headline.
    Title,
}

impl SortOrder {
    /// For each article (in corpus order, sorted by id), its place in the
    /// list: sort any selection of articles by these ranks.
    pub fn ranks(self, articles: &[Article]) -> Vec<u32> {
        let mut order: Vec<usize> = (0..articles.len()).collect();
        match self {
            SortOrder::Id => {}
            // Dates parsed, never compared as strings; a Hijri date or text
            // that is no date sorts with the undated.
            SortOrder::Date => {
                let dates: Vec<Option<jiff::civil::Date>> =
                    articles.iter().map(Article::published).collect();
                order.sort_by(|&a, &b| match (dates[a], dates[b]) {
                    (Some(x), Some(y)) => y.cmp(&x),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                })
            }
            SortOrder::Title => order.sort_by(|&a, &b| articles[a].title.cmp(&articles[b].title)),
        }
        let mut ranks = vec![0u32; articles.len()];
        for (rank, &a) in order.iter().enumerate() {
            ranks[a] = rank as u32;
        }
        ranks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_orders() {
        let a = |id: &str, title: &str, date: Option<&str>| Article {
            id: id.into(),
            title: title.into(),
            body: vec![],
            source: None,
            dateline: None,
            date: date.map(Into::into),
            url: None,
            path: "".into(),
            words: 0,
            record: 0,
        };
        let arts = [
            a("1", "ب", Some("2017-01-02")),
            a("2", "ا", None),
            a("3", "ت", Some("2017-03-01")),
        ];
        assert_eq!(SortOrder::Id.ranks(&arts), [0, 1, 2]);
        assert_eq!(SortOrder::Date.ranks(&arts), [1, 2, 0]);
        assert_eq!(SortOrder::Title.ranks(&arts), [1, 0, 2]);
    }
}
