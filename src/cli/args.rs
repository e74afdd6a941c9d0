//! Command-line arguments (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::layout::{BidiMode, Direction, ShapingMode};

/// sahifa (صحيفة): read a corpus of Arabic news articles in the terminal.
///
/// Without a subcommand, opens the reader (or, without a terminal, prints the
/// article list). The corpus is the directory or file given with --corpus,
/// else $SAHIFA_CORPUS, else the sample articles bundled inside the binary.
#[derive(Debug, Parser)]
#[command(name = "sahifa", version, about, long_about, after_long_help = EXIT_STATUS)]
pub struct Cli {
    /// Corpus to read: a directory (read recursively) or one file of .txt, .md,
    /// .json or .jsonl articles (default: $SAHIFA_CORPUS when set and not
    /// empty, else config `corpus`, else the bundled samples).
    #[arg(long, global = true, value_name = "PATH")]
    pub corpus: Option<PathBuf>,

    /// Configuration file (default: config.toml in $SAHIFA_CONFIG_DIR, else in
    /// $XDG_CONFIG_HOME/sahifa, else the platform's config directory).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Colour in the reader: `auto` (unless NO_COLOR is set), `always` or
    /// `never` (default: config `colors`, else auto).
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// Look at every file of the corpus for changes before answering. By
    /// default an indexed corpus is taken as unchanged when its directories'
    /// times are and a sample of its files (the newest first) is; a file
    /// edited in place, rather than saved anew, may then go unseen for a
    /// while. `sahifa index` always looks at every file.
    #[arg(long, global = true)]
    pub refresh: bool,

    /// Who reorders right-to-left text in the reader: `app` or `terminal`.
    #[arg(long, value_enum)]
    pub bidi: Option<BidiMode>,

    /// Who joins Arabic letters in the reader: `app` or `terminal`.
    #[arg(long, value_enum)]
    pub shaping: Option<ShapingMode>,

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
    ///
    /// On a terminal, laid out right to left and shown through the pager
    /// ($PAGER, else `less -R`); elsewhere in logical order.
    Show(ShowArgs),
    /// Lay out text from stdin (one paragraph per line) as visual lines.
    ///
    /// On a terminal, right-to-left paragraphs are right-aligned and the lines
    /// go through the pager when stdin is not the terminal too.
    Render(RenderArgs),
    /// List the persons and places the articles mention, spelling variants gathered.
    Entities(EntitiesArgs),
    /// The persons and places a query matches, best first, with scores: what
    /// `list --person/--place` unites, for a person or a script to choose from.
    Names(NamesArgs),
    /// Build or update the corpus's index cache and say what was done.
    ///
    /// Files that are not articles (other formats, records without text) are
    /// counted as skipped and named once, when first seen; `--full` names
    /// them all again.
    Index(IndexArgs),
    /// Show where sahifa keeps its files, or write a commented config.toml.
    Config(ConfigArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    ///
    /// bash: `source <(sahifa completions bash)`, or save it as
    /// ~/.local/share/bash-completion/completions/sahifa.
    Completions(CompletionsArgs),
    /// Print the manual page (roff): `sahifa man | man -l -`.
    Man,
}

/// How `sahifa` ends, as ripgrep and grep do.
pub const EXIT_STATUS: &str = "\
Exit status: 0 when something was found or done, 1 when a list, entities or
names query matched nothing, 2 on an error.";

/// When the reader uses colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour unless NO_COLOR is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

/// Options of `sahifa completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Options of `sahifa index`.
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Analyze every file again instead of reusing unchanged ones.
    #[arg(long)]
    pub full: bool,
}

/// Options of `sahifa config`.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Write a commented config.toml with every default (never overwrites).
    #[arg(long)]
    pub init: bool,
}

/// Options of `sahifa names`.
#[derive(Debug, Args)]
pub struct NamesArgs {
    /// A name in Arabic (any spelling) or Latin script.
    pub query: String,
    /// Only persons or only places.
    #[arg(long, value_enum)]
    pub kind: Option<crate::entities::Kind>,
    /// Print a JSON array of matches (score, kind, name, variants, articles).
    #[arg(long)]
    pub json: bool,
}

/// Options of `sahifa entities`.
#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Only persons or only places.
    #[arg(long, value_enum)]
    pub kind: Option<crate::entities::Kind>,
    /// Print a JSON array of entities (kind, name, variants, articles, mentions).
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Print one JSON entity per line, as each is ready (JSON Lines).
    #[arg(long)]
    pub jsonl: bool,
}

/// How text is laid out on output.
#[derive(Debug, Default, Clone, Args)]
pub struct DisplayArgs {
    /// Line width in cells (default: the terminal's width, else 80).
    #[arg(long, value_name = "N")]
    pub width: Option<usize>,
    /// Who reorders right-to-left text: `app` (sahifa) or `terminal`
    /// (for terminals that always apply their own bidi, like Konsole or mlterm).
    #[arg(long, value_enum)]
    pub bidi: Option<BidiMode>,
    /// Who joins Arabic letters: `app` (sahifa) or `terminal`.
    #[arg(long, value_enum)]
    pub shaping: Option<ShapingMode>,
}

/// Options of `sahifa list`.
#[derive(Debug, Default, Args)]
pub struct ListArgs {
    /// Only articles that mention this person: Arabic in any spelling, or Latin
    /// script (`lavrov`, `de mistura`); typos are forgiven.
    #[arg(long, value_name = "Q")]
    pub person: Option<String>,
    /// Only articles that mention this place (`حلب`, `halab`, `moscow`).
    #[arg(long, value_name = "Q")]
    pub place: Option<String>,
    /// Only articles whose text contains this (spelling variants folded).
    #[arg(long, value_name = "Q")]
    pub text: Option<String>,
    /// Only articles published on or after this day (2017-01-23,
    /// 23/01/2017, "23 يناير 2017"); undated articles are left out.
    #[arg(long, value_name = "DATE", value_parser = day)]
    pub since: Option<jiff::civil::Date>,
    /// Only articles published on or before this day.
    #[arg(long, value_name = "DATE", value_parser = day)]
    pub until: Option<jiff::civil::Date>,
    /// Print a JSON array of article records instead of lines (always logical order).
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Print one JSON record per line, each as soon as it is ready (JSON Lines).
    #[arg(long)]
    pub jsonl: bool,
    /// Order: `id` (paths), `date` (newest first) or `title` (default: config
    /// `sort`, else `id`).
    #[arg(long, value_enum)]
    pub sort: Option<crate::corpus::SortOrder>,
    /// Layout of titles; without a mode, titles are laid out only on a terminal.
    #[command(flatten)]
    pub display: DisplayArgs,
}

/// A day given on the command line, in any form articles write dates in.
fn day(text: &str) -> Result<jiff::civil::Date, String> {
    crate::text::parse_date(text)
        .and_then(|d| d.gregorian())
        .ok_or_else(|| format!("{text:?} is not a day (try 2017-01-23)"))
}

/// Options of `sahifa show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's id, or any prefix of it that only one article has.
    pub id: String,
    /// Print text in logical (memory) order, for programs that do their own bidi.
    /// This is the default when stdout is not a terminal and no mode is given.
    #[arg(long)]
    pub logical: bool,
    /// Print the article as a JSON record (always logical order).
    #[arg(long)]
    pub json: bool,
    /// Print to the terminal directly instead of through a pager.
    #[arg(long)]
    pub no_pager: bool,
    /// Layout: width, bidi and shaping modes.
    #[command(flatten)]
    pub display: DisplayArgs,
}

/// Options of `sahifa render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// Layout: width, bidi and shaping modes. Output is always visual order.
    #[command(flatten)]
    pub display: DisplayArgs,
    /// Base direction of every paragraph (default: from its first strong letter).
    #[arg(long, value_enum)]
    pub direction: Option<Direction>,
    /// Print to the terminal directly instead of through a pager.
    #[arg(long)]
    pub no_pager: bool,
}
