//! Writes a synthetic corpus of scraped-looking pages, for benchmarks and
//! scale tests on a fresh machine:
//!
//! ```sh
//! cargo run --release --bin sahifa-corpus -- /tmp/news 30000 [SEED]
//! cargo run --release --bin sahifa-corpus -- --news ../shared/anercorp/train.txt [--flat] /tmp/real 30000 [SEED]
//! ```
//!
//! The first form recombines the bundled samples with generated names (fast
//! and self-contained, for tests). `--news` builds an archive that looks like
//! real news (`sahifa::corpus::NewsLike`): real labelled sentences with real
//! names from the bundled Wikidata and GeoNames lexicons. Files go into
//! subdirectories of a thousand, or all into one with `--flat`; the same
//! arguments write the same bytes.

#[macro_use]
#[path = "shared/out.rs"]
mod out;

use std::path::PathBuf;
use std::process::ExitCode;

const NAMES: &str = include_str!("../entities/data/names-wikidata.tsv");
const TOWNS: &str = include_str!("../entities/data/places-geonames.tsv");
const CLDR: &str = include_str!("../entities/data/places-cldr.tsv");
const CURATED: &str = include_str!("../entities/data/places-curated.tsv");

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let flat = take_flag(&mut args, "--flat");
    let news = match args.iter().position(|a| a == "--news") {
        Some(i) if i + 1 < args.len() => {
            let file = args.remove(i + 1);
            args.remove(i);
            Some(file)
        }
        Some(_) => return usage(),
        None => None,
    };
    let (Some(dir), Some(Ok(n))) = (args.first(), args.get(1).map(|s| s.parse::<usize>())) else {
        return usage();
    };
    let seed = match args.get(2).map(|s| s.parse::<u64>()) {
        None => 1,
        Some(Ok(s)) => s,
        Some(Err(_)) => {
            eprintln!("sahifa-corpus: SEED must be a number");
            return ExitCode::from(2);
        }
    };
    let root = PathBuf::from(dir);
    let write = |rel: &str, text: &str| {
        let path = root.join(rel);
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, text))
            .map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let written = match news {
        None => {
            let mut bytes = 0;
            sahifa::corpus::synthetic_pages(n, seed)
                .try_for_each(|(rel, text)| {
                    let rel = if flat {
                        rel.rsplit('/').next().unwrap_or(&rel).to_owned()
                    } else {
                        rel
                    };
                    bytes += text.len();
                    write(&rel, &text)
                })
                .map(|()| format!("{n} articles, {:.1} MB", bytes as f64 / 1e6))
        }
        Some(file) => news_like(&file, n, seed, flat, write),
    };
    match written {
        Ok(what) => {
            say!("wrote {what} to {}", root.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("sahifa-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn news_like(
    file: &str,
    n: usize,
    seed: u64,
    flat: bool,
    write: impl FnMut(&str, &str) -> Result<(), String>,
) -> Result<String, String> {
    let labelled = std::fs::read_to_string(file).map_err(|e| format!("cannot read {file}: {e}"))?;
    let (given, surnames) = names();
    let news = sahifa::corpus::NewsLike::new(&labelled, &given, &surnames, places(), seed)
        .ok_or_else(|| format!("{file}: too few labelled sentences"))?;
    let made = news.pages(n, seed, flat, write)?;
    Ok(format!(
        "{} articles, {:.1} MB, {} distinct persons and {} places put in",
        made.articles,
        made.bytes as f64 / 1e6,
        made.persons,
        made.places
    ))
}

/// Given names and surnames, most people first.
fn names() -> (Vec<String>, Vec<String>) {
    let mut rows: Vec<(&str, &str, u64)> = NAMES
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?, f.next()?.parse().ok()?))
        })
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(b.0)));
    let of = |role: &str| {
        rows.iter()
            .filter(|r| r.1 == role)
            .map(|r| r.0.to_owned())
            .collect()
    };
    (of("g"), of("s"))
}

/// Countries, then the curated cities, then GeoNames' towns by population.
fn places() -> Vec<String> {
    let first = |text: &'static str| {
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .map(|s| s.split('|').next().unwrap_or(s).to_owned())
    };
    let countries = CLDR
        .lines()
        .filter(|l| l.split('\t').nth(2) == Some("country"))
        .filter_map(|l| l.split('\t').next().map(str::to_owned));
    let mut towns: Vec<(&str, u64)> = TOWNS
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.nth(1)?.parse().ok()?))
        })
        .collect();
    towns.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut seen = std::collections::HashSet::new();
    first(CURATED)
        .chain(countries)
        .chain(towns.into_iter().map(|t| t.0.to_owned()))
        .filter(|p| seen.insert(p.clone()))
        .collect()
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

fn usage() -> ExitCode {
    eprintln!("usage: sahifa-corpus [--news LABELLED] [--flat] DIR COUNT [SEED]");
    ExitCode::from(2)
}
