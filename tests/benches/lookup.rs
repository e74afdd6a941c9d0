//! One lookup over 100,000 entity names: Latin, Arabic, typo and prefix queries.
//!
//! The generated names are a worst case: few of their words are shared. Real
//! names share their words (137,083 names of a 100,000-article archive hold
//! 23,814 distinct words), so set `SAHIFA_BENCH_ENTITIES` to files written by
//! `sahifa entities --json` (separated by `:`) to time lookups over them
//! instead.

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
    let mut rng = sahifa::random::Lcg::new(42);
    let mut next = |n: usize| rng.below(n);
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
    // Over real names, when given, and then only: their percentiles are the
    // figures that count, and the generated index is slow to build under
    // a profiler.
    let real = std::env::var_os("SAHIFA_BENCH_ENTITIES").unwrap_or_default();
    if !real.is_empty() {
        for path in std::env::split_paths(&real) {
            let entities = read_entities(&path);
            let index = NameIndex::build(&entities, &Gazetteer::builtin());
            percentiles(&path.display().to_string(), &index, &entities);
        }
        return;
    }
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
    percentiles("generated names", &index, &entities);
}

/// Entities as `sahifa entities --json` writes them (articles left out:
/// lookups never read them).
fn read_entities(path: &std::path::Path) -> Vec<Entity> {
    let text = std::fs::read_to_string(path).unwrap();
    let all: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    all.iter()
        .map(|e| Entity {
            kind: if e["kind"] == "place" {
                Kind::Place
            } else {
                Kind::Person
            },
            name: e["name"].as_str().unwrap().to_owned(),
            variants: e["variants"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect(),
            articles: vec![0],
            mentions: 1,
        })
        .collect()
}

/// Latency per query over a thousand queries of every sort (names as
/// written, their first words, prefixes, typos, Latin), as p50 and p99:
/// what one keystroke in the filter box waits for.
fn percentiles(what: &str, index: &NameIndex, entities: &[Entity]) {
    let mut queries: Vec<String> = Vec::new();
    let step = (entities.len() / 200).max(1);
    for (i, e) in entities.iter().step_by(step).take(200).enumerate() {
        let name = &e.name;
        let first = name.split(' ').next().unwrap_or(name).to_owned();
        let prefix: String = name.chars().take(3).collect();
        let typo: String = name.chars().filter(|c| *c != 'ي').collect();
        queries.extend([name.clone(), first, prefix, typo]);
        queries.push(["lavrov", "moscow", "de mistura", "aleppo", "putin"][i % 5].to_owned());
    }
    // Queries come in fives: whole name, first word, prefix, typo, Latin.
    let timed: Vec<std::time::Duration> = queries
        .iter()
        .map(|q| {
            let t = std::time::Instant::now();
            black_box(index.search(black_box(q), None).len());
            t.elapsed()
        })
        .collect();
    let summary = |mut times: Vec<std::time::Duration>| {
        times.sort();
        let at = |p: f64| times[((times.len() - 1) as f64 * p) as usize];
        format!(
            "p50 {:.2?}, p99 {:.2?}, max {:.2?}",
            at(0.50),
            at(0.99),
            times[times.len() - 1]
        )
    };
    println!(
        "{what}: lookup over {} names, {} queries: {}",
        index.len(),
        timed.len(),
        summary(timed.clone())
    );
    for (k, sort) in ["whole name", "first word", "prefix", "typo", "Latin"]
        .iter()
        .enumerate()
    {
        let of_sort: Vec<_> = timed.iter().copied().skip(k).step_by(5).collect();
        println!("  {sort}: {}", summary(of_sort));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
