//! Opening the corpus a command names: a directory or file through its index
//! cache, the bundled samples from memory. What the index did, and every file
//! it skipped, is said on stderr.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;

use super::Cli;
use crate::corpus::{self, Corpus, CorpusSource};
use crate::entities::{CorpusEntities, Extractor};
use crate::index::{self, LazyExtractor, Refresh, Report};
use crate::search::{LazyIndex, NameIndex};
use crate::store::{state_file, Paths};

/// A corpus ready for a command.
pub struct Opened {
    /// The articles (lazy when they come from an index).
    pub corpus: Corpus,
    /// Their persons and places, when they were asked for or came free.
    pub found: Option<CorpusEntities>,
    /// What the index did, for a corpus path.
    pub report: Option<Report>,
    /// The index's name index, for a corpus path.
    pub name_index: Option<index::StoredIndex>,
}

/// A corpus's persons and places, with the name index lookups use.
pub struct Analysis {
    /// The persons and places.
    pub found: CorpusEntities,
    /// Their name index: the index's copy when it has a sound one, else
    /// built when first asked for.
    names: LazyIndex,
}

impl Analysis {
    /// The index of the entities' names (places also by their English
    /// names).
    pub fn name_index(&self) -> &NameIndex {
        self.names.get(&self.found.entities)
    }

    /// The persons and places, and their name index, not yet made.
    pub fn into_parts(self) -> (CorpusEntities, LazyIndex) {
        (self.found, self.names)
    }
}

/// Opens the corpus. The bundled samples are analyzed only if `entities`;
/// a corpus path always goes through its index, which brings them along.
pub fn open(cli: &Cli, paths: &Paths, entities: bool, refresh: Refresh) -> Result<Opened> {
    // stderr is locked only to write: indexing runs on worker threads.
    let err = std::io::stderr;
    let opened = match &cli.corpus {
        None => {
            let corpus = corpus::load(&CorpusSource::Bundled)?;
            let found = if entities {
                Some(crate::entities::analyze(
                    &corpus.articles,
                    &Extractor::builtin()?,
                ))
            } else {
                None
            };
            Opened {
                corpus,
                found,
                report: None,
                name_index: None,
            }
        }
        Some(root) => {
            let cache = index_file(cli, paths);
            // A first start on a large corpus takes a while; say why.
            if !cache.exists() && err().is_terminal() {
                let _ = writeln!(
                    err(),
                    "sahifa: indexing {} (once; later starts read the index)…",
                    crate::corpus::shown_name(&crate::corpus::path_text(root))
                );
            }
            let bar = Bar::default();
            // Ctrl-C while files are read stops reading them; what was read
            // is indexed and saved, and the next run goes on from there. A
            // second Ctrl-C ends the process at once.
            let interrupt = signal_hook::consts::SIGINT;
            let ids = [
                signal_hook::flag::register_conditional_shutdown(interrupt, 130, bar.stop.clone()),
                signal_hook::flag::register(interrupt, bar.stop.clone()),
            ];
            let opened =
                index::open_telling(root, Some(&cache), &LazyExtractor::default(), refresh, &bar);
            for id in ids.into_iter().flatten() {
                signal_hook::low_level::unregister(id);
            }
            if let Some(b) = bar.bar.get() {
                b.finish_and_clear();
            }
            let (indexed, report) = opened?;
            if report.left > 0 {
                let _ = writeln!(
                    err(),
                    "sahifa: interrupted: {} files indexed and saved, {} left; sahifa index goes on from there",
                    report.files,
                    report.left
                );
                std::process::exit(130);
            }
            if let Some(why) = &report.rebuilt_because {
                super::warn(format_args!("{why}; rebuilt the index"));
            }
            if let Some(why) = &report.not_saved {
                super::warn(format_args!("index not saved: {why}"));
            }
            Opened {
                corpus: indexed.corpus,
                found: Some(indexed.found),
                report: Some(report),
                name_index: Some(indexed.name_index),
            }
        }
    };
    let mut err = err().lock();
    for w in &opened.corpus.warnings {
        // Warning's Display sanitizes the path and the reason.
        let _ = writeln!(err, "sahifa: warning: {w}");
    }
    Ok(opened)
}

/// A progress bar on stderr for an index that reads many files (nothing
/// when stderr is not a terminal, or for a few files).
#[derive(Default)]
struct Bar {
    bar: std::sync::OnceLock<indicatif::ProgressBar>,
    /// Set by Ctrl-C.
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
}

/// Fewer files than this, and less than [`BAR_BYTES`], go without a bar.
const BAR_FILES: usize = 200;
const BAR_BYTES: u64 = 10 << 20;

impl index::Progress for Bar {
    fn start(&self, files: usize, bytes: u64) {
        if !std::io::stderr().is_terminal() || (files < BAR_FILES && bytes < BAR_BYTES) {
            return;
        }
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(bytes),
            indicatif::ProgressDrawTarget::stderr_with_hz(4),
        );
        let style = indicatif::ProgressStyle::with_template(
            "{spinner} indexing {msg}{bar:30} {bytes}/{total_bytes} · {bytes_per_sec} · {eta} left",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        bar.set_style(style);
        bar.set_message(format!("{files} files "));
        let _ = self.bar.set(bar);
    }

    fn file_done(&self, bytes: u64) {
        if let Some(b) = self.bar.get() {
            b.inc(bytes);
        }
    }

    fn linking(&self) {
        if let Some(b) = self.bar.get() {
            b.set_message("names across the corpus ");
        }
    }

    fn cancelled(&self) -> bool {
        self.stop.load(std::sync::atomic::Ordering::Relaxed)
    }
}

/// Says on stderr what indexing did, when it did anything.
pub fn tell(report: Option<&Report>) {
    if let Some(r) = report.filter(|r| r.did_work()) {
        eprintln!("sahifa: indexed {}", r.summary());
    }
}

impl Opened {
    /// The persons and places, analyzing the corpus if not done yet.
    pub fn analysis(&mut self) -> Result<Analysis> {
        let found = match self.found.take() {
            Some(f) => f,
            None => crate::entities::analyze(&self.corpus.articles, &Extractor::builtin()?),
        };
        let stored = self.name_index.take();
        let entities = found.entities.len();
        Ok(Analysis {
            found,
            names: LazyIndex::new(Box::new(move || stored?.decode(entities))),
        })
    }
}

/// What names a corpus in the file names of its state and index: its
/// canonical path, or the bundled corpus's name.
fn corpus_key(cli: &Cli) -> String {
    match &cli.corpus {
        Some(p) => std::fs::canonicalize(p)
            .unwrap_or_else(|_| p.clone())
            .display()
            .to_string(),
        None => corpus::BUNDLED_NAME.to_owned(),
    }
}

/// The reading-state file of the corpus the arguments name.
pub fn state_path(cli: &Cli, paths: &Paths) -> PathBuf {
    state_file(&paths.state_dir, &corpus_key(cli))
}

/// The index cache of the corpus the arguments name.
pub fn index_file(cli: &Cli, paths: &Paths) -> PathBuf {
    let hash = crate::entities::model::feature(0, &[&corpus_key(cli)]);
    paths.cache_dir.join(format!("index-{hash:016x}.idx"))
}
