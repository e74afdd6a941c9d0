//! The index: cold indexing throughput on generated pages, and a warm start
//! of 30,000 articles up to the reader's first frame.

use std::path::Path;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use sahifa::corpus::synthetic_pages;
use sahifa::entities::gazetteer::Gazetteer;
use sahifa::entities::Extractor;
use sahifa::index::{open, LazyExtractor, Refresh};
use sahifa::layout::LayoutOptions;
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

fn warm(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let cache = dir.path().join("index.idx");
    write_corpus(&corpus, 30_000);
    let extractor = LazyExtractor::default();
    open(&corpus, Some(&cache), &extractor, Refresh::Full).unwrap();
    let mut group = c.benchmark_group("warm start, 30,000 articles");
    group.sample_size(10);
    group.bench_function("open the index", |b| {
        b.iter(|| {
            let (indexed, report) = open(
                &corpus,
                Some(&cache),
                &LazyExtractor::default(),
                Refresh::Incremental,
            )
            .unwrap();
            assert_eq!(report.processed, 0);
            indexed
        })
    });
    group.bench_function("to the reader's first frame (100x30)", |b| {
        b.iter(|| {
            let (indexed, _) = open(
                &corpus,
                Some(&cache),
                &LazyExtractor::default(),
                Refresh::Incremental,
            )
            .unwrap();
            let lib = Library::indexed(
                indexed.corpus,
                indexed.found,
                &Gazetteer::builtin(),
                LayoutOptions::new(100),
            );
            let app = App::new(Arc::new(lib), KeyMap::default(), Theme::colour(), (100, 30));
            let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
            term.draw(|f| app.render(f)).unwrap();
        })
    });
    group.finish();
}

criterion_group!(benches, cold, warm);
criterion_main!(benches);
