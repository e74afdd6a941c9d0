//! `sahifa show`: one article, laid out for the terminal or in logical order.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};

use super::args::ShowArgs;
use super::pager::write_visual;
use crate::corpus::{Article, Corpus};
use crate::layout::{layout, BidiMode, LayoutOptions};

/// Prints one article: headline, blank line, paragraphs separated by blank lines.
pub fn run(corpus: &Corpus, args: &ShowArgs, out: &mut dyn Write) -> Result<ExitCode> {
    let Some(index) = corpus.find(&args.id) else {
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
    let article = &*corpus.text(index).map_err(|w| anyhow::anyhow!("{w}"))?;
    if args.json {
        super::write_json(out, article)?;
        return Ok(ExitCode::SUCCESS);
    }
    match args.display.visual().filter(|_| !args.logical) {
        None => print_logical(article, out)?,
        Some(opts) => write_visual(!args.no_pager, opts.bidi == BidiMode::App, out, |w| {
            Ok(print_visual(article, &opts, w)?)
        })?,
    }
    Ok(ExitCode::SUCCESS)
}

fn print_logical(article: &Article, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(out, "{}", article.title)?;
    for p in &article.body {
        writeln!(out)?;
        writeln!(out, "{p}")?;
    }
    Ok(())
}

fn print_visual(
    article: &Article,
    opts: &LayoutOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    for (i, text) in std::iter::once(&article.title)
        .chain(&article.body)
        .enumerate()
    {
        if i > 0 {
            writeln!(out)?;
        }
        let para = layout(text, opts);
        for line in &para.lines {
            let pad = para.indent(line, opts.width);
            writeln!(out, "{:pad$}{}", "", line.text)?;
        }
    }
    Ok(())
}
