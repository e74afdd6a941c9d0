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

impl ListEntry<'_> {
    /// Appends the entry as `serde_json::to_writer` writes it, faster: a
    /// lookup prints thousands of entries, and serde_json looks at every
    /// byte of every string for something to escape, which was a fifth of
    /// the lookup. Here a string is copied whole unless a vector test finds
    /// such a byte (it then goes to serde_json). The tests hold the two to
    /// the same bytes.
    fn write_compact(&self, buf: &mut Vec<u8>) {
        let text = |buf: &mut Vec<u8>, s: &str| {
            // No early exit, so that the compiler makes vector code of it.
            let plain = !s.as_bytes().iter().fold(false, |hit, &b| {
                hit | (b < 0x20) | (b == b'"') | (b == b'\\')
            });
            if plain {
                buf.push(b'"');
                buf.extend_from_slice(s.as_bytes());
                buf.push(b'"');
            } else {
                serde_json::to_writer(&mut *buf, s).expect("writing to memory cannot fail");
            }
        };
        let optional = |buf: &mut Vec<u8>, s: Option<&str>| match s {
            Some(s) => text(buf, s),
            None => buf.extend_from_slice(b"null"),
        };
        let names = |buf: &mut Vec<u8>, key: &[u8], names: &Option<Vec<Cow<str>>>| {
            if let Some(names) = names {
                buf.extend_from_slice(key);
                buf.push(b'[');
                for (k, n) in names.iter().enumerate() {
                    if k > 0 {
                        buf.push(b',');
                    }
                    text(buf, n);
                }
                buf.push(b']');
            }
        };
        let flag = |buf: &mut Vec<u8>, key: &[u8], on: Option<bool>| {
            if let Some(on) = on {
                buf.extend_from_slice(key);
                buf.extend_from_slice(if on { b"true" } else { b"false" });
            }
        };
        buf.extend_from_slice(b"{\"id\":");
        text(buf, self.id);
        buf.extend_from_slice(b",\"title\":");
        text(buf, self.title);
        buf.extend_from_slice(b",\"source\":");
        optional(buf, self.source);
        buf.extend_from_slice(b",\"dateline\":");
        optional(buf, self.dateline);
        buf.extend_from_slice(b",\"date\":");
        optional(buf, self.date);
        buf.extend_from_slice(b",\"url\":");
        optional(buf, self.url);
        buf.extend_from_slice(b",\"path\":");
        text(buf, &self.path);
        buf.extend_from_slice(b",\"words\":");
        let _ = write!(buf, "{}", self.words);
        flag(buf, b",\"read\":", self.read);
        flag(buf, b",\"bookmarked\":", self.bookmarked);
        names(buf, b",\"persons\":", &self.persons);
        names(buf, b",\"places\":", &self.places);
        buf.push(b'}');
    }
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
            let mut buf = Vec::with_capacity(1024);
            for p in &picked {
                buf.clear();
                json_entry(p.0, &p.1, found, state).write_compact(&mut buf);
                buf.push(b'\n');
                out.write_all(&buf)?;
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
            let chunks: Vec<Vec<u8>> = picked
                .par_chunks(1024)
                .map(|chunk| {
                    let mut buf = Vec::with_capacity(chunk.len() * 1024);
                    for (j, p) in chunk.iter().enumerate() {
                        if j > 0 {
                            buf.push(b',');
                        }
                        json_entry(p.0, &p.1, found, state).write_compact(&mut buf);
                    }
                    buf
                })
                .collect();
            out.write_all(b"[")?;
            for (k, chunk) in chunks.into_iter().enumerate() {
                if k > 0 {
                    out.write_all(b",")?;
                }
                out.write_all(&chunk)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn entry<'a>(s: &'a [String; 6], words: usize, flags: [Option<bool>; 2]) -> ListEntry<'a> {
        let names: Vec<Cow<str>> = s.iter().map(|n| Cow::Borrowed(n.as_str())).collect();
        ListEntry {
            id: &s[0],
            title: &s[1],
            source: Some(&s[2]).filter(|x| !x.is_empty()).map(String::as_str),
            dateline: Some(&s[3]).filter(|x| x.len() % 2 == 0).map(String::as_str),
            date: None,
            url: Some(&s[4]),
            path: Cow::Borrowed(&s[5]),
            words,
            read: flags[0],
            bookmarked: flags[1],
            persons: flags[0].map(|_| names.clone()),
            places: flags[1].map(|_| names[..2].to_vec()),
        }
    }

    #[test]
    fn compact_json_is_serde_jsons_to_the_byte() {
        let s = [
            "000001".to_owned(),
            "لافروف يلتقي \"نظيره\" في موسكو".to_owned(),
            "a\\b\u{1}\n\t\u{7f}".to_owned(),
            String::new(),
            "https://example.com/?a=1&b=<2>".to_owned(),
            "/tmp/ملف.txt".to_owned(),
        ];
        for flags in [[None, None], [Some(true), Some(false)]] {
            let e = entry(&s, 1234, flags);
            let mut ours = Vec::new();
            e.write_compact(&mut ours);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(&e).unwrap()
            );
        }
    }

    proptest! {
        #[test]
        fn compact_json_matches_serde_json(
            s in proptest::array::uniform6(".{0,40}"),
            words in any::<usize>(),
            read in proptest::option::of(any::<bool>()),
            bookmarked in proptest::option::of(any::<bool>()),
        ) {
            let e = entry(&s, words, [read, bookmarked]);
            let mut ours = Vec::new();
            e.write_compact(&mut ours);
            prop_assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&e).unwrap());
        }
    }
}
