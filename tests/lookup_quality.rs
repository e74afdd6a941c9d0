//! Latin-script lookup of names the project has never seen, on news it has
//! never seen (`tests/data/unseen-news`: articles written for this test about
//! people and places absent from the training data), and the sample-corpus
//! lookups of the lookup issue.

use std::path::Path;

use sahifa::corpus::{load, CorpusSource};
use sahifa::entities::gazetteer::Gazetteer;
use sahifa::entities::{analyze, Extractor, Kind};
use sahifa::search::{articles_of, filter, NameIndex};

#[test]
fn unseen_names_on_unseen_news() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/unseen-news"
    ));
    let corpus = load(&CorpusSource::Path(dir.to_path_buf())).unwrap();
    assert_eq!(corpus.articles.len(), 8);
    let found = analyze(&corpus.articles, &Extractor::builtin().unwrap());
    let index = NameIndex::build(&found.entities, &Gazetteer::builtin());
    let queries = std::fs::read_to_string(dir.join("queries.tsv")).unwrap();
    let (mut p_sum, mut r_sum, mut n) = (0.0, 0.0, 0.0);
    let mut report = String::new();
    for line in queries
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        let kind = if cols[0] == "person" {
            Kind::Person
        } else {
            Kind::Place
        };
        let want: Vec<&str> = cols[2].split(' ').collect();
        let got: Vec<&str> = articles_of(&found, &index.search(cols[1], Some(kind)))
            .into_iter()
            .map(|i| corpus.articles[i].id.as_str())
            .collect();
        let hit = got.iter().filter(|g| want.contains(g)).count() as f64;
        let (p, r) = (
            if got.is_empty() {
                0.0
            } else {
                hit / got.len() as f64
            },
            hit / want.len() as f64,
        );
        if p < 1.0 || r < 1.0 {
            report.push_str(&format!(
                "{} {:?}: got {got:?}, want {want:?}\n",
                cols[0], cols[1]
            ));
        }
        p_sum += p;
        r_sum += r;
        n += 1.0;
    }
    let (p, r) = (p_sum / n, r_sum / n);
    eprintln!("{n} queries: mean precision {p:.3}, mean recall {r:.3}\n{report}");
    assert!(
        r >= 0.7 && p >= 0.6,
        "mean precision {p:.3}, recall {r:.3}\n{report}"
    );
}

#[test]
fn sample_corpus_lookups() {
    let corpus = load(&CorpusSource::Bundled).unwrap();
    let found = analyze(&corpus.articles, &Extractor::builtin().unwrap());
    let index = NameIndex::build(&found.entities, &Gazetteer::builtin());
    let ids = |person: Option<&str>, place: Option<&str>| -> Vec<String> {
        filter(&index, &found, person, place)
            .unwrap()
            .into_iter()
            .map(|i| corpus.articles[i].id[..3].to_owned())
            .collect()
    };
    let all = ["000", "001", "002", "003", "004"];
    for q in ["استانه", "الآستانا", "astana", "أستانة"] {
        assert_eq!(ids(None, Some(q)), all, "{q}");
    }
    for q in ["putin", "بوتن", "بوتين", "Putin"] {
        assert_eq!(ids(Some(q), None), ["000", "001", "004"], "{q}");
    }
    assert_eq!(ids(Some("de mistura"), None), ["001", "002"]);
    assert_eq!(ids(Some("lavrov"), None), all);
    assert_eq!(ids(Some("erdogan"), None), ["000", "004"]);
    assert_eq!(ids(Some("zarif"), None), ["002"]);
    assert_eq!(ids(Some("bogdanov"), None), ["002", "003"]);
    assert_eq!(ids(None, Some("حلب")), ["004"]);
    assert_eq!(ids(None, Some("halab")), ["004"]);
    assert_eq!(ids(None, Some("tadmur")), ["004"]);
    assert_eq!(ids(None, Some("دمشق")), ["001", "004"]);
    assert_eq!(ids(None, Some("moscow")), ["000", "001", "003", "004"]);
    assert_eq!(ids(Some("لافروف"), Some("طهران")), ["003"]);
    assert!(ids(Some("ترامب"), None).is_empty());
    assert!(ids(Some("trump"), None).is_empty());
}

#[test]
fn ranking_puts_the_best_match_first() {
    let corpus = load(&CorpusSource::Bundled).unwrap();
    let found = analyze(&corpus.articles, &Extractor::builtin().unwrap());
    let index = NameIndex::build(&found.entities, &Gazetteer::builtin());
    let hits = index.search("لافرو", None);
    assert!(!hits.is_empty(), "a prefix finds the name as you type");
    assert_eq!(found.entities[hits[0].entity].name, "سيرغي لافروف");
    assert!(hits.windows(2).all(|w| w[0].score >= w[1].score));
    let typo = index.search("لافوروف", Some(Kind::Person));
    assert_eq!(
        found.entities[typo[0].entity].name, "سيرغي لافروف",
        "an extra letter is forgiven"
    );
}
