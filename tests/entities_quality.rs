//! Extraction quality on the bundled samples against a hand-written gold list
//! (`tests/data/sample-entities.json`): per-article precision and recall for
//! persons and for places, and no real entity split across clusters.

use std::collections::{BTreeMap, HashMap, HashSet};

use sahifa::corpus::{load, CorpusSource};
use sahifa::entities::{analyze, Extractor, Kind};
use sahifa::text::normalize_str;
use serde_json::Value;

struct Score {
    matched_pred: usize,
    pred: usize,
    matched_gold: usize,
    gold: usize,
}

#[test]
fn samples_meet_precision_and_recall() {
    let gold: Value = serde_json::from_str(include_str!("data/sample-entities.json")).unwrap();
    let corpus = load(&CorpusSource::Bundled).unwrap();
    let found = analyze(&corpus.articles, &Extractor::builtin().unwrap());
    let spellings: HashMap<&str, (Kind, HashSet<String>)> = gold["entities"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(id, e)| {
            let kind = if e["kind"] == "person" {
                Kind::Person
            } else {
                Kind::Place
            };
            let names = e["spellings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| normalize_str(s.as_str().unwrap()))
                .collect();
            (id.as_str(), (kind, names))
        })
        .collect();
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut clusters_of: HashMap<&str, HashSet<String>> = HashMap::new();
    let mut report = String::new();
    let mut misnamed: Vec<String> = Vec::new();
    for (i, article) in corpus.articles.iter().enumerate() {
        let prefix = &article.id[..3];
        let gold_ids: Vec<&str> = gold["articles"][prefix]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        for (kind, label) in [(Kind::Person, "person"), (Kind::Place, "place")] {
            let predicted = found.of_article(i, kind);
            let wanted: Vec<&str> = gold_ids
                .iter()
                .copied()
                .filter(|g| spellings[g].0 == kind)
                .collect();
            let matches = |e: &sahifa::entities::Entity, g: &str| {
                e.variants
                    .iter()
                    .any(|v| spellings[g].1.contains(&normalize_str(v)))
            };
            let s = scores.entry(label).or_insert(Score {
                matched_pred: 0,
                pred: 0,
                matched_gold: 0,
                gold: 0,
            });
            for e in &predicted {
                let hit = wanted.iter().find(|g| matches(e, g));
                match hit {
                    Some(g) => {
                        s.matched_pred += 1;
                        // The name shown is a spelling of the entity, not a
                        // variant run on into a neighbouring word.
                        if !spellings[g].1.contains(&normalize_str(&e.name)) {
                            misnamed.push(format!("{prefix} {g}: {}", e.name));
                        }
                        clusters_of
                            .entry(g)
                            .or_default()
                            .insert(format!("{:?}:{}", e.kind, e.name));
                    }
                    None => report.push_str(&format!(
                        "{prefix} extra {label}: {} {:?}\n",
                        e.name, e.variants
                    )),
                }
            }
            for g in &wanted {
                if predicted.iter().any(|e| matches(e, g)) {
                    s.matched_gold += 1;
                } else {
                    report.push_str(&format!("{prefix} missed {label}: {g}\n"));
                }
            }
            s.pred += predicted.len();
            s.gold += wanted.len();
        }
    }
    let mut summary = String::new();
    let mut ok = true;
    for (label, s) in &scores {
        let p = s.matched_pred as f64 / s.pred.max(1) as f64;
        let r = s.matched_gold as f64 / s.gold.max(1) as f64;
        summary.push_str(&format!(
            "{label}: precision {p:.3} ({}/{}), recall {r:.3} ({}/{})\n",
            s.matched_pred, s.pred, s.matched_gold, s.gold
        ));
        ok &= p >= 0.9 && r >= 0.9;
    }
    let split: Vec<String> = clusters_of
        .iter()
        .filter(|(_, c)| c.len() > 1)
        .map(|(g, c)| format!("{g}: {c:?}"))
        .collect();
    eprintln!("{summary}{report}split: {split:?}");
    assert!(ok, "below 0.9:\n{summary}{report}");
    assert!(split.len() <= 1, "entities split over clusters: {split:?}");
    assert!(misnamed.is_empty(), "canonical names off: {misnamed:?}");
}
