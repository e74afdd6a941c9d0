//! One lookup over 100,000 entity names: Latin, Arabic, typo and prefix queries.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sahifa::entities::gazetteer::Gazetteer;
use sahifa::entities::{Entity, Kind};
use sahifa::search::NameIndex;

/// Deterministic pseudo-names: two or three words of Arabic syllables.
fn names(n: usize) -> Vec<Entity> {
    const SYLLABLES: &[&str] = &[
        "با", "تو", "سي", "ري", "لا", "فو", "مي", "نا", "دو", "كي", "غا", "جو", "زي", "شا", "حو",
        "خا", "عي", "قو", "طا", "وي", "يا", "هو", "ف", "ن", "ر", "ل", "م", "س", "ك", "ب",
    ];
    let mut seed: u64 = 42;
    let mut next = |m: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % m
    };
    (0..n)
        .map(|i| {
            let words: Vec<String> = (0..2 + next(2))
                .map(|_| {
                    (0..2 + next(3))
                        .map(|_| SYLLABLES[next(SYLLABLES.len())])
                        .collect()
                })
                .collect();
            let name = words.join(" ");
            Entity {
                kind: if i % 3 == 0 {
                    Kind::Place
                } else {
                    Kind::Person
                },
                name: name.clone(),
                variants: vec![name],
                articles: vec![i % 30_000],
                mentions: 1,
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut entities = names(100_000);
    entities.push(Entity {
        kind: Kind::Person,
        name: "سيرغي لافروف".into(),
        variants: vec!["سيرغي لافروف".into(), "لافروف".into()],
        articles: vec![1],
        mentions: 2,
    });
    let index = NameIndex::build(&entities, &Gazetteer::builtin());
    let mut group = c.benchmark_group(format!("lookup over {} names", index.len()));
    for q in ["lavrov", "لافروف", "لافوروف", "لاف", "de mistura", "moscow"] {
        group.bench_function(q, |b| b.iter(|| index.search(black_box(q), None).len()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
