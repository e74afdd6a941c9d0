//! Measures extraction where the folds cannot: another domain, and a corpus
//! large enough for the corpus-wide steps to do harm.
//!
//! ```sh
//! cargo run --release --bin sahifa-eval -- ../shared/anercorp/train.txt ../shared/aqmar/articles
//! ```
//!
//! 1. AQMAR (28 Wikipedia articles, evaluation only): the shipped extractor on
//!    the 28 articles as one corpus, persons and places per article.
//! 2. Scale: a tagger trained on the first half of ANERcorp only (contiguous),
//!    then a corpus of every two sentences of the second half and of AQMAR
//!    as pseudo-articles (over 2,000), indexed as one corpus and scored per
//!    pseudo-article from that one index, beside each pseudo-article analyzed
//!    on its own; then the 30 persons and 30 places with the most articles,
//!    each marked by whether it is a gold name anywhere, and the share of
//!    entities found in one article only.
//!
//! `SAHIFA_EVAL_DEBUG=1` lists every false and missed name on stderr;
//! `SAHIFA_EVAL_DUMP=DIR` writes the scale corpus there, one file a
//! pseudo-article.

#[macro_use]
#[path = "shared/out.rs"]
mod out;

use std::collections::HashSet;
use std::path::Path;
use std::process::ExitCode;

use sahifa::corpus::Article;
use sahifa::entities::eval::{
    read_labelled, score_corpus, score_lines, LabelledDoc, RawSentence, Scores,
};
use sahifa::entities::gazetteer::Gazetteer;
use sahifa::entities::tagger::{normalized, train};
use sahifa::entities::{analyze, Extractor, Kind};
use sahifa::text::normalize_str;

/// Sentences per pseudo-article of the scale corpus.
const CHUNK: usize = 2;

/// Training epochs, as `sahifa-train`.
const EPOCHS: usize = 20;

fn read_aqmar(dir: &Path) -> std::io::Result<Vec<(String, Vec<RawSentence>)>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            Ok((name, read_labelled(&std::fs::read_to_string(&p)?)))
        })
        .collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [anercorp, aqmar] = args.as_slice() else {
        eprintln!("usage: sahifa-eval ANERCORP_TRAIN.txt AQMAR_ARTICLES_DIR");
        return ExitCode::from(2);
    };
    let debug = std::env::var_os("SAHIFA_EVAL_DEBUG").is_some();
    let text = match std::fs::read_to_string(anercorp) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("sahifa-eval: {anercorp}: {e}");
            return ExitCode::from(1);
        }
    };
    let aqmar = match read_aqmar(Path::new(aqmar)) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("sahifa-eval: {aqmar}: {e}");
            return ExitCode::from(1);
        }
    };
    let shipped = match Extractor::builtin() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("sahifa-eval: {e}");
            return ExitCode::from(1);
        }
    };

    // 1. AQMAR, whole articles, the shipped model.
    let docs: Vec<LabelledDoc> = aqmar
        .iter()
        .map(|(id, s)| LabelledDoc {
            id: id.clone(),
            sentences: s,
        })
        .collect();
    print(
        &score_corpus(&shipped, &docs, debug),
        &format!("AQMAR, {} articles as one corpus", docs.len()),
    );

    // 2. Scale: a model that never saw the second half of ANERcorp.
    let raw = read_labelled(&text);
    let labelled = normalized(&raw);
    let half = labelled.len() / 2;
    let model = train(&labelled[..half], &Gazetteer::builtin(), EPOCHS);
    let extractor = match Extractor::from_model(model) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("sahifa-eval: {e}");
            return ExitCode::from(1);
        }
    };
    let mut docs = LabelledDoc::chunks(&raw[half..], CHUNK, "anercorp");
    for (name, sentences) in &aqmar {
        docs.extend(LabelledDoc::chunks(sentences, CHUNK, name));
    }
    let n = docs.len();
    if let Some(dir) = std::env::var_os("SAHIFA_EVAL_DUMP") {
        // The scale corpus as article files, for the reader and benchmarks.
        let dir = Path::new(&dir);
        for (i, d) in docs.iter().enumerate() {
            let a = d.article();
            let text = a.body.join("\n\n");
            let path = dir.join(format!("{i:05}.txt"));
            if let Err(e) = std::fs::create_dir_all(dir).and_then(|_| std::fs::write(&path, text)) {
                eprintln!("sahifa-eval: {}: {e}", path.display());
                return ExitCode::from(1);
            }
        }
    }
    print(
        &score_corpus(&extractor, &docs, debug),
        &format!("scale, {n} pseudo-articles of {CHUNK} sentences, one index"),
    );
    let mut alone = Scores::default();
    for d in &docs {
        let s = score_corpus(&extractor, std::slice::from_ref(d), false);
        alone[0].merge(&s[0]);
        alone[1].merge(&s[1]);
    }
    print(&alone, &format!("scale, the same {n} each analyzed alone"));

    let articles: Vec<Article> = docs.iter().map(LabelledDoc::article).collect();
    let found = analyze(&articles, &extractor);
    for kind in [Kind::Person, Kind::Place] {
        let gold: HashSet<String> = docs.iter().flat_map(|d| d.gold(kind)).collect();
        let of_kind: Vec<_> = found.entities.iter().filter(|e| e.kind == kind).collect();
        let single = of_kind.iter().filter(|e| e.articles.len() == 1).count();
        let mut top: Vec<_> = of_kind.clone();
        top.sort_by_key(|e| std::cmp::Reverse(e.articles.len()));
        let top: Vec<_> = top.into_iter().take(30).collect();
        // Strict: the entity's name is a gold name in full.
        let is_gold = |name: &str| gold.contains(&normalize_str(name));
        let real = top.iter().filter(|e| is_gold(&e.name)).count();
        say!(
            "scale: {kind:?}: {} entities, {:.0} % in one article only; of the 30 with the most articles, {real} are gold names:",
            of_kind.len(),
            100.0 * single as f64 / of_kind.len().max(1) as f64
        );
        for e in top {
            let mark = if is_gold(&e.name) { ' ' } else { '✗' };
            say!("  {mark} {:5} {}", e.articles.len(), e.name);
        }
    }
    ExitCode::SUCCESS
}

/// Prints a line per kind, headed by `what`.
fn print(scores: &Scores, what: &str) {
    for line in score_lines(scores, what) {
        say!("{line}");
    }
}
