//! The index: cold indexing throughput on generated pages, and warm starts
//! of whole archives up to the reader's first frame.

use std::path::Path;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use sahifa::corpus::synthetic_pages;
use sahifa::entities::Extractor;
use sahifa::index::{open, LazyExtractor, Refresh};
use sahifa::layout::LayoutOptions;
use sahifa::search::LazyIndex;
use sahifa::tui::{App, KeyMap, Library, Theme};

/// Writes `n` generated pages under `dir`; returns their total size.
fn write_corpus(dir: &Path, n: usize) -> u64 {
    let mut bytes = 0;
    for (rel, text) in synthetic_pages(n, 1) {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
        bytes += text.len() as u64;
    }
    bytes
}

fn cold(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let bytes = write_corpus(dir.path(), 2_000);
    let extractor = LazyExtractor::with(Extractor::builtin().unwrap());
    let mut group = c.benchmark_group("index");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("cold, 2,000 generated pages, all cores", |b| {
        b.iter(|| open(dir.path(), None, &extractor, Refresh::Full).unwrap())
    });
    group.finish();
}

/// The archives to time warm starts on: the directories in
/// `SAHIFA_BENCH_ARCHIVES` (separated by `:`; make them with
/// `sahifa-corpus --news`, see the README), else 30,000 generated pages.
fn archives() -> (Vec<std::path::PathBuf>, Option<tempfile::TempDir>) {
    match std::env::var_os("SAHIFA_BENCH_ARCHIVES") {
        Some(v) if !v.is_empty() => (std::env::split_paths(&v).collect(), None),
        _ => {
            let dir = tempfile::tempdir().unwrap();
            let corpus = dir.path().join("generated-30000");
            write_corpus(&corpus, 30_000);
            (vec![corpus], Some(dir))
        }
    }
}

fn warm(c: &mut Criterion) {
    let caches = tempfile::tempdir().unwrap();
    let (archives, _generated) = archives();
    for (k, corpus) in archives.iter().enumerate() {
        let cache = caches.path().join(format!("{k}.idx"));
        let (indexed, _) = open(
            corpus,
            Some(&cache),
            &LazyExtractor::default(),
            Refresh::Full,
        )
        .unwrap();
        let name = format!(
            "warm start, {} articles ({})",
            indexed.corpus.articles.len(),
            corpus.file_name().unwrap_or_default().to_string_lossy()
        );
        drop(indexed);
        // As the commands open it: directory times and a budget of files.
        let reopen = || {
            let (indexed, report) = open(
                corpus,
                Some(&cache),
                &LazyExtractor::default(),
                Refresh::Quick,
            )
            .unwrap();
            assert_eq!(report.processed, 0);
            indexed
        };
        let mut group = c.benchmark_group(&name);
        group.sample_size(10);
        // Outputs are dropped outside the timing: the commands and the
        // reader exit without freeing what they opened.
        group.bench_function("open the index", |b| b.iter_with_large_drop(reopen));
        // As the reader opens it: the name index is decoded from the cache
        // after the first frame (on a thread of its own, see `tui::run`).
        let first_frame = || {
            let indexed = reopen();
            let entities = indexed.found.entities.len();
            let stored = indexed.name_index;
            let lib = Arc::new(Library::with_lazy_index(
                indexed.corpus,
                indexed.found,
                LazyIndex::new(Box::new(move || stored.decode(entities))),
                LayoutOptions::new(100),
            ));
            let app = App::new(lib.clone(), KeyMap::default(), Theme::colour(), (100, 30));
            let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
            term.draw(|f| app.render(f)).unwrap();
            (app, term, lib)
        };
        group.bench_function("to the reader's first frame (100x30)", |b| {
            b.iter_with_large_drop(first_frame)
        });
        group.bench_function("open the index and decode its name index", |b| {
            b.iter_with_large_drop(|| {
                let indexed = reopen();
                let entities = indexed.found.entities.len();
                indexed.name_index.decode(entities).unwrap()
            })
        });
        group.finish();
        // Typed once the reader has warmed what the filter needs, as a
        // person types (the warming takes a fraction of the time a first
        // key takes to come).
        keystrokes(&name, || {
            let (app, term, lib) = first_frame();
            lib.warm();
            (app, term)
        });
    }
}

/// Keystroke to finished frame in a reader just opened on the archive, as
/// p50, p99 and the slowest: moving in the list, typing filters (Latin and
/// Arabic), cycling the kind, the facets, opening an article and going
/// back. Ten fresh readers, so that what a first filter decodes is counted
/// ten times, not once.
fn keystrokes(name: &str, open: impl Fn() -> (App, Terminal<TestBackend>)) {
    let code = |c: char| match c {
        '\n' => KeyCode::Enter,
        '\x1b' => KeyCode::Esc,
        '\t' => KeyCode::Tab,
        '\x08' => KeyCode::Backspace,
        c => KeyCode::Char(c),
    };
    let script =
        "jjjjjjjjjjkkkkk/lavrov\x08\x08\x08\x08\x08\x08لندن\t\t\t\x1b/باريس\n\x1bfjj\x1b\nq";
    let mut times = Vec::new();
    for _ in 0..10 {
        let (mut app, mut term) = open();
        for c in script.chars() {
            let t = std::time::Instant::now();
            app.handle_key(KeyEvent::new(code(c), KeyModifiers::NONE));
            term.draw(|f| app.render(f)).unwrap();
            times.push(t.elapsed());
        }
        std::mem::forget((app, term));
    }
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
    println!(
        "{name}: {} keystrokes to frame: p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        times.len(),
        at(0.50),
        at(0.99),
        times[times.len() - 1]
    );
}

criterion_group!(benches, cold, warm);
criterion_main!(benches);
