//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// sahifa (صحيفة): read a corpus of Arabic news articles in the terminal.
///
/// Without a subcommand, lists the articles. The corpus is the directory or
/// file given with --corpus, else $SAHIFA_CORPUS, else the sample articles
/// bundled inside the binary.
#[derive(Debug, Parser)]
#[command(name = "sahifa", version, about, long_about)]
pub struct Cli {
    /// Corpus to read: a directory (read recursively) or one file of .txt, .md,
    /// .json or .jsonl articles.
    #[arg(long, global = true, env = "SAHIFA_CORPUS", value_name = "PATH")]
    pub corpus: Option<PathBuf>,

    /// What to do.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the articles: one line each (id and headline), or JSON.
    List(ListArgs),
    /// Print one article: its headline, then its paragraphs.
    Show(ShowArgs),
}

/// Options of `sahifa list`.
#[derive(Debug, Default, Args)]
pub struct ListArgs {
    /// Print a JSON array of article records instead of lines.
    #[arg(long)]
    pub json: bool,
}

/// Options of `sahifa show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id, or any prefix of it that only one article has.
    pub id: String,
    /// Print text in logical (memory) order, for programs that do their own bidi.
    #[arg(long)]
    pub logical: bool,
    /// Print the article as a JSON record.
    #[arg(long)]
    pub json: bool,
}
