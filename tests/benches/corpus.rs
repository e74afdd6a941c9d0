//! Loading and cleaning: the bundled samples, and a synthetic page per iteration.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sahifa::corpus::{clean_page, load, CorpusSource};

fn bench(c: &mut Criterion) {
    c.bench_function("load bundled corpus (5 articles)", |b| {
        b.iter(|| load(black_box(&CorpusSource::Bundled)).unwrap())
    });
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/sample-data/001_6054453d1942b8b0.txt"
    ))
    .unwrap();
    let mut group = c.benchmark_group("clean");
    group.throughput(Throughput::Bytes(page.len() as u64));
    group.bench_function("clean one scraped page", |b| {
        b.iter(|| clean_page(black_box(&page)))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
