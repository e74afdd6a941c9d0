//! The command-line front end: argument parsing and the scriptable commands.
//!
//! Errors surface here as `anyhow` errors with one clear line; the library below
//! reports typed errors.

mod args;
mod display;
mod entities;
mod list;
mod manual;
mod names;
mod open;
mod pager;
mod render;
mod show;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches};

pub use args::{Cli, ColorChoice, Command};

pub use open::Analysis;

use crate::index::Refresh;
use crate::layout::LayoutOptions;
use crate::store::{
    write_atomic, ColorMode, Config, Paths, ReadingState, StateFile, DEFAULT_CONFIG,
};
use open::{open, state_path, tell};

/// Parses the process arguments and runs the command.
pub fn run() -> Result<ExitCode> {
    let version = long_version();
    let matches = Cli::command().long_version(version.clone()).get_matches();
    let mut cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    // Every command reads the configuration, so a malformed one is never
    // silently ignored; flags and the environment come before it.
    if let Some(file) = cli.config.as_ref().filter(|f| !f.exists()) {
        anyhow::bail!("{}: no such configuration file", file.display());
    }
    let paths = Paths::from_env(cli.config.clone());
    let mut config = Config::load(&paths.config_file)?;
    if let Some(c) = cli.color {
        config.colors = match c {
            ColorChoice::Auto => ColorMode::Auto,
            ColorChoice::Always => ColorMode::Always,
            ColorChoice::Never => ColorMode::Never,
        };
    }
    // An empty SAHIFA_CORPUS is unset, as shells mean by `SAHIFA_CORPUS= sahifa`.
    cli.corpus = cli
        .corpus
        .take()
        .or_else(|| {
            std::env::var_os("SAHIFA_CORPUS")
                .filter(|v| !v.is_empty())
                .map(Into::into)
        })
        .or_else(|| config.corpus.clone());
    cli.bidi = cli.bidi.or(config.bidi);
    cli.shaping = cli.shaping.or(config.shaping);
    // Buffered: a JSON list of thousands of articles is many lines, and a
    // locked stdout would make a system call for each.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let result = match &cli.command {
        Some(Command::Man) => manual::write(&mut out, &version).map(|()| ExitCode::SUCCESS),
        Some(Command::Completions(a)) => {
            clap_complete::generate(a.shell, &mut Cli::command(), "sahifa", &mut out);
            Ok(ExitCode::SUCCESS)
        }
        _ => dispatch(&cli, &config, &paths, &mut out),
    }
    .and_then(|code| {
        out.flush()?;
        Ok(code)
    });
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        other => other,
    }
}

/// `--version`: the program's, and what decides what extraction finds.
fn long_version() -> String {
    format!(
        "{}\n{}",
        env!("CARGO_PKG_VERSION"),
        crate::entities::data_versions()
    )
}

/// How a command that reads the corpus checks its index: quickly, unless
/// `--refresh` asks for every file to be looked at.
fn reading(cli: &Cli) -> Refresh {
    if cli.refresh {
        Refresh::Incremental
    } else {
        Refresh::Quick
    }
}

/// The exit status of a listing: 1 when it printed nothing, as grep does.
fn found(n: usize) -> ExitCode {
    if n == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn dispatch(cli: &Cli, config: &Config, paths: &Paths, out: &mut dyn Write) -> Result<ExitCode> {
    match &cli.command {
        None => reader(cli, config, paths, out),
        Some(Command::Man | Command::Completions(_)) => Ok(ExitCode::SUCCESS),
        Some(Command::Config(a)) => config_command(paths, a, out),
        Some(Command::Index(a)) => {
            let refresh = if a.full {
                Refresh::Full
            } else {
                Refresh::Incremental
            };
            let opened = open(cli, paths, true, refresh)?;
            match &opened.report {
                Some(r) => writeln!(out, "{}", r.summary())?,
                None => writeln!(
                    out,
                    "{} articles bundled in the binary; nothing to index (give --corpus)",
                    opened.corpus.articles.len()
                )?,
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::List(a)) => {
            let wants = a.json || a.jsonl || a.person.is_some() || a.place.is_some();
            let mut opened = open(cli, paths, wants, reading(cli))?;
            tell(opened.report.as_ref());
            let analysis = if wants {
                Some(opened.analysis()?)
            } else {
                None
            };
            let state = if a.json || a.jsonl {
                Some(load_state(&state_path(cli, paths)))
            } else {
                None
            };
            let order = a.sort.or(config.sort).unwrap_or_default();
            let code = found(list::run(
                &opened.corpus,
                analysis.as_ref(),
                state.as_ref(),
                order,
                a,
                out,
            )?);
            exit_without_freeing((opened, analysis));
            Ok(code)
        }
        Some(Command::Show(a)) => {
            let opened = open(cli, paths, false, reading(cli))?;
            tell(opened.report.as_ref());
            show::run(&opened.corpus, a, out)
        }
        Some(Command::Render(a)) => render::run(a, &mut std::io::stdin().lock(), out),
        Some(Command::Names(a)) => {
            let mut opened = open(cli, paths, true, reading(cli))?;
            tell(opened.report.as_ref());
            let analysis = opened.analysis()?;
            let code = found(names::run(&analysis, a, out)?);
            exit_without_freeing((opened, analysis));
            Ok(code)
        }
        Some(Command::Entities(a)) => {
            let mut opened = open(cli, paths, true, reading(cli))?;
            tell(opened.report.as_ref());
            let entities = opened.analysis()?.found;
            let code = found(entities::run(&opened.corpus, &entities, a, out)?);
            exit_without_freeing((opened, entities));
            Ok(code)
        }
    }
}

/// Opens the reader on a terminal; without one (a pipe, `ssh host sahifa`),
/// says so on stderr and prints the article list instead.
fn reader(cli: &Cli, config: &Config, paths: &Paths, out: &mut dyn Write) -> Result<ExitCode> {
    let tty = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let term = std::env::var("TERM").unwrap_or_default();
    if !tty || term.is_empty() || term == "dumb" {
        let opened = open(cli, paths, false, reading(cli))?;
        if tty {
            eprintln!("sahifa: TERM={term:?} cannot show the full-screen reader, so here is the article list (set TERM, for example TERM=xterm-256color, for the reader; see sahifa --help)");
        } else {
            eprintln!("sahifa: no terminal, so here is the article list (run sahifa in a terminal for the reader; see sahifa --help)");
        }
        let order = config.sort.unwrap_or_default();
        let args = args::ListArgs::default();
        return list::run(&opened.corpus, None, None, order, &args, out).map(found);
    }
    let layout = LayoutOptions {
        bidi: cli.bidi.unwrap_or_default(),
        shaping: cli.shaping.unwrap_or_default(),
        ..LayoutOptions::new(80)
    };
    let keymap = config.key_map(&paths.config_file.display().to_string())?;
    let theme = match config.colors {
        ColorMode::Auto => crate::tui::Theme::from_env(),
        ColorMode::Always => {
            // crossterm drops colours by itself when NO_COLOR is set.
            crossterm::style::force_color_output(true);
            crate::tui::Theme::colour()
        }
        ColorMode::Never => crate::tui::Theme::plain(),
    };
    let mut opened = open(cli, paths, true, reading(cli))?;
    tell(opened.report.as_ref());
    let (found, names) = opened.analysis()?.into_parts();
    let library = crate::tui::Library::with_lazy_index(opened.corpus, found, names, layout)
        .sorted(config.sort.unwrap_or_default());
    let state_path = state_path(cli, paths);
    let (mut store, warning) = StateFile::open(state_path.clone());
    if let Some(w) = warning {
        warn(w);
    }
    let state = store.state().clone();
    // The screen is the reader's, so a failed save cannot be reported on it;
    // the next save (every open, and at exit) tries again, and a failure
    // that lasts to the end is said once the terminal is restored.
    let mut failure = None;
    let mut save = |s: &ReadingState| {
        failure = store.save(s).err();
    };
    let mouse = config.mouse.unwrap_or(true);
    crate::tui::run(library, keymap, theme, &state, mouse, &mut save)?;
    if let Some(e) = failure {
        anyhow::bail!(
            "{}: cannot save the reading state (read marks, bookmarks, position): {e}",
            state_path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Says a note on stderr (not a warning: what a command took its input to
/// mean), one line, safe for the terminal.
pub(crate) fn note(message: impl std::fmt::Display) {
    eprintln!("sahifa: {}", crate::corpus::one_line(&message.to_string()));
}

/// Says a warning on stderr, one line, safe for the terminal whatever the
/// message carries (file names, strings from a cache).
pub(crate) fn warn(message: impl std::fmt::Display) {
    eprintln!(
        "sahifa: warning: {}",
        crate::corpus::one_line(&message.to_string())
    );
}

/// Loads a reading state, saying on stderr what was wrong with a bad one.
fn load_state(path: &std::path::Path) -> ReadingState {
    let (state, warning) = ReadingState::load(path);
    if let Some(w) = warning {
        warn(w);
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

/// Writes JSON: indented for a person at a terminal, compact for programs
/// (a list of thousands of articles is several times faster to write and
/// read that way; `jq` indents it again).
fn write_json<T: serde::Serialize + ?Sized>(out: &mut dyn Write, value: &T) -> Result<()> {
    if std::io::stdout().is_terminal() {
        serde_json::to_writer_pretty(&mut *out, value)?;
    } else {
        serde_json::to_writer(&mut *out, value)?;
    }
    writeln!(out)?;
    Ok(())
}

/// Leaves a command's corpus and index to the operating system: the process
/// ends right after, and freeing a hundred thousand small allocations one by
/// one would take longer than a warm lookup itself.
fn exit_without_freeing<T>(data: T) {
    std::mem::forget(data);
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
