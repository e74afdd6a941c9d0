//! `sahifa list`: the articles, as lines or JSON.

use std::borrow::Cow;
use std::io::{IsTerminal, Write};

use rayon::prelude::*;

use anyhow::Result;
use serde::Serialize;

use super::args::ListArgs;
use super::Analysis;
use crate::corpus::{Article, Corpus, SortOrder};
use crate::entities::{CorpusEntities, Kind};
use crate::layout::visual_string;
use crate::search::{articles_of_all, text_filter};
use crate::store::ReadingState;

/// One article as `list --json` prints it.
#[derive(Debug, Serialize)]
pub struct ListEntry<'a> {
    id: &'a str,
    title: &'a str,
    source: Option<&'a str>,
    dateline: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    /// As shown: a file name can hold controls (see `shown_name`).
    path: std::borrow::Cow<'a, str>,
    words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    read: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    bookmarked: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    persons: Option<Vec<Cow<'a, str>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    places: Option<Vec<Cow<'a, str>>>,
}

impl<'a> From<&'a Article> for ListEntry<'a> {
    fn from(a: &'a Article) -> Self {
        ListEntry {
            id: &a.id,
            title: &a.title,
            source: a.source.as_deref(),
            dateline: a.dateline.as_deref(),
            date: a.date.as_deref(),
            url: a.url.as_deref(),
            path: crate::corpus::shown_name(&a.path),
            words: a.words,
            read: None,
            bookmarked: None,
            persons: None,
            places: None,
        }
    }
}

/// Prints the article list; gives the number of articles printed.
pub fn run(
    corpus: &Corpus,
    analysis: Option<&Analysis>,
    state: Option<&ReadingState>,
    order: SortOrder,
    args: &ListArgs,
    out: &mut dyn Write,
) -> Result<usize> {
    let shown = selection(corpus, analysis, args);
    // Only the articles printed are decoded from the index.
    let mut picked: Vec<(usize, Cow<Article>)> = shown
        .par_iter()
        .filter_map(|&i| corpus.articles.get(i).map(|a| (i, a)))
        .collect();
    if order != SortOrder::Id {
        let these: Vec<Article> = picked.iter().map(|(_, a)| a.as_ref().clone()).collect();
        let mut ranked: Vec<_> = order.ranks(&these).into_iter().zip(picked).collect();
        ranked.sort_by_key(|(rank, _)| *rank);
        picked = ranked.into_iter().map(|(_, p)| p).collect();
    }
    let found = analysis.map(|a| &a.found);
    if args.json || args.jsonl {
        if args.jsonl {
            // Each record as soon as it is built: a consumer sees the first
            // while the rest are still being written.
            for p in &picked {
                serde_json::to_writer(&mut *out, &json_entry(p.0, &p.1, found, state))?;
                out.write_all(b"\n")?;
            }
        } else if std::io::stdout().is_terminal() {
            let entries: Vec<ListEntry> = picked
                .iter()
                .map(|p| json_entry(p.0, &p.1, found, state))
                .collect();
            super::write_json(out, &entries)?;
        } else {
            // Compact, and written on all cores: a place most articles
            // mention makes a list of tens of thousands of records.
            let chunks: Vec<serde_json::Result<Vec<u8>>> = picked
                .par_chunks(1024)
                .map(|chunk| {
                    let mut buf = Vec::with_capacity(chunk.len() * 1024);
                    for (j, p) in chunk.iter().enumerate() {
                        if j > 0 {
                            buf.push(b',');
                        }
                        serde_json::to_writer(&mut buf, &json_entry(p.0, &p.1, found, state))?;
                    }
                    Ok(buf)
                })
                .collect();
            out.write_all(b"[")?;
            for (k, chunk) in chunks.into_iter().enumerate() {
                if k > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(&chunk?)?;
            }
            out.write_all(b"]\n")?;
        }
    } else {
        let visual = args.display.visual();
        for (_, a) in &picked {
            match &visual {
                Some(opts) => writeln!(out, "{}\t{}", a.id, visual_string(&a.title, opts))?,
                None => writeln!(out, "{}\t{}", a.id, a.title)?,
            }
        }
    }
    Ok(picked.len())
}

/// One article's JSON record, with its reading state and names when known.
fn json_entry<'a>(
    i: usize,
    a: &'a Article,
    found: Option<&'a CorpusEntities>,
    state: Option<&ReadingState>,
) -> ListEntry<'a> {
    // Named without decoding the entities: a lookup over a large archive
    // prints thousands of articles, each naming a dozen entities.
    let [persons, places] = match found.map(|f| f.names_of(i)) {
        Some([persons, places]) => [Some(persons), Some(places)],
        None => [None, None],
    };
    ListEntry {
        read: state.map(|s| s.read.contains(&a.id)),
        bookmarked: state.map(|s| s.bookmarks.contains(&a.id)),
        persons,
        places,
        ..ListEntry::from(a)
    }
}

/// Indices of the articles the filters keep (all when none is given).
fn selection(corpus: &Corpus, analysis: Option<&Analysis>, args: &ListArgs) -> Vec<usize> {
    let mut shown: Vec<usize> = (0..corpus.articles.len()).collect();
    if let Some(a) = analysis.filter(|_| args.person.is_some() || args.place.is_some()) {
        let index = a.name_index();
        // Which names a query was taken to mean, so that a surprising list
        // can be told from a surprising match (`sahifa names` ranks them).
        let mut sets = Vec::new();
        for (query, kind) in [(&args.person, Kind::Person), (&args.place, Kind::Place)] {
            if let Some(q) = query {
                let hits = index.search(q, Some(kind));
                let names: Vec<String> = hits
                    .iter()
                    .take(5)
                    .filter_map(|h| a.found.entities.name(h.entity))
                    .map(Cow::into_owned)
                    .collect();
                let more = hits.len().saturating_sub(names.len());
                let more = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                super::note(format_args!(
                    "{q:?} taken as {}{more}",
                    if names.is_empty() {
                        "no known name".to_owned()
                    } else {
                        names.join(", ")
                    }
                ));
                sets.push(hits);
            }
        }
        if let Some(keep) = articles_of_all(&a.found, sets) {
            shown.retain(|i| keep.binary_search(i).is_ok());
        }
    }
    if let Some(q) = &args.text {
        let keep = text_filter(corpus, q);
        shown.retain(|i| keep.binary_search(i).is_ok());
    }
    if args.since.is_some() || args.until.is_some() {
        shown.retain(|&i| {
            corpus
                .articles
                .get(i)
                .and_then(|a| a.published())
                .is_some_and(|d| {
                    args.since.is_none_or(|s| d >= s) && args.until.is_none_or(|u| d <= u)
                })
        });
    }
    shown
}
