//! Laying out one article of about 5,000 characters at width 100, and one
//! paragraph of 1, 2, 4 and 8 MB (the time must grow linearly: a hostile
//! page can be one paragraph of megabytes).

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

    let mut group = c.benchmark_group("long paragraph");
    group.sample_size(10);
    let words: Vec<&str> = corpus
        .articles
        .iter()
        .flat_map(|a| a.body.iter())
        .flat_map(|p| p.split(' '))
        .collect();
    for mb in [1, 2, 4, 8] {
        let mut text = String::new();
        for w in words.iter().cycle() {
            if text.len() >= mb << 20 {
                break;
            }
            text.push_str(w);
            text.push(' ');
        }
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{mb} MB at width 80"), |b| {
            b.iter(|| {
                layout(black_box(&text), &LayoutOptions::new(80))
                    .lines
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
