//! Writes a synthetic corpus of scraped-looking pages, for benchmarks and
//! scale tests on a fresh machine (nothing is needed beyond this repository):
//!
//! ```sh
//! cargo run --release --bin sahifa-corpus -- /tmp/news 30000 [SEED]
//! ```
//!
//! Files go into subdirectories of a thousand; the same arguments write the
//! same bytes.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(dir), Some(Ok(n))) = (args.first(), args.get(1).map(|s| s.parse::<usize>())) else {
        eprintln!("usage: sahifa-corpus DIR COUNT [SEED]");
        return ExitCode::from(2);
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
    let mut bytes = 0u64;
    for (rel, text) in sahifa::corpus::synthetic_pages(n, seed) {
        let path = root.join(&rel);
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &text));
        if let Err(e) = written {
            eprintln!("sahifa-corpus: cannot write {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        bytes += text.len() as u64;
    }
    println!(
        "wrote {n} articles, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        root.display()
    );
    ExitCode::SUCCESS
}
