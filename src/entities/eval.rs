//! Scoring extraction against labelled text, per article and at entity
//! level, as the reader uses it: the distinct persons and places an article
//! is listed under. Shared by `sahifa-train` (held-out folds) and
//! `sahifa-eval` (another domain, and a corpus at scale).

use std::collections::HashSet;

use super::model::TAGS;
use super::tagger::spans;
pub use super::tagger::{read_labelled, RawSentence};
use super::{analyze, paragraphs, CorpusEntities, Extractor, Kind};
use crate::corpus::Article;
use crate::text::{analyses, normalize_str};

/// A labelled article: its sentences, which become its paragraphs.
pub struct LabelledDoc<'a> {
    /// A name for reports.
    pub id: String,
    /// The sentences.
    pub sentences: &'a [RawSentence],
}

impl<'a> LabelledDoc<'a> {
    /// Running text cut into pseudo-articles of `size` sentences, named
    /// `prefix/N`.
    pub fn chunks(sentences: &'a [RawSentence], size: usize, prefix: &str) -> Vec<Self> {
        sentences
            .chunks(size)
            .enumerate()
            .map(|(i, sentences)| LabelledDoc {
                id: format!("{prefix}/{i:04}"),
                sentences,
            })
            .collect()
    }

    /// The article extraction sees: one paragraph per sentence.
    pub fn article(&self) -> Article {
        let body = self.sentences.iter().map(|(w, _)| w.join(" ")).collect();
        Article::from_text(self.id.clone(), String::new(), body)
    }

    /// The distinct gold names of a kind, normalized.
    pub fn gold(&self, kind: Kind) -> HashSet<String> {
        let label = match kind {
            Kind::Person => "PERS",
            Kind::Place => "LOC",
        };
        let mut out = HashSet::new();
        for (words, tags) in self.sentences {
            let tags: Vec<usize> = tags
                .iter()
                .map(|t| TAGS.iter().position(|x| x == t).unwrap_or(0))
                .collect();
            for (_, a, b) in spans(&tags).into_iter().filter(|s| s.0 == label) {
                let name = normalize_str(&words[a..b].join(" "));
                if !name.is_empty() {
                    out.insert(name);
                }
            }
        }
        out
    }
}

/// The distinct names of a kind that an analyzed corpus lists for article
/// `a`, normalized, as written in the text.
pub fn predicted(
    found: &CorpusEntities,
    articles: &[Article],
    a: usize,
    kind: Kind,
) -> HashSet<String> {
    let text = paragraphs(&articles[a]);
    found
        .spots(a)
        .iter()
        .filter(|s| s.kind == kind)
        .filter_map(|s| text[s.paragraph as usize].get(s.start as usize..s.end as usize))
        .map(normalize_str)
        .collect()
}

/// Whether two spellings name the same entity: equal, or the shorter is the
/// end of the longer, word for word (a surname alone, a first name or title
/// dropped), ignoring proclitics glued to the first word. A first name
/// alone, or a name run on into the next word, is not.
pub fn same(a: &str, b: &str) -> bool {
    let (x, y): (Vec<&str>, Vec<&str>) = (a.split(' ').collect(), b.split(' ').collect());
    let (short, long) = if x.len() <= y.len() { (x, y) } else { (y, x) };
    let Some((first, rest)) = short.split_first() else {
        return false;
    };
    let at = long.len() - short.len();
    if !long[at + 1..].iter().eq(rest) {
        return false;
    }
    let other = long[at];
    if *first == other {
        return true;
    }
    // Only a spelling's own first word carries its proclitics: the short
    // one's, or the long one's when both are as long.
    without_particles(first).any(|b| b == other)
        || (at == 0 && without_particles(other).any(|b| b == *first))
}

/// The ways to read a word without the conjunctions and prepositions glued
/// to it (و, ف, ب, ك, ل), the article kept: لبوتين → بوتين, والصدر →
/// الصدر, للمالكي → المالكي. The article is part of many names (المالكي
/// is not مالكي). Every reading of [`analyses`] is given: وكريستوفر is و +
/// كريستوفر, not وك + ريستوفر.
fn without_particles(word: &str) -> impl Iterator<Item = String> + '_ {
    analyses(word).into_iter().skip(1).map(|a| {
        if a.article {
            format!("ال{}", a.stem)
        } else {
            a.stem.to_owned()
        }
    })
}

/// Counts for one kind: predictions that match a gold name, predictions,
/// gold names found, gold names; and exact spellings matched.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    /// Predicted names that match a gold name.
    pub right: usize,
    /// Predicted names.
    pub predicted: usize,
    /// Gold names some prediction matches.
    pub found: usize,
    /// Gold names.
    pub gold: usize,
    /// Predicted names equal to a gold name.
    pub exact: usize,
}

impl Tally {
    /// Adds one article's sets.
    pub fn add(&mut self, gold: &HashSet<String>, pred: &HashSet<String>) {
        self.right += pred
            .iter()
            .filter(|p| gold.iter().any(|g| same(p, g)))
            .count();
        self.found += gold
            .iter()
            .filter(|g| pred.iter().any(|p| same(p, g)))
            .count();
        self.exact += gold.intersection(pred).count();
        self.predicted += pred.len();
        self.gold += gold.len();
    }

    /// Adds another tally.
    pub fn merge(&mut self, o: &Tally) {
        self.right += o.right;
        self.predicted += o.predicted;
        self.found += o.found;
        self.gold += o.gold;
        self.exact += o.exact;
    }

    /// Entity-level precision.
    pub fn precision(&self) -> f64 {
        self.right as f64 / self.predicted.max(1) as f64
    }

    /// Entity-level recall.
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.gold.max(1) as f64
    }

    /// Harmonic mean of the two.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        2.0 * p * r / (p + r).max(1e-9)
    }

    /// One line for a report.
    pub fn line(&self) -> String {
        format!(
            "P {:.3} R {:.3} F1 {:.3}; exact spellings P {:.3} R {:.3} (gold {}, predicted {})",
            self.precision(),
            self.recall(),
            self.f1(),
            self.exact as f64 / self.predicted.max(1) as f64,
            self.exact as f64 / self.gold.max(1) as f64,
            self.gold,
            self.predicted
        )
    }
}

/// Persons and places.
pub type Scores = [Tally; 2];

/// A report line per kind, headed by `what`.
pub fn score_lines(scores: &Scores, what: &str) -> [String; 2] {
    ["persons", "places"].map(|label| {
        let k = usize::from(label == "places");
        format!("{what}: {label:7} {}", scores[k].line())
    })
}

/// Analyzes the documents together, as one corpus (so the corpus-wide steps
/// run), and scores every document from that one index. With `debug`, each
/// false and missed name is written to stderr.
pub fn score_corpus(extractor: &Extractor, docs: &[LabelledDoc], debug: bool) -> Scores {
    let articles: Vec<Article> = docs.iter().map(LabelledDoc::article).collect();
    let found = analyze(&articles, extractor);
    let mut out = Scores::default();
    for (a, doc) in docs.iter().enumerate() {
        for (k, kind) in [Kind::Person, Kind::Place].into_iter().enumerate() {
            let gold = doc.gold(kind);
            let pred = predicted(&found, &articles, a, kind);
            if debug {
                for x in pred.iter().filter(|p| !gold.iter().any(|g| same(p, g))) {
                    eprintln!("FP {kind:?} {} {x}", doc.id);
                }
                for x in gold.iter().filter(|g| !pred.iter().any(|p| same(p, g))) {
                    eprintln!("FN {kind:?} {} {x}", doc.id);
                }
            }
            out[k].add(&gold, &pred);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_level_matching() {
        assert!(same("فلاديمير بوتين", "بوتين"));
        assert!(same("بوتين", "بوتين"));
        assert!(!same("فلاديمير بوتين", "فلاديمير"));
        assert!(!same("بوتين يقول", "بوتين"));
        // Proclitics glued to a spelling's first word.
        assert!(same("لبوتين", "بوتين"));
        assert!(same("فلاديمير بوتين", "لبوتين"));
        assert!(same("وكريستوفر", "كريستوفر"));
        assert!(same("والصدر", "الصدر"));
        assert!(same("للمالكي", "المالكي"));
        assert!(same("ولفلاديمير بوتين", "فلاديمير بوتين"));
        assert!(!same("الصدر", "صدر"), "the article is part of the name");
        assert!(!same("فلاديمير لبوتين", "بوتين"), "only a first word's");
        assert!(!same("بوتين", "لبوتين يقول"));
    }

    #[test]
    fn aqmar_labels_map_to_anercorp_ones() {
        let s = read_labelled("دمشق B-LOC\nهي O\nريزون B-PER\nx B-MIS1\n\n");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].1, ["B-LOC", "O", "B-PERS", "B-MISC"]);
        let doc = LabelledDoc {
            id: "d".into(),
            sentences: &s,
        };
        assert!(doc.gold(Kind::Person).contains("ريزون"));
        assert!(doc.gold(Kind::Place).contains("دمشق"));
    }
}
