//! Trains the entity tagger on ANERcorp and reports held-out precision/recall.
//!
//! ```sh
//! cargo run --release --bin sahifa-train -- ../shared/anercorp/train.txt src/entities/data/ner.model
//! ```
//!
//! Ten folds: each holds out every tenth run of ten consecutive sentences,
//! trains on the rest and scores the held-out part (tagger spans, then the
//! whole pipeline per pseudo-article, at entity level and by exact
//! spelling); the sums over folds are printed, then the shipped model is
//! trained on all sentences. Same input, same bytes out (about a minute).

use std::collections::HashSet;
use std::process::ExitCode;

use sahifa::corpus::Article;
use sahifa::entities::features::Counts;
use sahifa::entities::gazetteer::Gazetteer;
use sahifa::entities::model::Perceptron;
use sahifa::entities::tagger::{read_conll, spans, tag, train, Labelled};
use sahifa::entities::{analyze, paragraphs, Extractor, Kind};
use sahifa::text::normalize_str;

/// Held-out sentences per pseudo-article in the pipeline report.
const DOC_SENTENCES: usize = 10;

/// Runs the whole pipeline on the held-out sentences as the reader runs it on
/// a corpus: sentences grouped into pseudo-articles, analyzed together (so
/// names the corpus knows are found again), then precision and recall of the
/// distinct persons and places per article, as the samples are counted.
fn pipeline_report(model: Perceptron, held: &[Labelled], total: &mut Scores) {
    let extractor = match Extractor::from_model(model) {
        Ok(e) => e,
        Err(e) => return eprintln!("sahifa-train: {e}"),
    };
    let docs: Vec<&[Labelled]> = held.chunks(DOC_SENTENCES).collect();
    let articles: Vec<Article> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let body: Vec<String> = doc.iter().map(|(w, _)| w.join(" ")).collect();
            Article {
                id: format!("held/{i:04}"),
                title: String::new(),
                words: Article::count_words(&body),
                body,
                source: None,
                dateline: None,
                date: None,
                url: None,
                path: String::new(),
                record: 0,
            }
        })
        .collect();
    let found = analyze(&articles, &extractor);
    let Scores { score, entity } = total;
    for (a, doc) in docs.iter().enumerate() {
        let text = paragraphs(&articles[a]);
        for (k, (kind, label)) in [(Kind::Person, "PERS"), (Kind::Place, "LOC")]
            .into_iter()
            .enumerate()
        {
            let gold: HashSet<String> = doc
                .iter()
                .flat_map(|(w, t)| {
                    spans(t)
                        .into_iter()
                        .filter(|s| s.0 == label)
                        .map(|s| w[s.1..s.2].join(" "))
                        .collect::<Vec<_>>()
                })
                .collect();
            let pred: HashSet<String> = found
                .spots(a)
                .iter()
                .filter(|s| s.kind == kind)
                .filter_map(|s| text[s.paragraph as usize].get(s.start as usize..s.end as usize))
                .map(normalize_str)
                .collect();
            if std::env::var_os("SAHIFA_TRAIN_DEBUG").is_some() {
                for x in pred.difference(&gold) {
                    eprintln!("FP {label} {x}");
                }
                for x in gold.difference(&pred) {
                    eprintln!("FN {label} {x}");
                }
            }
            score[k].0 += gold.intersection(&pred).count();
            score[k].1 += pred.len();
            score[k].2 += gold.len();
            // Entity level, as the samples are counted: a name written in
            // part (شومسكي for نعوم شومسكي, with or without a title) is the
            // same person or place.
            entity[k].0 += pred
                .iter()
                .filter(|p| gold.iter().any(|g| same(p, g)))
                .count();
            entity[k].1 += gold
                .iter()
                .filter(|g| pred.iter().any(|p| same(p, g)))
                .count();
        }
    }
}

/// Counts summed over folds: per kind (persons, places), exact spellings
/// (matched, predicted, gold) and entity level (predictions matched, gold
/// found).
#[derive(Default)]
struct Scores {
    score: [(usize, usize, usize); 2],
    entity: [(usize, usize); 2],
}

impl Scores {
    fn print(&self, what: &str) {
        for (k, label) in ["persons", "places"].into_iter().enumerate() {
            let (tp, pred, gold) = self.score[k];
            let ratio = |a: usize, b: usize| a as f64 / b.max(1) as f64;
            println!(
                "{what}: {label:7} entity level P {:.3} R {:.3}; exact spellings P {:.3} R {:.3} (gold {gold}, predicted {pred})",
                ratio(self.entity[k].0, pred),
                ratio(self.entity[k].1, gold),
                ratio(tp, pred),
                ratio(tp, gold),
            );
        }
    }
}

/// Whether two spellings name the same entity: equal, or the shorter is the
/// end of the longer, word for word (a surname alone, a first name or title
/// dropped). A first name alone, or a name run on into the next word, is not.
fn same(a: &str, b: &str) -> bool {
    let (x, y): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    long.ends_with(&short)
}

const EPOCHS: usize = 12;

/// Folds of the held-out evaluation.
const FOLDS: usize = 10;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: sahifa-train ANERCORP_TRAIN.txt OUTPUT.model");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("sahifa-train: {input}: {e}");
            return ExitCode::from(1);
        }
    };
    let gaz = Gazetteer::builtin();
    let sentences = read_conll(&text);
    // Ten folds, each holding out every tenth run of DOC_SENTENCES
    // consecutive sentences (running text, as news articles are), so that
    // every sentence is held out once and the figures do not hang on one
    // draw of a few hundred names.
    let mut spans_total = [(0usize, 0usize, 0usize); 4];
    let mut total = Scores::default();
    for fold in 0..FOLDS {
        let held_out = |i: usize| (i / DOC_SENTENCES) % FOLDS == fold;
        let (held, rest): (Vec<_>, Vec<_>) = sentences
            .iter()
            .enumerate()
            .partition(|(i, _)| held_out(*i));
        let held: Vec<Labelled> = held.into_iter().map(|(_, s)| s.clone()).collect();
        let rest: Vec<Labelled> = rest.into_iter().map(|(_, s)| s.clone()).collect();
        let model = train(&rest, &gaz, EPOCHS);
        let counts: Counts = model
            .vocabulary
            .iter()
            .map(|(w, c, _)| (w.clone(), *c))
            .collect();
        for (k, kind) in ["PERS", "LOC", "ORG", "MISC"].into_iter().enumerate() {
            for (words, tags) in &held {
                let got = tag(&model, &gaz, &counts, words);
                let want: HashSet<_> = spans(tags).into_iter().filter(|s| s.0 == kind).collect();
                let have: HashSet<_> = spans(&got).into_iter().filter(|s| s.0 == kind).collect();
                spans_total[k].0 += want.intersection(&have).count();
                spans_total[k].1 += have.len();
                spans_total[k].2 += want.len();
            }
        }
        let mut this = Scores::default();
        pipeline_report(model, &held, &mut this);
        this.print(&format!("fold {fold}"));
        for k in 0..2 {
            let (a, b) = (&mut total.score[k], this.score[k]);
            *a = (a.0 + b.0, a.1 + b.1, a.2 + b.2);
            let (a, b) = (&mut total.entity[k], this.entity[k]);
            *a = (a.0 + b.0, a.1 + b.1);
        }
    }
    for (k, kind) in ["PERS", "LOC", "ORG", "MISC"].into_iter().enumerate() {
        let (tp, pred, gold) = spans_total[k];
        let p = tp as f64 / pred.max(1) as f64;
        let r = tp as f64 / gold.max(1) as f64;
        println!(
            "tagger spans, {FOLDS} folds: {kind:5} precision {p:.3} recall {r:.3} F1 {:.3} (gold {gold}, predicted {pred})",
            2.0 * p * r / (p + r).max(1e-9)
        );
    }
    total.print(&format!(
        "pipeline, {FOLDS} folds, per pseudo-article of {DOC_SENTENCES} sentences"
    ));
    let model = train(&sentences, &gaz, EPOCHS);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(output, &bytes) {
        eprintln!("sahifa-train: {output}: {e}");
        return ExitCode::from(1);
    }
    println!(
        "wrote {output}: {} features, {} bytes",
        model.len(),
        bytes.len()
    );
    ExitCode::SUCCESS
}
