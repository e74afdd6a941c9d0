//! Entity extraction throughput on Arabic news text: the samples, repeated,
//! and (when `../shared/anercorp` is beside the repository) a corpus of
//! real newswire at scale, on one core.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sahifa::corpus::{load, CorpusSource};
use sahifa::entities::eval::{read_labelled, LabelledDoc};
use sahifa::entities::{analyze, paragraphs, Extractor};

/// The allocator the binary runs with (see `src/main.rs`): under glibc's,
/// malloc and free were a fifth of extraction's time here.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    scale(c, &extractor);
    c.bench_function("load the built-in model", |b| {
        b.iter(|| Extractor::builtin().unwrap())
    });
}

/// The whole-corpus pass over ANERcorp's training text in articles of ten
/// sentences (398), on one thread: the five samples start a cold
/// word cache at every iteration, which a corpus of thousands of articles
/// pays once. Skipped without the data.
fn scale(c: &mut Criterion, extractor: &Extractor) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/anercorp/train.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("{path} not found: the corpus at scale is not measured");
        return;
    };
    let sentences = read_labelled(&text);
    let articles: Vec<_> = LabelledDoc::chunks(&sentences, 10, "anercorp")
        .iter()
        .map(LabelledDoc::article)
        .collect();
    let bytes: usize = articles.iter().flat_map(paragraphs).map(str::len).sum();
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let mut group = c.benchmark_group("entities at scale");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(
        format!(
            "analyze corpus, one thread ({} ANERcorp articles)",
            articles.len()
        ),
        |b| b.iter(|| one.install(|| analyze(black_box(&articles), extractor).entities.len())),
    );
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
