//! Reading a corpus from a directory, a single file or the bundled samples.
//!
//! Every file that cannot become an article is skipped with a [`Warning`]
//! naming it and the reason; only a corpus path that does not exist at all is
//! an error.

use std::fmt;
use std::path::{Path, PathBuf};

use thiserror::Error;

use super::clean::{clean_body, clean_markdown, clean_page, CleanPage};
use super::records::{parse_json, parse_jsonl, Record};
use super::sanitize::{one_line, shown_name};
use super::{bundled, decode, strip_controls, Article, Articles};

pub(super) use super::open::MAX_FILE_BYTES;

/// Where a corpus comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusSource {
    /// A directory (read recursively) or one file.
    Path(PathBuf),
    /// The samples compiled into the binary.
    Bundled,
}

/// A loaded corpus: its articles sorted by id, and what was skipped.
#[derive(Debug, Clone)]
pub struct Corpus {
    /// Display name: the path given, or the bundled corpus's name.
    pub name: String,
    /// Articles sorted by id.
    pub articles: Articles,
    /// One entry per file or record that was skipped.
    pub warnings: Vec<Warning>,
    /// Bodies are not held in memory (an index cache listed the articles);
    /// [`Corpus::text`] reads them from their files.
    pub lazy: bool,
}

/// A file or record that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file, as the user named it.
    pub path: String,
    /// Why it was skipped.
    pub reason: String,
}

impl fmt::Display for Warning {
    /// The path (a file name may hold anything) and reason, safe for a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", shown_name(&self.path), one_line(&self.reason))
    }
}

/// Why a corpus could not be opened at all.
#[derive(Debug, Error)]
pub enum LoadError {
    /// The corpus path does not exist.
    #[error("corpus not found: {0}")]
    NotFound(PathBuf),
    /// The corpus path exists but cannot be read.
    #[error("cannot read corpus {path}: {source}")]
    Unreadable {
        /// The corpus path.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl Corpus {
    /// An article with its body: from memory, or read again from its file
    /// when the corpus is lazy. A file that changed or vanished since the
    /// listing is an error naming it.
    pub fn text(&self, i: usize) -> Result<std::borrow::Cow<'_, Article>, Warning> {
        let a = &self.articles[i];
        if !self.lazy {
            return Ok(std::borrow::Cow::Borrowed(a));
        }
        if let Some(one) = self.read_record(i) {
            return one.map(std::borrow::Cow::Owned);
        }
        let mut read = self.read_again(&a.path)?;
        let fresh = self.fresh(i, &mut read)?;
        Ok(std::borrow::Cow::Owned(fresh))
    }

    /// Article `i` read alone from a file of many records: the records are
    /// split without being parsed (raw JSON), and only the one its id names
    /// (`file#N`, the N-th record or line, or `file#ID`, the record's own id)
    /// is parsed and cleaned. `None` when the article is not such a record,
    /// or its record cannot be told apart that way (the whole file is read).
    fn read_record(&self, i: usize) -> Option<Result<Article, Warning>> {
        let a = &self.articles[i];
        let format = Format::of(&a.path)?;
        if !matches!(format, Format::Json | Format::JsonLines) {
            return None;
        }
        let (_, key) = a.id.rsplit_once('#')?;
        let path = super::names::text_path(&a.path);
        let bytes = match super::open::read_article_file(&path) {
            Ok(b) => b,
            Err(e) => {
                return Some(Err(Warning {
                    path: a.path.to_string(),
                    reason: format!("cannot read: {e}"),
                }))
            }
        };
        let text = strip_controls(&decode(&bytes).ok()?.0);
        let record = super::records::find_record(&text, format == Format::JsonLines, key)?;
        let mut loader = Loader::default();
        loader.push_record(&a.path, &a.id, record);
        let mut read = loader.finish();
        // Not the listed article (the file changed): the whole file is read,
        // which says so.
        let fresh = read
            .articles
            .first_mut()
            .filter(|f| f.title == a.title && f.words == a.words)?;
        Some(Ok(Article {
            id: a.id.clone(),
            record: a.record,
            body: std::mem::take(&mut fresh.body),
            ..fresh.clone()
        }))
    }

    /// The articles for which `keep` holds on their full text, ascending,
    /// on all cores; a lazy corpus reads each file once (a JSON Lines file of
    /// thousands of records is not parsed once per record). Articles that
    /// cannot be read are left out.
    pub fn select(&self, keep: impl Fn(&Article) -> bool + Sync) -> Vec<usize> {
        use rayon::prelude::*;
        if !self.lazy {
            return (0..self.articles.len())
                .into_par_iter()
                .filter(|&i| keep(&self.articles[i]))
                .collect();
        }
        let mut by_file: std::collections::HashMap<&str, Vec<usize>> = Default::default();
        for (i, a) in self.articles.iter().enumerate() {
            by_file.entry(&*a.path).or_default().push(i);
        }
        let groups: Vec<(&str, Vec<usize>)> = by_file.into_iter().collect();
        let mut out: Vec<usize> = groups
            .par_iter()
            .flat_map_iter(|(path, members)| {
                let mut read = self.read_again(path).ok();
                members
                    .iter()
                    .copied()
                    .filter(|&i| {
                        read.as_mut()
                            .and_then(|r| self.fresh(i, r).ok())
                            .is_some_and(|a| keep(&a))
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        out.sort_unstable();
        out
    }

    /// Reads a file of this corpus again (its articles in file order).
    fn read_again(&self, shown: &str) -> Result<FileArticles, Warning> {
        // The name as the scan read it, bytes that are not UTF-8 included.
        let path = super::names::text_path(shown);
        let rel = path
            .file_name()
            .map(super::names::os_text)
            .unwrap_or_default();
        let mut read = read_file(&path, &rel);
        match read
            .warnings
            .iter()
            .position(|w| w.reason.starts_with("cannot"))
        {
            Some(at) => Err(read.warnings.swap_remove(at)),
            None => Ok(read),
        }
    }

    /// Article `i` as its file, read again, holds it now; an error if it
    /// changed since it was listed.
    fn fresh(&self, i: usize, read: &mut FileArticles) -> Result<Article, Warning> {
        let a = &self.articles[i];
        let changed = || Warning {
            path: a.path.to_string(),
            reason: "changed since it was indexed; run sahifa index".to_owned(),
        };
        let fresh = read.articles.get_mut(a.record).ok_or_else(changed)?;
        if fresh.title != a.title || fresh.words != a.words {
            return Err(changed());
        }
        Ok(Article {
            id: a.id.clone(),
            body: std::mem::take(&mut fresh.body),
            ..fresh.clone()
        })
    }

    /// Finds an article by exact id, or by a prefix that only one id has;
    /// gives its position.
    pub fn find(&self, id: &str) -> Option<usize> {
        if let Some(i) = self.articles.iter().position(|a| a.id == id) {
            return Some(i);
        }
        let mut matches = (0..self.articles.len()).filter(|&i| self.articles[i].id.starts_with(id));
        let first = matches.next()?;
        matches.next().is_none().then_some(first)
    }
}

/// Loads a corpus, reading files on all cores.
pub fn load(source: &CorpusSource) -> Result<Corpus, LoadError> {
    use rayon::prelude::*;
    let (name, mut files, mut warnings): (String, Vec<FileArticles>, Vec<Warning>) = match source {
        CorpusSource::Bundled => {
            let files = bundled::files()
                .into_iter()
                .map(|(rel, bytes)| {
                    let mut l = Loader::default();
                    l.add_file(&rel, &rel, bytes);
                    l.finish()
                })
                .collect();
            (super::BUNDLED_NAME.to_owned(), files, Vec::new())
        }
        CorpusSource::Path(root) => {
            let scan = super::scan(root)?;
            let files = scan
                .files
                .par_iter()
                .map(|f| read_file(&f.path, &f.rel))
                .collect();
            (super::names::path_text(root), files, scan.warnings)
        }
    };
    let mut articles = Vec::new();
    for f in &mut files {
        warnings.append(&mut f.warnings);
        articles.append(&mut f.articles);
    }
    sort_articles(&mut articles);
    Ok(Corpus {
        name,
        articles: articles.into(),
        warnings,
        lazy: false,
    })
}

/// Sorts articles by id (then path) and makes ids unique; returns, for each
/// new position, the old one, so that what goes with the articles can follow.
pub fn sort_articles(articles: &mut Vec<Article>) -> Vec<usize> {
    sort_articles_renamed(articles).0
}

/// [`sort_articles`], also giving the original id of each article renamed
/// (by its new position).
pub fn sort_articles_renamed(articles: &mut Vec<Article>) -> (Vec<usize>, Vec<(usize, String)>) {
    let before = |x: &Article, y: &Article| x.id.cmp(&y.id).then(x.path.cmp(&y.path));
    let order: Vec<usize> = (0..articles.len()).collect();
    // A walk sorted by name nearly always lists them in order already.
    let order = if articles.is_sorted_by(|x, y| before(x, y).is_le()) {
        order
    } else {
        let mut order = order;
        order.sort_by(|&a, &b| before(&articles[a], &articles[b]));
        let mut slots: Vec<Option<Article>> = articles.drain(..).map(Some).collect();
        articles.extend(
            order
                .iter()
                .map(|&from| slots[from].take().expect("each article once")),
        );
        order
    };
    // Sorted by id, so a duplicate follows the article it repeats.
    let repeats: Vec<usize> = (1..articles.len())
        .filter(|&i| articles[i].id == articles[i - 1].id)
        .collect();
    let mut renamed = Vec::with_capacity(repeats.len());
    for i in repeats {
        let id = format!("{}~{i}", articles[i].id);
        renamed.push((i, std::mem::replace(&mut articles[i].id, id)));
    }
    (order, renamed)
}

/// The articles of one file (ids not yet made unique across the corpus) and
/// what was wrong with it.
#[derive(Debug, Clone, Default)]
pub struct FileArticles {
    /// Its articles in file order; `record` numbers them.
    pub articles: Vec<Article>,
    /// Its skipped records, or why the whole file was skipped.
    pub warnings: Vec<Warning>,
}

/// Reads and cleans one file; `rel` (its path under the corpus root) gives
/// the article ids and the format.
pub fn read_file(path: &Path, rel: &str) -> FileArticles {
    let mut loader = Loader::default();
    loader.read_file(path, rel);
    loader.finish()
}

/// Cleans one file's bytes already read (see [`read_file`]).
pub fn read_bytes(path: &Path, rel: &str, bytes: &[u8]) -> FileArticles {
    let mut loader = Loader::default();
    loader.add_file(&super::names::path_text(path), rel, bytes);
    loader.finish()
}

#[derive(Default)]
struct Loader {
    articles: Vec<Article>,
    warnings: Vec<Warning>,
}

impl Loader {
    fn warn(&mut self, path: &str, reason: impl Into<String>) {
        self.warnings.push(Warning {
            path: path.to_owned(),
            reason: reason.into(),
        });
    }

    fn finish(self) -> FileArticles {
        FileArticles {
            articles: self.articles,
            warnings: self.warnings,
        }
    }

    fn read_file(&mut self, path: &Path, rel: &str) {
        let shown = super::names::path_text(path);
        if Format::of(rel).is_none() {
            self.warn(
                &shown,
                "not a supported format (.txt, .md, .json, .jsonl), skipped",
            );
            return;
        }
        match super::open::read_article_file(path) {
            Ok(bytes) => self.add_file(&shown, rel, &bytes),
            Err(e) => self.warn(&shown, format!("cannot read: {e}")),
        }
    }

    fn add_file(&mut self, shown: &str, rel: &str, bytes: &[u8]) {
        let Some(format) = Format::of(rel) else {
            self.warn(
                shown,
                "not a supported format (.txt, .md, .json, .jsonl), skipped",
            );
            return;
        };
        let text = match decode(bytes) {
            Ok((text, _)) => strip_controls(&text),
            Err(e) => return self.warn(shown, format!("{e}, skipped")),
        };
        let base_id = strip_extension(rel);
        match format {
            Format::Text => self.push_page(shown, &base_id, clean_page(&text), Meta::default()),
            Format::Markdown => {
                self.push_page(shown, &base_id, clean_markdown(&text), Meta::default())
            }
            Format::Json => match parse_json(&text) {
                Ok(records) => {
                    let many = records.len() > 1;
                    for (i, r) in records.into_iter().enumerate() {
                        let id = if many {
                            record_id(&base_id, &r, i + 1)
                        } else {
                            base_id.clone()
                        };
                        self.push_record(shown, &id, r);
                    }
                }
                Err(e) => self.warn(shown, format!("{e}, skipped")),
            },
            Format::JsonLines => {
                let (records, errors) = parse_jsonl(&text);
                for e in errors {
                    self.warn(shown, format!("{e}, skipped"));
                }
                for (line, r) in records {
                    let id = record_id(&base_id, &r, line);
                    self.push_record(shown, &id, r);
                }
            }
        }
    }

    fn push_record(&mut self, shown: &str, id: &str, r: Record) {
        let body = r
            .body
            .as_ref()
            .map(|b| strip_controls(&b.joined()))
            .unwrap_or_default();
        let title = strip_controls(r.title.as_deref().unwrap_or(""));
        let page = clean_body(&title, &body);
        let meta = Meta {
            date: r.date_text().map(|d| strip_controls(&d)),
            source: r
                .source
                .as_deref()
                .map(strip_controls)
                .filter(|s| !s.trim().is_empty()),
            url: r.url.as_deref().map(strip_controls),
        };
        self.push_page(shown, id, page, meta);
    }

    fn push_page(&mut self, shown: &str, id: &str, page: CleanPage, meta: Meta) {
        if page.title.is_empty() && page.paragraphs.is_empty() {
            return self.warn(shown, "no article text after cleaning, skipped");
        }
        // The records of one file share its name.
        let path = match self.articles.last() {
            Some(a) if &*a.path == shown => a.path.clone(),
            _ => shown.into(),
        };
        self.articles.push(
            Article {
                id: id.to_owned(),
                record: self.articles.len(),
                words: Article::count_words(&page.paragraphs),
                title: page.title,
                body: page.paragraphs,
                source: meta.source.or(page.source),
                dateline: page.dateline,
                date: meta.date.or(page.date),
                url: meta.url,
                path,
            }
            .sanitized(),
        );
    }
}

#[derive(Default)]
struct Meta {
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Text,
    Markdown,
    Json,
    JsonLines,
}

impl Format {
    /// The format by extension; files without one are read as scraped text.
    pub(super) fn of(rel: &str) -> Option<Format> {
        let name = rel.rsplit('/').next().unwrap_or(rel);
        let ext = match name.rsplit_once('.') {
            Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
            _ => return Some(Format::Text),
        };
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            _ => None,
        }
    }
}

fn strip_extension(rel: &str) -> String {
    let (dir, name) = rel.rsplit_once('/').map_or(("", rel), |(d, n)| (d, n));
    let stem = match name.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem,
        _ => name,
    };
    if dir.is_empty() {
        stem.to_owned()
    } else {
        format!("{dir}/{stem}")
    }
}

fn record_id(base: &str, r: &Record, n: usize) -> String {
    let own = r.id_text().map(|s| s.replace(['\n', '\t'], " "));
    format!("{base}#{}", own.unwrap_or_else(|| n.to_string()))
}
