//! The command-line front end: argument parsing and the scriptable commands.
//!
//! Errors surface here as `anyhow` errors with one clear line; the library below
//! reports typed errors.

mod args;
mod display;
mod entities;
mod list;
mod render;
mod show;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

pub use args::{Cli, Command};

use crate::corpus::{self, Corpus, CorpusSource};
use crate::entities::{CorpusEntities, Extractor};
use crate::layout::LayoutOptions;
use crate::store::{
    state_file, write_atomic, ColorMode, Config, Paths, ReadingState, DEFAULT_CONFIG,
};

/// Parses the process arguments and runs the command.
pub fn run() -> Result<ExitCode> {
    let mut cli = Cli::parse();
    // Every command reads the configuration, so a malformed one is never
    // silently ignored; flags and the environment come before it.
    let paths = Paths::from_env(cli.config.clone());
    let config = Config::load(&paths.config_file)?;
    cli.corpus = cli.corpus.take().or_else(|| config.corpus.clone());
    cli.bidi = cli.bidi.or(config.bidi);
    cli.shaping = cli.shaping.or(config.shaping);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = dispatch(&cli, &config, &paths, &mut out);
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        other => other,
    }
}

fn dispatch(cli: &Cli, config: &Config, paths: &Paths, out: &mut dyn Write) -> Result<ExitCode> {
    match &cli.command {
        None => reader(cli, config, paths, out),
        Some(Command::Config(a)) => config_command(paths, a, out),
        Some(Command::List(a)) => {
            let corpus = open_corpus(cli)?;
            let found = if a.json || a.person.is_some() || a.place.is_some() {
                Some(analyze(&corpus)?)
            } else {
                None
            };
            let state = if a.json {
                Some(load_state(&state_path(cli, paths)))
            } else {
                None
            };
            list::run(&corpus, found.as_ref(), state.as_ref(), a, out)
        }
        Some(Command::Show(a)) => show::run(&open_corpus(cli)?, a, out),
        Some(Command::Render(a)) => render::run(a, &mut std::io::stdin().lock(), out),
        Some(Command::Entities(a)) => {
            let corpus = open_corpus(cli)?;
            let found = analyze(&corpus)?.found;
            entities::run(&corpus, &found, a, out)
        }
    }
}

/// Opens the reader on a terminal; without one (a pipe, `ssh host sahifa`),
/// says so on stderr and prints the article list instead.
fn reader(cli: &Cli, config: &Config, paths: &Paths, out: &mut dyn Write) -> Result<ExitCode> {
    let corpus = open_corpus(cli)?;
    if !(std::io::stdout().is_terminal() && std::io::stdin().is_terminal()) {
        eprintln!("sahifa: no terminal, so here is the article list (run sahifa in a terminal for the reader; see sahifa --help)");
        return list::run(&corpus, None, None, &args::ListArgs::default(), out);
    }
    let layout = LayoutOptions {
        bidi: cli.bidi.unwrap_or_default(),
        shaping: cli.shaping.unwrap_or_default(),
        ..LayoutOptions::new(80)
    };
    let keymap = config.key_map(&paths.config_file.display().to_string())?;
    let theme = match config.colors {
        ColorMode::Auto => crate::tui::Theme::from_env(),
        ColorMode::Always => crate::tui::Theme::colour(),
        ColorMode::Never => crate::tui::Theme::plain(),
    };
    let library = crate::tui::Library::new(corpus, &Extractor::builtin()?, layout);
    let state_path = state_path(cli, paths);
    let state = load_state(&state_path);
    let save = |s: &ReadingState| {
        // The screen is the reader's; a failed save cannot be reported on it,
        // and the next save (every open, and at exit) tries again.
        let _ = s.save(&state_path);
    };
    crate::tui::run(library, keymap, theme, &state, &save)?;
    Ok(ExitCode::SUCCESS)
}

/// The reading-state file of the corpus the arguments name.
fn state_path(cli: &Cli, paths: &Paths) -> std::path::PathBuf {
    let key = match &cli.corpus {
        Some(p) => std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.clone())
            .display()
            .to_string(),
        None => corpus::BUNDLED_NAME.to_owned(),
    };
    state_file(&paths.state_dir, &key)
}

/// Loads a reading state, saying on stderr what was wrong with a bad one.
fn load_state(path: &std::path::Path) -> ReadingState {
    let (state, warning) = ReadingState::load(path);
    if let Some(w) = warning {
        eprintln!("sahifa: warning: {w}");
    }
    state
}

/// `sahifa config`: where the files are, or a commented config.toml.
fn config_command(paths: &Paths, args: &args::ConfigArgs, out: &mut dyn Write) -> Result<ExitCode> {
    if args.init {
        if paths.config_file.exists() {
            anyhow::bail!(
                "{} exists already; not overwriting it",
                paths.config_file.display()
            );
        }
        write_atomic(&paths.config_file, DEFAULT_CONFIG.as_bytes())?;
        writeln!(out, "wrote {}", paths.config_file.display())?;
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(out, "config: {}", paths.config_file.display())?;
    writeln!(out, "state:  {}", paths.state_dir.display())?;
    writeln!(out, "cache:  {}", paths.cache_dir.display())?;
    Ok(ExitCode::SUCCESS)
}

/// Loads the corpus the arguments name and reports skipped files on stderr.
fn open_corpus(cli: &Cli) -> Result<Corpus> {
    let source = match &cli.corpus {
        Some(p) => CorpusSource::Path(p.clone()),
        None => CorpusSource::Bundled,
    };
    let corpus = corpus::load(&source)?;
    let mut err = std::io::stderr().lock();
    for w in &corpus.warnings {
        let _ = writeln!(err, "sahifa: warning: {w}");
    }
    Ok(corpus)
}

/// Finds the persons and places of a corpus.
fn analyze(corpus: &Corpus) -> Result<Analysis> {
    let extractor = Extractor::builtin()?;
    let found = crate::entities::analyze(&corpus.articles, &extractor);
    Ok(Analysis { found, extractor })
}

/// A corpus's persons and places, with the extractor that found them (whose
/// gazetteer lookups reuse rather than parse again).
pub struct Analysis {
    /// The persons and places.
    pub found: CorpusEntities,
    /// The extractor, for its gazetteer.
    pub extractor: Extractor,
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        let kind = c
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| {
                c.downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
}
