//! Measures Latin-script lookup on held-out name pairs: the lookup alone,
//! not extraction.
//!
//! ```sh
//! sahifa --corpus /tmp/real30 entities --json > /tmp/ent30.json
//! cargo run --release --bin sahifa-latin-eval -- /tmp/ent30.json tests/data/latin-queries/queries.tsv
//! ```
//!
//! The persons of an archive (written by `sahifa entities --json`) are the
//! names a query must not find; each Arabic name of the query file is added
//! as a person of its own. Every Latin spelling is then looked up among
//! persons as `list --person` does, and scored: recall (the query found a
//! person of that Arabic name), precision (the share of the persons found
//! that bear it), and whether the best match does. `SAHIFA_EVAL_DEBUG=1`
//! lists the queries that miss or find others.

#[macro_use]
#[path = "shared/out.rs"]
mod out;

use std::process::ExitCode;

use anyhow::Context as _;
use sahifa::entities::gazetteer::Gazetteer;
use sahifa::entities::{Entity, Kind};
use sahifa::search::NameIndex;
use sahifa::text::normalize_str;
use serde::Deserialize;

/// A person or place as `sahifa entities --json` lists it.
#[derive(Deserialize)]
struct Listed {
    kind: String,
    name: String,
    #[serde(default)]
    variants: Vec<String>,
}

fn person(name: &str, variants: Vec<String>) -> Entity {
    Entity {
        kind: Kind::Person,
        name: name.to_owned(),
        variants,
        articles: vec![0],
        mentions: 1,
    }
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sahifa-latin-eval: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [entities, queries] = &args[..] else {
        anyhow::bail!("usage: sahifa-latin-eval ENTITIES.json QUERIES.tsv");
    };
    let listed: Vec<Listed> =
        serde_json::from_str(&std::fs::read_to_string(entities).with_context(|| entities.clone())?)
            .with_context(|| entities.clone())?;
    let mut all: Vec<Entity> = listed
        .into_iter()
        .filter(|l| l.kind == "person")
        .map(|l| person(&l.name, l.variants))
        .collect();
    let distractors = all.len();
    let text = std::fs::read_to_string(queries).with_context(|| queries.clone())?;
    let pairs: Vec<(String, String)> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.split_once('\t'))
        .map(|(a, l)| (normalize_str(a), l.trim().to_owned()))
        .collect();
    let mut targets: Vec<&String> = pairs.iter().map(|(a, _)| a).collect();
    targets.sort();
    targets.dedup();
    all.extend(targets.iter().map(|a| person(a, vec![(*a).clone()])));
    let index = NameIndex::build(&all, &Gazetteer::builtin());
    let bears = |e: &Entity, arabic: &str| {
        std::iter::once(&e.name)
            .chain(&e.variants)
            .any(|n| normalize_str(n) == arabic)
    };
    let debug = std::env::var_os("SAHIFA_EVAL_DEBUG").is_some();
    let (mut recall, mut precision, mut first, mut answered) = (0.0, 0.0, 0.0, 0usize);
    for (arabic, latin) in &pairs {
        let hits = index.search(latin, Some(Kind::Person));
        let right = hits
            .iter()
            .filter(|h| bears(&all[h.entity], arabic))
            .count();
        if !hits.is_empty() {
            answered += 1;
            precision += right as f64 / hits.len() as f64;
            if bears(&all[hits[0].entity], arabic) {
                first += 1.0;
            }
        }
        if right > 0 {
            recall += 1.0;
        }
        if debug && right < hits.len().max(1) {
            let found: Vec<&str> = hits
                .iter()
                .take(5)
                .map(|h| all[h.entity].name.as_str())
                .collect();
            eprintln!(
                "{latin}\t{arabic}\t{right}/{}\t{}",
                hits.len(),
                found.join(" | ")
            );
        }
    }
    let n = pairs.len() as f64;
    say!(
        "{} queries for {} names among {distractors} persons: recall {:.3}, precision {:.3} (over the {answered} queries that found someone), best match right {:.3}; {} found no one",
        pairs.len(),
        targets.len(),
        recall / n,
        precision / answered.max(1) as f64,
        first / n,
        pairs.len() - answered
    );
    Ok(())
}
