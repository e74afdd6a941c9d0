//! `sahifa show`: one article.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};

use super::args::ShowArgs;
use crate::corpus::Corpus;

/// Prints one article: headline, blank line, paragraphs separated by blank lines.
pub fn run(corpus: &Corpus, args: &ShowArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let Some(article) = corpus.find(&args.id) else {
        let n = corpus
            .articles
            .iter()
            .filter(|a| a.id.starts_with(&args.id))
            .count();
        if n > 1 {
            bail!(
                "{n} articles in {} have ids starting with {:?}; give more of the id",
                corpus.name,
                args.id
            );
        }
        bail!("no article with id {:?} in {}", args.id, corpus.name);
    };
    if args.json {
        serde_json::to_writer_pretty(&mut *out, article)?;
        writeln!(out)?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "{}", article.title)?;
    for p in &article.body {
        writeln!(out)?;
        writeln!(out, "{p}")?;
    }
    Ok(ExitCode::SUCCESS)
}
