//! Laying out one article of about 5,000 characters at width 100.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use sahifa::corpus::{load, CorpusSource};
use sahifa::layout::{layout, LayoutOptions};

fn bench(c: &mut Criterion) {
    let corpus = load(&CorpusSource::Bundled).unwrap();
    let mut paragraphs: Vec<String> = Vec::new();
    let mut chars = 0;
    'fill: for a in corpus.articles.iter().cycle() {
        for p in &a.body {
            if chars >= 5000 {
                break 'fill;
            }
            chars += p.chars().count();
            paragraphs.push(p.clone());
        }
    }
    let opts = LayoutOptions::new(100);
    let mut group = c.benchmark_group("layout");
    group.throughput(Throughput::Elements(chars as u64));
    group.bench_function(format!("article of {chars} chars at width 100"), |b| {
        b.iter(|| {
            paragraphs
                .iter()
                .map(|p| layout(black_box(p), &opts).lines.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
