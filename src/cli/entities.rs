//! `sahifa entities`: the persons and places of the corpus.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::args::EntitiesArgs;
use crate::corpus::Corpus;
use crate::entities::{CorpusEntities, Kind};

#[derive(Serialize)]
struct Row<'a> {
    kind: Kind,
    name: &'a str,
    variants: &'a [String],
    articles: Vec<&'a str>,
    mentions: usize,
}

/// Prints the entities, as JSON, JSON Lines or a table sorted by number of
/// articles; gives the number printed.
pub fn run(
    corpus: &Corpus,
    found: &CorpusEntities,
    args: &EntitiesArgs,
    out: &mut dyn Write,
) -> Result<usize> {
    let rows: Vec<Row> = found
        .entities
        .iter()
        .filter(|e| args.kind.is_none_or(|k| e.kind == k))
        .map(|e| Row {
            kind: e.kind,
            name: &e.name,
            variants: &e.variants,
            articles: e
                .articles
                .iter()
                .map(|&i| corpus.articles[i].id.as_str())
                .collect(),
            mentions: e.mentions,
        })
        .collect();
    let n = rows.len();
    if args.json {
        super::write_json(out, &rows)?;
        return Ok(n);
    }
    if args.jsonl {
        for r in &rows {
            serde_json::to_writer(&mut *out, r)?;
            out.write_all(b"\n")?;
        }
        return Ok(n);
    }
    for r in rows {
        let kind = match r.kind {
            Kind::Person => "person",
            Kind::Place => "place",
        };
        writeln!(
            out,
            "{:>4} {:>5}  {kind:<6}  {}  [{}]",
            r.articles.len(),
            r.mentions,
            r.name,
            r.variants.join(" | ")
        )?;
    }
    Ok(n)
}
