//! `sahifa names`: the persons and places a query matches, ranked.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::args::NamesArgs;
use super::Analysis;
use crate::entities::Kind;

#[derive(Serialize)]
struct Match<'a> {
    score: u8,
    kind: Kind,
    name: &'a str,
    variants: &'a [String],
    articles: usize,
}

/// Prints the matches of the query, best first; gives how many.
pub fn run(analysis: &Analysis, args: &NamesArgs, out: &mut dyn Write) -> Result<usize> {
    let index = analysis.name_index();
    // The choices, not only the united answer: a script picks among them.
    let hits = index.choices(&args.query, args.kind);
    // Only the entities named are decoded.
    let named: Vec<_> = hits
        .iter()
        .filter_map(|h| Some((h, analysis.found.entities.get(h.entity)?)))
        .collect();
    let matches: Vec<Match> = named
        .iter()
        .map(|(h, e)| Match {
            score: h.score,
            kind: e.kind,
            name: &e.name,
            variants: &e.variants,
            articles: e.articles.len(),
        })
        .collect();
    if args.json {
        super::write_json(out, &matches)?;
        return Ok(matches.len());
    }
    for m in &matches {
        let kind = match m.kind {
            Kind::Person => "person",
            Kind::Place => "place",
        };
        writeln!(
            out,
            "{:>3} {kind:<6} {:>5}  {}  [{}]",
            m.score,
            m.articles,
            m.name,
            m.variants.join(" | ")
        )?;
    }
    Ok(matches.len())
}
