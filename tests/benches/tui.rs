//! The reader's speed: first frame on the bundled corpus, and keystroke to
//! finished frame with 30,000 articles loaded.

use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use sahifa::corpus::{load, synthetic, Corpus, CorpusSource};
use sahifa::entities::Extractor;
use sahifa::layout::LayoutOptions;
use sahifa::tui::{App, KeyMap, Library, Theme};

fn key(c: char) -> KeyEvent {
    let code = match c {
        '\n' => KeyCode::Enter,
        '\x1b' => KeyCode::Esc,
        c => KeyCode::Char(c),
    };
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn bench(c: &mut Criterion) {
    let extractor = Extractor::builtin().unwrap();
    c.bench_function(
        "first frame, bundled corpus (load, analyze, draw 100x30)",
        |b| {
            b.iter(|| {
                let corpus = load(&CorpusSource::Bundled).unwrap();
                let lib = Arc::new(Library::new(corpus, &extractor, LayoutOptions::new(100)));
                let app = App::new(lib, KeyMap::default(), Theme::colour(), (100, 30));
                let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
                term.draw(|f| app.render(f)).unwrap();
            })
        },
    );

    let corpus = Corpus {
        name: "synthetic".into(),
        articles: synthetic(30_000, 1).into(),
        warnings: Vec::new(),
        lazy: false,
    };
    let lib = Arc::new(Library::new(corpus, &extractor, LayoutOptions::new(100)));
    let mut term = Terminal::new(TestBackend::new(100, 30)).unwrap();
    let mut group = c.benchmark_group("keystroke to frame, 30000 articles");
    group.sample_size(30);
    let mut app = App::new(lib.clone(), KeyMap::default(), Theme::colour(), (100, 30));
    group.bench_function("j in the list", |b| {
        b.iter(|| {
            app.handle_key(key('j'));
            term.draw(|f| app.render(f)).unwrap();
        })
    });
    group.bench_function("typing a letter of a filter (/ then l)", |b| {
        b.iter(|| {
            app.handle_key(key('/'));
            app.handle_key(key('l'));
            term.draw(|f| app.render(f)).unwrap();
            app.handle_key(key('\x1b'));
        })
    });
    group.bench_function("opening an article (enter, then q)", |b| {
        b.iter(|| {
            app.handle_key(key('\n'));
            term.draw(|f| app.render(f)).unwrap();
            app.handle_key(key('q'));
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
