//! Entity extraction throughput on Arabic news text (the samples, repeated).

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sahifa::corpus::{load, CorpusSource};
use sahifa::entities::{analyze, paragraphs, Extractor};

fn bench(c: &mut Criterion) {
    let corpus = load(&CorpusSource::Bundled).unwrap();
    let extractor = Extractor::builtin().unwrap();
    let bytes: usize = corpus
        .articles
        .iter()
        .flat_map(paragraphs)
        .map(str::len)
        .sum();
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("extract, per article (5 samples)", |b| {
        b.iter(|| {
            corpus
                .articles
                .iter()
                .map(|a| extractor.article(black_box(&paragraphs(a))).mentions.len())
                .sum::<usize>()
        })
    });
    group.bench_function(
        "analyze corpus: extract, spread, cluster (5 samples)",
        |b| {
            b.iter(|| {
                analyze(black_box(&corpus.articles), &extractor)
                    .entities
                    .len()
            })
        },
    );
    group.finish();
    c.bench_function("load the built-in model", |b| {
        b.iter(|| Extractor::builtin().unwrap())
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
